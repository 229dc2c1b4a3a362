package browser

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/upgrade-playground/playground/site/offline"
	"github.com/upgrade-playground/playground/site/serve/static"
)

// The offline copy (site/sw.js, site/offline.html, site/offline) and the
// embed mode (embed=1) in the browser.

// copySite copies the built site (index.html and the files of site/) to a
// temporary root, which a test may change (a new version) and serve.
func copySite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "site"), 0o755); err != nil {
		t.Fatal(err)
	}
	names := []string{"index.html"}
	entries, err := os.ReadDir(filepath.Join(repoRoot, "site"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasSuffix(e.Name(), ".go") {
			names = append(names, "site/"+e.Name())
		}
	}
	for _, name := range names {
		src := filepath.Join(repoRoot, filepath.FromSlash(name))
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(root, filepath.FromSlash(name))
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
		// The same times: static.Handler serves main.wasm.br only when it
		// is not older than main.wasm.
		if st, err := os.Stat(src); err == nil {
			_ = os.Chtimes(dst, st.ModTime(), st.ModTime())
		}
	}
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(offline.ManifestFile))); err != nil {
		t.Fatalf("%s is missing: run ./build.sh", offline.ManifestFile)
	}
	return root
}

// serveCopy serves a copy of the built site and points p at it. Closing
// the server takes the site offline.
func serveCopy(t *testing.T, p *page, h func(root string) http.Handler) (string, *httptest.Server) {
	t.Helper()
	root := copySite(t)
	var handler http.Handler = static.Handler(root)
	if h != nil {
		handler = h(root)
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	p.base = srv.URL + "/"
	return root, srv
}

var versionRE = regexp.MustCompile(`version: "([0-9a-f]{16})"`)

// cacheName is the worker's cache for the site under root.
func cacheName(t *testing.T, root string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(offline.ManifestFile)))
	if err != nil {
		t.Fatal(err)
	}
	m := versionRE.FindSubmatch(data)
	if m == nil {
		t.Fatalf("no version in %s", data)
	}
	return "upgrade-playground-" + string(m[1])
}

// waitAsync polls a JavaScript expression whose value is a Promise of a
// boolean until it is true or 30 s pass (a worker's install fetches and
// stores the whole site, the .wasm included).
func waitAsync(p *page, cond string) {
	p.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`Promise.resolve(`+cond+`).then((v) => !!v)`, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Fatalf("timed out waiting for %s", cond)
}

// navigate loads a URL (after about:blank, so that a change of fragment
// only is a load too) and waits for the engine.
func (p *page) navigate(url string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(url)); err != nil {
		p.t.Fatalf("opening %s: %v", url, err)
	}
	p.waitReady()
}

// reload reloads the page and waits for the engine.
func (p *page) reload() {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Reload()); err != nil {
		p.t.Fatalf("reloading: %v", err)
	}
	p.waitReady()
}

// registrationJS is the worker's registration that controls site/ (its
// scope the root, or site/ on a plain host), from any page of the site.
func (p *page) registrationJS() string {
	return `navigator.serviceWorker.getRegistration(` + strconv.Quote(p.base+"site/") + `)`
}

// activeJS is true when a version of the worker is active and no other is
// installing or waiting.
func (p *page) activeJS() string {
	return p.registrationJS() + `.then((r) => !!r && !!r.active && r.active.state === "activated" && !r.installing && !r.waiting)`
}

// cachesJS lists the caches, and cacheURLsJS the URLs a cache holds.
const (
	cachesJS    = `caches.keys()`
	cacheURLsJS = `((name) => caches.open(name).then((c) => c.keys()).then((ks) => ks.map((r) => r.url).sort()))`
)

// wantCached is the URLs the worker must cache for the site under root.
func wantCached(t *testing.T, p *page, root string) []string {
	t.Helper()
	assets, err := offline.Assets(root)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, a := range assets {
		urls = append(urls, p.base+a.Path)
	}
	slices.Sort(urls)
	return urls
}

func (p *page) status() string {
	p.t.Helper()
	return eval[string](p, `document.getElementById("response").dataset.status`)
}

// plainHost serves like a plain static host, which sends no
// Service-Worker-Allowed header: the worker's scope can only be site/.
func plainHost(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(noWorkerHeader{w}, r)
	})
}

type noWorkerHeader struct{ http.ResponseWriter }

