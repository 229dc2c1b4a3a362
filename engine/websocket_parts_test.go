package engine

import (
	"encoding/binary"
	"strings"
	"testing"
)

func TestAcceptKeyVectors(t *testing.T) {
	for _, tc := range []struct{ key, accept string }{
		{"dGhlIHNhbXBsZSBub25jZQ==", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="}, // RFC 6455 §1.3
		{"AQIDBAUGBwgJCgsMDQ4PEA==", "C/0nmHhBztSRGR1CwL6Tf4ZjwpY="}, // erratum 3150
		{"AQIDBAUGBwgJCgsMDQ4PEC==", "OfS0wDaT5NoxF2gqm7Zj2YtetzM="}, // RFC 6455 §4.1 as printed
	} {
		if got := AcceptKey(tc.key); got != tc.accept {
			t.Errorf("AcceptKey(%q) = %q, want %q", tc.key, got, tc.accept)
		}
	}
}

func TestKeyProblem(t *testing.T) {
	for _, tc := range []struct {
		key       string
		ok        bool
		at        int
		canonical bool
	}{
		{"dGhlIHNhbXBsZSBub25jZQ==", true, -1, true},
		{"AQIDBAUGBwgJCgsMDQ4PEC==", true, -1, false},
		{"AQIDBAUGBwgJCgsMDQ4PEw==", true, -1, true},
		{"dGhlIHNhbXBsZSBub25jZQ", false, 21, false},
		{"dGhlIHNhbXBsZSBub25jZQ=", false, -1, false},
		{"dGhlIHNhbXBsZSBub25jZ!==", false, 21, false},
		{"dGhlIHNh=XBsZSBub25jZQ==", false, 8, false},
		{"AQIDBAUGBwgJCgsMDQ4PEBE=", false, -1, false},
		{"AQIDBAUGBwgJCgsMDQ4PEBES", false, -1, false},
		{"c2hvcnQ=", false, -1, false},
		{"dGhlIHNhbXBsZSBub25jZQ===", false, -1, false},
		{"", false, -1, false},
		{"dGhlIHNhbXBs ZSBub25jZQ==", false, 12, false},
	} {
		why, at := keyProblem(tc.key)
		if (why == "") != tc.ok || at != tc.at {
			t.Errorf("keyProblem(%q) = %q, %d; want ok=%v at %d", tc.key, why, at, tc.ok, tc.at)
		}
		if tc.ok && canonicalKey(tc.key) != tc.canonical {
			t.Errorf("canonicalKey(%q) = %v", tc.key, !tc.canonical)
		}
	}
}

func TestVersionSyntax(t *testing.T) {
	for s, want := range map[string]bool{"13": true, "0": true, "8": true, "255": true, "299": true, "013": false, "00": false, "": false, "1000": false, "+13": false, "1 3": false, "3a": false, "300": false} {
		if got := versionSyntax(s); got != want {
			t.Errorf("versionSyntax(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestWindowBits(t *testing.T) {
	for _, tc := range []struct {
		s    string
		bits int
		ok   bool
	}{{"8", 8, true}, {"15", 15, true}, {"10", 10, true}, {"7", 0, false}, {"16", 0, false}, {"09", 0, false}, {"", 0, false}, {"ten", 0, false}, {"99999999999999999999", 0, false}} {
		b, why := windowBits(tc.s)
		if (why == "") != tc.ok || b != tc.bits {
			t.Errorf("windowBits(%q) = %d, %q", tc.s, b, why)
		}
	}
}

func TestParseOrigin(t *testing.T) {
	for _, tc := range []struct {
		s, hostport string
		ok          bool
	}{
		{"https://a.example", "a.example", true},
		{"http://localhost:8080", "localhost:8080", true},
		{"http://[::1]:80", "[::1]:80", true},
		{"chrome-extension://abc", "abc", true},
		{"null", "", false},
		{"a.example", "", false},
		{"https://", "", false},
		{"://a", "", false},
		{"https://a b", "", false},
	} {
		_, hp, ok := parseOrigin(tc.s)
		if ok != tc.ok || hp != tc.hostport {
			t.Errorf("parseOrigin(%q) = %q, %v", tc.s, hp, ok)
		}
	}
}

// encodeFrame writes a frame the way RFC 6455 §5.2 lays it out, with the
// length in the form given (7, 16 or 64 bits).
func encodeFrame(b0 byte, payload []byte, key []byte, form int) []byte {
	m := byte(0)
	if key != nil {
		m = 0x80
	}
	out := []byte{b0}
	switch form {
	case 7:
		out = append(out, m|byte(len(payload)))
	case 16:
		out = append(out, m|126)
		out = binary.BigEndian.AppendUint16(out, uint16(len(payload)))
	default:
		out = append(out, m|127)
		out = binary.BigEndian.AppendUint64(out, uint64(len(payload)))
	}
	out = append(out, key...)
	for i, c := range payload {
		if key != nil {
			c ^= key[i%4]
		}
		out = append(out, c)
	}
	return out
}

func TestParseFrame(t *testing.T) {
	key := []byte{1, 2, 3, 4}
	big := []byte(strings.Repeat("x", 70000))
	for _, tc := range []struct {
		name    string
		raw     []byte
		payload []byte
		form    int
	}{
		{"rfc 6455 §5.7 masked Hello", []byte{0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58}, []byte("Hello"), 7},
		{"unmasked", encodeFrame(0x82, []byte("abc"), nil, 7), []byte("abc"), 7},
		{"16-bit", encodeFrame(0x82, big[:300], key, 16), big[:300], 16},
		{"64-bit", encodeFrame(0x82, big, key, 64), big, 64},
		{"empty", encodeFrame(0x8a, nil, key, 7), []byte{}, 7},
	} {
		f, size, need := parseFrame(tc.raw)
		if need != 0 || size != len(tc.raw) || string(f.payload) != string(tc.payload) || f.lenForm != tc.form {
			t.Errorf("%s: size %d need %d form %d payload %.20q", tc.name, size, need, f.lenForm, f.payload)
		}
		for cut := 0; cut < len(tc.raw) && cut < 20; cut++ {
			if _, size, need := parseFrame(tc.raw[:cut]); size != 0 || need == 0 {
				t.Errorf("%s cut at %d: size %d need %d", tc.name, cut, size, need)
			}
		}
	}
}

// TestWebSocketSettings: every WebSocket setting documents its key in its
// help text and round-trips through Set and Get.
func TestWebSocketSettings(t *testing.T) {
	n := 0
	for _, s := range Settings() {
		if s.Group != "WebSocket" {
			continue
		}
		n++
		if !strings.Contains(s.Help, s.Key+"=") {
			t.Errorf("%s: help %q does not show the key", s.Key, s.Help)
		}
		cfg := DefaultConfig()
		if err := s.Set(&cfg, s.Default()); err != nil || s.Get(&cfg) != s.Default() {
			t.Errorf("%s: default %q does not round-trip: %v", s.Key, s.Default(), err)
		}
		for _, c := range s.Choices {
			if err := s.Set(&cfg, c); err != nil || s.Get(&cfg) != c {
				t.Errorf("%s: choice %q does not round-trip: %v", s.Key, c, err)
			}
		}
	}
	if n < 14 {
		t.Errorf("%d WebSocket settings", n)
	}
	cfg := DefaultConfig()
	if err := LookupSetting("wsorigins").Set(&cfg, "https://a.example, not an origin"); err == nil {
		t.Error("wsorigins accepted a value that is not an origin")
	}
}
