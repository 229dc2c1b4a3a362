package site

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/render"
)

// TestLearn drives the learning features in one browser tab (one Chromium
// for all its subtests): the gallery, predict-then-reveal by keyboard,
// links, the trace, the diagram, Copy as, shortcuts, themes, the phone
// layout and axe-core.
func TestLearn(t *testing.T) {
	p := openPageFor(t, 4*time.Minute)
	p.open("")
	for _, c := range []struct {
		name string
		fn   func(*page)
	}{
		{"gallery", learnGallery},
		{"predict-keyboard", learnPredict},
		{"link-round-trip", learnLinks},
		{"draft", learnDraft},
		{"link-size", learnLinkSize},
		{"trace", learnTrace},
		{"diagram", learnDiagram},
		{"copy-as", learnCopyAs},
		{"shortcuts", learnShortcuts},
		{"invisible", learnInvisible},
		{"phone", learnPhone},
		{"axe", learnAxe},
		{"screenshot", learnScreenshot},
	} {
		t.Run(c.name, func(t *testing.T) { c.fn(p.as(t)) })
	}
}

// as returns the page for a subtest: same tab, failures reported to t.
func (p *page) as(t *testing.T) *page { return &page{t: t, ctx: p.ctx, base: p.base} }

// setRequest replaces the editor's text (an input event, as after a paste)
// and waits for the page to show the engine's answer.
func (p *page) setRequest(text string) *engine.Result {
	p.t.Helper()
	eval[any](p, `(() => { const r = document.getElementById("request"); r.value = `+strconv.Quote(text)+`; r.dispatchEvent(new Event("input")); })()`)
	raw := engine.EditorBytes(text, "")
	res := engine.Negotiate(raw, nil)
	want := strings.ReplaceAll(string(res.Bytes()), "\r\n", "\n")
	// #copy-nc is unique to the bytes: it shows the render is of this text.
	p.waitFor(`document.getElementById("response").textContent === ` + strconv.Quote(want) +
		` && document.getElementById("copy-nc").textContent === ` + strconv.Quote(render.Netcat(raw)))
	return res
}

func (p *page) key(keys string, mods ...chromedp.Modifier) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(keys, chromedp.KeyModifiers(mods...))); err != nil {
		p.t.Fatal(err)
	}
}

func (p *page) click(sel string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible)); err != nil {
		p.t.Fatalf("click %s: %v", sel, err)
	}
}

const activeID = `(document.activeElement && (document.activeElement.id || document.activeElement.tagName))`

// captureClipboard replaces navigator.clipboard.writeText with a recorder.
const captureClipboard = `(() => { window.__copied = null;
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async (t) => { window.__copied = t; } } }); })()`

