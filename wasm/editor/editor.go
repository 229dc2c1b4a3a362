// Package editor maps the request editor's text to the request's exact
// bytes and back. A textarea holds text with LF line breaks only, but a
// request is exact bytes. Text and Bytes convert between the two
// so that bytes → text → bytes is the identity for every byte string:
//
//   - a line break in the editor is CRLF on the wire (eol "crlf", the
//     default) or LF (eol "lf");
//   - in "crlf" mode a bare LF is shown as ␊ followed by a line break (the
//     break belongs to the ␊), and a bare CR as ␍; in "lf" mode a CR is ␍;
//   - other control bytes are shown as their Unicode control pictures
//     (␀ U+2400 … ␟ U+241F, ␡ U+2421 for DEL); TAB stays a TAB;
//   - a byte that is not part of valid UTF-8, and every character that is
//     invisible or would be confused with the notation (C1 controls, bidi
//     controls, zero-width and other format characters, variation
//     selectors and the other default-ignorable code points, U+2028/U+2029,
//     the control pictures themselves, ⟨ and ⟩), is written as ⟨HH⟩ per
//     byte (uppercase hex).
//
// Typing a control picture or a ⟨HH⟩ escape in the editor enters that byte.
package editor

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape notation, as UTF-8.
const (
	escOpen  = "⟨" // U+27E8
	escClose = "⟩" // U+27E9
)

// Text returns the editor text that stands for the request bytes.
func Text(raw []byte, eol string) string {
	crlf := eol != "lf"
	out := make([]byte, 0, len(raw)+len(raw)/16)
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\r' && crlf && i+1 < len(raw) && raw[i+1] == '\n':
			out = append(out, '\n')
			i += 2
			continue
		case c == '\n' && crlf:
			out = append(out, "␊\n"...)
		case c == '\n':
			out = append(out, '\n')
		case c == '\t':
			out = append(out, '\t')
		case c < 0x20:
			out = utf8.AppendRune(out, 0x2400+rune(c))
		case c == 0x7f:
			out = append(out, "␡"...)
		case c < 0x80:
			out = append(out, c)
		default:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size <= 1 || escapedRune(r) {
				if size < 1 {
					size = 1
				}
				for _, b := range raw[i : i+size] {
					out = appendByteEscape(out, b)
				}
			} else {
				out = append(out, raw[i:i+size]...)
			}
			i += size
			continue
		}
		i++
	}
	return string(out)
}

