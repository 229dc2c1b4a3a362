package browser

import (
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/link"
)

// Hostile links: a shared link is input from a stranger. Payloads
// in the request, in every setting, in unknown keys and in ex must never run
// script, open a dialog, violate the CSP, load anything from another
// origin, or put an on* attribute or a javascript:/data: URL in the DOM.

// hostilePayloads are values built to escape from text into markup.
var hostilePayloads = []string{
	"javascript:alert(1)",
	"javascript&colon;alert(1)",
	"java&#115;cript:alert(1)",
	"jav&#X61;script:alert(1)",
	"JaVaScRiPt:alert(1)",
	" \tjavascript:alert(1)",
	"data:text/html,<script>alert(1)</script>",
	"data:image/svg+xml,<svg onload=alert(1)>",
	"<img src=x onerror=alert(1)>",
	"<svg onload=alert(1)>",
	"<script>alert(1)</script>",
	"<iframe src=\"http://evil.example/\"></iframe>",
	"\"><img src=x onerror=alert(1)>",
	"'><svg/onload=alert(1)>",
	"`</code><img src=x onerror=alert(1)>`",
	"``<img src=x onerror=alert(1)>``",
	"![x](http://evil.example/x.png)",
	"[click](javascript:alert(1))",
	"<http://evil.example/>",
	"<a href=\"http://evil.example/\">x</a>",
	"{sha1}{v}{accept}</p><script>alert(1)</script>",
	"\u202eredro\u202c\u2066x\u2069\u200b\u200d\ufeff",
	"\ue000v\ue001",
}

// hostileRequest puts a payload everywhere a request can carry it: the
// target, field names and values, tokens, subprotocols, extension
// parameters, origins, HTTP2-Settings and a body.
func hostileRequest(p string) string {
	tok := strings.NewReplacer(" ", "", "\t", "").Replace(p)
	return "GET /" + tok + " HTTP/1.1\r\n" +
		"Host: " + p + "\r\n" +
		"Upgrade: websocket, " + tok + "\r\n" +
		"Connection: Upgrade, " + tok + "\r\n" +
		"Sec-WebSocket-Key: " + p + "\r\n" +
		"Sec-WebSocket-Version: 13, " + p + "\r\n" +
		"Sec-WebSocket-Protocol: chat, " + p + "\r\n" +
		"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=\"" + p + "\"; " + tok + "\r\n" +
		"Origin: " + p + "\r\n" +
		"HTTP2-Settings: " + p + "\r\n" +
		tok + ": " + p + "\r\n" +
		"Content-Length: " + strconv.Itoa(len(p)) + "\r\n" +
		"\r\n" + p
}

// hostileRequestLinks lists links carrying each payload in a request
// (base64url, as the page writes them) and raw in the fragment.
func hostileRequestLinks() []string {
	var out []string
	for _, p := range hostilePayloads {
		out = append(out, "req="+base64.RawURLEncoding.EncodeToString([]byte(hostileRequest(p))), p)
	}
	return out
}

// hostileSettingLinks lists links carrying each payload as the value of
// every setting key at once, as an unknown key and value, as ex, and in
// the page keys; then every setting alone with the most dangerous payload,
// so that no key goes unrendered behind another key's problem.
func hostileSettingLinks() []string {
	enc := url.QueryEscape
	var out []string
	for _, p := range hostilePayloads {
		var all []string
		for _, s := range engine.Settings() {
			all = append(all, s.Key+"="+enc(p))
		}
		out = append(out,
			strings.Join(all, "&"),
			"ex="+enc(p)+"&"+enc(p)+"="+enc(p),
			"ex=seed-websocket&mode="+enc(p)+"&eol="+enc(p)+"&v="+enc(p),
		)
	}
	for _, s := range engine.Settings() {
		out = append(out, "req=R0VUIC8gSFRUUC8xLjENCkhvc3Q6IGENCg0K&"+s.Key+"="+enc("<img src=x onerror=alert(1)>"))
	}
	return out
}

