package engine

import (
	"slices"
	"strconv"
)

// Upgrading to TLS within HTTP/1.1 (RFC 2817): the same http: connection
// switches to TLS in place. Optional upgrade on any request (§3.1), mandatory
// upgrade with OPTIONS * (§3.2), the 101 naming the stack bottom-up (§3.3),
// and 426 from a server that requires it (§4.2).

// TLSConfig is the TLS-upgrade part of the server.
type TLSConfig struct {
	// Offer makes the server accept "Upgrade: TLS/1.x" (RFC 2817 §3).
	Offer bool
	// Require makes the server answer every request that does not upgrade
	// with 426 and "Upgrade: TLS/1.0, HTTP/1.1" (RFC 2817 §4.2). It implies Offer.
	Require bool
}

func defaultTLSConfig() TLSConfig { return TLSConfig{} }

// tlsSettings are the settings of this file, in the order the Server pane
// lists them (see Settings).
var tlsSettings = []*Setting{
	{Key: "tls", Group: "TLS", Label: "Offer TLS upgrade", Help: "RFC 2817 §3: switch the same connection to TLS with 101 and Upgrade: TLS/1.0, HTTP/1.1. No browser implements it.", Kind: "bool", flag: func(c *Config) *bool { return &c.TLS.Offer }},
	{Key: "tlsreq", Group: "TLS", Label: "Require TLS upgrade", Help: "RFC 2817 §4.2: answer any request that does not upgrade with 426, Upgrade: TLS/1.0, HTTP/1.1 and a human-readable body. Implies offering it.", Kind: "bool", flag: func(c *Config) *bool { return &c.TLS.Require }},
}

// tlsStack is the Upgrade value of RFC 2817's 101 and 426: the protocols
// bottom-up, TLS under HTTP/1.1 (RFC 2817 §3.3, §4.2).
const tlsStack = "TLS/1.0, HTTP/1.1"

// tlsHandler negotiates the TLS token (one of protocolHandlers).
var tlsHandler = &handler{
	name:      "TLS",
	match:     func(o offer) bool { return equalFold(o.Name, "TLS") },
	negotiate: negotiateTLS,
	advertise: func(c *Config) string {
		if c.TLS.Offer || c.TLS.Require {
			return "TLS/1.0"
		}
		return ""
	},
	requires: func(c *Config) string {
		if c.TLS.Require {
			return "TLS"
		}
		return ""
	},
	required: func(n *negotiation) *verdict {
		if !n.cfg.TLS.Require {
			return nil
		}
		n.t.stage = StageTLS
		step := n.t.refuse("the request upgrades to TLS (this server requires it)", Span{}, noteTLSRequired, Var{"stack", tlsStack})
		n.t.stage = StageUpgrade
		return refusal(n.upgradeRequired(tlsStack, "this resource is served only over "+tlsStack), step)
	},
}

// tlsVersions are the TLS versions the registry's TLS token can name here.
var tlsVersions = []string{"1.0", "1.1", "1.2", "1.3"}

func negotiateTLS(n *negotiation, o offer) *verdict {
	r := n.req
	n.t.stage = StageTLS
	defer func() { n.t.stage = StageUpgrade }()
	if !n.cfg.TLS.Offer && !n.cfg.TLS.Require {
		n.t.skip("the server offers the TLS upgrade", o.Span, noteTLSNotOffered, Var{"protocol", o.String()})
		return nil
	}
	if !slices.Contains(tlsVersions, o.Version) {
		n.t.skip("the offer names a TLS version the server speaks", o.Span, noteTLSVersion, Var{"protocol", o.String()})
		return nil
	}
	n.t.pass("the offer names a TLS version the server speaks", o.Span, nil)
	if r.Method == "OPTIONS" && r.Target == "*" {
		n.t.note(r.LineSpan, noteTLSMandatory)
	} else {
		n.t.note(r.LineSpan, noteTLSOptional, Var{"method", r.Method}, Var{"target", r.Target})
	}
	stack := "TLS/" + o.Version + ", HTTP/1.1"
	n.t.pass("the 101 lists the new stack bottom-up", o.Span, noteTLSStack, Var{"stack", stack})
	return &verdict{accept: true, upgrade: stack, after: tlsAfter}
}

// tlsAfter describes what follows the 101: the client's TLS handshake (not
// generated: its random and keys are the client's own), then the response to
// the original request inside TLS (RFC 2817 §3.3). Bytes the input holds
// after the request are decoded as a TLS record header (RFC 8446 §5.1).
func tlsAfter(n *negotiation) []Part {
	r := n.req
	var parts []Part
	if rest := r.Rest(); len(rest) > 0 {
		sp := Span{r.After, len(r.Raw)}
		if rest[0] != 0x16 {
			n.t.fail("the client's next bytes are a TLS handshake record", Span{sp.Start, sp.Start + 1}, noteTLSNotRecord, Var{"byte", "0x" + hexString(rest[:1])})
			return []Part{{From: "client", Proto: "tls", Title: "not a TLS handshake record: the server's TLS stack answers with an alert and closes", Bytes: rest, Span: sp,
				Note: noteTLSNotRecord, Vars: []Var{{"byte", "0x" + hexString(rest[:1])}}}}
		}
		n.t.note(sp, noteTLSRecord, Var{"count", strconv.Itoa(len(rest))})
		parts = append(parts, Part{From: "client", Proto: "tls", Title: "TLS record: the client's handshake (ClientHello)", Bytes: rest, Span: sp, Fields: tlsRecordFields(rest),
			Note: noteTLSRecord, Vars: []Var{{"count", strconv.Itoa(len(rest))}}})
	} else {
		n.t.note(Span{}, noteTLSClientHello)
		parts = append(parts, Part{From: "client", Proto: "tls", Title: "ClientHello (explained, not generated)", Note: noteTLSClientHello, Fields: []Var{
			{"content type", "22 (0x16, handshake): the first byte of every TLS connection"},
			{"legacy record version", "0x0301 (TLS 1.0 on the record layer, for compatibility)"},
			{"handshake type", "1 (client_hello): random, cipher suites, extensions (SNI, ALPN, key shares)"},
		}})
	}
	parts = append(parts,
		Part{From: "server", Proto: "tls", Title: "ServerHello ... Finished: the rest of the TLS handshake (explained, not generated)"},
		Part{From: "server", Proto: "http/1.1 over tls", Title: "the response to " + r.Method + " " + r.Target + ", encrypted (explained, not generated)"})
	return parts
}

// tlsRecordFields decodes a TLS record header (RFC 8446 §5.1) and, when the
// record is a handshake, the handshake header (§4).
func tlsRecordFields(b []byte) []Var {
	out := []Var{{"content type", strconv.Itoa(int(b[0])) + " (handshake)"}}
	if len(b) < 5 {
		return append(out, Var{"record", "incomplete: " + strconv.Itoa(len(b)) + " of 5 header bytes"})
	}
	out = append(out, Var{"legacy record version", "0x" + hexString(b[1:3])}, Var{"length", strconv.Itoa(int(b[3])<<8 | int(b[4]))})
	if len(b) < 9 {
		return out
	}
	typ := "other"
	if b[5] == 1 {
		typ = "client_hello"
	}
	out = append(out, Var{"handshake type", strconv.Itoa(int(b[5])) + " (" + typ + ")"}, Var{"handshake length", strconv.Itoa(int(b[6])<<16 | int(b[7])<<8 | int(b[8]))})
	if len(b) >= 11 {
		out = append(out, Var{"legacy version", "0x" + hexString(b[9:11])})
	}
	return out
}
