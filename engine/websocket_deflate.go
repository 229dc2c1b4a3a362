package engine

import (
	"strconv"
	"strings"
)

// Sec-WebSocket-Extensions (RFC 6455 §9.1) and permessage-deflate
// negotiation (RFC 7692 §5, §7).
//
//	Sec-WebSocket-Extensions = extension-list
//	extension-list  = 1#extension
//	extension       = extension-token *( ";" extension-param )
//	extension-param = token [ "=" (token | quoted-string) ]
//
// A value that breaks this grammar fails the handshake (§9.1: the recipient
// "MUST immediately _Fail the WebSocket Connection_"): 400 here. A
// well-formed permessage-deflate offer whose parameters the server cannot
// accept is declined, and the next offer is tried (RFC 7692 §7).

// DeflateConfig is the server's permessage-deflate support.
type DeflateConfig struct {
	// Enabled makes the server accept permessage-deflate.
	Enabled bool
	// ServerNoContext adds server_no_context_takeover to every acceptance
	// (the server resets its compressor per message; gorilla always does).
	ServerNoContext bool
	// ClientNoContext adds client_no_context_takeover to every acceptance
	// (the server keeps no decompression window between messages).
	ClientNoContext bool
	// ServerMaxBits is the largest LZ77 window (8–15) the server compresses
	// with; below 15 it answers server_max_window_bits even unasked.
	ServerMaxBits int
	// ClientMaxBits is the window (8–15) the server asks a client to keep to,
	// when the client's offer has client_max_window_bits.
	ClientMaxBits int
	// Zlib makes the server behave like one built on zlib, which cannot
	// compress with a 256-byte window: it declines server_max_window_bits=8.
	Zlib bool
	// Fixed, when set, accepts the first offer named exactly
	// permessage-deflate, whatever its parameters, and answers with this
	// element: gorilla/websocket's "permessage-deflate;
	// server_no_context_takeover; client_no_context_takeover". Only
	// profiles set it.
	Fixed string
	// Literal, when set, replaces RFC 7692 §7's reading of an offer with a
	// library's own, which compares the offer's items as written. Only
	// profiles set it.
	Literal *DeflateLiteral
}

// A DeflateLiteral is a permessage-deflate rule that compares strings
// instead of parsing parameters, as coder/websocket v1.8.15's
// acceptDeflate does: the offer's element is split at ";" and each item
// trimmed of spaces; the first must be Name exactly, each other one of
// Items, and the first such offer is accepted. Its answer is Name followed
// by the Echo items the offer had (or the DeflateConfig's matching
// ClientNoContext/ServerNoContext asks for), in Echo's order, and no window
// size.
type DeflateLiteral struct {
	// Name is the extension name, compared byte for byte.
	Name string
	// Items are the parameter items an offer may have, compared byte for
	// byte; one ending in "*" takes any item it begins.
	Items []string
	// Echo are the items the answer repeats when offered, in this order.
	Echo []string
}

// coderDeflate is coder/websocket v1.8.15's rule (accept.go acceptDeflate
// and compressionOptions.String).
var coderDeflate = &DeflateLiteral{
	Name:  "permessage-deflate",
	Items: []string{"client_no_context_takeover", "server_no_context_takeover", "client_max_window_bits", "server_max_window_bits=15", "client_max_window_bits=*"},
	Echo:  []string{"client_no_context_takeover", "server_no_context_takeover"},
}

func defaultDeflateConfig() DeflateConfig {
	return DeflateConfig{Enabled: true, ServerMaxBits: 15, ClientMaxBits: 15}
}

