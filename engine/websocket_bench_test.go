package engine

import (
	"strings"
	"testing"
)

// fullHandshake is Chromium's handshake with two subprotocols and
// permessage-deflate, the hot path of the page.
var fullHandshake = []byte(strings.ReplaceAll(`GET /chat HTTP/1.1
Host: server.example.com
Connection: Upgrade
Pragma: no-cache
Cache-Control: no-cache
User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36
Upgrade: websocket
Origin: http://localhost:8080
Sec-WebSocket-Version: 13
Accept-Encoding: gzip, deflate, br, zstd
Accept-Language: en-US,en;q=0.9
Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw==
Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits
Sec-WebSocket-Protocol: chat, superchat

`, "\n", "\r\n"))

// BenchmarkWSHandshake measures one full negotiation (parse, checks,
// subprotocol, permessage-deflate, response bytes). The target is ≤ 20 µs.
func BenchmarkWSHandshake(b *testing.B) {
	cfg := DefaultConfig()
	b.ReportAllocs()
	for b.Loop() {
		res := Negotiate(fullHandshake, &cfg)
		if res.Status() != 101 || res.Final.Get("Sec-WebSocket-Extensions") == "" || res.Final.Get("Sec-WebSocket-Protocol") != "chat" {
			b.Fatalf("unexpected answer %q", res.Bytes())
		}
		_ = res.Bytes()
	}
}

// BenchmarkWSFrames decodes 64 masked text frames after the handshake.
func BenchmarkWSFrames(b *testing.B) {
	frame := []byte{0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58}
	raw := append([]byte(nil), fullHandshake...)
	for range 64 {
		raw = append(raw, frame...)
	}
	cfg := DefaultConfig()
	b.ReportAllocs()
	for b.Loop() {
		if res := Negotiate(raw, &cfg); len(res.After) < 64 {
			b.Fatal("frames not decoded")
		}
	}
}

// BenchmarkWSNegotiation measures the handshake decision alone on a parsed
// request: Connection and Upgrade, every WebSocket check, the Accept
// computation, subprotocol and permessage-deflate negotiation, and the 101's
// bytes (no parsing, no views of other protocols).
func BenchmarkWSNegotiation(b *testing.B) {
	cfg := DefaultConfig()
	var t trace
	req := new(Request)
	parse(req, fullHandshake, &cfg, &t)
	b.ReportAllocs()
	for b.Loop() {
		n := &negotiation{req: req, cfg: &cfg, t: newTrace(), res: &Result{}}
		v := n.upgradeStage()
		if v == nil || !v.accept || len(v.headers) != 3 {
			b.Fatal("not accepted with protocol and extension")
		}
		n.switchProtocols(v)
		_ = n.res.Final.Bytes()
	}
}
