package engine

import (
	"strings"
	"testing"
)

// TestH2CNotesUnderSwitch: an h2c offer that fails (or a server that
// ignores h2c) while the request also offers websocket, which the server
// switches to. No h2c note may then speak as if the server refused to
// upgrade or answered over HTTP/1.1: the response is a 101.
func TestH2CNotesUnderSwitch(t *testing.T) {
	const ws = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
	refusal := []string{"does not upgrade", "no upgrade", "not upgrade the connection", "answers over HTTP/1.1", "as if there were no Upgrade", "refuse"}
	for _, tc := range []struct{ name, fields, settings string }{
		{"no HTTP2-Settings option", "Connection: Upgrade\r\nHTTP2-Settings: " + h2s + "\r\n", ""},
		{"no HTTP2-Settings", "Connection: Upgrade, HTTP2-Settings\r\n", ""},
		{"two HTTP2-Settings", "Connection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: " + h2s + "\r\nHTTP2-Settings: " + h2s + "\r\n", ""},
		{"padded", "Connection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABk==\r\n", ""},
		{"not base64url", "Connection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABk+/8A\r\n", ""},
		{"4 bytes", "Connection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAA\r\n", ""},
		{"h2c off", "Connection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: " + h2s + "\r\n", "h2c=0"},
	} {
		cfg, err := goldenConfig(tc.settings)
		if err != nil {
			t.Fatal(err)
		}
		raw := "GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: h2c, websocket\r\n" + tc.fields + ws + "\r\n"
		res := Negotiate([]byte(raw), &cfg)
		if res.Status() != 101 || res.Switched != "websocket" {
			t.Fatalf("%s: status %d, switched %q; want the websocket 101", tc.name, res.Status(), res.Switched)
		}
		for _, s := range res.Trace {
			if s.Note == nil || s.Note.Category != H2C {
				continue
			}
			text := Expand(s.Note.Summary, s.Vars) + " " + s.Note.Detail
			for _, r := range refusal {
				if strings.Contains(text, r) {
					t.Errorf("%s: under a 101, the note %s says %q:\n%s", tc.name, s.Note.ID, r, text)
				}
			}
		}
	}
}
