//go:build js && wasm

package main

import (
	"github.com/hack-pad/safejs"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// The DOM helpers: every call into JavaScript goes through safejs, which
// returns errors instead of panicking; an error is logged to the console
// and the page carries on.

var (
	global   = safejs.Global()
	document = get(global, "document")
)

// logf writes a message to the browser console.
func logf(format string, args ...any) {
	if c, err := global.Get("console"); err == nil {
		_, _ = c.Call("error", "playground: "+sprintf(format, args...))
	}
}

func get(v safejs.Value, prop string) safejs.Value {
	r, err := v.Get(prop)
	if err != nil {
		logf("get %s: %v", prop, err)
		return safejs.Undefined()
	}
	return r
}

// getGuarded reads a property whose getter may throw, such as
// localStorage in a frame whose storage the browser blocks (a third-party
// iframe, a sandboxed one). wasm_exec.js catches what a call throws, not
// what a property read throws, which would end the Go program; so the
// property is read with a call, Reflect.get.
func getGuarded(v safejs.Value, prop string) (safejs.Value, error) {
	r, err := global.Get("Reflect")
	if err != nil {
		return safejs.Undefined(), err
	}
	return r.Call("get", v, prop)
}

func set(v safejs.Value, prop string, x any) {
	if err := v.Set(prop, x); err != nil {
		logf("set %s: %v", prop, err)
	}
}

func call(v safejs.Value, method string, args ...any) safejs.Value {
	r, err := v.Call(method, args...)
	if err != nil {
		logf("call %s: %v", method, err)
		return safejs.Undefined()
	}
	return r
}

func str(v safejs.Value) string {
	if v.IsUndefined() || v.IsNull() {
		return ""
	}
	s, err := v.String()
	if err != nil {
		return ""
	}
	return s
}

func truthy(v safejs.Value) bool {
	b, err := v.Truthy()
	return err == nil && b
}

// byID returns the element with the id (undefined when it is missing).
func byID(id string) safejs.Value { return call(document, "getElementById", id) }

// byIDs finds the elements with the ids, by id.
func byIDs(ids []string) map[string]safejs.Value {
	els := make(map[string]safejs.Value, len(ids))
	for _, id := range ids {
		els[id] = byID(id)
	}
	return els
}

func setText(el safejs.Value, s string) { set(el, "textContent", s) }

func setAttr(el safejs.Value, name, value string) { call(el, "setAttribute", name, value) }

func setHidden(el safejs.Value, hidden bool) { set(el, "hidden", hidden) }

// guard wraps a callback exported to JavaScript: a panic is recovered,
// logged and shown in the error banner, so the Go program never exits
// (a panic escaping a js.Func would end it for good). The callback never
// blocks: it returns plain values, never waits on a Promise.
func guard(name string, fn func(this safejs.Value, args []safejs.Value) any) safejs.Func {
	f, err := safejs.FuncOf(func(this safejs.Value, args []safejs.Value) (ret any) {
		defer recovered(name, func() { ret = nil })
		return fn(this, args)
	})
	if err != nil {
		logf("FuncOf %s: %v", name, err)
	}
	return f
}

// recovered, deferred by a function JavaScript calls, recovers a panic,
// logs it, shows the error banner and calls then (when not nil).
func recovered(name string, then func()) {
	if r := recover(); r != nil {
		logf("panic in %s: %v", name, r)
		showError("Something went wrong inside the playground (" + name + "). Your text is kept; please report this with the link.")
		if then != nil {
			then()
		}
	}
}

// on listens for an event on an element.
func on(el safejs.Value, event string, fn func(ev safejs.Value)) { listen(el, event, fn, false) }

// onCapture listens for an event in the capture phase: for events that do
// not bubble (toggle), on an ancestor of their target.
func onCapture(el safejs.Value, event string, fn func(ev safejs.Value)) {
	listen(el, event, fn, true)
}

func listen(el safejs.Value, event string, fn func(ev safejs.Value), capture bool) {
	f := guard(event, func(_ safejs.Value, args []safejs.Value) any {
		ev := safejs.Undefined()
		if len(args) > 0 {
			ev = args[0]
		}
		fn(ev)
		return nil
	})
	call(el, "addEventListener", event, f.Value(), capture)
}

// showError shows the error banner.
func showError(msg string) {
	b := byID("error-banner")
	setText(b, msg)
	setHidden(b, false)
}

// The page's DOM program (site/app.js, see ui.Encode): _mount builds a
// whole tree in one call, _patch changes a pane in place.
var (
	pgObject = get(global, "playground")
	domMount = get(pgObject, "_mount")
	domPatch = get(pgObject, "_patch")
)

// mount replaces the children of el with the children of the tree's root.
func mount(el safejs.Value, root *ui.Node) {
	if _, err := domMount.Invoke(el, ui.Encode(root)); err != nil {
		logf("mount: %v", err)
	}
}

// A pane is an element whose children the adapter owns. It remembers the
// tree it shows, so that showing the next one changes only what differs:
// a keystroke usually changes a few texts, not the whole pane.
type pane struct {
	el   safejs.Value
	last *ui.Node
}

// show makes the pane show root's children. Before the DOM changes it
// calls changing (when not nil); it reports whether the DOM changed.
func (p *pane) show(root *ui.Node, changing func()) bool {
	prev := p.last
	p.last = root
	if prev != nil {
		spec := ui.Patch(prev, root)
		if spec == "" {
			return false
		}
		if changing != nil {
			changing()
		}
		if ok, err := domPatch.Invoke(p.el, spec); err == nil && truthy(ok) {
			return true
		}
		// The DOM was not what the patch expected: mount it whole.
	} else if changing != nil {
		changing()
	}
	mount(p.el, root)
	return true
}
