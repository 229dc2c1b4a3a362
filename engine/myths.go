package engine

// Upgrade tokens that look like a road to HTTP/2 or HTTP/3 but are not one.
// The handlers here recognise them, never accept them, and say why: HTTP/2
// over TLS is chosen with ALPN (RFC 7301, RFC 9113 §3.2), cleartext HTTP/2
// needs prior knowledge (RFC 9113 §3.3), and HTTP/3 runs over QUIC, a
// different transport, which Upgrade cannot switch to (RFC 9110 §7.8,
// RFC 9114 §4.5).

// mythHandler recognises the tokens above (one of protocolHandlers).
var mythHandler = &handler{
	name:      "myth",
	match:     func(o offer) bool { return mythNote(o) != nil },
	negotiate: negotiateMyth,
}

// mythNote returns the note explaining why the offer is no road to HTTP/2 or
// HTTP/3, or nil for any other offer.
func mythNote(o offer) *Note {
	switch {
	case equalFold(o.Name, "HTTP") && (o.Version == "2" || o.Version == "2.0"):
		return noteMythHTTP2
	case equalFold(o.Name, "h2"):
		return noteMythH2
	case equalFold(o.Name, "HTTP") && (o.Version == "3" || o.Version == "3.0"),
		equalFold(o.Name, "h3"):
		return noteMythHTTP3
	case equalFold(o.Name, "QUIC"):
		return noteMythQUIC
	}
	return nil
}

func negotiateMyth(n *negotiation, o offer) *verdict {
	n.t.stage = StageMyth
	defer func() { n.t.stage = StageUpgrade }()
	n.t.skip("the server can switch to "+o.String()+" on this connection", o.Span, mythNote(o), Var{"protocol", o.String()})
	return nil
}
