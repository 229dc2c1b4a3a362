package browser

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/upgrade-playground/playground/site/serve/static"
)

// The page's size budget: its whole transfer — index.html and
// every file it loads, the .wasm included — at most 950 KB with brotli and
// 1,100 KB with gzip, both at the best compression level.
const (
	budgetBrotli = 950_000
	budgetGzip   = 1_100_000
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

// measure compresses a file with gzip and brotli at the best level, as
// static.Handler serves text, using ./build.sh's precompressed siblings
// when they are up to date.
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
		gz, err := static.Gzip(data)
		if err != nil {
			t.Fatal(err)
		}
		s.gz = len(gz)
	}
	if b, ok := precompressed(full, ".br"); ok {
		s.br = len(b)
	} else {
		s.br = len(static.Brotli(data))
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
