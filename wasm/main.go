//go:build js && wasm

// Command wasm is the page's WebAssembly adapter: it reads the request
// editor and the settings, runs the engine, and writes the panes. All logic
// lives in engine (decisions) and the pure packages under wasm/ (the link
// codec, the editor mapping, the gallery and the views); this package only
// moves text between the DOM and them.
package main

import (
	"strconv"
	"strings"

	"github.com/hack-pad/safejs"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/link"
	"github.com/upgrade-playground/playground/wasm/ui"
)

func main() {
	if stopAfterInit != "" {
		runAsFloor()
	}
	a := newApp()
	a.start()
	select {}
}

// theApp is the page's app, for the functions the module exports.
var theApp *app

// renderFrame is what site/app.js calls once per animation frame after
// input in the editor: the render of a keystroke. It is exported from the
// module itself (go:wasmexport), so that JavaScript calls it directly;
// through a js.Func every call would also pay syscall/js's event
// dispatch (looking the call up in JavaScript, values with finalizers,
// a pass of the Go scheduler), about 0.1 ms a frame in Chromium. Like
// every function exported to JavaScript it recovers panics and never
// blocks.
//
//go:wasmexport playground_render
func renderFrame() {
	defer recovered("render", nil)
	if a := theApp; a != nil && a.started {
		a.render()
	}
}

// app is the page's state: the server, the example it came from, the
// modes, and what was last rendered (to skip unchanged panes).
type app struct {
	el map[string]safejs.Value

	cfg     engine.Config
	example string // the example the state started from (flow.go: kept while the learner changes it)
	mode    string
	eol     string
	embed   bool // embed=1: the compact layout for an iframe (embed.go)

	exChanged ui.LessonChange // what differs from the example
	exMenu    exampleMenu     // the Examples menu's pending keyboard choice (flow.go)
	pastes    pasteState      // the paste notice (pastes.go)

	defaultText      string // the editor's initial text (index.html)
	started          bool   // finish has built the page
	serverMounted    bool   // the server settings are built (mountServer)
	lastHash         string // the state's fragment the page last saved (draft.go)
	linkFrag         string // the state of the link opened, until it is changed
	drafts           draftState
	saveQueued       bool // a save is due (queueSave)
	saveDirty        bool // the state changed since the save's timer was set
	saveWaits        int  // the times the save waited for a pause
	renderFn, saveFn safejs.Func

	lastText string
	lastRes  *engine.Result

	why, after, overlay pane
	whyMemo             ui.Memo           // the Why pane's steps and notes
	elsewhereOpen       bool              // the RFC 8441/9220 comparison is open
	shown               map[string]string // the text or attribute last written, by element and name

	learn learnState   // predict, trace selection, diagram, copy (learn.go)
	prof  profileState // the proxy's hops, the side-by-side view, reverse mode (profiles.go)
}

func newApp() *app {
	a := &app{el: byIDs(ui.IDs), cfg: engine.DefaultConfig(), shown: map[string]string{}}
	theApp = a
	a.why.el, a.after.el, a.overlay.el = a.el[ui.IDExplanation], a.el[ui.IDAfter], a.el[ui.IDOverlay]
	a.renderFn = guard("render", func(safejs.Value, []safejs.Value) any {
		a.render()
		return nil
	})
	a.saveFn = guard("save", func(safejs.Value, []safejs.Value) any {
		if a.saveDirty && a.saveWaits < maxSaveWaits && len(a.lastText) > bigSave {
			// A large state changed since the timer was set: wait for a
			// pause in the typing.
			a.saveDirty = false
			a.saveWaits++
			call(global, "setTimeout", a.saveFn.Value(), saveDelay)
			return nil
		}
		a.saveQueued = false
		a.save()
		return nil
	})
	return a
}