// deflateSettings are the settings of this file, in the order the Server pane
// lists them (see Settings).
var deflateSettings = []*Setting{
	{Key: "pmd", Group: "WebSocket", Label: "permessage-deflate", Help: "pmd=1 (default): the server supports the permessage-deflate extension (RFC 7692); pmd=0 ignores every extension offer.", Kind: "bool", flag: func(c *Config) *bool { return &c.WebSocket.Deflate.Enabled }},
	{Key: "pmdsnct", Group: "WebSocket", Label: "Always server_no_context_takeover", Help: "pmdsnct=1 adds server_no_context_takeover to every accepted offer (RFC 7692 §7.1.1.1 allows it unasked; gorilla always does); default 0 adds it only when offered.", Kind: "bool", flag: func(c *Config) *bool { return &c.WebSocket.Deflate.ServerNoContext }},
	{Key: "pmdcnct", Group: "WebSocket", Label: "Always client_no_context_takeover", Help: "pmdcnct=1 adds client_no_context_takeover to every accepted offer (RFC 7692 §7.1.1.2; gorilla always does); default 0 adds it only when offered.", Kind: "bool", flag: func(c *Config) *bool { return &c.WebSocket.Deflate.ClientNoContext }},
	{Key: "pmdsbits", Group: "WebSocket", Label: "Server LZ77 window bits", Help: "pmdsbits=15 (default): the largest window the server compresses with; below 15 it answers server_max_window_bits=N even unasked, and lowers a larger offer (RFC 7692 §7.1.2.1).", Kind: "int", lo: 8, hi: 15, number: func(c *Config) *int { return &c.WebSocket.Deflate.ServerMaxBits }},
	{Key: "pmdcbits", Group: "WebSocket", Label: "Client LZ77 window bits", Help: "pmdcbits=15 (default): the window the server asks clients to keep to; used only when the offer has client_max_window_bits (RFC 7692 §7.1.2.2 forbids it otherwise).", Kind: "int", lo: 8, hi: 15, number: func(c *Config) *int { return &c.WebSocket.Deflate.ClientMaxBits }},
	{Key: "pmdzlib", Group: "WebSocket", Label: "zlib-realistic deflate", Help: "pmdzlib=1 declines server_max_window_bits=8, as a zlib-based server must (zlib cannot produce raw DEFLATE with a 256-byte window); default 0 accepts it.", Kind: "bool", flag: func(c *Config) *bool { return &c.WebSocket.Deflate.Zlib }},
}

// An extOffer is one element of Sec-WebSocket-Extensions.
type extOffer struct {
	e      elem
	name   string
	params []param
	// malformed offers break the grammar: only a DeflateLiteral, which reads
	// items as written, looks at them (a profile that tolerates the syntax).
	malformed bool
}

// parseExtensions checks the syntax of Sec-WebSocket-Extensions (§9.1) and
// returns the offers, in order.
func parseExtensions(c *wsCheck) []extOffer {
	n, r := c.n, c.n.req
	lines := r.Values("Sec-WebSocket-Extensions")
	if len(lines) == 0 {
		return nil
	}
	var out []extOffer
	const check = "Sec-WebSocket-Extensions follows the extension grammar"
	fails := 0
	for _, f := range lines {
		es, _ := splitList(f.Value, f.ValueSpan.Start)
		if len(es) == 0 {
			c.fail(check, f.Span, noteWSExtensionsSyntax, Var{"element", f.Value}, Var{"why", "the list is empty; it needs at least one extension"})
			fails++
		}
		for _, e := range es {
			if fails >= 8 {
				return out
			}
			name, params, perr := appendParams(nil, e)
			if perr != nil {
				if perr.Span.Empty() { // at the end of the element: point at its last byte
					perr.Span = Span{e.Span.End - 1, e.Span.End}
				}
				c.fail(check, perr.Span, noteWSExtensionsSyntax, Var{"element", e.Value}, Var{"why", perr.Why})
				fails++
				out = append(out, extOffer{e: e, malformed: true})
				continue
			}
			bad := false
			for _, p := range params {
				if p.Quoted && !isToken(p.Value) {
					c.fail(check, p.Span, noteWSExtensionsQuoted, Var{"param", p.Name}, Var{"value", p.Value})
					fails++
					bad = true
					break
				}
			}
			out = append(out, extOffer{e, name, params, bad})
		}
	}
	if fails == 0 {
		n.t.pass(check, spanOf(lines), nil)
	}
	return out
}

