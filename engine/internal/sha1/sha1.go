// Package sha1 computes SHA-1 digests (FIPS 180-4 §6.1), which RFC 6455
// §4.2.2 uses for Sec-WebSocket-Accept. SHA-1 is not used for security
// here: it only reproduces the handshake.
//
// [Sum] is crypto/sha1 natively (sum_native.go) and the written-out
// [generic] in WebAssembly (sum_wasm.go): crypto/sha1 brings the whole FIPS
// 140 module (SHA-2, SHA-3, HMAC, AES, a DRBG) into a binary, which does not
// matter natively but would weigh on the page's .wasm. The tests check that
// the two agree.
package sha1

import "math/bits"

// generic returns the SHA-1 digest of data.
func generic(data []byte) [20]byte {
	h := [5]uint32{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0}
	n := len(data)
	// The message, a 1 bit, zeros, and the length in bits: a multiple of 64 bytes.
	tail := make([]byte, 0, 128)
	full := n &^ 63
	tail = append(tail, data[full:]...)
	tail = append(tail, 0x80)
	for len(tail)%64 != 56 {
		tail = append(tail, 0)
	}
	bitLen := uint64(n) << 3
	for i := 7; i >= 0; i-- {
		tail = append(tail, byte(bitLen>>(8*i)))
	}
	for i := 0; i < full; i += 64 {
		block(&h, data[i:i+64])
	}
	for i := 0; i < len(tail); i += 64 {
		block(&h, tail[i:i+64])
	}
	var out [20]byte
	for i, v := range h {
		out[4*i], out[4*i+1], out[4*i+2], out[4*i+3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
	}
	return out
}

// block processes one 64-byte block (FIPS 180-4 §6.1.2). The message
// schedule is kept as a ring of 16 words, and each group of 20 rounds has
// its own loop, as in crypto/sha1's generic code.
func block(h *[5]uint32, p []byte) {
	var w [16]uint32
	for i := range w {
		w[i] = uint32(p[4*i])<<24 | uint32(p[4*i+1])<<16 | uint32(p[4*i+2])<<8 | uint32(p[4*i+3])
	}
	a, b, c, d, e := h[0], h[1], h[2], h[3], h[4]
	i := 0
	for ; i < 16; i++ {
		t := bits.RotateLeft32(a, 5) + (b&c | ^b&d) + e + 0x5A827999 + w[i]
		a, b, c, d, e = t, a, bits.RotateLeft32(b, 30), c, d
	}
	for ; i < 20; i++ {
		t := bits.RotateLeft32(a, 5) + (b&c | ^b&d) + e + 0x5A827999 + schedule(&w, i)
		a, b, c, d, e = t, a, bits.RotateLeft32(b, 30), c, d
	}
	for ; i < 40; i++ {
		t := bits.RotateLeft32(a, 5) + (b ^ c ^ d) + e + 0x6ED9EBA1 + schedule(&w, i)
		a, b, c, d, e = t, a, bits.RotateLeft32(b, 30), c, d
	}
	for ; i < 60; i++ {
		t := bits.RotateLeft32(a, 5) + (b&c | b&d | c&d) + e + 0x8F1BBCDC + schedule(&w, i)
		a, b, c, d, e = t, a, bits.RotateLeft32(b, 30), c, d
	}
	for ; i < 80; i++ {
		t := bits.RotateLeft32(a, 5) + (b ^ c ^ d) + e + 0xCA62C1D6 + schedule(&w, i)
		a, b, c, d, e = t, a, bits.RotateLeft32(b, 30), c, d
	}
	h[0] += a
	h[1] += b
	h[2] += c
	h[3] += d
	h[4] += e
}

// schedule computes W_i (i ≥ 16) in the ring w, which holds W_{i-16} to W_{i-1}.
func schedule(w *[16]uint32, i int) uint32 {
	x := bits.RotateLeft32(w[(i-3)&15]^w[(i-8)&15]^w[(i-14)&15]^w[i&15], 1)
	w[i&15] = x
	return x
}
