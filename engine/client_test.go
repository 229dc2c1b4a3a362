package engine

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/upgrade-playground/playground/engine/wiretext"
)

const (
	testWSRequest = "GET /chat HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
	testWSResponse = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"
)

func TestParseResponse(t *testing.T) {
	tests := []struct {
		name, raw            string
		status, major, minor int
		fields               []string // name=value
		bareLF, folds, bad   int
		headerEnd            int
		lineProblem          bool
	}{
		{name: "101", raw: testWSResponse, status: 101, major: 1, minor: 1,
			fields: []string{"Upgrade=websocket", "Connection=Upgrade", "Sec-WebSocket-Accept=s3pPLMBiTxaQ9kYGzzhZRbK+xOo="}, headerEnd: len(testWSResponse)},
		{name: "bare LF", raw: "HTTP/1.1 101 OK\nUpgrade: websocket\n\nrest", status: 101, major: 1, minor: 1,
			fields: []string{"Upgrade=websocket"}, bareLF: 3, headerEnd: 36},
		{name: "obs-fold", raw: "HTTP/1.1 101 X\r\nConnection:\r\n  Upgrade\r\nA: b \r\n\r\n", status: 101, major: 1, minor: 1,
			fields: []string{"Connection=Upgrade", "A=b"}, folds: 1, headerEnd: 49},
		{name: "no reason", raw: "HTTP/1.0 200\r\n\r\n", status: 200, major: 1, minor: 0, headerEnd: 16},
		{name: "bad field", raw: "HTTP/1.1 101 X\r\nNo colon\r\nA : b\r\n\r\n", status: 101, major: 1, minor: 1, bad: 2, headerEnd: 35},
		{name: "garbage", raw: "\x00\x01\x02", status: -1, major: -1, minor: -1, headerEnd: -1, lineProblem: true},
		{name: "bad version", raw: "HTTP/2 101 X\r\n\r\n", status: 101, major: -1, minor: -1, headerEnd: 16, lineProblem: true},
		{name: "interim", raw: "HTTP/1.1 100 Continue\r\n\r\n" + testWSResponse, status: 101, major: 1, minor: 1,
			fields: []string{"Upgrade=websocket", "Connection=Upgrade", "Sec-WebSocket-Accept=s3pPLMBiTxaQ9kYGzzhZRbK+xOo="}, headerEnd: 25 + len(testWSResponse)},
		{name: "lone 100", raw: "HTTP/1.1 100 Continue\r\n\r\n", status: 100, major: 1, minor: 1, headerEnd: 25},
		{name: "incomplete", raw: "HTTP/1.1 101 X\r\nUpgrade: websocket\r\n", status: 101, major: 1, minor: 1, fields: []string{"Upgrade=websocket"}, headerEnd: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ParseResponse([]byte(tt.raw))
			if r.Status != tt.status || r.Major != tt.major || r.Minor != tt.minor || r.HeaderEnd != tt.headerEnd {
				t.Errorf("status %d version %d.%d end %d, want %d %d.%d %d", r.Status, r.Major, r.Minor, r.HeaderEnd, tt.status, tt.major, tt.minor, tt.headerEnd)
			}
			var got []string
			for _, f := range r.Fields {
				got = append(got, f.Name+"="+f.Value)
				if v := tt.raw[f.NameSpan.Start:f.NameSpan.End]; v != f.Name {
					t.Errorf("NameSpan covers %q, not %q", v, f.Name)
				}
			}
			if !slices.Equal(got, tt.fields) {
				t.Errorf("fields %q, want %q", got, tt.fields)
			}
			if len(r.BareLF) != tt.bareLF || len(r.Folds) != tt.folds || len(r.BadLines) != tt.bad {
				t.Errorf("bare LF %d, folds %d, bad lines %d; want %d %d %d", len(r.BareLF), len(r.Folds), len(r.BadLines), tt.bareLF, tt.folds, tt.bad)
			}
			if (r.LineProblem != "") != tt.lineProblem {
				t.Errorf("line problem %q", r.LineProblem)
			}
		})
	}
}

