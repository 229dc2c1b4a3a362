package engine

import (
	"slices"
	"strconv"
	"strings"
)

// The proxy hop: Debian 12's nginx 1.22.1 (nginx-light) with the usual
// WebSocket reverse-proxy recipe in front of the server a profile plays:
//
//	map $http_upgrade $connection_upgrade { default upgrade; '' close; }
//	location / {
//	    proxy_pass http://backend;
//	    proxy_http_version 1.1;
//	    proxy_set_header Upgrade $http_upgrade;
//	    proxy_set_header Connection $connection_upgrade;
//	    proxy_set_header Host $host;
//	}
//
// nginx reads the client's request with its own parser and answers some
// requests itself (its HTML error pages, 100 Continue); it forwards the
// others as a new HTTP/1.1 request whose Upgrade and Connection the recipe
// sets, whatever the client's Connection said; then it rewrites the
// server's answer with its own Server, Connection and framing. A 101 turns
// the two connections into one tunnel.

// nginxVersion is the nginx every answer names (Server, error pages).
const nginxVersion = "nginx/1.22.1"

// nginxParserConfig is nginx's HTTP/1.1 parser as settings: it takes a
// bare LF, splits the request-line on runs of SP, rejects obs-fold and
// Transfer-Encoding with Content-Length, reads request-lines and field
// lines up to large_client_header_buffers (4 buffers of 8k) and bodies up
// to client_max_body_size (1m).
func nginxParserConfig() Config {
	c := DefaultConfig()
	c.HTTP.BareLF = "accept"
	c.HTTP.RequestLine = "lenient"
	c.HTTP.ObsFold = "reject"
	c.HTTP.TECL = "reject"
	c.HTTP.MaxRequestLine = 8192
	c.HTTP.MaxFieldLine = 8192
	c.HTTP.MaxHeaderBytes = 32768
	c.HTTP.MaxFields = 1000
	c.HTTP.MaxBody = 1 << 20
	return c
}

// nginxLets lists the parser refusals of the default server that nginx
// lets through and forwards: a method it does not know (it checks only
// that the method is upper-case letters), a chunked body without
// Content-Length (it counts it itself), an expectation other than
// 100-continue (it drops Expect), and a target with userinfo.
var nginxLets = []string{"method-unknown", "method-pri", "length-required", "expect-unknown", "request-too-large", "value-ctl"}

// nginxLetsThrough reports whether nginx lets a refusal of the default
// server's parser through: one of nginxLets; a field name that is not a
// token but has no whitespace (ignore_invalid_headers drops the line); a
// Host whose port is not a number (nginx checks the host's characters
// only); a target with bytes above 0x7F; a version with a two-digit part;
// and any problem inside a chunked body but a bad chunk size, since
// nginx reads chunk extensions, trailers and bare LFs leniently.
func nginxLetsThrough(s Step, r *Request) bool {
	if slices.Contains(nginxLets, s.Note.ID) {
		return true
	}
	text := string(r.Raw[s.Span.Start:min(s.Span.End, len(r.Raw))])
	parts := strings.Fields(string(r.Raw[r.LineSpan.Start:r.LineSpan.End]))
	if r.HeaderEnd >= 0 && s.Span.Start >= r.HeaderEnd {
		return !slices.Contains([]string{"chunked-syntax", "body-too-large", "bare-cr"}, s.Note.ID)
	}
	switch s.Note.ID {
	case "field-name-not-token":
		name, _, _ := strings.Cut(text, ":")
		return name != "" && !strings.ContainsAny(name, " \t\x00")
	case "host-invalid":
		return !strings.ContainsAny(text, "/\\\t ")
	case "target-bad-byte":
		if len(parts) < 2 {
			return false
		}
		for i := 0; i < len(parts[1]); i++ {
			if c := parts[1][i]; c < ' ' || c == 0x7f {
				return false
			}
		}
		return true
	case "version-syntax":
		if len(parts) < 3 {
			return false
		}
		v, ok := strings.CutPrefix(parts[2], "HTTP/1.")
		return ok && v != "" && strings.Trim(v, "0123456789") == ""
	case "connect-form":
		return r.TargetForm == "origin" // nginx answers it 405 (nginxRejects)
	}
	return false
}

