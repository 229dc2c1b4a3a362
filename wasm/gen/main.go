//go:build !(js && wasm)

//go:generate go run .

// Command gen writes every generated file of the repository, so that the
// WebAssembly needs neither a markdown parser nor the example files, and the
// page and the docs show what the code says:
//
//   - wasm/ui/templates_gen.go: every note detail of the engine's catalogue
//     compiled to HTML by goldmark (wasm/ui/markdown);
//   - wasm/gallery/examples_gen.go: the examples gallery
//     (wasm/gallery/examples/*.txtar) as Go;
//   - index.html, between its generated markers: the Examples menu and the
//     Server settings pane of the default server;
//   - docs/links.md, between its generated markers: the table of setting
//     keys;
//   - site/offline.html: index.html for the service worker's scope
//     (site/offline).
//
// Run it as go generate ./... (./build.sh does) from anywhere in the
// repository. A file is rewritten only when its content changes. With
// -check it writes nothing and fails when a file is stale, as
// TestGeneratedFresh does.
//
// With -assets it writes only site/sw-assets.js, the files the service
// worker caches with their hashes (site/offline). That file is built from
// the built site (site/main.wasm is among its files), so ./build.sh runs
// it after the build, and like the .wasm it is not committed;
// site/offline_test.go fails when it is stale.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/upgrade-playground/playground/site/offline"
)

func main() {
	check := flag.Bool("check", false, "write nothing; fail when a generated file is stale")
	assets := flag.Bool("assets", false, "write only "+offline.ManifestFile+", from the built site")
	flag.Parse()
	root, err := repoRoot()
	switch {
	case err != nil:
	case *assets:
		err = writeAssets(root)
	default:
		var rebuild bool
		rebuild, err = run(root, *check)
		if err == nil && rebuild && os.Getenv(secondPass) == "" {
			err = runAgain(root)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run writes (or with check, compares) every generated file under root.
// It reports whether it rewrote Go source that this program is built from
// (the gallery or the note templates): what it wrote from the old build,
// such as index.html's Examples menu, is then written again by runAgain.
func run(root string, check bool) (rebuild bool, err error) {
	files, err := generate(root)
	if err != nil {
		return false, err
	}
	var stale []string
	for _, f := range files {
		path := filepath.Join(root, f.path)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, f.content) {
			continue
		}
		if check {
			stale = append(stale, f.path)
			continue
		}
		if err := os.WriteFile(path, f.content, 0o644); err != nil {
			return false, err
		}
		rebuild = rebuild || strings.HasSuffix(f.path, ".go")
	}
	if len(stale) > 0 {
		return false, fmt.Errorf("stale: %v (run go generate ./...)", stale)
	}
	return rebuild, nil
}

// secondPass is set in the environment of the generator's second run.
const secondPass = "UPGRADE_PLAYGROUND_GEN_AGAIN"

// runAgain builds and runs the generator once more, from the Go source
// the first run wrote, so that what it renders from the gallery and the
// notes (index.html, site/offline.html) is current.
func runAgain(root string) error {
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = filepath.Join(root, "wasm", "gen")
	cmd.Env = append(os.Environ(), secondPass+"=1")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

// writeAssets writes the service worker's list of files (site/offline),
// when it changes.
func writeAssets(root string) error {
	data, err := offline.Manifest(root)
	if err != nil {
		return err
	}
	path := filepath.Join(root, filepath.FromSlash(offline.ManifestFile))
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}

// repoRoot is the nearest directory at or above the working directory
// that holds go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