// FuzzParseResponse checks the response parser's invariants: it ends,
// every span lies within the input in order, and the head ends where a
// line ended.
func FuzzParseResponse(f *testing.F) {
	for _, file := range clientGoldenFiles(f) {
		_, _, resp := clientGoldenInput(f, file)
		f.Add(resp)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		r := ParseResponse(raw)
		in := func(sp Span) bool { return 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(raw) }
		for _, sp := range []Span{r.LineSpan, r.VersionSpan, r.StatusSpan, r.ReasonSpan} {
			if !in(sp) {
				t.Fatalf("status line span %v outside %d bytes", sp, len(raw))
			}
		}
		last := r.LineSpan.End
		for _, fl := range r.Fields {
			if !in(fl.Span) || !in(fl.NameSpan) || !in(fl.ValueSpan) || fl.Span.Start < last {
				t.Fatalf("field %q: spans %v %v %v after %d", fl.Name, fl.Span, fl.NameSpan, fl.ValueSpan, last)
			}
			if string(raw[fl.NameSpan.Start:fl.NameSpan.End]) != fl.Name {
				t.Fatalf("field name %q is not at %v", fl.Name, fl.NameSpan)
			}
			last = fl.Span.End
		}
		for _, sp := range append(append(append([]Span(nil), r.BareLF...), r.Folds...), r.BadLines...) {
			if !in(sp) {
				t.Fatalf("span %v outside %d bytes", sp, len(raw))
			}
		}
		if r.HeaderEnd > len(raw) || r.HeaderEnd >= 0 && (r.HeaderEnd < 1 || raw[r.HeaderEnd-1] != '\n') {
			t.Fatalf("the head ends at %d", r.HeaderEnd)
		}
		if len(r.Interim) > maxInterim {
			t.Fatalf("%d interim responses", len(r.Interim))
		}
	})
}

