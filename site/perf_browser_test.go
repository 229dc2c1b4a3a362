package site

import (
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/upgrade-playground/playground/site/static"
)

// The performance budgets of issue 6, measured in headless Chromium and
// reported (t.Log, and "bench:" lines that ./build.sh bench collects), not
// asserted with timers: a loaded CI machine must not fail a build. The
// assertions here are about correctness of what was measured (the page
// rendered, the marks exist, the memory was read).

// openIsolated opens the page from a server that also sends COOP and COEP,
// so that the page is cross-origin isolated and performance.now() has its
// fine (5 µs) resolution instead of 100 µs.
func openIsolated(t *testing.T) *page {
	t.Helper()
	p := openPage(t)
	files := static.Handler("..")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cross-Origin-Opener-Policy", "same-origin")
		w.Header().Set("Cross-Origin-Embedder-Policy", "require-corp")
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	p.base = srv.URL + "/"
	return p
}

// full reports whether to measure with the full sample sizes of the
// budgets (./build.sh bench sets PLAYGROUND_BENCH=1); otherwise, as in CI,
// the same checks run on smaller samples to keep the test run short.
func full() bool { return os.Getenv("PLAYGROUND_BENCH") != "" }

// pick returns the full sample size or the small one.
func pick(fullN, smallN int) int {
	if full() {
		return fullN
	}
	return smallN
}

// median and p95 of a sample (sorted in place).
func median(v []float64) float64 { slices.Sort(v); return v[len(v)/2] }
func p95(v []float64) float64    { slices.Sort(v); return v[(len(v)*95+99)/100-1] }