// domScanJS lists what must never be in the DOM: event handler attributes,
// javascript:/data: URLs in any attribute, links to anywhere but the RFC
// editor or this page, and elements that load or run things.
const domScanJS = `(() => {
	const out = [];
	for (const el of document.querySelectorAll("*")) {
		for (const a of el.attributes) {
			const v = a.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
			if (a.name.toLowerCase().startsWith("on")) out.push(el.tagName + " " + a.name);
			if (v.startsWith("javascript:") || v.startsWith("data:") || v.startsWith("vbscript:")) out.push(el.tagName + " " + a.name + "=" + a.value);
		}
		if (el.tagName === "A" && el.hasAttribute("href")) {
			const h = el.getAttribute("href");
			if (!h.startsWith("#") && !h.startsWith("https://www.rfc-editor.org/")) out.push("A href=" + h);
		}
		if (["IMG", "IFRAME", "OBJECT", "EMBED", "FRAME", "AUDIO", "VIDEO", "SOURCE", "BASE", "IMAGE"].includes(el.tagName.toUpperCase())) out.push(el.tagName);
		if (el.tagName === "SCRIPT" && !/^site\/(boot|app|wasm_exec)\.js$/.test(el.getAttribute("src") || "")) out.push("SCRIPT " + el.outerHTML.slice(0, 80));
		if (el.tagName === "LINK" && !/^site\/[a-z]+\.(css|wasm|svg)$/.test(el.getAttribute("href") || "")) out.push("LINK " + el.outerHTML.slice(0, 80));
	}
	return out;
})()`

// watchNetwork records every request the tab makes to anything but the
// test server (and the about:blank it starts from).
func watchNetwork(t *testing.T, p *page) func() []string {
	t.Helper()
	if _, err := chromedp.Call(p.ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var foreign []string
	requests := chromedp.Events(p.ctx, network.RequestWillBeSent)
	dialogs := chromedp.Events(p.ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			if u := ev.Request.URL; !strings.HasPrefix(u, p.base) && u != "about:blank" {
				mu.Lock()
				foreign = append(foreign, u)
				mu.Unlock()
			}
		}
	}()
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			p.report("dialog opened: " + ev.Message)
			_, _ = chromedp.Call(p.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), foreign...)
	}
}

// applyHashJS applies a fragment the way a clicked link does and waits
// for the page's hashchange handler and the next frame. It resolves with
// the time that took, in ms, or with -1 at once when the fragment is the
// one already in the address bar: then no hashchange fires and the page
// has nothing to do.
const applyHashJS = `((h) => new Promise((resolve) => {
	const t0 = performance.now(), before = location.hash;
	const changed = () => requestAnimationFrame(() => resolve(performance.now() - t0));
	addEventListener("hashchange", changed, {once: true});
	location.hash = h;
	if (location.hash === before) {
		removeEventListener("hashchange", changed);
		resolve(-1);
	}
}))`

// checkLinkJS applies a fragment (applyHashJS) and returns what domScanJS
// finds and the response's status.
const checkLinkJS = `(async (h) => {
	await ` + applyHashJS + `(h);
	return {Bad: ` + domScanJS + `, Status: document.getElementById("response").dataset.status || ""};
})`

// openHostileLinks opens each link in turn and fails on anything domScanJS
// finds, a missing response, or a request to another origin.
func openHostileLinks(t *testing.T, frags []string) *page {
	p := openPage(t)
	foreign := watchNetwork(t, p)
	p.open(frags[0]) // the first render of a page opened by a link
	type result struct {
		Bad    []string
		Status string
	}
	for _, f := range frags[1:] {
		r := eval[result](p, checkLinkJS+`(`+strconv.Quote(f)+`)`)
		if len(r.Bad) > 0 {
			t.Errorf("link %.80q: the DOM has %q", f, r.Bad)
		}
		if r.Status == "" {
			t.Errorf("link %.80q: no response shown", f)
		}
	}
	t.Cleanup(func() {
		if f := foreign(); len(f) > 0 {
			t.Errorf("the page requested other origins: %q", f)
		}
	})
	t.Logf("%d hostile links opened", len(frags))
	return p
}

func TestHostileRequestLinks(t *testing.T) {
	p := openHostileLinks(t, hostileRequestLinks())
	// The hostile text is shown as text: the decoded request is in the
	// editor and in the Why pane verbatim.
	p.open("req=" + base64.RawURLEncoding.EncodeToString([]byte(hostileRequest("<img src=x onerror=alert(1)>"))))
	if got := eval[string](p, `document.getElementById("request").value`); !strings.Contains(got, "Host: <img src=x onerror=alert(1)>") {
		t.Errorf("the editor lost the hostile text: %.200q", got)
	}
	if got := eval[string](p, `document.getElementById("explanation").textContent`); !strings.Contains(got, "<img src=x onerror=alert(1)>") {
		t.Errorf("the Why pane does not show the hostile value as text")
	}
}

