package engine

import (
	"slices"
	"strconv"
	"strings"
)

// The ws profile: Node ws 8.23.1's standalone server, new
// WebSocketServer({port}), on Node 20's http server. Node parses the request
// with llhttp; a request llhttp flags as an upgrade (an Upgrade field and
// the "upgrade" option in Connection) goes to ws's handleUpgrade, any other
// request to the 426 handler ws installs. handleUpgrade checks, in this
// order: the method, the Upgrade value, the key, the version, the
// subprotocols, and (with perMessageDeflate) the extensions; each failure
// is ws's abortHandshake, a short HTML-typed body that names the field.

// Node's answers carry Date, which the engine leaves out: it has no clock
// (the differential tests compare everything else).

var wsProfile = &Profile{
	ID: "ws", Title: "Node ws 8.23.1", Library: "ws", Version: "8.23.1",
	Setup:     "new WebSocketServer({port}) on Node.js 20.",
	configure: wsProfileConfig,
	run:       runWS,
	unsupported: [][]unsupported{{
		{"wsmethod", "405", "another answer to a handshake that is not a GET: it always answers 405, without Allow"},
		{"wsversion", "400", "another answer to an unsupported version: it always answers 400 with Sec-WebSocket-Version: 13, 8"},
		{"wsorigin", "any", "an origin check of its own: the application would write a verifyClient"},
		{"wsonly", "426", "another answer to a request that is not an upgrade: its standalone server always answers 426, without Upgrade"},
		{"pmdsnct", "0", "server_no_context_takeover in this setup (perMessageDeflate: true keeps the defaults)"},
		{"pmdcnct", "0", "client_no_context_takeover in this setup (perMessageDeflate: true keeps the defaults)"},
		{"pmdsbits", "15", "a server window below 15 in this setup (serverMaxWindowBits is left at its default)"},
		{"pmdcbits", "15", "a client window below 15 in this setup (clientMaxWindowBits is left at its default)"},
	}},
}

// wsProfileConfig sets the HTTP settings to what Node 20's http server
// does: llhttp rejects a bare LF, obs-fold and Transfer-Encoding with
// Content-Length; the whole head may take 16 KiB (--max-http-header-size)
// and Node keeps 2000 field lines (maxHeadersCount).
func wsProfileConfig(c *Config) {
	c.HTTP.BareLF = "reject"
	c.HTTP.ObsFold = "reject"
	c.HTTP.TECL = "reject"
	c.HTTP.MaxRequestLine = 16 << 10
	c.HTTP.MaxFieldLine = 16 << 10
	c.HTTP.MaxHeaderBytes = 16 << 10
	c.HTTP.MaxFields = 2000
	c.WebSocket.Enabled = true
	c.WebSocket.Only = "426"
	c.WebSocket.Subprotocols = nil
	c.WebSocket.Deflate.Enabled = false
}

// llhttpAccepts lists the parser refusals of the default server that
// llhttp, Node's parser, lets through: Node leaves Host to the application
// (its requireHostHeader check applies to ordinary requests only), accepts
// HTTP/2.0 in a request-line, has no limit of its own on the request-line
// or a method's length, and reads a target without validating it.
var llhttpAccepts = []string{
	"host-missing", "host-duplicate", "host-invalid",
	"request-line-too-long", "request-line-spaces", "request-line-no-version",
	"target-userinfo", "target-empty-host", "connect-form",
	"asterisk-form-method", "te-unknown", "te-chunked-not-last", "length-required",
	"body-too-large", "request-too-large", "expect-unknown",
}

// llhttpLets reports whether llhttp lets through a problem the default
// server's parser refuses: one of llhttpAccepts, with the limits llhttp
// has (it takes runs of SP in a request-line but no HTAB or leading SP, a
// request-line without version only as HTTP/0.9's "GET /path", a transfer
// coding other than chunked only without chunked), HTTP/2.0, and anything
// in the body, which Node reads after its answer.
func llhttpLets(s Step, r *Request) bool {
	if r.HeaderEnd >= 0 && s.Span.Start >= r.HeaderEnd {
		return true
	}
	line := string(r.Raw[r.LineSpan.Start:r.LineSpan.End])
	switch s.Note.ID {
	case "request-line-spaces":
		return !strings.ContainsAny(line, "\t\v\f") && !strings.HasPrefix(line, " ")
	case "request-line-no-version":
		parts := strings.Split(line, " ")
		return len(parts) == 2 && strings.HasPrefix(parts[1], "/")
	case "te-chunked-not-last":
		for _, e := range r.List("Transfer-Encoding") {
			if equalFold(e.Value, "chunked") {
				return false
			}
		}
		return true
	case "version-unsupported":
		return r.Major == 2 && r.Minor == 0
	}
	return slices.Contains(llhttpAccepts, s.Note.ID)
}