// TestPerfLoad measures ten cold loads (the HTTP cache off, so the .wasm is
// fetched and compiled every time): navigation to the engine ready (the
// playground-ready mark, set when the Go program starts, after every
// package is initialized), to the first rendered response (the
// first-render mark: the Response pane shows the current request's
// answer) and to every pane rendered (playground.ready resolved).
// Budgets: 250 ms and 300 ms.
func TestPerfLoad(t *testing.T) {
	p := openPage(t)
	if _, err := chromedp.Call(p.ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(p.ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	type marks struct{ Fetched, Compiled, Ready, First, All, Request float64 }
	var fetched, compiled, ready, first, all, shown []float64
	loads := pick(10, 3)
	for range loads {
		if err := chromedp.Do(p.ctx, chromedp.Navigate("about:blank")); err != nil {
			t.Fatal(err)
		}
		p.open("")
		m := eval[marks](p, `(() => {
			const at = (n) => (performance.getEntriesByName(n)[0] || {startTime: -1}).startTime;
			const html = performance.getEntriesByType("navigation")[0];
			const w = performance.getEntriesByType("resource").find((e) => e.name.endsWith("main.wasm"));
			return {Fetched: w ? w.responseEnd : -1, Compiled: playground.compiledAt, Ready: at("playground-ready"), First: at("first-render"), All: playground.readyAt, Request: html ? html.domInteractive : -1};
		})()`)
		if m.Ready <= 0 || m.First < m.Ready || m.All < m.First {
			t.Fatalf("marks playground-ready %.1f, first-render %.1f, every pane %.1f: missing or out of order", m.Ready, m.First, m.All)
		}
		ready, first, all, shown = append(ready, m.Ready), append(first, m.First), append(all, m.All), append(shown, m.Request)
		fetched, compiled = append(fetched, m.Fetched), append(compiled, m.Compiled)
	}
	t.Logf("median of %d cold loads: the .wasm fetched %.0f ms, compiled and instantiated %.0f ms", loads, median(fetched), median(compiled))
	t.Logf("median of %d cold loads: request text shown %.0f ms, engine ready %.0f ms (budget 250), first response %.0f ms (budget 300), every pane %.0f ms",
		loads, median(shown), median(ready), median(first), median(all))
	benchFigure(t, "load.ready_ms", strconv.FormatFloat(median(ready), 'f', 0, 64))
	benchFigure(t, "load.first_render_ms", strconv.FormatFloat(median(first), 'f', 0, 64))
	benchFigure(t, "load.all_panes_ms", strconv.FormatFloat(median(all), 'f', 0, 64))
}

// keystrokeJS times n keystrokes through the page's real path: an input
// event on the editor (the adapter queues a render for the next animation
// frame) and that frame's render. A callback registered before the event
// and one registered after it bracket the page's own frame callback.
// Alternate keystrokes add and remove one character at the end of the
// Host line, so that every render has something new to show.
const keystrokeJS = `(async (n, text) => {
	const ed = document.getElementById("request");
	const at = text.indexOf("\n", text.indexOf("Host:"));
	const variants = [text, text.slice(0, at) + "x" + text.slice(at)];
	const frame = () => new Promise((r) => requestAnimationFrame(r));
	const times = [];
	for (let i = 0; i < n; i++) {
		let t0 = 0, t1 = 0;
		const before = frame().then(() => { t0 = performance.now(); });
		const d0 = performance.now();
		ed.value = variants[i % 2];
		ed.dispatchEvent(new Event("input", {bubbles: true}));
		const d1 = performance.now();
		const after = frame().then(() => { t1 = performance.now(); });
		await before; await after;
		times.push((d1 - d0) + (t1 - t0));
	}
	return times;
})`

// keystrokes runs keystrokeJS on a request given as editor text.
func keystrokes(p *page, n int, text string) []float64 {
	p.t.Helper()
	return eval[[]float64](p, keystrokeJS+`(`+strconv.Itoa(n)+`, `+strconv.Quote(text)+`)`)
}

// TestPerfEdit measures a keystroke to the updated panes: 200 on the
// typical handshake (budgets: median 0.5 ms, p95 1.5 ms), then 20 on a
// 64 KiB request (30 ms) and a few on 256 KiB and 1 MiB requests (bounded;
// the page answers the next event promptly).
func TestPerfEdit(t *testing.T) {
	p := openIsolated(t)
	p.open("")
	if !eval[bool](p, `crossOriginIsolated`) {
		t.Log("the page is not cross-origin isolated: performance.now() is coarse (100 µs)")
	}
	text := strings.ReplaceAll(sampleWS, "\r\n", "\n")
	keystrokes(p, 20, text) // warm up: V8 tiers up the hot functions
	typical := keystrokes(p, pick(200, 40), text)
	if got := eval[string](p, `document.getElementById("response").dataset.status`); got != "101" {
		t.Fatalf("after the keystrokes the response is %s, want 101", got)
	}
	med, tail := median(typical), p95(typical)
	t.Logf("keystroke, typical handshake: median %.3f ms (budget 0.5), p95 %.3f ms (budget 1.5), n=%d", med, tail, len(typical))
	benchFigure(t, "edit.median_ms", strconv.FormatFloat(med, 'f', 3, 64))
	benchFigure(t, "edit.p95_ms", strconv.FormatFloat(tail, 'f', 3, 64))

	for _, size := range []struct {
		name  string
		bytes int
		n     int
	}{{"64KiB", 64 << 10, pick(20, 3)}, {"256KiB", 256 << 10, pick(5, 1)}, {"1MiB", 1 << 20, pick(3, 1)}} {
		big := bigRequest(size.bytes)
		ms := median(keystrokes(p, size.n, big))
		// Responsiveness: how long a task queued right after a render waits.
		lag := eval[float64](p, `new Promise((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 0); })`)
		t.Logf("keystroke, %s request: median %.1f ms; next task waited %.1f ms", size.name, ms, lag)
		benchFigure(t, "edit."+size.name+"_ms", strconv.FormatFloat(ms, 'f', 1, 64))
		if got := eval[int](p, `document.getElementById("request").value.length`); got < size.bytes/2 {
			t.Errorf("the editor holds %d characters after the %s request", got, size.name)
		}
	}
}

// TestPerfMemory measures the .wasm's memory (its linear memory's size,
// which never shrinks) after 1,000 renders of the typical handshake.
// Budget: 16 MiB.
func TestPerfMemory(t *testing.T) {
	p := openPage(t)
	p.open("")
	text := strings.ReplaceAll(sampleWS, "\r\n", "\n")
	// Memory: 1,000 renders of the typical handshake (synchronous renders
	// through the line-ending control, which re-renders the editor's text).
	before := eval[float64](p, `playground.memoryBytes()`)
	eval[any](p, `(() => {
		const ed = document.getElementById("request"), eol = document.getElementById("eol");
		const text = `+strconv.Quote(text)+`;
		for (let i = 0; i < 1000; i++) {
			ed.value = i % 2 ? text : text.replace("Host: ", "Host: x");
			eol.dispatchEvent(new Event("change", {bubbles: true}));
		}
	})()`)
	after := eval[float64](p, `playground.memoryBytes()`)
	if before <= 0 || after < before {
		t.Fatalf("memoryBytes: %v then %v", before, after)
	}
	t.Logf("the .wasm's memory: %.1f MiB after loading, %.1f MiB after 1,000 more renders (budget 16 MiB)", before/(1<<20), after/(1<<20))
	benchFigure(t, "memory_mib", strconv.FormatFloat(after/(1<<20), 'f', 1, 64))
}

// bigRequest is a WebSocket handshake padded with header fields to about
// size bytes of editor text.
func bigRequest(size int) string {
	var b strings.Builder
	b.WriteString(strings.TrimSuffix(strings.ReplaceAll(sampleWS, "\r\n", "\n"), "\n"))
	for i := 0; b.Len() < size-64; i++ {
		b.WriteString("X-Pad-" + strconv.Itoa(i) + ": " + strings.Repeat("v", 40) + "\n")
	}
	b.WriteString("\n")
	return b.String()
}