func (w noWorkerHeader) WriteHeader(code int) {
	w.Header().Del("Service-Worker-Allowed")
	w.ResponseWriter.WriteHeader(code)
}

func (w noWorkerHeader) Write(b []byte) (int, error) {
	w.Header().Del("Service-Worker-Allowed")
	return w.ResponseWriter.Write(b)
}

// statusRecorder records the status a handler answers with.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// setOffline takes the tab, and the service workers' own fetches, off the
// network (DevTools' network emulation), or puts them back on.
func setOffline(p *page, off bool) {
	p.t.Helper()
	if _, err := chromedp.Call(p.ctx, network.Enable, network.EnableParams{}); err != nil {
		p.t.Fatal(err)
	}
	conditions := []*network.Conditions{}
	if off {
		conditions = append(conditions, &network.Conditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
	}
	if _, err := chromedp.Call(p.ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{EmulateOfflineServiceWorker: &off, MatchedNetworkConditions: conditions}); err != nil {
		p.t.Fatalf("emulating offline=%v: %v", off, err)
	}
	if _, err := chromedp.Call(p.ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		p.t.Fatalf("navigator.onLine=%v: %v", !off, err)
	}
	// Wait until the network is really gone (or back): a file of the site
	// that no worker keeps (it does not exist) gives a 404 online, a
	// network error offline. The emulation reaches a worker that controls
	// the page (its requests go through it) a little later than the page.
	want := map[bool]string{true: "false", false: "true"}[off]
	waitAsync(p, `fetch("site/none.txt", {cache: "no-store"}).then(() => true, () => false).then((online) => online === `+want+`)`)
}

// scopesJS lists the scopes of the worker's registrations.
const scopesJS = `navigator.serviceWorker.getRegistrations().then((rs) => rs.map((r) => r.scope).sort())`

// TestOfflineRoot: where the host allows the root as the worker's scope
// (Service-Worker-Allowed, as static.Handler and ./build.sh serve send),
// one visit of the root page installs the worker there, caching exactly
// the versioned files, both pages included; the root page shows no note,
// and its next load is controlled. Offline, the root page reloads with its
// deep link and answers, a deep link to / or /index.html opens, and so
// does site/offline.html; a URL with a query is not the worker's.
func TestOfflineRoot(t *testing.T) {
	p := openPage(t)
	var mu sync.Mutex
	encodings := map[string]string{} // the Content-Encoding of each path's last 200
	root, _ := serveCopy(t, p, func(root string) http.Handler {
		files := static.Handler(root)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := &statusRecorder{ResponseWriter: w}
			files.ServeHTTP(rec, r)
			if rec.status == http.StatusOK {
				mu.Lock()
				encodings[r.URL.Path] = w.Header().Get("Content-Encoding")
				mu.Unlock()
			}
		})
	})
	p.open("ex=ws-post")
	if got := p.status(); got != "405" {
		t.Fatalf("#ex=ws-post gives %s, want 405", got)
	}
	waitAsync(p, p.activeJS())
	if got := eval[[]string](p, scopesJS); !slices.Equal(got, []string{p.base}) {
		t.Errorf("the worker's registrations have the scopes %q, want only the root %q", got, p.base)
	}
	name := cacheName(t, root)
	if got := eval[[]string](p, cachesJS); !slices.Equal(got, []string{name}) {
		t.Errorf("caches = %q, want only %q", got, name)
	}
	want := wantCached(t, p, root)
	if !slices.Contains(want, p.base+"index.html") {
		t.Errorf("the worker's list lacks index.html: %q", want)
	}
	if got := eval[[]string](p, cacheURLsJS+`(`+strconv.Quote(name)+`)`); !slices.Equal(got, want) {
		t.Errorf("the cache holds %q, want %q", got, want)
	}
	// The install checked the files' hashes on their decoded bytes: the
	// server sent the text compressed (static.Handler); a revalidation of
	// a file the browser's HTTP cache holds is a 304, and it keeps the
	// compressed copy.
	mu.Lock()
	for _, path := range []string{"/", "/site/app.js", "/site/style.css", "/site/offline.html"} {
		if enc := encodings[path]; enc != "br" && enc != "gzip" {
			t.Errorf("%s was last served with Content-Encoding %q, want br or gzip", path, enc)
		}
	}
	mu.Unlock()
	p.reload()
	if !eval[bool](p, `navigator.serviceWorker.controller !== null`) {
		t.Fatal("the root page is not controlled after a reload")
	}

	setOffline(p, true)
	p.reload()
	if got := p.status(); got != "405" {
		t.Errorf("offline, reloaded: status %s, want 405", got)
	}
	if got := eval[string](p, `location.hash`); got != "#ex=ws-post" {
		t.Errorf("offline, reloaded: the link is %q", got)
	}
	if got := eval[string](p, `document.getElementById("response").textContent`); !strings.HasPrefix(got, "HTTP/1.1 405 ") {
		t.Errorf("offline, reloaded: #response is %.60q", got)
	}
	for _, url := range []string{p.base + "#ex=ws-version-missing", p.base + "index.html#ex=ws-version-missing"} {
		p.navigate(url)
		if got := p.status(); got != "400" {
			t.Errorf("offline, %s gives %s, want 400", url, got)
		}
		if !eval[bool](p, `navigator.serviceWorker.controller !== null`) {
			t.Errorf("offline, %s is not controlled", url)
		}
	}
	p.navigate(p.base + "site/offline.html#ex=ws-rfc6455-sample")
	if got := p.status(); got != "101" {
		t.Errorf("offline, site/offline.html gives %s, want 101", got)
	}
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.base+"?a=1")); err == nil {
		t.Error("offline, /?a=1 opened: the worker answers a URL with a query")
	}
	// The root page never showed the note: the flow that shows it has
	// run on every load above, long done on the first.
	p.navigate(p.base)
	if !eval[bool](p, `document.getElementById("offline-note").hidden`) {
		t.Error("the root page, under the worker's control, shows the note to open the offline copy")
	}
}