// nginxStatus is the status of nginx's own answer to a parser refusal:
// 414 for a long request-line, 494 (sent as 400) for a long field line or
// head, 501 for a transfer coding other than chunked, 505 for a major
// version above 1, 413 for a body over client_max_body_size; else 400.
func nginxStatus(id string, r *Request) int {
	switch id {
	case "request-line-too-long":
		return 414
	case "header-too-large", "field-line-too-long", "too-many-fields", "request-head-too-large":
		return 494
	case "te-unknown", "te-chunked-not-last":
		return 501
	case "body-too-large":
		if r.Chunked {
			return 400 // a chunk size nginx cannot hold is a bad chunk
		}
		return 413
	case "version-unsupported":
		if r.Major > 1 {
			return 505
		}
	}
	return 400
}

// nginxRefusal is the note of nginx's own refusal with a status.
func nginxRefusal(status int) *Note {
	switch status {
	case 414:
		return noteNginx414
	case 494:
		return noteNginx494
	case 501:
		return noteNginx501
	case 505:
		return noteNginx505
	case 413:
		return noteNginx413
	case 405:
		return noteNginx405
	}
	return noteNginx400
}

// nginxPage is nginx's own error answer: its HTML page, Server, and
// Connection (close after an error in the request, keep-alive for a 502).
func nginxPage(status int, keepAlive bool) *Response {
	shown := status
	var extra string
	if status == 494 {
		// NGX_HTTP_REQUEST_HEADER_TOO_LARGE goes out as 400 with its own page.
		shown = 400
		extra = "<center>Request Header Or Cookie Too Large</center>\r\n"
	}
	reason := nginxReason(shown)
	title := strconv.Itoa(shown) + " " + reason
	if status == 494 {
		title = "400 Request Header Or Cookie Too Large"
	}
	body := "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + strconv.Itoa(shown) + " " + reason + "</h1></center>\r\n" +
		extra + "<hr><center>" + nginxVersion + "</center>\r\n</body>\r\n</html>\r\n"
	resp := &Response{Status: shown, Reason: reason}
	resp.Add("Server", nginxVersion)
	resp.Add("Content-Type", "text/html")
	resp.Add("Content-Length", strconv.Itoa(len(body)))
	if keepAlive {
		resp.Add("Connection", "keep-alive")
	} else {
		resp.Add("Connection", "close")
	}
	resp.Body = []byte(body)
	return resp
}

// nginxReasons are nginx's reason phrases where they differ from
// RFC 9110's (ngx_http_status_lines).
var nginxReasons = []named[int]{
	{405, "Not Allowed"}, {413, "Request Entity Too Large"}, {414, "Request-URI Too Large"},
}

func nginxReason(status int) string {
	if s, ok := lookupName(nginxReasons, status); ok {
		return s
	}
	return ReasonPhrase(status)
}

// nginxSets are the fields the recipe and proxy_pass's defaults set on the
// forwarded request, so the client's own lines of these names are not
// forwarded (proxy_set_header, ngx_http_proxy_headers): the first five
// are set again, the last three replaced with nothing.
var nginxSets = []string{"Upgrade", "Connection", "Host", "Content-Length", "Transfer-Encoding", "Keep-Alive", "TE", "Expect"}

