package ui

import (
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/wasm/gallery"
)

// TestLesson checks the lesson banner: the lesson while the example is
// unchanged; once the request or the server changed, what changed and the
// way back, and never the lesson (which states the example's answer).
func TestLesson(t *testing.T) {
	for _, ex := range gallery.Examples() {
		if got := LessonText(ex, LessonChange{}); !strings.Contains(got, ex.Title) || !strings.HasSuffix(got, ": "+ex.Lesson) {
			t.Errorf("%s: unchanged banner %q", ex.ID, got)
		}
		for _, c := range []struct {
			change LessonChange
			what   string
		}{
			{LessonChange{Request: true}, "You changed the request;"},
			{LessonChange{Server: true}, "You changed the server;"},
			{LessonChange{Request: true, Server: true}, "You changed the request and the server;"},
		} {
			n := Lesson(ex, c.change)
			text := textOf(n)
			if !strings.Contains(text, c.what) || !strings.Contains(text, "the lesson describes the example as it was") {
				t.Errorf("%s %+v: banner %q", ex.ID, c.change, text)
			}
			if strings.Contains(text, ex.Lesson) {
				t.Errorf("%s %+v: a changed example's banner repeats its lesson", ex.ID, c.change)
			}
			var actions []string
			walk(n, func(k *Node) {
				for _, a := range k.Attrs {
					if a[0] == "data-lesson" {
						actions = append(actions, a[1])
					}
				}
			})
			if strings.Join(actions, ",") != "reset,keep" {
				t.Errorf("%s: the banner's buttons are %q", ex.ID, actions)
			}
		}
	}
}

func walk(n *Node, f func(*Node)) {
	f(n)
	for _, k := range n.Kids {
		walk(k, f)
	}
}
