package engine

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
)

// Negotiate is the whole engine: it parses the request bytes, runs the
// decision procedure of RFC 9110 §7.8 and the protocol rules, and returns the
// exact response bytes with a trace of every check. It is pure and
// deterministic: no I/O, no clock, no randomness, no map-order output.
//
// The decision procedure, one trace stage each:
//
//  1. syntax and framing (RFC 9112): a failure gives 400, 414, 431, 501 or 505;
//  2. version: HTTP/1.0 drops Upgrade and Expect (RFC 9110 §7.8, §10.1.1);
//     an expectation other than 100-continue gets 417 here, before Upgrade;
//  3. Connection and Upgrade: tokenize, require the "upgrade" option, keep the
//     offers the server supports (never switch to an unoffered protocol);
//  4. the chosen protocol's own checks (websocket.go, h2c.go, tls.go);
//  5. Expect: 100-continue gives 100 before the final response;
//  6. the whole body is read before switching;
//  7. the 101, or the refusal, or the ordinary response;
//  8. the bytes that follow, in the new protocol or as the next request.
func Negotiate(raw []byte, cfg *Config) *Result {
	if cfg == nil {
		cfg = defaultConfig()
	}
	if cfg.Proxy == "nginx" {
		return negotiateProxy(raw, cfg) // proxy_nginx.go
	}
	prof := profileOf(cfg)
	cfg, unfollowed := prof.follow(cfg)
	n := &negotiation{req: new(Request), cfg: cfg, handlers: protocolHandlers, t: newTrace(), res: &Result{Decisive: -1}, prof: prof, unfollowed: unfollowed}
	n.t.prof = n.prof
	parse(n.req, raw, cfg, &n.t)
	n.res.Request = n.req
	if n.prof.run != nil {
		n.prof.run(n)
	} else {
		n.run()
	}
	if f := n.res.Final; f != nil && n.req.Method == "HEAD" && f.Status >= 200 {
		// RFC 9110 §9.3.2: the server MUST NOT send content in the response
		// to HEAD, error responses included (Content-Length stays: it is
		// what a GET would have got).
		f.Body = nil
		n.t.note(n.req.MethodSpan, noteHeadNoContent)
	}
	applyProfile(n)       // the library's wording of the decision (profile.go)
	websocketElsewhere(n) // the RFC 8441/9220 equivalent of a WebSocket request (h2c_connect.go)
	n.res.Trace = n.t.finish()
	return n.res
}

// defaultServer is the server of Negotiate(raw, nil), built on first use
// (defaultConfig). Nothing in the engine writes to its Config.
//
// It is not a variable initialized with DefaultConfig(): a call in a
// package-level initializer makes the compiler build every variable
// initialized after it (the profiles, the protocol handlers) with code at
// start-up instead of as static data, since the call might have changed
// the variables they copy.
var defaultServer struct {
	once   sync.Once
	config Config
}

// defaultConfig returns the server of Negotiate(raw, nil).
func defaultConfig() *Config {
	defaultServer.once.Do(func() { defaultServer.config = DefaultConfig() })
	return &defaultServer.config
}

// A Result is everything the engine decided about one request.
type Result struct {
	Request *Request
	// Interim holds the 1xx responses sent before the final one (100 Continue).
	Interim []Response
	// Final is the final response, or nil while the server is still waiting
	// for more of the request (then Waiting says for what).
	//
	// With HTTP/2 prior knowledge (Switched "h2") no HTTP/1.1 response is
	// sent at all. Final is then the server's answer to the client's first
	// request, which went out as a HEADERS frame (its :status is
	// Final.Status) and DATA frames on the request's stream, in After; here
	// it is written as the equivalent status line and fields, for display,
	// and Bytes leaves it out. It stays nil, and Status 0, until a request
	// has been answered.
	Final   *Response
	Waiting string
	// Switched names the protocol switched to ("websocket", "h2c", "TLS/1.0"),
	// "h2" for HTTP/2 by prior knowledge (no switch: the connection spoke
	// HTTP/2 from its first byte), or is empty when there was no switch.
	Switched string
	// After describes the bytes that follow the response on the connection,
	// in both directions: the new protocol's first frames, or what the server
	// reads as the next request.
	After []Part
	// Trace lists every check in the order it was made.
	Trace []Step
	// Decisive is the index in Trace of the step that produced Final when
	// Final refuses the request: the failed check whose note gives Final's
	// status. It is -1 when nothing refused the request (a 101, a 200) and
	// while the server is waiting.
	Decisive int
	// Server is the profile that answered ("rfc" for the default server).
	Server string
	// Closed reports that the server closed the connection without sending
	// any response: Final is nil and Status 0.
	Closed bool
	// Hop is the proxy in front of the server (Config.Proxy), or nil. With
	// a proxy, Final and Interim are what reaches the client.
	Hop *Hop
}

