package browser

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// TestLayout checks the page's layout in one browser tab: at 1366×768 the
// request, the answer and the reason are on one screen and the response
// is never cut; at 360×740 the status line and the reason are on the
// first screen; the server settings are one click (or one shortcut) away;
// the control pictures are drawn as labels; the Why pane's text is at
// least 13 px; the favicon loads. It reports the layout shift of a load
// (measured, not asserted: it depends on when things arrive). With
// -update it writes docs/screenshots/light.png, dark.png (1366×768) and
// phone.png (360×740).
func TestLayout(t *testing.T) {
	p := openPage(t)
	icons := watchIcon(t, p)
	if _, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: layoutShiftScript}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		fn   func(*page)
	}{
		{"laptop-one-screen", layoutLaptop},
		{"laptop-examples", layoutExamples},
		{"phone-first-screen", layoutPhone},
		{"settings-drawer", layoutSettings},
		{"settings-keyboard", layoutSettingsKeyboard},
		{"control-pictures", layoutControlPictures},
		{"why-text-size", layoutWhyTextSize},
		{"layout-shift", layoutShift},
		{"largest-paint", layoutLargestPaint},
		{"axe", layoutAxe},
		{"favicon", func(p *page) { layoutFavicon(p, icons) }},
		{"screenshots", layoutScreenshots},
	} {
		t.Run(c.name, func(t *testing.T) {
			defer func() { _ = chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 900)) }()
			c.fn(p.as(t))
		})
	}
}

// viewport sets the tab's size.
func (p *page) viewport(w, h int64) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(w, h)); err != nil {
		p.t.Fatal(err)
	}
}

// rect is an element's box (getBoundingClientRect), in CSS pixels.
type rect struct{ Left, Top, Right, Bottom, Width, Height float64 }

// rectJS evaluates to the box of the first element a selector finds, or
// of its first line of text when line is set (a Range over the text up to
// its first line break), as a rect.
func rectJS(sel string, line bool) string {
	return `(() => {
		const e = document.querySelector(` + strconv.Quote(sel) + `);
		if (!e) return null;
		let b = e.getBoundingClientRect();
		if (` + strconv.FormatBool(line) + `) {
			const t = e.firstChild, r = document.createRange();
			r.setStart(t, 0);
			r.setEnd(t, Math.max(1, t.data.indexOf("\n")));
			b = r.getBoundingClientRect();
		}
		return { Left: b.left, Top: b.top, Right: b.right, Bottom: b.bottom, Width: b.width, Height: b.height };
	})()`
}

// box returns the box of sel (or of its first line).
func (p *page) box(sel string, line bool) rect {
	p.t.Helper()
	r := eval[*rect](p, rectJS(sel, line))
	if r == nil {
		p.t.Fatalf("no element %s", sel)
	}
	return *r
}

// inView fails the test unless the box of sel (or its first line) is
// entirely inside the window, without scrolling.
func (p *page) inView(what, sel string, line bool) rect {
	p.t.Helper()
	r := p.box(sel, line)
	w, h := eval[float64](p, `innerWidth`), eval[float64](p, `innerHeight`)
	if r.Height == 0 || r.Top < 0 || r.Left < 0 || r.Bottom > h+0.5 || r.Right > w+0.5 {
		p.t.Errorf("%s (%s) is at %+v, outside the %v×%v window", what, sel, r, w, h)
	}
	return r
}

// responseClippedJS lists how #response overflows its box sideways: its
// scroll width beyond its client width, and the RFC 6455 accept value's
// boxes outside the visible box.
const responseClippedJS = `(() => {
	const e = document.getElementById("response"), out = [];
	if (e.scrollWidth > e.clientWidth) out.push("scrollWidth " + e.scrollWidth + " > clientWidth " + e.clientWidth);
	const i = e.textContent.indexOf("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
	if (i >= 0) {
		const r = document.createRange(), box = e.getBoundingClientRect();
		r.setStart(e.firstChild, i);
		r.setEnd(e.firstChild, i + 28);
		const rects = [...r.getClientRects()];
		if (rects.length !== 1) out.push("the accept value is on " + rects.length + " lines");
		for (const b of rects) if (b.left < box.left || b.right > box.right - 1) out.push("the accept value spans " + b.left + "–" + b.right + ", the box " + box.left + "–" + box.right);
	}
	return out;
})()`

