package browser

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// The TestLearn subtests about the panes: the trace, the diagram, Copy
// as, shortcuts and themes, invisible bytes, the phone layout, and the
// README screenshot.

func learnTrace(p *page) {
	t := p.t
	text := "GET / HTTP/1.1\nHost : example.com\nUpgrade: websocket\n\n"
	res := p.setRequest(text)
	raw := res.Request.Raw
	if res.Decisive < 0 {
		t.Fatal("no decisive step")
	}
	// The number of steps and their order are the engine's.
	outcomes := eval[[]string](p, `[...document.querySelectorAll("#explanation .trace li")].map(li => li.className.split(" ")[1])`)
	if len(outcomes) != len(res.Trace) {
		t.Fatalf("the trace lists %d steps, the engine made %d", len(outcomes), len(res.Trace))
	}
	for i, s := range res.Trace {
		if outcomes[i] != s.Outcome.String() {
			t.Errorf("step %d is %q, want %q", i, outcomes[i], s.Outcome)
		}
	}
	want := func(i int) string {
		sp := res.Trace[i].Span
		e := max(sp.End, sp.Start+1)
		return string(raw[sp.Start:e])
	}
	// Click the decisive step: its bytes are marked in the overlay.
	p.click("#explanation .trace li.decisive button.check")
	p.waitFor(`document.querySelector("#request-overlay mark.selected")`)
	if got := eval[string](p, `[...document.querySelectorAll("#request-overlay mark.selected")].map(m => m.textContent).join("")`); got != want(res.Decisive) {
		t.Errorf("the selected step marks %q, want %q", got, want(res.Decisive))
	}
	if eval[string](p, `document.querySelector("#explanation li.decisive button.check").getAttribute("aria-pressed")`) != "true" {
		t.Error("the selected step's button is not pressed")
	}
	// By keyboard: focus another step with a span, press Enter.
	other := -1
	for i, s := range res.Trace {
		if i != res.Decisive && !s.Span.Empty() && !bytes.ContainsAny(raw[s.Span.Start:s.Span.End], "\r\n") {
			other = i
			break
		}
	}
	eval[any](p, `document.querySelector('#explanation li[data-step="`+strconv.Itoa(other)+`"] button.check').focus()`)
	p.key(kb.Enter)
	p.waitFor(`document.querySelector('#explanation li[data-step="` + strconv.Itoa(other) + `"]').classList.contains("selected")`)
	if got := eval[string](p, `[...document.querySelectorAll("#request-overlay mark.selected")].map(m => m.textContent).join("")`); got != want(other) {
		t.Errorf("step %d marks %q, want %q", other, got, want(other))
	}
	// A step far down a long request is scrolled into view in the editor,
	// the overlay following.
	long := "GET / HTTP/1.1\n" + strings.Repeat("X-Filler: 0123456789\n", 60) + "Host : a\n\n"
	p.setRequest(long)
	eval[any](p, `document.getElementById("request").scrollTop = 0`)
	p.click("#explanation .trace li.decisive button.check")
	p.waitFor(`document.querySelector("#request-overlay mark.selected")`)
	view := eval[map[string]float64](p, `(() => { const r = document.getElementById("request"), o = document.getElementById("request-overlay");
		const m = o.querySelector("mark.selected").getBoundingClientRect(), b = r.getBoundingClientRect();
		return { top: r.scrollTop, overlay: o.scrollTop, inside: (m.top >= b.top && m.bottom <= b.bottom) ? 1 : 0 }; })()`)
	if view["top"] == 0 || view["overlay"] != view["top"] || view["inside"] != 1 {
		t.Errorf("the selected step at line 62 is not scrolled into view with the overlay in step: %v", view)
	}
	p.setRequest(text)

	// Reverse: the cursor on line 2 marks the steps about line 2.
	eval[any](p, `(() => { const r = document.getElementById("request"); r.focus(); r.setSelectionRange(0, 0); })()`)
	p.key(kb.ArrowDown)
	line2 := bytes.IndexByte(raw, '\n') + 1
	var wantSteps []string
	for _, i := range ui.StepsOnLine(res, line2) {
		wantSteps = append(wantSteps, strconv.Itoa(i))
	}
	if len(wantSteps) == 0 {
		t.Fatal("no step is about line 2")
	}
	p.waitFor(`document.querySelectorAll("#explanation li.at-cursor").length > 0`)
	got := eval[[]string](p, `[...document.querySelectorAll("#explanation li.at-cursor")].map(li => li.dataset.step)`)
	if strings.Join(got, ",") != strings.Join(wantSteps, ",") {
		t.Errorf("with the cursor on line 2 the steps %v are marked, want %v", got, wantSteps)
	}
	if !strings.Contains(","+strings.Join(got, ",")+",", ","+strconv.Itoa(res.Decisive)+",") {
		t.Errorf("the decisive step (on line 2) is not among the marked steps %v", got)
	}
	// Leaving the editor clears the marks.
	p.key(kb.Tab)
	p.waitFor(`document.querySelectorAll("#explanation li.at-cursor").length === 0`)
}

