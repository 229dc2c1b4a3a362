package engine

import "strings"

// Character classes and the small lexical helpers the parsers share. Every
// class here is ASCII: the grammars of RFC 9110, RFC 9112, RFC 3986 and
// RFC 4648 give no meaning to other bytes, and a byte ≥ 0x80 is in none of
// them.

// isDigit is DIGIT (RFC 5234 Appendix B.1).
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isAlpha is ALPHA (RFC 5234 Appendix B.1).
func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isHexDig is HEXDIG (RFC 5234 Appendix B.1), in either case (RFC 5234
// §2.3: ABNF strings are case-insensitive).
func isHexDig(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// hexDigits writes a nibble as a lower-case hex digit.
const hexDigits = "0123456789abcdef"

// appendHex appends the bytes of p to b as pairs of lower-case hex digits.
func appendHex(b, p []byte) []byte {
	for _, c := range p {
		b = append(b, hexDigits[c>>4], hexDigits[c&15])
	}
	return b
}

// hexString writes p as lower-case hex digits: "0d0a".
func hexString(p []byte) string { return string(appendHex(nil, p)) }

// hexByte writes c as "0x" and two lower-case hex digits: "0x0d".
func hexByte(c byte) string { return "0x" + hexString([]byte{c}) }

// parseHex reads 1*HEXDIG as a number: a chunk-size (RFC 9112 §7.1).
// Recipients "MUST anticipate potentially large hexadecimal numerals and
// prevent parsing errors due to integer conversion overflows" (§7.1): any
// number of digits is read, leading zeros included, and the value stops
// growing at 2^48, beyond any size the server accepts.
func parseHex(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d byte
		switch {
		case isDigit(c):
			d = c - '0'
		case 'a' <= c && c <= 'f':
			d = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		n = min(n<<4|int64(d), maxHex)
	}
	return n, true
}

// maxHex is where parseHex stops counting.
const maxHex = 1 << 48

// isTchar is the tchar rule of RFC 9110 §5.6.2:
//
//	token = 1*tchar
//	tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
//	        "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
var isTchar = [256]bool{
	'!': true, '#': true, '$': true, '%': true, '&': true, '\'': true, '*': true,
	'+': true, '-': true, '.': true, '^': true, '_': true, '`': true, '|': true, '~': true,
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	'A': true, 'B': true, 'C': true, 'D': true, 'E': true, 'F': true, 'G': true, 'H': true, 'I': true,
	'J': true, 'K': true, 'L': true, 'M': true, 'N': true, 'O': true, 'P': true, 'Q': true, 'R': true,
	'S': true, 'T': true, 'U': true, 'V': true, 'W': true, 'X': true, 'Y': true, 'Z': true,
	'a': true, 'b': true, 'c': true, 'd': true, 'e': true, 'f': true, 'g': true, 'h': true, 'i': true,
	'j': true, 'k': true, 'l': true, 'm': true, 'n': true, 'o': true, 'p': true, 'q': true, 'r': true,
	's': true, 't': true, 'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true,
}

// isToken reports whether s is a token (RFC 9110 §5.6.2): one or more tchar.
func isToken(s string) bool { return s != "" && firstNonTchar(s) < 0 }

// firstNonTchar returns the index of the first byte of s that is not a tchar, or -1.
func firstNonTchar(s string) int {
	for i := 0; i < len(s); i++ {
		if !isTchar[s[i]] {
			return i
		}
	}
	return -1
}

// isOWS reports whether c is optional whitespace, OWS = *( SP / HTAB ) (RFC 9110 §5.6.3).
func isOWS(c byte) bool { return c == ' ' || c == '\t' }

// trimOWS removes the OWS around s.
func trimOWS(s string) string { return strings.Trim(s, " \t") }

// isLineSpace reports whether c separates request-line words in the lenient
// split: SP, HTAB, VT or FF (RFC 9112 §3).
func isLineSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\v' || c == '\f' }

// isUnreserved is unreserved (RFC 3986 §2.3):
//
//	unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"
func isUnreserved(c byte) bool {
	return isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~'
}

// isSubDelim is sub-delims (RFC 3986 §2.2):
//
//	sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="
func isSubDelim(c byte) bool { return strings.IndexByte("!$&'()*+,;=", c) >= 0 }

// schemeLen returns the length of the scheme at the start of s (RFC 3986
// §3.1), or 0 when s does not start with one:
//
//	scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
func schemeLen(s string) int {
	i := 0
	for i < len(s) && (isAlpha(s[i]) || i > 0 && (isDigit(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')) {
		i++
	}
	return i
}

// isBase64 reports whether c is in the base64 alphabet (RFC 4648 §4),
// padding excluded.
func isBase64(c byte) bool { return isAlpha(c) || isDigit(c) || c == '+' || c == '/' }

// isBase64URL reports whether c is in the base64url alphabet (RFC 4648 §5),
// padding excluded.
func isBase64URL(c byte) bool { return isAlpha(c) || isDigit(c) || c == '-' || c == '_' }

// lower returns s with ASCII letters folded to lower case (RFC 9110 §5.1:
// field names are case-insensitive; tokens compare ASCII case-insensitively).
// Other bytes are left as they are, valid UTF-8 or not.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				b[j] = foldByte(b[j])
			}
			return string(b)
		}
	}
	return s
}

// equalFold reports whether a and b are equal under ASCII case folding
// (RFC 4790's i;ascii-casemap), unlike strings.EqualFold, which also folds
// non-ASCII letters (the Kelvin sign to "k").
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if foldByte(a[i]) != foldByte(b[i]) {
			return false
		}
	}
	return true
}

// foldByte folds an ASCII upper-case letter to lower case.
func foldByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
