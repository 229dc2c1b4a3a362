package engine

import "sync"

// The Huffman code of HPACK (RFC 7541 §5.2, Appendix B), for decoding the
// strings a client sends. The code is canonical: the codes of each length
// are consecutive, in symbol order, and every length's first code follows
// on from the last code of the length before (TestHuffmanCanonical checks
// this against the codes of Appendix B, as golang.org/x/net/http2/hpack
// spells them). So the code lengths alone define it: 256 bytes here,
// rather than the Appendix's table or a decoding tree in the WebAssembly.

// huffmanLen is the code length in bits of each octet (Appendix B). EOS,
// symbol 256, is the 30-bit code of all ones.
var huffmanLen = [256]uint8{
	13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,
	28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
	6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,
	5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
	13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
	7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
	15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,
	6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
	20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,
	24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
	22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,
	21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
	26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
	19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
	20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,
	26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
}

// huffmanTable is the canonical code, made once, on first use: for each
// length, the first code and the index of its first symbol in syms, which
// lists the symbols in code order.
var huffmanTable struct {
	once  sync.Once
	first [31]uint32 // the first code of each length
	count [31]uint16 // how many codes have each length
	start [31]uint16 // index in syms of each length's first symbol
	syms  [257]uint16
}

func huffmanCode() *[257]uint16 {
	t := &huffmanTable
	t.once.Do(func() {
		for _, l := range huffmanLen {
			t.count[l]++
		}
		t.count[30]++ // EOS
		code, n := uint32(0), uint16(0)
		for l := 1; l <= 30; l++ {
			t.first[l], t.start[l] = code, n
			for s := range 256 {
				if int(huffmanLen[s]) == l {
					t.syms[n] = uint16(s)
					n++
				}
			}
			if l == 30 {
				t.syms[n] = 256
				n++
			}
			code = (code + uint32(t.count[l])) << 1
		}
	})
	return &t.syms
}

// huffmanDecode appends the octets Huffman-coded in p to b. It fails, as
// RFC 7541 §5.2 requires, when the string holds EOS, when the padding is
// longer than 7 bits, or when it is not the most significant bits of EOS
// (all ones).
func huffmanDecode(b, p []byte) ([]byte, string) {
	syms := huffmanCode()
	t := &huffmanTable
	code, l := uint32(0), 0 // the bits of the code being read, and how many
	for _, c := range p {
		for bit := 7; bit >= 0; bit-- {
			code = code<<1 | uint32(c>>bit&1)
			l++
			if l < 5 { // the shortest code has 5 bits
				continue
			}
			if i := code - t.first[l]; i < uint32(t.count[l]) {
				s := syms[t.start[l]+uint16(i)]
				if s == 256 {
					return b, "the string holds the EOS symbol"
				}
				b = append(b, byte(s))
				code, l = 0, 0
			} else if l == 30 {
				return b, "the bits are not a code" // unreachable: the code is complete
			}
		}
	}
	switch {
	case l > 7:
		return b, "the padding is longer than 7 bits"
	case code != 1<<l-1:
		return b, "the padding is not the most significant bits of EOS (all ones)"
	}
	return b, ""
}