// layoutLaptop: at 1366×768, the RFC 6455 sample's request, its status
// line and whole response, and the Why pane's verdict are in the window
// with the page unscrolled; the page does not scroll at all (the long
// panes scroll inside themselves); the response is not cut. For a refused
// request, the decisive step is in view too.
func layoutLaptop(p *page) {
	t := p.t
	p.viewport(1366, 768)
	p.open("req=" + base64.RawURLEncoding.EncodeToString([]byte(sampleWS)))
	if got := eval[string](p, `document.getElementById("response").dataset.status`); got != "101" {
		t.Fatalf("the sample is answered %s", got)
	}
	if over := eval[[]string](p, responseClippedJS); len(over) > 0 {
		t.Errorf("the response is cut at 1366 px: %q", over)
	}
	req := p.inView("the request editor", "#request", false)
	status := p.inView("the status line", "#response", true)
	resp := p.inView("the response", "#response", false)
	why := p.inView("the verdict", "#explanation .verdict", false)
	p.inView("the reason", "#explanation .verdict .reason", false)
	if s := eval[string](p, `document.querySelector("#explanation .verdict .status").textContent`); s != "101 Switching Protocols" {
		t.Errorf("the verdict says %q", s)
	}
	if h, wh := eval[float64](p, `document.documentElement.scrollHeight`), eval[float64](p, `innerHeight`); h > wh+1 {
		t.Errorf("the page is %v px tall in a %v px window: it scrolls", h, wh)
	}
	if !eval[bool](p, `(() => { const e = document.getElementById("explanation"); return e.scrollHeight > e.clientHeight && getComputedStyle(e).overflowY === "auto"; })()`) {
		t.Error("the Why pane does not scroll inside itself")
	}
	if eval[bool](p, `document.querySelector(".server-pane").getBoundingClientRect().top > innerHeight`) {
		t.Error("the server settings are below the window")
	}
	t.Logf("1366×768: request %.0f–%.0f, status line %.0f, response %.0f–%.0f, verdict %.0f–%.0f (x %.0f)", req.Top, req.Bottom, status.Top, resp.Top, resp.Bottom, why.Top, why.Bottom, why.Left)

	// A refusal: the decisive step of the trace is in view, and the
	// verdict gives its reason.
	ex, ok := gallery.Lookup("syntax-space-before-colon")
	if !ok {
		t.Fatal("no example syntax-space-before-colon")
	}
	p.open("ex=" + ex.ID)
	res := engine.Negotiate(ex.Request, ptr(ex.Config()))
	step := p.inView("the decisive step", "#explanation .trace li.decisive", false)
	p.inView("the verdict", "#explanation .verdict", false)
	p.inView("the status line", "#response", true)
	if got, want := eval[string](p, `document.querySelector("#explanation .verdict .reason").textContent`), ui.Summary(res.Trace[res.Decisive]); !strings.HasPrefix(got, want) {
		t.Errorf("the verdict's reason is %q, want the decisive step's %q", got, want)
	}
	t.Logf("1366×768, %s: decisive step %.0f–%.0f", ex.ID, step.Top, step.Bottom)
}