// negotiateProxy plays nginx in front of the server of cfg (Config.Proxy
// is "nginx").
func negotiateProxy(raw []byte, cfg *Config) *Result {
	pcfg := nginxParserConfig()
	n := &negotiation{req: new(Request), cfg: &pcfg, handlers: protocolHandlers, t: newTrace(), res: &Result{Decisive: -1}, prof: profiles[0]}
	parse(n.req, raw, &pcfg, &n.t)
	r := n.req
	res := n.res
	res.Request = r
	backendCfg := *cfg
	backendCfg.Proxy = ""
	hop := &Hop{Proxy: "nginx", Title: "nginx 1.22.1, the usual WebSocket recipe"}
	res.Hop = hop
	res.Server = profileOf(&backendCfg).ID
	defer func() {
		if f := res.Final; f != nil && r.Method == "HEAD" && f.Status >= 200 {
			f.Body = nil // no content in an answer to HEAD, nginx's pages included (RFC 9110 §9.3.2)
		}
		res.Trace = n.t.finish()
		hop.Trace = res.Trace
	}()
	refuse := func(status int, check string, sp Span, vars ...Var) {
		n.t.stage = StageResponse
		step := n.t.refuse(check, sp, nginxRefusal(status), vars...)
		res.Final, res.Decisive = nginxPage(status, false), step
	}
	// nginx's parser: every refusal of the default server's parser that
	// nginx makes too, the first deciding.
	for _, s := range n.t.steps {
		if s.Outcome != Fail || s.Note == nil || s.Note.Level != Bad || s.Note.Status == 0 {
			continue
		}
		if nginxLetsThrough(s, r) {
			n.t.note(s.Span, noteNginxLets, Var{"problem", s.Summary()})
			continue
		}
		refuse(nginxStatus(s.Note.ID, r), "nginx's parser accepts the request", s.Span, Var{"problem", s.Summary()})
		return res
	}
	if r.HeaderEnd < 0 {
		res.Waiting = "the rest of the header section (it ends with an empty line)"
		return res
	}
	if problem, sp, status := nginxRejects(r); problem != "" {
		refuse(status, "nginx's parser accepts the request", sp, Var{"problem", problem})
		return res
	}
	n.t.pass("nginx reads the request", r.LineSpan, nil)
	// Expect: 100-continue, before reading the body (ngx_http_test_expect).
	if nginxAtLeast11(r) && !(r.Major > 1) {
		if exp := r.Values("Expect"); len(exp) > 0 && equalFold(exp[0].Value, "100-continue") {
			res.Interim = append(res.Interim, Response{Status: 100})
			n.t.note(exp[0].Span, noteNginxContinue)
		}
	}
	if !r.BodyComplete {
		res.Waiting = "the rest of the request body (nginx reads it all before it forwards the request)"
		return res
	}
	n.t.stage = StageUpgrade
	fwd := nginxForward(n)
	hop.Forwarded = fwd
	backend := Negotiate(fwd, &backendCfg)
	hop.Backend = backend
	n.t.stage = StageResponse
	switch {
	case backend.Closed:
		res.Final = nginxPage(502, nginxAtLeast11(r) && !r.HasToken("Connection", "close"))
		res.Decisive = n.t.refuse("the server answers", Span{}, noteNginxBadGateway)
		return res
	case backend.Final == nil:
		res.Waiting = "the server's answer: " + backend.Waiting
		return res
	}
	if d := backend.Decisive; d >= 0 {
		// The server's refusal is the answer's reason: its step, with the
		// server's note, decides the client's answer too.
		s := backend.Trace[d]
		res.Decisive = n.t.refuse("the server behind nginx accepts the request", Span{}, s.Note, s.Vars...)
	}
	res.Final = nginxRewrite(n, backend)
	if res.Final.Status == 101 {
		res.Switched = backend.Switched
		res.After = backend.After
		n.t.pass("nginx passes the 101 and tunnels the two connections", Span{}, noteNginxTunnel, Var{"protocol", backend.Final.Get("Upgrade")})
	}
	return res
}

