package browser

import (
	"bytes"
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/link"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// TestLearn drives the learning features in one browser tab (one Chromium
// for all its subtests): the gallery, predict-then-reveal by keyboard,
// links, the trace, the diagram, Copy as, shortcuts, themes, the phone
// layout and axe-core.
func TestLearn(t *testing.T) {
	p := openPage(t)
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
	raw := editor.Bytes(text, "")
	res := engine.Negotiate(raw, nil)
	want := strings.ReplaceAll(string(res.Bytes()), "\r\n", "\n")
	// The overlay behind the editor holds the text the page last rendered
	// (and a line break to give a final empty line its height).
	p.waitFor(`document.getElementById("response").textContent === ` + strconv.Quote(want) +
		` && document.getElementById("request-overlay").textContent === ` + strconv.Quote(text+"\n"))
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
	for _, ex := range gallery.Examples() {
		groups[ex.Group] = true
	}
	if n := eval[int](p, `document.querySelectorAll("#examples optgroup").length`); n != len(groups) {
		t.Errorf("the examples menu has %d groups, want %d", n, len(groups))
	}
	menu := eval[[]string](p, `[...document.querySelectorAll("#examples optgroup option")].map(o => o.value)`)
	exs := eval[[]map[string]any](p, `playground.examples()`)
	if len(menu) != len(gallery.Examples()) || len(exs) != len(menu) {
		t.Fatalf("menu has %d examples, playground.examples() %d, the engine %d", len(menu), len(exs), len(gallery.Examples()))
	}
	for i, ex := range gallery.Examples() {
		if menu[i] != ex.ID || exs[i]["id"] != ex.ID || exs[i]["title"] != ex.Title {
			t.Errorf("example %d: menu %q, examples() %v, want %q %q", i, menu[i], exs[i], ex.ID, ex.Title)
		}
	}
	// The browsable gallery, built when first opened: group headings, each
	// example's title with its lesson as the subtitle; a click opens it in
	// place (no history entry).
	if n := eval[int](p, `document.getElementById("gallery").childElementCount`); n != 0 {
		t.Errorf("the gallery is closed but holds %d elements", n)
	}
	eval[any](p, `document.querySelector("details.gallery").open = true`)
	p.waitFor(`document.querySelector("#gallery h3")`)
	if n := eval[int](p, `document.querySelectorAll("#gallery h3").length`); n != len(groups) {
		t.Errorf("the gallery has %d group headings, want %d", n, len(groups))
	}
	items := eval[[]map[string]string](p, `[...document.querySelectorAll("#gallery a[data-ex]")].map(a => ({ id: a.dataset.ex, title: a.querySelector(".title").textContent, lesson: a.querySelector(".lesson").textContent }))`)
	if len(items) != len(gallery.Examples()) {
		t.Fatalf("the gallery lists %d examples, want %d", len(items), len(gallery.Examples()))
	}
	for i, ex := range gallery.Examples() {
		if items[i]["id"] != ex.ID || items[i]["title"] != ex.Title || items[i]["lesson"] != ex.Lesson {
			t.Errorf("gallery item %d = %v, want %s %q %q", i, items[i], ex.ID, ex.Title, ex.Lesson)
		}
	}
	pick := gallery.Examples()[len(gallery.Examples())/2]
	entries := eval[int](p, `history.length`)
	p.click(`#gallery a[data-ex="` + pick.ID + `"]`)
	p.waitFor(`document.getElementById("examples").value === "` + pick.ID + `" && document.querySelector('#gallery a[aria-current]').dataset.ex === "` + pick.ID + `"`)
	if got := eval[string](p, `document.getElementById("request").value`); got != editor.Text(pick.Request, "") {
		t.Errorf("the gallery link %s loaded %q", pick.ID, got)
	}
	if n := eval[int](p, `history.length`); n != entries {
		t.Errorf("opening from the gallery added history entries (%d → %d)", entries, n)
	}
	eval[any](p, `document.querySelector("details.gallery").open = false`)

	// Open every example by its link, in the page (one evaluation).
	var ids []string
	for _, ex := range gallery.Examples() {
		ids = append(ids, ex.ID)
	}
	idsJSON := `["` + strings.Join(ids, `","`) + `"]`
	shown := eval[[]map[string]any](p, `(async (ids) => {
		const out = [], t0 = performance.now();
		for (const id of ids) {
			await (`+applyHashJS+`)("ex=" + id);
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
	for i, ex := range gallery.Examples() {
		got := shown[i]
		cfg := ex.Config()
		res := engine.Negotiate(ex.Request, &cfg)
		if ex.Response == nil && res.Status() != ex.Expect {
			t.Errorf("%s: the engine answers %d, the example expects %d", ex.ID, res.Status(), ex.Expect)
		}
		// #response shows the server's answer, or in reverse mode the
		// response the clients judge.
		text := ui.ResponseText(res)
		if ex.Response != nil {
			text = ui.ReverseText(ui.Judge(ex.Request, ex.Response))
		}
		if got["select"] != ex.ID {
			t.Errorf("%s: the menu shows %v", ex.ID, got["select"])
		}
		if got["status"] != strconv.Itoa(res.Status()) || got["text"] != text {
			t.Errorf("%s: the page shows %v %q, want %d %q", ex.ID, got["status"], got["text"], res.Status(), res.Bytes())
		}
		if l, _ := got["lesson"].(string); !strings.Contains(l, ex.Title) || !strings.Contains(l, ex.Lesson) {
			t.Errorf("%s: the lesson line is %q", ex.ID, l)
		}
		if got["editor"] != editor.Text(ex.Request, "") {
			t.Errorf("%s: the editor holds %q", ex.ID, got["editor"])
		}
	}
}

func learnPredict(p *page) {
	t := p.t
	ex, ok := gallery.Lookup(firstExampleWithStatus(400))
	if !ok || ex.Expect != 400 {
		t.Fatal("no example answers 400")
	}
	p.open("ex=" + ex.ID + "&mode=predict")
	hidden := `["#response", ".why-pane", ".exchange", "#example-lesson"].every(s => getComputedStyle(document.querySelector(s)).display === "none")`
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
	if !eval[bool](p, `["#response", ".why-pane", ".exchange", "#example-lesson"].every(s => getComputedStyle(document.querySelector(s)).display !== "none")`) {
		t.Error("part of the answer stays hidden after the reveal")
	}
	why := ui.PredictReason(engine.Negotiate(ex.Request, ptr(ex.Config())))
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
	for i, req := range []string{
		"GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
		"GET / HTTP/1.1\nHost: a\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\n\n",
		"POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhe\x00\tl",
	} {
		frag := "req=" + base64.RawURLEncoding.EncodeToString([]byte(req))
		if i == 0 {
			p.open(frag) // a load ...
		} else {
			eval[any](p, `location.hash = "`+frag+`"`) // ... and links opened in the running page
		}
		p.waitFor(`document.getElementById("request").value === ` + strconv.Quote(editor.Text([]byte(req), "")))
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
	if got := eval[string](p, `document.getElementById("request").value`); got != editor.Text([]byte(link), "") {
		t.Errorf("the link should win over the draft; editor holds %q", got)
	}
	p.waitFor(`!document.getElementById("restore-draft").hidden`)
	// The link's state, saved in the address bar, leaves the stored draft
	// alone until it is changed; restoring brings back the one the link
	// replaced.
	p.waitFor(`document.getElementById("link-size").textContent !== ""`) // saved
	if got := eval[string](p, `localStorage.getItem("upgrade-playground.draft")`); got != "req="+base64.RawURLEncoding.EncodeToString([]byte(draft)) {
		t.Errorf("opening a link replaced the stored draft with %q", got)
	}
	p.click("#restore-draft")
	p.waitFor(`document.getElementById("request").value === ` + strconv.Quote(editor.Text([]byte(draft), "")))
	if !eval[bool](p, `document.getElementById("restore-draft").hidden`) {
		t.Error("the restore button stays after restoring")
	}
	// A link opened in the running page replaces the work, which stays
	// restorable. (First the restored draft reaches the address bar.)
	p.waitFor(`location.hash.includes("` + base64.RawURLEncoding.EncodeToString([]byte(draft)) + `")`)
	eval[any](p, `location.hash = "req=`+base64.RawURLEncoding.EncodeToString([]byte(link))+`"`)
	p.waitFor(`document.getElementById("request").value === ` + strconv.Quote(editor.Text([]byte(link), "")))
	p.waitFor(`!document.getElementById("restore-draft").hidden`)
	p.click("#restore-draft")
	p.waitFor(`document.getElementById("request").value === ` + strconv.Quote(editor.Text([]byte(draft), "")))
}

func learnLinkSize(p *page) {
	t := p.t
	big := "POST / HTTP/1.1\nHost: a\nContent-Length: 300000\n\n" + strings.Repeat("x", 300000)
	p.setRequest(big)
	p.waitFor(`document.getElementById("link-size").classList.contains("over")`)
	if got := eval[string](p, `document.getElementById("link-size").textContent`); !strings.Contains(got, "too large") || !strings.Contains(got, strconv.Itoa(link.MaxFragment)) {
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

// firstExampleWithStatus is the id of the first example answered with the
// status.
func firstExampleWithStatus(status int) string {
	for _, e := range gallery.Examples() {
		if e.Expect == status {
			return e.ID
		}
	}
	return gallery.Examples()[0].ID
}