// start shows the current request's response as soon as the engine runs,
// then builds the rest of the page in tasks of their own (inTasks), so
// that the browser can paint the response first.
func (a *app) start() {
	a.defaultText = str(get(a.el[ui.IDRequest], "defaultValue"))
	a.exportAPI()
	a.wireProfiles()

	// Without its "#", as the hashchange handler and playground.run read a
	// link: a problem's offset is the same however the link was opened.
	hash := trimHash(str(get(get(global, "location"), "hash")))
	draft := loadDraft()
	switch {
	case hash != "":
		ok, probs := a.openFragment(hash, fromLink)
		refused := "The link was not opened; the page shows its starting request."
		switch {
		case a.embed: // an embed keeps out of the draft (embed.go)
		case !ok && draft.frag != "":
			if ok, _ := a.openFragment(draft.frag, fromDraft); ok {
				refused = "The link was not opened; your draft" + draft.from() + " is shown instead, as you left it."
			}
		case ok && draft.frag != "" && draft.frag != hash:
			a.learn.draft = draft.frag // kept, in the browser too, until the link's state is changed
			setHidden(a.el[ui.IDRestoreDraft], false)
		}
		a.showProblems(probs, linkIntro, refused)
	case draft.frag != "":
		_, probs := a.openFragment(draft.frag, fromDraft)
		a.showProblems(probs, "There is a problem with the draft this browser kept:", "The draft was not opened; the page shows its starting request.")
	}
	_, _, res := a.negotiate()
	a.showResponse(res)
	mark("first-render") // the first response is on the page (the load budget)
	inTasks("start", a.mountServer, a.mountExamples, a.finish)
}

// inTasks runs each step in a browser task of its own, in order: between
// two steps the browser handles input and paints. A step that panics ends
// the sequence (guard shows the error banner).
func inTasks(name string, steps ...func()) {
	if len(steps) == 0 {
		return
	}
	var f safejs.Func
	f = guard(name, func(safejs.Value, []safejs.Value) any {
		f.Release()
		steps[0]()
		inTasks(name, steps[1:]...)
		return nil
	})
	call(global, "setTimeout", f.Value(), 0)
}

// The page beyond the first response is built in three tasks after it
// (start), none of which shows at first paint: the server settings, in
// their drawer; the Examples menu's options, the menu being closed; then
// the listeners and every pane, which resolves playground.ready. As one
// task they held the page's only thread for about 30 ms on a laptop, four
// times that on a phone, where a key typed meanwhile waits
// (docs/performance.md, "Lighthouse").

// mountServer builds the server settings in their drawer.
func (a *app) mountServer() {
	mount(a.el[ui.IDServer], ui.Server(&a.cfg))
	a.serverMounted = true
}

// mountExamples builds the Examples menu's options.
func (a *app) mountExamples() {
	mount(a.el[ui.IDExamples], ui.Gallery(a.shownExample()))
}

// finish listens for the learner's input, renders every pane and
// resolves playground.ready.
func (a *app) finish() {
	a.started = true
	a.wire()
	a.wireLearn()
	a.wireFlow()
	a.wirePaste()
	a.render()
	setAttr(a.el[ui.IDPage], "data-ready", "true")
	if f, err := global.Get("__playgroundStarted"); err == nil && f.Type() == safejs.TypeFunction {
		_, _ = f.Invoke()
	}
}

// isDefault reports whether cfg is the default server's: no profile, no
// proxy, and every setting at its default.
func isDefault(cfg *engine.Config) bool {
	if ui.ServerID(cfg) != "rfc" || cfg.Proxy != "" {
		return false
	}
	def := engine.DefaultConfig()
	for _, s := range engine.Settings() {
		if s.Get(cfg) != s.Get(&def) {
			return false
		}
	}
	return true
}

func trimHash(s string) string {
	if len(s) > 0 && s[0] == '#' {
		return s[1:]
	}
	return s
}

// maxDraft caps the page's own saved state: a draft is not held to the
// link's cap (localStorage itself holds a few MB), but it is capped.
const maxDraft = 64 << 20

// A fragment's source, for its size cap and for what the page keeps.
type source int

const (
	fromLink  source = iota // a link from outside (the address bar): capped at link.MaxFragment
	fromDraft               // the draft this browser kept
	fromPage                // the page's own (an example)
)

const linkIntro = "There is a problem with this link:"

