// Command gen compiles every note detail of the engine's catalogue to an
// HTML template with goldmark, ahead of time, and writes them to
// wasm/render/templates_gen.go, so that the WebAssembly needs no markdown
// parser. ./build.sh runs it before building; run it from the repository
// root.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/upgrade-playground/playground/wasm/render/markdown"
)

func main() {
	src := markdown.GoFile()
	if old, err := os.ReadFile(markdown.GeneratedFile); err == nil && bytes.Equal(old, src) {
		return
	}
	if err := os.WriteFile(markdown.GeneratedFile, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
