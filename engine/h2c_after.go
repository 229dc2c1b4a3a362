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
	list := serverSettings(n.cfg)
	vars := []Var{Var{"settings", settingsSummary(list)}}
	n.t.note(Span{}, noteH2ServerPreface, vars...)
	p := settingsFrame(list).part("server", "h2", "SETTINGS frame: the server connection preface")
	p.Note, p.Vars = noteH2ServerPreface, vars
	if list == nil {
		return []Part{p}
	}
	return []Part{p, windowUpdateFrame(0, xnetConnWindow).part("server", "h2", "WINDOW_UPDATE frame: the connection may receive 1 MiB")}
}

// serverSettings are the settings of the server's SETTINGS frame.
func serverSettings(cfg *Config) []h2Setting {
	switch cfg.H2C.Preface {
	case "empty":
		return nil
	case "go":
		return goSettings
	}
	return xnetSettings
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
	c := newH2Conn(n, true)
	c.parts = parts
	// RFC 7540 §3.2.1: HTTP2-Settings holds the client's first settings.
	c.applySettings(settingsOf(clientSettings))
	rest, base := r.Rest(), r.After
	pre := len(h2Preface)
	switch {
	case len(rest) == 0:
		c.parts = append(c.parts, Part{From: "client", Proto: "h2", Title: "client connection preface (expected): the magic octets", Bytes: []byte(h2Preface),
			Fields: []Var{Var{"preface", h2Preface}}, Note: noteH2ClientPreface})
		n.t.note(Span{}, noteH2ClientPreface)
	case len(rest) < pre && string(rest) == h2Preface[:len(rest)]:
		sp := Span{base, len(r.Raw)}
		n.t.note(sp, noteH2ClientBytes, Var{"count", strconv.Itoa(len(rest))}, Var{"state", "the start of the client connection preface; the server waits for the rest"})
		return append(c.parts, Part{From: "client", Proto: "h2", Title: "the start of the client connection preface", Bytes: rest, Span: sp})
	case len(rest) < pre || string(rest[:pre]) != h2Preface:
		// The client's bytes after the 101 must begin with the preface.
		sp := Span{base, len(r.Raw)}
		vars := []Var{Var{"count", strconv.Itoa(len(rest))}}
		n.t.fail("the client's bytes begin with the connection preface", sp, noteH2BadPreface, vars...)
		return append(c.parts,
			Part{From: "client", Proto: "h2", Title: "not the client connection preface", Bytes: rest, Span: sp, Note: noteH2BadPreface, Vars: vars},
			goAwayFrame(0, h2ProtocolError, "invalid preface").part("server", "h2", "GOAWAY frame: the connection ends"))
	default:
		n.t.note(Span{base, len(r.Raw)}, noteH2ClientBytes, Var{"count", strconv.Itoa(len(rest))}, Var{"state", "the 24 magic octets of the connection preface" + describeFrames(rest[pre:])})
		c.parts = append(c.parts, Part{From: "client", Proto: "h2", Title: "client connection preface (the magic octets)", Bytes: rest[:pre], Span: Span{base, base + pre}, Fields: []Var{Var{"preface", h2Preface}}})
		c.feed(rest[pre:], base+pre, false)
	}
	if !c.settings && !c.closed && !c.partial {
		// The rest of the preface the client will send: its SETTINGS,
		// which curl fills with the HTTP2-Settings values.
		c.feed(settingsFrame(settingsOf(clientSettings)).bytes(), 0, true)
	}
	c.finish()
	return c.parts
}

// settingsOf reads the settings of a payload already checked to be whole.
func settingsOf(p []byte) []h2Setting {
	list, _ := parseH2Settings(p)
	return list
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