func learnDiagram(p *page) {
	t := p.t
	for _, req := range []string{
		"GET /chat HTTP/1.1\nHost: a\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\nSec-WebSocket-Version: 13\n\n",
		"GET /chat HTTP/1.1\nHost : a\nUpgrade: websocket\n\n",
		"POST / HTTP/1.1\nHost: a\nContent-Length: 10\nExpect: 100-continue\n\n",
	} {
		res := p.setRequest(req)
		title := ui.DiagramTitle(res)
		p.waitFor(`(document.querySelector("#diagram svg title") || {}).textContent === ` + strconv.Quote(title))
		if eval[string](p, `document.querySelector("#diagram svg").namespaceURI`) != "http://www.w3.org/2000/svg" {
			t.Error("the diagram is not in the SVG namespace")
		}
		if res.Final != nil {
			cls := "s" + strconv.Itoa(res.Final.Status/100) + "xx"
			if !eval[bool](p, `!!document.querySelector("#diagram g.final.`+cls+` polygon")`) {
				t.Errorf("%d: no %s arrow", res.Final.Status, cls)
			}
		}
		if w := eval[float64](p, `document.querySelector("#diagram svg").getBoundingClientRect().width`); w < 100 {
			t.Errorf("the diagram is %v px wide", w)
		}
		t.Logf("%s", title)
	}
}