func learnGallery(p *page) {
	t := p.t
	groups := map[string]bool{}
	for _, ex := range engine.Examples() {
		groups[ex.Group] = true
	}
	if n := eval[int](p, `document.querySelectorAll("#examples optgroup").length`); n != len(groups) {
		t.Errorf("the examples menu has %d groups, want %d", n, len(groups))
	}
	menu := eval[[]string](p, `[...document.querySelectorAll("#examples optgroup option")].map(o => o.value)`)
	exs := eval[[]map[string]any](p, `playground.examples()`)
	if len(menu) != len(engine.Examples()) || len(exs) != len(menu) {
		t.Fatalf("menu has %d examples, playground.examples() %d, the engine %d", len(menu), len(exs), len(engine.Examples()))
	}
	for i, ex := range engine.Examples() {
		if menu[i] != ex.ID || exs[i]["id"] != ex.ID || exs[i]["title"] != ex.Title {
			t.Errorf("example %d: menu %q, examples() %v, want %q %q", i, menu[i], exs[i], ex.ID, ex.Title)
		}
	}
	// The browsable gallery: group headings, each example's title with its
	// lesson as the subtitle; a click opens it in place (no history entry).
	if n := eval[int](p, `document.querySelectorAll("#gallery h3").length`); n != len(groups) {
		t.Errorf("the gallery has %d group headings, want %d", n, len(groups))
	}
	items := eval[[]map[string]string](p, `[...document.querySelectorAll("#gallery a[data-ex]")].map(a => ({ id: a.dataset.ex, title: a.querySelector(".title").textContent, lesson: a.querySelector(".lesson").textContent }))`)
	if len(items) != len(engine.Examples()) {
		t.Fatalf("the gallery lists %d examples, want %d", len(items), len(engine.Examples()))
	}
	for i, ex := range engine.Examples() {
		if items[i]["id"] != ex.ID || items[i]["title"] != ex.Title || items[i]["lesson"] != ex.Lesson {
			t.Errorf("gallery item %d = %v, want %s %q %q", i, items[i], ex.ID, ex.Title, ex.Lesson)
		}
	}
	pick := engine.Examples()[len(engine.Examples())/2]
	entries := eval[int](p, `history.length`)
	eval[any](p, `document.querySelector("details.gallery").open = true`)
	p.click(`#gallery a[data-ex="` + pick.ID + `"]`)
	p.waitFor(`document.getElementById("examples").value === "` + pick.ID + `" && document.querySelector('#gallery a[aria-current]').dataset.ex === "` + pick.ID + `"`)
	if got := eval[string](p, `document.getElementById("request").value`); got != engine.EditorText(pick.Request, "") {
		t.Errorf("the gallery link %s loaded %q", pick.ID, got)
	}
	if n := eval[int](p, `history.length`); n != entries {
		t.Errorf("opening from the gallery added history entries (%d → %d)", entries, n)
	}
	eval[any](p, `document.querySelector("details.gallery").open = false`)

	// Open every example by its link, in the page (one evaluation).
	var ids []string
	for _, ex := range engine.Examples() {
		ids = append(ids, ex.ID)
	}
	idsJSON := `["` + strings.Join(ids, `","`) + `"]`
	shown := eval[[]map[string]any](p, `(async (ids) => {
		const out = [], t0 = performance.now();
		for (const id of ids) {
			const changed = new Promise(r => addEventListener("hashchange", r, { once: true }));
			location.hash = "ex=" + id;
			await changed;
			const l = document.getElementById("example-lesson");
			out.push({ id, select: document.getElementById("examples").value,
				status: document.getElementById("response").dataset.status,
				text: document.getElementById("response").textContent,
				lesson: l.hidden ? "" : l.textContent,
				editor: document.getElementById("request").value });
		}
		out.push({ ms: performance.now() - t0 });
		return out;
	})(`+idsJSON+`)`)
	t.Logf("%d examples opened in %.0f ms", len(ids), shown[len(shown)-1]["ms"])
	for i, ex := range engine.Examples() {
		got := shown[i]
		cfg := ex.Config()
		res := engine.Negotiate(ex.Request, &cfg)
		if res.Status() != ex.Expect {
			t.Errorf("%s: the engine answers %d, the example expects %d", ex.ID, res.Status(), ex.Expect)
		}
		if got["select"] != ex.ID {
			t.Errorf("%s: the menu shows %v", ex.ID, got["select"])
		}
		if got["status"] != strconv.Itoa(res.Status()) || got["text"] != strings.ReplaceAll(string(res.Bytes()), "\r\n", "\n") {
			t.Errorf("%s: the page shows %v %q, want %d %q", ex.ID, got["status"], got["text"], res.Status(), res.Bytes())
		}
		if l, _ := got["lesson"].(string); !strings.Contains(l, ex.Title) || !strings.Contains(l, ex.Lesson) {
			t.Errorf("%s: the lesson line is %q", ex.ID, l)
		}
		if got["editor"] != engine.EditorText(ex.Request, "") {
			t.Errorf("%s: the editor holds %q", ex.ID, got["editor"])
		}
	}
}

