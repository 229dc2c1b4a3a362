package browser

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The import boundaries, the one place they are written down (./build.sh
// test runs this test before it builds anything).
//
// The engine is the negotiation only: it runs natively (tests, benchmarks,
// fuzzing) exactly as in the browser, so it depends neither on syscall/js
// nor on safejs, and never on goldmark, which runs at generate time only.
//
// The .wasm is downloaded and compiled on every first visit, so it holds
// none of these:
//   - net and net/* (net/http alone is about 670 KB of brotli), encoding/json
//     and golang.org/x/net, except x/net's small HPACK package, which the
//     engine uses to show an h2c exchange;
//   - goldmark: the notes' markdown is compiled to HTML at generate time;
//   - crypto and crypto/* (crypto/sha1 brings the FIPS 140 module, about
//     100 KB of brotli; engine/internal/sha1 is the engine's own) and
//     compress/* (engine/internal/inflate);
//   - fmt and reflect (about 90 KB of gzip; wasm/format.go formats, and the
//     safejs in wasm/third_party/safejs does without fmt);
//   - html (its entity tables are about 100 KB of the raw .wasm; wasm/ui
//     escapes by hand);
//   - embed and io/fs (the gallery and the note templates are Go source).
var boundaries = []struct {
	name      string // what the rule is about
	pkg       string // the package whose dependencies are listed, from the repository root
	goos      string // GOOS and GOARCH of the listing ("" for the native one)
	forbidden *regexp.Regexp
	allowed   map[string]bool // exceptions to forbidden
}{
	{
		name:      "the engine",
		pkg:       "./engine",
		forbidden: regexp.MustCompile(`^(syscall/js|github\.com/hack-pad/safejs|github\.com/yuin/goldmark)(/|$)`),
	},
	{
		name: "the .wasm",
		pkg:  "./wasm",
		goos: "js",
		forbidden: regexp.MustCompile(`^((net|crypto|compress|golang\.org/x/net|github\.com/yuin/goldmark|io/fs)(/|$)|` +
			`(encoding/json|fmt|reflect|html|embed)$)`),
		allowed: map[string]bool{"golang.org/x/net/http2/hpack": true},
	},
}

// TestImportBoundaries checks every boundary against go list -deps.
func TestImportBoundaries(t *testing.T) {
	for _, b := range boundaries {
		t.Run(strings.TrimPrefix(b.pkg, "./"), func(t *testing.T) {
			cmd := exec.Command(goCommand(), "list", "-deps", b.pkg)
			cmd.Dir = repoRoot
			cmd.Env = os.Environ()
			if b.goos == "js" {
				cmd.Env = append(cmd.Env, "GOOS=js", "GOARCH=wasm")
			}
			cmd.Stderr = os.Stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go list -deps %s: %v", b.pkg, err)
			}
			pkgs := strings.Fields(string(out))
			self := "github.com/upgrade-playground/playground/" + strings.TrimPrefix(b.pkg, "./")
			if len(pkgs) < 5 || pkgs[len(pkgs)-1] != self {
				t.Fatalf("go list -deps %s gave an implausible list: %q", b.pkg, pkgs)
			}
			for _, p := range pkgs {
				if b.forbidden.MatchString(p) && !b.allowed[p] {
					t.Errorf("%s depends on %s", b.name, p)
				}
			}
		})
	}
}

// TestImportBoundariesMatch checks the rules themselves on package paths,
// so that a mistake in a pattern cannot make the rule pass vacuously.
func TestImportBoundariesMatch(t *testing.T) {
	engine, wasm := boundaries[0], boundaries[1]
	for _, p := range []string{"syscall/js", "github.com/hack-pad/safejs", "github.com/hack-pad/safejs/internal/catch", "github.com/yuin/goldmark/parser"} {
		if !engine.forbidden.MatchString(p) {
			t.Errorf("the engine's rule lets %s in", p)
		}
	}
	for _, p := range []string{"net", "net/http", "net/netip", "encoding/json", "golang.org/x/net/http2", "golang.org/x/net/idna",
		"github.com/yuin/goldmark", "crypto", "crypto/sha1", "compress/flate", "fmt", "reflect", "html", "embed", "io/fs"} {
		if !wasm.forbidden.MatchString(p) || wasm.allowed[p] {
			t.Errorf("the .wasm's rule lets %s in", p)
		}
	}
	for _, p := range []string{"golang.org/x/net/http2/hpack", "io", "strings", "encoding/base64", "syscall/js", "github.com/hack-pad/safejs", "netx", "htmlx"} {
		if wasm.forbidden.MatchString(p) && !wasm.allowed[p] {
			t.Errorf("the .wasm's rule keeps out %s, which it allows", p)
		}
	}
}

// goCommand is the go command that runs the tests ($GOROOT/bin/go when go
// test set GOROOT), so that the listing uses the same Go.
func goCommand() string {
	if root := os.Getenv("GOROOT"); root != "" {
		return filepath.Join(root, "bin", "go")
	}
	return "go"
}