// openFragment applies a deep link. It reports whether it did and the
// link's problems, which the caller shows (showProblems): a fatal problem
// (too large, bad req, future version) leaves the page as it is.
func (a *app) openFragment(frag string, src source) (bool, []link.Problem) {
	limit := link.MaxFragment
	if src != fromLink {
		limit = maxDraft
	}
	st, probs := link.ParseLimit(frag, limit)
	for _, p := range probs {
		if p.Fatal {
			// The address bar goes back to the state the page kept.
			a.lastHash = "\x00"
			a.queueSave()
			return false, probs
		}
	}
	a.cfg, a.example = st.Config, st.Example
	a.exMenu.pending = false
	// Predict mode stays on until the learner turns it off: a link or an
	// example without mode=predict does not end it.
	if st.Mode != "" {
		a.mode = st.Mode
	}
	a.eol = st.EOL
	if src == fromLink { // an example or a draft opened in an embed stays in it
		a.embed = st.Embed
		a.showEmbed()
	}
	set(a.el[ui.IDEOL], "value", eolName(a.eol))
	if st.Request != nil {
		set(a.el[ui.IDRequest], "value", editor.Text(st.Request, a.eol))
	}
	a.openedProfiles(st.Response, st.Example)
	a.exChanged.Server = a.serverChanged()
	if a.serverMounted { // else mountServer does
		mount(a.el[ui.IDServer], ui.Server(&a.cfg))
	}
	setAttr(a.el[ui.IDPage], "data-mode", a.mode)
	a.opened()
	if src == fromLink {
		// The link's own state: saving it leaves the kept draft alone
		// (storeDraft) until the learner changes something.
		req := st.Request
		if req == nil {
			req = editor.Bytes(str(get(a.el[ui.IDRequest], "value")), a.eol)
		}
		a.linkFrag = link.State{Request: req, Response: st.Response, Config: a.cfg, Example: a.example, Mode: a.mode, EOL: a.eol}.Fragment()
	}
	return true, probs
}

func eolName(e string) string {
	if e == "" {
		return link.EOLs[0]
	}
	return e
}

// showProblems shows a link's (or the draft's) problems under intro, and
// when one was fatal, the sentence refused: what the page shows instead.
func (a *app) showProblems(probs []link.Problem, intro, refused string) {
	box := a.el[ui.IDLinkMessage]
	if len(probs) == 0 {
		setHidden(box, true)
		return
	}
	mount(box, ui.LinkMessage(probs, intro, refused))
	setHidden(box, false)
}

// wire registers the page's event listeners.
func (a *app) wire() {
	// Keystrokes: site/app.js coalesces the editor's input events and
	// renders once per animation frame through the module's export
	// playground_render (renderFrame; a call into Go per input event
	// would cost a round trip each). _render is the same render through a
	// js.Func, for scripts and tests; setting it says the page is wired.
	set(pgObject, "_render", a.renderFn.Value())
	on(a.el[ui.IDRequest], "scroll", func(safejs.Value) { a.syncScroll() })
	onCapture(a.el[ui.IDAfter], "toggle", a.elsewhereToggled)
	on(a.el[ui.IDServer], "change", func(ev safejs.Value) { a.settingChanged(get(ev, "target")) })
	on(a.el[ui.IDEOL], "change", func(safejs.Value) {
		text := str(get(a.el[ui.IDRequest], "value"))
		raw := editor.Bytes(text, a.eol)
		a.eol = str(get(a.el[ui.IDEOL], "value"))
		if a.eol == link.EOLs[0] {
			a.eol = ""
		}
		set(a.el[ui.IDRequest], "value", editor.Text(raw, a.eol))
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
		if inPageAnchor(hash) {
			// A skip link (#request, #server-panel) moved the focus; it is
			// not a state: the address bar goes back to the page's.
			a.lastHash = "\x00"
			a.queueSave()
			return
		}
		a.linkOpened(hash)
	})
	on(a.el[ui.IDCopyLink], "click", func(safejs.Value) { a.copyLink() })
	on(a.el[ui.IDLinkDownload], "click", func(safejs.Value) {
		a.download(editor.Bytes(str(get(a.el[ui.IDRequest], "value")), a.eol), "request.http")
	})
	on(a.el[ui.IDRestoreDraft], "click", func(safejs.Value) {
		if d := a.learn.draft; d != "" {
			_, probs := a.openFragment(d, fromDraft)
			a.showProblems(probs, "There is a problem with the draft:", "The draft was not opened; your current request and settings are kept.")
			a.render()
		}
		setHidden(a.el[ui.IDRestoreDraft], true)
	})
	on(a.el[ui.IDLinkMessage], "click", func(ev safejs.Value) {
		if str(get(get(ev, "target"), "tagName")) == "BUTTON" {
			setHidden(a.el[ui.IDLinkMessage], true)
		}
	})
}

// inPageAnchor reports whether a fragment names an element of the page
// (a skip link's target) rather than a state: a state is key=value pairs.
func inPageAnchor(hash string) bool {
	return hash != "" && !strings.ContainsAny(hash, "=&%") && truthy(byID(hash))
}

