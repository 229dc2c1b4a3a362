//go:build js && wasm

package main

// init runs after every package's initialization (the engine's catalogue
// and settings) and just before main: the engine is ready. The
// mark lets tests and ./build.sh bench measure the load budget (issue 6)
// with performance.getEntriesByName("playground-ready").
func init() { mark("playground-ready") }

// mark adds a performance mark (performance.getEntriesByName(name)).
func mark(name string) {
	if perf, err := global.Get("performance"); err == nil && truthy(perf) {
		_, _ = perf.Call("mark", name)
	}
}
