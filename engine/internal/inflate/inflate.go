// Package inflate decompresses raw DEFLATE data (RFC 1951), for the
// permessage-deflate frames of RFC 7692.
//
// It is written out rather than taken from compress/flate, which would
// bring its compressor, fmt and os into the page's WebAssembly. It reads
// exactly as compress/flate does through an io.LimitReader: the same
// output, the same errors ("flate: corrupt input before offset N",
// "unexpected EOF"); the tests compare the two on every level, dictionary,
// limit, truncation and corruption, and on every input the fuzzer finds.
package inflate

import (
	"strconv"
	"sync"
)

// Inflate decompresses raw DEFLATE data, with dict as the window's history
// (the previous messages, under context takeover). It returns at most limit
// bytes and stops there, and otherwise reads to the end of the final block.
func Inflate(in, dict []byte, limit int) ([]byte, error) {
	d := inflater{in: in, out: append(make([]byte, 0, len(dict)+min(limit, 4*len(in)+64)), dict...), start: len(dict), limit: limit}
	err := d.run()
	out := d.out[d.start:]
	if len(out) > limit {
		// compress/flate hands its output over when its 32 KB window is
		// full, at the end, or with an error; a reader limited to fewer
		// bytes than it had decoded never sees what came after.
		return out[:limit], nil
	}
	return out, err
}

type inflater struct {
	in        []byte
	pos       int    // bytes of in consumed
	bits      uint32 // bits read but not used, low bit first
	nbits     uint
	out       []byte // the dictionary, then the output
	start     int    // where the output starts in out
	limit     int    // len(out) at which to stop
	lit, dist huffman
}

// inflateError is a decoding error, worded as compress/flate's.
type inflateError string

func (e inflateError) Error() string { return string(e) }

var errInflateEOF = inflateError("unexpected EOF")

func (d *inflater) corrupt() error {
	return inflateError("flate: corrupt input before offset " + strconv.Itoa(d.pos))
}

// need makes n bits available.
func (d *inflater) need(n uint) error {
	for d.nbits < n {
		if d.pos >= len(d.in) {
			return errInflateEOF
		}
		d.bits |= uint32(d.in[d.pos]) << d.nbits
		d.pos++
		d.nbits += 8
	}
	return nil
}

func (d *inflater) take(n uint) (uint32, error) {
	if err := d.need(n); err != nil {
		return 0, err
	}
	v := d.bits & (1<<n - 1)
	d.bits >>= n
	d.nbits -= n
	return v, nil
}

// errLimit stops decoding once the caller has all it reads.
var errLimit = inflateError("limit")

// full reports whether decoding can stop: compress/flate's window just
// filled (it hands its output over), and the caller has all it reads.
func (d *inflater) full() bool {
	return len(d.out)&32767 == 0 && len(d.out)-d.start >= d.limit
}

func (d *inflater) run() error {
	if d.limit <= 0 {
		return nil // like reading from an io.LimitReader with nothing left
	}
	for {
		hdr, err := d.take(3)
		if err != nil {
			return err
		}
		switch hdr >> 1 {
		case 0:
			err = d.stored()
		case 1:
			fixed.once.Do(func() { fixed.lit, fixed.dist = fixedCodes() })
			d.lit, d.dist = fixed.lit, fixed.dist
			err = d.codes()
		case 2:
			if err = d.dynamic(); err == nil {
				err = d.codes()
			}
		default:
			err = d.corrupt()
		}
		if err == errLimit {
			return nil
		}
		if err != nil {
			return err
		}
		if hdr&1 == 1 {
			return nil
		}
	}
}

// stored copies a stored block (RFC 1951 §3.2.4).
func (d *inflater) stored() error {
	d.bits, d.nbits = 0, 0 // to the byte boundary
	if d.pos+4 > len(d.in) {
		d.pos = len(d.in)
		return errInflateEOF
	}
	n := int(d.in[d.pos]) | int(d.in[d.pos+1])<<8
	nn := int(d.in[d.pos+2]) | int(d.in[d.pos+3])<<8
	d.pos += 4
	if n != ^nn&0xffff {
		return d.corrupt()
	}
	if n == 0 && len(d.out)-d.start >= d.limit {
		return errLimit // compress/flate hands its output over at an empty stored block (a sync flush)
	}
	for ; n > 0; n-- {
		if d.pos >= len(d.in) {
			return errInflateEOF
		}
		d.out = append(d.out, d.in[d.pos])
		d.pos++
		if d.full() {
			return errLimit
		}
	}
	return nil
}

// huffman is a canonical Huffman code: how many codes of each length, and
// the symbols in code order (RFC 1951 §3.2.2).
type huffman struct {
	count  [16]uint16
	symbol []uint16
}