// TestOfflineWithoutHeader: on a plain static host (no
// Service-Worker-Allowed) the root scope is refused and the worker's scope
// is site/: one visit of the root page installs it, caching the same
// files; the root page is not controlled and shows the note; offline,
// site/offline.html opens from the cache, the engine answers, deep links
// work, and a reload works, while the root page fails, as every page of a
// plain static host does. When the host starts sending the header, the
// next visit moves the worker to the root and drops site/'s registration;
// when it stops, the next visit moves it back.
func TestOfflineWithoutHeader(t *testing.T) {
	p := openPage(t)
	var plain atomic.Bool
	plain.Store(true)
	root, _ := serveCopy(t, p, func(root string) http.Handler {
		files := static.Handler(root)
		bare := plainHost(files)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if plain.Load() {
				bare.ServeHTTP(w, r)
				return
			}
			files.ServeHTTP(w, r)
		})
	})
	p.open("")
	if got := p.status(); got != "101" {
		t.Fatalf("the default request's status is %s, want 101", got)
	}
	waitAsync(p, p.activeJS())
	if got := eval[[]string](p, scopesJS); !slices.Equal(got, []string{p.base + "site/"}) {
		t.Errorf("the worker's registrations have the scopes %q, want only site/", got)
	}
	name := cacheName(t, root)
	if got := eval[[]string](p, cachesJS); !slices.Equal(got, []string{name}) {
		t.Errorf("caches = %q, want only %q", got, name)
	}
	if got, want := eval[[]string](p, cacheURLsJS+`(`+strconv.Quote(name)+`)`), wantCached(t, p, root); !slices.Equal(got, want) {
		t.Errorf("the cache holds %q, want %q", got, want)
	}
	p.waitFor(`!document.getElementById("offline-note").hidden`)
	p.reload()
	if eval[bool](p, `navigator.serviceWorker.controller !== null`) {
		t.Error("the root page is controlled by a worker whose scope is site/")
	}

	setOffline(p, true)
	p.navigate(p.base + "site/offline.html")
	if got := p.status(); got != "101" {
		t.Errorf("offline: the default request's status is %s, want 101", got)
	}
	if !eval[bool](p, `navigator.serviceWorker.controller !== null`) {
		t.Error("offline: site/offline.html is not controlled by the worker")
	}
	p.reload()
	if got := p.status(); got != "101" {
		t.Errorf("offline, reloaded: the default request's status is %s, want 101", got)
	}
	p.navigate(p.base + "site/offline.html#ex=ws-version-missing")
	if got := p.status(); got != "400" {
		t.Errorf("offline: #ex=ws-version-missing gives %s, want 400", got)
	}
	if !eval[bool](p, `document.getElementById("offline-note").hidden`) {
		t.Error("the offline copy shows the note that links to itself")
	}
	// The root page is out of the worker's reach.
	if err := chromedp.Do(p.ctx, chromedp.Navigate(p.base)); err == nil {
		t.Error("offline, the root page opened on a host without the header")
	} else {
		t.Logf("offline, the root page fails as expected: %v", err)
	}

	// The host now allows the root.
	p.navigate(p.base + "site/offline.html") // off the browser's error page
	setOffline(p, false)
	plain.Store(false)
	p.navigate(p.base)
	waitAsync(p, scopesJS+`.then((s) => s.length === 1 && s[0] === `+strconv.Quote(p.base)+`)`)
	waitAsync(p, p.activeJS())
	p.reload()
	if !eval[bool](p, `navigator.serviceWorker.controller !== null`) {
		t.Error("with the header, the root page is not controlled after a reload")
	}
	setOffline(p, true)
	p.navigate(p.base + "#ex=ws-version-missing")
	if got := p.status(); got != "400" {
		t.Errorf("with the header, offline: the root page gives %s, want 400", got)
	}

	// The host stops sending the header: the browser would refuse every
	// update of the root's worker, so the next visit drops it for site/.
	setOffline(p, false)
	plain.Store(true)
	p.navigate(p.base)
	waitAsync(p, scopesJS+`.then((s) => s.length === 1 && s[0] === `+strconv.Quote(p.base+"site/")+`)`)
	waitAsync(p, p.activeJS())
	p.reload()
	if eval[bool](p, `navigator.serviceWorker.controller !== null`) {
		t.Error("without the header again, the root page is still controlled after a reload")
	}
	p.waitFor(`!document.getElementById("offline-note").hidden`)
}

