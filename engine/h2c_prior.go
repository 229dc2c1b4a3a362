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
	n.res.After = serverPreface(n)
	cp, _ := clientFrames(n, b, Span{start, len(r.Raw)})
	n.res.After = append(n.res.After, cp...)
	if settingsFollow(b[len(h2Preface):]) {
		n.res.After = append(n.res.After, settingsAck().part("server", "h2", "SETTINGS frame with ACK: the server acknowledges the client's SETTINGS"))
		n.res.Waiting = "the client's first request (a HEADERS frame): prior knowledge carries no HTTP/1.1 request to answer"
	} else {
		n.res.Waiting = "the client's SETTINGS frame, the rest of its connection preface"
	}
}

// settingsFollow reports whether b starts with a whole, valid client SETTINGS
// frame (not an ACK) on stream 0.
func settingsFollow(b []byte) bool {
	f, _, ok := parseH2Frame(b)
	if !ok || f.Type != h2Settings || f.Flags&h2FlagAck != 0 || f.Stream != 0 || len(f.Payload)%6 != 0 {
		return false
	}
	for _, s := range settingsOf(f.Payload) {
		if why, _ := s.problem(); why != "" {
			return false
		}
	}
	return true
}
