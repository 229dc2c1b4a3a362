// Command gen writes the examples gallery (engine/examples/*.txtar) as Go
// to engine/examples_gen.go, so that the engine starts without parsing
// them. ./build.sh runs it before building; run it from the repository
// root.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/upgrade-playground/playground/engine"
)

func main() {
	src := engine.ExamplesGoFile()
	if old, err := os.ReadFile(engine.ExamplesFile); err == nil && bytes.Equal(old, src) {
		return
	}
	if err := os.WriteFile(engine.ExamplesFile, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
