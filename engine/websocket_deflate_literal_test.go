package engine

import "testing"

// TestDeflateLiteral checks the coder profile's DeflateLiteral against
// coder/websocket v1.8.15's acceptDeflate, offer by offer (srvpeer compares
// the same rule with the real library).
func TestDeflateLiteral(t *testing.T) {
	cfg := LookupProfile("coder").Config()
	cfg.WebSocket.Deflate.Enabled = true
	tests := []struct {
		offer, want string
	}{
		{"permessage-deflate", "permessage-deflate"},
		{"permessage-deflate; server_no_context_takeover; client_no_context_takeover", "permessage-deflate; client_no_context_takeover; server_no_context_takeover"},
		{"permessage-deflate; server_no_context_takeover", "permessage-deflate; server_no_context_takeover"},
		{"permessage-deflate; client_max_window_bits", "permessage-deflate"},
		{"permessage-deflate; client_max_window_bits=7", "permessage-deflate"},
		{`permessage-deflate; client_max_window_bits="10"`, "permessage-deflate"},
		{"permessage-deflate; server_max_window_bits=15", "permessage-deflate"},
		{"permessage-deflate; server_max_window_bits=10", ""},
		{`permessage-deflate; server_max_window_bits="15"`, ""},
		{"permessage-deflate; server_max_window_bits = 15", ""},
		{"permessage-deflate; Client_No_Context_Takeover", ""},
		{"Permessage-Deflate", ""},
		{"permessage-deflate; client_no_context_takeover; client_no_context_takeover", "permessage-deflate; client_no_context_takeover"},
		{"permessage-deflate; server_max_window_bits=10, permessage-deflate; client_no_context_takeover", "permessage-deflate; client_no_context_takeover"},
		{"x-webkit-deflate-frame, permessage-deflate; client_no_context_takeover", "permessage-deflate; client_no_context_takeover"},
	}
	for _, tt := range tests {
		raw := "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
			"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: " + tt.offer + "\r\n\r\n"
		res := Negotiate([]byte(raw), &cfg)
		if res.Final == nil || res.Final.Status != 101 {
			t.Errorf("%s: no 101", tt.offer)
			continue
		}
		if got := res.Final.Get("Sec-WebSocket-Extensions"); got != tt.want {
			t.Errorf("%s: Sec-WebSocket-Extensions %q, want %q", tt.offer, got, tt.want)
		}
	}
}
