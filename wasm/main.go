//go:build js && wasm

// Command wasm is the page's WebAssembly adapter: it reads the request
// editor and the settings, runs the engine, and writes the panes. All logic
// lives in engine (decisions) and wasm/render (views); this package only
// moves text between the DOM and them.
package main

import (
	"strconv"
	"strings"

	"github.com/hack-pad/safejs"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/site"
	"github.com/upgrade-playground/playground/wasm/render"
)

func main() {
	a := newApp()
	a.start()
	select {}
}

// app is the page's state: the server, the example it came from, the
// modes, and what was last rendered (to skip unchanged panes).
type app struct {
	el map[string]safejs.Value

	cfg     engine.Config
	example string
	mode    string
	eol     string

	defaultText      string // the editor's initial text (index.html)
	started          bool   // finish has built the page
	lastHash         string // the fragment this page last wrote
	saveQueued       bool
	renderFn, saveFn safejs.Func

	lastText string
	lastRes  *engine.Result

	why, after, overlay pane
	whyMemo             render.Memo       // the Why pane's steps and notes
	elsewhereOpen       bool              // the RFC 8441/9220 comparison is open
	shown               map[string]string // the text or attribute last written, by element and name

	learn learnState // predict, trace selection, diagram, copy (learn.go)
}

func newApp() *app {
	a := &app{el: map[string]safejs.Value{}, cfg: engine.DefaultConfig(), shown: map[string]string{}}
	for _, id := range site.IDs {
		a.el[id] = byID(id)
	}
	a.why.el, a.after.el, a.overlay.el = a.el[site.Explanation], a.el[site.After], a.el[site.Overlay]
	a.renderFn = guard("render", func(safejs.Value, []safejs.Value) any {
		a.render()
		return nil
	})
	a.saveFn = guard("save", func(safejs.Value, []safejs.Value) any {
		a.saveQueued = false
		a.save()
		return nil
	})
	return a
}

// start shows the current request's response as soon as the engine runs,
// then builds the rest of the page in a task of its own (finish), so that
// the browser can paint the response first.
func (a *app) start() {
	a.defaultText = str(get(a.el[site.Request], "defaultValue"))
	a.exportAPI()

	hash := str(get(get(global, "location"), "hash"))
	draft := loadDraft()
	switch {
	case len(hash) > 1:
		a.openFragment(hash, true)
		if draft != "" && draft != trimHash(hash) {
			a.learn.draft = draft // kept: saving the link's state replaces the stored draft
			setHidden(a.el[site.RestoreDraft], false)
		}
	case draft != "":
		a.openFragment(draft, false)
	}
	_, _, res := a.negotiate()
	a.showResponse(res)
	mark("first-render") // the first response is on the page (issue 6 load budget)
	finish := guard("start", func(safejs.Value, []safejs.Value) any {
		a.finish()
		return nil
	})
	call(global, "setTimeout", finish.Value(), 0)
}

// finish builds the rest of the page (the server settings, the examples
// menu), renders every pane and resolves playground.ready.
func (a *app) finish() {
	a.started = true
	mount(a.el[site.Server], render.Server(&a.cfg))
	mount(a.el[site.Examples], render.Gallery(""))
	set(a.el[site.Examples], "value", a.example)
	a.wire()
	a.wireLearn()
	a.render()
	setAttr(a.el[site.Page], "data-ready", "true")
	if f, err := global.Get("__playgroundStarted"); err == nil && f.Type() == safejs.TypeFunction {
		_, _ = f.Invoke()
	}
}

func trimHash(s string) string {
	if len(s) > 0 && s[0] == '#' {
		return s[1:]
	}
	return s
}

// maxDraft caps the page's own saved state (a draft may hold a request too
// large to share as a link; localStorage itself holds a few MB).
const maxDraft = 8 << 20

// openFragment applies a deep link. A fatal problem (too large, bad req,
// future version) leaves the page as it is and says why. fromLink is true
// for a link from outside (the address bar), which is size-capped at
// engine.MaxFragment; drafts and examples are the page's own.
func (a *app) openFragment(frag string, fromLink bool) {
	limit := engine.MaxFragment
	if !fromLink {
		limit = maxDraft
	}
	st, probs := engine.ParseFragmentLimit(frag, limit)
	a.showProblems(probs)
	for _, p := range probs {
		if p.Fatal {
			// The address bar goes back to the state the page kept.
			a.lastHash = "\x00"
			a.queueSave()
			return
		}
	}
	a.cfg, a.example, a.mode = st.Config, st.Example, st.Mode
	a.eol = st.EOL
	set(a.el[site.EOL], "value", eolName(a.eol))
	if st.Request != nil {
		set(a.el[site.Request], "value", engine.EditorText(st.Request, a.eol))
	}
	set(a.el[site.Examples], "value", a.example)
	if a.started { // else finish mounts it
		mount(a.el[site.Server], render.Server(&a.cfg))
	}
	setAttr(a.el[site.Page], "data-mode", a.mode)
	a.opened()
}

