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

// browserTimeout bounds one test's use of its browser. It is a safety net
// for a hung browser only: every wait in these tests is for a condition in
// the page, never for a duration, so that a test on a loaded machine takes
// as long as it needs.
const browserTimeout = 10 * time.Minute

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

// openPage builds the site if needed, starts Chromium (or skips, see
// browsertest.New) and serves the repository root on 127.0.0.1.
func openPage(t *testing.T) *page {
	t.Helper()
	browsertest.Require(t)
	if err := ensureBuilt(); err != nil {
		t.Fatalf("building the site: %v", err)
	}
	ctx := browsertest.New(t, browserTimeout)
	srv := httptest.NewServer(static.Handler(repoRoot))
	t.Cleanup(srv.Close)
	p := &page{t: t, ctx: ctx, base: srv.URL + "/"}
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: watchScript}); err != nil {
		t.Fatal(err)
	}
	// Listen, not Events: it records an event before any later command
	// returns, so checkClean's last evaluation sees every problem reported
	// before it.
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			p.report("exception: " + ev.ExceptionDetails.Text + " " + describe(ev.ExceptionDetails.Exception))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				p.report("console." + string(ev.Type) + ": " + strings.Join(args, " "))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
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

// forgive drops the reported problems that contain s: the ones a test
// provoked on purpose.
func (p *page) forgive(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	kept := p.problems[:0]
	for _, x := range p.problems {
		if !strings.Contains(x, s) {
			kept = append(kept, x)
		}
	}
	p.problems = kept
}

// checkClean fails the test if the page reported a CSP violation, a dialog,
// an exception or a console error.
func (p *page) checkClean() {
	if p.t.Skipped() {
		return
	}
	// This evaluation also makes sure that every event the page sent
	// before it has been recorded (see chromedp.Listen).
	if v, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`window.__violations || []`)); err == nil && len(v) > 0 {
		p.t.Errorf("CSP violations or dialogs: %q", v)
	}
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

// waitFor waits until a JavaScript condition holds in the page, however
// long that takes (within browserTimeout, which only stops a hung
// browser). The condition is polled in the page (chromedp.Poll); an
// exception while evaluating it counts as false, so it may name elements
// the page has not made yet.
func (p *page) waitFor(cond string) {
	p.t.Helper()
	expr := `(() => { try { return !!(` + cond + `); } catch (e) { return false; } })()`
	for {
		_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](expr,
			chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(0)))
		if err == nil {
			return
		}
		// The page navigated or reloaded while it was polled: poll the
		// new document, once it is there.
		select {
		case <-p.ctx.Done():
			p.t.Fatalf("waiting for %s: %v (the browser did not get there within %v)", cond, err, browserTimeout)
		case <-time.After(10 * time.Millisecond):
		}
	}
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
