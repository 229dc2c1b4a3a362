// Package wiretext writes exact bytes as readable text, for the golden
// exchanges and the examples gallery (txtar files hold text only).
package wiretext

import (
	"strconv"
	"strings"
)

// Wire text is how golden files and examples write exact request and
// response bytes as readable text (txtar holds text only):
//
//   - every line of the text stands for a line ending in CRLF;
//   - a line that ends with a lone backslash gets no line terminator at all
//     (so a bare LF line is written `Host: a\n\`, and a body without a final
//     CRLF is written `hello\`);
//   - inside a line: \r is CR, \n is LF, \t is TAB, \0 is NUL, \xHH is any
//     byte, and \\ is a backslash.
//
// Encode and Decode are exact inverses on every byte string.

// Decode turns wire text into bytes.
func Decode(s string) []byte {
	var b []byte
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		line := s
		if i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		term := true
		if n := trailingBackslashes(line); n%2 == 1 {
			line = line[:len(line)-1]
			term = false
		}
		b = appendUnescaped(b, line)
		if term {
			b = append(b, '\r', '\n')
		}
	}
	return b
}

func trailingBackslashes(s string) int {
	n := 0
	for i := len(s) - 1; i >= 0 && s[i] == '\\'; i-- {
		n++
	}
	return n
}

func appendUnescaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b = append(b, c)
			continue
		}
		i++
		switch s[i] {
		case 'r':
			b = append(b, '\r')
		case 'n':
			b = append(b, '\n')
		case 't':
			b = append(b, '\t')
		case '0':
			b = append(b, 0)
		case '\\':
			b = append(b, '\\')
		case 'x':
			if i+2 < len(s) {
				if h, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
					b = append(b, byte(h))
					i += 2
					continue
				}
			}
			b = append(b, '\\', 'x')
		default:
			b = append(b, '\\', s[i])
		}
	}
	return b
}

// Encode turns bytes into wire text.
func Encode(b []byte) string {
	out := make([]byte, 0, len(b)+len(b)/8)
	const hexdig = "0123456789abcdef"
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\r' && i+1 < len(b) && b[i+1] == '\n':
			out = append(out, '\n')
			i++
		case c == '\n':
			out = append(out, '\\', 'n', '\\', '\n')
		case c == '\r':
			out = append(out, '\\', 'r')
		case c == '\t':
			out = append(out, '\\', 't')
		case c == 0:
			out = append(out, '\\', '0')
		case c == '\\':
			out = append(out, '\\', '\\')
		case c < 0x20 || c >= 0x7f:
			out = append(out, '\\', 'x', hexdig[c>>4], hexdig[c&15])
		default:
			out = append(out, c)
		}
	}
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\\', '\n')
	}
	return string(out)
}
