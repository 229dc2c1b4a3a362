package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// DefaultGap is the longest run of zero bytes Pack writes out to join two
// data segments. Past a few hundred bytes the gains stop: the playground's
// module keeps a handful of segments, split at its large zeroed tables.
const DefaultGap = 256

// The parts of the binary format (WebAssembly Core 5.5) Pack reads.
const (
	sectionData = 11   // the data section's id
	opI32Const  = 0x41 // i32.const, the only offset expression Go writes
	opEnd       = 0x0b // end of an expression
)

var header = []byte("\x00asm\x01\x00\x00\x00")

// A segment is an active data segment of memory 0: the bytes it writes at
// an address.
type segment struct {
	addr int64
	data []byte
}

// Pack returns the module with its data segments joined wherever at most
// gap zero bytes separate them; every other section is copied unchanged.
// It fails on a module it does not fully understand (a passive segment,
// another memory, an offset that is not a constant) rather than guess.
func Pack(module []byte, gap int) ([]byte, error) {
	if !bytes.HasPrefix(module, header) {
		return nil, errors.New("not a WebAssembly module (version 1)")
	}
	out := slices.Clone(module[:len(header)])
	p := module[len(header):]
	for len(p) > 0 {
		id := p[0]
		size, n := binary.Uvarint(p[1:])
		if n <= 0 || uint64(len(p)-1-n) < size {
			return nil, errors.New("truncated section")
		}
		whole := p[:1+n+int(size)]
		body := whole[1+n:]
		p = p[len(whole):]
		if id != sectionData {
			out = append(out, whole...)
			continue
		}
		segs, err := readSegments(body)
		if err != nil {
			return nil, fmt.Errorf("data section: %w", err)
		}
		sec := writeSegments(join(segs, gap))
		out = append(out, sectionData)
		out = binary.AppendUvarint(out, uint64(len(sec)))
		out = append(out, sec...)
	}
	return out, nil
}

// readSegments decodes a data section made only of active segments of
// memory 0 with constant offsets, as Go's linker writes it.
func readSegments(b []byte) ([]segment, error) {
	count, n := binary.Uvarint(b)
	if n <= 0 {
		return nil, errors.New("bad segment count")
	}
	b = b[n:]
	var segs []segment
	for i := uint64(0); i < count; i++ {
		if len(b) < 2 || b[0] != 0 || b[1] != opI32Const {
			return nil, fmt.Errorf("segment %d is not an active segment of memory 0 at an i32.const", i)
		}
		addr, n := readSleb(b[2:])
		if n <= 0 || len(b) < 2+n+1 || b[2+n] != opEnd || addr < 0 {
			return nil, fmt.Errorf("segment %d: bad offset expression", i)
		}
		b = b[2+n+1:]
		size, n := binary.Uvarint(b)
		if n <= 0 || uint64(len(b)-n) < size {
			return nil, fmt.Errorf("segment %d: truncated", i)
		}
		segs = append(segs, segment{addr, b[n : n+int(size)]})
		b = b[n+int(size):]
	}
	if len(b) != 0 {
		return nil, errors.New("bytes after the last segment")
	}
	return segs, nil
}

// join merges neighbouring segments separated by at most gap bytes,
// writing zeros between them. Segments are applied in order, so only
// segments in increasing, non-overlapping order are joined; any other
// stays a segment of its own, in place.
func join(segs []segment, gap int) []segment {
	var out []segment
	for _, s := range segs {
		if k := len(out) - 1; k >= 0 {
			end := out[k].addr + int64(len(out[k].data))
			if s.addr >= end && s.addr-end <= int64(gap) {
				d := slices.Grow(out[k].data[:len(out[k].data):len(out[k].data)], int(s.addr-end)+len(s.data))
				d = append(d, make([]byte, s.addr-end)...)
				out[k].data = append(d, s.data...)
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func writeSegments(segs []segment) []byte {
	b := binary.AppendUvarint(nil, uint64(len(segs)))
	for _, s := range segs {
		b = append(b, 0, opI32Const)
		b = appendSleb(b, s.addr)
		b = append(b, opEnd)
		b = binary.AppendUvarint(b, uint64(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}

// readSleb decodes a signed LEB128 number (i32.const's immediate),
// returning its length, or 0 when it is truncated or too long.
func readSleb(b []byte) (int64, int) {
	var v int64
	var shift uint
	for i, c := range b {
		if i == 5 {
			return 0, 0
		}
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, i + 1
		}
	}
	return 0, 0
}

func appendSleb(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
