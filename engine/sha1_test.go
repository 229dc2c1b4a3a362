package engine

import (
	"crypto/sha1"
	"strings"
	"testing"
)

// TestSHA1 compares sha1Generic (the WebAssembly build's sha1Sum) with
// crypto/sha1 around every padding boundary and on the RFC 6455 §1.3 example.
func TestSHA1(t *testing.T) {
	var inputs []string
	for n := 0; n <= 200; n++ {
		inputs = append(inputs, strings.Repeat("a", n))
	}
	inputs = append(inputs, "dGhlIHNhbXBsZSBub25jZQ=="+websocketGUID, strings.Repeat("\xff\x00", 5000))
	for _, in := range inputs {
		if got, want := sha1Generic([]byte(in)), sha1.Sum([]byte(in)); got != want {
			t.Errorf("sha1Generic(%d bytes) = %x, want %x", len(in), got, want)
		}
	}
	if got := AcceptKey("dGhlIHNhbXBsZSBub25jZQ=="); got != "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" {
		t.Errorf("AcceptKey(RFC 6455 §1.3 key) = %q", got)
	}
}

func FuzzSHA1(f *testing.F) {
	f.Add([]byte("dGhlIHNhbXBsZSBub25jZQ=="))
	f.Add([]byte(strings.Repeat("x", 119)))
	f.Fuzz(func(t *testing.T, in []byte) {
		if got, want := sha1Generic(in), sha1.Sum(in); got != want {
			t.Fatalf("sha1Generic(%q) = %x, want %x", in, got, want)
		}
	})
}

func BenchmarkSHA1(b *testing.B) {
	in := []byte("dGhlIHNhbXBsZSBub25jZQ==" + websocketGUID)
	b.ReportAllocs()
	for b.Loop() {
		sha1Generic(in)
	}
}
