package ui

import (
	"testing"

	"github.com/upgrade-playground/playground/engine"
)

// TestVerdict: the Why pane's head gives the status and the reason: the
// decisive step's note and where it is, or what happened.
func TestVerdict(t *testing.T) {
	for _, c := range []struct {
		req, status, reason, class string
	}{
		{"GET / HTTP/1.1\r\nHost : a\r\n\r\n", "400 Bad Request", "Whitespace between the field name Host and the colon. (line 2, col 5)", "verdict bad"},
		{"GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
			"101 Switching Protocols", "Every check passed, so the server switches to websocket.", "verdict good"},
		{"GET / HTTP/1.1\r\nHost: a\r\n\r\n", "200 OK", "No check failed, so the server answers the request itself.", "verdict"},
		{"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n", "100 Continue, then no response yet", "", "verdict"},
		{"GET / HTTP/1.1\r\nHost: a\x00b\r\n\r\n", "400 Bad Request", "", "verdict bad"},
	} {
		v := verdict(engine.Negotiate([]byte(c.req), nil))
		if v.Attr("class") != c.class || nodeText(v.Kids[0]) != c.status || c.reason != "" && nodeText(v.Kids[1]) != c.reason {
			t.Errorf("%q: verdict %q %q %q, want %q %q %q", c.req, v.Attr("class"), nodeText(v.Kids[0]), nodeText(v.Kids[1]), c.class, c.status, c.reason)
		}
	}
}
