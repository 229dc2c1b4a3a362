//go:build !(js && wasm)

// Command gen writes the generated Go files, ahead of time, so that the
// WebAssembly needs neither a markdown parser nor the example files:
//
//   - wasm/render/templates_gen.go: every note detail of the engine's
//     catalogue compiled to an HTML template with goldmark;
//   - engine/examples_gen.go: the examples gallery (engine/examples/*.txtar).
//
// ./build.sh runs it before building; run it from the repository root. A
// file is rewritten only when its content changes.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/render/markdown"
)

func main() {
	for _, f := range []struct {
		path string
		src  []byte
	}{
		{markdown.GeneratedFile, markdown.GoFile()},
		{engine.ExamplesFile, engine.ExamplesGoFile()},
	} {
		if old, err := os.ReadFile(f.path); err == nil && bytes.Equal(old, f.src) {
			continue
		}
		if err := os.WriteFile(f.path, f.src, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
