package engine

import "strconv"

// Prior knowledge (RFC 9113 §3.3, §3.4): a client that knows the server
// speaks HTTP/2 starts with the connection preface, whose first line reads
// like an HTTP/1.1 request-line: "PRI * HTTP/2.0".

// isH2Preface reports whether the request-line is the first line of the
// HTTP/2 connection preface, "PRI * HTTP/2.0".
func (r *Request) isH2Preface() bool {
	return r.Method == "PRI" && r.Target == "*" && r.Major == 2 && r.Minor == 0
}

// priorKnowledge answers a request-line "PRI * HTTP/2.0". The HTTP/1.1 checks
// the parser made do not apply to HTTP/2 bytes, so the trace restarts; any
// byte that differs from the preface (a bare LF, a field line) makes it an
// invalid preface.
func priorKnowledge(n *negotiation) {
	r := n.req
	start := r.LineSpan.Start
	b := r.Raw[start:]
	n.t = newTrace()
	n.t.prof = n.prof
	n.t.stage = StageH2
	sp := Span{start, start + min(len(b), len(h2Preface))}
	if n.cfg.H2C.Prior == "505" {
		step := n.t.refuse("the server speaks this HTTP version", r.VersionSpan, noteH2PriorRefused)
		n.final(errorResponse(noteH2PriorRefused, nil, r), step)
		return
	}
	switch {
	case len(b) < len(h2Preface) && string(b) == h2Preface[:len(b)]:
		n.t.pass("the input is the HTTP/2 connection preface", sp, notePriorKnowledge)
		n.res.After = serverPreface(n)
		n.res.Waiting = "the rest of the client connection preface (\"SM\\r\\n\\r\\n\" and a SETTINGS frame)"
		n.res.Switched = "h2"
		return
	case len(b) < len(h2Preface) || string(b[:len(h2Preface)]) != h2Preface:
		n.t.fail("the input is the HTTP/2 connection preface", sp, noteH2BadPreface, Var{"count", strconv.Itoa(len(b))})
		n.res.After = append(serverPreface(n), goAwayFrame(0, h2ProtocolError, "invalid preface").part("server", "h2", "GOAWAY frame: the connection ends"))
		n.res.Waiting = "nothing: the server has closed the connection"
		return
	}
	n.t.pass("the input is the HTTP/2 connection preface", sp, notePriorKnowledge)
	n.res.Switched = "h2"
	pre := len(h2Preface)
	rest := b[pre:]
	server := serverPreface(n)
	n.t.note(Span{start, len(r.Raw)}, noteH2ClientBytes, Var{"count", strconv.Itoa(len(b))}, Var{"state", "the 24 magic octets of the connection preface" + describeFrames(rest)})
	c := newH2Conn(n, false)
	c.parts = append(server, Part{From: "client", Proto: "h2", Title: "client connection preface (the magic octets)", Bytes: b[:pre], Span: Span{start, start + pre}, Fields: []Var{Var{"preface", h2Preface}}})
	c.feed(rest, start+pre, false)
	waiting := c.finish()
	if !c.settings && !c.closed && !c.partial {
		waiting = "the client's SETTINGS frame, the rest of its connection preface"
	}
	n.res.After = c.parts
	if n.res.Final == nil {
		// Until the server has answered a request (see Result.Final).
		n.res.Waiting = waiting
	}
}

// describeFrames says what b holds as HTTP/2 frames, for the step that
// introduces a client's bytes: ", then 3 frames", and an incomplete one.
func describeFrames(b []byte) string {
	k := 0
	for len(b) > 0 && k < h2MaxFrames {
		_, n, ok := parseH2Frame(b)
		if !ok {
			break
		}
		k++
		b = b[n:]
	}
	s := ""
	switch {
	case k == 1:
		s = ", then 1 frame"
	case k > 1:
		s = ", then " + strconv.Itoa(k) + " frames"
	}
	switch {
	case k == h2MaxFrames && len(b) > 0:
		s += "; only the first " + strconv.Itoa(h2MaxFrames) + " frames are read"
	case len(b) > 0:
		s += ", then the start of a frame"
	}
	return s
}
