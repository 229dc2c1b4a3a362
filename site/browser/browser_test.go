package browser

import (
	"encoding/base64"
	"flag"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/link"
)

// The browser tests drive the built page in headless Chromium. Each one
// also fails if the page reports a CSP violation, a dialog, an exception
// or a console error (see checkClean).

const sampleWS = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://example.com\r\nSec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Version: 13\r\n\r\n"

// shown is what #response shows for a request on the default server.
func shown(req string) (int, string) {
	res := engine.Negotiate([]byte(req), nil)
	return res.Status(), strings.ReplaceAll(string(res.Bytes()), "\r\n", "\n")
}

func TestPageLoads(t *testing.T) {
	p := openPage(t)
	p.open("")
	// The editor's initial request is the RFC 6455 sample handshake.
	status, text := shown(sampleWS)
	p.waitFor(`document.getElementById("response").dataset.status === "` + strconv.Itoa(status) + `"`)
	if got := eval[string](p, `document.getElementById("response").textContent`); got != text {
		t.Errorf("#response = %q, want %q", got, text)
	}
	if !strings.Contains(text, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") {
		t.Errorf("the sample handshake's response lacks the RFC 6455 accept value: %q", text)
	}
	if n := eval[int](p, `document.querySelectorAll("#explanation .trace li").length`); n < 5 {
		t.Errorf("the Why pane lists %d trace steps", n)
	}
	if n := eval[int](p, `document.querySelectorAll("#explanation a[href^='https://www.rfc-editor.org/rfc/']").length`); n == 0 {
		t.Errorf("the Why pane has no RFC links")
	}
	if n := eval[int](p, `document.querySelectorAll("#server input, #server select").length`); n != len(engine.Settings())+2 {
		t.Errorf("the Server pane has %d controls, want the profile, the proxy and one per setting (%d)", n, len(engine.Settings()))
	}
	exs := eval[[]map[string]any](p, `playground.examples()`)
	if len(exs) != len(gallery.Examples()) {
		t.Fatalf("playground.examples() has %d entries, want %d", len(exs), len(gallery.Examples()))
	}
	for i, ex := range gallery.Examples() {
		if exs[i]["id"] != ex.ID || exs[i]["title"] != ex.Title {
			t.Errorf("examples()[%d] = %v, want id %q title %q", i, exs[i], ex.ID, ex.Title)
		}
	}
	t.Logf("ready %.0f ms after navigation", eval[float64](p, `playground.readyAt`))
}

func TestTypingShowsResponse(t *testing.T) {
	p := openPage(t)
	p.open("")
	entries := eval[int](p, `history.length`)
	p.typeRequest("GET / HTTP/1.1\nHost: example.com\n\n")
	status, text := shown("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n")
	p.waitFor(`document.getElementById("response").dataset.status === "` + strconv.Itoa(status) + `"`)
	if got := eval[string](p, `document.getElementById("response").textContent`); got != text {
		t.Errorf("#response = %q, want %q", got, text)
	}
	// The address bar follows the state (debounced replaceState).
	want := "#req=" + base64.RawURLEncoding.EncodeToString([]byte("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"))
	p.waitFor(`location.hash === "` + want + `"`)
	if n := eval[int](p, `history.length`); n != entries {
		t.Errorf("history.length went from %d to %d: the page must use replaceState", entries, n)
	}
}

func TestMalformedRequestIsHighlighted(t *testing.T) {
	p := openPage(t)
	p.open("")
	p.typeRequest("GET / HTTP/1.1\nHost : example.com\n\n")
	status, _ := shown("GET / HTTP/1.1\r\nHost : example.com\r\n\r\n")
	if status != 400 {
		t.Fatalf("the engine answers %d to whitespace before the colon; this test expects 400", status)
	}
	p.waitFor(`document.getElementById("response").dataset.status === "400"`)
	// The decisive problem is marked at its position in the overlay: the
	// space between "Host" and the colon (line 2, column 5).
	p.waitFor(`document.querySelector("#request-overlay mark.decisive")`)
	before := eval[string](p, `(() => {
		const m = document.querySelector("#request-overlay mark.decisive");
		const r = document.createRange();
		r.setStart(document.getElementById("request-overlay"), 0);
		r.setEndBefore(m);
		return r.toString();
	})()`)
	if before != "GET / HTTP/1.1\nHost" {
		t.Errorf("the highlight starts after %q, want after %q", before, "GET / HTTP/1.1\nHost")
	}
	if got := eval[string](p, `document.querySelector("#explanation .trace li.decisive .where").textContent`); got != "line 2, col 5" {
		t.Errorf("the decisive step is at %q, want line 2, col 5", got)
	}
}