// TestJudgeVerdicts pins single verdicts the client sources make certain,
// one variation of the correct response at a time.
func TestJudgeVerdicts(t *testing.T) {
	const accept = "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
	head := "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + accept
	withReq := func(extra string) string {
		return strings.Replace(testWSRequest, "\r\n\r\n", "\r\n"+extra+"\r\n\r\n", 1)
	}
	tests := []struct {
		name, req, resp, client string
		accepts                 bool
		reason                  string
	}{
		{"correct chromium", testWSRequest, testWSResponse, "chromium", true, ""},
		{"no subprotocol chromium", withReq("Sec-WebSocket-Protocol: chat"), testWSResponse, "chromium", false,
			"Error during WebSocket handshake: Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received"},
		{"no subprotocol firefox", withReq("Sec-WebSocket-Protocol: chat"), testWSResponse, "firefox", true, ""},
		{"no subprotocol ws", withReq("Sec-WebSocket-Protocol: chat"), testWSResponse, "ws", false, "Server sent no subprotocol"},
		{"no subprotocol python", withReq("Sec-WebSocket-Protocol: chat"), testWSResponse, "websockets", true, ""},
		{"unoffered subprotocol gorilla", testWSRequest, head + "Sec-WebSocket-Protocol: x\r\n\r\n", "gorilla", true, ""},
		{"unoffered subprotocol coder", testWSRequest, head + "Sec-WebSocket-Protocol: x\r\n\r\n", "coder", false,
			`failed to WebSocket dial: WebSocket protocol violation: unexpected Sec-WebSocket-Protocol from server: "x"`},
		{"gorilla compression", withReq("Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover"),
			head + "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\n\r\n", "gorilla", false, "websocket: invalid compression negotiation"},
		{"unknown extension gorilla", testWSRequest, head + "Sec-WebSocket-Extensions: foo\r\n\r\n", "gorilla", true, ""},
		{"unknown extension coder", testWSRequest, head + "Sec-WebSocket-Extensions: foo\r\n\r\n", "coder", false,
			"failed to WebSocket dial: WebSocket protcol violation: unsupported extensions from server: []"},
		{"upgrade list chromium", testWSRequest, strings.Replace(testWSResponse, "Upgrade: websocket", "Upgrade: websocket, foo", 1), "chromium", false,
			"Error during WebSocket handshake: 'Upgrade' header must not appear more than once in a response"},
		{"upgrade list gorilla", testWSRequest, strings.Replace(testWSResponse, "Upgrade: websocket", "Upgrade: websocket, foo", 1), "gorilla", true, ""},
		{"duplicate accept chromium", testWSRequest, head + accept + "\r\n", "chromium", false,
			"Error during WebSocket handshake: 'Sec-WebSocket-Accept' header must not appear more than once in a response"},
		{"duplicate accept gorilla", testWSRequest, head + accept + "\r\n", "gorilla", true, ""},
		{"bare LF ws", testWSRequest, strings.ReplaceAll(testWSResponse, "\r\n", "\n"), "ws", false, "Parse Error: Missing expected CR after response line"},
		{"bare LF on a field line ws", testWSRequest, strings.Replace(testWSResponse, "Connection: Upgrade\r\n", "Connection: Upgrade\n", 1), "ws", false, "Parse Error: Missing expected CR after header value"},
		{"100 then 101 ws", testWSRequest, "HTTP/1.1 100 Continue\r\n\r\n" + testWSResponse, "ws", true, ""},
		{"100 then 101 chromium", testWSRequest, "HTTP/1.1 100 Continue\r\n\r\n" + testWSResponse, "chromium", false, "Error during WebSocket handshake: Unexpected response code: 100"},
		{"no SP after the status python", testWSRequest, strings.Replace(testWSResponse, "101 Switching Protocols", "101", 1), "websockets", false, "InvalidMessage: did not receive a valid HTTP response"},
		{"bare LF chromium", testWSRequest, strings.ReplaceAll(testWSResponse, "\r\n", "\n"), "chromium", true, ""},
		{"200 python", testWSRequest, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "websockets", false, "InvalidStatusCode: server rejected WebSocket connection: HTTP 200"},
		{"wrong accept coder", testWSRequest, strings.Replace(testWSResponse, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", "x", 1), "coder", false,
			`failed to WebSocket dial: WebSocket protocol violation: invalid Sec-WebSocket-Accept "x", key "dGhlIHNhbXBsZSBub25jZQ=="`},
		{"connection close gorilla", testWSRequest, strings.Replace(testWSResponse, "Connection: Upgrade", "Connection: Upgrade, close", 1), "gorilla", false, "websocket: bad handshake"},
		{"connection close on its own line coder", testWSRequest, strings.Replace(testWSResponse, "Connection: Upgrade\r\n", "Connection: Upgrade\r\nConnection: \tCLOSE \r\n", 1), "coder", false,
			`failed to WebSocket dial: WebSocket protocol violation: Connection header "" does not contain Upgrade`},
		{"connection close without upgrade coder", testWSRequest, strings.Replace(testWSResponse, "Connection: Upgrade", "Connection: close", 1), "coder", false,
			`failed to WebSocket dial: WebSocket protocol violation: Connection header "" does not contain Upgrade`},
		{"connection close chromium", testWSRequest, strings.Replace(testWSResponse, "Connection: Upgrade", "Connection: Upgrade, close", 1), "chromium", true, ""},
		{"connection close HTTP/1.0 coder", testWSRequest, strings.Replace(strings.Replace(testWSResponse, "Connection: Upgrade", "Connection: Upgrade, close", 1), "HTTP/1.1", "HTTP/1.0", 1), "coder", true, ""},
		{"connection closed-ish token gorilla", testWSRequest, strings.Replace(testWSResponse, "Connection: Upgrade", "Connection: Upgrade, closer", 1), "gorilla", true, ""},
		{"reason not UTF-8 python", testWSRequest, strings.Replace(testWSResponse, "Switching Protocols", "Switching \xfc Protocols", 1), "websockets", false, "InvalidMessage: did not receive a valid HTTP response"},
		{"reason truncated UTF-8 python", testWSRequest, strings.Replace(testWSResponse, "Switching Protocols", "Switching \xe2\x82", 1), "websockets", false, "InvalidMessage: did not receive a valid HTTP response"},
		{"reason UTF-8 python", testWSRequest, strings.Replace(testWSResponse, "Switching Protocols", "Umschaltung \xe2\x82\xac", 1), "websockets", true, ""},
		{"reason not UTF-8 chromium", testWSRequest, strings.Replace(testWSResponse, "Switching Protocols", "Switching \xfc Protocols", 1), "chromium", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := Judge([]byte(tt.req), []byte(tt.resp))
			v := j.Verdict(tt.client)
			if v == nil {
				t.Fatalf("no verdict for %s", tt.client)
			}
			if v.Accepts != tt.accepts || v.Reason != tt.reason {
				t.Errorf("accepts %v reason %q, want %v %q", v.Accepts, v.Reason, tt.accepts, tt.reason)
			}
			if v.Accepts != (v.Step < 0) {
				t.Errorf("step %d with accepts %v", v.Step, v.Accepts)
			}
			if !v.Accepts && (v.Step >= len(j.Trace) || j.Trace[v.Step].Outcome == Pass) {
				t.Errorf("refusal step %d is not a failed check", v.Step)
			}
		})
	}
}

