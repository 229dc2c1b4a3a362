//go:build js && wasm

package main

import (
	"github.com/hack-pad/safejs"
	"github.com/upgrade-playground/playground/wasm/paste"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// Pastes from real tools (curl -v, developer tools, a response): after a
// paste into the editor the page says what was pasted (wasm/paste) in a
// notice beside the editor, and offers the fix, which replaces the
// editor's text through the browser's own editing (execCommand
// insertText), so that undo brings the paste back, as does the notice's
// "Restore what I pasted".

// pasteState is the paste notice's state.
type pasteState struct {
	el       safejs.Value
	pending  bool          // a paste happened: the next render looks at the text
	finding  paste.Finding // what the notice shows (Kind None: no notice)
	original string        // the editor's text after the paste
	fixed    bool          // the fix replaced the paste
	shown    *ui.Node      // what the notice shows
}

// wirePaste registers the paste notice's listeners.
func (a *app) wirePaste() {
	p := &a.pastes
	p.el = byID("paste-notice")
	on(a.el[ui.IDRequest], "paste", func(safejs.Value) { p.pending = true })
	on(p.el, "click", func(ev safejs.Value) {
		btn := call(get(ev, "target"), "closest", "button[data-paste]")
		if !truthy(btn) {
			return
		}
		switch str(call(btn, "getAttribute", "data-paste")) {
		case "fix":
			if p.finding.Fix != "" {
				p.fixed = true
				a.replaceEditorText(p.finding.Fix)
				a.showPaste()
				a.say("The editor now holds the request from your paste. Undo, or Restore what I pasted, brings the paste back.")
			}
		case "restore":
			p.fixed = false
			a.replaceEditorText(p.original)
			a.showPaste()
			a.say("Restored what you pasted.")
		case "reverse":
			if isResponsePaste(p.finding) {
				a.pastedResponse(p.original)
			}
		case "dismiss":
			a.clearPaste()
			call(a.el[ui.IDRequest], "focus")
		}
	})
}

// checkPaste updates the notice for the editor's text: after a paste it
// recognises the text; it follows the browser's undo and redo of the fix;
// while it shows a finding not yet fixed, it follows the learner's edits
// (and goes once the text is a request).
func (a *app) checkPaste(text string) {
	p := &a.pastes
	switch {
	case p.pending:
		p.pending, p.fixed = false, false
		p.finding, p.original = paste.Recognize(text), text
	case p.finding.Kind == paste.None:
		return
	case text == p.original:
		p.fixed = false // undone
	case text == p.finding.Fix:
		p.fixed = true // redone
	case !p.fixed:
		p.finding, p.original = paste.Recognize(text), text
	default:
		return
	}
	a.showPaste()
}

// showPaste shows the notice (or hides it when there is nothing to say).
func (a *app) showPaste() {
	p := &a.pastes
	if p.finding.Kind == paste.None {
		if p.shown != nil {
			p.shown = nil
			setHidden(p.el, true)
		}
		return
	}
	n := ui.PasteNotice(p.finding, p.fixed)
	if p.shown != nil && ui.Patch(p.shown, n) == "" {
		return
	}
	p.shown = n
	mount(p.el, n)
	setHidden(p.el, false)
}

// clearPaste takes the notice away (a link or an example replaced the
// text, or the learner dismissed it).
func (a *app) clearPaste() {
	p := &a.pastes
	p.pending, p.fixed, p.finding, p.original = false, false, paste.Finding{}, ""
	a.showPaste()
}

// replaceEditorText replaces the editor's text as an edit the browser can
// undo (execCommand insertText on the whole text; where a browser lacks
// it, by setting the value) and renders it.
func (a *app) replaceEditorText(text string) {
	r := a.el[ui.IDRequest]
	call(r, "focus")
	call(r, "select")
	if !truthy(call(document, "execCommand", "insertText", false, text)) || str(get(r, "value")) != text {
		set(r, "value", text)
	}
	call(r, "setSelectionRange", 0, 0)
	set(r, "scrollTop", 0)
	a.render()
}