// llhttpVersion is the version llhttp reads: the request-line's last word
// after runs of SP, or 0.9 for a request-line without one.
func llhttpVersion(r *Request) (major, minor int) {
	parts := strings.Fields(string(r.Raw[r.LineSpan.Start:r.LineSpan.End]))
	switch {
	case len(parts) == 2:
		return 0, 9
	case len(parts) == 3 && len(parts[2]) == 8 && strings.HasPrefix(parts[2], "HTTP/") && isDigit(parts[2][5]) && parts[2][6] == '.' && isDigit(parts[2][7]):
		return int(parts[2][5] - '0'), int(parts[2][7] - '0')
	}
	return r.Major, r.Minor
}

// llhttpRejects reports whether llhttp fails on the request where the
// default server's parser does not: a version other than 0.9, 1.0, 1.1
// and 2.0, the method PRI (the HTTP/2 preface), and a repeated
// Content-Length, even with the same value.
func llhttpRejects(r *Request) (string, Span) {
	parts := strings.Fields(string(r.Raw[r.LineSpan.Start:r.LineSpan.End]))
	switch {
	case len(parts) == 3 && !slices.Contains([]string{"HTTP/0.9", "HTTP/1.0", "HTTP/1.1", "HTTP/2.0"}, parts[2]):
		return "the version " + parts[2], r.LineSpan
	case r.Method == "PRI":
		return "the method PRI, which starts the HTTP/2 preface", r.MethodSpan
	}
	if cls := r.Values("Content-Length"); len(cls) > 1 || len(cls) == 1 && strings.Contains(cls[0].Value, ",") {
		return "a repeated Content-Length", r.fieldSpan("Content-Length")
	}
	return "", Span{}
}

// nodeJoinsOnce are the fields Node's IncomingMessage keeps the first line
// of when a request repeats them; every other field's lines are joined
// with ", " (lib/_http_incoming.js, matchKnownFields).
var nodeJoinsOnce = []string{"host", "content-type", "content-length", "user-agent", "referer", "authorization",
	"proxy-authorization", "if-modified-since", "if-unmodified-since", "from", "location", "max-forwards",
	"retry-after", "etag", "last-modified", "server", "age", "expires"}

// nodeHeader returns a field as Node's req.headers has it.
func nodeHeader(r *Request, name string) (string, bool) {
	vs := r.Values(name)
	if len(vs) == 0 {
		return "", false
	}
	for _, once := range nodeJoinsOnce {
		if equalFold(once, name) {
			return vs[0].Value, true
		}
	}
	s := vs[0].Value
	for _, f := range vs[1:] {
		s += ", " + f.Value
	}
	return s, true
}