// OneLine returns s in the editor's notation on a single line, for naming
// a value in a message: as Text in "lf" mode, with LF and TAB shown as
// their control pictures ␊ and ␉ too. Nothing in the result breaks the
// line, hides as white space or reorders the text around it, and
// Bytes(OneLine(s), "lf") gives back s.
func OneLine(s string) string {
	t := Text([]byte(s), "lf")
	if strings.IndexByte(t, '\n') < 0 && strings.IndexByte(t, '\t') < 0 {
		return t
	}
	out := make([]byte, 0, len(t)+8)
	for i := 0; i < len(t); i++ {
		switch c := t[i]; c {
		case '\n', '\t':
			out = utf8.AppendRune(out, 0x2400+rune(c))
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

func appendByteEscape(out []byte, b byte) []byte {
	const hexdig = "0123456789ABCDEF"
	out = append(out, escOpen...)
	out = append(out, hexdig[b>>4], hexdig[b&15])
	return append(out, escClose...)
}

// escapedRune reports whether a valid non-ASCII character is written as
// ⟨HH⟩ escapes in the editor: it is invisible, reorders text, breaks lines,
// or belongs to the editor's own notation.
func escapedRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f, // C1 controls
		r == 0xad,                  // soft hyphen
		r == 0x061c,                // Arabic letter mark
		r >= 0x200b && r <= 0x200f, // zero-width space/joiners, LRM, RLM
		r >= 0x2028 && r <= 0x202e, // line/paragraph separators, bidi embeddings and overrides
		r >= 0x2060 && r <= 0x2069, // word joiner, invisible operators, bidi isolates
		r >= 0x2400 && r <= 0x243f, // control pictures (the editor's notation)
		r == 0x27e8 || r == 0x27e9, // ⟨ ⟩ (the editor's notation)
		r == 0xfeff,                // zero-width no-break space (BOM)
		r >= 0xfff9 && r <= 0xfffb: // interlinear annotations
		return true
	}
	// The rest of Unicode's invisible characters: every format character
	// (tags, Arabic and Kaithi number signs, ...), the variation selectors
	// and the other default-ignorable code points (Hangul fillers, the
	// combining grapheme joiner, ...).
	return r >= 0x034f && unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// An Map maps byte offsets in the request to byte offsets in the
// editor text it came from. It is kept as runs rather than an offset per
// byte (which cost a 256 KiB request a megabyte of memory a keystroke):
// within a run, request bytes either follow the text byte for byte (a
// copied run) or all stand for one place in the text (a line break's CR
// LF, a notation such as ␀ or ⟨FF⟩, a non-ASCII character's bytes).
type Map struct {
	runs []run // in request order; the last one is the end (byte n, text len(text))
}

// A run starts at request byte b, which stands for text offset t; the
// bytes after it up to the next run stand for t+1, t+2… when copied, or
// for t too when not.
type run struct {
	b, t   int32
	copied bool
}

// EditorBytes returns the request bytes that the editor text stands for.
func Bytes(text, eol string) []byte {
	b, _ := mapEditor(text, eol, false)
	return b
}

// MapEditor is EditorBytes that also returns the offset map.
func MapText(text, eol string) ([]byte, *Map) {
	return mapEditor(text, eol, true)
}

func mapEditor(text, eol string, want bool) ([]byte, *Map) {
	crlf := eol != "lf"
	lines := strings.Count(text, "\n")
	size := len(text)
	if crlf {
		size += lines // a CR for each line break
	}
	out := make([]byte, 0, size)
	var m *Map
	if want {
		m = &Map{runs: make([]run, 0, 2*lines+2)}
	}
	// emit writes bytes that all stand for the text at from.
	emit := func(from int, bs ...byte) {
		if m != nil {
			m.runs = append(m.runs, run{b: int32(len(out)), t: int32(from)})
		}
		out = append(out, bs...)
	}
	for i := 0; i < len(text); {
		// A run of ASCII bytes other than LF stands for itself: copied at
		// once (a call per byte costs much in WebAssembly).
		j := i
		for j < len(text) && text[j] < 0x80 && text[j] != '\n' {
			j++
		}
		if j > i {
			if m != nil {
				m.runs = append(m.runs, run{b: int32(len(out)), t: int32(i), copied: true})
			}
			out = append(out, text[i:j]...)
			i = j
			continue
		}
		c := text[i]
		if c == '\n' {
			if crlf {
				emit(i, '\r', '\n')
			} else {
				emit(i, '\n')
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == 0x240a && crlf:
			emit(i, '\n')
			if i+size < len(text) && text[i+size] == '\n' {
				size++ // the line break shown after ␊ belongs to it
			}
		case r >= 0x2400 && r <= 0x241f:
			emit(i, byte(r-0x2400))
		case r == 0x2421:
			emit(i, 0x7f)
		case r == 0x27e8 && i+size+2 < len(text) && text[i+size+2:min(len(text), i+size+5)] == escClose && isHexDigit(text[i+size]) && isHexDigit(text[i+size+1]):
			h := hexByte(text[i+size:])
			emit(i, byte(h))
			size += 2 + len(escClose)
		default:
			emit(i, []byte(text[i:i+size])...)
		}
		i += size
	}
	if m != nil {
		m.runs = append(m.runs, run{b: int32(len(out)), t: int32(len(text))})
	}
	return out, m
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// hexByte parses two hex digits, already checked with isHexDigit.
func hexByte(s string) byte {
	h, _ := strconv.ParseUint(s[:2], 16, 8)
	return byte(h)
}

// hex2 writes b as two uppercase hex digits.
func hex2(b byte) string {
	const hexdig = "0123456789ABCDEF"
	return string([]byte{hexdig[b>>4], hexdig[b&15]})
}

// TextOffset returns the editor-text offset of a request byte offset
// (clamped to the request).
func (m *Map) TextOffset(off int) int {
	if len(m.runs) == 0 {
		return 0
	}
	off = max(0, min(off, int(m.runs[len(m.runs)-1].b)))
	// The last run that starts at or before off.
	i := sort.Search(len(m.runs), func(i int) bool { return int(m.runs[i].b) > off }) - 1
	r := m.runs[i]
	if r.copied {
		return int(r.t) + off - int(r.b)
	}
	return int(r.t)
}

// ByteOffset returns the first request byte offset whose text offset is at
// or after the editor-text offset.
func (m *Map) ByteOffset(textOff int) int {
	if len(m.runs) == 0 {
		return 0
	}
	// The first run whose last byte's text offset is at or after textOff
	// (the offsets never decrease).
	last := func(i int) int {
		r := m.runs[i]
		if !r.copied || i+1 == len(m.runs) {
			return int(r.t)
		}
		return int(r.t) + int(m.runs[i+1].b-r.b) - 1
	}
	i := sort.Search(len(m.runs), func(i int) bool { return last(i) >= textOff })
	if i == len(m.runs) {
		return int(m.runs[len(m.runs)-1].b)
	}
	r := m.runs[i]
	if r.copied && textOff > int(r.t) {
		return int(r.b) + textOff - int(r.t)
	}
	return int(r.b)
}

// UTF16Offset converts a byte offset in valid UTF-8 text to the offset in
// UTF-16 code units that JavaScript strings (and textarea selections) use.
func UTF16Offset(text string, off int) int {
	n := 0
	for i, r := range text {
		if i >= off {
			break
		}
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// ByteOffsetFromUTF16 is the inverse of UTF16Offset.
func ByteOffsetFromUTF16(text string, u16 int) int {
	n := 0
	for i := 0; i < len(text); {
		if n >= u16 {
			return i
		}
		if text[i] < utf8.RuneSelf { // ASCII: a byte, a code unit
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return len(text)
}

// A Mark points at something in the editor text that the page shows
// visibly: a TAB, a control picture, a ⟨HH⟩ escape or non-ASCII text.
type Mark struct {
	Start, End int    // byte offsets in the editor text
	Kind       string // "tab", "control", "escape", "nonascii"
	Title      string // plain text, e.g. "bare LF (0x0A)", "U+202E RIGHT-TO-LEFT OVERRIDE"
}

// MaxMarks bounds the marks Marks returns, so a huge paste stays fast.
const MaxMarks = 2000

// Marks lists the invisible or confusable characters of the editor
// text, in order (at most MaxMarks). Runs of non-ASCII text form one mark.
func Marks(text string) []Mark {
	var marks []Mark
	for i := 0; i < len(text) && len(marks) < MaxMarks; {
		c := text[i]
		if c == '\t' {
			marks = append(marks, Mark{i, i + 1, "tab", "TAB (0x09)"})
			i++
			continue
		}
		if c < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r >= 0x2400 && r <= 0x241f || r == 0x2421:
			b := byte(r - 0x2400)
			if r == 0x2421 {
				b = 0x7f
			}
			marks = append(marks, Mark{i, i + size, "control", controlName(b)})
			i += size
		case r == 0x27e8:
			j, bs := scanEscapes(text, i)
			if j == i {
				marks = append(marks, Mark{i, i + size, "nonascii", "U+27E8 MATHEMATICAL LEFT ANGLE BRACKET"})
				i += size
				continue
			}
			marks = append(marks, Mark{i, j, "escape", escapeTitle(bs)})
			i = j
		default:
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if r2 < 0x80 || r2 == 0x27e8 || r2 >= 0x2400 && r2 <= 0x2421 {
					break
				}
				j += s2
			}
			marks = append(marks, Mark{i, j, "nonascii", "non-ASCII text (" + strconv.Itoa(j-i) + " bytes of UTF-8)"})
			i = j
		}
	}
	return marks
}

// scanEscapes reads a ⟨HH⟩ escape at text[i:], and the escapes after it
// when together they spell one UTF-8 character. It returns the end offset
// and the bytes; the end is i when there is no escape at i.
func scanEscapes(text string, i int) (int, []byte) {
	one := func(j int) (byte, bool) {
		k := j + len(escOpen)
		if k+2+len(escClose) > len(text) || text[j:k] != escOpen || !isHexDigit(text[k]) || !isHexDigit(text[k+1]) || text[k+2:k+2+len(escClose)] != escClose {
			return 0, false
		}
		return hexByte(text[k:]), true
	}
	const width = len(escOpen) + 2 + len(escClose)
	b0, ok := one(i)
	if !ok {
		return i, nil
	}
	n := 1
	switch {
	case b0 >= 0xf0 && b0 <= 0xf4:
		n = 4
	case b0 >= 0xe0 && b0 <= 0xef:
		n = 3
	case b0 >= 0xc2 && b0 <= 0xdf:
		n = 2
	}
	bs := []byte{b0}
	for len(bs) < n {
		b, ok := one(i + len(bs)*width)
		if !ok {
			break
		}
		bs = append(bs, b)
	}
	if n > 1 {
		if r, size := utf8.DecodeRune(bs); r == utf8.RuneError || size != n {
			bs = bs[:1]
		}
	}
	return i + len(bs)*width, bs
}

func escapeTitle(bs []byte) string {
	if len(bs) == 1 {
		t := "byte 0x" + hex2(bs[0])
		if bs[0] >= 0x80 {
			t += " (not valid UTF-8 here)"
		}
		return t
	}
	r, _ := utf8.DecodeRune(bs)
	return runeLabel(r)
}

// runeLabel names an escaped character: "U+202E RIGHT-TO-LEFT OVERRIDE".
func runeLabel(r rune) string {
	u := strings.ToUpper(strconv.FormatInt(int64(r), 16))
	if len(u) < 4 {
		u = strings.Repeat("0", 4-len(u)) + u
	}
	for _, n := range runeNames {
		if n.r == r {
			return "U+" + u + " " + n.name
		}
	}
	return "U+" + u
}

// runeNames names the invisible and bidi-control runes.
var runeNames = []struct {
	r    rune
	name string
}{
	{0x00ad, "SOFT HYPHEN (invisible)"},
	{0x061c, "ARABIC LETTER MARK (bidi control)"},
	{0x200b, "ZERO WIDTH SPACE"},
	{0x200c, "ZERO WIDTH NON-JOINER"},
	{0x200d, "ZERO WIDTH JOINER"},
	{0x200e, "LEFT-TO-RIGHT MARK (bidi control)"},
	{0x200f, "RIGHT-TO-LEFT MARK (bidi control)"},
	{0x2028, "LINE SEPARATOR"},
	{0x2029, "PARAGRAPH SEPARATOR"},
	{0x202a, "LEFT-TO-RIGHT EMBEDDING (bidi control)"},
	{0x202b, "RIGHT-TO-LEFT EMBEDDING (bidi control)"},
	{0x202c, "POP DIRECTIONAL FORMATTING (bidi control)"},
	{0x202d, "LEFT-TO-RIGHT OVERRIDE (bidi control)"},
	{0x202e, "RIGHT-TO-LEFT OVERRIDE (bidi control)"},
	{0x2060, "WORD JOINER (invisible)"},
	{0x2066, "LEFT-TO-RIGHT ISOLATE (bidi control)"},
	{0x2067, "RIGHT-TO-LEFT ISOLATE (bidi control)"},
	{0x2068, "FIRST STRONG ISOLATE (bidi control)"},
	{0x2069, "POP DIRECTIONAL ISOLATE (bidi control)"},
	{0xfeff, "ZERO WIDTH NO-BREAK SPACE (BOM)"},
}

// controlName names a control byte as the editor shows it.
func controlName(b byte) string {
	hex := " (0x" + hex2(b) + ")"
	switch b {
	case 0:
		return "NUL" + hex
	case '\n':
		return "bare LF" + hex
	case '\r':
		return "CR" + hex
	case 0x1b:
		return "ESC" + hex
	case 0x7f:
		return "DEL" + hex
	}
	return "control byte" + hex
}
