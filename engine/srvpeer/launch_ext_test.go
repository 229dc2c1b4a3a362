package srvpeer

import (
	"bytes"
	"testing"
)

// TestLaunchers starts each real server and checks its answer to the
// RFC 6455 sample handshake (RFC 6455 §1.3): the accept value is the same
// whatever the library.
func TestLaunchers(t *testing.T) {
	sample := []byte("GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://example.com\r\nSec-WebSocket-Version: 13\r\n\r\n")
	for _, tc := range []struct {
		name  string
		start func(testing.TB) string
	}{
		{"ws", func(t testing.TB) string { return startWS(t) }},
		{"websockets", func(t testing.TB) string { return startWebsockets(t) }},
		{"nginx+ws", func(t testing.TB) string { return startNginx(t, startWS(t)) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _, err := askRaw(tc.start(t), sample)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(got, []byte("HTTP/1.1 101 Switching Protocols\r\n")) || !bytes.Contains(got, []byte("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n")) {
				t.Errorf("answer:\n%s", got)
			}
		})
	}
}