func TestDeepLinkOpens(t *testing.T) {
	p := openPage(t)
	req := "GET / HTTP/1.1\nHost: example.com\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n\r\n"
	frag := "req=" + base64.RawURLEncoding.EncodeToString([]byte(req))
	p.open(frag)
	status, text := shown(req)
	if got := eval[string](p, `document.getElementById("response").dataset.status`); got != strconv.Itoa(status) {
		t.Errorf("data-status = %s, want %d", got, status)
	}
	if got := eval[string](p, `document.getElementById("response").textContent`); got != text {
		t.Errorf("#response = %q, want %q", got, text)
	}
	// The bare LF is visible in the editor, and the link round-trips.
	if got := eval[string](p, `document.getElementById("request").value`); !strings.HasPrefix(got, "GET / HTTP/1.1␊\nHost") {
		t.Errorf("editor text = %q: the bare LF should show as ␊", got)
	}
	p.waitFor(`document.getElementById("link-size").textContent !== ""`)
	if got := eval[string](p, `location.hash`); got != "#"+frag {
		t.Errorf("after opening, location.hash = %q, want the same link %q", got, "#"+frag)
	}
	// playground.run gives exactly what the page shows.
	run := eval[map[string]any](p, `playground.run(`+strconv.Quote(frag)+`)`)
	if run["status"] != float64(status) || run["response"] != strings.ReplaceAll(text, "\n", "\r\n") {
		t.Errorf("playground.run = %v, want status %d and the shown response with CRLF", run, status)
	}
	// hashchange re-renders: a link to another request.
	req2 := "GET / HTTP/1.1\r\nHost: a\r\n\r\n"
	status2, _ := shown(req2)
	eval[any](p, `location.hash = "req=`+base64.RawURLEncoding.EncodeToString([]byte(req2))+`"`)
	p.waitFor(`document.getElementById("response").dataset.status === "` + strconv.Itoa(status2) + `"`)
}

func TestMalformedLinkKeepsWork(t *testing.T) {
	p := openPage(t)
	p.open("")
	p.typeRequest("GET /mine HTTP/1.1\nHost: example.com\n\n")
	p.waitFor(`document.getElementById("response").dataset.status === "200"`)
	for _, bad := range []string{"req=%%%", "req=ab/cd", "v=99&req=YWI", "req=" + strings.Repeat("A", link.MaxFragment+10)} {
		eval[any](p, `location.hash = `+strconv.Quote(bad))
		p.waitFor(`!document.getElementById("link-message").hidden`)
		if got := eval[string](p, `document.getElementById("request").value`); got != "GET /mine HTTP/1.1\nHost: example.com\n\n" {
			t.Errorf("after the link %.30q the editor holds %q: the user's work was lost", bad, got)
		}
		msg := eval[string](p, `document.getElementById("link-message").textContent`)
		if !strings.Contains(msg, "problem with this link") {
			t.Errorf("link message = %q", msg)
		}
		eval[any](p, `document.getElementById("link-message").hidden = true`)
	}
}

func TestHostileLinkStaysText(t *testing.T) {
	p := openPage(t)
	hostile := "GET /<img src=x onerror=alert(1)> HTTP/1.1\r\nHost: `javascript:alert(1)`<svg onload=alert(2)>\u202e\r\nX: java&#115;cript:alert(3) [x](javascript:alert(4)) ![i](http://evil.example/x.png)\r\n\r\n"
	p.open("req=" + base64.RawURLEncoding.EncodeToString([]byte(hostile)) + "&%3Cscript%3E=1")
	p.waitFor(`document.getElementById("response").dataset.status !== undefined`)
	bad := eval[[]string](p, domScanJS)
	if len(bad) > 0 {
		t.Errorf("hostile values reached the DOM as markup: %q", bad)
	}
}

var update = flag.Bool("update", false, "rewrite the README's screenshots (docs/screenshots)")

