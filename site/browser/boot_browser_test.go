package browser

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

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
// app.js; the page starts either way. Here boot.js arrives 2 s late,
// after app.js has run (before DOMContentLoaded).
func TestBootAfterApp(t *testing.T) {
	p := openPage(t)
	files := static.Handler(repoRoot)
	serveBoot(t, p, func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(2 * time.Second) // long after app.js runs, even on a loaded machine
		files.ServeHTTP(w, r)
	})
	p.open("")
	if got := eval[string](p, `document.getElementById("response").dataset.status`); got != "101" {
		t.Errorf("the default request's status is %q, want 101", got)
	}
	late := eval[bool](p, `(() => {
		const boot = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/site/boot.js"));
		return !!boot && boot.responseEnd > performance.getEntriesByType("navigation")[0].domContentLoadedEventStart;
	})()`)
	if !late {
		t.Error("site/boot.js arrived before app.js ran: the test did not exercise the late hand-over")
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
	p.mu.Lock()
	kept := p.problems[:0]
	for _, s := range p.problems {
		if !strings.Contains(s, "boot.js did not run") {
			kept = append(kept, s)
		}
	}
	p.problems = kept
	p.mu.Unlock()
}