// runWS plays the ws profile.
func runWS(n *negotiation) {
	r := n.req
	parseError := func(problem string, sp Span, note *Note) {
		n.t.stage = StageResponse
		step := n.t.refuse("llhttp, Node's parser, accepts the request", sp, note, Var{"problem", problem})
		resp := &Response{Status: note.Status}
		resp.Add("Connection", "close")
		n.final(resp, step)
		n.nextRequest()
	}
	// Every refusal of the default server's parser, in order: the first
	// one llhttp makes too decides; the others llhttp lets through.
	for _, s := range n.t.steps {
		if s.Outcome != Fail || s.Note == nil || s.Note.Level != Bad || s.Note.Status == 0 {
			continue
		}
		if !llhttpLets(s, r) {
			note := noteNodeParseError
			if s.Note.Status == 431 {
				note = noteNodeHeaderOverflow
			}
			parseError(Expand(s.Note.Summary, s.Vars), s.Span, note)
			return
		}
		n.t.note(s.Span, noteNodeLenient, Var{"problem", Expand(s.Note.Summary, s.Vars)})
	}
	if r.HeaderEnd < 0 {
		n.res.Waiting = "the rest of the header section (it ends with an empty line)"
		return
	}
	if r.Method == "PRI" && len(r.Rest()) < len("SM\r\n\r\n") && strings.HasPrefix("SM\r\n\r\n", string(r.Rest())) {
		// llhttp reads PRI * HTTP/2.0 with the rest of the preface.
		n.res.Waiting = "the rest of the HTTP/2 preface, which llhttp reads with the PRI request"
		return
	}
	if problem, sp := llhttpRejects(r); problem != "" {
		parseError(problem, sp, noteNodeParseError)
		return
	}
	n.t.stage = StageUpgrade
	if r.Method == "CONNECT" {
		// llhttp flags CONNECT as an upgrade; ws's server has no 'connect'
		// listener, so Node destroys the socket.
		n.t.refuse("the server has a CONNECT handler", r.MethodSpan, noteNodeConnect)
		n.res.Closed = true
		return
	}
	if up, _ := nodeHeader(r, "Upgrade"); up == "" || !r.HasToken("Connection", "upgrade") {
		n.wsNodeOrdinary()
		return
	}
	n.t.pass("llhttp flags an upgrade: an Upgrade field and the upgrade option in Connection", r.fieldSpan("Upgrade"), noteNodeUpgradeEvent)
	n.t.stage = StageWebSocket
	abort := func(check string, sp Span, note *Note, message string, extra ...Header) {
		step := n.t.refuse(check, sp, note, Var{"message", message})
		resp := &Response{Status: note.Status}
		resp.Add("Connection", "close")
		resp.Add("Content-Type", "text/html")
		resp.Add("Content-Length", strconv.Itoa(len(message)))
		resp.Headers = append(resp.Headers, extra...)
		resp.Body = []byte(message)
		n.final(resp, step)
		n.nextRequest()
	}
	if r.Method != "GET" {
		abort("the method is GET", r.MethodSpan, noteWSNodeMethod, "Invalid HTTP method")
		return
	}
	n.t.pass("the method is GET", r.MethodSpan, nil)
	if !r.AtLeast(1, 1) {
		n.t.note(r.VersionSpan, noteWSNodeHTTP10, Var{"version", r.Version})
	}
	if up, _ := nodeHeader(r, "Upgrade"); lower(up) != "websocket" {
		abort("Upgrade is websocket (the whole value, any case)", r.fieldSpan("Upgrade"), noteWSNodeUpgrade, "Invalid Upgrade header")
		return
	}
	n.t.pass("Upgrade is websocket (the whole value, any case)", r.fieldSpan("Upgrade"), nil)
	key, hasKey := nodeHeader(r, "Sec-WebSocket-Key")
	if !hasKey || !wsNodeKey(key) {
		abort("Sec-WebSocket-Key is 22 base64 characters and ==", orLine(r.fieldSpan("Sec-WebSocket-Key"), r), noteWSNodeKey, "Missing or invalid Sec-WebSocket-Key header")
		return
	}
	n.t.pass("Sec-WebSocket-Key is 22 base64 characters and ==", r.fieldSpan("Sec-WebSocket-Key"), nil)
	version, _ := nodeHeader(r, "Sec-WebSocket-Version")
	if version != "13" && version != "8" {
		abort("Sec-WebSocket-Version is 13 or 8", orLine(r.fieldSpan("Sec-WebSocket-Version"), r), noteWSNodeVersion, "Missing or invalid Sec-WebSocket-Version header", Header{"Sec-WebSocket-Version", "13, 8"})
		return
	}
	n.t.pass("Sec-WebSocket-Version is 13 or 8", r.fieldSpan("Sec-WebSocket-Version"), nil)
	if version == "8" {
		n.t.note(r.fieldSpan("Sec-WebSocket-Version"), noteWSNodeVersion8)
	}
	var protocols []string
	if v, ok := nodeHeader(r, "Sec-WebSocket-Protocol"); ok {
		var ok bool
		if protocols, ok = wsNodeProtocols(v); !ok {
			abort("Sec-WebSocket-Protocol is a list of distinct tokens", r.fieldSpan("Sec-WebSocket-Protocol"), noteWSNodeProtocol, "Invalid Sec-WebSocket-Protocol header")
			return
		}
	}
	var ext string
	if v, ok := nodeHeader(r, "Sec-WebSocket-Extensions"); ok {
		if !n.cfg.WebSocket.Deflate.Enabled {
			n.t.skip("permessage-deflate is enabled", r.fieldSpan("Sec-WebSocket-Extensions"), noteWSNodeNoDeflate)
		} else {
			var ok bool
			if ext, ok = wsNodeDeflate(v); !ok {
				abort("Sec-WebSocket-Extensions parses and its permessage-deflate offer is acceptable", r.fieldSpan("Sec-WebSocket-Extensions"), noteWSNodeExtensions, "Invalid or unacceptable Sec-WebSocket-Extensions header")
				return
			}
		}
	}
	_, _, accept := acceptSteps(key)
	resp := &Response{Status: 101}
	resp.Add("Upgrade", "websocket")
	resp.Add("Connection", "Upgrade")
	resp.Add("Sec-WebSocket-Accept", accept)
	if len(protocols) > 0 {
		p := protocols[0]
		if n.cfg.WebSocket.Subprotocols != nil {
			// handleProtocols: the first of the server's list the client offers.
			p = ""
			for _, want := range n.cfg.WebSocket.Subprotocols {
				for _, got := range protocols {
					if got == want && p == "" {
						p = want
					}
				}
			}
		} else {
			n.t.note(r.fieldSpan("Sec-WebSocket-Protocol"), noteWSNodeFirstProtocol, Var{"protocol", p})
		}
		if p != "" {
			resp.Add("Sec-WebSocket-Protocol", p)
		}
	}
	if ext != "" {
		resp.Add("Sec-WebSocket-Extensions", ext)
	}
	n.t.stage = StageResponse
	n.t.pass("ws writes the 101", Span{}, noteWSNodeSwitched, Var{"accept", accept})
	n.final(resp, -1)
	n.res.Switched = "websocket"
	n.t.stage = StageAfter
	n.res.After = websocketAfter(n)
}

