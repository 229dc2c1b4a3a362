package engine

import "strconv"

// An HPACK decoder (RFC 7541) for the header blocks a client sends: the
// static and dynamic tables (§2.3), the integer and string representations
// (§5), Huffman coding (§5.2, h2c_huffman.go) and every field representation
// of §6. It reports how each field was coded, for the after-the-switch
// pane, and why a block does not decode, which is a connection error of
// type COMPRESSION_ERROR (RFC 9113 §4.3).
//
// golang.org/x/net/http2/hpack would bring fmt into the WebAssembly (about
// 160 KB of gzip); the tests decode every block with it as well and compare.

// An hpackDecoder keeps the decoding context of one connection: the
// dynamic table, which a block may change for the blocks after it.
type hpackDecoder struct {
	table []hpackEntry // the dynamic table, oldest first: the last entry is index 62
	size  int          // the table's size (§4.1: each entry's name and value lengths plus 32)
	max   int          // the table's maximum size, as the encoder last set it (§4.2)
	limit int          // the largest maximum the encoder may set: the server's SETTINGS_HEADER_TABLE_SIZE
}

type hpackEntry struct{ name, value string }

// An hpackField is one representation of a header block: a field, or a
// dynamic table size update (its new size in value).
type hpackField struct {
	name, value         string
	kind                hpackKind
	index               uint64 // the field's index (indexed), its name's (literal), or 0 for a new name
	dynamic             bool   // index is in the dynamic table
	huffName, huffValue bool   // the strings were Huffman-coded
}

type hpackKind uint8

const (
	hpackIndexed     hpackKind = iota // §6.1
	hpackIncremental                  // §6.2.1: a literal added to the dynamic table
	hpackWithout                      // §6.2.2: a literal without indexing
	hpackNever                        // §6.2.3: a literal never indexed
	hpackUpdate                       // §6.3: a dynamic table size update
)

// sensitive reports a field that intermediaries must never index (§7.1.3).
func (f hpackField) sensitive() bool { return f.kind == hpackNever }

// how says how the field was coded, e.g. "indexed 2" or "literal, name 1,
// Huffman value, added to the dynamic table".
func (f hpackField) how() string {
	idx := func() string {
		s := strconv.FormatUint(f.index, 10)
		if f.dynamic {
			s += " (dynamic table)"
		}
		return s
	}
	switch f.kind {
	case hpackIndexed:
		return "indexed " + idx()
	case hpackUpdate:
		return "dynamic table size update"
	}
	s := "literal"
	if f.kind == hpackNever {
		s = "literal never indexed"
	}
	if f.index > 0 {
		s += ", name " + idx()
	} else {
		s += ", new name"
		if f.huffName {
			s += " (Huffman)"
		}
	}
	if f.huffValue {
		s += ", Huffman value"
	}
	if f.kind == hpackIncremental {
		s += ", added to the dynamic table"
	}
	return s
}

func newHPACKDecoder(limit int) hpackDecoder {
	return hpackDecoder{max: limit, limit: limit}
}

// decode reads one complete header block, calling emit for each
// representation in order. It returns why the block does not decode, or "".
func (d *hpackDecoder) decode(block []byte, emit func(hpackField)) string {
	first := true // no field yet: size updates may come (§4.2)
	for p := block; len(p) > 0; {
		b := p[0]
		var f hpackField
		var why string
		switch {
		case b&0x80 != 0: // §6.1 indexed
			if f.index, p, why = hpackInt(p, 7); why != "" {
				return why
			}
			e, ok := d.at(f.index)
			if !ok {
				return d.badIndex(f.index)
			}
			f.kind, f.name, f.value, f.dynamic = hpackIndexed, e.name, e.value, f.index > uint64(len(hpackStatic))
		case b&0xe0 == 0x20: // §6.3 dynamic table size update
			if !first {
				return "a dynamic table size update comes after a field; it must begin the block (RFC 7541 §4.2)"
			}
			var size uint64
			if size, p, why = hpackInt(p, 5); why != "" {
				return why
			}
			if size > uint64(d.limit) {
				return "the dynamic table size update to " + strconv.FormatUint(size, 10) + " is above the server's SETTINGS_HEADER_TABLE_SIZE, " + strconv.Itoa(d.limit)
			}
			d.max = int(size)
			d.evict(0)
			emit(hpackField{name: "dynamic table size update", value: strconv.FormatUint(size, 10), kind: hpackUpdate})
			continue
		default: // §6.2: with incremental indexing, without indexing, never indexed
			prefix := uint8(4)
			switch {
			case b&0xc0 == 0x40:
				prefix, f.kind = 6, hpackIncremental
			case b&0xf0 == 0x10:
				f.kind = hpackNever
			default:
				f.kind = hpackWithout
			}
			if f.index, p, why = hpackInt(p, prefix); why != "" {
				return why
			}
			if f.index > 0 {
				e, ok := d.at(f.index)
				if !ok {
					return d.badIndex(f.index)
				}
				f.name, f.dynamic = e.name, f.index > uint64(len(hpackStatic))
			} else if f.name, f.huffName, p, why = hpackString(p); why != "" {
				return "the name: " + why
			}
			if f.value, f.huffValue, p, why = hpackString(p); why != "" {
				return "the value: " + why
			}
			if f.kind == hpackIncremental {
				d.add(f.name, f.value)
			}
		}
		first = false
		emit(f)
	}
	return ""
}

