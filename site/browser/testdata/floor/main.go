//go:build js && wasm

// The floor of the load measurement (site/browser/perf_browser_test.go): an empty
// Go WebAssembly program that sets the same marks as the playground and
// resolves playground.ready at once. A cold load of it costs what any Go
// program costs in this browser on this machine (fetching and compiling
// the Go runtime, starting it), so the playground's figures can be read
// against it.
package main

import "syscall/js"

func main() {
	perf := js.Global().Get("performance")
	perf.Call("mark", "playground-ready")
	perf.Call("mark", "first-render")
	js.Global().Get("playground").Call("_started")
	select {}
}
