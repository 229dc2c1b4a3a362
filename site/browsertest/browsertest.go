// Package browsertest starts headless Chromium for tests: the page's
// browser tests (site/browser) and the engine's tests against a real
// browser's WebSocket client (engine/wspeer). Browser tests skip with a
// visible message when no Chromium is installed, except under CI=true,
// where a missing browser fails the test.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path finds the Chromium binary: $CHROMIUM, /usr/bin/chromium, or chromium
// on PATH. It returns "" when there is none.
func Path() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// Require returns the Chromium binary (Path). Without one it skips the
// test with a visible message, except under CI=true, where it fails it.
func Require(t testing.TB) string {
	t.Helper()
	path := Path()
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but no Chromium is installed (apt-get install -y chromium)")
		}
		t.Skip("SKIPPED: no Chromium installed; browser tests need /usr/bin/chromium (apt-get install -y chromium)")
	}
	return path
}

// New starts a headless Chromium (see Require) and returns a chromedp
// context for one tab. The browser is closed when the test ends. timeout
// bounds the whole test's use of the browser: it is there to stop a hung
// browser, so make it generous (minutes) and wait for conditions, never
// for it.
func New(t testing.TB, timeout time.Duration) context.Context {
	t.Helper()
	path := Require(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium %s: %v", path, err)
	}
	return ctx
}