// A Hop is a reverse proxy between the client and the server: what it
// checked, what it forwarded, and what the server behind it answered.
type Hop struct {
	Proxy string // "nginx"
	Title string // e.g. "nginx 1.22.1, the usual WebSocket recipe"
	// Trace is the proxy's own checks, with spans into the client's request.
	Trace []Step
	// Forwarded is the request the proxy sent to the server, or nil when
	// the proxy answered the client itself.
	Forwarded []byte
	// Backend is the server's result for Forwarded, or nil.
	Backend *Result
}

// Status returns the final status code, or 0 while the server is waiting.
func (r *Result) Status() int {
	if r.Final == nil {
		return 0
	}
	return r.Final.Status
}

// Bytes returns the exact response bytes: the interim responses, then the
// final one (none with HTTP/2 prior knowledge: see Final).
func (r *Result) Bytes() []byte {
	final := r.wireFinal()
	n := 0
	for i := range r.Interim {
		n += r.Interim[i].size()
	}
	if final != nil {
		n += final.size()
	}
	if n == 0 {
		return nil
	}
	b := make([]byte, 0, n)
	for i := range r.Interim {
		b = r.Interim[i].appendTo(b)
	}
	if final != nil {
		b = final.appendTo(b)
	}
	return b
}

// wireFinal returns Final when it is sent as HTTP/1.1 bytes, or nil.
func (r *Result) wireFinal() *Response {
	if r.Switched == "h2" {
		return nil
	}
	return r.Final
}

// Notes returns the steps that carry a note, in trace order.
func (r *Result) Notes() []Step {
	var out []Step
	for _, s := range r.Trace {
		if s.Note != nil {
			out = append(out, s)
		}
	}
	return out
}

// A Part is one unit of what crosses the connection after the response: a
// frame, a preface, or bytes the server will read as the next request.
type Part struct {
	From   string // "client" or "server"
	Proto  string // the protocol these bytes are in: "websocket", "h2", "tls", "http/1.1"
	Title  string // e.g. "SETTINGS frame (server connection preface)"
	Bytes  []byte // the exact bytes; for an explained-only part, empty
	Span   Span   // for bytes taken from the request input: where they are
	Fields []Var  // decoded fields, in wire order
	Note   *Note  // an explanation, or nil
	Vars   []Var
}

// negotiation is the state of one run of the decision procedure.
type negotiation struct {
	req      *Request
	cfg      *Config
	handlers []*handler // protocolHandlers
	prof     *Profile   // the server played (Config.Server)
	// unfollowed are the settings the profile's library cannot follow, as
	// key=value, reset to the library's behaviour (Profile.follow).
	unfollowed []string
	teclNoted  bool // noteTECLKeptOpen is in the trace
	t          trace
	res        *Result

	offers []offer // the protocols offered in Upgrade, in client order
	early  bool    // the final response goes out before the content is read (Expect)
}

func (n *negotiation) run() {
	r := n.req
	if r.isH2Preface() {
		if !n.cfg.H2C.PriorHandled {
			priorKnowledge(n)
			return
		}
		// The parser's refusals of PRI, * and HTTP/2.0 stay in the trace,
		// but this server does not apply them (H2CConfig.PriorHandled).
		n.t.refusal = -1
		n.t.note(r.LineSpan, notePriorHandled, n.prof.vars()...)
	}
	if i := n.t.refusal; i >= 0 {
		// The parser found a problem that refuses the request: the first
		// one decides the response.
		s := &n.t.steps[i]
		n.final(errorResponse(s.Note, s.Vars, r), i)
		if n.req.HeaderEnd >= 0 && n.req.After >= 0 {
			n.nextRequest()
		}
		return
	}
	if r.HeaderEnd < 0 {
		n.res.Waiting = "the rest of the header section (it ends with an empty line)"
		return
	}

	n.t.stage = StageExpect
	if !n.expectationMet() {
		n.t.stage = StageResponse
		n.persistence()
		n.nextRequest()
		return
	}

	n.t.stage = StageUpgrade
	v := n.upgradeStage()
	if v != nil && v.closes {
		// The server closes the connection without a response
		// (WebSocketConfig.EarlyData); the step that says why is traced.
		n.res.Closed = true
		return
	}

	n.t.stage = StageExpect
	n.expectStage(v)
	if !r.BodyComplete && !n.early {
		n.res.Waiting = "the rest of the request body"
		return
	}

	n.t.stage = StageResponse
	switch {
	case v != nil && v.accept:
		n.switchProtocols(v)
		return
	case v != nil && v.reject != nil:
		n.final(v.reject, v.step)
	case r.Method == "CONNECT" && !n.prof.tolerates(noteConnectNotProxy):
		// This origin server is not a proxy (RFC 9110 §9.3.6, §9.1).
		vars := []Var{{"target", r.Target}}
		step := n.t.refuse("the server implements the method", r.MethodSpan, noteConnectNotProxy, vars...)
		n.final(errorResponse(noteConnectNotProxy, vars, r), step)
	default:
		n.final(n.ordinaryResponse(), -1)
	}
	n.persistence()
	n.nextRequest()
}

