//go:build js && wasm

package main

import (
	"strconv"

	"github.com/hack-pad/safejs"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/paste"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// Server profiles, the proxy hop, the side-by-side view and reverse mode:
// the adapter moves their state in and out of the DOM; the views are
// wasm/ui's (profiles.go, compare.go, reverse.go).

// profileIDs are the elements of index.html these features use.
var profileIDs = []string{"hops", "compare", "compare-body", "compare-open", "compare-close",
	"reverse-open", "reverse-back", "response-editor-wrap", "response-editor", "response-overlay", "response-editor-help"}

// profileState is their part of the page's state.
type profileState struct {
	el map[string]safejs.Value

	hops, compare, overlay pane
	compareOpen            bool

	// reverse is set in reverse mode: the response editor holds the
	// response the page judges.
	reverse bool
	resp    []byte            // the response's exact bytes, as last read
	judged  *engine.Judgement // the last judgement
	m       *editor.Map       // the response editor's map
	text    string            // the response editor's text
	step    int               // the selected check of the judgement, or -1
}

// wireProfiles finds the elements and registers the listeners.
func (a *app) wireProfiles() {
	p := &a.prof
	p.el = byIDs(profileIDs)
	p.hops.el, p.compare.el, p.overlay.el = p.el["hops"], p.el["compare-body"], p.el["response-overlay"]
	p.step = -1
	on(p.el["compare-open"], "click", func(safejs.Value) {
		a.setCompare(true)
		call(p.el["compare"], "scrollIntoView", map[string]any{"block": "nearest"})
		call(call(p.el["compare"], "querySelector", "h2"), "focus")
		a.say("Compared: the same request, answered by every server profile.")
	})
	on(p.el["compare-close"], "click", func(safejs.Value) {
		a.setCompare(false)
		call(p.el["compare-open"], "focus")
	})
	on(p.el["reverse-open"], "click", func(safejs.Value) {
		resp := []byte{}
		if a.lastRes != nil {
			resp = a.lastRes.Bytes()
		}
		a.setReverse(resp)
		a.render()
		call(p.el["response-editor"], "focus")
		a.say("Reverse mode: " + ui.ReverseStatus(p.judged) + " Edit the response to see what each client does.")
	})
	on(p.el["reverse-back"], "click", func(safejs.Value) {
		a.setReverse(nil)
		a.render()
		call(a.el[ui.IDResponse], "focus")
		a.say("What the server should have sent: " + ui.StatusLine(a.lastRes))
	})
	on(p.el["response-editor"], "input", func(safejs.Value) { a.render() })
	on(p.el["response-editor"], "scroll", func(safejs.Value) {
		set(p.el["response-overlay"], "scrollTop", get(p.el["response-editor"], "scrollTop"))
		set(p.el["response-overlay"], "scrollLeft", get(p.el["response-editor"], "scrollLeft"))
	})
	on(a.el[ui.IDExplanation], "click", func(ev safejs.Value) {
		if !p.reverse {
			return
		}
		btn := call(get(ev, "target"), "closest", ".rtrace button.check, .clients button.check")
		if !truthy(btn) {
			return
		}
		i, err := strconv.Atoi(str(call(btn, "getAttribute", "data-step")))
		if err != nil {
			i, err = strconv.Atoi(str(call(call(btn, "closest", "li"), "getAttribute", "data-step")))
		}
		if err == nil {
			if i == p.step {
				i = -1
			}
			p.step = i
			a.showReverseOverlay()
		}
	})
}

// setCompare opens or closes the side-by-side view.
func (a *app) setCompare(open bool) {
	p := &a.prof
	p.compareOpen = open
	setHidden(p.el["compare"], !open)
	setAttr(p.el["compare-open"], "aria-expanded", strconv.FormatBool(open))
	if open {
		a.showCompare()
	}
}

// showCompare answers the editor's request with every profile.
func (a *app) showCompare() {
	p := &a.prof
	if !p.compareOpen {
		return
	}
	p.compare.show(ui.CompareView(ui.CompareAll(editor.Bytes(a.lastText, a.eol), a.cfg.Proxy)), nil)
}

// setReverse turns reverse mode on with the response's bytes, or off
// with nil.
func (a *app) setReverse(resp []byte) {
	p := &a.prof
	p.reverse, p.step = resp != nil, -1
	if resp != nil {
		set(p.el["response-editor"], "value", editor.Text(resp, a.eol))
	}
	setAttr(a.el[ui.IDPage], "data-reverse", strconv.FormatBool(p.reverse))
	for _, id := range []string{"response-editor-wrap", "response-editor-help", "reverse-back"} {
		setHidden(p.el[id], !p.reverse)
	}
	setHidden(p.el["reverse-open"], p.reverse)
	setHidden(a.el[ui.IDResponse], p.reverse)
}

// renderProfiles updates the proxy's hops, the side-by-side view and, in
// reverse mode, the judgement (the Why pane, the response editor's marks,
// the status), after the server's answer is shown.
func (a *app) renderProfiles(res *engine.Result) {
	p := &a.prof
	if p.el == nil {
		return
	}
	root := ui.El("div")
	if hops := ui.Hops(res); hops != nil {
		root.Add(hops)
	}
	p.hops.show(root, nil)
	a.showCompare()
	if !p.reverse {
		return
	}
	p.text = str(get(p.el["response-editor"], "value"))
	p.resp, p.m = editor.MapText(p.text, a.eol)
	p.judged = ui.Judge(editor.Bytes(a.lastText, a.eol), p.resp)
	if p.step >= len(p.judged.Trace) {
		p.step = -1
	}
	a.why.show(ui.ReverseView(p.judged), a.clearStepMarks)
	a.setTextIfChanged(ui.IDResponse, ui.ReverseText(p.judged))
	a.setTextIfChanged(ui.IDStatus, ui.ReverseStatus(p.judged))
	a.showReverseOverlay()
}

// showReverseOverlay marks the response editor: the bytes of the checks
// clients fail on, the selected check's, and invisible bytes.
func (a *app) showReverseOverlay() {
	p := &a.prof
	if p.judged == nil {
		return
	}
	p.overlay.show(ui.ResponseOverlay(p.text, p.judged, p.m, p.step, editor.Marks(p.text)), nil)
}

// profileChanged applies the Server drawer's profile or proxy control:
// a new profile resets every setting to its library's defaults (the
// proxy stays). It reports whether key was one of them.
func (a *app) profileChanged(key, value string) bool {
	switch key {
	case "srv":
		prof := engine.LookupProfile(value)
		if prof == nil {
			return true
		}
		proxy := a.cfg.Proxy
		a.cfg = prof.Config()
		a.cfg.Proxy = proxy
		a.say("Server: " + prof.Title + ". " + prof.Setup + " Every setting is now this library's default.")
	case "proxy":
		a.cfg.Proxy = value
		if value == "none" {
			a.cfg.Proxy = ""
		}
	default:
		return false
	}
	a.exChanged.Server = a.serverChanged()
	mount(a.el[ui.IDServer], ui.Server(&a.cfg))
	a.render()
	return true
}

// markOverride marks the row of a setting the learner just changed as an
// override of the profile's default, or unmarks it, in place: the pane is
// not rebuilt, so the control keeps the focus.
func (a *app) markOverride(target safejs.Value, s *engine.Setting) {
	row := call(target, "closest", ".setting")
	if !truthy(row) {
		return
	}
	base := ui.ProfileOf(&a.cfg).Config()
	note := ui.OverrideNote(s, &a.cfg, &base)
	call(get(row, "classList"), "toggle", "override", note != "")
	if old := call(row, "querySelector", ".override-note"); truthy(old) {
		call(old, "remove")
	}
	if note != "" {
		small := call(document, "createElement", "small")
		set(small, "className", "override-note")
		setText(small, note)
		call(row, "append", small)
	}
}

// openedProfiles applies what a link or an example says about these
// features: reverse mode with its response, and the side-by-side view
// for an example that opens in it.
func (a *app) openedProfiles(resp []byte, example string) {
	a.setReverse(resp)
	ex, _ := gallery.Lookup(example)
	a.setCompare(example != "" && ex.View == "compare")
}

// pastedResponse opens a pasted response in reverse mode: the paste goes
// to the response editor, and the request editor gets back the request
// the page started with (the paste held none).
func (a *app) pastedResponse(text string) {
	a.setReverse(editor.Bytes(text, a.eol))
	set(a.el[ui.IDRequest], "value", a.defaultText)
	a.clearPaste()
	a.render()
	call(a.prof.el["response-editor"], "focus")
	a.say("Reverse mode: the response you pasted, judged as each client would against the sample request in the request editor (replace it with your client's request). " + ui.ReverseStatus(a.prof.judged))
}

// isResponsePaste reports whether the paste notice shows a response.
func isResponsePaste(f paste.Finding) bool { return f.Kind == paste.Response }
