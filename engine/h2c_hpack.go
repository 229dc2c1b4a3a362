package engine

// A minimal HPACK encoder (RFC 7541) for the frames the engine shows: every
// field is an indexed field from the static table when name and value match
// (§6.1), else a literal without indexing (§6.2.2), with the name indexed
// when the static table has it. Strings are never Huffman-coded (§5.2, H=0),
// so the bytes stay readable in the after-the-switch pane. It keeps no
// dynamic table, which a decoder accepts: an encoder need not use one.
//
// It is smaller in the WebAssembly than golang.org/x/net/http2/hpack, whose
// Huffman tables and dynamic table the engine does not need; the tests decode
// its output with that package.

import "strconv"

// hpackStatic is the static table of RFC 7541 Appendix A; index i+1.
var hpackStatic = [61][2]string{
	{":authority", ""}, {":method", "GET"}, {":method", "POST"}, {":path", "/"},
	{":path", "/index.html"}, {":scheme", "http"}, {":scheme", "https"}, {":status", "200"},
	{":status", "204"}, {":status", "206"}, {":status", "304"}, {":status", "400"},
	{":status", "404"}, {":status", "500"}, {"accept-charset", ""}, {"accept-encoding", "gzip, deflate"},
	{"accept-language", ""}, {"accept-ranges", ""}, {"accept", ""}, {"access-control-allow-origin", ""},
	{"age", ""}, {"allow", ""}, {"authorization", ""}, {"cache-control", ""},
	{"content-disposition", ""}, {"content-encoding", ""}, {"content-language", ""}, {"content-length", ""},
	{"content-location", ""}, {"content-range", ""}, {"content-type", ""}, {"cookie", ""},
	{"date", ""}, {"etag", ""}, {"expect", ""}, {"expires", ""},
	{"from", ""}, {"host", ""}, {"if-match", ""}, {"if-modified-since", ""},
	{"if-none-match", ""}, {"if-range", ""}, {"if-unmodified-since", ""}, {"last-modified", ""},
	{"link", ""}, {"location", ""}, {"max-forwards", ""}, {"proxy-authenticate", ""},
	{"proxy-authorization", ""}, {"range", ""}, {"referer", ""}, {"refresh", ""},
	{"retry-after", ""}, {"server", ""}, {"set-cookie", ""}, {"strict-transport-security", ""},
	{"transfer-encoding", ""}, {"user-agent", ""}, {"vary", ""}, {"via", ""},
	{"www-authenticate", ""},
}

// hpackAppendField appends one header field, name already lower-case
// (RFC 9113 §8.2.1), and returns how it was coded.
func hpackAppendField(b []byte, name, value string) ([]byte, string) {
	nameIdx := 0
	for i, e := range hpackStatic {
		if e[0] != name {
			continue
		}
		if e[1] == value {
			return hpackAppendInt(b, 7, 0x80, uint64(i+1)), "indexed " + strconv.Itoa(i+1)
		}
		if nameIdx == 0 {
			nameIdx = i + 1
		}
	}
	if nameIdx > 0 {
		b = hpackAppendInt(b, 4, 0x00, uint64(nameIdx))
		return hpackAppendString(b, value), "literal, name " + strconv.Itoa(nameIdx)
	}
	b = append(b, 0x00)
	b = hpackAppendString(b, name)
	return hpackAppendString(b, value), "literal, new name"
}

// hpackAppendInt writes an integer with an n-bit prefix (RFC 7541 §5.1);
// first holds the bits above the prefix.
func hpackAppendInt(b []byte, n uint8, first byte, i uint64) []byte {
	max := uint64(1)<<n - 1
	if i < max {
		return append(b, first|byte(i))
	}
	b = append(b, first|byte(max))
	i -= max
	for i >= 128 {
		b = append(b, byte(i&0x7f|0x80))
		i >>= 7
	}
	return append(b, byte(i))
}

// hpackAppendString writes a string literal without Huffman coding (RFC 7541 §5.2).
func hpackAppendString(b []byte, s string) []byte {
	b = hpackAppendInt(b, 7, 0x00, uint64(len(s)))
	return append(b, s...)
}