// final sets the final response. decisive is the index of the trace step
// that produced it, a failed check whose note gives the response's status,
// or -1 when nothing refused the request (a 101, a 200).
func (n *negotiation) final(resp *Response, decisive int) {
	n.res.Final, n.res.Decisive = resp, decisive
}

// closeReason says why the connection must close after the response to this
// request, or "" when it may persist (RFC 9112 §9.3, §9.6, §6.1). A
// connection that must close is never switched: a 101 hands the connection
// to the new protocol, which contradicts closing it after the response.
func (n *negotiation) closeReason() (why string, sp Span) {
	r := n.req
	teCL := len(r.Values("Transfer-Encoding")) > 0 && len(r.Values("Content-Length")) > 0
	switch {
	case r.Close && teCL && !n.cfg.HTTP.TECLKeepsOpen:
		return "the request has both Transfer-Encoding and Content-Length", r.fieldSpan("Transfer-Encoding")
	case r.Close && teCL && !n.teclNoted:
		n.teclNoted = true
		n.t.note(r.fieldSpan("Transfer-Encoding"), noteTECLKeptOpen, n.prof.vars()...)
	case r.Close && !teCL:
		return "the request's framing is faulty", r.fieldSpan("Transfer-Encoding")
	}
	switch {
	case n.early && !r.BodyComplete:
		return "the server answers before the client sends the content", r.fieldSpan("Expect")
	case r.HasToken("Connection", "close"):
		return "the client sent Connection: close", r.fieldSpan("Connection")
	case r.Major == 1 && r.Minor == 0 && !r.HasToken("Connection", "keep-alive"):
		return "an HTTP/1.0 request without keep-alive", r.VersionSpan
	}
	return "", Span{}
}

// persistence decides whether the connection stays open after a final,
// non-101 response, and says so in the response (RFC 9112 §9.3, §9.6).
func (n *negotiation) persistence() {
	resp := n.res.Final
	if resp == nil || resp.Status == 101 {
		return
	}
	if responseHasOption(resp, "close") {
		return
	}
	r := n.req
	if why, sp := n.closeReason(); why != "" {
		addConnectionOption(resp, "close")
		n.t.note(sp, noteConnectionClose, Var{"why", why})
		return
	}
	if r.Major == 1 && r.Minor == 0 {
		// RFC 9112 §9.3: the HTTP/1.0 keep-alive mechanism; the response
		// says it, or an HTTP/1.0 client assumes the connection closes.
		addConnectionOption(resp, "keep-alive")
		n.t.note(r.fieldSpan("Connection"), noteKeepAlive10)
	}
}

// responseHasOption reports whether the response's Connection lists opt.
func responseHasOption(resp *Response, opt string) bool {
	for _, h := range resp.Headers {
		if equalFold(h.Name, "Connection") && listHas(h.Value, opt) {
			return true
		}
	}
	return false
}

// addConnectionOption adds opt to the response's Connection field, creating
// it before the content fields when absent.
func addConnectionOption(resp *Response, opt string) {
	for i, h := range resp.Headers {
		if equalFold(h.Name, "Connection") {
			resp.Headers[i].Value += ", " + opt
			return
		}
	}
	at := len(resp.Headers)
	for i, h := range resp.Headers {
		if len(h.Name) > 8 && equalFold(h.Name[:8], "Content-") {
			at = i
			break
		}
	}
	resp.Headers = append(resp.Headers, Header{})
	copy(resp.Headers[at+1:], resp.Headers[at:])
	resp.Headers[at] = Header{"Connection", opt}
}

// errorResponse is the response to a request refused by a Bad note: its
// status, Connection: close (RFC 9112 §2.2: SHOULD close after a 400), and a
// short plain-text body naming the problem.
func errorResponse(note *Note, vars []Var, r *Request) *Response {
	resp := &Response{Status: note.Status}
	resp.Add("Connection", "close")
	return resp.withBody("text/plain; charset=utf-8", strconv.Itoa(note.Status)+" "+ReasonPhrase(note.Status)+": "+Expand(note.Summary, vars)+"\n")
}

