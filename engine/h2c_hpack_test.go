package engine

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/http2/hpack"
)

func decodeHPACK(t testing.TB, block []byte) []Header {
	var out []Header
	d := hpack.NewDecoder(4096, func(f hpack.HeaderField) { out = append(out, Header{f.Name, f.Value}) })
	if _, err := d.Write(block); err != nil {
		t.Fatalf("hpack.Decoder rejects % x: %v", block, err)
	}
	if err := d.Close(); err != nil {
		t.Fatalf("hpack.Decoder: %v", err)
	}
	return out
}

func encodeHPACK(fields []Header) []byte {
	var b []byte
	for _, f := range fields {
		b, _ = hpackAppendField(b, f.Name, f.Value)
	}
	return b
}

// TestHPACKKnownBytes checks the encoder against RFC 7541's own examples.
func TestHPACKKnownBytes(t *testing.T) {
	for _, tc := range []struct {
		name, value string
		want        []byte
	}{
		{":status", "200", []byte{0x88}},                                         // §6.1, static index 8
		{":method", "GET", []byte{0x82}},                                         // Appendix C.3.1
		{":path", "/sample/path", append([]byte{0x04, 0x0c}, "/sample/path"...)}, // Appendix C.2.2
		{"password", "secret", append(append([]byte{0x00, 0x08}, "password"...), append([]byte{0x06}, "secret"...)...)},
		{"content-type", "text/plain", append([]byte{0x0f, 0x10, 0x0a}, "text/plain"...)}, // index 31 = 15 + 16
	} {
		got, _ := hpackAppendField(nil, tc.name, tc.value)
		if !bytes.Equal(got, tc.want) {
			t.Errorf("%s: %s: got % x, want % x", tc.name, tc.value, got, tc.want)
		}
	}
}

// TestHPACKRoundTrip decodes the encoder's output with x/net's decoder.
func TestHPACKRoundTrip(t *testing.T) {
	long := strings.Repeat("x", 300) // lengths and indexes above the prefix
	for _, fields := range [][]Header{
		{{":status", "200"}, {"content-type", "text/plain; charset=utf-8"}, {"content-length", "42"}},
		{{":status", "404"}, {":status", "101"}},
		{{":method", "CONNECT"}, {":protocol", "websocket"}, {":scheme", "http"}, {":path", "/chat"}, {":authority", "server.example.com"}},
		{{"sec-websocket-protocol", "chat, superchat"}, {"origin", "http://example.com"}},
		{{"x-long", long}, {long, ""}, {"www-authenticate", ""}, {"accept-encoding", "gzip, deflate"}},
	} {
		got := decodeHPACK(t, encodeHPACK(fields))
		if len(got) != len(fields) {
			t.Fatalf("decoded %v, want %v", got, fields)
		}
		for i := range got {
			if got[i] != fields[i] {
				t.Errorf("field %d: decoded %v, want %v", i, got[i], fields[i])
			}
		}
	}
}

func FuzzHPACK(f *testing.F) {
	f.Add(":status", "200")
	f.Add("content-type", "text/plain; charset=utf-8")
	f.Add(":protocol", "websocket")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, name, value string) {
		got := decodeHPACK(t, encodeHPACK([]Header{{name, value}, {"content-length", value}}))
		if len(got) != 2 || got[0] != (Header{name, value}) || got[1] != (Header{"content-length", value}) {
			t.Fatalf("decoded %q, want [%q %q] and content-length", got, name, value)
		}
	})
}

func BenchmarkHPACKResponse(b *testing.B) {
	fields := []Header{{":status", "200"}, {"content-type", "text/plain; charset=utf-8"}, {"content-length", "42"}}
	for b.Loop() {
		encodeHPACK(fields)
	}
}
