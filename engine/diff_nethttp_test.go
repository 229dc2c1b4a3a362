package engine

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/http/httpguts"
)

// goReads is the accept/reject decision of Go's HTTP/1.1 server for one
// request: what net/http's server does in (*conn).readRequest (server.go) —
// skip up to four leading CR/LF bytes, net/http.ReadRequest, reading the
// whole body, then its checks of the version, Host (present unless CONNECT,
// once, valid) and every field name and value with httpguts.
func goReads(raw []byte) (ok bool, why string) {
	skip := 0
	for skip < len(raw) && skip < 4 && (raw[skip] == '\r' || raw[skip] == '\n') {
		skip++
	}
	raw = raw[skip:]
	req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(raw)))
	if err != nil {
		return false, err.Error()
	}
	if _, err := io.ReadAll(req.Body); err != nil {
		return false, "body: " + err.Error()
	}
	if !(req.ProtoMajor == 1 || req.ProtoMajor == 2 && req.ProtoMinor == 0 && req.Method == "PRI" && req.RequestURI == "*") {
		return false, "505 unsupported protocol version"
	}
	// ReadRequest removes Host from the map; the server sees it, so read
	// the header section again the way readRequest does.
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(raw)))
	if _, err := tp.ReadLine(); err != nil {
		return false, err.Error()
	}
	hdr, err := tp.ReadMIMEHeader()
	if err != nil {
		return false, err.Error()
	}
	hosts, haveHost := hdr["Host"]
	switch {
	case req.ProtoAtLeast(1, 1) && (!haveHost || len(hosts) == 0) && req.Method != "CONNECT":
		return false, "missing required Host header"
	case len(hosts) == 1 && !httpguts.ValidHostHeader(hosts[0]):
		return false, "malformed Host header"
	}
	for k, vv := range hdr {
		if !httpguts.ValidHeaderFieldName(k) {
			return false, "invalid header name"
		}
		for _, v := range vv {
			if !httpguts.ValidHeaderFieldValue(v) {
				return false, "invalid header value"
			}
		}
	}
	return true, ""
}

// engineReads is the engine's accept/reject decision on the same question:
// does the request parse as an HTTP/1.1 message? A decisive failure in the
// syntax or framing stage is a rejection; what happens after (426, 405,
// 501 for CONNECT, 417) is not about parsing.
func engineReads(raw []byte, settings string) (ok bool, why string) {
	cfg, err := goldenConfig(settings)
	if err != nil {
		panic(err)
	}
	res := Negotiate(raw, &cfg)
	if res.Final == nil {
		return false, "incomplete: waiting for " + res.Waiting
	}
	if res.Decisive >= 0 {
		s := res.Trace[res.Decisive]
		if s.Stage == StageSyntax || s.Stage == StageFraming {
			return false, strconv.Itoa(res.Status()) + " " + s.Note.ID
		}
	}
	return true, ""
}