// ordinaryResponse is what the server answers when it does not switch: 200
// with a small body (no body for HEAD), advertising upgrades if configured.
// TRACE echoes the request (RFC 9110 §9.3.8).
func (n *negotiation) ordinaryResponse() *Response {
	r := n.req
	resp := &Response{Status: 200}
	if n.cfg.HTTP.Advertise {
		if list := n.advertised(); list != "" {
			resp.Add("Upgrade", list)
			resp.Add("Connection", "Upgrade")
			n.t.note(Span{}, noteAdvertise, Var{"protocols", list})
		}
	}
	if r.Method == "TRACE" {
		if len(r.Body) > 0 {
			n.t.note(r.BodySpan, noteTraceContent)
		}
		resp.withBody("message/http", string(r.Raw[r.LineSpan.Start:r.After]))
		n.t.note(Span{r.LineSpan.Start, r.After}, noteTraceEcho)
		return resp
	}
	body := "Hello from the Upgrade Playground server.\n"
	resp.withBody("text/plain; charset=utf-8", body)
	n.t.note(Span{}, noteOrdinaryResponse)
	return resp
}

// advertised lists the protocols this server offers, in preference order.
func (n *negotiation) advertised() string {
	var list []string
	for _, h := range n.handlers {
		if h.advertise != nil {
			if s := h.advertise(n.cfg); s != "" {
				list = append(list, s)
			}
		}
	}
	return strings.Join(list, ", ")
}

// switchProtocols writes the 101 (RFC 9110 §15.2.2): Upgrade naming the new
// protocol stack, Connection: Upgrade, the protocol's own fields, no body.
func (n *negotiation) switchProtocols(v *verdict) {
	// RFC 9110 §7.8: the server MUST NOT switch to a protocol the client did
	// not offer, and the 101 lists the protocols in layer-ascending order, so
	// the first (lowest) one named is the offer; any later ones are the
	// layers above it.
	if _, ok := n.offered(v.upgrade); !ok {
		n.t.fail("the 101 switches only to a protocol the client offered", Span{}, noteUnofferedSwitch, Var{"protocol", v.upgrade})
		n.final(n.ordinaryResponse(), -1)
		n.persistence()
		n.nextRequest()
		return
	}
	resp := &Response{Status: 101, Headers: make([]Header, 0, 2+len(v.headers))}
	resp.Add("Upgrade", v.upgrade)
	resp.Add("Connection", "Upgrade")
	resp.Headers = append(resp.Headers, v.headers...)
	n.final(resp, -1)
	n.res.Switched = v.upgrade
	n.t.pass("the 101 names an offered protocol (lowest layer first) in Upgrade and lists \"upgrade\" in Connection", Span{}, noteSwitched, Var{"protocol", v.upgrade})
	n.t.stage = StageAfter
	switch rest := n.req.Rest(); {
	case v.after != nil:
		n.res.After = v.after(n)
	case len(rest) > 0:
		// No protocol-specific decoding: the bytes are still the new
		// protocol's, never a next HTTP/1.1 request (RFC 9110 §7.8).
		sp := Span{n.req.After, len(n.req.Raw)}
		n.res.After = append(n.res.After, Part{From: "client", Proto: v.upgrade, Title: "sent after the request: read in the new protocol", Bytes: rest, Span: sp})
		n.t.note(sp, noteAfterNewProtocol, Var{"count", strconv.Itoa(len(rest))}, Var{"protocol", v.upgrade})
	}
}

// offered returns the client's offer matching the first (lowest-layer)
// protocol of an Upgrade value, or false.
func (n *negotiation) offered(upgrade string) (offer, bool) {
	es, _ := splitList(upgrade, 0)
	if len(es) == 0 {
		return offer{}, false
	}
	name, version, _ := strings.Cut(es[0].Value, "/")
	for _, o := range n.offers {
		if equalFold(o.Name, name) && (version == "" || equalFold(o.Version, version)) {
			return o, true
		}
	}
	return offer{}, false
}

// nextRequest explains the bytes after the request when there was no switch:
// the server reads them as the next HTTP/1.1 request (RFC 9931 §2), unless
// the connection closes.
func (n *negotiation) nextRequest() {
	rest := n.req.Rest()
	if len(rest) == 0 {
		return
	}
	sp := Span{n.req.After, len(n.req.Raw)}
	closing := n.res.Final != nil && responseHasOption(n.res.Final, "close")
	if closing {
		n.res.After = append(n.res.After, Part{From: "client", Proto: "http/1.1", Title: "discarded: the server closes the connection", Bytes: rest, Span: sp})
		n.t.note(sp, noteAfterDiscarded, Var{"count", strconv.Itoa(len(rest))})
		return
	}
	line := rest
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		line = rest[:i]
		if len(line) > 0 && line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
	}
	if len(line) > 80 {
		line = line[:80]
	}
	n.res.After = append(n.res.After, Part{From: "client", Proto: "http/1.1", Title: "read as the next request", Bytes: rest, Span: sp,
		Fields: []Var{{"first line", string(line)}}})
	n.t.note(sp, noteAfterNextRequest, Var{"count", strconv.Itoa(len(rest))}, Var{"line", string(line)})
}
