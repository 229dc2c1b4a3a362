package browser

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// The page's size budget: its whole transfer — index.html and
// every file it loads, the .wasm included — at most 950 KB with brotli and
// 1,250 KB with gzip, both at the best compression level.
const (
	budgetBrotli = 950_000
	budgetGzip   = 1_250_000
)

// pageFiles lists the files a visit downloads, relative to the repository
// root: index.html, the files its script, link and img elements name, and
// the .wasm that site/app.js fetches.
func pageFiles(t testing.TB) []string {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(repoRoot, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	files := []string{"index.html"}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`<(?:script|link|img)[^>]*(?:src|href)="([^"#?:]+)"`).FindAllStringSubmatch(string(page), -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			files = append(files, m[1])
		}
	}
	if !seen["site/main.wasm"] {
		files = append(files, "site/main.wasm")
	}
	return files
}

// sizes is one file's transfer size: raw, gzip and brotli.
type sizes struct{ raw, gz, br int }

// measure compresses a file with gzip and brotli at the best level, using
// ./build.sh's precompressed siblings when they are up to date.
func measure(t testing.TB, name string) sizes {
	t.Helper()
	full := filepath.Join(repoRoot, name)
	data, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	s := sizes{raw: len(data)}
	if b, ok := precompressed(full, ".gz"); ok {
		s.gz = len(b)
	} else {
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = w.Write(data)
		_ = w.Close()
		s.gz = buf.Len()
	}
	if b, ok := precompressed(full, ".br"); ok {
		s.br = len(b)
	} else {
		var buf bytes.Buffer
		w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
		_, _ = w.Write(data)
		_ = w.Close()
		s.br = buf.Len()
	}
	return s
}

func precompressed(full, suffix string) ([]byte, bool) {
	if !fresh(full+suffix, full) {
		return nil, false
	}
	b, err := os.ReadFile(full + suffix)
	return b, err == nil
}

func fresh(compressed, orig string) bool {
	c, err1 := os.Stat(compressed)
	o, err2 := os.Stat(orig)
	return err1 == nil && err2 == nil && !c.ModTime().Before(o.ModTime())
}

// TestTransferBudget fails when the page's whole transfer passes the
// budget. It builds the site first when main.wasm is missing or stale.
func TestTransferBudget(t *testing.T) {
	if err := ensureBuilt(); err != nil {
		t.Fatalf("building the site: %v", err)
	}
	var total sizes
	for _, f := range pageFiles(t) {
		s := measure(t, f)
		t.Logf("%-20s raw %9d  gzip %8d  brotli %8d", f, s.raw, s.gz, s.br)
		total.raw += s.raw
		total.gz += s.gz
		total.br += s.br
	}
	t.Logf("%-20s raw %9d  gzip %8d  brotli %8d", "total", total.raw, total.gz, total.br)
	benchFigure(t, "size.raw", total.raw)
	benchFigure(t, "size.gzip", total.gz)
	benchFigure(t, "size.brotli", total.br)
	if total.br > budgetBrotli {
		t.Errorf("the page transfers %d bytes with brotli, over the %d budget", total.br, budgetBrotli)
	}
	if total.gz > budgetGzip {
		t.Errorf("the page transfers %d bytes with gzip, over the %d budget", total.gz, budgetGzip)
	}
}

// benchFigure logs a figure in the form ./build.sh bench collects from
// go test -v output.
func benchFigure(t testing.TB, key string, value any) {
	t.Helper()
	t.Logf("bench: %s=%v", key, value)
}

// forbiddenInWasm matches packages that must not be in the .wasm: the size
// budget has no room for net/* (net/http alone is ~670 KB of brotli),
// encoding/json or golang.org/x/net, except x/net's small HPACK package.
// Nor for what the engine and the adapter replaced: crypto/* (crypto/sha1
// brings the FIPS 140 module, ~100 KB of brotli; see engine/sha1.go),
// compress/* (engine/inflate.go), fmt and reflect (~90 KB of gzip; see
// wasm/third_party/safejs/PATCHES.md and wasm/format.go), and html (its
// entity tables are ~100 KB of the raw .wasm; wasm/ui escapes by hand).
var forbiddenInWasm = regexp.MustCompile(`^(net|net/.*|encoding/json|golang\.org/x/net/.*|crypto|crypto/.*|compress/.*|fmt|reflect|html)$`)

// TestWasmDependencies checks the .wasm's package list (go list -deps for
// GOOS=js GOARCH=wasm).
func TestWasmDependencies(t *testing.T) {
	gobin := filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	if os.Getenv("GOROOT") == "" {
		gobin = "go"
	}
	cmd := exec.Command(gobin, "list", "-deps", filepath.Join(repoRoot, "wasm"))
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps ./wasm: %v", err)
	}
	pkgs := strings.Fields(string(out))
	if len(pkgs) < 10 || !contains(pkgs, "github.com/upgrade-playground/playground/engine") {
		t.Fatalf("go list -deps gave an implausible list: %q", pkgs)
	}
	for _, p := range pkgs {
		if forbiddenInWasm.MatchString(p) && p != "golang.org/x/net/http2/hpack" {
			t.Errorf("the .wasm depends on %s", p)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
