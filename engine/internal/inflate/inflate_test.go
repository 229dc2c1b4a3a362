package inflate

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"testing"
)

// stdInflate is what Inflate must match: compress/flate through an
// io.LimitReader.
func stdInflate(in, dict []byte, limit int) ([]byte, error) {
	r := flate.NewReaderDict(bytes.NewReader(in), dict)
	return io.ReadAll(io.LimitReader(r, int64(limit)))
}

// deflated compresses data with compress/flate at a level, with a dict.
func deflated(t testing.TB, data, dict []byte, level int) []byte {
	var b bytes.Buffer
	w, err := flate.NewWriterDict(&b, level, dict)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write(data)
	_ = w.Close()
	return b.Bytes()
}

func sameInflate(t *testing.T, in, dict []byte, limit int) {
	t.Helper()
	got, gotErr := Inflate(in, dict, limit)
	want, wantErr := stdInflate(in, dict, limit)
	if (gotErr == nil) != (wantErr == nil) {
		t.Fatalf("Inflate(%x, dict %d bytes, limit %d): error %v, compress/flate %v", in, len(dict), limit, gotErr, wantErr)
	}
	if gotErr == nil && !bytes.Equal(got, want) {
		t.Fatalf("Inflate(%x): %q, compress/flate %q", in, got, want)
	}
}

// TestInflate compares Inflate with compress/flate: every level (stored,
// fixed and dynamic blocks), preset dictionaries, limits, truncations and
// corrupted bytes.
func TestInflate(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	texts := [][]byte{nil, []byte("Hello"), bytes.Repeat([]byte("abcabcabd"), 2000), []byte("GET /chat HTTP/1.1\r\nHost: server.example.com\r\n\r\n")}
	noise := make([]byte, 70000)
	for i := range noise {
		noise[i] = byte(rng.IntN(256))
	}
	texts = append(texts, noise, noise[:300])
	dict := []byte("Hello, the server example com chat HTTP/1.1")
	for _, text := range texts {
		for _, level := range []int{flate.NoCompression, flate.BestSpeed, flate.DefaultCompression, flate.BestCompression, flate.HuffmanOnly} {
			for _, d := range [][]byte{nil, dict} {
				in := deflated(t, text, d, level)
				got, err := Inflate(in, d, 1<<20)
				if err != nil || !bytes.Equal(got, text) {
					t.Fatalf("level %d, %d bytes: err %v, round trip %v", level, len(text), err, bytes.Equal(got, text))
				}
				for _, limit := range []int{0, 1, len(text) / 2, len(text)} {
					sameInflate(t, in, d, limit)
				}
				for cut := 0; cut < len(in) && cut < 40; cut++ {
					sameInflate(t, in[:cut], d, 1<<20)
				}
				for i := 0; i < 40 && len(in) > 0; i++ {
					bad := bytes.Clone(in)
					bad[rng.IntN(len(bad))] ^= byte(1 << rng.IntN(8))
					sameInflate(t, bad, d, 1<<20)
				}
			}
		}
	}
	// The permessage-deflate shape: a sync-flushed message, its tail
	// removed, then the tail and an empty final block appended.
	msg := deflated(t, []byte("Hello"), nil, flate.DefaultCompression)
	if _, err := Inflate(append(msg, 0x00, 0x00, 0xff, 0xff, 0x01, 0x00, 0x00, 0xff, 0xff), nil, 100); err != nil {
		t.Fatal(err)
	}
	// compress/flate's words for a corrupt header: block type 3.
	if _, err := Inflate([]byte{0x07}, nil, 10); err == nil || err.Error() != "flate: corrupt input before offset 1" {
		t.Errorf("block type 3: %v", err)
	}
}

func FuzzInflate(f *testing.F) {
	f.Add(deflated(f, []byte("Hello Hello Hello"), nil, flate.DefaultCompression), []byte(nil), 100)
	f.Add(deflated(f, []byte("abc"), []byte("abcabc"), flate.BestCompression), []byte("abcabc"), 2)
	f.Add([]byte{0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00, 0x00, 0xff, 0xff, 0x01, 0x00, 0x00, 0xff, 0xff}, []byte(nil), 1000)
	f.Add([]byte{0x00, 0x05, 0x00, 0xfa, 0xff, 'h', 'e', 'l', 'l', 'o', 0x03, 0x00}, []byte("x"), 3)
	f.Fuzz(func(t *testing.T, in, dict []byte, limit int) {
		if limit < 0 || limit > 1<<16 || len(dict) > 32768 {
			return
		}
		sameInflate(t, in, dict, limit)
	})
}