// nginxRejects reports what nginx's parser refuses where the default
// server's does not: a method not in upper-case letters, a major version
// above 1, a request-target that is neither origin-form nor absolute-form
// (CONNECT's authority-form, OPTIONS's asterisk), and a repeated
// Content-Length or Transfer-Encoding.
func nginxRejects(r *Request) (string, Span, int) {
	form := nginxTargetForm(r)
	for i := 0; i < len(r.Method); i++ {
		if c := r.Method[i]; c < 'A' || c > 'Z' && c != '_' && c != '-' {
			return "the method " + r.Method + " is not upper-case letters", r.MethodSpan, 400
		}
	}
	line := string(r.Raw[r.LineSpan.Start:r.LineSpan.End])
	switch {
	case strings.ContainsAny(line, "\t\v\f") || strings.HasPrefix(line, " "):
		return "whitespace other than SP in the request-line", r.LineSpan, 400
	case r.Major > 1:
		return "the version " + r.Version, r.VersionSpan, 505
	case r.Method == "TRACE" || r.Method == "CONNECT" && form == "origin":
		return "the method " + r.Method + ", which nginx does not proxy", r.MethodSpan, 405
	case form != "origin" && form != "absolute":
		return "the request-target " + r.Target + " is not origin-form or absolute-form", r.TargetSpan, 400
	case len(r.Values("Content-Length")) > 1 || r.Has("Content-Length") && strings.Contains(r.Values("Content-Length")[0].Value, ","):
		return "a repeated Content-Length", r.fieldSpan("Content-Length"), 400
	case r.Has("Transfer-Encoding") && !nginxAtLeast11(r):
		return "Transfer-Encoding in an HTTP/1.0 request", r.fieldSpan("Transfer-Encoding"), 400
	case r.Has("Host") && (r.Values("Host")[0].Value == "" || strings.ContainsAny(string(r.Raw[r.Values("Host")[0].Span.Start:r.Values("Host")[0].Span.End]), "\t")):
		return "the Host value " + strconv.Quote(r.Values("Host")[0].Value), r.fieldSpan("Host"), 400
	case len(r.Values("Transfer-Encoding")) > 1:
		return "a repeated Transfer-Encoding", r.fieldSpan("Transfer-Encoding"), 400
	}
	return "", Span{}, 0
}

// nginxTargetForm is the request-target's form, also for a target the
// default server's parser refused (bytes above 0x7F): origin-form when it
// starts with "/".
func nginxTargetForm(r *Request) string {
	if r.TargetForm == "" && strings.HasPrefix(r.Target, "/") {
		return "origin"
	}
	return r.TargetForm
}

// nginxAtLeast11 reports whether the request is HTTP/1.1 or a later 1.x,
// also for a version with two digits, which nginx reads as a number.
func nginxAtLeast11(r *Request) bool {
	if r.Major < 0 {
		v, ok := strings.CutPrefix(r.Version, "HTTP/1.")
		return ok && strings.TrimLeft(v, "0") != "" && strings.TrimLeft(v, "0") != "0"
	}
	return r.AtLeast(1, 1)
}

// nginxHost is $host: the host of an absolute-form target, else the Host
// field's, lower-cased and without its port; empty without either (the
// server_name, empty in the recipe).
func nginxHost(r *Request) string {
	h := ""
	if r.TargetForm == "absolute" {
		rest := r.Target[strings.Index(r.Target, "://")+3:]
		if i := strings.IndexAny(rest, "/?#"); i >= 0 {
			rest = rest[:i]
		}
		if i := strings.LastIndexByte(rest, '@'); i >= 0 {
			rest = rest[i+1:]
		}
		h = rest
	} else if hs := r.Values("Host"); len(hs) > 0 {
		h = hs[0].Value
	}
	if !strings.HasPrefix(h, "[") {
		if i := strings.LastIndexByte(h, ':'); i >= 0 {
			h = h[:i]
		}
	} else if i := strings.IndexByte(h, ']'); i >= 0 {
		h = h[:i+1]
	}
	return lower(h)
}

// nginxURI is the request-target nginx forwards: proxy_pass without a URI
// passes the client's, an absolute-form target as its path and query.
func nginxURI(r *Request) string {
	if r.TargetForm != "absolute" {
		return r.Target
	}
	rest := r.Target[strings.Index(r.Target, "://")+3:]
	if i := strings.IndexAny(rest, "/?"); i >= 0 {
		if rest[i] == '?' {
			return "/" + rest[i:]
		}
		return rest[i:]
	}
	return "/"
}