// TestJudgeEngineAnswers judges every 101 the engine itself answers in the
// server-side goldens: no client may find a violation of a client MUST in
// it. What remains is a client's own rule beyond the RFCs (gorilla's
// *_no_context_takeover, coder's client_max_window_bits, a missing
// subprotocol), each a Warn or Info note, never a Bad one.
func TestJudgeEngineAnswers(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	judged := 0
	for _, file := range files {
		req, cfg := goldenInput(t, file)
		res := Negotiate(req, &cfg)
		if res.Switched != "websocket" && res.Switched != "h2c" || res.Hop != nil {
			continue
		}
		j := Judge(res.Request.Raw[:res.Request.After], res.ServerBytes())
		judged++
		for _, s := range j.Trace {
			if s.Outcome == Fail && s.Note != nil && s.Note.Level == Bad {
				t.Errorf("%s: the engine's own answer fails %s: %s", filepath.Base(file), s.Note.ID, s.Summary())
			}
		}
	}
	if judged < 20 {
		t.Errorf("only %d goldens switch protocols", judged)
	}
}

// TestJudgeRoundTrip links the two directions: Judge(request,
// ServerAnswer().Bytes()) judges the engine's answer to the judged request.
func TestJudgeRoundTrip(t *testing.T) {
	j := Judge([]byte(testWSRequest), []byte("HTTP/1.1 200 OK\r\n\r\n"))
	ans := j.ServerAnswer()
	if ans.Status() != 101 {
		t.Fatalf("the server answers %d", ans.Status())
	}
	for _, v := range Judge([]byte(testWSRequest), ans.ServerBytes()).Clients {
		if !v.Accepts {
			t.Errorf("%s refuses the engine's answer: %s", v.ID, v.Reason)
		}
	}
	h2c := "GET / HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n"
	res := Negotiate([]byte(h2c), nil)
	j = Judge([]byte(h2c), res.ServerBytes())
	if v := j.Verdict("curl"); v == nil || !v.Accepts {
		t.Errorf("curl refuses the engine's h2c answer: %+v\n%s", v, FormatJudgeTrace(j))
	}
	if v := Judge([]byte(h2c), res.Bytes()).Verdict("curl"); v == nil || v.Accepts {
		t.Errorf("curl accepts a 101 without the server's SETTINGS: %+v", v)
	}
}

// TestJudgeHostile feeds huge, binary and markup-laden responses: Judge
// stays within its bounds, quotes at most maxShown bytes of any value, and
// never takes long.
func TestJudgeHostile(t *testing.T) {
	many := "HTTP/1.1 101 X\r\n" + strings.Repeat("Upgrade: websocket, "+strings.Repeat("a,", 100)+"\r\n", 5000) + "\r\n"
	tests := map[string]string{
		"huge value":  "HTTP/1.1 101 X\r\nUpgrade: " + strings.Repeat("w", 1<<20) + "\r\n\r\n",
		"many lines":  many,
		"huge line":   "HTTP/1.1 101 " + strings.Repeat("x", 1<<20),
		"binary":      string(bytes.Repeat([]byte{0, 0xff, '\r', '\n', ' ', ':'}, 100000)),
		"markup":      "HTTP/1.1 101 <script>alert(1)</script>\r\nUpgrade: <img src=x onerror=alert(1)>\r\nSec-WebSocket-Protocol: <b>x</b>\r\n\r\n",
		"many ext":    "HTTP/1.1 101 X\r\nSec-WebSocket-Extensions: " + strings.Repeat("permessage-deflate; a; a; a, ", 20000) + "\r\n\r\n",
		"many params": "HTTP/1.1 101 X\r\nSec-WebSocket-Extensions: permessage-deflate" + strings.Repeat("; server_no_context_takeover", 20000) + "\r\n\r\n",
		"bad params":  "HTTP/1.1 101 X\r\nSec-WebSocket-Extensions: permessage-deflate" + strings.Repeat("; server_max_window_bits", 20000) + "\r\n\r\n",
		"bad ext":     "HTTP/1.1 101 X\r\nSec-WebSocket-Extensions: " + strings.Repeat("=, ", 50000) + "\r\n\r\n",
		"bad lines":   "HTTP/1.1 101 X\r\n" + strings.Repeat("no colon\r\n", 900) + "\r\n",
		"interims":    strings.Repeat("HTTP/1.1 100 Continue\r\n\r\n", 100) + testWSResponse,
	}
	req := []byte(strings.Replace(testWSRequest, "\r\n\r\n", "\r\nSec-WebSocket-Extensions: permessage-deflate\r\nSec-WebSocket-Protocol: chat\r\n\r\n", 1))
	for name, resp := range tests {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			j := Judge(req, []byte(resp))
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("Judge took %v", d)
			}
			checkJudgement(t, j)
			if len(j.Trace) > maxSteps+int(numFindings)+1 {
				t.Errorf("the trace has %d steps", len(j.Trace))
			}
			for _, v := range j.Clients {
				if len(v.Reason) > 4*maxShown+400 {
					t.Errorf("%s's reason is %d bytes long", v.ID, len(v.Reason))
				}
			}
		})
	}
	t.Run("huge request", func(t *testing.T) {
		big := strings.Replace(testWSRequest, "\r\n\r\n", "\r\nSec-WebSocket-Extensions: "+strings.Repeat("permessage-deflate; server_max_window_bits=10, x-foo, ", 3000)+
			"\r\nSec-WebSocket-Protocol: "+strings.Repeat("p, ", 10000)+"\r\n\r\n", 1)
		resp := strings.Replace(testWSResponse, "\r\n\r\n", "\r\nSec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=12\r\nSec-WebSocket-Protocol: q\r\n\r\n", 1)
		start := time.Now()
		j := Judge([]byte(big), []byte(resp))
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Judge took %v", d)
		}
		checkJudgement(t, j)
	})
	j := Judge(req, []byte(many))
	if !j.Head.TooLarge {
		t.Errorf("a head of %d bytes is not reported too large", len(many))
	}
	found := false
	for _, s := range j.Trace {
		found = found || s.Note == noteClientHeadTooLarge
	}
	if !found {
		t.Error("client-head-too-large is not raised")
	}
}

