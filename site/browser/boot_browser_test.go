package browser

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/site/serve/static"
	"github.com/upgrade-playground/playground/wasm/editor"
)

// serveBoot points p at a server of the site that answers site/boot.js
// with boot instead of the file.
func serveBoot(t *testing.T, p *page, boot http.HandlerFunc) {
	t.Helper()
	files := static.Handler(repoRoot)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/site/boot.js" {
			boot(w, r)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	p.base = srv.URL + "/"
}

// TestBootAfterApp: boot.js is async, so it may run after the deferred
// app.js; the page starts either way. Here the server holds boot.js's
// response until the test has seen, in the page, that app.js has run and
// DOMContentLoaded has fired, and only then lets it go.
func TestBootAfterApp(t *testing.T) {
	p := openPage(t)
	files := static.Handler(repoRoot)
	release := make(chan struct{})
	var releaseOnce sync.Once
	releaseBoot := func() { releaseOnce.Do(func() { close(release) }) }
	serveBoot(t, p, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
			files.ServeHTTP(w, r)
		case <-r.Context().Done():
		}
	})
	// Registered after serveBoot's, so it runs first: the server's Close
	// waits for the held request.
	t.Cleanup(releaseBoot)
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
		Source: `document.addEventListener("DOMContentLoaded", () => { window.__contentLoaded = true; });`,
	}); err != nil {
		t.Fatal(err)
	}
	// Page.navigate returns once the document is on its way, without
	// waiting for the load event, which comes only after boot.js.
	if err := chromedp.Do(p.ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(p.ctx, cdppage.Navigate, cdppage.NavigateParams{URL: p.base}); err != nil {
		t.Fatal(err)
	}
	p.waitFor(`location.href === ` + strconv.Quote(p.base) + ` && window.__contentLoaded === true && !!globalThis.playground`)
	if n := eval[int](p, `performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/site/boot.js")).length`); n != 0 {
		t.Fatal("site/boot.js arrived before app.js ran: the test did not exercise the late hand-over")
	}
	// A key typed before the engine runs shows: it empties the
	// prerendered overlay, so the textarea draws the text.
	if eval[string](p, `document.getElementById("request-overlay").textContent`) == "" {
		t.Error("index.html has no prerendered overlay")
	}
	eval[any](p, `document.getElementById("request").focus()`)
	if _, err := chromedp.Call(p.ctx, input.InsertText, input.InsertTextParams{Text: "X"}); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](p, `document.getElementById("request-overlay").textContent`); got != "" {
		t.Errorf("after a key typed before the engine ran, the overlay holds %q", got)
	}
	releaseBoot()
	p.waitReady()
	typed := eval[string](p, `document.getElementById("request").value`)
	if !strings.Contains(typed, "X") {
		t.Fatalf("the key was not typed: %q", typed)
	}
	want := strconv.Itoa(engine.Negotiate(editor.Bytes(typed, ""), nil).Status())
	if got := eval[string](p, `document.getElementById("response").dataset.status`); got != want {
		t.Errorf("the status of the request typed before the engine ran is %q, want %s", got, want)
	}
	p.waitFor(`document.getElementById("request-overlay").textContent === document.getElementById("request").value + "\n"`)
}

// TestBootMissing: without boot.js (a host that lost it) the page says
// that the engine could not start, keeps the request, and rejects
// playground.ready instead of waiting for ever.
func TestBootMissing(t *testing.T) {
	p := openPage(t)
	serveBoot(t, p, http.NotFound)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.base)); err != nil {
		t.Fatal(err)
	}
	p.waitFor(`!document.getElementById("error-banner").hidden`)
	banner := eval[string](p, `document.getElementById("error-banner").textContent`)
	if !strings.Contains(banner, "could not start") || !strings.Contains(banner, "boot.js") {
		t.Errorf("the banner says %q", banner)
	}
	rejected := eval[string](p, `playground.ready.then(() => "resolved", (e) => "rejected: " + e.message)`)
	if !strings.HasPrefix(rejected, "rejected") {
		t.Errorf("playground.ready: %s", rejected)
	}
	if got := eval[string](p, `document.getElementById("request").value`); !strings.HasPrefix(got, "GET /chat HTTP/1.1") {
		t.Errorf("the editor holds %q", got)
	}
	// The textarea draws the text again, not the prerendered overlay,
	// which nothing will update: a key typed now shows.
	if got := eval[string](p, `document.getElementById("request-overlay").textContent + "|" + getComputedStyle(document.getElementById("request")).color`); !strings.HasPrefix(got, "|") || strings.Contains(got, "rgba(0, 0, 0, 0)") {
		t.Errorf("after a failed start, the overlay and the textarea's color: %q", got)
	}
	// The rejection of playground.ready, which nothing on the page
	// handles, is the one error expected here.
	p.forgive("boot.js did not run")
}

// TestBootAfterFirstFrame: boot.js starts the .wasm's download only after
// the browser has rendered the page's first frame, so that a megabyte of
// WebAssembly does not compete with the first paint; index.html preloads
// nothing. The first frame's time is taken by a frame callback that a
// script run before the page's own registers.
func TestBootAfterFirstFrame(t *testing.T) {
	p := openPage(t)
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
		Source: `requestAnimationFrame(() => { window.__firstFrame = performance.now(); });`,
	}); err != nil {
		t.Fatal(err)
	}
	p.open("")
	got := eval[[]float64](p, `(() => {
		const w = performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/site/main.wasm"));
		const paint = performance.getEntriesByName("first-contentful-paint");
		return [w.length, w.length ? w[0].startTime : -1, window.__firstFrame ?? -1, paint.length,
			document.querySelectorAll('link[rel="preload"]').length];
	})()`)
	if got[0] != 1 {
		t.Fatalf("site/main.wasm was fetched %v times", got[0])
	}
	if got[2] < 0 || got[3] != 1 {
		t.Fatalf("no frame callback (%v) or no first contentful paint (%v)", got[2], got[3])
	}
	if got[1] < got[2] {
		t.Errorf("the .wasm's download started at %.1f ms, before the first frame at %.1f ms", got[1], got[2])
	}
	if got[4] != 0 {
		t.Errorf("index.html preloads %v files: a preload starts at once, before the first paint", got[4])
	}
}