func learnCopyAs(p *page) {
	t := p.t
	// Closed, Copy as is empty: its forms are built when it opens.
	p.setRequest("GET / HTTP/1.1\nHost: a\n\n")
	if n := eval[int](p, `document.getElementById("copy-as").childElementCount`); n != 0 {
		t.Errorf("Copy as is closed but holds %d elements", n)
	}
	eval[any](p, `document.querySelector("details.copy-as").open = true`)
	p.waitFor(`document.getElementById("copy-nc")`)
	req := "GET /chat HTTP/1.1\nHost: a\nUpgrade: websocket\nConnection: Upgrade\n\n"
	res := p.setRequest(req)
	raw := editor.Bytes(req, "")
	cf := ui.Curl(raw, res)
	if !cf.Exact {
		t.Fatalf("the curl form of a plain request is not exact: %v", cf.Problems)
	}
	if got := eval[string](p, `document.getElementById("copy-curl").textContent`); got != cf.Command {
		t.Errorf("curl shown %q, want %q", got, cf.Command)
	}
	if got := eval[string](p, `document.getElementById("copy-nc").textContent`); got != ui.Netcat(raw) {
		t.Errorf("nc shown %q", got)
	}
	eval[any](p, captureClipboard)
	p.click(`#copy-as button[data-copy="copy-nc"]`)
	p.waitFor(`window.__copied !== null`)
	if got := eval[string](p, `window.__copied`); got != ui.Netcat(raw) {
		t.Errorf("copied %q", got)
	}
	eval[any](p, `window.__copied = null`)
	p.click("#copy-response")
	p.waitFor(`window.__copied !== null`)
	if got := eval[string](p, `window.__copied`); got != string(res.Bytes()) {
		t.Errorf("Copy response gave %q, want the exact bytes %q", got, res.Bytes())
	}
	// The raw download is a Blob with the exact bytes.
	if _, err := chromedp.Call(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorDeny}); err != nil {
		t.Fatal(err)
	}
	withNUL := "POST / HTTP/1.1\nHost: a\nContent-Length: 3\n\na␀⟨FF⟩"
	p.setRequest(withNUL)
	eval[any](p, `(() => { window.__blob = null; const orig = URL.createObjectURL; URL.createObjectURL = (b) => { window.__blob = b; return orig.call(URL, b); }; })()`)
	p.click("#download-raw")
	p.waitFor(`window.__blob !== null`)
	got := eval[[]int](p, `window.__blob.arrayBuffer().then(b => [...new Uint8Array(b)])`)
	want := editor.Bytes(withNUL, "")
	if !bytes.HasSuffix(want, []byte("\r\n\r\na\x00\xff")) {
		t.Fatalf("the editor notation gave %q", want)
	}
	gotB := make([]byte, len(got))
	for i, v := range got {
		gotB[i] = byte(v)
	}
	if !bytes.Equal(gotB, want) {
		t.Errorf("downloaded %q, want %q", gotB, want)
	}
	// A bare LF cannot be sent by curl: the panel says so.
	p.setRequest("GET / HTTP/1.1␊\nHost: a\n\n")
	p.waitFor(`!document.getElementById("copy-curl") && document.getElementById("copy-curl-why")`)
	if got := eval[string](p, `document.getElementById("copy-curl-why").textContent`); !strings.Contains(got, "bare LF") {
		t.Errorf("the curl explanation is %q", got)
	}
}

func learnShortcuts(p *page) {
	t := p.t
	eval[any](p, `document.activeElement && document.activeElement.blur()`)
	p.key("?")
	p.waitFor(`document.getElementById("help").open`)
	if n := eval[int](p, `document.querySelectorAll("#help kbd").length`); n < 5 {
		t.Errorf("the help lists %d keys", n)
	}
	p.key(kb.Escape)
	p.waitFor(`!document.getElementById("help").open`)
	p.key("e", chromedp.ModifierAlt, chromedp.ModifierShift)
	if id := eval[string](p, activeID); id != "request" {
		t.Errorf("Alt+Shift+E focused %s", id)
	}
	p.key("w", chromedp.ModifierAlt, chromedp.ModifierShift)
	if !eval[bool](p, `document.activeElement.matches("#explanation .trace button.check")`) {
		t.Errorf("Alt+Shift+W focused %s", eval[string](p, activeID))
	}
	// Theme toggle: persisted, and the page colours change.
	before := eval[string](p, `getComputedStyle(document.body).backgroundColor`)
	p.key("t", chromedp.ModifierAlt, chromedp.ModifierShift)
	theme := eval[string](p, `document.documentElement.dataset.theme || ""`)
	if theme == "" || eval[string](p, `localStorage.getItem("upgrade-playground.theme")`) != theme {
		t.Errorf("the theme toggle set %q and stored %q", theme, eval[string](p, `localStorage.getItem("upgrade-playground.theme")`))
	}
	if after := eval[string](p, `getComputedStyle(document.body).backgroundColor`); after == before {
		t.Errorf("the background stays %s after switching the theme", after)
	}
	p.click("#theme-toggle")
	// A visible focus indicator on a focused control.
	eval[any](p, `document.getElementById("copy-link").blur()`)
	p.key("x", chromedp.ModifierAlt, chromedp.ModifierShift)
	p.key(kb.Tab)
	if o := eval[string](p, `getComputedStyle(document.activeElement).outlineStyle`); o == "none" {
		t.Errorf("the focused %s shows no outline", eval[string](p, activeID))
	}
}