// TestOfflineReload: on a plain static host that also refuses HEAD (so
// the page cannot read the header first, and the browser refuses the
// root as the scope), the root page's note opens the offline copy in the
// page's state, under the worker's control, and it reloads offline. The
// offline copy opened first (uncontrolled, the worker installs) is
// controlled from its next load.
func TestOfflineReload(t *testing.T) {
	p := openPage(t)
	_, srv := serveCopy(t, p, func(root string) http.Handler {
		files := plainHost(static.Handler(root))
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodHead {
				http.Error(w, "no HEAD here", http.StatusMethodNotAllowed)
				return
			}
			files.ServeHTTP(w, r)
		})
	})
	p.open("ex=ws-post")
	waitAsync(p, p.activeJS())
	p.waitFor(`!document.getElementById("offline-note").hidden`)
	eval[bool](p, `(document.getElementById("offline-open").click(), true)`)
	p.waitFor(`location.pathname === "/site/offline.html" && location.hash === "#ex=ws-post"`)
	p.waitReady()
	if got := p.status(); got != "405" {
		t.Errorf("the offline copy opened from the note shows %s, want 405", got)
	}
	if !eval[bool](p, `navigator.serviceWorker.controller !== null`) {
		t.Error("the offline copy is not controlled by the worker")
	}
	srv.Close()
	p.reload()
	if got := p.status(); got != "405" {
		t.Errorf("offline, reloaded: status %s, want 405", got)
	}
	if got := eval[string](p, `location.hash`); got != "#ex=ws-post" {
		t.Errorf("offline, reloaded: the link is %q", got)
	}

	// The first load of the offline copy, before any worker, is not
	// controlled; the next is.
	q := openPage(t)
	serveCopy(t, q, nil)
	q.navigate(q.base + "site/offline.html#ex=ws-rfc6455-sample")
	if eval[bool](q, `navigator.serviceWorker.controller !== null`) {
		t.Error("a first load of the offline copy is controlled")
	}
	waitAsync(q, q.activeJS())
	q.reload()
	if !eval[bool](q, `navigator.serviceWorker.controller !== null`) {
		t.Error("the offline copy is not controlled after a reload")
	}
}

// updateJS runs the registration's update check and resolves with the state
// the new version reaches: "redundant" when its install failed, "installed"
// or "activated" otherwise, "none" when there is no new version.
func (p *page) updateJS() string {
	return p.registrationJS() + `.then((reg) => new Promise((resolve) => {
	reg.addEventListener("updatefound", () => {
		const w = reg.installing;
		const done = () => { if (["installed", "activated", "redundant"].includes(w.state)) resolve(w.state); };
		w.addEventListener("statechange", done);
		done();
	}, {once: true});
	reg.update().then(() => { if (!reg.installing && !reg.waiting) resolve("none"); }, (e) => resolve("update failed: " + e.message));
}))`
}

