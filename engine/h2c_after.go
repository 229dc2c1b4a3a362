package engine

import "strconv"

// What crosses the connection after "101 Switching Protocols" for h2c
// (RFC 7540 §3.2, §3.5; RFC 9113 §3.4, §8.2.2): the server connection preface,
// the client connection preface, and the response to the upgrading request,
// which has become stream 1.

// xnetSettings are the settings golang.org/x/net/http2's Server sends first
// (server.go, serverConn.serve; x/net v0.62.0 defaults): measured byte for
// byte by the real-peer test in h2peer.
var xnetSettings = []h2Setting{
	{h2MaxFrameSize, 1 << 20},
	{h2MaxConcurrentStreams, 250},
	{h2MaxHeaderListSize, 1<<20 + 320},
	{h2HeaderTableSize, 4096},
	{h2InitialWindowSize, 1 << 20},
	{h2NoRFC7540Priorities, 1},
}

// goSettings are what Go's net/http (Go 1.26, its bundled HTTP/2 server)
// sends with unencrypted HTTP/2: the same minus NO_RFC7540_PRIORITIES.
var goSettings = xnetSettings[:5]

// xnetConnWindow is the connection receive window x/net announces with a
// WINDOW_UPDATE right after its SETTINGS: 1 MiB less the initial 65535.
const xnetConnWindow = 1<<20 - 65535

// serverPreface returns the server's first frames (RFC 9113 §3.4: a SETTINGS
// frame, possibly empty, MUST be the first frame the server sends).
func serverPreface(n *negotiation) []Part {
	list := xnetSettings
	switch n.cfg.H2C.Preface {
	case "empty":
		list = nil
	case "go":
		list = goSettings
	}
	vars := []Var{{"settings", settingsSummary(list)}}
	n.t.note(Span{}, noteH2ServerPreface, vars...)
	p := settingsFrame(list).part("server", "h2", "SETTINGS frame: the server connection preface")
	p.Note, p.Vars = noteH2ServerPreface, vars
	if list == nil {
		return []Part{p}
	}
	return []Part{p, windowUpdateFrame(0, xnetConnWindow).part("server", "h2", "WINDOW_UPDATE frame: the connection may receive 1 MiB")}
}

// h2cAfter describes the bytes after the 101. clientSettings is the decoded
// HTTP2-Settings payload; bad is its first invalid setting, or nil.
func h2cAfter(n *negotiation, clientSettings []byte, bad *h2Setting) []Part {
	r := n.req
	parts := serverPreface(n)
	if bad != nil {
		// RFC 7540 §3.2.1: the HTTP2-Settings values are processed like a
		// SETTINGS frame; an invalid one is a connection error (RFC 9113
		// §6.5.2, §5.4.1), answered with GOAWAY.
		why, code := bad.problem()
		vars := []Var{{"setting", bad.label()}, {"why", why}, {"error", h2ErrorName(code)}}
		g := goAwayFrame(0, code, "invalid settings").part("server", "h2", "GOAWAY frame: the connection ends")
		g.Note, g.Vars = noteH2CGoAway, vars
		n.t.fail("the HTTP2-Settings values are valid", r.fieldSpan("HTTP2-Settings"), noteH2CGoAway, vars...)
		return append(parts, g)
	}
	if rest := r.Rest(); len(rest) > 0 {
		// The client sent more bytes: after the 101 they are HTTP/2. Until a
		// whole, valid preface has arrived nothing more happens.
		cp, ok := clientFrames(n, rest, Span{r.After, len(r.Raw)})
		parts = append(parts, cp...)
		if !ok {
			return parts
		}
	} else {
		parts = append(parts,
			Part{From: "client", Proto: "h2", Title: "client connection preface (the magic octets)", Bytes: []byte(h2Preface),
				Fields: []Var{{"preface", h2Preface}}, Note: noteH2ClientPreface},
			settingsFrame(settingsOf(clientSettings)).part("client", "h2", "SETTINGS frame: the rest of the client preface (here repeating HTTP2-Settings)"))
		n.t.note(Span{}, noteH2ClientPreface)
	}
	n.t.note(r.LineSpan, noteH2CStream1, Var{"method", r.Method}, Var{"target", r.Target})
	parts = append(parts, streamOneResponse(n)...)
	parts = append(parts,
		settingsAck().part("server", "h2", "SETTINGS frame with ACK: the server acknowledges the client's SETTINGS frame"),
		settingsAck().part("client", "h2", "SETTINGS frame with ACK: the client acknowledges the server's SETTINGS"))
	return parts
}

// settingsOf reads the settings of a payload already checked to be whole.
func settingsOf(p []byte) []h2Setting {
	list, _ := parseH2Settings(p)
	return list
}