func learnPredict(p *page) {
	t := p.t
	ex, ok := engine.LookupExample(firstExampleWithStatus(400))
	if !ok || ex.Expect != 400 {
		t.Fatal("no example answers 400")
	}
	p.open("ex=" + ex.ID + "&mode=predict")
	hidden := `getComputedStyle(document.getElementById("response")).display === "none" && getComputedStyle(document.querySelector(".why-pane")).display === "none" && getComputedStyle(document.querySelector(".exchange")).display === "none"`
	if !eval[bool](p, hidden) {
		t.Fatal("in predict mode the response, the diagram or the Why pane is visible before the reveal")
	}
	if s := eval[string](p, `document.getElementById("status").textContent`); strings.Contains(s, "400") {
		t.Errorf("the status line gives the answer away: %q", s)
	}
	// Keyboard only: Tab to the choices, arrow to 400, Tab to Reveal, Enter.
	eval[any](p, `document.activeElement && document.activeElement.blur()`)
	for i := 0; i < 80 && eval[string](p, `document.activeElement.name || ""`) != "predict"; i++ {
		p.key(kb.Tab)
	}
	if eval[string](p, `document.activeElement.name || ""`) != "predict" {
		t.Fatalf("Tab never reached the predict choices (focus on %s)", eval[string](p, activeID))
	}
	for i := 0; i < 40 && eval[string](p, `document.activeElement.value`) != "400"; i++ {
		p.key(kb.ArrowDown)
	}
	if got := eval[string](p, `(document.querySelector("#predict input:checked") || {}).value || ""`); got != "400" {
		t.Fatalf("arrow keys did not select 400 (checked %q)", got)
	}
	p.key(kb.Tab)
	if id := eval[string](p, activeID); id != "predict-reveal" {
		t.Fatalf("after the choices Tab went to %s, want the Reveal button", id)
	}
	p.key(kb.Enter)
	p.waitFor(`document.querySelector("#predict-outcome.right")`)
	if eval[bool](p, hidden) {
		t.Error("the answer stays hidden after the reveal")
	}
	why := render.PredictReason(engine.Negotiate(ex.Request, ptr(ex.Config())))
	if got := eval[string](p, `document.getElementById("predict-outcome").textContent`); !strings.Contains(got, why) || !strings.Contains(got, "400 Bad Request") {
		t.Errorf("the outcome %q does not give the status and the reason %q", got, why)
	}
	if id := eval[string](p, activeID); id != "predict-outcome" {
		t.Errorf("focus after the reveal is on %s, want the outcome", id)
	}
	// Again, with a wrong guess: Tab to "predict again", Enter, Space on the
	// first choice (101), Tab, Enter.
	p.key(kb.Tab)
	p.key(kb.Enter)
	p.waitFor(`document.querySelector("#predict input[name=predict]") && document.activeElement.name === "predict"`)
	p.key(" ")
	p.key(kb.Tab)
	p.key(kb.Enter)
	p.waitFor(`document.querySelector("#predict-outcome.wrong")`)
	if got := eval[string](p, `document.getElementById("predict-outcome").textContent`); !strings.Contains(got, "you expected 101") {
		t.Errorf("the wrong-guess outcome says %q", got)
	}
	p.waitFor(`location.hash.includes("mode=predict")`)
	// The toggle leaves the mode; the link no longer carries it.
	p.click("#predict-toggle")
	p.waitFor(`!document.body.dataset.mode && !location.hash.includes("mode=")`)
	if eval[bool](p, hidden) {
		t.Error("the answer is hidden after leaving predict mode")
	}
}

func ptr[T any](v T) *T { return &v }

// fragmentReq decodes the req value of a fragment or URL.
func fragmentReq(t *testing.T, s string) []byte {
	t.Helper()
	_, frag, _ := strings.Cut(s, "#")
	vals, err := url.ParseQuery(frag)
	if err != nil {
		t.Fatalf("fragment %q: %v", frag, err)
	}
	b, err := base64.RawURLEncoding.DecodeString(vals.Get("req"))
	if err != nil {
		t.Fatalf("req in %q: %v", frag, err)
	}
	return b
}

