package ui

import "github.com/upgrade-playground/playground/wasm/gallery"

// LessonChange says what of an example the learner changed since it was
// opened: its request, its server settings, both, or nothing.
type LessonChange struct{ Request, Server bool }

// Changed reports whether anything differs from the example.
func (c LessonChange) Changed() bool { return c.Request || c.Server }

// what names the change for a sentence: "the request", "the server", or
// "the request and the server".
func (c LessonChange) what() string {
	switch {
	case c.Request && c.Server:
		return "the request and the server"
	case c.Request:
		return "the request"
	default:
		return "the server"
	}
}

// Lesson is the lesson banner's content for an example. While the
// request and the server are the example's it gives the lesson. Once
// either changed, the lesson may no longer hold (it names the example's
// answer), so the banner does not repeat it: it says what changed and
// offers to reset to the example (a button with data-lesson="reset") or
// to keep the learner's version and drop the example (data-lesson="keep").
func Lesson(ex gallery.Example, c LessonChange) *Node {
	root := El("div")
	if !c.Changed() {
		return root.AddText(LessonText(ex, c))
	}
	root.Add(El("span", "class", "changed").AddText(LessonText(ex, c) + " "))
	root.Add(El("button", "type", "button", "data-lesson", "reset").AddText("Reset to the example"))
	root.Add(Text(" "))
	root.Add(El("button", "type", "button", "data-lesson", "keep").AddText("Keep my version"))
	return root
}

// LessonText is the banner's text without its buttons.
func LessonText(ex gallery.Example, c LessonChange) string {
	head := "Example · " + ex.Group + " · " + ex.Title
	if !c.Changed() {
		return head + ": " + ex.Lesson
	}
	return head + ". You changed " + c.what() + "; the lesson describes the example as it was, not the answer you see now."
}
