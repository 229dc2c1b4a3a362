package browser

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/site/offline"
)

// TestOfflineAssetsFresh fails when site/sw-assets.js, the service
// worker's list of files with their hashes, is not what the built site
// gives: a stale list makes the worker's install fail on a hash (the
// offline copy stays at its old version), or names a version that is not
// the files'. ./build.sh writes it (go run ./wasm/gen -assets).
func TestOfflineAssetsFresh(t *testing.T) {
	if err := ensureBuilt(); err != nil {
		t.Fatalf("building the site: %v", err)
	}
	want, err := offline.Manifest(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(offline.ManifestFile)))
	if err != nil {
		t.Fatalf("%v: run ./build.sh", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale (the site's files changed since it was written): run ./build.sh", offline.ManifestFile)
	}
	// The worker caches both pages and every file they load, the .wasm
	// included.
	for _, name := range []string{"offline.html", "../index.html", "app.js", "boot.js", "wasm_exec.js", "main.wasm", "style.css", "learn.css", "embed.css"} {
		if !strings.Contains(string(want), `["`+name+`", "sha256-`) {
			t.Errorf("%s does not list %s", offline.ManifestFile, name)
		}
	}
}
