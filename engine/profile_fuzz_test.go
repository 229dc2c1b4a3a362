package engine

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"strconv"
	"testing"
)

// fuzzServers are the servers FuzzProfileRuns plays: the profiles with a
// decision of their own (Profile.run), configured and not, and nginx in
// front of them and of the default server.
var fuzzServers = []struct{ srv, proxy string }{
	{"ws", ""}, {"websockets", ""}, {"ws", "nginx"}, {"websockets", "nginx"}, {"rfc", "nginx"}, {"gorilla", "nginx"},
}

// FuzzProfileRuns checks the ws and websockets profiles' own parsers and
// the nginx hop on any input: the answer is deterministic, parses as
// HTTP/1.1 responses (net/http reads the framing, Content-Length, chunked
// or the close), its decisive step gives its status, and a hop that
// forwards a request forwards a well-formed head and the body it read.
func FuzzProfileRuns(f *testing.F) {
	for i, r := range goldenRequests(f) {
		f.Add(r, uint8(i), i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, raw []byte, which uint8, configured bool) {
		s := fuzzServers[int(which)%len(fuzzServers)]
		cfg := LookupProfile(s.srv).Config()
		cfg.Proxy = s.proxy
		if configured {
			LookupSetting("wsproto").Set(&cfg, "chat,superchat")
			LookupSetting("pmd").Set(&cfg, "1")
		}
		res := Negotiate(raw, &cfg)
		again := Negotiate(raw, &cfg)
		if !bytes.Equal(res.Bytes(), again.Bytes()) || FormatTrace(res) != FormatTrace(again) {
			t.Fatalf("not deterministic for %q", raw)
		}
		checkDecisive(t, res)
		if wire := res.Bytes(); len(wire) > 0 {
			method := "GET"
			if res.Request.Method == "HEAD" {
				method = "HEAD"
			}
			br := bufio.NewReader(bytes.NewReader(wire))
			n := len(res.Interim)
			if res.Final != nil {
				n++
			}
			for range n {
				resp, err := http.ReadResponse(br, &http.Request{Method: method})
				if err != nil {
					t.Fatalf("%s behind %q: the answer does not parse: %v\n%q", s.srv, s.proxy, err, wire)
				}
				if _, err := io.ReadAll(resp.Body); err != nil {
					t.Fatalf("%s behind %q: the body does not parse: %v\n%q", s.srv, s.proxy, err, wire)
				}
				if resp.StatusCode == 101 {
					break
				}
			}
		}
		if h := res.Hop; h != nil && h.Backend != nil {
			// The forwarded head: an HTTP/1.1 request-line and field lines,
			// each ended by CRLF, with no CR or LF of its own (nothing the
			// client sent can split it), then the body nginx read.
			head, body, ok := bytes.Cut(h.Forwarded, []byte("\r\n\r\n"))
			lines := bytes.Split(head, []byte("\r\n"))
			if !ok || !bytes.HasSuffix(lines[0], []byte(" HTTP/1.1")) || !res.Request.Chunked && !bytes.Equal(body, res.Request.Body) {
				t.Fatalf("nginx forwards a malformed request:\n%q", h.Forwarded)
			}
			if len(body) > 0 && !bytes.Contains(head, []byte("\r\nContent-Length: "+strconv.Itoa(len(body)))) {
				t.Fatalf("nginx forwards a body its Content-Length does not frame:\n%q", h.Forwarded)
			}
			for _, l := range lines {
				if bytes.ContainsAny(l, "\r\n") || len(l) == 0 {
					t.Fatalf("nginx forwards a split line %q:\n%q", l, h.Forwarded)
				}
			}
		}
	})
}

// BenchmarkProfileRuns measures the profiles with a decision of their own
// and the nginx hop on RFC 6455's sample handshake: a keystroke in the
// page re-runs one of them.
func BenchmarkProfileRuns(b *testing.B) {
	raw := []byte("GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://example.com\r\nSec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Version: 13\r\n\r\n")
	for _, s := range fuzzServers {
		cfg := LookupProfile(s.srv).Config()
		cfg.Proxy = s.proxy
		name := s.srv
		if s.proxy != "" {
			name = s.proxy + "+" + s.srv
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Negotiate(raw, &cfg)
			}
		})
	}
}