// wsNodeOrdinary is Node's http server answering a request that is not an
// upgrade with the handler ws installs: 426 and the status text.
func (n *negotiation) wsNodeOrdinary() {
	r := n.req
	n.t.stage = StageResponse
	major, minor := llhttpVersion(r)
	if major == 1 && minor == 1 && !r.Has("Host") {
		step := n.t.refuse("an HTTP/1.1 request has Host (Node's requireHostHeader)", r.LineSpan, noteNodeHostRequired)
		resp := &Response{Status: 400}
		resp.Add("Connection", "close")
		if r.Method != "HEAD" {
			resp.Add("Transfer-Encoding", "chunked")
			resp.Body = []byte("0\r\n\r\n")
		}
		n.final(resp, step)
		n.nextRequest()
		return
	}
	// llhttp_should_keep_alive: HTTP/1.1 persists unless "close"; any
	// other version (1.0, 2.0, 0.9) only with "keep-alive".
	closing := r.HasToken("Connection", "close")
	if !(major == 1 && minor == 1) {
		closing = !r.HasToken("Connection", "keep-alive")
	}
	if exp, ok := nodeHeader(r, "Expect"); ok && major == 1 && minor == 1 {
		if lower(exp) != "100-continue" {
			step := n.t.refuse("the expectation is 100-continue", r.fieldSpan("Expect"), noteNodeExpectation, Var{"expect", exp})
			resp := &Response{Status: 417}
			wsNodePersistence(resp, closing)
			resp.Add("Transfer-Encoding", "chunked")
			resp.Body = []byte("0\r\n\r\n")
			n.final(resp, step)
			n.nextRequest()
			return
		}
		n.res.Interim = append(n.res.Interim, Response{Status: 100})
		n.t.note(r.fieldSpan("Expect"), noteNodeContinue)
	}
	body := "Upgrade Required"
	step := n.t.refuse("the request is an upgrade (ws's standalone server answers nothing else)", r.LineSpan, noteWSNodeNotUpgrade)
	resp := &Response{Status: 426}
	resp.Add("Content-Length", strconv.Itoa(len(body)))
	resp.Add("Content-Type", "text/plain")
	wsNodePersistence(resp, closing)
	if r.Method != "HEAD" {
		resp.Body = []byte(body)
	}
	n.final(resp, step)
	n.nextRequest()
}

// wsNodePersistence adds Node's Connection field: close, or keep-alive
// with its 5-second Keep-Alive timeout.
func wsNodePersistence(resp *Response, closing bool) {
	if closing {
		resp.Add("Connection", "close")
		return
	}
	resp.Add("Connection", "keep-alive")
	resp.Add("Keep-Alive", "timeout=5")
}