func TestHostileSettingLinks(t *testing.T) {
	openHostileLinks(t, hostileSettingLinks())
}

// TestCSPEnforced proves the CSP meta tag is in force (an inline script
// and an image from another origin are refused, with a violation event)
// and that the whole page — every example, every pane and control — works
// under it with zero violations.
func TestCSPEnforced(t *testing.T) {
	p := openPage(t)
	foreign := watchNetwork(t, p)
	p.open("")
	const csp = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'`
	if got := eval[string](p, `document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`); got != csp {
		t.Fatalf("CSP = %q, want %q", got, csp)
	}
	// The policy is enforced: both attempts are refused and reported.
	blocked := eval[[]string](p, `new Promise((resolve) => {
		const seen = [];
		const on = (e) => seen.push(e.violatedDirective);
		document.addEventListener("securitypolicyviolation", on);
		window.__ran = false;
		const s = document.createElement("script");
		s.textContent = "window.__ran = true";
		document.body.appendChild(s);
		const i = new Image();
		i.src = "http://csp-probe.invalid/x.png";
		// Wait for both violations, however long the browser takes to
		// report them; an inline script that ran is a failure at once.
		const done = () => {
			if (seen.length < 2 && !window.__ran) return setTimeout(done, 10);
			document.removeEventListener("securitypolicyviolation", on);
			s.remove();
			resolve((window.__ran ? ["the inline script ran"] : []).concat(seen.sort()));
		};
		done();
	})`)
	if strings.Join(blocked, " ") != "img-src script-src-elem" {
		t.Errorf("probing the CSP gave %q, want the inline script and the image refused (img-src script-src-elem)", blocked)
	}
	eval[any](p, `window.__violations = []`) // the probes' violations were expected

	// Every example, each opened by its link.
	for _, ex := range gallery.Examples() {
		eval[float64](p, applyHashJS+`(`+strconv.Quote("ex="+ex.ID)+`)`)
		cfg := ex.Config()
		want := strconv.Itoa(engine.Negotiate(ex.Request, &cfg).Status())
		if got := eval[string](p, `document.getElementById("response").dataset.status`); got != want {
			t.Errorf("example %s: the page shows %s, the engine answers %s", ex.ID, got, want)
		}
	}
	// Every control: open every <details>, toggle every checkbox and
	// button-like control that stays on the page, change every select.
	eval[any](p, `(() => {
		for (const d of document.querySelectorAll("details")) d.open = true;
		for (const s of document.querySelectorAll("select")) {
			for (const o of s.options) { s.value = o.value; s.dispatchEvent(new Event("change", {bubbles: true})); }
		}
		for (const c of document.querySelectorAll("input[type=checkbox]")) { c.click(); c.click(); }
		document.getElementById("theme-toggle").click();
		document.getElementById("theme-toggle").click();
	})()`)
	p.typeRequest("GET / HTTP/1.1\nHost: example.com\n\n")
	p.waitFor(`document.getElementById("response").dataset.status === "200"`)
	if bad := eval[[]string](p, domScanJS); len(bad) > 0 {
		t.Errorf("the DOM has %q", bad)
	}
	for _, u := range foreign() {
		if u != "http://csp-probe.invalid/x.png" { // the probe above, refused
			t.Errorf("the page requested another origin: %q", u)
		}
	}
	// checkClean (at cleanup) fails the test on any violation, dialog,
	// exception or console error from here on.
}

// lagJS is how long a task queued now waits: the page is responsive when
// it is small.
const lagJS = `new Promise((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 0); })`