// negotiateExtensions accepts the first acceptable permessage-deflate offer
// and returns the response element, or "".
func negotiateExtensions(n *negotiation, offers []extOffer) string {
	d := n.cfg.WebSocket.Deflate
	accepted, sawDeflate := "", false
	for i, o := range offers {
		if i == 32 {
			n.t.note(Span{o.e.Span.Start, offers[len(offers)-1].e.Span.End}, noteWSExtensionsMany, Var{"count", strconv.Itoa(len(offers) - i)})
			break
		}
		if d.Literal != nil && d.Enabled && accepted == "" {
			if items := literalItems(o.e.Value); equalFold(items[0], d.Literal.Name) {
				sawDeflate = true
				if resp, ok := acceptLiteral(n, o, items); ok {
					accepted = resp
				}
				continue
			}
		}
		if o.malformed {
			continue // already failed the handshake, or tolerated by a profile
		}
		if !equalFold(o.name, "permessage-deflate") {
			n.t.skip("the server supports the extension "+o.name, o.e.Span, noteWSExtensionUnknown, Var{"extension", o.name})
			continue
		}
		sawDeflate = true
		switch {
		case !d.Enabled:
			n.t.skip("the server supports permessage-deflate", o.e.Span, noteWSDeflateDisabled)
		case accepted != "":
			n.t.skip("only one permessage-deflate offer is accepted", o.e.Span, noteWSDeflateAlternative, Var{"offer", o.e.Value})
		case d.Fixed != "":
			if o.name == "permessage-deflate" {
				accepted = d.Fixed
				n.t.pass("a permessage-deflate offer is accepted", o.e.Span, noteDeflateFixed, n.prof.vars(Var{"offer", o.e.Value}, Var{"response", d.Fixed})...)
			}
		default:
			if resp, ok := acceptDeflate(n, o); ok {
				accepted = resp
				n.t.pass("a permessage-deflate offer is accepted", o.e.Span, noteWSDeflateAccepted, Var{"offer", o.e.Value}, Var{"response", resp})
			}
		}
	}
	if sawDeflate && d.Enabled && accepted == "" {
		n.t.note(n.req.fieldSpan("Sec-WebSocket-Extensions"), noteWSDeflateNone)
	}
	return accepted
}

// acceptDeflate applies RFC 7692 §7 to one offer: it declines (records why
// and returns false) or returns the response element.
func acceptDeflate(n *negotiation, o extOffer) (string, bool) {
	d := n.cfg.WebSocket.Deflate
	const check = "the permessage-deflate offer is acceptable"
	decline := func(sp Span, note *Note, vars ...Var) (string, bool) {
		n.t.skip(check, sp, note, append([]Var{{"offer", o.e.Value}}, vars...)...)
		return "", false
	}
	var snct, cnct bool
	sbits, cbits := 0, 0 // 0: absent; -1: present without a value
	var sSpan, cSpan Span
	for i, p := range o.params {
		name := lower(p.Name)
		for _, q := range o.params[:i] {
			if equalFold(q.Name, name) {
				return decline(p.Span, noteWSDeflateDuplicate, Var{"param", p.Name})
			}
		}
		if p.Quoted {
			n.t.note(p.Span, noteWSDeflateQuoted, Var{"param", p.Name}, Var{"value", p.Value})
		}
		switch name {
		case "server_no_context_takeover", "client_no_context_takeover":
			if p.HasValue {
				return decline(p.Span, noteWSDeflateValueNotAllowed, Var{"param", p.Name}, Var{"value", p.Value})
			}
			if name == "server_no_context_takeover" {
				snct = true
			} else {
				cnct = true
			}
		case "server_max_window_bits", "client_max_window_bits":
			b := -1
			if p.HasValue {
				var why string
				if b, why = windowBits(p.Value); why != "" {
					return decline(p.Span, noteWSDeflateBadBits, Var{"param", p.Name}, Var{"value", p.Value}, Var{"why", why})
				}
			} else if name == "server_max_window_bits" {
				return decline(p.Span, noteWSDeflateServerBitsNoValue)
			}
			if name == "server_max_window_bits" {
				sbits, sSpan = b, p.Span
			} else {
				cbits, cSpan = b, p.Span
			}
		default:
			return decline(p.Span, noteWSDeflateUnknownParam, Var{"param", p.Name})
		}
	}
	sb := d.ServerMaxBits
	if d.Zlib {
		if sbits == 8 {
			return decline(sSpan, noteWSDeflateZlib8)
		}
		sb = max(sb, 9)
	}
	resp := "permessage-deflate"
	if snct || d.ServerNoContext {
		resp += "; server_no_context_takeover"
		if !snct {
			n.t.note(o.e.Span, noteWSDeflateAddedServerNCT)
		}
	}
	if cnct || d.ClientNoContext {
		resp += "; client_no_context_takeover"
		if !cnct {
			n.t.note(o.e.Span, noteWSDeflateAddedClientNCT)
		}
	}
	switch {
	case sbits > 0 && sb < sbits:
		resp += "; server_max_window_bits=" + strconv.Itoa(sb)
		n.t.note(sSpan, noteWSDeflateServerBitsLowered, Var{"offered", strconv.Itoa(sbits)}, Var{"bits", strconv.Itoa(sb)})
	case sbits > 0:
		resp += "; server_max_window_bits=" + strconv.Itoa(sbits)
	case sb < 15:
		resp += "; server_max_window_bits=" + strconv.Itoa(sb)
		n.t.note(o.e.Span, noteWSDeflateServerBitsAdded, Var{"bits", strconv.Itoa(sb)})
	}
	cb := d.ClientMaxBits
	switch {
	case cbits == -1 && cb < 15:
		resp += "; client_max_window_bits=" + strconv.Itoa(cb)
		n.t.note(cSpan, noteWSDeflateClientBitsChosen, Var{"bits", strconv.Itoa(cb)})
	case cbits == -1:
		n.t.note(cSpan, noteWSDeflateClientBitsHint)
	case cbits > 0:
		resp += "; client_max_window_bits=" + strconv.Itoa(min(cbits, cb))
	}
	return resp, true
}

