package engine

import (
	"encoding/hex"
	"strings"
	"testing"

	"golang.org/x/net/http2/hpack"
)

func unhex(t testing.TB, s string) []byte {
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestHPACKDecodeRFCExamples decodes the request examples of RFC 7541
// Appendix C.3 (no Huffman) and C.4 (Huffman): three blocks each, on one
// connection, so that the second and third use the dynamic table the first
// filled.
func TestHPACKDecodeRFCExamples(t *testing.T) {
	want := [][]string{
		{":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com"},
		{":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com", "cache-control: no-cache"},
		{":method: GET", ":scheme: https", ":path: /index.html", ":authority: www.example.com", "custom-key: custom-value"},
	}
	for _, tc := range []struct {
		name   string
		blocks []string
		size   int // the dynamic table's size after the third block
	}{
		{"C.3", []string{
			"8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d",
			"8286 84be 5808 6e6f 2d63 6163 6865",
			"8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65",
		}, 164},
		{"C.4", []string{
			"8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff",
			"8286 84be 5886 a8eb 1064 9cbf",
			"8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf",
		}, 164},
	} {
		d := newHPACKDecoder(4096)
		for i, block := range tc.blocks {
			var got []string
			if why := d.decode(unhex(t, block), func(f hpackField) { got = append(got, f.name+": "+f.value) }); why != "" {
				t.Fatalf("%s block %d: %s", tc.name, i+1, why)
			}
			if strings.Join(got, "\n") != strings.Join(want[i], "\n") {
				t.Errorf("%s block %d: got %q, want %q", tc.name, i+1, got, want[i])
			}
		}
		if d.size != tc.size || len(d.table) != 3 || d.table[2].name != "custom-key" {
			t.Errorf("%s: the dynamic table is %v (size %d), want 3 entries, size %d", tc.name, d.table, d.size, tc.size)
		}
	}
}

// TestHPACKDecodeErrors checks that each way a block can be wrong is a
// decoding error, as RFC 7541 requires, and that x/net's decoder agrees.
func TestHPACKDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, block, why string
	}{
		{"index 0", "80", "index 0 is not used"},
		{"index past the tables", "be", "index 62 is beyond the tables"},
		{"name index past the tables", "7f00 0161", "index 63 is beyond the tables"},
		{"truncated integer", "ff", "the block ends inside an integer"},
		{"integer overflow", "ff ffffffffffffffffff 01", "an integer overflows"},
		{"truncated string", "0003 61", "runs past the end of the block"},
		{"missing value", "0001 61", "the block ends before the string"},
		{"size update too large", "3fe2 1f", "above the server's SETTINGS_HEADER_TABLE_SIZE"},
		{"EOS in a string", "0001 61 84 ffff ffff", "EOS"},
		{"padding too long", "0001 61 81 ff", "longer than 7 bits"},
		{"padding not ones", "0001 61 81 00", "not the most significant bits of EOS"},
		{"size update after a field, table not empty", "4001 6101 62 20", "must begin the block"},
	} {
		d := newHPACKDecoder(4096)
		why := d.decode(unhex(t, tc.block), func(hpackField) {})
		if !strings.Contains(why, tc.why) {
			t.Errorf("%s: got %q, want %q", tc.name, why, tc.why)
		}
		x := hpack.NewDecoder(4096, func(hpack.HeaderField) {})
		_, err := x.Write(unhex(t, tc.block))
		if err == nil {
			err = x.Close()
		}
		if err == nil {
			t.Errorf("%s: x/net decodes % x", tc.name, unhex(t, tc.block))
		}
	}
}

// TestHuffmanCanonical rebuilds each octet's code from the lengths and
// compares it with the code of RFC 7541 Appendix B, through x/net's
// encoder, which holds the Appendix's codes.
func TestHuffmanCanonical(t *testing.T) {
	for c := range 256 {
		s := string([]byte{byte(c), byte(c), byte(c), byte(c), byte(c), byte(c), byte(c), byte(c)})
		enc := hpack.AppendHuffmanString(nil, s)
		got, why := huffmanDecode(nil, enc)
		if why != "" || string(got) != s {
			t.Fatalf("octet %#x: x/net codes it % x, which decodes to %q (%s)", c, enc, got, why)
		}
		if bits := int(hpack.HuffmanEncodeLength(s)) * 8; bits < 8*int(huffmanLen[c]) || bits >= 8*int(huffmanLen[c])+8 {
			t.Fatalf("octet %#x: length %d bits, x/net's code takes %d bytes for 8", c, huffmanLen[c], bits/8)
		}
	}
}