func eolName(e string) string {
	if e == "" {
		return engine.EOLs[0]
	}
	return e
}

func (a *app) showProblems(probs []engine.LinkProblem) {
	box := a.el[site.LinkMessage]
	if len(probs) == 0 {
		setHidden(box, true)
		return
	}
	root := render.El("div")
	root.Add(render.El("p").AddText("There is a problem with this link:"))
	ul := render.El("ul")
	const shown = 10 // a hostile link can carry thousands of problems
	for i, p := range probs {
		if i == shown {
			ul.Add(render.El("li").AddText("… and " + strconv.Itoa(len(probs)-shown) + " more."))
			break
		}
		ul.Add(render.El("li").AddText(p.String()))
	}
	root.Add(ul)
	for _, p := range probs {
		if p.Fatal {
			root.Add(render.El("p").AddText("The link was not opened; your current request and settings are kept."))
			break
		}
	}
	mount(box, root)
	setHidden(box, false)
}

// wire registers the page's event listeners.
func (a *app) wire() {
	// Keystrokes: site/app.js coalesces the editor's input events and
	// calls _render once per animation frame (a call into Go per input
	// event would cost a round trip through the Go scheduler each).
	set(pgObject, "_render", a.renderFn.Value())
	on(a.el[site.Request], "scroll", func(safejs.Value) { a.syncScroll() })
	onCapture(a.el[site.After], "toggle", a.elsewhereToggled)
	on(a.el[site.Server], "change", func(ev safejs.Value) { a.settingChanged(get(ev, "target")) })
	on(a.el[site.Examples], "change", func(safejs.Value) {
		if id := str(get(a.el[site.Examples], "value")); id != "" {
			a.openFragment("ex="+id, false)
			a.render()
		}
	})
	on(a.el[site.EOL], "change", func(safejs.Value) {
		text := str(get(a.el[site.Request], "value"))
		raw := engine.EditorBytes(text, a.eol)
		a.eol = str(get(a.el[site.EOL], "value"))
		if a.eol == engine.EOLs[0] {
			a.eol = ""
		}
		set(a.el[site.Request], "value", engine.EditorText(raw, a.eol))
		a.render()
	})
	on(global, "hashchange", func(ev safejs.Value) {
		// The event's newURL, not location.hash: a debounced replaceState
		// may already have run between the change and this event.
		hash := str(get(ev, "newURL"))
		if i := strings.IndexByte(hash, '#'); i >= 0 {
			hash = hash[i+1:]
		} else {
			hash = ""
		}
		if hash == a.lastHash {
			return
		}
		a.linkOpened(hash)
	})
	on(a.el[site.CopyLink], "click", func(safejs.Value) { a.copyLink() })
	on(a.el[site.RestoreDraft], "click", func(safejs.Value) {
		if d := a.learn.draft; d != "" {
			a.openFragment(d, false)
			a.render()
		}
		setHidden(a.el[site.RestoreDraft], true)
	})
	on(a.el[site.LinkMessage], "click", func(ev safejs.Value) {
		if str(get(get(ev, "target"), "tagName")) == "BUTTON" {
			setHidden(a.el[site.LinkMessage], true)
		}
	})
}

func (a *app) syncScroll() {
	r, o := a.el[site.Request], a.el[site.Overlay]
	set(o, "scrollTop", get(r, "scrollTop"))
	set(o, "scrollLeft", get(r, "scrollLeft"))
}

// settingChanged applies one control of the Server pane.
func (a *app) settingChanged(target safejs.Value) {
	key := str(get(target, "name"))
	s := engine.LookupSetting(key)
	if s == nil {
		return
	}
	v := str(get(target, "value"))
	if s.Kind == "bool" {
		v = "0"
		if truthy(get(target, "checked")) {
			v = "1"
		}
	}
	if err := s.Set(&a.cfg, v); err != nil {
		setAttr(target, "aria-invalid", "true")
		a.say(s.Label + ": " + err.Error())
		return
	}
	call(target, "removeAttribute", "aria-invalid")
	a.render()
}