// nginxForward builds the request nginx sends to the server, and traces
// each choice.
func nginxForward(n *negotiation) []byte {
	r := n.req
	if r.Version != "HTTP/1.1" {
		n.t.note(r.VersionSpan, noteNginxHTTP11, Var{"version", r.Version})
	}
	var hs []Header
	upgrade := ""
	if ups := r.Values("Upgrade"); len(ups) > 0 {
		upgrade = ups[0].Value
	}
	switch {
	case upgrade == "":
		hs = append(hs, Header{"Connection", "close"})
		if r.Has("Connection") {
			n.t.note(r.fieldSpan("Connection"), noteNginxConnectionClose)
		}
	case r.HasToken("Connection", "upgrade"):
		n.t.note(r.fieldSpan("Upgrade"), noteNginxUpgrade, Var{"upgrade", upgrade})
	default:
		n.t.note(r.fieldSpan("Upgrade"), noteNginxUpgradeAnyway, Var{"upgrade", upgrade})
	}
	if upgrade != "" {
		hs = append(hs, Header{"Upgrade", upgrade}, Header{"Connection", "upgrade"})
		if r.HasToken("Upgrade", "h2c") {
			n.t.note(r.fieldSpan("Upgrade"), noteNginxH2C)
		}
	}
	if h := nginxHost(r); h != "" {
		hs = append(hs, Header{"Host", h})
		if v := r.Values("Host"); len(v) != 1 || v[0].Value != h {
			n.t.note(r.fieldSpan("Host"), noteNginxHost, Var{"host", h})
		}
	}
	body := r.Body
	if r.Chunked && len(body) == 0 && r.HeaderEnd < len(r.Raw) {
		// The default server's parser stopped at a problem nginx lets
		// through (nginxLetsThrough): nginx's own chunked reader reads on.
		body = nginxDechunk(r.Raw[r.HeaderEnd:])
	}
	if r.Has("Content-Length") || r.Chunked {
		hs = append(hs, Header{"Content-Length", strconv.Itoa(len(body))})
		if r.Chunked {
			n.t.note(r.fieldSpan("Transfer-Encoding"), noteNginxDechunk, Var{"count", strconv.Itoa(len(body))})
		}
	}
	var dropped []string
	for _, f := range r.Fields {
		switch {
		case nginxNamed(nginxSets[:5], f.Name):
		case nginxNamed(nginxSets, f.Name) || strings.IndexByte(f.Name, '_') >= 0 || !isToken(f.Name):
			// Replaced with nothing, or ignored (underscores_in_headers
			// off, ignore_invalid_headers on).
			dropped = append(dropped, f.Name)
		default:
			hs = append(hs, Header{f.Name, f.Value})
		}
	}
	if len(dropped) > 0 {
		n.t.note(Span{}, noteNginxDropped, Var{"fields", strings.Join(dropped, ", ")})
	}
	for _, e := range r.List("Connection") {
		if !nginxNamed(nginxSets, e.Value) && !equalFold(e.Value, "close") && !equalFold(e.Value, "keep-alive") && r.Has(e.Value) {
			n.t.note(e.Span, noteNginxListedKept, Var{"field", e.Value})
		}
	}
	b := []byte(r.Method + " " + nginxURI(r) + " HTTP/1.1\r\n")
	for _, h := range hs {
		b = append(b, h.Name+": "+h.Value+"\r\n"...)
	}
	b = append(b, "\r\n"...)
	return append(b, body...)
}

// nginxNamed reports whether name is one of names, case-insensitively.
func nginxNamed(names []string, name string) bool {
	for _, s := range names {
		if equalFold(s, name) {
			return true
		}
	}
	return false
}