// acceptLiteral applies the profile's DeflateLiteral to one offer: it
// declines (records why and returns false) or returns the response element.
func acceptLiteral(n *negotiation, o extOffer, items []string) (string, bool) {
	d := n.cfg.WebSocket.Deflate
	l := d.Literal
	const check = "the permessage-deflate offer is acceptable"
	decline := func(item string) (string, bool) {
		n.t.skip(check, o.e.Span, noteDeflateLiteralDeclined, n.prof.vars(Var{"offer", o.e.Value}, Var{"item", item})...)
		return "", false
	}
	if items[0] != l.Name {
		return decline(items[0])
	}
	offered := map[string]bool{}
	for _, it := range items[1:] {
		if !literalItem(l.Items, it) {
			return decline(it)
		}
		offered[it] = true
	}
	resp := l.Name
	for _, e := range l.Echo {
		if offered[e] || e == "client_no_context_takeover" && d.ClientNoContext || e == "server_no_context_takeover" && d.ServerNoContext {
			resp += "; " + e
		}
	}
	n.t.pass("a permessage-deflate offer is accepted", o.e.Span, noteDeflateLiteral, n.prof.vars(Var{"offer", o.e.Value}, Var{"response", resp})...)
	return resp, true
}

// literalItems splits an offer's element at ";" and trims each item of
// spaces, as coder/websocket v1.8.15's websocketExtensions does.
func literalItems(element string) []string {
	items := strings.Split(element, ";")
	for i := range items {
		items[i] = strings.TrimSpace(items[i])
	}
	return items
}

// literalItem reports whether item is one of items, where an entry ending
// in "*" takes any item it begins.
func literalItem(items []string, item string) bool {
	for _, x := range items {
		if x == item || strings.HasSuffix(x, "*") && strings.HasPrefix(item, x[:len(x)-1]) {
			return true
		}
	}
	return false
}

// windowBits parses a max_window_bits value: a decimal integer from 8 to 15
// without leading zeros (RFC 7692 §7.1.2.1, §7.1.2.2). It returns the value
// or why it is invalid.
func windowBits(s string) (int, string) {
	switch {
	case s == "":
		return 0, "the value is empty"
	case len(s) > 1 && s[0] == '0':
		return 0, "leading zeros are not allowed"
	}
	b := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, "it is not a decimal integer"
		}
		if b < 100 {
			b = b*10 + int(s[i]-'0')
		}
	}
	if b < 8 || b > 15 {
		return 0, "it is outside 8–15"
	}
	return b, ""
}
