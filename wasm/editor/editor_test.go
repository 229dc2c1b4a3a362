package editor

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEditorText(t *testing.T) {
	tests := []struct {
		name, raw, eol, text string
	}{
		{"crlf lines", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", "crlf", "GET / HTTP/1.1\nHost: a\n\n"},
		{"bare lf", "GET / HTTP/1.1\nHost: a\r\n", "crlf", "GET / HTTP/1.1␊\nHost: a\n"},
		{"bare cr", "a\rb", "crlf", "a␍b"},
		{"cr cr lf", "a\r\r\n", "crlf", "a␍\n"},
		{"lf mode", "a\r\nb\nc", "lf", "a␍\nb\nc"},
		{"nul and del", "a\x00b\x7f", "crlf", "a␀b␡"},
		{"tab stays", "a\tb", "crlf", "a\tb"},
		{"invalid utf8", "a\xffb", "crlf", "a⟨FF⟩b"},
		{"valid utf8", "héllo", "crlf", "héllo"},
		{"bidi override", "a\u202eb", "crlf", "a⟨E2⟩⟨80⟩⟨AE⟩b"},
		{"zero width", "\ufeffa", "crlf", "⟨EF⟩⟨BB⟩⟨BF⟩a"},
		{"notation escaped", "␊⟨", "crlf", "⟨E2⟩⟨90⟩⟨8A⟩⟨E2⟩⟨9F⟩⟨A8⟩"},
		{"c1 control", "\u0085", "crlf", "⟨C2⟩⟨85⟩"},
		{"escape control", "\x1b[0m", "crlf", "␛[0m"},
		{"tag character", "a\U000E0001b", "crlf", "a⟨F3⟩⟨A0⟩⟨80⟩⟨81⟩b"},
		{"variation selector", "a\ufe0f", "crlf", "a⟨EF⟩⟨B8⟩⟨8F⟩"},
		{"hangul filler", "\u3164", "crlf", "⟨E3⟩⟨85⟩⟨A4⟩"},
		{"visible non-ascii", "\u00e9\u4e2d\U0001F600", "crlf", "\u00e9\u4e2d\U0001F600"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Text([]byte(tc.raw), tc.eol)
			if got != tc.text {
				t.Errorf("Text(%q) = %q, want %q", tc.raw, got, tc.text)
			}
			if back := Bytes(got, tc.eol); string(back) != tc.raw {
				t.Errorf("Bytes(%q) = %q, want %q", got, back, tc.raw)
			}
		})
	}
}

func TestEditorBytesTyped(t *testing.T) {
	// What a user types: pictures and escapes enter bytes; a lone ⟨ is text.
	tests := []struct{ text, want string }{
		{"a␍␊\n", "a\r\n"},
		{"⟨0D⟩⟨0a⟩", "\r\n"},
		{"⟨zz⟩ ⟨4", "⟨zz⟩ ⟨4"},
		{"x\r\ny", "x\r\r\ny"},
	}
	for _, tc := range tests {
		if got := Bytes(tc.text, "crlf"); string(got) != tc.want {
			t.Errorf("Bytes(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestEditorMap(t *testing.T) {
	raw := []byte("GET / HTTP/1.1\nHost: \xff\r\n\r\n")
	text := Text(raw, "crlf")
	back, m := MapText(text, "crlf")
	if !bytes.Equal(back, raw) {
		t.Fatalf("round trip: %q", back)
	}
	host := bytes.Index(raw, []byte("Host"))
	if got := m.TextOffset(host); text[got:got+4] != "Host" {
		t.Errorf("TextOffset(Host) = %d (%q)", got, text[got:])
	}
	ff := bytes.IndexByte(raw, 0xff)
	if got := m.TextOffset(ff); !strings.HasPrefix(text[got:], "⟨FF⟩") {
		t.Errorf("TextOffset(0xff) = %d (%q)", got, text[got:])
	}
	if got := m.TextOffset(len(raw)); got != len(text) {
		t.Errorf("TextOffset(end) = %d, want %d", got, len(text))
	}
	if got := m.ByteOffset(strings.Index(text, "Host")); got != host {
		t.Errorf("ByteOffset = %d, want %d", got, host)
	}
}

func TestUTF16Offset(t *testing.T) {
	text := "a😀é b"
	for off := range len(text) + 1 {
		if !utf8.RuneStart(text[min(off, len(text)-1)]) && off < len(text) {
			continue
		}
		u := UTF16Offset(text, off)
		if back := ByteOffsetFromUTF16(text, u); back != off {
			t.Errorf("offset %d → UTF-16 %d → %d", off, u, back)
		}
	}
	if UTF16Offset(text, len(text)) != 6 {
		t.Errorf("UTF-16 length = %d, want 6", UTF16Offset(text, len(text)))
	}
}

func TestEditorMarks(t *testing.T) {
	text := Text([]byte("a\tb\r\x00\u202e\xffé\r\n"), "crlf")
	var got []string
	for _, m := range Marks(text) {
		got = append(got, m.Kind+":"+m.Title+":"+text[m.Start:m.End])
	}
	want := []string{
		"tab:TAB (0x09):\t",
		"control:CR (0x0D):␍",
		"control:NUL (0x00):␀",
		"escape:U+202E RIGHT-TO-LEFT OVERRIDE (bidi control):⟨E2⟩⟨80⟩⟨AE⟩",
		"escape:byte 0xFF (not valid UTF-8 here):⟨FF⟩",
		"nonascii:non-ASCII text (2 bytes of UTF-8):é",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("marks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(Marks(strings.Repeat("\t", 3*MaxMarks))); n != MaxMarks {
		t.Errorf("marks not bounded: %d", n)
	}
}

func FuzzEditorRoundTrip(f *testing.F) {
	for _, s := range []string{"GET / HTTP/1.1\r\nHost: a\r\n\r\n", "a\nb\rc\r\n", "\x00\xff\xe2\x90\x8a\xe2\x9f\xa8", "\u202e\ufeff\t", "\xe2\x9f\xa8FF\xe2\x9f\xa9"} {
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, raw []byte, lf bool) {
		eol := "crlf"
		if lf {
			eol = "lf"
		}
		text := Text(raw, eol)
		if !utf8.ValidString(text) || strings.ContainsRune(text, '\r') {
			t.Fatalf("editor text %q is not valid LF-only UTF-8", text)
		}
		back, m := MapText(text, eol)
		if !bytes.Equal(back, raw) {
			t.Fatalf("round trip %q → %q → %q", raw, text, back)
		}
		prev := 0
		for i := 0; i <= len(raw); i++ {
			o := m.TextOffset(i)
			if o < prev || o > len(text) {
				t.Fatalf("offset map not monotonic at %d", i)
			}
			prev = o
		}
		for _, mk := range Marks(text) {
			if mk.Start < 0 || mk.End > len(text) || mk.Start >= mk.End {
				t.Fatalf("bad mark %+v", mk)
			}
		}
		// Any text maps to bytes without panicking.
		Bytes(string(raw), eol)
	})
}

func TestOneLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "seed-websocket", "seed-websocket"},
		{"markup stays text", "<img src=x>", "<img src=x>"},
		{"crlf", "a\r\nb", "a␍␊b"},
		{"tab", "a\tb", "a␉b"},
		{"bidi override", "\u202eabc", "⟨E2⟩⟨80⟩⟨AE⟩abc"},
		{"zero width", "a\u200bb", "a⟨E2⟩⟨80⟩⟨8B⟩b"},
		{"line separator", "a\u2028b", "a⟨E2⟩⟨80⟩⟨A8⟩b"},
		{"nul", "\x00", "␀"},
		{"invalid utf8", "\xe2\x80", "⟨E2⟩⟨80⟩"},
		{"a picture typed", "␊", "⟨E2⟩⟨90⟩⟨8A⟩"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := OneLine(tc.in)
			if got != tc.want {
				t.Errorf("OneLine(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if back := Bytes(got, "lf"); string(back) != tc.in {
				t.Errorf("Bytes(%q, lf) = %q, want %q back", got, back, tc.in)
			}
		})
	}
}