func (a *app) syncScroll() {
	r, o := a.el[ui.IDRequest], a.el[ui.IDOverlay]
	set(o, "scrollTop", get(r, "scrollTop"))
	set(o, "scrollLeft", get(r, "scrollLeft"))
}

// settingChanged applies one control of the Server pane.
func (a *app) settingChanged(target safejs.Value) {
	key := str(get(target, "name"))
	if a.profileChanged(key, str(get(target, "value"))) {
		return
	}
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
	a.markOverride(target, s)
	a.exChanged.Server = a.serverChanged()
	a.render()
}

// negotiate runs the engine on the editor's bytes (and notes whether
// they are still the example's request).
func (a *app) negotiate() (string, *editor.Map, *engine.Result) {
	text := str(get(a.el[ui.IDRequest], "value"))
	raw, m := editor.MapText(text, a.eol)
	a.exChanged.Request = false
	if a.example != "" {
		ex, ok := gallery.Lookup(a.example)
		a.exChanged.Request = !ok || string(ex.Request) != string(raw)
	}
	a.syncExampleMenu()
	return text, m, engine.Negotiate(raw, &a.cfg)
}

// showResponse updates the Response pane's bytes, status and info line.
func (a *app) showResponse(res *engine.Result) {
	if !a.prof.reverse { // reverse mode shows the judged response (renderProfiles)
		a.setTextIfChanged(ui.IDResponse, ui.ResponseText(res))
	}
	if st := strconv.Itoa(res.Status()); a.changed(ui.IDResponse+".data-status", st) {
		setAttr(a.el[ui.IDResponse], "data-status", st)
	}
	a.setTextIfChanged(ui.IDResponseInfo, ui.ResponseInfo(res))
}

// render runs the engine on the editor's bytes and updates every pane.
func (a *app) render() {
	text, m, res := a.negotiate()
	a.showResponse(res)
	if !a.prof.reverse { // reverse mode's Why pane is the judgement (renderProfiles)
		why := a.whyMemo.Explanation(res)
		a.whyMemo.Done()
		if a.why.show(why, a.clearStepMarks) {
			a.learn.step = -1 // a new Why pane: the selection is gone
		}
		a.setTextIfChanged(ui.IDStatus, ui.StatusLine(res)) // a keystroke announces only a change
	}
	a.showAfter(res)
	a.lastText, a.lastRes = text, res
	if a.started {
		a.checkPaste(text)
	}
	a.afterRender(res, text, m)
	a.renderProfiles(res)
	a.queueSave()
}

// changed records that what key names (an element's text, attribute or
// property) now shows value, and reports whether that is a change: a
// render writes to the DOM only what changed.
func (a *app) changed(key, value string) bool {
	if old, ok := a.shown[key]; ok && old == value {
		return false
	}
	a.shown[key] = value
	return true
}

// setTextIfChanged sets an element's text unless it already shows it.
func (a *app) setTextIfChanged(id, s string) {
	if a.changed(id, s) { // an element id: its text
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
func (a *app) showAfter(res *engine.Result) { a.after.show(ui.After(res, a.elsewhereOpen), nil) }

// state is the page's current deep-link state.
func (a *app) state() link.State {
	var resp []byte
	if a.prof.reverse {
		resp = append([]byte{}, a.prof.resp...)
	}
	return link.State{
		Request: editor.Bytes(a.lastText, a.eol), Response: resp,
		Config: a.cfg, Example: a.example, Mode: a.mode, EOL: a.eol, Embed: a.embed,
	}
}

// queueSave debounces the address bar and draft updates: they are saved
// saveDelay ms after a change. A save encodes the whole request (a
// 256 KiB request's link is 350 KB, written to the address bar and to
// local storage), which typing in a large request need not pay for every
// few keystrokes: past bigSave bytes of text the save waits until the
// state has not changed for saveDelay ms, and comes at least every
// (maxSaveWaits+1)·saveDelay ms while it keeps changing.
func (a *app) queueSave() {
	if a.saveQueued {
		a.saveDirty = true
		return
	}
	a.saveQueued, a.saveDirty, a.saveWaits = true, false, 0
	call(global, "setTimeout", a.saveFn.Value(), saveDelay)
}

const (
	saveDelay    = 300 // ms
	maxSaveWaits = 6
	bigSave      = 64 << 10
)

// say writes the status line (announced to screen readers), even when it
// already says the same: a repeated action gets its feedback again.
func (a *app) say(msg string) {
	a.shown[ui.IDStatus] = msg
	setText(a.el[ui.IDStatus], msg)
}
