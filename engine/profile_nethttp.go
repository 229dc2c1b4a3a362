package engine

import (
	"slices"
	"strconv"
	"strings"
)

// The net/http front: Go 1.26's HTTP/1.1 server, shared by every profile
// whose library is a net/http handler (gorilla, coder, x/net's h2c, and a
// plain handler). It reads the request (net/http's conn.readRequest), so
// its lenience is the profiles' Config (fold=unfold, tecl=te) and its
// tolerated notes; it answers its own refusals itself, with fixed bytes
// (server.go: "HTTP/1.1 400 Bad Request" + errorHeaders + the same text);
// and it writes a handler's responses (chunkWriter.writeHeader): the
// handler's fields sorted by name, then Date (which the engine never
// emits), Content-Length, Content-Type and Connection.

// NetHTTPBody is the body the nethttp and xnet-h2c profiles' plain
// handler writes, in the engine and in the tests' real servers alike.
const NetHTTPBody = "Hello from Go's net/http.\n"

// netHTTPTolerates are the checks net/http's server does not make: it
// parses any token as a method and leaves methods to handlers, accepts
// any request-target net/url parses, and takes Host as one opaque field.
var netHTTPTolerates = []string{
	"method-case", "method-unknown", "method-pri", "asterisk-form-method",
	"target-userinfo", "target-empty-host", "connect-form", "connect-not-implemented",
	"too-many-fields", "field-line-too-long", "request-line-too-long", "method-too-long",
	"target-bad-byte",
}

var netHTTPFront = &front{
	name: "Go 1.26 net/http",
	errors: []frontError{
		{},
		{notes: []string{"version-unsupported"}, text: "unsupported protocol version"},
		{notes: []string{"host-missing"}, text: "missing required Host header"},
		{notes: []string{"host-invalid"}, text: "malformed Host header"},
		{notes: []string{"space-before-colon"}, text: "invalid header name"},
		{notes: []string{"te-unknown", "te-chunked-not-last"}, status: 501, body: "Unsupported transfer encoding"},
		{notes: []string{"expect-unknown"}, handler: true, headers: []Header{{"Connection", "close"}}},
		{notes: []string{"request-head-too-large", "header-too-large"}, status: 431},
	},
	// Go's reader refuses a Content-Length list ("5, 5") and any empty
	// line before the request-line.
	strict: []frontError{
		{notes: []string{"leading-empty-line"}, status: 400},
		{notes: []string{"content-length-repeated"}, status: 400, when: "content-length-list"},
	},
	lateBody:    true,
	bodyLenient: true,
	unsupported: []unsupported{
		{"lf", "accept", "option to refuse a bare LF: it always accepts one"},
		{"ctl", "reject", "option to replace a bare CR or NUL: it always refuses them"},
		{"rl", "strict", "option to split the request-line on other whitespace than SP"},
		{"fold", "unfold", "option to refuse obs-fold: it always unfolds"},
		{"tecl", "te", "option to refuse Transfer-Encoding with Content-Length: it always obeys Transfer-Encoding"},
		{"needlen", "0", "option to require Content-Length"},
		{"expect", "send", "choice about 100 (Continue) of its own: it sends it when the handler reads the body"},
		{"maxline", "1048576", "limit on the request-line of its own: MaxHeaderBytes (maxheader) bounds the whole head"},
		{"maxfield", "1048576", "limit on one field line of its own: MaxHeaderBytes (maxheader) bounds the whole head"},
		{"maxfields", "10000", "limit on the number of field lines: MaxHeaderBytes (maxheader) bounds the whole head"},
		{"maxbody", "16777216", "limit on the body: a handler reads what it wants (http.MaxBytesReader)"},
		{"maxrequest", "16777216", "limit on the whole request: MaxHeaderBytes (maxheader) bounds the head"},
		{"adv", "0", "way to advertise protocols in ordinary responses: a handler would set Upgrade itself"},
		{"tls", "0", "TLS upgrade (RFC 2817)"},
		{"tlsreq", "0", "TLS upgrade (RFC 2817)"},
	},
	optionsStar: true,
	reasons:     []named[int]{{413, "Request Entity Too Large"}, {422, "Unprocessable Entity"}},
	write:       netHTTPWrite,
}

