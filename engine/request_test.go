package engine

import (
	"strconv"
	"strings"
	"testing"
)

// TestDiagnosticSpans checks that each decisive diagnostic points at the
// exact offending bytes of the request.
func TestDiagnosticSpans(t *testing.T) {
	tests := []struct {
		name, raw string
		note      string
		bytes     string // the bytes the span covers
		line, col int
	}{
		{"space-before-colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", "space-before-colon", " ", 2, 5},
		{"tab-before-colon", "GET / HTTP/1.1\r\nHost\t\t: a\r\n\r\n", "space-before-colon", "\t\t", 2, 5},
		{"name-not-token", "GET / HTTP/1.1\r\nHost: a\r\nX(y): 1\r\n\r\n", "field-name-not-token", "(", 3, 2},
		{"empty-name", "GET / HTTP/1.1\r\nHost: a\r\n: 1\r\n\r\n", "field-name-not-token", ":", 3, 1},
		{"nul", "GET / HTTP/1.1\r\nHost: a\r\nX: ab\x00c\r\n\r\n", "value-cr-lf-nul", "\x00", 3, 6},
		{"esc", "GET / HTTP/1.1\r\nHost: a\r\nX: \x1b\r\n\r\n", "value-ctl", "\x1b", 3, 4},
		{"bare-cr", "GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", "bare-cr", "\r", 3, 5},
		{"bare-cr-request-line", "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", "bare-cr", "\r", 1, 6},
		{"method", "G@T / HTTP/1.1\r\nHost: a\r\n\r\n", "method-not-token", "@", 1, 2},
		{"method-case", "Get / HTTP/1.1\r\nHost: a\r\n\r\n", "method-case", "Get", 1, 1},
		{"double-space", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", "request-line-spaces", " ", 1, 5},
		{"trailing-space-in-target", "GET /  HTTP/1.1\r\nHost: a\r\n\r\n", "request-line-spaces", " ", 1, 6},
		{"target-space", "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", "target-whitespace", " ", 1, 7},
		{"target-byte", "GET /\xff HTTP/1.1\r\nHost: a\r\n\r\n", "target-bad-byte", "\xff", 1, 6},
		{"version", "GET / HTTP/1.x\r\nHost: a\r\n\r\n", "version-syntax", "HTTP/1.x", 1, 7},
		{"version-major", "GET / HTTP/3.0\r\nHost: a\r\n\r\n", "version-unsupported", "HTTP/3.0", 1, 7},
		{"no-version", "GET /\r\nHost: a\r\n\r\n", "request-line-no-version", "\r\n", 1, 6},
		{"asterisk", "GET * HTTP/1.1\r\nHost: a\r\n\r\n", "asterisk-form-method", "*", 1, 5},
		{"host-dup", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "host-duplicate", "Host: b", 3, 1},
		{"host-bad", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", "host-invalid", " ", 2, 8},
		{"host-unclosed-ipv6", "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", "host-invalid", "1", 2, 10},
		{"obs-fold", "GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n 2\r\n\r\n", "obs-fold-rejected", " 2", 4, 1},
		{"no-colon", "GET / HTTP/1.1\r\nHost: a\r\nnope\r\n\r\n", "field-no-colon", "nope", 3, 1},
		{"cl-letter", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n", "content-length-invalid", "x", 3, 18},
		{"cl-differing", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\n", "content-length-invalid", "2", 3, 20},
		{"te-last", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, x\r\n\r\n", "te-chunked-not-last", "x", 3, 29},
		{"chunk-size", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nq\r\n", "chunked-syntax", "q", 5, 1},
		{"expect", "GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue, nope\r\n\r\n", "expect-unknown", "nope", 3, 23},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Negotiate([]byte(tt.raw), nil)
			if res.Decisive < 0 {
				t.Fatalf("no decisive step:\n%s", FormatTrace(res))
			}
			s := res.Trace[res.Decisive]
			if s.Note.ID != tt.note {
				t.Fatalf("decided by %s, want %s:\n%s", s.Note.ID, tt.note, FormatTrace(res))
			}
			if got := tt.raw[s.Span.Start:s.Span.End]; got != tt.bytes {
				t.Errorf("span %v covers %q, want %q", s.Span, got, tt.bytes)
			}
			if p := res.Request.Pos(s.Span.Start); p.Line != tt.line || p.Col != tt.col {
				t.Errorf("position %d:%d, want %d:%d", p.Line, p.Col, tt.line, tt.col)
			}
		})
	}
}

func TestPos(t *testing.T) {
	raw := []byte("ab\r\ncd\nef")
	cfg := DefaultConfig()
	r := new(Request)
	parse(r, raw, &cfg, &trace{refusal: -1})
	tests := []struct{ off, line, col int }{
		{0, 1, 1}, {1, 1, 2}, {3, 1, 4}, {4, 2, 1}, {6, 2, 3}, {7, 3, 1}, {9, 3, 3},
	}
	for _, tt := range tests {
		if p := r.Pos(tt.off); p.Line != tt.line || p.Col != tt.col || p.Offset != tt.off {
			t.Errorf("Pos(%d) = %+v, want line %d col %d", tt.off, p, tt.line, tt.col)
		}
	}
}

// TestNeverSwitchWhenClosing checks the close-versus-switch decision on
// every way a request can oblige the server to close.
func TestNeverSwitchWhenClosing(t *testing.T) {
	const ws = "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
	tests := []struct {
		name, raw, settings string
	}{
		{"connection-close", "GET / HTTP/1.1\r\nHost: a\r\nConnection: upgrade, close\r\n" + ws + "\r\n", ""},
		{"close-first-line", "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\nConnection: upgrade\r\n" + ws + "\r\n", ""},
		{"te-and-cl", "GET / HTTP/1.1\r\nHost: a\r\nConnection: upgrade\r\n" + ws + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "tecl=te"},
		{"http10", "GET / HTTP/1.0\r\nHost: a\r\nConnection: upgrade, keep-alive\r\n" + ws + "\r\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := goldenConfig(tt.settings)
			if err != nil {
				t.Fatal(err)
			}
			res := Negotiate([]byte(tt.raw), &cfg)
			if res.Status() == 101 || res.Switched != "" {
				t.Fatalf("switched on a connection that must close:\n%s", FormatTrace(res))
			}
			if tt.name != "http10" && !responseHasOption(res.Final, "close") {
				t.Fatalf("response without Connection: close:\n%s", res.Bytes())
			}
		})
	}
	// Control: the same handshake without close switches.
	res := Negotiate([]byte("GET / HTTP/1.1\r\nHost: a\r\nConnection: upgrade\r\n"+ws+"\r\n"), nil)
	if res.Status() != 101 {
		t.Fatalf("control handshake: %d\n%s", res.Status(), FormatTrace(res))
	}
}

// TestHugePastes runs inputs of 1 MiB and more, of several shapes: each gets a response
// (or waits for more), the trace stays bounded and keeps its deciding step.
func TestHugePastes(t *testing.T) {
	const mib = 1 << 20
	head := "GET / HTTP/1.1\r\nHost: a\r\n"
	lenient := DefaultConfig()
	lenient.HTTP.MaxFields = 1 << 20
	lenient.HTTP.MaxHeaderBytes = 4 << 20
	bigBody := DefaultConfig()
	bigBody.HTTP.MaxBody = 16 << 20
	tests := []struct {
		name string
		raw  string
		cfg  Config
		want int // status; 0 means waiting
	}{
		{"empty-lines", strings.Repeat("\r\n", mib/2), DefaultConfig(), 0},
		{"one-long-line", "GET /" + strings.Repeat("a", mib) + " HTTP/1.1\r\n\r\n", DefaultConfig(), 414},
		{"many-fields", head + strings.Repeat("X: 1\r\n", mib/5) + "\r\n", DefaultConfig(), 431},
		{"many-bad-lines", head + strings.Repeat("x\r\n", mib/3) + "\r\n", lenient, 400},
		{"many-offers", head + "Connection: upgrade\r\nUpgrade: " + strings.Repeat("a,", 4000) + "b\r\n\r\n", DefaultConfig(), 200},
		{"long-body", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: " + strconv.Itoa(mib) + "\r\n\r\n" + strings.Repeat("b", mib), DefaultConfig(), 200},
		{"chunks", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + strings.Repeat("1\r\nb\r\n", mib/6) + "0\r\n\r\n", DefaultConfig(), 200},
		{"no-line-end", "GET /" + strings.Repeat("a", mib), DefaultConfig(), 414},
		{"header-no-end", head + "X: " + strings.Repeat("a", mib), DefaultConfig(), 431},
		{"binary", strings.Repeat("\x00\xff\r", mib/3), DefaultConfig(), 400},
		// The limit for a request (maxrequest, 4 MiB) counts this request only.
		{"after-the-request", head + "\r\n" + strings.Repeat("x", 5*mib), DefaultConfig(), 200},
		{"chunks-past-the-limit", "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + strings.Repeat("1\r\nb\r\n", 5*mib/6) + "0\r\n\r\n", bigBody, 413},
		{"head-past-the-limit", head + strings.Repeat("X: 1\r\n", 5*mib/6) + "\r\n", lenient, 431},
	}
	truncated := false
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			res := Negotiate([]byte(tt.raw), &cfg)
			if res.Status() != tt.want {
				t.Fatalf("status %d, want %d", res.Status(), tt.want)
			}
			if len(res.Trace) > maxSteps+1 {
				t.Fatalf("%d trace steps", len(res.Trace))
			}
			if res.Final != nil && res.Status() >= 400 && (res.Decisive < 0 || res.Trace[res.Decisive].Note.Status != res.Status()) {
				t.Fatalf("the deciding step is missing:\n%s", FormatTrace(res))
			}
			if last := res.Trace[len(res.Trace)-1]; last.Note != nil && last.Note.ID == "trace-truncated" {
				truncated = true
			}
		})
	}
	if !truncated {
		t.Error("no input exercised the trace limit")
	}
}

// TestSemanticsHook checks the semantics hook (RFC 9110 §7.8: a server MUST
// NOT switch unless the new protocol can honour the request): a handler whose
// protocol cannot honour the request's semantics has its offer ignored, and
// the server answers the request itself.
func TestSemanticsHook(t *testing.T) {
	called := false
	h := &handler{
		name:  "getonly",
		match: func(o offer) bool { return equalFold(o.Name, "getonly") },
		semantics: func(n *negotiation, o offer) string {
			if n.req.Method != "GET" {
				return "it carries only GET requests"
			}
			return ""
		},
		negotiate: func(n *negotiation, o offer) *verdict {
			called = true
			return &verdict{accept: true, upgrade: "getonly"}
		},
	}
	protocolHandlers = append(protocolHandlers, h)
	defer func() { protocolHandlers = protocolHandlers[:len(protocolHandlers)-1] }()
	res := Negotiate([]byte("POST / HTTP/1.1\r\nHost: a\r\nUpgrade: getonly\r\nConnection: upgrade\r\n\r\n"), nil)
	if res.Status() != 200 || called {
		t.Fatalf("POST: status %d, negotiate called %v; want 200 without negotiating", res.Status(), called)
	}
	found := false
	for _, s := range res.Trace {
		if s.Note != nil && s.Note.ID == "upgrade-semantics" && Expand(s.Note.Summary, s.Vars) == "The request cannot be honoured after a switch to getonly: it carries only GET requests." {
			found = true
		}
	}
	if !found {
		t.Fatalf("no upgrade-semantics step:\n%s", FormatTrace(res))
	}
	res = Negotiate([]byte("GET / HTTP/1.1\r\nHost: a\r\nUpgrade: getonly\r\nConnection: upgrade\r\n\r\n"), nil)
	if res.Status() != 101 || !called {
		t.Fatalf("GET: status %d; want 101", res.Status())
	}
}
