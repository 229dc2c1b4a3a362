package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
)

// canonical is a tree as the page shows it, with attributes sorted (the
// DOM's attribute order does not matter).
func canonical(n *Node) string {
	var walk func(*Node)
	walk = func(n *Node) {
		slices.SortStableFunc(n.Attrs, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(n)
	return n.String()
}

// checkPatch checks the patch property: the page showing old, patched with
// Patch(old, new), shows what mounting new shows.
func checkPatch(t *testing.T, name string, old, new *Node) string {
	t.Helper()
	dom := Decode(Encode(old))
	spec := Patch(old, new)
	Apply(dom, spec)
	if got, want := canonical(dom), canonical(Decode(Encode(new))); got != want {
		t.Fatalf("%s: patched:\n%s\nmounted:\n%s\npatch %q", name, got, want, spec)
	}
	if old.Equal(new) && spec != "" {
		t.Errorf("%s: equal trees give the patch %q", name, spec)
	}
	return spec
}

// TestPatchViews walks every example in turn, patching each pane from the
// previous example's view to the next, and checks that a keystroke's
// patch is small.
func TestPatchViews(t *testing.T) {
	type views struct{ why, after, overlay, diagram *Node }
	view := func(raw []byte, cfg *engine.Config) views {
		res := engine.Negotiate(raw, cfg)
		text := editor.Text(raw, "crlf")
		_, m := editor.MapText(text, "crlf")
		return views{Explanation(res), After(res, true), Overlay(text, res, m, editor.Marks(text)), Diagram(res)}
	}
	prev := view(nil, nil)
	var memo, diagrams Memo
	for _, ex := range gallery.Examples() {
		cfg := ex.Config()
		next := view(ex.Request, &cfg)
		// The memo changes nothing the pane shows, twice in a row too.
		for range 2 {
			if got := memo.Explanation(engine.Negotiate(ex.Request, &cfg)); !got.Equal(next.why) {
				t.Fatalf("%s: the memo's Why pane differs:\n%s\nwant:\n%s", ex.ID, got, next.why)
			}
			memo.Done()
			if got := diagrams.Diagram(engine.Negotiate(ex.Request, &cfg)); !got.Equal(next.diagram) {
				t.Fatalf("%s: the memo's diagram differs:\n%s\nwant:\n%s", ex.ID, got, next.diagram)
			}
			diagrams.Done()
		}
		checkPatch(t, ex.ID+" why", prev.why, next.why)
		checkPatch(t, ex.ID+" after", prev.after, next.after)
		checkPatch(t, ex.ID+" overlay", prev.overlay, next.overlay)
		checkPatch(t, ex.ID+" diagram", prev.diagram, next.diagram)
		checkPatch(t, ex.ID+" same", next.why, view(ex.Request, &cfg).why)
		prev = next
	}

	// A keystroke in the Host line changes a few texts, not whole panes.
	a := []byte("GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
	b := []byte(strings.Replace(string(a), "example.com", "example.comx", 1))
	va, vb := view(a, nil), view(b, nil)
	checkPatch(t, "keystroke overlay", va.overlay, vb.overlay)
	spec := checkPatch(t, "keystroke why", va.why, vb.why)
	if full := Encode(vb.why); len(spec)*4 > len(full) {
		t.Errorf("keystroke: the Why patch is %d bytes, a quarter or more of the whole pane's %d", len(spec), len(full))
	}
}

func TestPatchCases(t *testing.T) {
	for _, c := range []struct {
		name     string
		old, new *Node
		want     string
	}{
		{"same", El("div").Add(El("p", "class", "a").AddText("x")), El("div").Add(El("p", "class", "a").AddText("x")), ""},
		{"text", El("div").Add(El("p").AddText("x")), El("div").Add(El("p").AddText("y")), "D0\x00S0\x01y\x00C\x00"},
		{"attr", El("div").Add(El("p", "class", "a")), El("div").Add(El("p", "class", "b")), "D0\x00Aclass\x01b\x00C\x00"},
		{"attr removed", El("div").Add(El("p", "class", "a")), El("div").Add(El("p")), "D0\x00Xclass\x00C\x00"},
		{"kind", El("div").Add(El("p")), El("div").Add(El("ul")), "R0\x00Eul\x00C\x00"},
		{"text to element", El("div").AddText("x"), El("div").Add(El("p")), "R0\x00Ep\x00C\x00"},
		{"shorter", El("div").Add(El("p"), El("p")), El("div").Add(El("p")), "K1\x00"},
		{"longer", El("div").Add(El("p")), El("div").Add(El("p"), El("b")), "Espan\x00C\x00"},
		{"html", El("div").Add(&Node{Tag: "p", HTML: "<b>a</b>"}), El("div").Add(&Node{Tag: "p", HTML: "<b>b</b>"}), "R0\x00Ep\x00H<b>b</b>\x00C\x00"},
		{"unsafe attr", El("div").Add(El("a")), El("div").Add(El("a", "onclick", "x", "href", "javascript:x")), ""},
		{"forged text", El("div").AddText("a"), El("div").AddText("b\x00Escript\x00"), "S0\x01b\uFFFDEscript\uFFFD\x00"},
		{"now unsafe", El("div").Add(El("a", "href", "#x")), El("div").Add(El("a", "href", "javascript:x")), "D0\x00Xhref\x00C\x00"},
		{"moved", El("div").Add(El("p", "id", "a", "class", "b")), El("div").Add(El("p", "class", "b", "id", "a")), ""},
	} {
		if got := checkPatch(t, c.name, c.old, c.new); got != c.want {
			t.Errorf("%s: Patch = %q, want %q", c.name, got, c.want)
		}
	}
}

// treeFrom builds a small tree from fuzz bytes: each byte adds a node,
// an attribute, or closes the current element.
func treeFrom(b []byte) *Node {
	root := El("div")
	stack := []*Node{root}
	tags := []string{"p", "span", "ul", "li", "svg", "g", "script"}
	names := []string{"class", "id", "onclick", "href", "data-x"}
	vals := []string{"", "a", "b", "javascript:x", "#x", "\x00E"}
	for i := 0; i < len(b); i++ {
		top := stack[len(stack)-1]
		c := b[i]
		switch c % 5 {
		case 0:
			e := El(tags[int(c/5)%len(tags)])
			top.Add(e)
			if len(stack) < 6 {
				stack = append(stack, e)
			}
		case 1:
			top.AddText(vals[int(c/5)%len(vals)])
		case 2:
			top.Attrs = deleteAttr(top.Attrs, names[int(c/5)%len(names)]) // never twice
			top.Attrs = append(top.Attrs, [2]string{names[int(c/5)%len(names)], vals[int(c/25)%len(vals)]})
		case 3:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case 4:
			if c/5%4 == 0 && top != root && len(top.Kids) == 0 {
				top.HTML = vals[int(c/20)%len(vals)] + "<i>x</i>"
			}
		}
	}
	return root
}

func FuzzPatch(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 5}, []byte{0, 6, 2, 3, 10})
	f.Add([]byte{0, 0, 0, 1, 3, 3, 1}, []byte{0, 0, 1, 3, 12, 1})
	f.Add([]byte{20, 4, 7}, []byte{20, 24, 7, 2})
	f.Fuzz(func(t *testing.T, a, b []byte) {
		if len(a) > 200 || len(b) > 200 {
			return
		}
		checkPatch(t, "fuzz", treeFrom(a), treeFrom(b))
	})
}

func BenchmarkPatchKeystroke(b *testing.B) {
	x := []byte("GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
	y := []byte(strings.Replace(string(x), "example.com", "example.comx", 1))
	old, new := Explanation(engine.Negotiate(x, nil)), Explanation(engine.Negotiate(y, nil))
	b.ReportAllocs()
	for b.Loop() {
		_ = Patch(old, new)
	}
}