// TestOfflineUpdate deploys new versions under a page of the old one:
//   - half deployed (the new list of files, an old app.js): the new
//     version's install fails on app.js's hash, and the old version keeps
//     serving, its cache untouched;
//   - deployed: the new version installs in the background, takes over once
//     the only page of the old one has loaded (it asks), deletes the old
//     cache, and the next load is wholly the new version's, offline too.
func TestOfflineUpdate(t *testing.T) {
	p := openPage(t)
	root, srv := serveCopy(t, p, nil)
	offlineURL := p.base + "site/offline.html"
	p.navigate(offlineURL)
	waitAsync(p, p.activeJS())
	p.reload()
	if !eval[bool](p, `navigator.serviceWorker.controller !== null`) {
		t.Fatal("site/offline.html is not controlled after a reload")
	}
	v1 := cacheName(t, root)
	const marker = "// a new version of app.js (TestOfflineUpdate)"
	appJS := `fetch("app.js").then((r) => r.text())`
	appPath := filepath.Join(root, "site", "app.js")
	oldApp, err := os.ReadFile(appPath)
	if err != nil {
		t.Fatal(err)
	}
	newApp := append(append([]byte{}, oldApp...), "\n"+marker+"\n"...)
	writeManifest := func() {
		t.Helper()
		m, err := offline.Manifest(root)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(offline.ManifestFile)), m, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write := func(data []byte) {
		t.Helper()
		if err := os.WriteFile(appPath, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Half deployed: the list names the new app.js, the host still has
	// the old one.
	write(newApp)
	writeManifest()
	write(oldApp)
	if got := eval[string](p, p.updateJS()); got != "redundant" {
		t.Fatalf("half deployed: the new version's install ends %q, want redundant (app.js fails its hash)", got)
	}
	if got := eval[[]string](p, cachesJS); !slices.Equal(got, []string{v1}) {
		t.Errorf("half deployed: caches = %q, want only the old %q", got, v1)
	}
	p.reload()
	if strings.Contains(eval[string](p, appJS), marker) {
		t.Error("half deployed: the page got the new app.js")
	}
	waitAsync(p, p.activeJS()) // the reload's own update check has failed too

	// Deployed.
	write(newApp)
	writeManifest()
	v2 := cacheName(t, root)
	if v2 == v1 {
		t.Fatal("a new app.js kept the version")
	}
	if got := eval[string](p, p.updateJS()); got != "installed" && got != "activated" {
		t.Fatalf("deployed: the new version's install ends %q", got)
	}
	// app.js asks the new version to take over; it is alone, so it does.
	waitAsync(p, p.activeJS()+`.then((ok) => ok && caches.keys()).then((k) => k && k.length === 1 && k[0] === `+strconv.Quote(v2)+`)`)
	if strings.Contains(eval[string](p, appJS), marker) {
		// This page's controller is the old version, now gone: its
		// fetches go to the network. The page had loaded everything.
		t.Log("the old page fetches from the network after the take-over")
	}
	p.reload()
	if !strings.Contains(eval[string](p, appJS), marker) {
		t.Error("deployed: the next load did not get the new app.js")
	}
	if got := p.status(); got != "101" {
		t.Errorf("deployed: status %s, want 101", got)
	}
	srv.Close()
	p.reload()
	if got := p.status(); got != "101" {
		t.Errorf("deployed, offline: status %s, want 101", got)
	}
	if !strings.Contains(eval[string](p, appJS), marker) {
		t.Error("deployed, offline: the page runs the old app.js")
	}
}

// TestOfflineFailureHarmless: when the worker cannot be registered (its
// script or its list of files missing on the host), the page works as
// before, shows no note and reports no error (checkClean).
func TestOfflineFailureHarmless(t *testing.T) {
	for _, missing := range []string{offline.WorkerFile, offline.ManifestFile} {
		t.Run(filepath.Base(missing), func(t *testing.T) {
			p := openPage(t)
			serveCopy(t, p, func(root string) http.Handler {
				files := static.Handler(root)
				return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if r.URL.Path == "/"+missing {
						http.NotFound(w, r)
						return
					}
					files.ServeHTTP(w, r)
				})
			})
			p.open("")
			if got := p.status(); got != "101" {
				t.Errorf("status %s, want 101", got)
			}
			time.Sleep(time.Second) // the registration's attempt
			if eval[bool](p, p.registrationJS()+`.then((r) => !!r && !!r.active)`) {
				t.Error("a worker is active")
			}
			if !eval[bool](p, `document.getElementById("offline-note").hidden`) {
				t.Error("the offline note is shown")
			}
		})
	}
}