// layoutExamples opens every example at 1366×768: none has a response
// wider than its box, and the verdict is always in view.
func layoutExamples(p *page) {
	t := p.t
	p.viewport(1366, 768)
	p.open("")
	var ids []string
	for _, ex := range gallery.Examples() {
		ids = append(ids, ex.ID)
	}
	bad := eval[[]string](p, `(async (ids) => {
		const out = [];
		for (const id of ids) {
			await new Promise((r) => { addEventListener("hashchange", () => requestAnimationFrame(() => r()), { once: true }); location.hash = "ex=" + id; });
			const e = document.getElementById("response");
			if (e.scrollWidth > e.clientWidth) out.push(id + ": the response is " + e.scrollWidth + " px wide in " + e.clientWidth);
			const v = document.querySelector("#explanation .verdict").getBoundingClientRect();
			if (v.top < 0 || v.bottom > innerHeight || v.right > innerWidth) out.push(id + ": the verdict is at " + v.top + "–" + v.bottom);
			const s = e.getBoundingClientRect();
			if (s.top < 0 || s.top + 40 > innerHeight) out.push(id + ": the response starts at " + s.top);
		}
		return out;
	})(`+jsonStrings(ids)+`)`)
	for _, b := range bad {
		t.Error(b)
	}
}

// jsonStrings is a JavaScript array literal of plain strings.
func jsonStrings(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(q, ",") + "]"
}