// build makes a code from code lengths. Like compress/flate (and zlib) it
// accepts only complete codes, an empty code (an error only when used),
// and a single code of length 1.
func (h *huffman) build(lengths []uint8) bool {
	*h = huffman{symbol: make([]uint16, 0, len(lengths))}
	maxLen := 0
	for _, l := range lengths {
		h.count[l]++
		maxLen = max(maxLen, int(l))
	}
	h.count[0] = 0
	if maxLen == 0 {
		return true
	}
	code := 0
	for l := 1; l <= maxLen; l++ {
		code = code<<1 + int(h.count[l])
	}
	if code != 1<<maxLen && !(code == 1 && maxLen == 1) {
		return false
	}
	for l := 1; l <= maxLen; l++ {
		for s, sl := range lengths {
			if int(sl) == l {
				h.symbol = append(h.symbol, uint16(s))
			}
		}
	}
	return true
}

// decode reads one symbol, a bit at a time (codes are stored from their
// most significant bit).
func (d *inflater) decode(h *huffman) (int, error) {
	code, first, index := 0, 0, 0
	for l := 1; l < 16; l++ {
		b, err := d.take(1)
		if err != nil {
			return 0, err
		}
		code |= int(b)
		count := int(h.count[l])
		if code-first < count {
			return int(h.symbol[index+code-first]), nil
		}
		index += count
		first = (first + count) << 1
		code <<= 1
	}
	return 0, d.corrupt()
}

var (
	lengthBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// fixed holds the codes of RFC 1951 §3.2.6, built on the first block that
// uses them.
var fixed struct {
	once      sync.Once
	lit, dist huffman
}

// fixedCodes are the codes of RFC 1951 §3.2.6.
func fixedCodes() (lit, dist huffman) {
	var l [288]uint8
	for i := range l {
		switch {
		case i < 144:
			l[i] = 8
		case i < 256:
			l[i] = 9
		case i < 280:
			l[i] = 7
		default:
			l[i] = 8
		}
	}
	lit.build(l[:])
	var dl [30]uint8
	for i := range dl {
		dl[i] = 5
	}
	// 30 codes of 5 bits are an incomplete code; codes 30 and 31 exist in
	// the fixed code and are corrupt when used, so build it by hand.
	dist.count[5] = 32
	for i := 0; i < 32; i++ {
		dist.symbol = append(dist.symbol, uint16(i))
	}
	return lit, dist
}

// codeOrder is the order of the code length code lengths (§3.2.7).
var codeOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// dynamic reads a dynamic block's code definitions (RFC 1951 §3.2.7).
func (d *inflater) dynamic() error {
	h, err := d.take(14)
	if err != nil {
		return err
	}
	nlit, ndist, ncode := int(h&31)+257, int(h>>5&31)+1, int(h>>10)+4
	if nlit > 286 || ndist > 30 {
		return d.corrupt()
	}
	var cl [19]uint8
	for i := 0; i < ncode; i++ {
		v, err := d.take(3)
		if err != nil {
			return err
		}
		cl[codeOrder[i]] = uint8(v)
	}
	var lencode huffman
	if !lencode.build(cl[:]) {
		return d.corrupt()
	}
	lengths := make([]uint8, nlit+ndist)
	for i := 0; i < len(lengths); {
		sym, err := d.decode(&lencode)
		if err != nil {
			return err
		}
		if sym < 16 {
			lengths[i] = uint8(sym)
			i++
			continue
		}
		var rep int
		var val uint8
		switch sym {
		case 16:
			if i == 0 {
				return d.corrupt()
			}
			val = lengths[i-1]
			v, err := d.take(2)
			if err != nil {
				return err
			}
			rep = 3 + int(v)
		case 17:
			v, err := d.take(3)
			if err != nil {
				return err
			}
			rep = 3 + int(v)
		default:
			v, err := d.take(7)
			if err != nil {
				return err
			}
			rep = 11 + int(v)
		}
		if i+rep > len(lengths) {
			return d.corrupt()
		}
		for ; rep > 0; rep-- {
			lengths[i] = val
			i++
		}
	}
	if !d.lit.build(lengths[:nlit]) || !d.dist.build(lengths[nlit:]) {
		return d.corrupt()
	}
	return nil
}

// codes decodes a compressed block's data (RFC 1951 §3.2.5).
func (d *inflater) codes() error {
	for {
		sym, err := d.decode(&d.lit)
		if err != nil {
			return err
		}
		switch {
		case sym < 256:
			d.out = append(d.out, byte(sym))
			if d.full() {
				return errLimit
			}
			continue
		case sym == 256:
			return nil
		case sym > 285:
			return d.corrupt()
		}
		sym -= 257
		e, err := d.take(uint(lengthExtra[sym]))
		if err != nil {
			return err
		}
		n := int(lengthBase[sym]) + int(e)
		ds, err := d.decode(&d.dist)
		if err != nil {
			return err
		}
		if ds >= 30 {
			return d.corrupt()
		}
		e, err = d.take(uint(distExtra[ds]))
		if err != nil {
			return err
		}
		dist := int(distBase[ds]) + int(e)
		if dist > len(d.out) {
			return d.corrupt()
		}
		for ; n > 0; n-- {
			d.out = append(d.out, d.out[len(d.out)-dist])
			if d.full() {
				return errLimit
			}
		}
	}
}
