package engine

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/upgrade-playground/playground/engine/wiretext"

	"golang.org/x/tools/txtar"
)

// wsGoldenHeader returns the values of one field in the ws-* goldens, the
// seeds of the header fuzz targets.
func wsGoldenHeader(tb testing.TB, name string) []string {
	var out []string
	for _, raw := range goldenRequests(tb) {
		for _, line := range strings.Split(string(raw), "\r\n") {
			if k, val, ok := strings.Cut(line, ":"); ok && strings.EqualFold(k, name) {
				out = append(out, strings.TrimSpace(val))
			}
		}
	}
	return out
}

// handshakeWith is a valid handshake with one more field line.
func handshakeWith(name, value string) []byte {
	return []byte("GET /chat HTTP/1.1\r\nHost: a.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + name + ": " + value + "\r\n\r\n")
}

// FuzzWSExtensions feeds any Sec-WebSocket-Extensions value to the
// negotiation: no panic; the answer is 101 or 400; a 101's extension answer
// is one permessage-deflate element whose parameters were all allowed; a
// 400 points at bytes of the field.
func FuzzWSExtensions(f *testing.F) {
	for _, s := range wsGoldenHeader(f, "Sec-WebSocket-Extensions") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		if strings.ContainsAny(value, "\r\n\x00") {
			return
		}
		raw := handshakeWith("Sec-WebSocket-Extensions", value)
		res := Negotiate(raw, nil)
		switch res.Status() {
		case 101:
			ext := res.Final.Get("Sec-WebSocket-Extensions")
			if ext == "" {
				return
			}
			name, params, perr := appendParams(nil, elem{ext, Span{}})
			if perr != nil || name != "permessage-deflate" {
				t.Fatalf("answer %q is not one permessage-deflate element", ext)
			}
			offered := strings.Contains(strings.ToLower(value), "client_max_window_bits")
			for _, p := range params {
				switch p.Name {
				case "server_no_context_takeover", "client_no_context_takeover":
				case "server_max_window_bits":
					if b, why := windowBits(p.Value); why != "" || b < 8 {
						t.Fatalf("answer %q has an invalid server_max_window_bits", ext)
					}
				case "client_max_window_bits":
					if !offered {
						t.Fatalf("answer %q has client_max_window_bits the offer %q lacks", ext, value)
					}
				default:
					t.Fatalf("answer %q has the parameter %q", ext, p.Name)
				}
			}
		case 400:
			s := res.Trace[res.Decisive]
			if s.Span.Empty() || s.Span.End > len(raw) {
				t.Fatalf("400 without a position in the request: %+v", s)
			}
		default:
			t.Fatalf("status %d for Sec-WebSocket-Extensions %q", res.Status(), value)
		}
	})
}

// FuzzWSSubprotocols: any Sec-WebSocket-Protocol value gives 101 with one
// offered token or none, or a positioned 400.
func FuzzWSSubprotocols(f *testing.F) {
	for _, s := range wsGoldenHeader(f, "Sec-WebSocket-Protocol") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		if strings.ContainsAny(value, "\r\n\x00") {
			return
		}
		res := Negotiate(handshakeWith("Sec-WebSocket-Protocol", value), nil)
		switch res.Status() {
		case 101:
			if p := res.Final.Get("Sec-WebSocket-Protocol"); p != "" {
				es, _ := splitList(value, 0)
				found := false
				for _, e := range es {
					found = found || e.Value == p
				}
				if !found {
					t.Fatalf("chose %q, which %q does not offer", p, value)
				}
			}
		case 400:
			if res.Trace[res.Decisive].Span.Empty() {
				t.Fatal("400 without a position")
			}
		default:
			t.Fatalf("status %d for %q", res.Status(), value)
		}
	})
}

// FuzzWSKey: any key gives 101 with the Accept of the key as received, or a
// positioned 400; whatever is accepted decodes leniently to 16 bytes.
func FuzzWSKey(f *testing.F) {
	for _, s := range wsGoldenHeader(f, "Sec-WebSocket-Key") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, key string) {
		if strings.ContainsAny(key, "\r\n\x00") {
			return
		}
		raw := []byte("GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\n\r\n")
		res := Negotiate(raw, nil)
		switch res.Status() {
		case 101:
			k := strings.Trim(key, " \t")
			if got := res.Final.Get("Sec-WebSocket-Accept"); got != AcceptKey(k) {
				t.Fatalf("Accept %q for key %q", got, k)
			}
			if len(k) != 24 || k[22:] != "==" {
				t.Fatalf("accepted key %q", k)
			}
		case 400:
			if res.Trace[res.Decisive].Span.Empty() {
				t.Fatal("400 without a position")
			}
		default:
			t.Fatalf("status %d for key %q", res.Status(), key)
		}
	})
}

// FuzzWSFrames decodes any bytes after a valid handshake: no panic, the
// client parts cover the input exactly, in order, their fields are UTF-8,
// and every server part is one unmasked control frame.
func FuzzWSFrames(f *testing.F) {
	for _, file := range goldenFiles(f, "testdata/ws-frame-*.txtar") {
		f.Add(file, true)
	}
	f.Add([]byte{0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58}, false)
	f.Fuzz(func(t *testing.T, after []byte, deflate bool) {
		hs := handshakeWith("X-Pad", "1")
		if deflate {
			hs = handshakeWith("Sec-WebSocket-Extensions", "permessage-deflate")
		}
		raw := append(hs, after...)
		res := Negotiate(raw, nil)
		if res.Status() != 101 {
			t.Fatalf("status %d", res.Status())
		}
		off := len(hs)
		for _, p := range res.After {
			if p.Proto != "websocket" {
				continue
			}
			if p.From == "server" {
				f, size, need := parseFrame(p.Bytes)
				if need != 0 || size != len(p.Bytes) || f.masked || f.opcode < 8 || !f.fin {
					t.Fatalf("server part %q is not one unmasked control frame: % x", p.Title, p.Bytes)
				}
				continue
			}
			if p.Span.Start != off || !bytes.Equal(p.Bytes, raw[p.Span.Start:p.Span.End]) {
				t.Fatalf("part %q at %v, expected offset %d", p.Title, p.Span, off)
			}
			off = p.Span.End
			for _, fl := range p.Fields {
				if !utf8.ValidString(fl.Value) {
					t.Fatalf("field %s is not UTF-8: %q", fl.Name, fl.Value)
				}
			}
		}
		if len(after) > 0 && off != len(raw) {
			t.Fatalf("parts end at %d of %d", off, len(raw))
		}
	})
}

// goldenFiles returns the bytes after the request of the matching goldens.
func goldenFiles(tb testing.TB, pattern string) [][]byte {
	var out [][]byte
	files, _ := filepath.Glob(pattern)
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "request" {
				raw := wiretext.Decode(string(f.Data))
				if i := bytes.Index(raw, []byte("\r\n\r\n")); i >= 0 {
					out = append(out, raw[i+4:])
				}
			}
		}
	}
	return out
}
