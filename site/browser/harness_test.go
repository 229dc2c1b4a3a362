package browser

import (
	"context"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/upgrade-playground/playground/wasm/ui"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/upgrade-playground/playground/site/browsertest"
	"github.com/upgrade-playground/playground/site/serve/static"
)

// Where things are, from this package's directory (go test runs a
// package's tests there).
const (
	repoRoot      = "../.."                  // the repository root: the static site after ./build.sh
	siteDir       = ".."                     // site/: the static files
	screenshotDir = "../../docs/screenshots" // the README's screenshots
)

var (
	buildOnce sync.Once
	buildErr  error
)

// ensureBuilt builds the site (./build.sh) once per test run when
// site/main.wasm is missing or older than any Go source or example it is
// built from, so that `go test ./...` alone works.
func ensureBuilt() error {
	buildOnce.Do(func() { buildErr = build() })
	return buildErr
}

func build() error {
	out, err := os.Stat(filepath.Join(siteDir, "main.wasm"))
	_, errJS := os.Stat(filepath.Join(siteDir, "wasm_exec.js"))
	stale := err != nil || errJS != nil
	if !stale {
		newest := time.Time{}
		for _, dir := range []string{filepath.Join(repoRoot, "engine"), filepath.Join(repoRoot, "wasm")} {
			_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if d.IsDir() && d.Name() == "testdata" {
					return filepath.SkipDir
				}
				if (strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go")) || strings.HasSuffix(p, ".txtar") {
					if info, err := d.Info(); err == nil && info.ModTime().After(newest) {
						newest = info.ModTime()
					}
				}
				return nil
			})
		}
		stale = newest.After(out.ModTime())
	}
	if !stale {
		return nil
	}
	fmt.Fprintln(os.Stderr, "site/browser: building with ./build.sh (site/main.wasm is missing or stale)")
	cmd := exec.Command("./build.sh")
	cmd.Dir = repoRoot
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

// A page is one browser tab on the built site, with everything the page
// reports that a test must not ignore: CSP violations, exceptions and
// console errors.
type page struct {
	t    *testing.T
	ctx  context.Context
	base string

	mu       sync.Mutex
	problems []string
}

// watchScript runs before any page script: it records CSP violations and
// dialogs (which must never open).
const watchScript = `
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " blocked " + e.blockedURI);
});
window.alert = window.confirm = window.prompt = (m) => { window.__violations.push("dialog: " + m); };
`

// openPage starts Chromium (or skips, see browsertest.New) and serves the
// repository root on 127.0.0.1.
func openPage(t *testing.T) *page {
	t.Helper()
	return openPageFor(t, 90*time.Second)
}

// openPageFor is openPage for a test that needs the browser longer than
// 90 s (many subtests sharing one tab).
func openPageFor(t *testing.T, timeout time.Duration) *page {
	t.Helper()
	// Build first, so that a (slow) build does not use the browser's time.
	if browsertest.Path() != "" || os.Getenv("CI") == "true" {
		if err := ensureBuilt(); err != nil {
			t.Fatalf("building the site: %v", err)
		}
	}
	ctx := browsertest.New(t, timeout)
	srv := httptest.NewServer(static.Handler(repoRoot))
	t.Cleanup(srv.Close)
	p := &page{t: t, ctx: ctx, base: srv.URL + "/"}
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: watchScript}); err != nil {
		t.Fatal(err)
	}
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			p.report("exception: " + ev.ExceptionDetails.Text + " " + describe(ev.ExceptionDetails.Exception))
		}
	}()
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				p.report("console." + string(ev.Type) + ": " + strings.Join(args, " "))
			}
		}
	}()
	t.Cleanup(p.checkClean)
	return p
}

func describe(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	return o.Description
}

func (p *page) report(s string) {
	p.mu.Lock()
	p.problems = append(p.problems, s)
	p.mu.Unlock()
}

// checkClean fails the test if the page reported a CSP violation, a dialog,
// an exception or a console error.
func (p *page) checkClean() {
	if p.t.Skipped() {
		return
	}
	if v, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`window.__violations || []`)); err == nil && len(v) > 0 {
		p.t.Errorf("CSP violations or dialogs: %q", v)
	}
	time.Sleep(50 * time.Millisecond) // let the event goroutines drain
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.problems) > 0 {
		p.t.Errorf("the page reported errors: %q", p.problems)
	}
}

// open navigates to the page with a fragment and waits for the engine.
func (p *page) open(fragment string) {
	p.t.Helper()
	url := p.base
	if fragment != "" {
		url += "#" + fragment
	}
	// about:blank first: a URL that differs only in its fragment would
	// otherwise be a same-document navigation (a hashchange, not a load).
	if err := chromedp.Do(p.ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(url)); err != nil {
		p.t.Fatal(err)
	}
	p.waitReady()
}

func (p *page) waitReady() {
	p.t.Helper()
	p.waitFor(`globalThis.playground && playground.ready`)
	if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[chromedp.Void](`playground.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		p.t.Fatalf("playground.ready: %v", err)
	}
}

// eval evaluates an expression and decodes its value.
func eval[T any](p *page, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition (with Evaluate, which the page's CSP
// does not apply to) until it is true or 10 s pass.
func (p *page) waitFor(cond string) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`!!(`+cond+`)`))
		if err == nil && ok {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	p.t.Fatalf("timed out waiting for %s", cond)
}

// typeRequest replaces the editor's text by typing it (an input event per
// key, like a user).
func (p *page) typeRequest(text string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx,
		chromedp.Evaluate[chromedp.Void](`(() => { const r = document.getElementById("request"); r.value = ""; r.focus(); })()`),
		chromedp.SendKeys(chromedp.ID(ui.IDRequest), text),
	); err != nil {
		p.t.Fatal(err)
	}
}
