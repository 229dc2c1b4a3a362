package ui

import (
	"sort"
	"strings"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
)

// Sentinels around a placeholder name in a template (the same as in
// wasm/render/markdown).
const (
	phOpen  = '\uE000'
	phClose = '\uE001'
)

// Compile, when set, compiles markdown the generated templates lack: the
// native tests and tools set it to markdown.Template. In the WebAssembly it
// is nil: every note is compiled ahead of time by ./build.sh
// (wasm/render/gen writes templates_gen.go), so goldmark stays out of the
// .wasm.
var Compile func(src string) string

// A template is a note's id and the HTML goldmark made of its detail, with
// the placeholders left as sentinels.
type template struct{ id, html string }

// NoteHTML renders a note's detail to HTML with the values filled in (see
// Fill): from the template compiled ahead of time when the note has one,
// otherwise with PlainHTML, which renders the others as goldmark does.
func NoteHTML(n *engine.Note, vars []engine.Var) string {
	if tmpl, ok := noteTemplate(n.ID); ok {
		return Fill(tmpl, vars)
	}
	return Fill(PlainHTML(n.Detail), vars)
}

// noteTemplate finds the template compiled for a note by binary search in
// templates (sorted by id). It uses sort.Search, which the .wasm has
// already (the editor's), not slices.BinarySearchFunc: each type a
// generic function is instantiated for adds a copy of its code.
func noteTemplate(id string) (string, bool) {
	i := sort.Search(len(templates), func(i int) bool { return templates[i].id >= id })
	if i == len(templates) || templates[i].id != id {
		return "", false
	}
	return templates[i].html, true
}

// Markdown renders a note detail to HTML with the values filled in as text
// (HTML-escaped, invisible characters made visible): a value can never
// become markup. A keystroke only fills values into a ready template.
func Markdown(src string, vars []engine.Var) string {
	if Compile == nil {
		// Not compiled ahead of time (templates_gen.go is stale): show
		// the source as text rather than nothing.
		var b strings.Builder
		writeEscaped(&b, src, false)
		return "<p>" + b.String() + "</p>\n"
	}
	return Fill(Compile(src), vars)
}

// Fill replaces each sentinel-wrapped placeholder of a template with its
// value, HTML-escaped; a placeholder without a value stays {name}.
func Fill(tmpl string, vars []engine.Var) string {
	i := strings.IndexRune(tmpl, phOpen)
	if i < 0 {
		return tmpl
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 64)
	for i >= 0 {
		b.WriteString(tmpl[:i])
		rest := tmpl[i+len(string(phOpen)):]
		j := strings.IndexRune(rest, phClose)
		if j < 0 {
			tmpl = rest
			break
		}
		name := rest[:j]
		if v, ok := engine.LookupVar(vars, name); ok {
			writeEscaped(&b, Visible(v), true)
		} else {
			b.WriteByte('{')
			writeEscaped(&b, name, false)
			b.WriteByte('}')
		}
		tmpl = rest[j+len(string(phClose)):]
		i = strings.IndexRune(tmpl, phOpen)
	}
	b.WriteString(tmpl)
	return b.String()
}

// writeEscaped writes s to b HTML-escaped as html.EscapeString does (&, ',
// <, > and " become entities). With noSentinels, the placeholder sentinels
// become U+FFFD too, so that a filled-in value never holds one. A loop
// rather than a strings.Replacer: no table is built on the first render,
// and the html package (and its entity tables) stays out of the .wasm.
func writeEscaped(b *strings.Builder, s string, noSentinels bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		n := 1
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case 0xee: // the sentinels are U+E000 and U+E001: EE 80 80, EE 80 81
			if !noSentinels || i+2 >= len(s) || s[i+1] != 0x80 || s[i+2]&^1 != 0x80 {
				continue
			}
			esc, n = "\uFFFD", 3
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		i += n - 1
		last = i + 1
	}
	b.WriteString(s[last:])
}

// Visible shows a value from the request with its invisible bytes visible,
// in the editor's notation (␍, ␊, ␀, ⟨HH⟩ …).
func Visible(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c >= 0x7f {
			return strings.TrimSuffix(editor.Text([]byte(s), "lf"), "\n")
		}
	}
	return s
}
