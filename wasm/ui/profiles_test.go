package ui

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine"
)

// texts gathers every text of a tree, in document order, and whether an
// element with the attribute name=value is in it.
func texts(n *Node) string {
	var b strings.Builder
	var walk func(*Node)
	walk = func(n *Node) {
		if n.Tag == "" {
			b.WriteString(n.Text)
		}
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// find returns the elements of a tree with the attribute's value.
func find(n *Node, attr, value string) []*Node {
	var out []*Node
	var walk func(*Node)
	walk = func(n *Node) {
		if n.Tag != "" && n.Attr(attr) == value {
			out = append(out, n)
		}
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

func hasClass(n *Node, cls string) bool {
	return strings.Contains(" "+n.Attr("class")+" ", " "+cls+" ")
}

// answer is a final response for the synthetic results of these tests.
func answer(status int, body string, hs ...string) *engine.Result {
	r := &engine.Result{Decisive: -1, Final: &engine.Response{Status: status, Body: []byte(body)}}
	for i := 0; i+1 < len(hs); i += 2 {
		r.Final.Headers = append(r.Final.Headers, engine.Header{Name: hs[i], Value: hs[i+1]})
	}
	return r
}

func TestCompareView(t *testing.T) {
	ps := engine.Profiles()
	if len(ps) < 3 {
		t.Fatalf("%d profiles", len(ps))
	}
	hostile := "<img src=x onerror=alert(1)>"
	cols := []Column{
		{ps[0], answer(101, "", "Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")},
		{ps[1], answer(403, "Forbidden\n", "Content-Type", "text/plain; charset=utf-8", "X-Evil", hostile)},
		{ps[2], &engine.Result{Decisive: -1, Closed: true}},
	}
	for _, p := range ps[3:] {
		cols = append(cols, Column{p, answer(101, "", "Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")})
	}
	v := CompareView(cols)
	if bad := Violations(v); len(bad) > 0 {
		t.Fatalf("violations: %v", bad)
	}
	for _, c := range cols {
		if len(find(v, "data-srv", c.Profile.ID)) == 0 {
			t.Errorf("no column for %s", c.Profile.ID)
		}
	}
	all := texts(v)
	for _, want := range []string{"HTTP/1.1 403 Forbidden", "closed, no answer", "X-Evil: " + hostile, "Content-Type: text/plain; charset=utf-8"} {
		if !strings.Contains(all, want) {
			t.Errorf("the view does not show %q", want)
		}
	}
	// The 403's cell differs from the RFC server's; a profile that answers
	// as the RFC server does has no highlighted cell.
	var differs, same int
	for _, td := range find(v, "data-srv", ps[1].ID) {
		if hasClass(td, "differs") {
			differs++
		}
	}
	for _, td := range find(v, "data-srv", ps[3].ID) {
		if hasClass(td, "differs") {
			same++
		}
	}
	if differs == 0 || same != 0 {
		t.Errorf("highlighted cells: %d for the 403, %d for the same answer", differs, same)
	}
	// Each answer that differs is explained, and only those.
	for i, c := range cols {
		n := 0
		for _, a := range find(v, "data-srv", c.Profile.ID) {
			if a.Tag == "article" {
				n++
			}
		}
		if want := map[bool]int{true: 1, false: 0}[i == 1 || i == 2]; n != want {
			t.Errorf("%s: %d explanations, want %d", c.Profile.ID, n, want)
		}
	}
	if !strings.Contains(all, "RFC 6455 §4.1") {
		t.Errorf("the explanation does not say what a WebSocket client does (RFC 6455 §4.1)")
	}
}

// TestCompareFoldsIdenticalLines: lines every answer shares are not rows
// of the table but one folded list.
func TestCompareFoldsIdenticalLines(t *testing.T) {
	ps := engine.Profiles()
	var cols []Column
	for i, p := range ps {
		r := answer(200, "ok", "Content-Length", "2", "X-Server", p.ID)
		if i == 0 {
			r = answer(200, "ok", "Content-Length", "2")
		}
		cols = append(cols, Column{p, r})
	}
	v := CompareView(cols)
	rows := 0
	for _, tr := range find(v, "class", "diff") {
		rows++
		if strings.Contains(texts(tr), "Content-Length") {
			t.Errorf("an identical line is a row: %q", texts(tr))
		}
	}
	if rows != 1 {
		t.Errorf("%d rows, want 1 (X-Server)", rows)
	}
	d := find(v, "class", "compare-same")
	if len(d) != 1 || !strings.Contains(texts(d[0]), "Content-Length: 2") {
		t.Errorf("the identical lines are not folded together")
	}
}

// TestCompareLink: compare() answers with every profile, in the page's
// order, each as the engine answers the request with that profile.
func TestCompareLink(t *testing.T) {
	for _, frag := range []string{"ex=ws-rfc6455-sample", "ex=h2c-curl&proxy=nginx", "req=" + base64.RawURLEncoding.EncodeToString([]byte("GET / HTTP/1.0\r\n\r\n"))} {
		got := CompareLink(frag, "")
		checkPlain(t, "compare()", got)
		ps := engine.Profiles()
		if len(got) != len(ps) {
			t.Fatalf("%s: %d answers, want %d", frag, len(got), len(ps))
		}
		for i, p := range ps {
			m := got[i].(map[string]any)
			frag := frag + "&srv=" + p.ID
			run := RunLink(frag, "")
			if m["srv"] != p.ID || m["title"] != p.Title || m["status"] != run["status"] || m["response"] != run["response"] {
				t.Errorf("%s: compare()[%d] = %v, want %s's answer %v %q", frag, i, m, p.ID, run["status"], run["response"])
			}
		}
	}
	if got := CompareLink("req=%%", ""); len(got) != 0 {
		t.Errorf("a refused link compares %d answers", len(got))
	}
}

func TestClosedIsExplained(t *testing.T) {
	res := &engine.Result{Decisive: -1, Closed: true}
	if ResponseText(res) == "" || !strings.Contains(ResponseText(res), "closed") {
		t.Errorf("ResponseText = %q", ResponseText(res))
	}
	if !strings.Contains(ResponseInfo(res), "closed") || !strings.Contains(StatusLine(res), "Closed") {
		t.Errorf("info %q, status %q", ResponseInfo(res), StatusLine(res))
	}
	r := RunResult(res, nil)
	if r["status"] != 0 || r["closed"] != true || r["response"] != "" {
		t.Errorf("run() = status %v, closed %v, response %q", r["status"], r["closed"], r["response"])
	}
	if !strings.Contains(texts(Explanation(res)), "closed the connection") {
		t.Errorf("the Why pane does not say the server closed the connection")
	}
}

func TestHops(t *testing.T) {
	req := []byte("GET / HTTP/1.1\r\nHost: a\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n")
	cfg := engine.DefaultConfig()
	res := engine.Negotiate(req, &cfg)
	backend := answer(200, "hi", "Content-Length", "2")
	res.Hop = &engine.Hop{Proxy: "nginx", Title: "nginx 1.22.1", Forwarded: []byte("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"), Backend: backend,
		Trace: []engine.Step{{Check: "strips the hop-by-hop fields", Outcome: engine.Pass}}}
	h := Hops(res)
	if h == nil {
		t.Fatal("no hops")
	}
	var titles []string
	for _, n := range h.Kids {
		if n.Tag == "section" {
			titles = append(titles, texts(n.Kids[0]))
		}
	}
	want := []string{"1. client → nginx", "2. nginx → server", "3. server → nginx", "4. nginx → client"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("hops %q, want %q", titles, want)
	}
	all := texts(h)
	if !strings.Contains(all, "Connection: close") || !strings.Contains(all, "HTTP2-Settings: AAMAAABk") {
		t.Errorf("the hops do not show the forwarded and the client's bytes")
	}
	why := texts(Explanation(res))
	if !strings.Contains(why, "strips the hop-by-hop fields") || !strings.Contains(why, "At the server") {
		t.Errorf("the Why pane does not explain both hops")
	}
	if Hops(engine.Negotiate(req, &cfg)) != nil {
		t.Errorf("hops without a proxy")
	}
	// The proxy answering itself: two hops.
	res.Hop.Forwarded, res.Hop.Backend = nil, nil
	if n := len(find(Hops(res), "class", "hop p2c")); n != 1 || len(Hops(res).Kids) != 3 {
		t.Errorf("a proxy's own answer: %d kids", len(Hops(res).Kids))
	}
}

func TestReverseView(t *testing.T) {
	hostile := "<script>alert(1)</script>\x00\u202e"
	resp := []byte("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Protocol: " + hostile + "\r\n\r\n")
	j := &engine.Judgement{Response: resp,
		Trace: []engine.Step{
			{Check: "status is 101", Outcome: engine.Pass, Span: engine.Span{Start: 9, End: 12}},
			{Check: "subprotocol was offered", Outcome: engine.Fail, Span: engine.Span{Start: 54, End: 61}},
		},
		Clients: []engine.ClientVerdict{
			{ID: "chromium", Title: "Chromium", Accepts: false, Reason: "Error during WebSocket handshake: " + hostile, Refs: []engine.Ref{{RFC: 6455, Section: "4.1"}}, Step: 1},
			{ID: "firefox", Title: "Firefox", Accepts: true, Step: -1},
		}}
	v := ReverseView(j)
	if bad := Violations(v); len(bad) > 0 {
		t.Fatalf("violations: %v", bad)
	}
	all := texts(v)
	if !strings.Contains(all, "1 of 2 clients accept") || !strings.Contains(all, "<script>alert(1)</script>␀⟨E2⟩⟨80⟩⟨AE⟩") {
		t.Errorf("the view shows %q", all)
	}
	rows := find(v, "data-client", "chromium")
	if len(rows) != 1 || !hasClass(rows[0], "refuses") || len(find(rows[0], "data-step", "1")) != 1 || !strings.Contains(texts(rows[0]), "response line 3, col 1") {
		t.Errorf("chromium's row: %v", rows)
	}
	if rows := find(v, "data-client", "firefox"); len(rows) != 1 || !hasClass(rows[0], "accepts") {
		t.Errorf("firefox's row: %v", rows)
	}
	got := RunClients(j)
	checkPlain(t, "clients", got)
	c0 := got[0].(map[string]any)
	if c0["id"] != "chromium" || c0["accepts"] != false || c0["reason"] != j.Clients[0].Reason || c0["refs"].([]any)[0] != "RFC 6455 §4.1" {
		t.Errorf("clients[0] = %v", c0)
	}
	if l, c := RespPos(resp, 34); l != 2 || c != 1 {
		t.Errorf("RespPos(34) = %d, %d", l, c)
	}
}

func TestServerDrawer(t *testing.T) {
	for _, p := range engine.Profiles() {
		cfg := p.Config()
		n := Server(&cfg)
		if bad := Violations(n); len(bad) > 0 {
			t.Fatalf("violations: %v", bad)
		}
		sel := find(n, "name", "srv")
		if len(sel) != 1 || len(sel[0].Kids) != len(engine.Profiles()) {
			t.Fatalf("%s: the profile chooser has %v", p.ID, sel)
		}
		for i, o := range sel[0].Kids {
			q := engine.Profiles()[i]
			_, selected := attrOf(o, "selected")
			if o.Attr("value") != q.ID || texts(o) != q.Title || selected != (q == p) {
				t.Errorf("option %d: %q %q selected=%v", i, o.Attr("value"), texts(o), selected)
			}
		}
		if !strings.Contains(texts(n), p.Setup) {
			t.Errorf("%s: the setup sentence is not shown", p.ID)
		}
		if len(Overrides(&cfg)) != 0 || len(find(n, "class", "setting kind-bool override")) != 0 {
			t.Errorf("%s: overrides at the profile's defaults: %v", p.ID, Overrides(&cfg))
		}
	}
	cfg := engine.LookupProfile("gorilla").Config()
	if err := engine.LookupSetting("pmd").Set(&cfg, flip(engine.LookupSetting("pmd").Get(&cfg))); err != nil {
		t.Fatal(err)
	}
	cfg.Proxy = "nginx"
	n := Server(&cfg)
	if o := Overrides(&cfg); len(o) != 1 || o[0] != "pmd" {
		t.Errorf("overrides %v, want [pmd]", o)
	}
	if len(find(n, "class", "setting kind-bool override")) != 1 || !strings.Contains(texts(n), "changed from the profile's") {
		t.Errorf("the changed setting is not shown as an override")
	}
	px := find(n, "name", "proxy")
	if len(px) != 1 {
		t.Fatal("no proxy select")
	}
	for _, o := range px[0].Kids {
		if _, sel := attrOf(o, "selected"); sel != (o.Attr("value") == "nginx") {
			t.Errorf("proxy option %q selected=%v", o.Attr("value"), sel)
		}
	}
}

func flip(v string) string {
	if v == "1" {
		return "0"
	}
	return "1"
}

func attrOf(n *Node, name string) (string, bool) {
	for _, a := range n.Attrs {
		if a[0] == name {
			return a[1], true
		}
	}
	return "", false
}

// TestRunProfileAndReverse: run() names the profile the link chose, and
// with resp the clients' verdicts.
func TestRunProfileAndReverse(t *testing.T) {
	for _, p := range engine.Profiles() {
		if got := RunLink("ex=ws-rfc6455-sample&srv="+p.ID, ""); got["server"] != p.ID {
			t.Errorf("srv=%s: server %v", p.ID, got["server"])
		}
	}
	if got := RunLink("ex=ws-rfc6455-sample", ""); got["server"] != "rfc" || got["closed"] != false {
		t.Errorf("no srv: server %v closed %v", got["server"], got["closed"])
	}
	resp := base64.RawURLEncoding.EncodeToString([]byte("HTTP/1.1 200 OK\r\n\r\n"))
	got := RunLink("ex=ws-rfc6455-sample&resp="+resp, "")
	checkPlain(t, "run()", got)
	cl, ok := got["clients"].([]any)
	if !ok {
		t.Fatalf("run() with resp has no clients: %v", got["clients"])
	}
	j := Judge(sampleRequest(), []byte("HTTP/1.1 200 OK\r\n\r\n"))
	if len(cl) != len(j.Clients) {
		t.Errorf("%d clients, want %d", len(cl), len(j.Clients))
	}
	if _, ok := RunLink("ex=ws-rfc6455-sample", "")["clients"]; ok {
		t.Errorf("clients without resp")
	}
}

func sampleRequest() []byte {
	return []byte("GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://example.com\r\nSec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Version: 13\r\n\r\n")
}

// TestHopsFromTheEngine: with proxy=nginx the page shows the engine's two
// hops, and run() gives what nginx forwarded and the server's answer.
func TestHopsFromTheEngine(t *testing.T) {
	frag := "req=" + base64.RawURLEncoding.EncodeToString(sampleRequest()) + "&srv=ws&proxy=nginx"
	res := linkResult(frag, "")
	if res.Hop == nil || res.Hop.Backend == nil || res.Hop.Forwarded == nil {
		t.Fatalf("the engine gives no hop for %s: %+v", frag, res.Hop)
	}
	h := Hops(res)
	all := texts(h)
	for _, b := range [][]byte{res.Request.Raw, res.Hop.Forwarded, res.Hop.Backend.Bytes(), res.Bytes()} {
		text, _ := showBytes(b)
		if !strings.Contains(all, text) {
			t.Errorf("the hops do not show %q", b)
		}
	}
	why := Explanation(res)
	if len(find(why, "class", "hop-why")) != 1 || !strings.Contains(texts(why), "At the server") {
		t.Errorf("the Why pane does not explain the server's hop")
	}
	run := RunLink(frag, "")
	checkPlain(t, "run()", run)
	hop, ok := run["hop"].(map[string]any)
	if !ok || hop["proxy"] != "nginx" || hop["forwarded"] != latin1(res.Hop.Forwarded) || hop["status"] != res.Hop.Backend.Status() || hop["response"] != string(res.Hop.Backend.Bytes()) {
		t.Errorf("run().hop = %v", run["hop"])
	}
}