// wsNodeKey is ws's keyRegex, /^[+/0-9A-Za-z]{22}==$/: 24 characters, the
// padding of 16 bytes, the padding bits unchecked.
func wsNodeKey(k string) bool {
	if len(k) != 24 || k[22:] != "==" {
		return false
	}
	for i := range 22 {
		if !isBase64(k[i]) {
			return false
		}
	}
	return true
}

// wsNodeProtocols is ws's subprotocol.parse: tokens separated by commas
// with optional SP or HTAB around them; an empty element, a duplicate or
// any other byte fails.
func wsNodeProtocols(h string) ([]string, bool) {
	var out []string
	start, end := -1, -1
	add := func(p string) bool {
		for _, q := range out {
			if q == p {
				return false
			}
		}
		out = append(out, p)
		return true
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case end == -1 && firstNonTchar(string(c)) < 0:
			if start == -1 {
				start = i
			}
		case i != 0 && (c == ' ' || c == '\t'):
			if end == -1 && start != -1 {
				end = i
			}
		case c == ',':
			if start == -1 {
				return nil, false
			}
			if end == -1 {
				end = i
			}
			if !add(h[start:end]) {
				return nil, false
			}
			start, end = -1, -1
		default:
			return nil, false
		}
	}
	if start == -1 || end != -1 {
		return nil, false
	}
	return out, add(h[start:])
}

// wsNodeDeflate is ws's answer to the extension offers with
// perMessageDeflate: true and its default options: the first
// permessage-deflate offer, its parameters echoed in their order except a
// valueless client_max_window_bits. It returns false where ws aborts: a
// syntax error (ws's extension.parse), a repeated, unknown or invalid
// parameter in any permessage-deflate offer.
func wsNodeDeflate(h string) (string, bool) {
	offers, ok := wsNodeExtensions(h)
	if !ok {
		return "", false
	}
	first := ""
	for _, o := range offers {
		if o.name != "permessage-deflate" {
			continue
		}
		out := "permessage-deflate"
		for i, p := range o.params {
			for _, q := range o.params[:i] {
				if q.name == p.name {
					return "", false // a parameter with two values
				}
			}
			switch p.name {
			case "client_max_window_bits":
				if !p.flag && !wsNodeWindowBits(p.value) {
					return "", false
				}
				if p.flag {
					continue // acceptAsServer deletes it
				}
			case "server_max_window_bits":
				if p.flag || !wsNodeWindowBits(p.value) {
					return "", false
				}
			case "client_no_context_takeover", "server_no_context_takeover":
				if !p.flag {
					return "", false
				}
			default:
				return "", false
			}
			out += "; " + p.name
			if !p.flag {
				out += "=" + p.value
			}
		}
		if first == "" {
			first = out
		}
	}
	return first, true
}

// A wsNodeOffer is one extension offer as ws's extension.parse reads it.
type wsNodeOffer struct {
	name   string
	params []wsNodeParam
}

type wsNodeParam struct {
	name, value string
	flag        bool // a parameter without a value
}

// wsNodeExtensions is ws's extension.parse, which is stricter than the
// RFC 6455 §9.1 grammar appendParams reads: no empty element, no SP or
// HTAB next to "=", and a quoted value whose content is a token. It
// returns false where ws throws.
func wsNodeExtensions(h string) ([]wsNodeOffer, bool) {
	if strings.Contains(h, " =") || strings.Contains(h, "= ") || strings.Contains(h, "\t=") || strings.Contains(h, "=\t") {
		return nil, false
	}
	es, empties := splitList(h, 0)
	if empties > 0 || len(es) == 0 {
		return nil, false
	}
	offers := make([]wsNodeOffer, 0, len(es))
	for _, e := range es {
		name, ps, perr := appendParams(nil, e)
		if perr != nil {
			return nil, false
		}
		o := wsNodeOffer{name: name}
		for _, p := range ps {
			if p.Quoted && !isToken(p.Value) {
				return nil, false
			}
			o.params = append(o.params, wsNodeParam{name: p.Name, value: p.Value, flag: !p.HasValue})
		}
		offers = append(offers, o)
	}
	return offers, true
}

// wsNodeWindowBits is ws's windowBitsRegex, /^(?:8|9|1[0-5])$/.
func wsNodeWindowBits(s string) bool {
	switch s {
	case "8", "9", "10", "11", "12", "13", "14", "15":
		return true
	}
	return false
}