// xfield is what x/net's decoder says of a field.
type xfield struct {
	name, value string
	sensitive   bool
}

// xnetFields decodes blocks with x/net's decoder, as one connection; at the
// first error it stops, and ok is the number of blocks it decoded.
func xnetFields(blocks [][]byte) (fields [][]xfield, ok int) {
	var cur []xfield
	d := hpack.NewDecoder(4096, func(f hpack.HeaderField) {
		cur = append(cur, xfield{f.Name, f.Value, f.Sensitive})
	})
	for _, b := range blocks {
		cur = nil
		_, err := d.Write(b)
		if err == nil {
			err = d.Close()
		}
		if err != nil {
			return fields, ok
		}
		fields = append(fields, cur)
		ok++
	}
	return fields, ok
}

// hpackSeeds are header blocks real clients sent: curl 7.88 and nghttp
// 1.52 with prior knowledge (GET and POST), and RFC 7541's examples.
var hpackSeeds = []string{
	"8284 8641 8b08 9d5c 0b81 70dc 69a7 42cf 7a88 25b6 50c3 abbc f2e1 5303 2a2f 2a",
	"8304 8562 dae8 38e4 8641 8b08 9d5c 0b81 70dc 6590 3ecf 7a88 25b6 50c3 abbc f2e1 5303 2a2f 2a0f 0d02 3131 5f98 1d75 d062 0d26 3d4c 795b c78f 0b4a 7b29 5adb 282d 443c 8593",
	"8284 8641 8b08 9d5c 0b81 70dc 65c7 42ef 5303 2a2f 2a90 7a8a aa69 d29a c4c0 576c 4b83",
	"8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf",
}

// FuzzHPACKDecode decodes up to three blocks on one connection with the
// engine's decoder and with x/net's: both accept the same blocks and give the
// same fields, in order. The one difference RFC 7541 §4.2 makes: a dynamic
// table size update after a field, which x/net accepts while its table is
// empty. The decoder is deterministic and its output bounded: no more
// representations than bytes, no string longer than a table entry or than
// its Huffman coding allows.
func FuzzHPACKDecode(f *testing.F) {
	for i, s := range hpackSeeds {
		f.Add(unhex(f, s), uint16(i))
	}
	f.Add(unhex(f, "8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff 8286 84be 5886 a8eb 1064 9cbf"), uint16(17<<8))
	f.Fuzz(func(t *testing.T, in []byte, cuts uint16) {
		// cuts splits in into up to three blocks.
		a, b := int(cuts>>8)%(len(in)+1), int(cuts&0xff)%(len(in)+1)
		a, b = min(a, b), max(a, b)
		blocks := [][]byte{in[:a], in[a:b], in[b:]}
		want, xok := xnetFields(blocks)
		for run := 0; run < 2; run++ { // deterministic
			d := newHPACKDecoder(4096)
			for i, block := range blocks {
				var got []xfield
				why := d.decode(block, func(f hpackField) {
					if len(f.name) > len(block)*8/5+4096 || len(f.value) > len(block)*8/5+4096 {
						t.Fatalf("a field of %d+%d bytes from a %d-byte block", len(f.name), len(f.value), len(block))
					}
					if f.kind != hpackUpdate {
						got = append(got, xfield{f.name, f.value, f.sensitive()})
					}
				})
				if len(got) > len(block) {
					t.Fatalf("%d fields from %d bytes", len(got), len(block))
				}
				if why != "" {
					if i < xok && !strings.Contains(why, "must begin the block") {
						t.Fatalf("block %d (% x): the engine fails (%s), x/net decodes %v", i, block, why, want[i])
					}
					break
				}
				if i >= xok {
					t.Fatalf("block %d (% x): the engine decodes %v, x/net fails", i, block, got)
				}
				if len(got) != len(want[i]) {
					t.Fatalf("block %d: engine %v, x/net %v", i, got, want[i])
				}
				for k := range got {
					if got[k] != want[i][k] {
						t.Fatalf("block %d field %d: engine %+v, x/net %+v", i, k, got[k], want[i][k])
					}
				}
				if d.size > d.max || d.max > 4096 {
					t.Fatalf("table size %d, maximum %d", d.size, d.max)
				}
			}
		}
	})
}
