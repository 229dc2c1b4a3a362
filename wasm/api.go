//go:build js && wasm

package main

import (
	"github.com/hack-pad/safejs"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/link"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// exportAPI fills globalThis.playground (created by site/app.js), the
// script API of docs/architecture.md: run(fragment) and examples(). Both return plain values at once.
func (a *app) exportAPI() {
	pg := get(global, "playground")
	if !truthy(pg) {
		pg, _ = safejs.ValueOf(map[string]any{})
		set(global, "playground", pg)
	}
	run := guard("playground.run", func(_ safejs.Value, args []safejs.Value) any {
		frag := ""
		if len(args) > 0 {
			frag = str(args[0])
		}
		return a.run(frag)
	})
	examples := guard("playground.examples", func(safejs.Value, []safejs.Value) any {
		return ui.ExampleList()
	})
	set(pg, "run", run.Value())
	set(pg, "examples", examples.Value())
}

// run answers a deep link the way the page would show it: a link without a
// request runs the editor's initial request.
func (a *app) run(frag string) any {
	st, probs := link.Parse(frag)
	for _, p := range probs {
		if p.Fatal {
			return ui.RunResult(&engine.Result{Decisive: -1}, probs)
		}
	}
	req := st.Request
	if req == nil {
		req = editor.Bytes(a.defaultText, st.EOL)
	}
	return ui.RunResult(engine.Negotiate(req, &st.Config), probs)
}
