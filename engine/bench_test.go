package engine

import (
	"strings"
	"testing"
)

// typicalHandshake is what Chrome sends for a WebSocket with subprotocols
// and permessage-deflate offered.
var typicalHandshake = []byte("GET /chat HTTP/1.1\r\n" +
	"Host: server.example.com\r\n" +
	"Connection: Upgrade\r\n" +
	"Pragma: no-cache\r\n" +
	"Cache-Control: no-cache\r\n" +
	"User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\r\n" +
	"Upgrade: websocket\r\n" +
	"Origin: http://example.com\r\n" +
	"Sec-WebSocket-Version: 13\r\n" +
	"Accept-Encoding: gzip, deflate, br, zstd\r\n" +
	"Accept-Language: en-US,en;q=0.9\r\n" +
	"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" +
	"Sec-WebSocket-Protocol: chat, superchat\r\n" +
	"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n" +
	"\r\n")

// hostileRequest is 64 KiB of a request built to be slow: many short
// field lines, long lists with empty elements, obs-text and a bare CR, so
// that every check runs and reports.
func hostileRequest() []byte {
	var b strings.Builder
	b.WriteString("GET /chat HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
	for i := 0; b.Len() < 64<<10-200; i++ {
		switch i % 4 {
		case 0:
			b.WriteString("Connection: ,,,keep-alive,,, ,x,,\r\n")
		case 1:
			b.WriteString("Upgrade: , ,a/1, b/2 ,,\r\n")
		case 2:
			b.WriteString("X-Obs: \xff\xfe\r\n")
		case 3:
			b.WriteString("Sec-WebSocket-Extensions: permessage-deflate; a=1; b=\"2\", x\r\n")
		}
	}
	b.WriteString("X-Bad: a\rb\r\n\r\n")
	return []byte(b.String())
}

// BenchmarkNegotiate measures one run of the engine, which the page makes on
// every keystroke. Budget: the typical handshake in 20 µs natively.
func BenchmarkNegotiate(b *testing.B) {
	cases := []struct {
		name string
		raw  []byte
		cfg  func() Config
	}{
		{"websocket-handshake", typicalHandshake, DefaultConfig},
		{"hostile-64KiB", hostileRequest(), func() Config {
			c := DefaultConfig()
			c.HTTP.MaxFields = 1 << 20 // let every line be parsed
			return c
		}},
	}
	for _, c := range cases {
		cfg := c.cfg()
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.raw)))
			for b.Loop() {
				Negotiate(c.raw, &cfg)
			}
		})
	}
}

// BenchmarkParse measures the HTTP/1.1 parser and framing alone.
func BenchmarkParse(b *testing.B) {
	cfg := DefaultConfig()
	b.ReportAllocs()
	for b.Loop() {
		tr := newTrace()
		parse(new(Request), typicalHandshake, &cfg, &tr)
	}
}

// TestBenchmarkInputs checks that the benchmark inputs do what they claim.
func TestBenchmarkInputs(t *testing.T) {
	if res := Negotiate(typicalHandshake, nil); res.Status() != 101 {
		t.Fatalf("typical handshake: %d\n%s", res.Status(), FormatTrace(res))
	}
	h := hostileRequest()
	if len(h) < 64<<10-200 || len(h) > 64<<10 {
		t.Fatalf("hostile request is %d bytes", len(h))
	}
	if res := Negotiate(h, nil); res.Status() != 431 {
		t.Fatalf("hostile request with default limits: %d", res.Status())
	}
}
