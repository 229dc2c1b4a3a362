//go:build js && wasm

package main

import (
	"slices"

	"github.com/hack-pad/safejs"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// The teaching flow: opening an example (from the Examples menu, the
// gallery or the lesson banner's reset), the menu's keyboard choice, and
// the lesson banner that follows the learner's changes.

// exampleMenu is the Examples <select>'s keyboard state. Arrow keys (and
// type-ahead letters) on a closed select change its value and fire change
// at once in Chromium and Firefox on Windows and Linux; loading an example
// on each would replace the learner's work with every example passed. So
// a choice made from the keyboard is pending until Enter or until the
// menu loses the focus; Escape takes it back. A choice made with the
// mouse (or from the open list) opens at once.
type exampleMenu struct {
	nav     bool // the next change event comes from a key on the closed select
	pending bool // the menu shows a choice that is not open yet
	entered bool // Enter opened the choice: its keypress must not open the list
}

// wireFlow registers the listeners of the Examples menu and the lesson
// banner.
func (a *app) wireFlow() {
	sel := a.el[ui.IDExamples]
	clearNav := guard("examples", func(safejs.Value, []safejs.Value) any {
		a.exMenu.nav = false
		return nil
	})
	on(sel, "keydown", func(ev safejs.Value) {
		key := str(get(ev, "key"))
		switch {
		case key == "Enter":
			if a.exMenu.pending {
				// Enter opens the example, not the list (which it opens on
				// Linux, from its keypress).
				call(ev, "preventDefault")
				a.exMenu.entered = true
				a.commitExampleMenu()
			}
		case key == "Escape":
			if a.exMenu.pending {
				a.exMenu.pending = false
				a.syncExampleMenu()
				a.say("Kept the current request.")
			}
		case truthy(get(ev, "altKey")) || truthy(get(ev, "ctrlKey")) || truthy(get(ev, "metaKey")):
			// Alt+Down opens the list; a choice there is made at once.
		case len([]rune(key)) == 1 || slices.Contains(menuKeys, key):
			// The change a key makes on a closed select comes during its
			// keydown; a later one (macOS opens the list on an arrow key,
			// and the choice is made there) is not the key's.
			a.exMenu.nav = true
			call(global, "setTimeout", clearNav.Value(), 0)
		}
	})
	on(sel, "keypress", func(ev safejs.Value) {
		if a.exMenu.entered {
			call(ev, "preventDefault")
		}
	})
	on(sel, "keyup", func(safejs.Value) { a.exMenu.nav, a.exMenu.entered = false, false })
	on(sel, "change", func(safejs.Value) {
		if a.exMenu.nav {
			a.exMenu.nav = false
			a.exMenu.pending = str(get(sel, "value")) != a.shownExample()
			return
		}
		a.exMenu.pending = false
		a.commitExampleMenu()
	})
	on(sel, "blur", func(safejs.Value) {
		if a.exMenu.pending {
			a.commitExampleMenu()
		}
	})
	on(a.learn.el["example-lesson"], "click", func(ev safejs.Value) {
		btn := call(get(ev, "target"), "closest", "button[data-lesson]")
		if !truthy(btn) || a.example == "" {
			return
		}
		switch str(call(btn, "getAttribute", "data-lesson")) {
		case "reset":
			a.openExample(a.example, true)
		case "keep":
			title := ""
			if ex, ok := gallery.Lookup(a.example); ok {
				title = ex.Title
			}
			a.example, a.exChanged = "", ui.LessonChange{}
			a.render()
			call(a.el[ui.IDRequest], "focus")
			a.say("Kept your version; it no longer refers to the example " + title + ".")
		}
	})
}

// menuKeys are the keys that move the choice of a closed <select>.
var menuKeys = []string{"ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"}

// commitExampleMenu opens the example the menu shows.
func (a *app) commitExampleMenu() {
	a.exMenu.pending = false
	if id := str(get(a.el[ui.IDExamples], "value")); id != "" && id != a.shownExample() {
		a.openExample(id, false)
	} else {
		a.syncExampleMenu()
	}
}

// openExample opens an example in place (the history gets no entry, and
// the current work is replaced as by a link) and shows its result: the
// gallery closes, and the response (in predict mode, the choice of the
// answer) is scrolled into view. With focus set, or when the gallery
// closed over the link that was clicked, the focus moves there too.
func (a *app) openExample(id string, focus bool) {
	ex, ok := gallery.Lookup(id)
	if !ok {
		return
	}
	// Work of the learner's own that the example replaces stays
	// restorable, as when a link replaces it.
	var prev string
	if own := a.example == "" || a.exChanged.Changed(); own && !(a.lastText == a.defaultText && isDefault(&a.cfg)) {
		prev = a.state().Fragment()
	}
	a.openFragment("ex="+id, fromPage)
	a.render()
	if prev != "" && prev != a.state().Fragment() {
		a.learn.draft = prev
		setHidden(a.el[ui.IDRestoreDraft], false)
	}
	if d := call(a.learn.el["gallery"], "closest", "details"); truthy(d) && truthy(get(d, "open")) {
		set(d, "open", false)
		focus = true // the link that was clicked is hidden now
	}
	shown, target := a.el[ui.IDResponse], a.el[ui.IDResponse]
	if a.mode == "predict" {
		shown = a.learn.el["predict"]
		if in := call(shown, "querySelector", "input"); truthy(in) {
			target = in
		}
	}
	if focus {
		call(target, "focus", map[string]any{"preventScroll": true})
	}
	call(shown, "scrollIntoView", map[string]any{"block": "nearest"})
	msg := "Opened the example: " + ex.Title + ". "
	if a.mode == "predict" {
		msg += "Predict first: choose the status you expect, then reveal the response."
	} else {
		msg += ui.StatusLine(a.lastRes)
	}
	a.say(msg)
}

// shownExample is the example the menu and the gallery mark: the
// state's, while the learner has not changed it.
func (a *app) shownExample() string {
	if a.exChanged.Changed() {
		return ""
	}
	return a.example
}

// syncExampleMenu makes the Examples menu show the current example (or
// its prompt once the learner changed it), unless the learner is choosing.
func (a *app) syncExampleMenu() {
	if a.exMenu.pending {
		return
	}
	sel := a.el[ui.IDExamples]
	if want := a.shownExample(); str(get(sel, "value")) != want {
		set(sel, "value", want)
	}
}

// serverChanged reports whether the settings differ from the example's.
func (a *app) serverChanged() bool {
	if a.example == "" {
		return false
	}
	ex, ok := gallery.Lookup(a.example)
	if !ok {
		return false
	}
	base := ex.Config()
	for _, s := range engine.Settings() {
		if s.Get(&a.cfg) != s.Get(&base) {
			return true
		}
	}
	return false
}

// showLesson shows the lesson banner: the example's lesson, or what the
// learner changed with a way back (ui.Lesson).
func (a *app) showLesson() {
	l := &a.learn
	ex, ok := gallery.Lookup(a.example)
	key := ""
	if ok && a.example != "" {
		key = ex.ID
		if a.exChanged.Request {
			key += " request"
		}
		if a.exChanged.Server {
			key += " server"
		}
	}
	if !a.changed("example-lesson", key) {
		return
	}
	if key == "" {
		setHidden(l.el["example-lesson"], true)
		return
	}
	mount(l.el["example-lesson"], ui.Lesson(ex, a.exChanged))
	setHidden(l.el["example-lesson"], false)
}