// denseMap is the offset map as one text offset per request byte, the
// way Map was first kept: the reference Map's runs are checked against.
func denseMap(text, eol string) []int32 {
	var at []int32
	crlf := eol != "lf"
	for i := 0; i < len(text); {
		c := text[i]
		if c < 0x80 && c != '\n' {
			at = append(at, int32(i))
			i++
			continue
		}
		if c == '\n' {
			at = append(at, int32(i))
			if crlf {
				at = append(at, int32(i))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		n := size
		switch {
		case r == 0x240a && crlf:
			n = 1
			if i+size < len(text) && text[i+size] == '\n' {
				size++
			}
		case r >= 0x2400 && r <= 0x241f, r == 0x2421:
			n = 1
		case r == 0x27e8 && i+size+2 < len(text) && text[i+size+2:min(len(text), i+size+5)] == escClose && isHexDigit(text[i+size]) && isHexDigit(text[i+size+1]):
			n = 1
			size += 2 + len(escClose)
		}
		for range n {
			at = append(at, int32(i))
		}
		i += size
	}
	return append(at, int32(len(text)))
}

// checkMap compares m's TextOffset and ByteOffset with the dense map's
// for every request offset and every text offset (and beyond each end).
func checkMap(t *testing.T, text, eol string) {
	t.Helper()
	raw, m := MapText(text, eol)
	at := denseMap(text, eol)
	if len(at) != len(raw)+1 {
		t.Fatalf("%q: the reference has %d offsets for %d bytes", text, len(at), len(raw))
	}
	for off := -1; off <= len(raw)+1; off++ {
		want := at[max(0, min(off, len(raw)))]
		if got := m.TextOffset(off); got != int(want) {
			t.Fatalf("%q (%s): TextOffset(%d) = %d, want %d", text, eol, off, got, want)
		}
	}
	for to := -1; to <= len(text)+1; to++ {
		want := len(raw)
		for i, v := range at {
			if int(v) >= to {
				want = i
				break
			}
		}
		if got := m.ByteOffset(to); got != want {
			t.Fatalf("%q (%s): ByteOffset(%d) = %d, want %d", text, eol, to, got, want)
		}
	}
}

func TestMapRuns(t *testing.T) {
	for _, text := range []string{"", "a", "\n", "\n\n", "GET / HTTP/1.1\nHost: a\n\n", "a␊\nb␊", "␀␍␡x", "é\n⟨FF⟩⟨zz⟩⟨0", "\u202e\t\n", strings.Repeat("ab\n", 100)} {
		for _, eol := range []string{"crlf", "lf"} {
			checkMap(t, text, eol)
		}
	}
}

func FuzzMapRuns(f *testing.F) {
	for _, s := range []string{"GET / HTTP/1.1\nHost: a\n\n", "a␊\nb␍␀⟨FF⟩é\n", "⟨0A⟩\n\n"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, text string, lf bool) {
		if len(text) > 2000 {
			return
		}
		eol := "crlf"
		if lf {
			eol = "lf"
		}
		checkMap(t, text, eol)
	})
}
