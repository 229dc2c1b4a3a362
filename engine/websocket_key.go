package engine

import (
	"strconv"
	"strings"
)

// Sec-WebSocket-Key and Sec-WebSocket-Version (RFC 6455 §4.2.1 items 5–6,
// §4.3, §4.4, §11.3.1, §11.3.5).

// checkKey checks Sec-WebSocket-Key: exactly one line whose value is base64
// of 16 bytes (§4.2.1 item 5, §11.3.1). It returns the key as received and
// its span, for the Accept computation.
func checkKey(c *wsCheck) (string, Span) {
	n, r := c.n, c.n.req
	keys := r.Values("Sec-WebSocket-Key")
	const check = "Sec-WebSocket-Key is base64 of 16 bytes, exactly once"
	switch {
	case len(keys) == 0:
		c.fail(check, r.LineSpan, noteWSKeyMissing)
		return "", Span{}
	case len(keys) > 1:
		c.fail(check, keys[1].Span, noteWSKeyDuplicate, Var{"count", strconv.Itoa(len(keys))})
		return keys[0].Value, keys[0].ValueSpan
	}
	k := keys[0]
	why, at := keyProblem(k.Value)
	switch {
	case why != "":
		sp := k.ValueSpan
		if at >= 0 {
			sp = Span{k.ValueSpan.Start + at, k.ValueSpan.Start + at + 1}
		}
		if k.Value == "" {
			sp = k.Span
		}
		c.fail(check, sp, noteWSKeyInvalid, Var{"key", k.Value}, Var{"why", why})
	case !canonicalKey(k.Value):
		sp := Span{k.ValueSpan.Start + 21, k.ValueSpan.Start + 22}
		if n.cfg.WebSocket.Key == "strict" {
			c.fail(check, sp, noteWSKeyNonCanonicalStrict, Var{"key", k.Value}, Var{"char", k.Value[21:22]})
		} else {
			n.t.pass(check, sp, noteWSKeyNonCanonical, Var{"key", k.Value}, Var{"char", k.Value[21:22]})
		}
	default:
		n.t.pass(check, k.ValueSpan, nil)
	}
	return k.Value, k.ValueSpan
}

// keyProblem says why a key is not base64 of 16 bytes, with the index of
// the offending byte (or -1), or returns "" when it is. 16 bytes are
// 22 base64 characters and "==" (RFC 4648 §4).
func keyProblem(key string) (why string, at int) {
	if key == "" {
		return "it is empty", -1
	}
	data := 0
	for data < len(key) && isBase64(key[data]) {
		data++
	}
	pad := 0
	for data+pad < len(key) && key[data+pad] == '=' {
		pad++
	}
	if i := data + pad; i < len(key) && pad > 0 {
		return "the padding \"=\" may only end the value", data
	} else if i < len(key) {
		return "byte " + strconv.Itoa(i+1) + " (" + printable(key[i]) + ") is not in the base64 alphabet (A–Z, a–z, 0–9, +, /, and = only as padding at the end)", i
	}
	switch {
	case data == 22 && pad == 2:
		return "", -1
	case data == 22 && pad == 0:
		return "the padding == is missing: 22 characters without padding are not canonical base64", len(key) - 1
	case (data+pad)%4 != 0:
		return strconv.Itoa(len(key)) + " characters are not a whole number of 4-character base64 groups", -1
	case pad > 2:
		return "the padding is malformed", data
	}
	return "it decodes to " + strconv.Itoa(data*3/4) + " bytes, not 16", -1
}

// canonicalKey reports whether a valid 24-character key has zero padding
// bits: the last data character of 16 bytes is one of A, Q, g, w
// (RFC 4648 §3.5; RFC 6455 erratum 3150).
func canonicalKey(key string) bool {
	switch key[21] {
	case 'A', 'Q', 'g', 'w':
		return true
	}
	return false
}

// printable shows a byte in a diagnostic: the character itself when it is
// visible ASCII, else its name.
func printable(c byte) string {
	if c > 0x20 && c < 0x7f {
		return "\"" + string(rune(c)) + "\""
	}
	return byteName(c)
}

// checkVersion checks Sec-WebSocket-Version: exactly one line with the
// value 13 (§4.2.1 item 6, §11.3.5). Every version error carries
// Sec-WebSocket-Version: 13 (§4.2.2 /version/, §4.4).
func checkVersion(c *wsCheck) {
	n, r := c.n, c.n.req
	vers := r.Values("Sec-WebSocket-Version")
	const check = "Sec-WebSocket-Version is 13, exactly once"
	var resp *Response
	switch {
	case len(vers) == 0:
		resp = c.fail(check, r.LineSpan, noteWSVersionMissing)
	case len(vers) > 1:
		resp = c.fail(check, vers[1].Span, noteWSVersionDuplicate, Var{"count", strconv.Itoa(len(vers))})
	case strings.IndexByte(vers[0].Value, ',') >= 0:
		resp = c.fail(check, vers[0].ValueSpan, noteWSVersionList, Var{"version", vers[0].Value})
	case !versionSyntax(vers[0].Value):
		resp = c.fail(check, vers[0].ValueSpan, noteWSVersionMalformed, Var{"version", vers[0].Value})
	case vers[0].Value != "13":
		if n.cfg.WebSocket.VersionStatus == "426" {
			resp = c.fail(check, vers[0].ValueSpan, noteWSVersionUnsupported426, Var{"version", vers[0].Value})
			if resp.Status == 426 {
				resp.Set("Connection", "Upgrade")
				resp.Headers = append([]Header{{"Upgrade", "websocket"}}, resp.Headers...)
				n.t.note(Span{}, note426, Var{"protocols", "websocket"})
			}
		} else {
			resp = c.fail(check, vers[0].ValueSpan, noteWSVersionUnsupported, Var{"version", vers[0].Value})
		}
	default:
		n.t.pass(check, vers[0].ValueSpan, nil)
		return
	}
	resp.Headers = append([]Header{{"Sec-WebSocket-Version", "13"}}, resp.Headers...)
}

// versionSyntax is the ABNF of §4.3: a decimal 0–255 without leading zeros.
//
//	version = DIGIT | (NZDIGIT DIGIT) | ("1" DIGIT DIGIT) | ("2" DIGIT DIGIT)
func versionSyntax(s string) bool {
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) == 1 || s[0] != '0' && (len(s) == 2 || s[0] == '1' || s[0] == '2')
}