// nginxDechunk reads a chunked body as nginx does: a chunk-size line ends
// with LF (a CR before it, chunk extensions and trailing whitespace are
// skipped), the data is followed by CRLF or LF, and the trailer section
// after the last chunk is not read.
func nginxDechunk(b []byte) []byte {
	var out []byte
	for len(b) > 0 {
		i := strings.IndexByte(string(b), '\n')
		if i < 0 {
			break
		}
		line, _, _ := strings.Cut(string(b[:i]), ";")
		size, ok := parseHex(strings.TrimRight(line, " \t\r"))
		if !ok || size <= 0 || size > int64(len(b)-i-1) {
			break
		}
		out = append(out, b[i+1:int64(i+1)+size]...)
		b = b[int64(i+1)+size:]
		if len(b) > 0 && b[0] == '\r' {
			b = b[1:]
		}
		if len(b) > 0 && b[0] == '\n' {
			b = b[1:]
		}
	}
	return out
}

// nginxHides are the server's fields nginx does not send on: it writes
// its own Server, Date and Connection, and frames the answer itself.
var nginxHides = []string{"Server", "Date", "Connection", "Keep-Alive", "Transfer-Encoding"}

// nginxRewrite is the server's answer as nginx sends it on: the server's
// status line, then Server, Content-Type, Content-Length or
// Transfer-Encoding, Connection, then the server's other fields in order,
// without its Server, Date, Connection, Keep-Alive and framing fields.
func nginxRewrite(n *negotiation, backend *Result) *Response {
	r := n.req
	in := backend.Final
	out := &Response{Status: in.Status, Reason: in.reason()}
	out.Add("Server", nginxVersion)
	get := func(name string) (string, bool) {
		for _, h := range in.Headers {
			if equalFold(h.Name, name) {
				return h.Value, true
			}
		}
		return "", false
	}
	keepAlive := nginxAtLeast11(r) && !r.HasToken("Connection", "close") || !nginxAtLeast11(r) && r.HasToken("Connection", "keep-alive")
	body := in.Body
	if in.Status != 101 {
		if v, ok := get("Content-Type"); ok {
			out.Add("Content-Type", v)
		}
		te, chunked := get("Transfer-Encoding")
		chunked = chunked && listHas(te, "chunked")
		cl, hasCL := get("Content-Length")
		switch {
		case in.Status == 204 || in.Status == 304 || in.Status < 200 || r.Method == "HEAD" && !hasCL:
			// No content, and for HEAD no framing of a content never sent.
		case hasCL && !chunked:
			out.Add("Content-Length", cl)
		case nginxAtLeast11(r):
			// No length known (a chunked answer, or one that ends with
			// the server's close): nginx sends it on chunked.
			out.Add("Transfer-Encoding", "chunked")
			if chunked {
				body = nginxDechunk(body)
			}
			if len(body) > 0 {
				body = append(append([]byte(strconv.FormatInt(int64(len(body)), 16)+"\r\n"), body...), "\r\n"...)
			}
			body = append(body, "0\r\n\r\n"...)
			n.t.note(Span{}, noteNginxRechunk)
		default:
			keepAlive = false
			if chunked {
				body = nginxDechunk(body)
			}
		}
	}
	switch {
	case in.Status == 101:
		out.Add("Connection", "upgrade")
	case keepAlive:
		out.Add("Connection", "keep-alive")
	default:
		out.Add("Connection", "close")
	}
	var hidden []string
	for _, h := range in.Headers {
		switch {
		case nginxNamed(nginxHides, h.Name):
			hidden = append(hidden, h.Name)
			continue
		case in.Status != 101 && (equalFold(h.Name, "Content-Type") || equalFold(h.Name, "Content-Length")):
			continue
		}
		out.Add(h.Name, h.Value)
	}
	out.Body = body
	n.t.pass("nginx sends the server's answer on with its own fields", Span{}, noteNginxRewrite,
		Var{"status", in.statusLine()}, Var{"hidden", strings.Join(hidden, ", ")}, Var{"connection", out.Get("Connection")})
	return out
}