func TestSettingChangesAnswerAndLink(t *testing.T) {
	p := openPage(t)
	req := "GET / HTTP/1.1\nHost: example.com\n\n"
	p.open("req=" + base64.RawURLEncoding.EncodeToString([]byte(req)))
	cfg := engine.DefaultConfig()
	want := engine.Negotiate([]byte(req), &cfg).Status()
	p.waitFor(`document.getElementById("response").dataset.status === "` + strconv.Itoa(want) + `"`)
	if err := engine.LookupSetting("lf").Set(&cfg, "reject"); err != nil {
		t.Fatal(err)
	}
	rejected := engine.Negotiate([]byte(req), &cfg).Status()
	if rejected == want {
		t.Fatalf("lf=reject does not change the answer to a bare LF (%d)", want)
	}
	eval[any](p, `(() => { const s = document.getElementById("set-lf"); s.value = "reject"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
	p.waitFor(`document.getElementById("response").dataset.status === "` + strconv.Itoa(rejected) + `"`)
	p.waitFor(`location.hash.endsWith("&lf=reject")`)
	// Opening that link restores the setting in the Server pane.
	frag := strings.TrimPrefix(eval[string](p, `location.hash`), "#")
	p.open(frag)
	if got := eval[string](p, `document.getElementById("set-lf").value`); got != "reject" {
		t.Errorf("after opening %q the lf setting shows %q", frag, got)
	}
}

// TestLineEndingModeKeepsBytes switches the editor between CRLF and LF
// line breaks: the text changes, the request bytes (and the answer) do not.
func TestLineEndingModeKeepsBytes(t *testing.T) {
	p := openPage(t)
	req := "GET / HTTP/1.1\nHost: example.com\r\nX: a\rb\x00\r\n\r\n"
	enc := base64.RawURLEncoding.EncodeToString([]byte(req))
	p.open("req=" + enc)
	if got, want := eval[string](p, `document.getElementById("request").value`), editor.Text([]byte(req), "crlf"); got != want {
		t.Fatalf("CRLF mode: editor holds %q, want %q", got, want)
	}
	status := eval[string](p, `document.getElementById("response").dataset.status`)
	eval[any](p, `(() => { const s = document.getElementById("eol"); s.value = "lf"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
	if got, want := eval[string](p, `document.getElementById("request").value`), editor.Text([]byte(req), "lf"); got != want {
		t.Errorf("LF mode: editor holds %q, want %q", got, want)
	}
	p.waitFor(`location.hash === "#req=` + enc + `&eol=lf"`)
	if got := eval[string](p, `document.getElementById("response").dataset.status`); got != status {
		t.Errorf("switching the line-ending mode changed the answer from %s to %s", status, got)
	}
	// Typing a line break in LF mode sends a bare LF.
	eval[any](p, `(() => { const r = document.getElementById("request"); r.value = "GET / HTTP/1.1\nHost: a\n\n"; r.dispatchEvent(new Event("input")); })()`)
	p.waitFor(`location.hash === "#req=` + base64.RawURLEncoding.EncodeToString([]byte("GET / HTTP/1.1\nHost: a\n\n")) + `&eol=lf"`)
}

// TestLargeDraftComesBack checks that the page's own saved draft is not
// held to the link size limit: a request too large to share still comes
// back after a reload.
func TestLargeDraftComesBack(t *testing.T) {
	p := openPage(t)
	p.open("")
	body := strings.Repeat("x", 3*link.MaxFragment)
	req := "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
	// Wait for the page's own (debounced) save, which would overwrite ours.
	p.waitFor(`location.hash.length > 1 && localStorage.getItem("upgrade-playground.draft") === location.hash.slice(1)`)
	eval[any](p, `localStorage.setItem("upgrade-playground.draft", "req=`+base64.RawURLEncoding.EncodeToString([]byte(req))+`")`)
	p.open("")
	if got := eval[string](p, `document.getElementById("request").value`); got != editor.Text([]byte(req), "crlf") {
		t.Errorf("after a reload the editor holds %d bytes, want the %d-byte draft", len(got), len(req))
	}
}

// TestPatchedPanesMatchFreshPage checks the page's incremental updates: a
// keystroke patches the panes in place (wasm/ui.Patch), and after a
// run of edits across very different requests every pane must hold
// exactly what a freshly loaded page shows for the same link.
func TestPatchedPanesMatchFreshPage(t *testing.T) {
	p := openPage(t)
	p.open("")
	panes := `["explanation", "after", "diagram", "request-overlay", "response", "response-info"].map((id) => document.getElementById(id).innerHTML)`
	exs := gallery.Examples()
	for i, text := range []string{
		editor.Text(exs[0].Request, ""),
		"GET / HTTP/1.1\nHost : a\nUpgrade: websocket\n\n",
		editor.Text(exs[len(exs)/2].Request, ""),
		"GET /chat HTTP/1.1\nHost: a\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\nSec-WebSocket-Version: 13\n\n",
		"GET /chat HTTP/1.1\nHost: ab\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\nSec-WebSocket-Version: 13\n\n",
		editor.Text(exs[len(exs)-1].Request, ""),
		"GET /chat HTTP/1.1\nHost: ab\nUpgrade: h2c, websocket\nConnection: Upgrade, HTTP2-Settings\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\n\n",
	} {
		p.setRequest(text)
		if i%3 != 2 && i != 6 {
			continue // patch again from this state
		}
		eval[any](p, `document.getElementById("request").blur()`) // no at-cursor marks
		patched := eval[[]string](p, panes)
		// The address bar follows the edit (debounced): wait for this
		// request's link, then open it in a fresh page.
		frag := link.State{Request: editor.Bytes(text, ""), Config: engine.DefaultConfig()}.Fragment()
		p.waitFor(`location.hash === ` + strconv.Quote("#"+frag))
		p.open(frag)
		if fresh := eval[[]string](p, panes); !slices.Equal(patched, fresh) {
			for j := range fresh {
				if patched[j] != fresh[j] {
					t.Errorf("edit %d: pane %d after patching:\n%s\nfreshly loaded:\n%s", i, j, patched[j], fresh[j])
				}
			}
		}
	}
}
