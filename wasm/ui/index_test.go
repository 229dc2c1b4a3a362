package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestIndexHasIDs checks that index.html defines every element the adapter
// and the tests rely on, each exactly once.
func TestIndexHasIDs(t *testing.T) {
	page := readIndex(t)
	for _, id := range IDs {
		if n := strings.Count(page, `id="`+id+`"`); n != 1 {
			t.Errorf("index.html defines id %q %d times, want 1", id, n)
		}
	}
}

// TestIndexReferences checks that every src/href of index.html is relative
// and names a file that exists after ./build.sh (built files are checked
// when present: the browser tests build them).
func TestIndexReferences(t *testing.T) {
	page := readIndex(t)
	built := map[string]bool{"site/main.wasm": true, "site/wasm_exec.js": true}
	refs := regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(refs) < 4 {
		t.Fatalf("found only %d references", len(refs))
	}
	for _, m := range refs {
		ref := m[1]
		if strings.HasPrefix(ref, "#") {
			continue
		}
		if strings.Contains(ref, "://") || strings.HasPrefix(ref, "/") {
			t.Errorf("reference %q is not relative: the repository root must work from any static server", ref)
			continue
		}
		if _, err := os.Stat(filepath.Join("../..", ref)); err != nil {
			if built[ref] {
				t.Logf("%s is built by ./build.sh (not present now)", ref)
				continue
			}
			t.Errorf("index.html references %q, which does not exist", ref)
		}
	}
}

// TestIndexPolicy checks the Content-Security-Policy meta tag and that the
// page has no inline script or style.
func TestIndexPolicy(t *testing.T) {
	page := readIndex(t)
	const csp = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'`
	if !strings.Contains(page, `http-equiv="Content-Security-Policy" content="`+csp+`"`) {
		t.Errorf("index.html lacks the CSP meta tag %q", csp)
	}
	for _, bad := range []string{"<script>", "<style", " style=", " onload=", " onclick=", "javascript:"} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("index.html contains %q", bad)
		}
	}
	for _, m := range regexp.MustCompile(`<script[^>]*>`).FindAllString(page, -1) {
		if !strings.Contains(m, ` src="`) {
			t.Errorf("inline script %q", m)
		}
	}
}

func readIndex(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../index.html")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