// checkJudgement checks a judgement's invariants: spans within the
// response, one verdict per client that sends such a request, and each
// refusal pointing at a failed step.
func checkJudgement(t testing.TB, j *Judgement) {
	t.Helper()
	for i, s := range j.Trace {
		if s.Span.Start < 0 || s.Span.End > len(j.Response) || s.Span.Start > s.Span.End {
			t.Fatalf("step %d (%s) has span %v outside the %d-byte response", i, s.Check, s.Span, len(j.Response))
		}
		for _, v := range s.Vars {
			if len(v.Value) > 2*maxShown+200 {
				t.Fatalf("step %d var %s is %d bytes long", i, v.Name, len(v.Value))
			}
		}
	}
	want := 0
	for _, c := range clients {
		if c.speaks(j.Kind) {
			want++
		}
	}
	if len(j.Clients) != want {
		t.Fatalf("%d verdicts, want %d", len(j.Clients), want)
	}
	for _, v := range j.Clients {
		if v.Accepts && (v.Step != -1 || v.Reason != "") {
			t.Fatalf("%s: accepts, with step %d and reason %q", v.ID, v.Step, v.Reason)
		}
		if !v.Accepts && v.Reason == "" {
			t.Fatalf("%s refuses without a reason", v.ID)
		}
		if v.Step >= len(j.Trace) {
			t.Fatalf("%s: step %d of %d", v.ID, v.Step, len(j.Trace))
		}
	}
}

// FuzzJudge checks that Judge never panics, is deterministic, keeps spans
// within the response and ends on any input.
func FuzzJudge(f *testing.F) {
	for _, file := range clientGoldenFiles(f) {
		_, req, resp := clientGoldenInput(f, file)
		f.Add(req, resp)
	}
	f.Fuzz(func(t *testing.T, req, resp []byte) {
		j := Judge(req, resp)
		checkJudgement(t, j)
		again := Judge(req, resp)
		if FormatJudgeTrace(j) != FormatJudgeTrace(again) || FormatVerdicts(j) != FormatVerdicts(again) {
			t.Fatal("Judge is not deterministic")
		}
		for i, s := range j.Trace {
			if !s.Span.Empty() {
				a, z := j.Head.Pos(s.Span.Start), j.Head.Pos(s.Span.End)
				if a.Line < 1 || a.Col < 1 || z.Line < a.Line {
					t.Fatalf("step %d: positions %v %v", i, a, z)
				}
			}
		}
	})
}

func BenchmarkJudge(b *testing.B) {
	req := wiretext.Decode("GET /chat HTTP/1.1\nHost: example.com\nUpgrade: websocket\nConnection: Upgrade\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\nSec-WebSocket-Version: 13\nSec-WebSocket-Protocol: chat, superchat\n" +
		"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\n\n")
	resp := Negotiate(req, nil).Bytes()
	b.ReportAllocs()
	b.SetBytes(int64(len(req) + len(resp)))
	for b.Loop() {
		Judge(req, resp)
	}
}
