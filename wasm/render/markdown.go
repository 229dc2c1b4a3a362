package render

import (
	"html"
	"strings"

	"github.com/upgrade-playground/playground/engine"
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
// Markdown), from the template compiled ahead of time for the note.
func NoteHTML(n *engine.Note, vars []engine.Var) string {
	if tmpl, ok := noteTemplate(n.ID); ok {
		return Fill(tmpl, vars)
	}
	return Markdown(n.Detail, vars)
}

// noteTemplate finds the template compiled for a note by binary search in
// templates (sorted by id).
func noteTemplate(id string) (string, bool) {
	lo, hi := 0, len(templates)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if templates[m].id < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(templates) && templates[lo].id == id {
		return templates[lo].html, true
	}
	return "", false
}

// Markdown renders a note detail to HTML with the values filled in as text
// (HTML-escaped, invisible characters made visible): a value can never
// become markup. A keystroke only fills values into a ready template.
func Markdown(src string, vars []engine.Var) string {
	if Compile == nil {
		// Not compiled ahead of time (templates_gen.go is stale): show
		// the source as text rather than nothing.
		return "<p>" + html.EscapeString(src) + "</p>\n"
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
		if v, ok := lookup(vars, name); ok {
			b.WriteString(html.EscapeString(sentinels.Replace(Visible(v))))
		} else {
			b.WriteString("{" + html.EscapeString(name) + "}")
		}
		tmpl = rest[j+len(string(phClose)):]
		i = strings.IndexRune(tmpl, phOpen)
	}
	b.WriteString(tmpl)
	return b.String()
}

// sentinels keeps the placeholder sentinels out of filled-in values.
var sentinels = strings.NewReplacer(string(phOpen), "\uFFFD", string(phClose), "\uFFFD")

func lookup(vars []engine.Var, name string) (string, bool) {
	for _, v := range vars {
		if v.Name == name {
			return v.Value, true
		}
	}
	return "", false
}

// Visible shows a value from the request with its invisible bytes visible,
// in the editor's notation (␍, ␊, ␀, ⟨HH⟩ …).
func Visible(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c >= 0x7f {
			return strings.TrimSuffix(engine.EditorText([]byte(s), "lf"), "\n")
		}
	}
	return s
}