// coursePage serves a page of another origin (another port of 127.0.0.1)
// that frames the playground at src.
func coursePage(t *testing.T, src string) string {
	t.Helper()
	html := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A course</title></head><body>
<h1>WebSocket handshakes</h1>
<iframe id="pg" src="` + strings.ReplaceAll(src, "&", "&amp;") + `" title="Upgrade Playground" width="900" height="700"></iframe>
</body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(html))
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// frameContext waits for the page's one iframe to be ready and returns an
// execution context in it: an isolated world, which sees the frame's DOM
// and storage but none of its scripts' globals. The playground's page gets
// nothing for the test.
func frameContext(p *page) runtime.ExecutionContextID {
	p.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		id, err := chromedp.Run(p.ctx, func(ctx context.Context, t *chromedp.Target) (runtime.ExecutionContextID, error) {
			tree, err := cdp.Call(ctx, t, cdppage.GetFrameTree, cdp.Empty{})
			if err != nil || tree.FrameTree == nil || len(tree.FrameTree.ChildFrames) == 0 {
				return 0, err
			}
			world, err := cdp.Call(ctx, t, cdppage.CreateIsolatedWorld, cdppage.CreateIsolatedWorldParams{FrameID: tree.FrameTree.ChildFrames[0].Frame.ID, WorldName: "offline_browser_test"})
			return world.ExecutionContextID, err
		})
		if err == nil && id != 0 {
			if ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`!!document.body && document.body.dataset.ready === "true"`, inContext(id))); err == nil && ok {
				return id
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Fatal("timed out waiting for the framed playground to be ready")
	return 0
}

func inContext(id runtime.ExecutionContextID) chromedp.EvaluateOption {
	return func(p *runtime.EvaluateParams) { p.ContextID = id }
}

// evalIn evaluates an expression in a frame's context.
func evalIn[T any](p *page, id runtime.ExecutionContextID, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js, inContext(id), chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluating %s in the frame: %v", js, err)
	}
	return v
}

// waitIn polls a condition in a frame's context for up to 10 s.
func waitIn(p *page, id runtime.ExecutionContextID, cond string) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`!!(`+cond+`)`, inContext(id)))
		if err == nil && ok {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	p.t.Fatalf("timed out waiting in the frame for %s", cond)
}

// blockStorageJS makes storage and service workers throw in every frame
// but the top one, as a browser that blocks third-party storage does.
const blockStorageJS = `
if (window !== window.top) {
  const deny = () => { throw new DOMException("storage is blocked in this frame (test)", "SecurityError"); };
  for (const name of ["localStorage", "sessionStorage"]) Object.defineProperty(window, name, { get: deny, configurable: true });
  Object.defineProperty(Navigator.prototype, "serviceWorker", { get: deny, configurable: true });
}
`

// visibleJS reports whether the element matched by a selector takes room
// on the screen.
const visibleJS = `((sel) => { const e = document.querySelector(sel); if (!e) return false; const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== "hidden"; })`