func learnInvisible(p *page) {
	t := p.t
	// NUL, TAB, a bidi override and a zero-width space in a field value.
	req := "GET / HTTP/1.1\nHost: a␀b\nX-A: one\ttwo\nUpgrade: web\u200bsocket\u202e\nConnection: Upgrade\n\n"
	res := p.setRequest(req)
	kinds := eval[[]string](p, `[...document.querySelectorAll("#request-overlay mark.inv")].map(m => m.className)`)
	if len(kinds) < 4 {
		t.Errorf("the overlay marks %d invisible characters, want at least 4: %q", len(kinds), kinds)
	}
	for _, pane := range []string{"#explanation", "#response", "#after", "#diagram", "#copy-as"} {
		txt := eval[string](p, `document.querySelector("`+pane+`").textContent`)
		if strings.ContainsAny(txt, "\x00\u200b\u202e") {
			t.Errorf("%s shows an invisible character raw: %q", pane, txt)
		}
	}
	_ = res
}

func learnPhone(p *page) {
	t := p.t
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(360, 740)); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 900)) }()
	frags := []string{"", "ex=" + gallery.Examples()[0].ID + "&mode=predict"}
	seen := map[string]bool{}
	for _, ex := range gallery.Examples() { // the first example of each group
		if !seen[ex.Group] {
			seen[ex.Group] = true
			frags = append(frags, "ex="+ex.ID)
		}
	}
	for _, frag := range frags {
		if frag != "" {
			eval[any](p, `location.hash = "`+frag+`"`)
			id, _, _ := strings.Cut(strings.TrimPrefix(frag, "ex="), "&")
			p.waitFor(`document.getElementById("examples").value === "` + id + `"`)
		}
		if w := eval[int](p, `document.documentElement.scrollWidth`); w > 360 {
			wide := eval[[]string](p, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > 361).slice(0, 8).map(e => e.tagName + "#" + e.id + "." + e.className)`)
			t.Errorf("%q at 360 px: the page is %d px wide; too wide: %q", frag, w, wide)
		}
	}
	// The panes are stacked: the Response pane is below the Request pane.
	if !eval[bool](p, `document.querySelector(".response-pane").getBoundingClientRect().top >= document.querySelector(".request-pane").getBoundingClientRect().bottom`) {
		t.Error("at 360 px the panes are not stacked")
	}
}

// learnScreenshot captures the page explaining a refusal, with the decisive
// trace step selected and the diagram in view; -update writes it to
// docs/screenshots/trace.png for the README.
func learnScreenshot(p *page) {
	t := p.t
	// No "restore my draft" in the picture: remove the draft once the page
	// has saved (an opened link's state is not stored as a draft, so wait
	// out the page's debounced save rather than for the draft).
	p.waitFor(`location.hash.length > 1`)
	eval[any](p, `new Promise((r) => setTimeout(r, 400))`)
	eval[any](p, `localStorage.removeItem("upgrade-playground.draft")`)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 1250)); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = chromedp.Do(p.ctx, chromedp.EmulateViewport(1280, 900)) }()
	p.open("ex=" + firstExampleWithStatus(400))
	p.click("#explanation .trace li.decisive button.check")
	p.waitFor(`document.querySelector("#request-overlay mark.selected")`)
	eval[any](p, `window.scrollTo(0, 0)`)
	shot, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	if w := img.Bounds().Dx(); w != 1280 {
		t.Errorf("the screenshot is %d px wide, want 1280", w)
	}
	if *update {
		if err := os.WriteFile(filepath.Join(screenshotDir, "trace.png"), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