func learnLinks(p *page) {
	t := p.t
	for _, req := range []string{
		"GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
		"GET / HTTP/1.1\nHost: a\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\n\n",
		"POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhe\x00\tl",
	} {
		frag := "req=" + base64.RawURLEncoding.EncodeToString([]byte(req))
		p.open(frag)
		p.waitFor(`location.hash.length > 1 && document.getElementById("link-size").textContent !== ""`)
		if got := fragmentReq(t, eval[string](p, `location.hash`)); !bytes.Equal(got, []byte(req)) {
			t.Errorf("the address bar after opening carries %q, want %q", got, req)
		}
		eval[any](p, captureClipboard)
		p.click("#copy-link")
		p.waitFor(`window.__copied !== null`)
		if got := fragmentReq(t, eval[string](p, `window.__copied`)); !bytes.Equal(got, []byte(req)) {
			t.Errorf("Copy link shares %q, want %q", got, req)
		}
	}
	// Without a clipboard the link is offered selected in a read-only field.
	eval[any](p, `Object.defineProperty(navigator, "clipboard", { configurable: true, value: undefined })`)
	p.click("#copy-link")
	p.waitFor(`!document.getElementById("copy-fallback").hidden`)
	st := eval[map[string]any](p, `(() => { const i = document.getElementById("copy-fallback-text");
		return { value: i.value, href: location.href, readOnly: i.readOnly, focused: document.activeElement === i, start: i.selectionStart, end: i.selectionEnd }; })()`)
	if st["value"] != st["href"] || st["readOnly"] != true || st["focused"] != true || st["start"] != 0.0 || st["end"] != float64(len(st["value"].(string))) {
		t.Errorf("the copy fallback is %v, want the link, read-only, focused and selected", st)
	}
	p.click("#copy-fallback-close")
}

func learnDraft(p *page) {
	t := p.t
	draft := "GET /my-draft HTTP/1.1\r\nHost: draft.example\r\n\r\n"
	link := "GET /from-link HTTP/1.1\r\nHost: link.example\r\n\r\n"
	p.open("")
	// Wait for the page's own (debounced) save before replacing the draft.
	p.waitFor(`location.hash.length > 1 && localStorage.getItem("upgrade-playground.draft") === location.hash.slice(1)`)
	eval[any](p, `localStorage.setItem("upgrade-playground.draft", "req=`+base64.RawURLEncoding.EncodeToString([]byte(draft))+`")`)
	p.open("req=" + base64.RawURLEncoding.EncodeToString([]byte(link)))
	if got := eval[string](p, `document.getElementById("request").value`); got != engine.EditorText([]byte(link), "") {
		t.Errorf("the link should win over the draft; editor holds %q", got)
	}
	p.waitFor(`!document.getElementById("restore-draft").hidden`)
	// Saving the link's state replaces the stored draft; restoring must
	// still bring back the one the link replaced.
	p.waitFor(`localStorage.getItem("upgrade-playground.draft") === location.hash.slice(1)`)
	p.click("#restore-draft")
	p.waitFor(`document.getElementById("request").value === ` + strconv.Quote(engine.EditorText([]byte(draft), "")))
	if !eval[bool](p, `document.getElementById("restore-draft").hidden`) {
		t.Error("the restore button stays after restoring")
	}
	// A link opened in the running page replaces the work, which stays
	// restorable. (First the restored draft reaches the address bar.)
	p.waitFor(`location.hash.includes("` + base64.RawURLEncoding.EncodeToString([]byte(draft)) + `")`)
	eval[any](p, `location.hash = "req=`+base64.RawURLEncoding.EncodeToString([]byte(link))+`"`)
	p.waitFor(`document.getElementById("request").value === ` + strconv.Quote(engine.EditorText([]byte(link), "")))
	p.waitFor(`!document.getElementById("restore-draft").hidden`)
	p.click("#restore-draft")
	p.waitFor(`document.getElementById("request").value === ` + strconv.Quote(engine.EditorText([]byte(draft), "")))
}