// TestEmbed frames the playground with embed=1 in a page of another origin
// and checks, in the frame, that the engine answers, the compact layout
// shows the request, the response and why with no chrome, the link out is
// the same state without embed in a new tab, and that the embed touches
// neither the draft nor a service worker; with storage blocked as well.
// The link out then opens the full page.
func TestEmbed(t *testing.T) {
	for _, blocked := range []bool{false, true} {
		t.Run("storage blocked="+strconv.FormatBool(blocked), func(t *testing.T) {
			p := openPage(t)
			if blocked {
				if _, err := chromedp.Run(p.ctx, func(ctx context.Context, t *chromedp.Target) (cdppage.AddScriptToEvaluateOnNewDocumentResult, error) {
					return cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: blockStorageJS})
				}); err != nil {
					t.Fatal(err)
				}
			}
			course := coursePage(t, p.base+"#ex=ws-rfc6455-sample&embed=1")
			if err := chromedp.Do(p.ctx, chromedp.Navigate(course)); err != nil {
				t.Fatal(err)
			}
			fr := frameContext(p)
			if got := evalIn[string](p, fr, `location.origin`); got == eval[string](p, `location.origin`) {
				t.Fatalf("the frame is not cross-origin: %s", got)
			}
			waitIn(p, fr, `document.getElementById("response").dataset.status === "101"`)
			if got := evalIn[string](p, fr, `document.getElementById("response").textContent`); !strings.Contains(got, "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") {
				t.Errorf("the framed response is %q", got)
			}
			if got := evalIn[string](p, fr, `document.body.dataset.embed || ""`); got != "1" {
				t.Errorf("<body data-embed> = %q, want 1", got)
			}
			for _, sel := range []string{"#request", "#response", "#explanation", "#explanation .trace li", "#embed-bar", "#open-full"} {
				if !evalIn[bool](p, fr, visibleJS+`(`+strconv.Quote(sel)+`)`) {
					t.Errorf("the embed does not show %s", sel)
				}
			}
			for _, sel := range []string{"header.top", "#examples", "#copy-link", "#theme-toggle", "#predict-toggle", ".gallery", "#example-lesson", "#server", ".copy-as", ".exchange", "#offline-note", "#status"} {
				if evalIn[bool](p, fr, visibleJS+`(`+strconv.Quote(sel)+`)`) {
					t.Errorf("the embed shows %s", sel)
				}
			}
			// The link out: this state without embed, in a new tab.
			want := p.base + "#ex=ws-rfc6455-sample"
			waitIn(p, fr, `document.getElementById("open-full").href === `+strconv.Quote(want))
			link := evalIn[map[string]string](p, fr, `(() => { const a = document.getElementById("open-full"); return {text: a.textContent, target: a.target, rel: a.rel, href: a.getAttribute("href")}; })()`)
			if !strings.Contains(link["text"], "Open in the full playground ↗") || link["target"] != "_blank" || !slices.Contains(strings.Fields(link["rel"]), "noopener") || link["href"] != "#ex=ws-rfc6455-sample" {
				t.Errorf("the link out is %q", link)
			}
			// The frame's own address keeps the state, embed included.
			waitIn(p, fr, `location.hash === "#ex=ws-rfc6455-sample&embed=1"`)
			// An edit: the link out follows it.
			evalIn[bool](p, fr, `(() => { const r = document.getElementById("request"); r.value = r.value.replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8"); r.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
			waitIn(p, fr, `document.getElementById("response").dataset.status === "400"`)
			waitIn(p, fr, `/[#&]req=/.test(document.getElementById("open-full").href) && !document.getElementById("open-full").href.includes("embed")`)
			// No draft, no worker, however long it runs.
			time.Sleep(time.Second)
			if !blocked {
				if got := evalIn[bool](p, fr, `localStorage.getItem("upgrade-playground.draft") === null`); !got {
					t.Error("the embed saved a draft")
				}
				if n := evalIn[int](p, fr, `navigator.serviceWorker.getRegistrations().then((r) => r.length)`); n != 0 {
					t.Errorf("the embed registered %d service workers", n)
				}
			}

			// The link out opens the full page in that state.
			full := evalIn[string](p, fr, `document.getElementById("open-full").href`)
			p.navigate(full)
			if got := p.status(); got != "400" {
				t.Errorf("the full page shows %s, want the edited request's 400", got)
			}
			if eval[bool](p, `document.body.hasAttribute("data-embed")`) || !eval[bool](p, visibleJS+`("header.top")`) {
				t.Error("the link out opened the compact layout")
			}
		})
	}
}

// TestFramedWithoutEmbed: a page framed without embed=1 where storage and
// service workers throw works as a page: the draft and the worker's
// registration fail quietly.
func TestFramedWithoutEmbed(t *testing.T) {
	p := openPage(t)
	if _, err := chromedp.Run(p.ctx, func(ctx context.Context, t *chromedp.Target) (cdppage.AddScriptToEvaluateOnNewDocumentResult, error) {
		return cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: blockStorageJS})
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.ctx, chromedp.Navigate(coursePage(t, p.base+"#ex=ws-version-missing"))); err != nil {
		t.Fatal(err)
	}
	fr := frameContext(p)
	waitIn(p, fr, `document.getElementById("response").dataset.status === "400"`)
	if evalIn[bool](p, fr, `document.body.hasAttribute("data-embed")`) || !evalIn[bool](p, fr, visibleJS+`("header.top")`) {
		t.Error("the page is in the compact layout without embed=1")
	}
	time.Sleep(time.Second) // the draft's save and the worker's attempt
}