// TestHostileSizes opens links and pastes requests built to be expensive.
// Each is refused or answered with a clear message; the user's work is
// kept when a link is refused; the page stays responsive. Times are
// reported, not asserted.
func TestHostileSizes(t *testing.T) {
	p := openPage(t)
	p.open("")
	const mine = "GET /mine HTTP/1.1\nHost: example.com\n\n"
	p.typeRequest(mine)
	p.waitFor(`document.getElementById("response").dataset.status === "200"`)

	// Links that must be refused whole: the editor keeps the user's work.
	for _, c := range []struct{ name, frag string }{
		{"2MB-fragment", "req=" + strings.Repeat("A", 2<<20)},
		{"2MB-of-keys", strings.Repeat("lf=reject&", 2<<20/10)},
		{"just-over-the-limit", "req=" + strings.Repeat("A", link.MaxFragment)},
	} {
		ms := eval[float64](p, applyHashJS+`(`+strconv.Quote(c.frag)+`)`)
		if ms < 0 {
			t.Fatalf("%s: the fragment was already in the address bar; the page did nothing", c.name)
		}
		lag := eval[float64](p, lagJS)
		t.Logf("%s: handled in %.1f ms, next task waited %.1f ms", c.name, ms, lag)
		benchFigure(t, "hostile."+c.name+"_ms", strconv.FormatFloat(ms, 'f', 1, 64))
		if eval[bool](p, `document.getElementById("link-message").hidden`) {
			t.Errorf("%s: no message about the link", c.name)
		} else if msg := eval[string](p, `document.getElementById("link-message").textContent`); !strings.Contains(msg, "too large") {
			t.Errorf("%s: the message does not say the link is too large: %.200q", c.name, msg)
		}
		if got := eval[string](p, `document.getElementById("request").value`); got != mine {
			t.Errorf("%s: the editor holds %.80q, the user's work was lost", c.name, got)
		}
	}

	// Links within the size limit that expand: every key repeated, a
	// request of thousands of empty-valued fields, thousands of unknown keys.
	fields := strings.Repeat("a:\r\n", 2800)
	for _, c := range []struct{ name, frag string }{
		{"repeated-keys", strings.Repeat("lf=reject&", link.MaxFragment/10-1)},
		{"unknown-keys", strings.Repeat("k=1&", link.MaxFragment/4-1)},
		{"thousands-of-fields", "req=" + base64.RawURLEncoding.EncodeToString([]byte("GET / HTTP/1.1\r\nHost: a\r\n"+fields+"\r\n"))},
	} {
		if len(c.frag) > link.MaxFragment {
			t.Fatalf("%s: %d bytes, over the limit this case must stay within", c.name, len(c.frag))
		}
		ms := eval[float64](p, applyHashJS+`(`+strconv.Quote(c.frag)+`)`)
		if ms < 0 {
			t.Fatalf("%s: the fragment was already in the address bar; the page did nothing", c.name)
		}
		lag := eval[float64](p, lagJS)
		t.Logf("%s (%d bytes): handled in %.1f ms, next task waited %.1f ms", c.name, len(c.frag), ms, lag)
		benchFigure(t, "hostile."+c.name+"_ms", strconv.FormatFloat(ms, 'f', 1, 64))
		if eval[string](p, `document.getElementById("response").dataset.status || ""`) == "" {
			t.Errorf("%s: no response shown", c.name)
		}
		if n := eval[int](p, `document.querySelectorAll("#link-message:not([hidden]) li").length`); n > 11 {
			t.Errorf("%s: the link message lists %d problems; it should summarize", c.name, n)
		}
	}

	// Pasted requests: 10,000 header fields and a 1 MB request-line. The
	// answer is the engine's (a refusal) and is on the page.
	for _, c := range []struct{ name, text string }{
		{"10000-headers", "GET / HTTP/1.1\nHost: a\n" + strings.Repeat("X-Many: y\n", 10000) + "\n"},
		{"1MB-line", "GET /" + strings.Repeat("a", 1<<20) + " HTTP/1.1\nHost: a\n\n"},
	} {
		ms := median(keystrokes(p, 3, c.text))
		lag := eval[float64](p, lagJS)
		raw := editor.Bytes(c.text, "")
		want := engine.Negotiate(raw, nil).Status()
		got := eval[string](p, `document.getElementById("response").dataset.status`)
		t.Logf("%s: a keystroke took %.1f ms (median of 3), next task waited %.1f ms; answer %s", c.name, ms, lag, got)
		benchFigure(t, "hostile."+c.name+"_ms", strconv.FormatFloat(ms, 'f', 1, 64))
		if want < 400 {
			t.Errorf("%s: the engine answers %d; a refusal was expected", c.name, want)
		}
		if got != strconv.Itoa(want) {
			t.Errorf("%s: the page shows %s, the engine answers %d", c.name, got, want)
		}
		if why := eval[string](p, `document.getElementById("explanation").textContent`); len(why) < 40 {
			t.Errorf("%s: the Why pane says only %q", c.name, why)
		}
	}
	// Still responsive and correct afterwards.
	p.typeRequest(mine)
	p.waitFor(`document.getElementById("response").dataset.status === "200"`)
}
