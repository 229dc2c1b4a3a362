//go:build js && wasm

package main

import (
	"strconv"

	"github.com/hack-pad/safejs"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/link"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// learnState is the state of the learning features: predict-then-reveal,
// the selected trace step, and what was last mounted in their panes.
type learnState struct {
	el map[string]safejs.Value

	predicted int  // the status the learner chose, -1 for none
	revealed  bool // the answer is shown (predict mode)
	step      int  // the selected trace step, -1 for none

	res  *engine.Result
	text string
	m    *editor.Map

	selShown, cursorShown map[int]bool // the steps the Why pane marks now

	predict, diagram, copyAs pane
	diagrams                 ui.Memo // the diagram's arrows
	copyOpen                 bool    // Copy as is open (its forms are built only then)
	focused                  bool    // the editor has the focus
	galleryShown             bool    // the gallery is built (it was opened)
	galleryFor               string  // the example the gallery marks

	copyText, copyWhat     string
	onCopied, onCopyFailed safejs.Func
	draft                  string // the draft a link replaced, for "restore my draft"
}

// learnIDs are the elements of index.html the learning features use.
var learnIDs = []string{"gallery", "predict", "predict-toggle", "diagram", "copy-as", "copy-fallback",
	"copy-fallback-text", "copy-fallback-close", "example-lesson", "help", "help-button", "help-close"}

// wireLearn finds the elements and registers the listeners of the
// learning features.
func (a *app) wireLearn() {
	l := &a.learn
	l.el = byIDs(learnIDs)
	l.predict.el, l.diagram.el, l.copyAs.el = l.el["predict"], l.el["diagram"], l.el["copy-as"]
	onCapture(call(l.el["copy-as"], "closest", "details"), "toggle", func(ev safejs.Value) {
		l.copyOpen = truthy(get(get(ev, "target"), "open"))
		a.showCopyAs()
	})
	l.onCopied = guard("copied", func(safejs.Value, []safejs.Value) any {
		a.say("Copied " + l.copyWhat + ".")
		return nil
	})
	l.onCopyFailed = guard("copy failed", func(safejs.Value, []safejs.Value) any {
		a.copyFallback()
		return nil
	})

	on(l.el["predict-toggle"], "change", func(safejs.Value) {
		a.setPredict(truthy(get(l.el["predict-toggle"], "checked")))
	})
	on(l.el["predict"], "change", func(ev safejs.Value) {
		if n, err := strconv.Atoi(str(get(get(ev, "target"), "value"))); err == nil {
			l.predicted = n
		}
	})
	on(l.el["predict"], "click", func(ev safejs.Value) {
		switch str(get(get(ev, "target"), "id")) {
		case "predict-reveal":
			l.revealed = true
			a.render()
			call(byID("predict-outcome"), "focus")
			a.say(str(get(byID("predict-outcome"), "textContent")))
		case "predict-again":
			l.revealed, l.predicted = false, -1
			a.render()
			call(call(l.el["predict"], "querySelector", "input"), "focus")
		}
	})
	on(a.el[ui.IDExplanation], "click", func(ev safejs.Value) {
		btn := call(get(ev, "target"), "closest", ".trace button.check")
		if !truthy(btn) {
			return
		}
		if i, err := strconv.Atoi(str(call(call(btn, "closest", "li"), "getAttribute", "data-step"))); err == nil {
			a.selectStep(i)
		}
	})
	// Whether the editor has the focus, followed by its events rather than
	// asked on every render.
	l.focused = get(document, "activeElement").Equal(a.el[ui.IDRequest])
	for _, ev := range []string{"keyup", "click", "focus", "blur", "select"} {
		on(a.el[ui.IDRequest], ev, func(safejs.Value) {
			if ev == "focus" || ev == "blur" {
				l.focused = ev == "focus"
			}
			a.cursorMoved()
		})
	}
	on(l.el["copy-as"], "click", func(ev safejs.Value) {
		btn := call(get(ev, "target"), "closest", "button")
		if !truthy(btn) {
			return
		}
		if target := str(call(btn, "getAttribute", "data-copy")); target != "" {
			a.copy(str(get(byID(target), "textContent")), "the command")
			return
		}
		switch str(get(btn, "id")) {
		case "download-raw":
			a.download(editor.Bytes(a.lastText, a.eol), "request.http")
		case "copy-response":
			if a.lastRes != nil {
				a.copy(string(a.lastRes.Bytes()), "the response")
			}
		}
	})
	// The gallery is built when it is first opened: closed, it costs the
	// page's start nothing.
	onCapture(call(l.el["gallery"], "closest", "details"), "toggle", func(ev safejs.Value) {
		if l.galleryShown || !truthy(get(get(ev, "target"), "open")) {
			return
		}
		mount(l.el["gallery"], ui.GalleryBrowser(a.shownExample()))
		l.galleryShown, l.galleryFor = true, a.shownExample()
	})
	on(l.el["gallery"], "click", func(ev safejs.Value) {
		link := call(get(ev, "target"), "closest", "a[data-ex]")
		if !truthy(link) || truthy(get(ev, "ctrlKey")) || truthy(get(ev, "metaKey")) || truthy(get(ev, "shiftKey")) || truthy(get(ev, "altKey")) {
			return // a modified click opens the link as the browser does
		}
		// Opened in place, so that the history gets no entry (Back leaves
		// the page) and the current work is replaced as from the menu.
		call(ev, "preventDefault")
		a.openExample(str(call(link, "getAttribute", "data-ex")), true)
	})
	on(l.el["copy-fallback-close"], "click", func(safejs.Value) { setHidden(l.el["copy-fallback"], true) })
	on(l.el["help-button"], "click", func(safejs.Value) { call(l.el["help"], "showModal") })
	on(l.el["help-close"], "click", func(safejs.Value) { call(l.el["help"], "close") })
	on(document, "keydown", func(ev safejs.Value) { a.shortcut(ev) })
}

// linkOpened applies a link opened in the running page (a hashchange).
// When it replaces the current work, that work is kept for "restore my
// draft", as when a link wins over the saved draft at load.
func (a *app) linkOpened(hash string) {
	prev := a.state().Fragment()
	_, probs := a.openFragment(hash, fromLink)
	a.showProblems(probs, linkIntro, "The link was not opened; your current request and settings are kept.")
	a.render()
	if cur := a.state().Fragment(); a.lastText != "" && cur != prev {
		a.learn.draft = prev
		setHidden(a.el[ui.IDRestoreDraft], false)
	}
}

// opened resets the learning state when a link or an example is opened.
func (a *app) opened() {
	a.learn.revealed, a.learn.predicted, a.learn.step = false, -1, -1
	if a.started {
		a.clearPaste()
	}
}

// setPredict turns predict-first mode on or off.
func (a *app) setPredict(on bool) {
	a.mode = ""
	if on {
		a.mode = link.Modes[0]
	}
	a.opened()
	setAttr(a.el[ui.IDPage], "data-mode", a.mode)
	a.render()
	if on {
		a.say("Predict first: the response is hidden until you choose the status you expect and reveal it.")
	}
}

// afterRender updates the learning panes for a new result.
func (a *app) afterRender(res *engine.Result, text string, m *editor.Map) {
	l := &a.learn
	l.res, l.text, l.m = res, text, m

	predict := a.mode == link.Modes[0]
	if a.changed("predict-toggle.checked", strconv.FormatBool(predict)) {
		set(l.el["predict-toggle"], "checked", predict)
	}
	if predict {
		l.predict.show(ui.Predict(res, l.predicted, l.revealed), nil)
		if !l.revealed {
			a.setTextIfChanged(ui.IDStatus, "Predict first: choose the status you expect, then reveal the response.")
		}
	} else {
		l.predict.last = nil // mounted whole when predict mode comes back
	}
	if a.changed("predict.hidden", strconv.FormatBool(!predict)) {
		setHidden(l.el["predict"], !predict)
	}
	if a.changed("page.data-hide-answer", strconv.FormatBool(predict && !l.revealed)) {
		if predict && !l.revealed {
			setAttr(a.el[ui.IDPage], "data-hide-answer", "true")
		} else {
			call(a.el[ui.IDPage], "removeAttribute", "data-hide-answer")
		}
	}

	l.diagram.show(l.diagrams.Diagram(res), nil)
	l.diagrams.Done()
	a.showCopyAs()
	if shown := a.shownExample(); l.galleryShown && shown != l.galleryFor {
		// Move the mark rather than rebuild the list.
		if old := call(l.el["gallery"], "querySelector", "a[aria-current]"); truthy(old) {
			call(old, "removeAttribute", "aria-current")
		}
		if shown != "" {
			setAttr(call(l.el["gallery"], "querySelector", `a[data-ex="`+shown+`"]`), "aria-current", "true")
		}
		l.galleryFor = shown
	}
	a.showLesson()
	a.showStep(false)
	a.cursorMoved()
}

// showCopyAs shows the Copy as forms of the current request while they
// are open; closed, the pane is empty and nothing is computed.
func (a *app) showCopyAs() {
	l := &a.learn
	if !l.copyOpen || l.res == nil {
		l.copyAs.show(ui.El("div"), nil)
		return
	}
	l.copyAs.show(ui.CopyAs(editor.Bytes(l.text, a.eol), l.res), nil)
}

// clearStepMarks takes the selected and at-cursor marks off the trace
// steps (before the Why pane changes: the patch expects the DOM to hold
// exactly the tree it last showed).
func (a *app) clearStepMarks() {
	l := &a.learn
	a.markSteps("selected", nil, &l.selShown)
	a.markSteps("at-cursor", nil, &l.cursorShown)
}

// selectStep selects a trace step (or clears it when it is selected):
// its bytes are highlighted in the request and scrolled into view.
func (a *app) selectStep(i int) {
	l := &a.learn
	if i == l.step {
		i = -1
	}
	l.step = i
	a.showStep(true)
	if i >= 0 && l.res != nil && i < len(l.res.Trace) {
		msg := "Selected: " + ui.Summary(l.res.Trace[i])
		if l.res.Trace[i].Span.Empty() {
			msg += " (this step is about the request as a whole)"
		}
		a.say(msg)
	}
}

// showStep marks the selected step in the trace and its bytes in the
// overlay, and scrolls the editor to them when scroll is set.
func (a *app) showStep(scroll bool) {
	l := &a.learn
	if l.res == nil {
		return
	}
	want := map[int]bool{}
	if l.step >= 0 {
		want[l.step] = true
	}
	a.markSteps("selected", want, &l.selShown)
	marks := editor.Marks(l.text)
	if mk, ok := ui.StepMark(l.res, l.step, l.m, l.text); ok {
		marks = append(marks, mk)
	}
	a.overlay.show(ui.Overlay(l.text, l.res, l.m, marks), nil)
	if !scroll {
		return
	}
	mark := call(a.el[ui.IDOverlay], "querySelector", "mark.selected")
	if !truthy(mark) {
		return
	}
	r := a.el[ui.IDRequest]
	top, _ := get(mark, "offsetTop").Int()
	left, _ := get(mark, "offsetLeft").Int()
	h, _ := get(r, "clientHeight").Int()
	w, _ := get(r, "clientWidth").Int()
	set(r, "scrollTop", max(0, top-h/3))
	if cur, _ := get(r, "scrollLeft").Int(); left < cur || left > cur+w-40 {
		set(r, "scrollLeft", max(0, left-40))
	}
	a.syncScroll()
	// The page scrolls to the editor (not to the mark: that would scroll
	// the overlay away from the textarea).
	call(r, "scrollIntoView", map[string]any{"block": "nearest"})
}

// cursorMoved marks the trace steps about the request line the editor's
// cursor is on, while the editor has the focus.
func (a *app) cursorMoved() {
	l := &a.learn
	if l.res == nil || l.m == nil {
		return
	}
	if !l.focused {
		a.markSteps("at-cursor", nil, &l.cursorShown)
		return
	}
	at := map[int]bool{}
	if u16, err := get(a.el[ui.IDRequest], "selectionStart").Int(); err == nil {
		off := l.m.ByteOffset(editor.ByteOffsetFromUTF16(l.text, u16))
		for _, i := range ui.StepsOnLine(l.res, off) {
			at[i] = true
		}
	}
	a.markSteps("at-cursor", at, &l.cursorShown)
}

// markSteps gives the class to the trace steps in want and takes it from
// the others, touching only the steps whose state changes (*shown is what
// the Why pane shows now). The selected step's button is also pressed.
func (a *app) markSteps(class string, want map[int]bool, shown *map[int]bool) {
	if *shown == nil {
		*shown = map[int]bool{}
	}
	flip := func(i int, on bool) {
		li := call(a.el[ui.IDExplanation], "querySelector", `.trace li[data-step="`+strconv.Itoa(i)+`"]`)
		if !truthy(li) {
			return
		}
		call(get(li, "classList"), "toggle", class, on)
		if class == "selected" {
			setAttr(call(li, "querySelector", "button.check"), "aria-pressed", strconv.FormatBool(on))
		}
	}
	for i := range *shown {
		if !want[i] {
			flip(i, false)
			delete(*shown, i)
		}
	}
	for i := range want {
		if !(*shown)[i] {
			flip(i, true)
			(*shown)[i] = true
		}
	}
}

// shortcut handles the documented keyboard shortcuts (index.html #help).
func (a *app) shortcut(ev safejs.Value) {
	tag := str(get(get(ev, "target"), "tagName"))
	typing := tag == "TEXTAREA" || tag == "INPUT" || tag == "SELECT"
	key := str(get(ev, "key"))
	if key == "?" && !typing && !truthy(get(ev, "altKey")) && !truthy(get(ev, "ctrlKey")) && !truthy(get(ev, "metaKey")) {
		call(ev, "preventDefault")
		call(a.learn.el["help"], "showModal")
		return
	}
	if !truthy(get(ev, "altKey")) || !truthy(get(ev, "shiftKey")) || truthy(get(ev, "ctrlKey")) || truthy(get(ev, "metaKey")) {
		return
	}
	switch str(get(ev, "code")) {
	case "KeyE":
		call(a.el[ui.IDRequest], "focus")
	case "KeyX":
		call(a.el[ui.IDExamples], "focus")
	case "KeyW":
		b := call(a.el[ui.IDExplanation], "querySelector", ".trace li.decisive button.check")
		if !truthy(b) {
			b = call(a.el[ui.IDExplanation], "querySelector", ".trace button.check")
		}
		call(b, "focus")
	case "KeyS":
		// The first server setting: the settings drawer shows while the
		// focus is in it.
		call(call(a.el[ui.IDServer], "querySelector", "input, select"), "focus")
	case "KeyP":
		a.setPredict(a.mode != link.Modes[0])
	case "KeyL":
		a.copyLink()
	case "KeyT":
		call(a.el[ui.IDThemeToggle], "click")
	default:
		return
	}
	call(ev, "preventDefault")
}
