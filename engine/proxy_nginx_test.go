package engine

import (
	"strings"
	"testing"
)

// TestProxyLimits checks the answers to requests too large for a readable
// golden: a request-line over nginx's 8k buffer (414), a field line over
// it (400, nginx's 494 page), and a head over Node's 16 KiB (431).
func TestProxyLimits(t *testing.T) {
	long := strings.Repeat("a", 9000)
	for _, tc := range []struct {
		name, srv, proxy, req string
		status                int
		note                  *Note
		body                  string
	}{
		{"uri", "ws", "nginx", "GET /" + long + " HTTP/1.1\r\nHost: a\r\n\r\n", 414, noteNginx414, "<title>414 Request-URI Too Large</title>"},
		{"field", "ws", "nginx", "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + long + "\r\n\r\n", 400, noteNginx494, "<center>Request Header Or Cookie Too Large</center>"},
		{"node-head", "ws", "", "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + long + long + "\r\n\r\n", 431, noteNodeHeaderOverflow, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := LookupProfile(tc.srv).Config()
			cfg.Proxy = tc.proxy
			res := Negotiate([]byte(tc.req), &cfg)
			if res.Status() != tc.status {
				t.Fatalf("status %d, want %d\n%s", res.Status(), tc.status, FormatTrace(res))
			}
			if res.Decisive < 0 || res.Trace[res.Decisive].Note != tc.note {
				t.Errorf("the decisive step is not %s:\n%s", tc.note.ID, FormatTrace(res))
			}
			if !strings.Contains(string(res.Final.Body), tc.body) {
				t.Errorf("body %q lacks %q", res.Final.Body, tc.body)
			}
			if tc.proxy != "" && res.Hop.Backend != nil {
				t.Errorf("nginx forwarded a request it refuses")
			}
		})
	}
}

// TestProxyHead checks that nginx's answers to HEAD, its own pages and the
// server's answers alike, carry no content (RFC 9110 §9.3.2).
func TestProxyHead(t *testing.T) {
	for _, tc := range []struct{ srv, req string }{
		{"nethttp", "HEAD / HTTP/1.1\r\nHost: a\r\n\r\n"},
		{"ws", "HEAD / HTTP/1.1\r\nHost: a\r\n\r\n"},
		{"ws", "HEAD / HTTP/1.1\r\n\r\n"},
		{"nethttp", "HEAD / HTTP/1.1\r\nHost: a\r\nX-Note: a\x1bb\r\n\r\n"},
	} {
		cfg := LookupProfile(tc.srv).Config()
		cfg.Proxy = "nginx"
		res := Negotiate([]byte(tc.req), &cfg)
		if res.Final == nil || len(res.Final.Body) > 0 || res.Final.Get("Transfer-Encoding") != "" {
			t.Errorf("%s %q: the answer to HEAD has content or framing for it:\n%q", tc.srv, tc.req, res.Bytes())
		}
	}
}
