//go:build js && wasm

package main

import (
	"github.com/hack-pad/safejs"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// exportAPI fills globalThis.playground (created by site/app.js), the
// script API: run(fragment), compare(fragment) and examples(). Both return plain values at
// once.
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
		return ui.RunLink(frag, a.defaultText)
	})
	examples := guard("playground.examples", func(safejs.Value, []safejs.Value) any {
		return ui.ExampleList()
	})
	compare := guard("playground.compare", func(_ safejs.Value, args []safejs.Value) any {
		frag := ""
		if len(args) > 0 {
			frag = str(args[0])
		}
		return ui.CompareLink(frag, a.defaultText)
	})
	set(pg, "compare", compare.Value())
	set(pg, "run", run.Value())
	set(pg, "examples", examples.Value())
}
