package sha1

import (
	cryptosha1 "crypto/sha1"
	"strings"
	"testing"
)

// TestGeneric compares generic (the WebAssembly build's Sum) with
// crypto/sha1 around every padding boundary and on the RFC 6455 §1.3
// example's key and GUID.
func TestGeneric(t *testing.T) {
	var inputs []string
	for n := 0; n <= 200; n++ {
		inputs = append(inputs, strings.Repeat("a", n))
	}
	inputs = append(inputs, "dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11", strings.Repeat("\xff\x00", 5000))
	for _, in := range inputs {
		if got, want := generic([]byte(in)), cryptosha1.Sum([]byte(in)); got != want {
			t.Errorf("generic(%d bytes) = %x, want %x", len(in), got, want)
		}
		if got, want := Sum([]byte(in)), cryptosha1.Sum([]byte(in)); got != want {
			t.Errorf("Sum(%d bytes) = %x, want %x", len(in), got, want)
		}
	}
}

func FuzzGeneric(f *testing.F) {
	f.Add([]byte("dGhlIHNhbXBsZSBub25jZQ=="))
	f.Add([]byte(strings.Repeat("x", 119)))
	f.Fuzz(func(t *testing.T, in []byte) {
		if got, want := generic(in), cryptosha1.Sum(in); got != want {
			t.Fatalf("generic(%q) = %x, want %x", in, got, want)
		}
	})
}

func BenchmarkGeneric(b *testing.B) {
	in := []byte("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
	b.ReportAllocs()
	for b.Loop() {
		generic(in)
	}
}
