package engine

// Negotiate is the whole engine: it parses the request bytes, runs the
// decision procedure of RFC 9110 §7.8 and the protocol rules, and returns the
// exact response bytes with a trace of every check. It is pure and
// deterministic: no I/O, no clock, no randomness, no map-order output.
//
// The decision procedure, one trace stage each:
//
//  1. syntax and framing (RFC 9112): a failure gives 400, 414, 431, 501 or 505;
//  2. version: HTTP/1.0 drops Upgrade and Expect (RFC 9110 §7.8, §10.1.1);
//  3. Connection and Upgrade: tokenize, require the "upgrade" option, keep the
//     offers the server supports (never switch to an unoffered protocol);
//  4. the chosen protocol's own checks (websocket.go, h2c.go, tls.go);
//  5. Expect: 100-continue gives 100 before the final response;
//  6. the whole body is read before switching;
//  7. the 101, or the refusal, or the ordinary response;
//  8. the bytes that follow, in the new protocol or as the next request.
func Negotiate(raw []byte, cfg *Config) *Result {
	if cfg == nil {
		d := DefaultConfig()
		cfg = &d
	}
	n := &negotiation{cfg: cfg, t: newTrace(), res: &Result{}}
	n.req = parse(raw, cfg, &n.t)
	n.res.Request = n.req
	n.run()
	n.res.Trace = n.t.steps
	n.res.Decisive = n.t.decisive
	return n.res
}

// A Result is everything the engine decided about one request.
type Result struct {
	Request *Request
	// Interim holds the 1xx responses sent before the final one (100 Continue).
	Interim []Response
	// Final is the final response, or nil while the server is still waiting
	// for more of the request (then Waiting says for what).
	Final   *Response
	Waiting string
	// Switched names the protocol switched to ("websocket", "h2c", "TLS/1.0"),
	// or is empty when there was no switch.
	Switched string
	// After describes the bytes that follow the response on the connection,
	// in both directions: the new protocol's first frames, or what the server
	// reads as the next request.
	After []Part
	// Trace lists every check in the order it was made.
	Trace []Step
	// Decisive is the index in Trace of the step that decided the response,
	// or -1 when no failure did.
	Decisive int
}

// Status returns the final status code, or 0 while the server is waiting.
func (r *Result) Status() int {
	if r.Final == nil {
		return 0
	}
	return r.Final.Status
}

// Bytes returns the exact response bytes: the interim responses, then the
// final one.
func (r *Result) Bytes() []byte {
	var b []byte
	for i := range r.Interim {
		b = append(b, r.Interim[i].Bytes()...)
	}
	if r.Final != nil {
		b = append(b, r.Final.Bytes()...)
	}
	return b
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
	req *Request
	cfg *Config
	t   trace
	res *Result

	offers    []offer // the protocols offered in Upgrade, in client order
	upgradeOK bool    // Upgrade is honoured (HTTP/1.1, "upgrade" option present)
}

func (n *negotiation) run() {
	r := n.req
	if r.Method == "PRI" && r.Target == "*" && r.Major == 2 && r.Minor == 0 && priorKnowledge(n) {
		return
	}
	if n.t.failed() {
		n.res.Final = errorResponse(n.t.decidingNote(), n.t.steps[n.t.decisive].Vars, r)
		if n.req.HeaderEnd >= 0 && n.req.After >= 0 {
			n.nextRequest()
		}
		return
	}
	if r.HeaderEnd < 0 {
		n.res.Waiting = "the rest of the header section (it ends with an empty line)"
		return
	}

	n.t.stage = "upgrade"
	v := n.upgradeStage()

	n.t.stage = "expect"
	final := v != nil && (v.accept || v.reject != nil)
	rejecting := v != nil && v.reject != nil
	if !rejecting && !n.expectStage() {
		return
	}
	if !r.BodyComplete {
		n.res.Waiting = "the rest of the request body"
		return
	}

	n.t.stage = "response"
	switch {
	case final && v.accept:
		n.switchProtocols(v)
	case final:
		n.res.Final = v.reject
		n.nextRequest()
	default:
		n.res.Final = n.ordinaryResponse(v)
		n.nextRequest()
	}
}

// errorResponse is the response to a request refused by a Bad note: its
// status, Connection: close (RFC 9112 §2.2: SHOULD close after a 400), and a
// short plain-text body naming the problem.
func errorResponse(note *Note, vars []Var, r *Request) *Response {
	resp := &Response{Status: note.Status}
	resp.Add("Connection", "close")
	return resp.withBody("text/plain; charset=utf-8", itoa(note.Status)+" "+reasons[note.Status]+": "+Expand(note.Summary, vars)+"\n")
}

// ordinaryResponse is what the server answers when it does not switch: 200
// with a small body (no body for HEAD), advertising upgrades if configured.
func (n *negotiation) ordinaryResponse(v *verdict) *Response {
	r := n.req
	resp := &Response{Status: 200}
	if n.cfg.HTTP.Advertise {
		if list := n.advertised(); list != "" {
			resp.Add("Upgrade", list)
			resp.Add("Connection", "Upgrade")
			n.t.note(Span{}, noteAdvertise, Var{"protocols", list})
		}
	}
	if r.Close || r.Major == 1 && r.Minor == 0 && !r.HasToken("Connection", "keep-alive") {
		resp.Add("Connection", "close")
	}
	body := "Hello from the Upgrade Playground server.\n"
	resp.withBody("text/plain; charset=utf-8", body)
	if r.Method == "HEAD" {
		resp.Body = nil
	}
	n.t.note(Span{}, noteOrdinaryResponse)
	return resp
}

// advertised lists the protocols this server offers, in preference order.
func (n *negotiation) advertised() string {
	var list []string
	for _, h := range handlers {
		if h.advertise != nil {
			if s := h.advertise(n.cfg); s != "" {
				list = append(list, s)
			}
		}
	}
	return joinStrings(list, ", ")
}

// switchProtocols writes the 101 (RFC 9110 §15.2.2): Upgrade naming the new
// protocol stack, Connection: Upgrade, the protocol's own fields, no body.
func (n *negotiation) switchProtocols(v *verdict) {
	resp := &Response{Status: 101}
	resp.Add("Upgrade", v.upgrade)
	resp.Add("Connection", "Upgrade")
	resp.Headers = append(resp.Headers, v.headers...)
	n.res.Final = resp
	n.res.Switched = v.upgrade
	n.t.pass("the 101 names the new protocol in Upgrade and lists \"upgrade\" in Connection", Span{}, noteSwitched, Var{"protocol", v.upgrade})
	if n.req.Close {
		n.t.note(Span{}, noteCloseNoSwitch)
	}
	if v.after != nil {
		n.t.stage = "after"
		n.res.After = v.after(n)
	}
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
	closing := n.res.Final != nil && equalFold(n.res.Final.Get("Connection"), "close")
	if closing {
		n.res.After = append(n.res.After, Part{From: "client", Proto: "http/1.1", Title: "discarded: the server closes the connection", Bytes: rest, Span: sp})
		n.t.note(sp, noteAfterDiscarded, v("count", itoa(len(rest))))
		return
	}
	line := rest
	if i := indexByte(string(rest), '\n'); i >= 0 {
		line = rest[:i]
	}
	if len(line) > 80 {
		line = line[:80]
	}
	n.res.After = append(n.res.After, Part{From: "client", Proto: "http/1.1", Title: "read as the next request", Bytes: rest, Span: sp,
		Fields: []Var{v("first line", string(line))}})
	n.t.note(sp, noteAfterNextRequest, v("count", itoa(len(rest))), v("line", string(line)))
}