// TestDifferentialNetHTTP compares the engine's parser with net/http on
// the same bytes. A row with an empty differs must get the same verdict from
// both; a row with differs must get different verdicts, for the reason given.
func TestDifferentialNetHTTP(t *testing.T) {
	const (
		h  = "Host: example.com\r\n"
		ws = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
	)
	long := strings.Repeat("a", 9000)
	var many strings.Builder
	for range 120 {
		many.WriteString("X-A: 1\r\n")
	}
	type row struct {
		name, raw, differs string
		settings           string // key=value lines for the engine's server
	}
	rows := []row{
		// Valid requests.
		{"minimal", "GET / HTTP/1.1\r\n" + h + "\r\n", "", ""},
		{"websocket-handshake", "GET /chat HTTP/1.1\r\n" + h + ws + "\r\n", "", ""},
		{"h2c-upgrade", "GET / HTTP/1.1\r\n" + h + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n", "", ""},
		{"http10-no-host", "GET / HTTP/1.0\r\n\r\n", "", ""},
		{"http12", "GET / HTTP/1.2\r\n" + h + "\r\n", "", ""},
		{"absolute-form", "GET http://example.com/x HTTP/1.1\r\n" + h + "\r\n", "", ""},
		{"absolute-form-other-host", "GET http://example.com/x HTTP/1.1\r\nHost: other.example\r\n\r\n", "", ""},
		{"options-asterisk", "OPTIONS * HTTP/1.1\r\n" + h + "\r\n", "", ""},
		{"connect-authority", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", "", ""},
		{"ipv6-host", "GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", "", ""},
		{"host-no-space", "GET / HTTP/1.1\r\nHost:example.com\r\n\r\n", "", ""},
		{"host-trailing-ows", "GET / HTTP/1.1\r\nHost: example.com \t\r\n\r\n", "", ""},
		{"field-name-case", "GET / HTTP/1.1\r\nhOsT: example.com\r\n\r\n", "", ""},
		{"empty-value", "GET / HTTP/1.1\r\n" + h + "X-Empty:\r\n\r\n", "", ""},
		{"obs-text-value", "GET / HTTP/1.1\r\n" + h + "X-Name: Jos\xc3\xa9\r\n\r\n", "", ""},
		{"bare-lf", "GET / HTTP/1.1\n" + "Host: example.com\n\n", "", ""},
		{"content-length-body", "POST / HTTP/1.1\r\n" + h + "Content-Length: 5\r\n\r\nhello", "", ""},
		{"content-length-zero", "POST / HTTP/1.1\r\n" + h + "Content-Length: 0\r\n\r\n", "", ""},
		{"content-length-repeated-same", "POST / HTTP/1.1\r\n" + h + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello", "", ""},
		{"chunked", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "", ""},
		{"chunked-extension-trailer", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n0\r\nX-T: 1\r\n\r\n", "", ""},
		{"chunked-uppercase-hex", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n", "", ""},
		{"chunked-case", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: Chunked\r\n\r\n0\r\n\r\n", "", ""},
		{"pipelined", "GET / HTTP/1.1\r\n" + h + "\r\nGET /next HTTP/1.1\r\n" + h + "\r\n", "", ""},
		{"expect-unknown", "GET / HTTP/1.1\r\n" + h + "Expect: 200-ok\r\n\r\n", "", ""},
		{"websocket-post", "POST /chat HTTP/1.1\r\n" + h + ws + "\r\n", "", ""},
		{"patch", "PATCH / HTTP/1.1\r\n" + h + "\r\n", "", ""},
		// Invalid requests both reject.
		{"no-version", "GET /\r\n" + h + "\r\n", "", ""},
		{"no-spaces", "HELLO\r\n" + h + "\r\n", "", ""},
		{"version-lowercase", "GET / http/1.1\r\n" + h + "\r\n", "", ""},
		{"version-two-digits", "GET / HTTP/1.10\r\n" + h + "\r\n", "", ""},
		{"version-http2-text", "GET / HTTP/2.0\r\n" + h + "\r\n", "", ""},
		{"version-http3", "GET / HTTP/3.0\r\n" + h + "\r\n", "", ""},
		{"method-not-token", "GE(T / HTTP/1.1\r\n" + h + "\r\n", "", ""},
		{"target-space", "GET /ch at HTTP/1.1\r\n" + h + "\r\n", "", ""},
		{"double-space", "GET  / HTTP/1.1\r\n" + h + "\r\n", "", ""},
		{"target-not-a-form", "GET chat HTTP/1.1\r\n" + h + "\r\n", "", ""},
		{"host-missing", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", "", ""},
		{"host-duplicate", "GET / HTTP/1.1\r\n" + h + "Host: evil.example\r\n\r\n", "", ""},
		{"host-space", "GET / HTTP/1.1\r\nHost: exa mple.com\r\n\r\n", "", ""},
		{"space-before-colon", "GET / HTTP/1.1\r\nHost : example.com\r\n\r\n", "", ""},
		{"tab-before-colon", "GET / HTTP/1.1\r\nHost\t: example.com\r\n\r\n", "", ""},
		{"no-colon", "GET / HTTP/1.1\r\n" + h + "not a field\r\n\r\n", "", ""},
		{"name-not-token", "GET / HTTP/1.1\r\n" + h + "X-Is[bad]: 1\r\n\r\n", "", ""},
		{"empty-name", "GET / HTTP/1.1\r\n" + h + ": v\r\n\r\n", "", ""},
		{"whitespace-after-start-line", "GET / HTTP/1.1\r\n Host: example.com\r\n\r\n", "", ""},
		{"nul-in-value", "GET / HTTP/1.1\r\n" + h + "X-A: a\x00b\r\n\r\n", "", ""},
		{"bare-cr-in-value", "GET / HTTP/1.1\r\n" + h + "X-A: a\rb\r\n\r\n", "", ""},
		{"ctl-in-value", "GET / HTTP/1.1\r\n" + h + "X-A: a\x1bb\r\n\r\n", "", ""},
		{"te-not-chunked-last", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked, gzip\r\n\r\n", "", ""},
		{"te-gzip", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: gzip\r\n\r\n", "", ""},
		{"te-gzip-chunked", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", "", ""},
		{"te-chunked-twice", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", "", ""},
		{"chunk-size-not-hex", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", "", ""},
		{"chunk-size-0x", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n", "", ""},
		{"chunk-data-too-long", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n", "", ""},
		{"content-length-letters", "POST / HTTP/1.1\r\n" + h + "Content-Length: 5a\r\n\r\nhello", "", ""},
		{"content-length-negative", "POST / HTTP/1.1\r\n" + h + "Content-Length: -1\r\n\r\n", "", ""},
		{"content-length-differing", "POST / HTTP/1.1\r\n" + h + "Content-Length: 5, 6\r\n\r\nhello", "", ""},
		{"content-length-differing-lines", "POST / HTTP/1.1\r\n" + h + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", "", ""},
		{"content-length-plus", "POST / HTTP/1.1\r\n" + h + "Content-Length: +5\r\n\r\nhello", "", ""},

		// Deliberate differences.
		{"obs-fold", "GET / HTTP/1.1\r\n" + h + "X-Long: a\r\n b\r\n\r\n",
			"RFC 9112 §5.2 lets a server reject obs-fold or replace it with SP; net/http unfolds, the engine's default rejects (setting fold=unfold).", ""},
		{"te-and-cl", "POST / HTTP/1.1\r\n" + h + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
			"RFC 9112 §6.1 lets a server reject or obey Transfer-Encoding (and close); net/http obeys it, the engine's default rejects (setting tecl=te).", ""},
		{"leading-empty-line", "\r\nGET / HTTP/1.1\r\n" + h + "\r\n", "", ""}, // RFC 9112 §2.2 SHOULD; Go's server skips up to 4 CR/LF
		{"leading-empty-lines-3", "\r\n\r\n\r\nGET / HTTP/1.1\r\n" + h + "\r\n",
			"the engine ignores any number of empty lines before the request-line (RFC 9112 §2.2: at least one); Go's server skips only the first 4 bytes of CR/LF.", ""},
		{"method-lowercase", "get / HTTP/1.1\r\n" + h + "\r\n",
			"methods are case-sensitive (RFC 9110 §9.1): the engine plays a server that implements GET, not get, and answers 501; net/http parses any token and leaves methods to handlers.", ""},
		{"method-unknown", "BREW / HTTP/1.1\r\n" + h + "\r\n",
			"501 for a method the server does not implement (RFC 9110 §9.1); net/http leaves it to the handler.", ""},
		{"method-too-long", strings.Repeat("M", 9000) + " / HTTP/1.1\r\n" + h + "\r\n",
			"the engine's request-line limit (8192 bytes) gives 501 for a method longer than any it implements (RFC 9112 §3); ReadRequest has no limit (the server's MaxHeaderBytes is 1 MB).", ""},
		{"target-too-long", "GET /" + long + " HTTP/1.1\r\n" + h + "\r\n",
			"the engine's request-line limit (8192 bytes) gives 414 (RFC 9112 §3); ReadRequest has no limit of its own.", ""},
		{"too-many-fields", "GET / HTTP/1.1\r\n" + h + many.String() + "\r\n",
			"the engine's default server reads at most 100 field lines (431, RFC 9110 §5.4); net/http counts bytes only.", ""},
		{"asterisk-with-get", "GET * HTTP/1.1\r\n" + h + "\r\n",
			"the asterisk-form is only for OPTIONS (RFC 9112 §3.2.4); net/http parses * for any method.", ""},
		{"asterisk-with-pri", "PRI * HTTP/1.1\r\n" + h + "\r\n",
			"PRI is registered only as the start of the HTTP/2 preface PRI * HTTP/2.0 (RFC 7540 §11.6), so with HTTP/1.1 the engine answers 501 (RFC 9110 §9.1; the asterisk-form, only for OPTIONS, is a second fault); net/http parses it and leaves the method to handlers.", ""},
		{"method-pri", "PRI / HTTP/1.1\r\n" + h + "\r\n",
			"PRI with HTTP/1.1 is not the HTTP/2 preface and no method a client sends (RFC 7540 §11.6): 501 (RFC 9110 §9.1); net/http leaves it to the handler.", ""},
		{"absolute-form-userinfo", "GET http://user:pass@example.com/x HTTP/1.1\r\n" + h + "\r\n",
			"userinfo in an http target is an error a recipient SHOULD reject (RFC 9110 §4.2.4): 400, as nginx answers; net/url parses it and net/http accepts it.", ""},
		{"absolute-form-empty-host", "GET http:///x HTTP/1.1\r\n" + h + "\r\n",
			"an http URI with an empty host MUST be rejected (RFC 9110 §4.2.1); net/http accepts it.", ""},
		{"connect-origin-form", "CONNECT / HTTP/1.1\r\n" + h + "\r\n",
			"CONNECT uses only the authority-form (RFC 9112 §3.2.3); net/http accepts a path after CONNECT.", ""},
		{"connect-no-port", "CONNECT example.com HTTP/1.1\r\n" + h + "\r\n",
			"authority-form = uri-host \":\" port, the port is required (RFC 9112 §3.2.3); net/http accepts a bare host.", ""},
		{"connect-no-host", "CONNECT example.com:443 HTTP/1.1\r\n\r\n",
			"RFC 9112 §3.2 requires Host in every HTTP/1.1 request; net/http exempts CONNECT.", ""},
		{"target-non-ascii", "GET /caf\xc3\xa9 HTTP/1.1\r\n" + h + "\r\n",
			"a request-target is ASCII (RFC 3986 §2, RFC 9112 §3.2); net/url accepts raw non-ASCII bytes.", ""},
		{"host-port-letters", "GET / HTTP/1.1\r\nHost: example.com:8o80\r\n\r\n",
			"port = *DIGIT (RFC 3986 §3.2.3); httpguts.ValidHostHeader checks only the alphabet (it says it is lenient).", ""},
		{"host-path", "GET / HTTP/1.1\r\nHost: example.com/chat\r\n\r\n", "", ""},
		{"chunk-size-leading-space", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n 5\r\nhello\r\n0\r\n\r\n", "", ""},
		{"chunk-size-trailing-space", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n",
			"whitespace after a chunk-size is BWS, allowed only before a chunk extension's \";\" (RFC 9112 §7.1.1), so the engine answers 400 to what does not match the grammar (RFC 9112 §2.2); net/http trims trailing whitespace from chunk lines.", ""},
		{"chunk-ext-bws", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5 ;a = b\r\nhello\r\n0\r\n\r\n",
			"chunk-ext = *( BWS \";\" BWS chunk-ext-name [ BWS \"=\" BWS chunk-ext-val ] ) (RFC 9112 §7.1.1), and a recipient MUST parse for BWS and remove it (RFC 9110 §5.6.3); net/http cuts the line at \";\" and refuses the \"5 \" before it.", ""},
		{"chunk-ext-no-name", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5;\r\nhello\r\n0\r\n\r\n",
			"a chunk extension is \";\" and a token at least (RFC 9112 §7.1.1), so the engine answers 400 (RFC 9112 §2.2); net/http does not read chunk extensions at all.", ""},
		{"chunk-ext-quoted", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5;a=\"x;y\"\r\nhello\r\n0\r\n\r\n", "", ""},
		{"chunk-size-leading-zeros", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n000000000000005\r\nhello\r\n0000\r\n\r\n", "", ""},
		{"chunk-size-17-digits", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n00000000000000005\r\nhello\r\n0\r\n\r\n",
			"chunk-size = 1*HEXDIG and recipients MUST anticipate large numerals (RFC 9112 §7.1): the engine reads any number of digits; net/http refuses more than 16.", ""},
		{"chunk-line-bare-lf", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n", "", ""},
		{"chunk-data-bare-lf", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\n0\r\n\r\n", "", ""},
		{"chunk-last-bare-lf", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\n\r\n", "", ""},
		{"chunk-line-bare-cr", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r;a=1\r\nhello\r\n0\r\n\r\n", "", ""},
		{"trailer-field", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-Sum: 1\r\nX-Other: 2\r\n\r\n", "", ""},
		{"trailer-no-colon", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nnot a field\r\n\r\n", "", ""},
		{"trailer-request-line", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nGET /admin HTTP/1.1\r\n" + h + "\r\n", "", ""},
		{"trailer-space-before-colon", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-Sum : 1\r\n\r\n",
			"no whitespace between a field name and the colon (RFC 9112 §5.1), and the trailer section is field lines (§7.1.2): the engine answers 400 as it does for the header section; net/http validates field names in the header section only.", ""},
		{"trailer-leading-whitespace", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n X-Sum: 1\r\n\r\n", "", ""},
		{"trailer-name-not-token", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX Sum: 1\r\n\r\n",
			"field-name = token (RFC 9110 §5.1) in the trailer section too (RFC 9112 §7.1.2); net/http validates field names in the header section only.", ""},
		{"trailer-obs-fold", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-Sum: 1\r\n 2\r\n\r\n",
			"RFC 9112 §5.2 lets a server reject obs-fold or replace it with SP, in the trailer section as in the header section; net/http unfolds, the engine's default rejects (setting fold=unfold).", ""},
		{"trailer-nul", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-Sum: 1\x002\r\n\r\n", "", ""},
		{"trailer-bare-lf", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-Sum: 1\n\n",
			"the engine's default accepts a bare LF after trailer field lines as after header field lines (RFC 9112 §2.2 MAY, for fields; setting lf=reject); net/http reads a trailer section only when CRLF CRLF lies ahead.", ""},
		{"trailer-upgrade", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n", "", ""},
		{"chunk-ext-bare-lf", "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5;a=\"x\nb\"\r\nhello\r\n0\r\n\r\n", "", ""},
	}
	// The lenient profiles read as net/http does where the RFC lets both.
	rows = append(rows, []row{
		{name: "obs-fold-unfold-profile", raw: "GET / HTTP/1.1\r\n" + h + "X-Long: a\r\n b\r\n\r\n", settings: "fold=unfold"},
		{name: "te-and-cl-te-profile", raw: "POST / HTTP/1.1\r\n" + h + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", settings: "tecl=te"},
		{name: "too-many-fields-raised-limit", raw: "GET / HTTP/1.1\r\n" + h + many.String() + "\r\n", settings: "maxfields=1000"},
		{name: "bare-lf-strict-profile", raw: "GET / HTTP/1.1\n" + "Host: example.com\n\n", settings: "lf=reject",
			differs: "with lf=reject the engine refuses a bare LF line end (RFC 9112 §2.2 MAY accept); net/http accepts it."},
		{name: "lenient-request-line-tab", raw: "GET\t/ HTTP/1.1\r\n" + h + "\r\n", settings: "rl=lenient",
			differs: "with rl=lenient the engine splits on a tab (RFC 9112 §3 MAY); net/http splits on SP only."},
		{name: "trailer-obs-fold-unfold-profile", raw: "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-Sum: 1\r\n 2\r\n\r\n", settings: "fold=unfold"},
		{name: "trailer-bare-lf-strict-profile", raw: "POST / HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-Sum: 1\n\n", settings: "lf=reject"},
		{name: "nul-replace-profile", raw: "GET / HTTP/1.1\r\n" + h + "X-A: a\x00b\r\n\r\n", settings: "ctl=replace",
			differs: "with ctl=replace the engine replaces NUL with SP (RFC 9110 §5.5 allows it); net/http rejects."},
	}...)
	if len(rows) < 60 {
		t.Fatalf("only %d rows", len(rows))
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			goOK, goWhy := goReads([]byte(row.raw))
			engOK, engWhy := engineReads([]byte(row.raw), row.settings)
			same := goOK == engOK
			switch {
			case row.differs == "" && !same:
				t.Errorf("unexplained difference: net/http ok=%v (%s), engine ok=%v (%s)", goOK, goWhy, engOK, engWhy)
			case row.differs != "" && same:
				t.Errorf("listed as a difference but both say ok=%v (net/http: %s; engine: %s); update the row", goOK, goWhy, engWhy)
			}
		})
	}
}
