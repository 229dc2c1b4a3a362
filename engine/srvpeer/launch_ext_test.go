package srvpeer

import (
	"strings"
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
			got, err := realAnswer(tc.start(t), sample, false, false, false)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Heads) != 1 || !strings.HasPrefix(got.Heads[0], "HTTP/1.1 101 Switching Protocols\n") || !strings.Contains(got.Heads[0], "\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") {
				t.Errorf("answer:\n%s", got)
			}
		})
	}
}
