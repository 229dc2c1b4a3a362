package browser

import (
	"encoding/base64"
	"strconv"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// TestProfiles checks server profiles, the side-by-side view and reverse
// mode in the page: a profile link opens with that server's answer and
// run() names it; the comparison shows every profile and compare() gives
// what it shows; a resp= link opens reverse mode with the clients table,
// which run().clients matches; a hostile response stays text. axe-core
// finds nothing in the comparison and reverse views.
func TestProfiles(t *testing.T) {
	p := openPage(t)
	sample := base64.RawURLEncoding.EncodeToString([]byte(sampleWS))

	t.Run("profile link", func(t *testing.T) {
		for _, prof := range engine.Profiles() {
			frag := "req=" + sample + "&srv=" + prof.ID
			p.open(frag)
			got := eval[struct {
				Status       int
				Text, Server string
				Selected     string
				Run          struct {
					Status           int
					Response, Server string
					Closed           bool
				}
			}](p, `(() => { const r = playground.run(`+jsString(frag)+`); return {
				Status: +document.getElementById("response").dataset.status,
				Text: document.getElementById("response").textContent,
				Selected: document.getElementById("set-srv").value,
				Run: {Status: r.status, Response: r.response, Server: r.server, Closed: r.closed}}; })()`)
			cfg := prof.Config()
			want := engine.Negotiate([]byte(sampleWS), &cfg)
			if got.Status != want.Status() || got.Text != ui.ResponseText(want) || got.Selected != prof.ID {
				t.Errorf("srv=%s: the page shows %d %q with %q selected, want %d %q", prof.ID, got.Status, got.Text, got.Selected, want.Status(), ui.ResponseText(want))
			}
			if got.Run.Server != prof.ID || got.Run.Status != want.Status() || got.Run.Response != string(want.Bytes()) || got.Run.Closed != want.Closed {
				t.Errorf("srv=%s: run() = %+v", prof.ID, got.Run)
			}
			if want.Closed && (got.Status != 0 || !strings.Contains(got.Text, "closed")) {
				t.Errorf("srv=%s: a closed connection shows %d %q", prof.ID, got.Status, got.Text)
			}
		}
	})

	t.Run("drawer", func(t *testing.T) {
		p.open("req=" + sample + "&pmd=0")
		change := func(id, value string) {
			eval[any](p, `(() => { const s = document.getElementById("`+id+`"); s.value = "`+value+`"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
		}
		// A profile resets every setting to the library's defaults.
		change("set-srv", "gorilla")
		p.waitFor(`location.hash.includes("srv=gorilla")`)
		cfg := engine.LookupProfile("gorilla").Config()
		want := engine.Negotiate([]byte(sampleWS), &cfg)
		got := eval[struct {
			Text, Hash string
			Overrides  int
			Setup      string
		}](p, `({Text: document.getElementById("response").textContent, Hash: location.hash,
			Overrides: document.querySelectorAll("#server .setting.override").length,
			Setup: document.getElementById("set-srv-help").textContent})`)
		if got.Text != ui.ResponseText(want) || got.Overrides != 0 || strings.Contains(got.Hash, "pmd=") || !strings.Contains(got.Setup, engine.LookupProfile("gorilla").Setup) {
			t.Errorf("after choosing gorilla: %q, %d overrides, link %q, setup %q", got.Text, got.Overrides, got.Hash, got.Setup)
		}
		// A setting changed from the profile's default is an override,
		// and the link carries it.
		eval[any](p, `document.getElementById("set-wsorigin").value = "any"; document.getElementById("set-wsorigin").dispatchEvent(new Event("change", {bubbles: true}))`)
		p.waitFor(`location.hash.includes("wsorigin=any") && document.querySelectorAll("#server .setting.override").length === 1 && document.querySelector("#server .setting.override .override-note")`)
		if s := eval[string](p, `document.getElementById("response").dataset.status`); s != "101" {
			t.Errorf("gorilla without its origin check answers %s, want 101", s)
		}
	})

	t.Run("closed", func(t *testing.T) {
		// gorilla closes the connection on bytes after a GET handshake.
		frag := "ex=servers-bytes-after-handshake"
		ex, ok := gallery.Lookup("servers-bytes-after-handshake")
		cfg := ex.Config()
		if !ok || !engine.Negotiate(ex.Request, &cfg).Closed {
			t.Fatal("the example's server does not close the connection")
		}
		p.open(frag)
		got := eval[struct {
			Status      string
			Text, Info  string
			RunStatus   int
			Closed      bool
			Server      string
			CompareOpen bool
		}](p, `(() => { const r = playground.run(`+jsString(frag)+`); return {
			Status: document.getElementById("response").dataset.status,
			Text: document.getElementById("response").textContent,
			Info: document.getElementById("response-info").textContent,
			RunStatus: r.status, Closed: r.closed, Server: r.server,
			CompareOpen: !document.getElementById("compare").hidden}; })()`)
		if got.Status != "0" || got.Text != ui.ClosedText || !strings.Contains(got.Info, "closed") {
			t.Errorf("a closed connection shows data-status %q, %q, %q", got.Status, got.Text, got.Info)
		}
		if got.RunStatus != 0 || !got.Closed || got.Server != "gorilla" {
			t.Errorf("run() = status %d, closed %v, server %q", got.RunStatus, got.Closed, got.Server)
		}
		if !got.CompareOpen {
			t.Errorf("an example of the side-by-side group opens without the comparison")
		}
	})

	t.Run("proxy", func(t *testing.T) {
		frag := "req=" + sample + "&srv=ws&proxy=nginx"
		p.open(frag)
		p.waitFor(`document.querySelectorAll("#hops section.hop").length === 4`)
		got := eval[struct {
			Hops      []string
			Forwarded string
			RunFwd    string
			Proxy     string
		}](p, `(() => { const r = playground.run(`+jsString(frag)+`); return {
			Hops: [...document.querySelectorAll("#hops section.hop h4")].map((h) => h.textContent),
			Forwarded: document.querySelector("#hops section.p2s pre").textContent,
			RunFwd: r.hop.forwarded,
			Proxy: document.getElementById("set-proxy").value}; })()`)
		cfg := engine.LookupProfile("ws").Config()
		cfg.Proxy = "nginx"
		res := engine.Negotiate([]byte(sampleWS), &cfg)
		if res.Hop == nil {
			t.Fatal("the engine gives no hop")
		}
		want := []string{"1. client → nginx", "2. nginx → server", "3. server → nginx", "4. nginx → client"}
		if strings.Join(got.Hops, "|") != strings.Join(want, "|") || got.Proxy != "nginx" {
			t.Errorf("hops %q, proxy %q", got.Hops, got.Proxy)
		}
		if got.Forwarded != editor.Text(res.Hop.Forwarded, "") || got.RunFwd != string(res.Hop.Forwarded) {
			t.Errorf("the page shows %q forwarded, run() %q, the engine %q", got.Forwarded, got.RunFwd, res.Hop.Forwarded)
		}
		// Choosing no proxy in the drawer takes the hops away.
		eval[any](p, `(() => { const s = document.getElementById("set-proxy"); s.value = "none"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`)
		p.waitFor(`document.querySelectorAll("#hops section.hop").length === 0 && !location.hash.includes("proxy")`)
	})

	t.Run("compare", func(t *testing.T) {
		p.open("req=" + sample)
		p.click("#compare-open")
		p.waitFor(`!document.getElementById("compare").hidden && document.querySelector("#compare-body table")`)
		got := eval[struct {
			Heads []string
			API   []struct {
				Srv, Title, Response string
				Status               int
			}
		}](p, `(() => ({
			Heads: [...document.querySelectorAll("#compare-body thead th[data-srv]")].map((th) => th.dataset.srv),
			API: playground.compare("req=`+sample+`").map((c) => ({Srv: c.srv, Title: c.title, Status: c.status, Response: c.response})),
		}))()`)
		ps := engine.Profiles()
		if len(got.Heads) != len(ps) || len(got.API) != len(ps) {
			t.Fatalf("%d columns, compare() %d answers, want %d", len(got.Heads), len(got.API), len(ps))
		}
		for i, prof := range ps {
			cfg := prof.Config()
			want := engine.Negotiate([]byte(sampleWS), &cfg)
			if got.Heads[i] != prof.ID || got.API[i].Srv != prof.ID || got.API[i].Title != prof.Title || got.API[i].Status != want.Status() || got.API[i].Response != string(want.Bytes()) {
				t.Errorf("column %d: %q, compare() %+v, want %s %d", i, got.Heads[i], got.API[i], prof.ID, want.Status())
			}
			// What the page shows for that profile is what compare() says.
			eval[any](p, `location.hash = "req=`+sample+`&srv=`+prof.ID+`"`)
			p.waitFor(`document.getElementById("set-srv").value === "` + prof.ID + `"`)
			if text := eval[string](p, `document.getElementById("response").textContent`); text != ui.ResponseText(want) {
				t.Errorf("%s: the page shows %q, compare() %q", prof.ID, text, got.API[i].Response)
			}
		}
	})

	t.Run("reverse", func(t *testing.T) {
		resp := "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"
		frag := "req=" + sample + "&resp=" + base64.RawURLEncoding.EncodeToString([]byte(resp))
		p.open(frag)
		p.waitFor(`document.querySelector("#explanation table.clients")`)
		got := eval[struct {
			Editor string
			Rows   []struct{ ID, Verdict, Reason string }
			Run    []struct {
				ID, Title, Reason string
				Accepts           bool
			}
		}](p, `(() => ({
			Editor: document.getElementById("response-editor").value,
			Rows: [...document.querySelectorAll("#explanation table.clients tbody tr")].map((tr) => ({ID: tr.dataset.client,
				Verdict: tr.querySelector(".client-verdict").textContent, Reason: (tr.querySelector(".msg") || {textContent: ""}).textContent})),
			Run: playground.run(`+jsString(frag)+`).clients.map((c) => ({ID: c.id, Title: c.title, Reason: c.reason, Accepts: c.accepts})),
		}))()`)
		if got.Editor != editor.Text([]byte(resp), "") {
			t.Errorf("the response editor holds %q", got.Editor)
		}
		j := ui.Judge([]byte(sampleWS), []byte(resp))
		if len(got.Rows) != len(j.Clients) || len(got.Run) != len(j.Clients) {
			t.Fatalf("%d rows, run().clients %d, want %d", len(got.Rows), len(got.Run), len(j.Clients))
		}
		for i, c := range j.Clients {
			verdict := map[bool]string{true: "accepts", false: "refuses"}[c.Accepts]
			if got.Rows[i].ID != c.ID || got.Rows[i].Verdict != verdict || got.Run[i].ID != c.ID || got.Run[i].Accepts != c.Accepts || got.Run[i].Reason != c.Reason {
				t.Errorf("client %d: row %+v, run %+v, want %s %s", i, got.Rows[i], got.Run[i], c.ID, verdict)
			}
		}
		// A refusing client's check highlights its bytes in the response
		// editor.
		refusing := -1
		for i, c := range j.Clients {
			if !c.Accepts && c.Step >= 0 && !j.Trace[c.Step].Span.Empty() {
				refusing = i
				break
			}
		}
		if refusing < 0 {
			t.Fatalf("no client refuses %q with a span: pick a response that one refuses", resp)
		}
		p.click(`#explanation table.clients tr[data-client="` + j.Clients[refusing].ID + `"] button.check`)
		p.waitFor(`document.querySelector("#response-overlay mark.decisive")`)
		sp := j.Trace[j.Clients[refusing].Step].Span
		if got := eval[string](p, `document.querySelector("#response-overlay mark.decisive").textContent`); got != editor.Text([]byte(resp[sp.Start:sp.End]), "") {
			t.Errorf("the highlight covers %q, want %q", got, resp[sp.Start:sp.End])
		}
		// Back to the server's side: the engine's own answer.
		p.click("#reverse-back")
		p.waitFor(`document.getElementById("response-editor-wrap").hidden && !document.querySelector("#explanation table.clients")`)
	})

	t.Run("pasted response", func(t *testing.T) {
		p.open("req=" + sample)
		start := eval[string](p, `document.getElementById("request").defaultValue`)
		pasted := "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\n\n"
		eval[any](p, pasteJS+`(`+strconv.Quote(pasted)+`)`)
		p.waitFor(`document.querySelector('#paste-notice button[data-paste="reverse"]')`)
		p.click(`#paste-notice button[data-paste="reverse"]`)
		p.waitFor(`document.querySelector("#explanation table.clients") && location.hash.includes("resp=")`)
		got := eval[struct{ Request, Response string }](p, `({Request: document.getElementById("request").value, Response: document.getElementById("response-editor").value})`)
		if got.Response != pasted || got.Request != start {
			t.Errorf("after the paste: request %q, response %q", got.Request, got.Response)
		}
	})

	t.Run("hostile response", func(t *testing.T) {
		resp := "HTTP/1.1 101 <img src=x onerror=alert(1)>\r\nX: <script>alert(2)</script>\x00\x1b[31m\r\n\r\n" + strings.Repeat("\xff\xfe", 2000)
		p.open("req=" + sample + "&resp=" + base64.RawURLEncoding.EncodeToString([]byte(resp)))
		p.waitFor(`document.querySelector("#explanation table.clients")`)
		got := eval[struct {
			Markup int
			Value  string
		}](p, `(() => ({
			Markup: document.querySelectorAll("main img, main script:not([src]), [onerror]").length,
			Value: document.getElementById("response-editor").value.slice(0, 200),
		}))()`)
		if got.Markup != 0 || !strings.Contains(got.Value, "<img src=x onerror=alert(1)>") {
			t.Errorf("a hostile response: %d elements from it, the editor holds %q", got.Markup, got.Value)
		}
		// A huge one (200 KB of fields with markup and control bytes) is
		// judged and shown, and the page answers the next edit.
		huge := "HTTP/1.1 101 Switching Protocols\r\n" + strings.Repeat("X-A: <b onmouseover=alert(3)>\x01\r\n", 6000) + "\r\n"
		p.open("req=" + sample + "&resp=" + base64.RawURLEncoding.EncodeToString([]byte(huge)))
		p.waitFor(`document.querySelector("#explanation table.clients")`)
		eval[any](p, `(() => { const e = document.getElementById("response-editor"); e.value = "HTTP/1.1 200 OK\n\n"; e.dispatchEvent(new InputEvent("input", {bubbles: true})); })()`)
		want := ui.ReverseStatus(ui.Judge([]byte(sampleWS), []byte("HTTP/1.1 200 OK\r\n\r\n")))
		p.waitFor(`document.getElementById("status").textContent === ` + strconv.Quote(want))
		if n := eval[int](p, `document.querySelectorAll("[onmouseover], main img").length`); n != 0 {
			t.Errorf("a huge hostile response left %d elements with handlers", n)
		}
	})

	t.Run("axe", func(t *testing.T) {
		script := axeScript(t)
		p.open("req=" + sample)
		eval[any](p, script+";0")
		p.click("#compare-open")
		p.waitFor(`document.querySelector("#compare-body table")`)
		if v := eval[[]string](p, axeRun); len(v) > 0 {
			t.Errorf("axe-core, the comparison: %s", strings.Join(v, "\n"))
		}
		p.click("#compare-close")
		p.click("#reverse-open")
		p.waitFor(`document.querySelector("#explanation table.clients")`)
		if v := eval[[]string](p, axeRun); len(v) > 0 {
			t.Errorf("axe-core, reverse mode: %s", strings.Join(v, "\n"))
		}
	})
}

// jsString quotes s as a JavaScript string literal (ASCII only: a
// fragment is).
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
