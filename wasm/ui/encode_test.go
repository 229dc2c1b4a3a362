package ui

import (
	"testing"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
)

func TestEncodeRoundTrip(t *testing.T) {
	cfg := engine.DefaultConfig()
	raw := []byte("GET / HTTP/1.1\r\nHost : a\x00\r\nX: \xff\u202e\t\r\n\r\n")
	res := engine.Negotiate(raw, &cfg)
	text := editor.Text(raw, "crlf")
	_, m := editor.MapText(text, "crlf")
	trees := map[string]*Node{
		"why": Explanation(res), "after": After(res, true), "server": Server(&cfg), "gallery": Gallery(""),
		"overlay":    Overlay(text, res, m, editor.Marks(text)),
		"empty text": El("div").Add(Text(""), El("p")),
	}
	for name, n := range trees {
		n = Sanitize(n)
		got := Decode(Encode(n))
		got.Tag, got.Attrs = n.Tag, n.Attrs
		if !got.Equal(n) {
			t.Errorf("%s: Decode(Encode(tree)) differs:\n%s\nwant:\n%s", name, got, n)
		}
	}
}

func TestEncodeCannotBeForged(t *testing.T) {
	n := El("div").Add(El("p", "title", "x\x00Eimg\x00Aonerror\x01alert(1)\x00").AddText("a\x00Escript\x00Talert(1)\x00C\x00\x01"))
	got := Decode(Encode(n))
	if len(got.Kids) != 1 || len(got.Kids[0].Kids) != 1 || got.Kids[0].Kids[0].Tag != "" {
		t.Fatalf("a value forged records: %s", got)
	}
	if v := Violations(got); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

func BenchmarkEncodeWhy(b *testing.B) {
	res := engine.Negotiate([]byte("GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"), nil)
	why := Explanation(res)
	b.ReportAllocs()
	for b.Loop() {
		_ = Encode(why)
	}
}