// at returns the entry at index i (§2.3.3): 1 to 61 the static table, then
// the dynamic table, newest first.
func (d *hpackDecoder) at(i uint64) (e hpackEntry, ok bool) {
	switch {
	case i == 0:
		return e, false
	case i <= uint64(len(hpackStatic)):
		s := hpackStatic[i-1]
		return hpackEntry{s[0], s[1]}, true
	case i-uint64(len(hpackStatic)) <= uint64(len(d.table)):
		return d.table[len(d.table)-int(i-uint64(len(hpackStatic)))], true
	}
	return e, false
}

func (d *hpackDecoder) badIndex(i uint64) string {
	if i == 0 {
		return "index 0 is not used (RFC 7541 §6.1)"
	}
	return "index " + strconv.FormatUint(i, 10) + " is beyond the tables (61 static entries, " + strconv.Itoa(len(d.table)) + " dynamic)"
}

// add inserts an entry, evicting the oldest to make room (§4.4). An entry
// larger than the table empties it and is not added.
func (d *hpackDecoder) add(name, value string) {
	n := len(name) + len(value) + 32
	d.evict(n)
	if n > d.max {
		return
	}
	d.table = append(d.table, hpackEntry{name, value})
	d.size += n
}

// evict drops the oldest entries until room more bytes fit under the maximum (§4.3).
func (d *hpackDecoder) evict(room int) {
	k := 0
	for k < len(d.table) && d.size+room > d.max {
		e := d.table[k]
		d.size -= len(e.name) + len(e.value) + 32
		k++
	}
	if k > 0 {
		d.table = append(d.table[:0], d.table[k:]...)
	}
}

// hpackInt reads an integer with an n-bit prefix (§5.1). As in x/net's
// decoder, one that needs more than 63 bits overflows.
func hpackInt(p []byte, n uint8) (uint64, []byte, string) {
	max := uint64(1)<<n - 1
	i := uint64(p[0]) & max
	if i < max {
		return i, p[1:], ""
	}
	for k, m := 1, uint(0); k < len(p); k, m = k+1, m+7 {
		if m >= 63 {
			return 0, nil, "an integer overflows"
		}
		i += uint64(p[k]&0x7f) << m
		if p[k]&0x80 == 0 {
			return i, p[k+1:], ""
		}
	}
	return 0, nil, "the block ends inside an integer"
}

// hpackString reads a string literal (§5.2).
func hpackString(p []byte) (s string, huff bool, rest []byte, why string) {
	if len(p) == 0 {
		return "", false, nil, "the block ends before the string"
	}
	huff = p[0]&0x80 != 0
	n, p, why := hpackInt(p, 7)
	if why != "" {
		return "", huff, nil, why
	}
	if n > uint64(len(p)) {
		return "", huff, nil, "the string's length, " + strconv.FormatUint(n, 10) + ", runs past the end of the block"
	}
	raw, rest := p[:n], p[n:]
	if !huff {
		return string(raw), false, rest, ""
	}
	b, why := huffmanDecode(make([]byte, 0, len(raw)*8/5+1), raw)
	if why != "" {
		return "", true, nil, "Huffman: " + why
	}
	return string(b), true, rest, ""
}
