package ui

import (
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine"
)

// tags lists the markup of an HTML string: every tag with its attributes,
// in order. Filled-in values are escaped text, so they never add to it.
func tags(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return append(out, s[i:])
		}
		out = append(out, s[i:i+j+1])
		s = s[i+j+1:]
	}
}

// FuzzNoteValues renders real notes of the catalogue (the compiled
// templates the page uses) with every placeholder filled by a hostile
// value, and checks that the value changed no markup: the tags are exactly
// those of the same note filled with a harmless value, and the HTML passes
// checkHTML.
func FuzzNoteValues(f *testing.F) {
	for i, h := range hostile {
		f.Add(uint(i*7), h)
	}
	f.Add(uint(3), "`</code><script>alert(1)</script>")
	f.Add(uint(5), "\ue000v\ue001{v}")
	notes := engine.Catalogue()
	f.Fuzz(func(t *testing.T, pick uint, value string) {
		n := notes[pick%uint(len(notes))]
		names := engine.Placeholders(n.Detail)
		if len(names) == 0 {
			return
		}
		hostileVars, plainVars := make([]engine.Var, len(names)), make([]engine.Var, len(names))
		for i, name := range names {
			hostileVars[i] = engine.Var{Name: name, Value: value}
			plainVars[i] = engine.Var{Name: name, Value: "x"}
		}
		got := Markdown(n.Detail, hostileVars)
		want := tags(Markdown(n.Detail, plainVars))
		if g := tags(got); strings.Join(g, "") != strings.Join(want, "") {
			t.Fatalf("note %s: the value %q changed the markup:\n got %q\nwant %q", n.ID, value, g, want)
		}
		checkHTML(t, got)
	})
}