// netHTTPWrite writes a handler's response as net/http does: the status
// line with the request's version (HTTP/1.0 for an HTTP/1.0 request), the
// fields the handler set, by canonical name in sorted order, then
// Content-Length (when the body is allowed and was written whole),
// Content-Type (sniffed when the handler set none; every body here is
// text) and Connection.
func netHTTPWrite(n *negotiation, w *wording, status int) *Response {
	r := n.req
	resp := &Response{Status: status, Reason: n.prof.front.reason(status)}
	vars := append(wordingVars(r), Var{"reason", resp.Reason})
	if !r.AtLeast(1, 1) {
		resp.Proto = "HTTP/1.0"
	}
	for _, h := range w.headers {
		resp.Set(canonicalName(h.Name), Expand(h.Value, vars))
	}
	if w.goError {
		for _, h := range goError {
			resp.Set(canonicalName(h.Name), Expand(h.Value, vars))
		}
	}
	sortHeaders(resp.Headers)
	body := Expand(w.body, vars)
	head := r.Method == "HEAD"
	bodyAllowed := status >= 200 && status != 204 && status != 304
	hasCL := bodyAllowed && (!head || body != "")
	if hasCL && resp.Get("Content-Length") == "" {
		resp.Add("Content-Length", strconv.Itoa(len(body)))
	}
	if bodyAllowed && body != "" && resp.Get("Content-Type") == "" {
		resp.Add("Content-Type", "text/plain; charset=utf-8")
	}
	// Persistence (chunkWriter.writeHeader): an HTTP/1.0 keep-alive
	// request keeps the connection when the length is known; an HTTP/1.0
	// request without it, Connection: close, and an unanswered
	// 100-continue close it, said only to HTTP/1.1 clients.
	keepAlive10 := !r.AtLeast(1, 1) && r.HasToken("Connection", "keep-alive")
	closing := false
	switch {
	case status == 101: // the connection is taken over as it is
	case keepAlive10 && (head || hasCL || !bodyAllowed):
		if resp.Get("Connection") == "" {
			resp.Add("Connection", "keep-alive")
		}
	case !r.AtLeast(1, 1) || r.HasToken("Connection", "close"):
		closing = true
	case r.isH2Preface():
		closing = true // readRequest sets Close on PRI * HTTP/2.0, so that nothing reads the preface's rest
	}
	if status != 101 && r.AtLeast(1, 1) && r.HasToken("Expect", "100-continue") && (r.Chunked || len(r.Body) > 0 || !r.BodyComplete) {
		closing = true
	}
	if status != 101 && n.prof.front.lateProblem(n) {
		closing = true
	}
	if closing && !listHas(resp.Get("Connection"), "close") {
		// A loop, not slices.DeleteFunc: each type it is instantiated for
		// costs the .wasm a copy of its code.
		kept := resp.Headers[:0]
		for _, h := range resp.Headers {
			if h.Name != "Connection" {
				kept = append(kept, h)
			}
		}
		resp.Headers = kept
		if r.AtLeast(1, 1) {
			resp.Add("Connection", "close")
		}
	}
	if bodyAllowed && !head {
		resp.Body = []byte(body)
	}
	return resp
}

// canonicalName is the form net/textproto gives a field name
// (CanonicalMIMEHeaderKey): the first letter and each one after a hyphen
// upper case, the others lower case.
func canonicalName(s string) string {
	b := []byte(s)
	upper := true
	for i, c := range b {
		if c == ' ' || c >= 0x80 {
			return s
		}
		switch {
		case upper && 'a' <= c && c <= 'z':
			b[i] = c - 'a' + 'A'
		case !upper && 'A' <= c && c <= 'Z':
			b[i] = c - 'A' + 'a'
		}
		upper = c == '-'
	}
	return string(b)
}

// netHTTPConfig sets what Go's HTTP/1.1 server reads where the RFCs let a
// server choose: it unfolds obs-fold, obeys Transfer-Encoding over
// Content-Length, accepts a bare LF, and reads a header section of up to
// 1 MB (DefaultMaxHeaderBytes, plus 4096 bytes of slack) with no limit of
// its own on lines (the settings' largest stand for none), fields or the
// body a handler does not read.
func netHTTPConfig(c *Config) {
	c.HTTP.ObsFold = "unfold"
	c.HTTP.TECL = "te"
	c.HTTP.BareLF = "accept"
	c.HTTP.MaxHeaderBytes = 1<<20 + 4096
	c.HTTP.MaxRequestLine = 1 << 20 // the settings' largest; net/http has no limit of its own
	c.HTTP.MaxFieldLine = 1 << 20
	c.HTTP.MaxFields = 10000
	c.HTTP.MaxBody = 1 << 24
	c.HTTP.MaxRequestBytes = 16 << 20
	c.HTTP.TECLKeepsOpen = true
	c.HTTP.EarlyFinal = "ordinary"
	c.H2C.Enabled = false
	c.H2C.Prior = "505"
	c.H2C.PriorHandled = true
	c.WebSocket.Enabled = false
	c.TLS = TLSConfig{}
}

// sortHeaders sorts fields by name, as net/http writes them, keeping the
// order of equal names. It sorts their indices: the .wasm already has the
// stable sort of []int, and a second one for []Header would add about
// 8 KB of code.
func sortHeaders(hs []Header) {
	idx := make([]int, len(hs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(hs[a].Name, hs[b].Name) })
	sorted := make([]Header, len(hs))
	for i, j := range idx {
		sorted[i] = hs[j]
	}
	copy(hs, sorted)
}
