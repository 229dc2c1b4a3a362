package wiretext

import (
	"bytes"
	"testing"
)

func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string
	}{
		{"GET / HTTP/1.1\nHost: a\n\n", "GET / HTTP/1.1\r\nHost: a\r\n\r\n"},
		{"Host: a\\n\\\n", "Host: a\n"},
		{"hello\\", "hello"},
		{"a\\r\\t\\0\\\\b\\", "a\r\t\x00\\b"},
		{"\\x7f\\xFF\\xg1\\", "\x7f\xff\\xg1"},
		{"+\\x+1\\", "+\\x+1"},
	} {
		if got := Decode(tc.text); string(got) != tc.want {
			t.Errorf("Decode(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// FuzzWireText checks that Decode(Encode(b)) == b exactly.
func FuzzWireText(f *testing.F) {
	f.Add([]byte("GET / HTTP/1.1\r\nHost: a\r\n\r\n"))
	f.Add([]byte("a\\\r\n\\"))
	f.Add([]byte("\x00\x7f\xff\n\r\t"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s := Encode(b)
		if got := Decode(s); !bytes.Equal(got, b) {
			t.Fatalf("round trip:\n in %q\ntext %q\n out %q", b, s, got)
		}
	})
}
