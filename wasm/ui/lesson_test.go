package ui

import (
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/paste"
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

// TestPasteNotice checks the paste notice: the finding and its fix, then
// the way back once fixed; a response has no fix to offer.
func TestPasteNotice(t *testing.T) {
	f := paste.Recognize("* Trying\n> GET / HTTP/1.1\n> Host: a\n> \n< HTTP/1.1 200 OK\n")
	if f.Kind != paste.CurlVerbose {
		t.Fatalf("not recognised: %+v", f)
	}
	actions := func(n *Node) string {
		var out []string
		walk(n, func(k *Node) {
			for _, a := range k.Attrs {
				if a[0] == "data-paste" {
					out = append(out, a[1])
				}
			}
		})
		return strings.Join(out, ",")
	}
	n := PasteNotice(f, false)
	if got := textOf(n); !strings.Contains(got, f.Summary) || !strings.Contains(got, f.FixLabel) {
		t.Errorf("the notice says %q", got)
	}
	if got := actions(n); got != "fix,dismiss" {
		t.Errorf("the notice offers %q", got)
	}
	if got := actions(PasteNotice(f, true)); got != "restore,dismiss" {
		t.Errorf("once fixed the notice offers %q", got)
	}
	if got := actions(PasteNotice(paste.Recognize("HTTP/1.1 101 Switching Protocols\n\n"), false)); got != "reverse,dismiss" {
		t.Errorf("for a response the notice offers %q", got)
	}
}