// layoutPhone: at 360×740 the response's status line and the verdict
// (status and reason) are on the first screen, and so are the predict
// choices in predict mode; nothing is wider than the screen.
func layoutPhone(p *page) {
	t := p.t
	p.viewport(360, 740)
	p.open("req=" + base64.RawURLEncoding.EncodeToString([]byte(sampleWS)))
	status := p.inView("the status line", "#response", true)
	reason := p.inView("the reason", "#explanation .verdict .reason", false)
	p.inView("the verdict's status", "#explanation .verdict .status", false)
	if w := eval[float64](p, `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("the page is %v px wide at 360 px", w)
	}
	t.Logf("360×740: status line %.0f–%.0f, reason %.0f–%.0f", status.Top, status.Bottom, reason.Top, reason.Bottom)
	p.open("ex=" + firstExampleWithStatus(400) + "&mode=predict")
	first := p.inView("the first predict choice", "#predict input[name=predict]", false)
	last := p.box("#predict .choice:last-of-type", false)
	t.Logf("360×740, predict mode: the choices at %.0f–%.0f", first.Top, last.Bottom)
}

// layoutSettings: one click on the header's button opens the settings
// drawer with its first control in view and not covered; the request and
// the response stay in view; Escape closes it, and closed it does not
// take the clicks meant for the Why pane.
func layoutSettings(p *page) {
	t := p.t
	for _, size := range [][2]int64{{1366, 768}, {360, 740}} {
		p.viewport(size[0], size[1])
		p.open("")
		if eval[bool](p, `document.querySelector(".server-pane").matches(":popover-open")`) {
			t.Fatal("the settings drawer is open on load")
		}
		p.click("#settings-button")
		p.waitFor(`document.querySelector(".server-pane").matches(":popover-open")`)
		const first = "#server :is(input, select)"
		r := p.inView("the first server setting", first, false)
		if !eval[bool](p, `(() => { const e = document.querySelector("`+first+`"), b = e.getBoundingClientRect();
			const at = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2); return at === e || e.contains(at); })()`) {
			t.Errorf("%v: the first setting is covered", size)
		}
		if size[0] == 1366 {
			for _, sel := range []string{"#request", "#response"} {
				if !eval[bool](p, `(() => { const e = document.querySelector("`+sel+`"), b = e.getBoundingClientRect();
					const d = document.querySelector(".server-pane").getBoundingClientRect(); return b.right <= d.left; })()`) {
					t.Errorf("with the settings open, %s is covered", sel)
				}
			}
		}
		// A setting changes the answer with the drawer open.
		eval[any](p, `(() => { const s = document.getElementById("set-lf"); s.value = "reject"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
		p.waitFor(`location.hash.includes("lf=reject")`)
		p.key(kb.Escape)
		p.waitFor(`!document.querySelector(".server-pane").matches(":popover-open")`)
		eval[any](p, `document.activeElement && document.activeElement.blur()`)
		if !eval[bool](p, `(() => { const d = document.querySelector(".server-pane"), b = d.getBoundingClientRect();
			const at = document.elementFromPoint(b.left + b.width / 2, Math.min(innerHeight - 10, b.top + 200)); return getComputedStyle(d).opacity === "0" && !d.contains(at); })()`) {
			t.Errorf("%v: closed, the settings drawer still shows or takes clicks", size)
		}
		t.Logf("%d×%d: one click shows the first setting at %.0f,%.0f", size[0], size[1], r.Left, r.Top)
	}
}

// layoutSettingsKeyboard: the Tab stops before the first server setting
// are few; the skip link and Alt+Shift+S reach the settings, which show
// while they have the focus; the skip link keeps the page's state.
func layoutSettingsKeyboard(p *page) {
	t := p.t
	p.viewport(1366, 768)
	p.open("lf=reject")
	inServer := `(document.activeElement && document.activeElement.closest("#server") !== null)`
	eval[any](p, `document.activeElement && document.activeElement.blur()`)
	stops := 0
	for ; stops < 60 && !eval[bool](p, inServer); stops++ {
		p.key(kb.Tab)
	}
	if stops > 20 {
		t.Errorf("the first server setting is Tab stop %d, want at most 20", stops)
	}
	if !eval[bool](p, `getComputedStyle(document.querySelector(".server-pane")).opacity === "1"`) {
		t.Error("the settings drawer does not show while a setting has the focus")
	}
	p.inView("the focused setting", ":focus", false)
	// Through the header's button: Tab from it goes into the open drawer.
	eval[any](p, `document.getElementById("settings-button").focus()`)
	p.key(kb.Enter)
	p.waitFor(`document.querySelector(".server-pane").matches(":popover-open")`)
	byButton := 0
	for ; byButton < 5 && !eval[bool](p, inServer); byButton++ {
		p.key(kb.Tab)
	}
	if !eval[bool](p, inServer) {
		t.Errorf("Tab from the open drawer's button does not reach the settings (focus on %s)", eval[string](p, activeID))
	}
	p.key(kb.Escape)
	// The whole cycle, for the record.
	eval[any](p, `document.activeElement && document.activeElement.blur()`)
	total := 0
	for seen := map[string]bool{}; total < 250; total++ {
		p.key(kb.Tab)
		id := eval[string](p, `(() => { const e = document.activeElement; if (!e || e === document.body) return ""; const all = [...document.querySelectorAll("*")]; return e.tagName + all.indexOf(e); })()`)
		if id == "" || seen[id] {
			break
		}
		seen[id] = true
	}
	t.Logf("Tab stops: the first server setting is stop %d (from the top, drawer closed), %d from the Server settings button; %d stops in a cycle", stops, byButton+1, total)

	// Alt+Shift+S from the editor.
	eval[any](p, `document.getElementById("request").focus()`)
	p.key("s", chromedp.ModifierAlt, chromedp.ModifierShift)
	if !eval[bool](p, inServer) {
		t.Errorf("Alt+Shift+S focused %s", eval[string](p, activeID))
	}
	p.inView("the setting Alt+Shift+S focused", ":focus", false)
	if !eval[bool](p, `document.querySelector("#help").textContent.includes("server settings")`) {
		t.Error("the shortcuts list does not name Alt+Shift+S")
	}
	// The skip link: the settings get the focus, the address keeps the
	// state and no link problem is shown.
	eval[any](p, `document.querySelector('a.skip[href="#server-panel"]').focus()`)
	p.key(kb.Enter)
	p.waitFor(`document.activeElement && document.activeElement.closest(".server-pane")`)
	p.waitFor(`location.hash.includes("lf=reject")`)
	if !eval[bool](p, `document.getElementById("link-message").hidden`) || eval[string](p, `document.getElementById("set-lf").value`) != "reject" {
		t.Errorf("the skip link was read as a link: %q, lf=%s", eval[string](p, `document.getElementById("link-message").textContent`), eval[string](p, `document.getElementById("set-lf").value`))
	}
}

// layoutControlPictures: the control pictures, which common Linux fonts
// lack, are drawn as labels in the editor (the overlay draws the text,
// the textarea only its caret) and in the Why pane.
func layoutControlPictures(p *page) {
	t := p.t
	p.viewport(1366, 768)
	p.open("req=" + base64.RawURLEncoding.EncodeToString([]byte("GET / HTTP/1.1\r\nHost: a\x00b\r\n\r\n")))
	if got := eval[string](p, `[...document.querySelectorAll("#request-overlay mark[data-cp]")].map(m => m.dataset.cp + "=" + m.textContent).join()`); got != "NUL=␀" {
		t.Errorf("the overlay labels %q, want NUL=␀", got)
	}
	if !eval[bool](p, `getComputedStyle(document.getElementById("request")).color === "rgba(0, 0, 0, 0)" && getComputedStyle(document.getElementById("request-overlay")).color !== "rgba(0, 0, 0, 0)"`) {
		t.Error("the editor's text is not drawn by the overlay")
	}
	if got := eval[string](p, `getComputedStyle(document.querySelector("#request-overlay mark[data-cp]"), "::after").width`); got == "auto" || got == "0px" {
		t.Errorf("the NUL label has width %s", got)
	}
	if got := eval[[]string](p, `[...document.querySelectorAll("#explanation .cp")].map(s => s.dataset.cp + "=" + s.textContent)`); len(got) == 0 || got[0] != "NUL=␀" {
		t.Errorf("the Why pane labels %q", got)
	}
	// The overlay draws the text now: it must follow the textarea to its
	// farthest scroll, down and across.
	long := "GET / HTTP/1.1\nHost: a\nX-Long: " + strings.Repeat("0123456789", 30) + "\n" + strings.Repeat("X-Filler: a\n", 80) + "\n"
	p.setRequest(long)
	got := eval[map[string]float64](p, `new Promise((resolve) => {
		const r = document.getElementById("request"), o = document.getElementById("request-overlay");
		r.scrollTop = 1e6; r.scrollLeft = 1e6;
		requestAnimationFrame(() => requestAnimationFrame(() => resolve({ top: r.scrollTop, left: r.scrollLeft, otop: o.scrollTop, oleft: o.scrollLeft })));
	})`)
	if got["top"] == 0 || got["left"] == 0 || got["top"] != got["otop"] || got["left"] != got["oleft"] {
		t.Errorf("scrolled to the end, the textarea and the overlay differ: %v", got)
	}
}

// whyFontsJS lists the Why pane's text under 13 px: each element with
// text of its own (a control picture's label counts as its ::before).
const whyFontsJS = `(() => {
	const out = [];
	for (const e of document.querySelectorAll(".why-pane, .why-pane *")) {
		if (e.closest("[hidden]") || getComputedStyle(e).display === "none") continue;
		const own = [...e.childNodes].some(n => n.nodeType === 3 && n.data.trim() !== "");
		if (e.classList.contains("cp")) {
			const s = parseFloat(getComputedStyle(e, "::before").fontSize);
			if (s < 13) out.push("label " + e.dataset.cp + " " + s + "px");
			continue;
		}
		if (!own) continue;
		const s = parseFloat(getComputedStyle(e).fontSize);
		if (s < 13) out.push(e.tagName.toLowerCase() + "." + e.className + " " + s + "px: " + e.textContent.slice(0, 40));
	}
	return out;
})()`

// layoutWhyTextSize: no text of the Why pane is under 13 px, for a
// switch, a refusal with a myth, h2c and a request whose values hold
// control pictures.
func layoutWhyTextSize(p *page) {
	t := p.t
	p.viewport(1366, 768)
	frags := []string{"", "ex=" + firstExampleWithStatus(400), "ex=h2c-curl", "ex=myth-426-for-every-failure",
		"req=" + base64.RawURLEncoding.EncodeToString([]byte("GET / HTTP/1.1\r\nHost: a\x00b\r\n\r\n"))}
	for _, frag := range frags {
		p.open(frag)
		if small := eval[[]string](p, whyFontsJS); len(small) > 0 {
			t.Errorf("#%s: Why text under 13 px: %q", frag, small)
		}
	}
}

// layoutAxe runs axe-core on the layouts this file checks: the laptop
// with the settings drawer open, and the phone.
func layoutAxe(p *page) {
	t := p.t
	script := axeScript(t)
	for _, c := range []struct {
		w, h   int64
		drawer bool
		theme  string
	}{{1366, 768, true, "light"}, {360, 740, false, "light"}, {360, 740, false, "dark"}, {360, 740, true, "dark"}} {
		p.viewport(c.w, c.h)
		p.open("ex=" + firstExampleWithStatus(400))
		eval[any](p, script+";0")
		eval[any](p, `document.documentElement.dataset.theme = "`+c.theme+`"`)
		if c.drawer {
			p.click("#settings-button")
			p.waitFor(`document.querySelector(".server-pane").matches(":popover-open")`)
		}
		if v := eval[[]string](p, axeRun); len(v) > 0 {
			t.Errorf("axe-core at %d×%d, %s theme (settings open: %v): %d violations:\n%s", c.w, c.h, c.theme, c.drawer, len(v), strings.Join(v, "\n"))
		}
	}
}

// layoutShiftScript runs before the page's scripts: it sums the layout
// shifts without recent input (the Cumulative Layout Shift of the load)
// and keeps their sources.
const layoutShiftScript = `
window.__cls = 0;
window.__shifts = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__cls += e.value;
      window.__shifts.push(e.value.toFixed(4) + " at " + e.startTime.toFixed(0) + " ms " + (e.sources || []).map((s) => (s.node ? (s.node.id || s.node.nodeName + "." + (s.node.className || "")) : "?") +
        " y " + s.previousRect.y.toFixed(0) + "→" + s.currentRect.y.toFixed(0) + " h " + s.previousRect.height.toFixed(0) + "→" + s.currentRect.height.toFixed(0)).join(", "));
    }
  }).observe({ type: "layout-shift", buffered: true });
} catch (e) { window.__cls = -1; }
`

// noDraft opens a fragment and removes the draft the page then saves, so
// that the next load is a first visit's.
func (p *page) noDraft(frag string) {
	p.t.Helper()
	p.open(frag)
	// The address bar and the draft are written in the same save; an
	// opened link's own state is not stored as a draft.
	p.waitFor(`location.hash.length > 1`)
	eval[any](p, `localStorage.clear()`)
}

// layoutShift reports the layout shift of a first visit (default, an
// example; laptop and phone), measured from the first paint to a second
// after the engine is ready (the link meter comes later). On the phone a
// response longer than the 7 lines kept for it (a 400 with a body wraps
// to 9) moves the Why pane under it.
func layoutShift(p *page) {
	t := p.t
	for _, c := range []struct {
		w, h int64
		frag string
	}{{1366, 768, ""}, {1366, 768, "ex=syntax-space-before-colon"}, {360, 740, ""}, {360, 740, "ex=syntax-space-before-colon"}} {
		p.viewport(c.w, c.h)
		p.noDraft(c.frag)
		p.open(c.frag)
		time.Sleep(time.Second)
		cls := eval[float64](p, `window.__cls`)
		shifts := eval[[]string](p, `window.__shifts`)
		t.Logf("layout shift, %d×%d #%s: CLS %.4f %q", c.w, c.h, c.frag, cls, shifts)
	}
}

// layoutLargestPaint checks that the page's largest contentful paint is
// its first: the request text, which the prerendered overlay draws
// (wasm/gen overlaySection). A later, larger paint, such as the overlay
// first drawn by the .wasm, would put the largest paint after the .wasm's
// download, seconds later on a slow network.
func layoutLargestPaint(p *page) {
	t := p.t
	for _, c := range []struct{ w, h int64 }{{1366, 768}, {360, 740}} {
		p.viewport(c.w, c.h)
		p.noDraft("")
		p.open("")
		p.waitFor(`performance.getEntriesByName("first-render").length > 0`)
		eval[any](p, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))`)
		got := eval[[]string](p, `new Promise(res => new PerformanceObserver(l => res(l.getEntries().map(e =>
			(e.element ? e.element.id || e.element.tagName : "?") + " at " + Math.round(e.startTime) + " ms, " + e.size + " px²"))).observe({ type: "largest-contentful-paint", buffered: true }))`)
		if len(got) != 1 || !strings.HasPrefix(got[0], ui.IDOverlay+" ") {
			t.Errorf("%d×%d: largest contentful paints %q, want one, of #%s", c.w, c.h, got, ui.IDOverlay)
		}
	}
}

// watchIcon records the browser's requests for an icon (the page's
// favicon, or /favicon.ico when the page names none) and their statuses.
func watchIcon(t *testing.T, p *page) func() map[string]int64 {
	t.Helper()
	if _, err := chromedp.Call(p.ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	seen := map[string]int64{}
	responses := chromedp.Events(p.ctx, network.ResponseReceived)
	go func() {
		for ev, err := range responses {
			if err != nil {
				return
			}
			if u := ev.Response.URL; strings.Contains(u, "favicon") {
				mu.Lock()
				seen[strings.TrimPrefix(u, p.base)] = ev.Response.Status
				mu.Unlock()
			}
		}
	}()
	return func() map[string]int64 {
		mu.Lock()
		defer mu.Unlock()
		out := map[string]int64{}
		for k, v := range seen {
			out[k] = v
		}
		return out
	}
}

// layoutFavicon: the favicon the page names is an SVG that loads, and the
// browser's icon requests succeed (no /favicon.ico 404).
func layoutFavicon(p *page, icons func() map[string]int64) {
	t := p.t
	p.open("")
	href := eval[string](p, `(document.querySelector('link[rel="icon"]') || {}).href || ""`)
	if href == "" {
		t.Fatal(`the page names no icon (<link rel="icon">)`)
	}
	got := eval[map[string]any](p, `fetch(`+strconv.Quote(href)+`).then(async (r) => ({ status: r.status, type: r.headers.get("content-type"), svg: (await r.text()).includes("<svg") }))`)
	if got["status"] != 200.0 || !strings.HasPrefix(got["type"].(string), "image/svg+xml") || got["svg"] != true {
		t.Errorf("the icon %s: %v", href, got)
	}
	// Headless Chromium may request no icon at all; any it did request
	// must have succeeded (no /favicon.ico 404).
	for u, st := range icons() {
		if st != 200 {
			t.Errorf("the browser's icon request %s got %d", u, st)
		}
	}
	t.Logf("icon requests: %v", icons())
}

// layoutScreenshots writes docs/screenshots/light.png and dark.png at
// 1366×768, phone.png at 360×740, and compare.png and reverse.png at
// 1366×768, with -update.
func layoutScreenshots(p *page) {
	t := p.t
	if !*update {
		t.Skip("run with -update to rewrite docs/screenshots/{light,dark,phone,compare,reverse}.png")
	}
	for _, shot := range []struct {
		name, theme string
		w, h        int64
	}{{"light", "light", 1366, 768}, {"dark", "dark", 1366, 768}, {"phone", "light", 360, 740}} {
		p.viewport(shot.w, shot.h)
		p.noDraft("") // no "restore my draft"
		p.open("")
		eval[any](p, `document.documentElement.dataset.theme = "`+shot.theme+`"`)
		time.Sleep(500 * time.Millisecond) // the link meter
		png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(screenshotDir, shot.name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eval[any](p, `delete document.documentElement.dataset.theme`)
	// The comparison of every server profile, and reverse mode's clients
	// table, each from its gallery example, once its view has rendered.
	p.viewport(1366, 768)
	for _, shot := range []struct{ name, frag, ready string }{
		{"compare", "ex=servers-rfc6455-sample", `!document.getElementById("compare").hidden && document.querySelector("#compare-body table")`},
		{"reverse", "ex=client-subprotocol-missing", `document.querySelector("#explanation table.clients")`},
	} {
		p.noDraft("")
		p.open(shot.frag)
		p.waitFor(shot.ready)
		png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(screenshotDir, shot.name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