// streamOneResponse is the ordinary response to the upgrading request, sent
// as HTTP/2 on stream 1: HEADERS (HPACK) then DATA with END_STREAM. Fields
// that are connection-specific in HTTP/1.1 are not sent (RFC 9113 §8.2.2).
func streamOneResponse(n *negotiation) []Part {
	saved := n.t
	resp := n.ordinaryResponse() // its trace notes belong to HTTP/1.1 answers
	n.t = saved
	fields := []Header{{":status", strconv.Itoa(resp.Status)}}
	dropped := ""
	for _, h := range resp.Headers {
		if isConnectionSpecific(h.Name) {
			dropped += " " + h.Name
			continue
		}
		fields = append(fields, Header{lower(h.Name), h.Value})
	}
	body := resp.Body
	if n.req.Method == "HEAD" {
		body = nil
	}
	hf, how := headersFrame(1, fields, len(body) == 0)
	hp := hf.part("server", "h2", "HEADERS frame: the response to your request, on stream 1")
	hp.Note, hp.Vars = noteH2CResponse, []Var{{"status", strconv.Itoa(resp.Status)}, {"count", strconv.Itoa(len(fields))}}
	hp.Fields = append(hp.Fields[:4], how...)
	if dropped != "" {
		hp.Fields = append(hp.Fields, Var{"not sent (connection-specific, RFC 9113 §8.2.2)", dropped[1:]})
	}
	parts := []Part{hp}
	if len(body) > 0 {
		parts = append(parts, h2Frame{Type: h2Data, Flags: h2FlagEndStream, Stream: 1, Payload: body}.part("server", "h2", "DATA frame: the response body; END_STREAM closes stream 1"))
	}
	n.t.note(Span{}, noteH2CResponse, hp.Vars...)
	return parts
}

// isConnectionSpecific reports whether a field may not appear in HTTP/2
// (RFC 9113 §8.2.2).
func isConnectionSpecific(name string) bool {
	for _, c := range []string{"Connection", "Upgrade", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding"} {
		if equalFold(name, c) {
			return true
		}
	}
	return false
}

// clientFrames reads what the client sent after the request as HTTP/2: the
// connection preface, then frames (RFC 9113 §3.4, §4.1). At most 16 frames
// are shown; an invalid preface is a connection error. ok is false unless
// the whole preface arrived and is valid.
func clientFrames(n *negotiation, b []byte, sp Span) (parts []Part, ok bool) {
	pre := len(h2Preface)
	if len(b) < pre && string(b) == h2Preface[:len(b)] {
		n.t.note(sp, noteH2ClientBytes, Var{"count", strconv.Itoa(len(b))}, Var{"state", "the start of the client connection preface; the server waits for the rest"})
		return []Part{{From: "client", Proto: "h2", Title: "the start of the client connection preface", Bytes: b, Span: sp}}, false
	}
	if len(b) < pre || string(b[:pre]) != h2Preface {
		n.t.fail("the client's bytes begin with the connection preface", sp, noteH2BadPreface, Var{"count", strconv.Itoa(len(b))})
		return []Part{
			{From: "client", Proto: "h2", Title: "not the client connection preface", Bytes: b, Span: sp, Note: noteH2BadPreface, Vars: []Var{{"count", strconv.Itoa(len(b))}}},
			goAwayFrame(0, h2ProtocolError, "invalid preface").part("server", "h2", "GOAWAY frame: the connection ends"),
		}, false
	}
	parts = []Part{{From: "client", Proto: "h2", Title: "client connection preface (the magic octets)", Bytes: b[:pre], Span: Span{sp.Start, sp.Start + pre}, Fields: []Var{{"preface", h2Preface}}}}
	off := pre
	for i := 0; i < 16 && off < len(b); i++ {
		f, k, whole := parseH2Frame(b[off:])
		if !whole {
			parts = append(parts, Part{From: "client", Proto: "h2", Title: "an incomplete frame: the server waits for the rest", Bytes: b[off:], Span: Span{sp.Start + off, sp.End}})
			off = len(b)
			break
		}
		title := f.typeName() + " frame from the client"
		if i == 0 && f.Type != h2Settings {
			title += ": the preface must continue with SETTINGS (PROTOCOL_ERROR)"
		}
		p := f.part("client", "h2", title)
		p.Bytes, p.Span = b[off:off+k], Span{sp.Start + off, sp.Start + off + k} // exact, reserved bit included
		parts = append(parts, p)
		off += k
	}
	state := "the client connection preface"
	if off < len(b) {
		state += "; only the first 16 frames are shown"
	}
	n.t.note(sp, noteH2ClientBytes, Var{"count", strconv.Itoa(len(b))}, Var{"state", state})
	return parts, true
}
