//go:build js && wasm

package main

// init runs after every package's initialization (the engine's catalogue
// and settings) and just before main: the engine is ready. The
// mark lets tests and ./build.sh bench measure the load budget
// with performance.getEntriesByName("playground-ready").
func init() { mark("playground-ready") }

// mark adds a performance mark (performance.getEntriesByName(name)).
func mark(name string) {
	if perf, err := global.Get("performance"); err == nil && truthy(perf) {
		_, _ = perf.Call("mark", name)
	}
}

// stopAfterInit is set at link time (-ldflags=-X main.stopAfterInit=1) by
// the load measurement (site/browser/perf_browser_test.go) only: the
// program then stops where the empty program of
// site/browser/testdata/floor stops, once every package is initialized. Loaded the same way, it is the floor of a
// program of the playground's size: what the runtime's start, the
// fetch, compilation and initialization of this .wasm cost before the
// playground does any work of its own.
var stopAfterInit string

// runAsFloor does what site/browser/testdata/floor does: the marks, and
// playground._started of that floor's loader; then it waits for ever.
func runAsFloor() {
	mark("first-render")
	if pg, err := global.Get("playground"); err == nil && truthy(pg) {
		_, _ = pg.Call("_started")
	}
	select {}
}
