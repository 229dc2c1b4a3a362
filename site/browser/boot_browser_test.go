package browser

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/upgrade-playground/playground/site/serve/static"
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
	releaseBoot()
	p.waitReady()
	if got := eval[string](p, `document.getElementById("response").dataset.status`); got != "101" {
		t.Errorf("the default request's status is %q, want 101", got)
	}
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
	// The rejection of playground.ready, which nothing on the page
	// handles, is the one error expected here.
	p.forgive("boot.js did not run")
}
