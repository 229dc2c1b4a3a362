package ui

import (
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine"
)

// TestControlAt names every control picture the editor's notation uses,
// and nothing else.
func TestControlAt(t *testing.T) {
	for r := rune(0x2400); r <= 0x2421; r++ {
		if ControlAt(string(r)) == "" {
			t.Errorf("U+%04X has no label", r)
		}
	}
	for _, s := range []string{"", "\xe2", "\xe2\x90", "\u2422", "\u23ff", "a\u2400", "⟨", "\u243f"} {
		if got := ControlAt(s); got != "" {
			t.Errorf("ControlAt(%q) = %q, want none", s, got)
		}
	}
	for s, want := range map[string]string{"␀": "NUL", "␊": "LF", "␍": "CR", "␛": "ESC", "␡": "DEL", "␉x": "HT"} {
		if got := ControlAt(s); got != want {
			t.Errorf("ControlAt(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestAddText: the text is kept whole (what is copied and what tests
// read), each control picture in its labelled span.
func TestAddText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", `"plain"`},
		{"", `""`},
		{"a␀b", `"a" <span class="cp" data-cp="NUL">"␀"</span> "b"`},
		{"␍␊", `<span class="cp" data-cp="CR">"␍"</span> <span class="cp" data-cp="LF">"␊"</span>`},
		{"x ⟨FF⟩ ␡", `"x ⟨FF⟩ " <span class="cp" data-cp="DEL">"␡"</span>`},
		{"x\xe2\x90", "\"x\xe2\x90\""},
	} {
		n := addText(El("p"), c.in)
		var parts []string
		text := ""
		for _, k := range n.Kids {
			text += nodeText(k)
			if k.Tag == "" {
				parts = append(parts, `"`+k.Text+`"`)
				continue
			}
			parts = append(parts, `<`+k.Tag+` class="`+k.Attr("class")+`" data-cp="`+k.Attr("data-cp")+`">"`+nodeText(k)+`"</`+k.Tag+`>`)
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("addText(%q) = %s, want %s", c.in, got, c.want)
		}
		if text != c.in {
			t.Errorf("addText(%q) holds the text %q", c.in, text)
		}
		if s := Sanitize(n); !s.Equal(n) {
			t.Errorf("addText(%q) needs sanitizing", c.in)
		}
	}
}

func nodeText(n *Node) string {
	s := n.Text
	for _, k := range n.Kids {
		s += nodeText(k)
	}
	return s
}

// TestLabelControlsHTML: control pictures in the text of a note's HTML get
// the span; tags, attributes and the rest of the text are kept.
func TestLabelControlsHTML(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<p>none</p>", "<p>none</p>"},
		{"<p>a␀b <code>␍</code></p>", `<p>a<span class="cp" data-cp="NUL">␀</span>b <code><span class="cp" data-cp="CR">␍</span></code></p>`},
		{`<a title="␀" href="https://www.rfc-editor.org/rfc/rfc9110">x␊</a>`, `<a title="␀" href="https://www.rfc-editor.org/rfc/rfc9110">x<span class="cp" data-cp="LF">␊</span></a>`},
		{"<p>\u2422 \xe2\x90</p>", "<p>\u2422 \xe2\x90</p>"},
	} {
		if got := labelControlsHTML(c.in); got != c.want {
			t.Errorf("labelControlsHTML(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// A real note with a NUL in a value: the label is added, the markup
	// stays safe.
	res := engine.Negotiate([]byte("GET / HTTP/1.1\r\nHost: a\x00b\r\n\r\n"), nil)
	found := false
	for _, s := range res.Trace {
		if s.Note == nil || s.Note.Detail == "" {
			continue
		}
		h := labelControlsHTML(NoteHTML(s.Note, s.Vars))
		checkHTML(t, h)
		found = found || strings.Contains(h, `<span class="cp" data-cp="NUL">␀</span>`)
	}
	if !found {
		t.Log("no note detail of the NUL request shows the value (the summaries do)")
	}
}
