package ui

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine/wiretext"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/ui/markdown"
	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata/*.txtar outputs")

// The tests compile markdown that is not in the generated templates (test
// cases, fuzz inputs) with goldmark, as the generator does.
func init() { Compile = markdown.Template }

// TestTemplatesSorted checks what noteTemplate's binary search relies on.
func TestTemplatesSorted(t *testing.T) {
	for i := 1; i < len(templates); i++ {
		if templates[i-1].id >= templates[i].id {
			t.Errorf("templates: %q before %q", templates[i-1].id, templates[i].id)
		}
	}
	if _, ok := noteTemplate("no-such-note"); ok {
		t.Error("noteTemplate found no-such-note")
	}
}

// TestGolden renders each testdata case: -- markdown -- with optional
// -- vars -- (name=value lines, wire-text escapes) gives -- html --; a
// -- request -- (wire text, default server) gives -- response --, -- why --
// and -- overlay --. Run with -update and review the diff.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in := map[string]string{}
			for _, f := range ar.Files {
				in[f.Name] = string(f.Data)
			}
			got := map[string]string{}
			var order []string
			if src, ok := in["markdown"]; ok {
				var vars []engine.Var
				for _, line := range strings.Split(strings.TrimSuffix(in["vars"], "\n"), "\n") {
					if k, v, ok := strings.Cut(line, "="); ok {
						vars = append(vars, engine.Var{Name: k, Value: strings.TrimSuffix(string(wiretext.Decode(v+"\\")), "")})
					}
				}
				got["html"] = Markdown(src, vars)
				order = []string{"html"}
				checkHTML(t, got["html"])
			}
			if req, ok := in["request"]; ok {
				raw := wiretext.Decode(req)
				res := engine.Negotiate(raw, nil)
				text := editor.Text(raw, "crlf")
				_, m := editor.MapText(text, "crlf")
				got["response"] = ResponseText(res)
				why := Explanation(res)
				over := Overlay(text, res, m, editor.Marks(text))
				got["why"] = why.String()
				got["overlay"] = over.String()
				order = []string{"response", "why", "overlay"}
				for _, n := range []*Node{why, over, After(res, true)} {
					if v := Violations(n); len(v) > 0 {
						t.Errorf("view needs sanitizing: %v", v)
					}
				}
			}
			if *update {
				var keep []txtar.File
				for _, f := range ar.Files {
					if _, gen := got[f.Name]; !gen {
						keep = append(keep, f)
					}
				}
				for _, name := range order {
					keep = append(keep, txtar.File{Name: name, Data: []byte(got[name])})
				}
				ar.Files = keep
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range order {
				if got[name] != in[name] {
					t.Errorf("-- %s -- differs (run go test ./wasm/ui -update and review the diff)\ngot:\n%s\nwant:\n%s", name, got[name], in[name])
				}
			}
		})
	}
}

// hostile are values a stranger's link can put in a request.
var hostile = []string{
	"<img src=x onerror=alert(1)>",
	"<svg onload=alert(1)>",
	"<script>alert(1)</script>",
	"javascript:alert(1)",
	"javascript&colon;alert(1)",
	"java&#115;cript:alert(1)",
	"jav&#X61;script:alert(1)",
	"data:text/html,<script>alert(1)</script>",
	"`</code><img src=x onerror=alert(1)>`",
	"``</code>``",
	"[x](javascript:alert(1))",
	"![i](https://evil.example/x.png)",
	"<https://evil.example/>",
	"\u202ertl\u200b",
	"\x00\r\n<b>",
	"{name}",
	"\uE000name\uE001",
}

// checkHTML parses goldmark output and fails on an event handler, a
// script-capable element, or a link or source outside the allow list.
func checkHTML(t *testing.T, s string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "img", "svg", "iframe", "object", "embed", "style", "link", "meta", "form", "input":
			t.Errorf("element <%s> in %q", tok.Data, s)
		}
		for _, a := range tok.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "src" {
				t.Errorf("attribute %s in %q", a.Key, s)
			}
			if a.Key == "href" && !SafeHref(a.Val) {
				t.Errorf("href %q in %q", a.Val, s)
			}
		}
	}
}

func TestHostileValuesStayText(t *testing.T) {
	details := []string{
		"Value: {v}.", "In code: `{v}`.", "Link text [{v}](rfc:9110#7.8).",
		"> [!MYTH]\n> {v}", "* item {v}\n* `{v}`", "**{v}** _{v}_",
	}
	for _, n := range engine.Catalogue() {
		details = append(details, n.Detail)
	}
	for _, d := range details {
		for _, h := range hostile {
			var vars []engine.Var
			for _, name := range append(engine.Placeholders(d), "v") {
				vars = append(vars, engine.Var{Name: name, Value: h})
			}
			out := Markdown(d, vars)
			checkHTML(t, out)
			if strings.ContainsAny(out, "\uE000\uE001") {
				t.Errorf("a placeholder sentinel leaked into %q", out)
			}
		}
	}
}

func TestEveryNoteRenders(t *testing.T) {
	for _, n := range engine.Catalogue() {
		out := Markdown(n.Detail, nil)
		// From its template, or from PlainHTML when it has none
		// (templates_gen.go): the same HTML as goldmark's.
		if got := NoteHTML(n, nil); got != out {
			t.Errorf("note %s: the page shows %q, goldmark makes %q", n.ID, got, out)
		}
		for _, name := range engine.Placeholders(n.Detail) {
			if !strings.Contains(out, "{"+name+"}") {
				t.Errorf("note %s: placeholder {%s} was not recognised (a value would not be filled in)", n.ID, name)
			}
		}
		if strings.Contains(n.Detail, "](rfc:") && !strings.Contains(out, `href="https://www.rfc-editor.org/rfc/rfc`) {
			t.Errorf("note %s: its rfc: links did not become RFC editor links: %s", n.ID, out)
		}
		for _, m := range regexp.MustCompile(`\]\((rfc:[^)]*)\)`).FindAllStringSubmatch(n.Detail, -1) {
			if _, ok := markdown.RFCURL(m[1]); !ok {
				t.Errorf("note %s: link %s names an RFC the renderer does not know (add it to engine.KnownRFCs)", n.ID, m[1])
			}
		}
	}
}

// TestAllowedTagsSorted checks what allowedTag's binary search relies on.
func TestAllowedTagsSorted(t *testing.T) {
	if !slices.IsSorted(allowedTags[:]) || len(slices.Compact(slices.Clone(allowedTags[:]))) != len(allowedTags) {
		t.Errorf("allowedTags is not sorted without duplicates: %q", allowedTags)
	}
	for _, tag := range allowedTags {
		if !allowedTag(tag) || safeTag(tag) != tag {
			t.Errorf("allowedTag(%q) = false", tag)
		}
	}
	for _, tag := range []string{"", "script", "style", "iframe", "img", "A", "div ", "zz"} {
		if allowedTag(tag) || safeTag(tag) != "span" {
			t.Errorf("allowedTag(%q) = true", tag)
		}
	}
}

func TestSanitize(t *testing.T) {
	n := El("div", "onclick", "x", "class", "ok", "style", "color:red")
	n.Add(El("a", "href", "javascript:alert(1)"), El("a", "href", "https://www.rfc-editor.org/rfc/rfc9110"), El("script").AddText("x"))
	if v := Violations(n); len(v) != 4 {
		t.Errorf("Violations = %v, want 4", v)
	}
	s := Sanitize(n)
	if v := Violations(s); len(v) != 0 {
		t.Errorf("after Sanitize: %v", v)
	}
	if s.Kids[1].Attr("href") == "" || s.Kids[0].Attr("href") != "" || s.Kids[2].Tag != "span" {
		t.Errorf("Sanitize = %s", s)
	}
}

func TestViewsAreSafe(t *testing.T) {
	cfg := engine.DefaultConfig()
	for _, ex := range gallery.Examples() {
		c := ex.Config()
		res := engine.Negotiate(ex.Request, &c)
		text := editor.Text(ex.Request, "crlf")
		_, m := editor.MapText(text, "crlf")
		for name, n := range map[string]*Node{"why": Explanation(res), "after": After(res, true), "overlay": Overlay(text, res, m, editor.Marks(text))} {
			if v := Violations(n); len(v) > 0 {
				t.Errorf("example %s, %s view: %v", ex.ID, name, v)
			}
		}
	}
	for name, n := range map[string]*Node{"server": Server(&cfg), "gallery": Gallery("")} {
		if v := Violations(n); len(v) > 0 {
			t.Errorf("%s view: %v", name, v)
		}
	}
}

func TestOverlayKeepsText(t *testing.T) {
	for _, raw := range []string{"GET / HTTP/1.1\r\nHost : a\r\n\r\n", "GET / HTTP/1.1\nHost: \xff\t\u202e\r\n\r\n", "", "\x00"} {
		text := editor.Text([]byte(raw), "crlf")
		res := engine.Negotiate([]byte(raw), nil)
		_, m := editor.MapText(text, "crlf")
		over := Overlay(text, res, m, editor.Marks(text))
		if got := textOf(over); got != text+"\n" {
			t.Errorf("overlay text %q, want the editor text %q plus a newline", got, text)
		}
	}
}

func textOf(n *Node) string {
	if n.Tag == "" {
		return n.Text
	}
	var b strings.Builder
	for _, k := range n.Kids {
		b.WriteString(textOf(k))
	}
	return b.String()
}

// BenchmarkKeystroke is the Go side of a keystroke on the page (the
// adapter's render): the engine on the editor's text, then every pane's
// view and its patch from the previous keystroke's. Keystrokes alternate
// between two texts, as typing and deleting one character does.
func BenchmarkKeystroke(b *testing.B) {
	raw := "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://example.com\r\nSec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Version: 13\r\n\r\n"
	texts := []string{editor.Text([]byte(raw), "crlf"), editor.Text([]byte(strings.Replace(raw, ".com", ".comx", 1)), "crlf")}
	k := newKeystrokes()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k.render(texts[i%2])
		i++
	}
}

// keystrokes renders what the adapter renders for a keystroke: the
// engine on the editor's text, every pane's view, and its patch from the
// previous keystroke's.
type keystrokes struct {
	memo, diagrams Memo
	last           [4]*Node
}

func newKeystrokes() *keystrokes {
	k := &keystrokes{}
	for i := range k.last {
		k.last[i] = El("div")
	}
	return k
}

// render renders one keystroke's text and returns the size of its patches.
func (k *keystrokes) render(text string) (patched int) {
	r, m := editor.MapText(text, "crlf")
	res := engine.Negotiate(r, nil)
	_, _, _ = ResponseText(res), ResponseInfo(res), StatusLine(res)
	why, diagram := k.memo.Explanation(res), k.diagrams.Diagram(res)
	k.memo.Done()
	k.diagrams.Done()
	for j, n := range []*Node{why, After(res, false), diagram, Overlay(text, res, m, editor.Marks(text))} {
		patched += len(Patch(k.last[j], n))
		k.last[j] = n
	}
	_ = StepsOnLine(res, 20)
	return patched
}

func FuzzMarkdownValues(f *testing.F) {
	for _, h := range hostile {
		f.Add("Value `{v}` and {v} [RFC](rfc:9110#7.8)", h)
	}
	f.Fuzz(func(t *testing.T, detail, value string) {
		out := Markdown(detail, []engine.Var{{Name: "v", Value: value}})
		checkHTML(t, out)
	})
}