// negotiate runs the engine on the editor's bytes (and forgets the
// example when the text is no longer its request).
func (a *app) negotiate() (string, *engine.EditorMap, *engine.Result) {
	text := str(get(a.el[site.Request], "value"))
	raw, m := engine.MapEditor(text, a.eol)
	if a.example != "" {
		if ex, ok := engine.LookupExample(a.example); !ok || string(ex.Request) != string(raw) {
			a.example = ""
			set(a.el[site.Examples], "value", "")
		}
	}
	return text, m, engine.Negotiate(raw, &a.cfg)
}

// showResponse updates the Response pane's bytes, status and info line.
func (a *app) showResponse(res *engine.Result) {
	a.setTextOnce(site.Response, render.ResponseText(res))
	if st := strconv.Itoa(res.Status()); a.once(site.Response+".data-status", st) {
		setAttr(a.el[site.Response], "data-status", st)
	}
	a.setTextOnce(site.ResponseInfo, render.ResponseInfo(res))
}

// render runs the engine on the editor's bytes and updates every pane.
func (a *app) render() {
	text, m, res := a.negotiate()
	a.showResponse(res)
	why := a.whyMemo.Explanation(res)
	a.whyMemo.Done()
	if a.why.show(why, a.clearStepMarks) {
		a.learn.step = -1 // a new Why pane: the selection is gone
	}
	a.showAfter(res)
	a.setTextOnce(site.Status, render.StatusLine(res)) // a keystroke announces only a change
	a.lastText, a.lastRes = text, res
	a.afterRender(res, text, m)
	a.queueSave()
}

// once records that what key names (an element's text, attribute or
// property) now shows value, and reports whether that is a change: a
// render writes to the DOM only what changed.
func (a *app) once(key, value string) bool {
	if old, ok := a.shown[key]; ok && old == value {
		return false
	}
	a.shown[key] = value
	return true
}

// setTextOnce sets an element's text unless it already shows it.
func (a *app) setTextOnce(id, s string) {
	if a.once(id, s) { // an element id: its text
		setText(a.el[id], s)
	}
}

// elsewhereToggled follows the RFC 8441/9220 comparison being opened or
// closed: its frames are built only while it is open.
func (a *app) elsewhereToggled(ev safejs.Value) {
	t := get(ev, "target")
	if a.lastRes == nil || !truthy(call(get(t, "classList"), "contains", "elsewhere")) {
		return
	}
	a.elsewhereOpen = truthy(get(t, "open"))
	a.showAfter(a.lastRes)
}

// showAfter shows what crosses the connection after the response, with
// the RFC 8441/9220 comparison's frames while it is open.
func (a *app) showAfter(res *engine.Result) { a.after.show(render.After(res, a.elsewhereOpen), nil) }

// state is the page's current deep-link state.
func (a *app) state() engine.State {
	return engine.State{
		Request: engine.EditorBytes(a.lastText, a.eol),
		Config:  a.cfg, Example: a.example, Mode: a.mode, EOL: a.eol,
	}
}

// queueSave debounces the address bar and draft updates.
func (a *app) queueSave() {
	if a.saveQueued {
		return
	}
	a.saveQueued = true
	call(global, "setTimeout", a.saveFn.Value(), 300)
}

// save keeps the address bar equal to the state (replaceState, so Back
// leaves the page) and the draft in localStorage.
func (a *app) save() {
	frag := a.state().Fragment()
	if frag != a.lastHash {
		a.lastHash = frag
		call(get(global, "history"), "replaceState", safejs.Null(), "", "#"+frag)
		a.showLinkSize(len(frag))
	}
	storeDraft(frag)
}

const draftKey = "upgrade-playground.draft"

func loadDraft() string {
	ls, err := global.Get("localStorage")
	if err != nil || !truthy(ls) {
		return ""
	}
	v, err := ls.Call("getItem", draftKey)
	if err != nil {
		return ""
	}
	return str(v)
}

func storeDraft(frag string) {
	ls, err := global.Get("localStorage")
	if err != nil || !truthy(ls) {
		return
	}
	_, _ = ls.Call("setItem", draftKey, frag) // may fail when storage is full or off
}

// say writes the status line (announced to screen readers), even when it
// already says the same: a repeated action gets its feedback again.
func (a *app) say(msg string) {
	a.shown[site.Status] = msg
	setText(a.el[site.Status], msg)
}