func learnLinkSize(p *page) {
	t := p.t
	p.open("")
	big := "POST / HTTP/1.1\nHost: a\nContent-Length: 20000\n\n" + strings.Repeat("x", 20000)
	p.setRequest(big)
	p.waitFor(`document.getElementById("link-size").classList.contains("over")`)
	if got := eval[string](p, `document.getElementById("link-size").textContent`); !strings.Contains(got, "too large") || !strings.Contains(got, strconv.Itoa(engine.MaxFragment)) {
		t.Errorf("the link meter says %q", got)
	}
	eval[any](p, captureClipboard)
	p.click("#copy-link")
	p.waitFor(`document.getElementById("status").textContent.includes("too large")`)
	if eval[bool](p, `window.__copied !== null`) {
		t.Error("a link too large to open was copied")
	}
	p.setRequest("GET / HTTP/1.1\nHost: a\n\n")
	p.waitFor(`!document.getElementById("link-size").classList.contains("over")`)
}

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
	for _, i := range render.StepsOnLine(res, line2) {
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
}

func learnDiagram(p *page) {
	t := p.t
	for _, req := range []string{
		"GET /chat HTTP/1.1\nHost: a\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\nSec-WebSocket-Version: 13\n\n",
		"GET /chat HTTP/1.1\nHost : a\nUpgrade: websocket\n\n",
		"POST / HTTP/1.1\nHost: a\nContent-Length: 10\nExpect: 100-continue\n\n",
	} {
		res := p.setRequest(req)
		title := render.DiagramTitle(res)
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
	eval[any](p, `document.querySelector("details.copy-as").open = true`)
	req := "GET /chat HTTP/1.1\nHost: a\nUpgrade: websocket\nConnection: Upgrade\n\n"
	res := p.setRequest(req)
	raw := engine.EditorBytes(req, "")
	cf := render.Curl(raw, res)
	if !cf.Exact {
		t.Fatalf("the curl form of a plain request is not exact: %v", cf.Problems)
	}
	if got := eval[string](p, `document.getElementById("copy-curl").textContent`); got != cf.Command {
		t.Errorf("curl shown %q, want %q", got, cf.Command)
	}
	if got := eval[string](p, `document.getElementById("copy-nc").textContent`); got != render.Netcat(raw) {
		t.Errorf("nc shown %q", got)
	}
	eval[any](p, captureClipboard)
	p.click(`#copy-as button[data-copy="copy-nc"]`)
	p.waitFor(`window.__copied !== null`)
	if got := eval[string](p, `window.__copied`); got != render.Netcat(raw) {
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
	want := engine.EditorBytes(withNUL, "")
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
	for _, pane := range []string{"#explanation", "#response", "#after", "#diagram"} {
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
	for _, frag := range []string{"", "ex=" + engine.Examples()[0].ID + "&mode=predict"} {
		p.open(frag)
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

// firstExampleWithStatus is the id of the first example answered with the
// status.
func firstExampleWithStatus(status int) string {
	for _, e := range engine.Examples() {
		if e.Expect == status {
			return e.ID
		}
	}
	return engine.Examples()[0].ID
}

// learnScreenshot captures the page explaining a refusal, with the decisive
// trace step selected and the diagram in view; -update writes it to
// screenshots/trace.png for the README.
func learnScreenshot(p *page) {
	t := p.t
	// No "restore my draft" in the picture: remove the draft once the page
	// has saved its own.
	p.waitFor(`location.hash.length > 1 && localStorage.getItem("upgrade-playground.draft") === location.hash.slice(1)`)
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
		if err := os.WriteFile("screenshots/trace.png", shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
