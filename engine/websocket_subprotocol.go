package engine

import (
	"strconv"
	"strings"
)

// Sec-WebSocket-Protocol (RFC 6455 §4.1 item 10, §4.2.2 /subprotocol/,
// §4.3, §11.3.4):
//
//	Sec-WebSocket-Protocol-Client = 1#token
//	Sec-WebSocket-Protocol-Server = token
//
// The field may span several lines in a request; they combine into one list.

// checkSubprotocols checks the syntax of the client's offers and appends
// the valid ones to offers.
func checkSubprotocols(c *wsCheck, offers []elem) []elem {
	n, r := c.n, c.n.req
	lines := r.Values("Sec-WebSocket-Protocol")
	if len(lines) == 0 {
		return offers
	}
	if len(lines) > 1 {
		n.t.note(spanOf(lines), noteWSSubprotocolLines, v("count", strconv.Itoa(len(lines))))
	}
	const check = "Sec-WebSocket-Protocol is a list of distinct tokens"
	var seen map[string]bool // built only for long lists
	dup := func(p string) bool {
		if seen == nil && len(offers) < 16 {
			for _, e := range offers {
				if e.Value == p {
					return true
				}
			}
			return false
		}
		if seen == nil {
			seen = make(map[string]bool, 2*len(offers))
			for _, e := range offers {
				seen[e.Value] = true
			}
		}
		return seen[p]
	}
	ok := true
	fails := 0
	var buf [8]elem
	for _, f := range lines {
		es, _ := appendList(buf[:0], f.Value, f.ValueSpan().Start)
		if len(es) == 0 {
			c.fail(check, f.Span, noteWSSubprotocolEmpty)
			ok = false
			continue
		}
		for _, e := range es {
			switch {
			case !isToken(e.Value):
				at := e.Span
				if i := firstNonTchar(e.Value); i >= 0 {
					at = Span{e.Span.Start + i, e.Span.Start + i + 1}
				}
				c.fail(check, at, noteWSSubprotocolSyntax, v("protocol", e.Value))
				ok = false
				fails++
			case dup(e.Value):
				c.fail(check, e.Span, noteWSSubprotocolDuplicate, v("protocol", e.Value))
				ok = false
				fails++
			default:
				if seen != nil {
					seen[e.Value] = true
				}
				offers = append(offers, e)
			}
			if fails >= 8 {
				return offers // enough to explain; more changes nothing
			}
		}
	}
	if ok {
		n.t.pass(check, spanOf(lines), nil)
	}
	return offers
}

// selectSubprotocol picks the server's most preferred subprotocol among the
// client's offers (RFC 6455 §4.2.2 /subprotocol/), or none. Tokens compare
// exactly, as the browser's check of the answer does.
func selectSubprotocol(n *negotiation, offered []elem) string {
	if len(offered) == 0 {
		return ""
	}
	for _, want := range n.cfg.WebSocket.Subprotocols {
		for _, e := range offered {
			if e.Value == want {
				n.t.pass("one offered subprotocol is chosen", e.Span, noteWSSubprotocolChosen, v("protocol", want), v("offered", sampleElems(offered)), v("preference", strings.Join(n.cfg.WebSocket.Subprotocols, ", ")))
				return want
			}
		}
	}
	for _, want := range n.cfg.WebSocket.Subprotocols {
		for _, e := range offered {
			if equalFold(e.Value, want) {
				n.t.note(e.Span, noteWSSubprotocolCase, v("protocol", e.Value), v("supported", want))
			}
		}
	}
	n.t.skip("one offered subprotocol is chosen", n.req.fieldSpan("Sec-WebSocket-Protocol"), noteWSSubprotocolNone, v("offered", sampleElems(offered)), v("preference", strings.Join(n.cfg.WebSocket.Subprotocols, ", ")))
	return ""
}

// sampleElems joins the first few list elements for a diagnostic.
func sampleElems(es []elem) string {
	if len(es) > 10 {
		return joinElems(es[:10]) + ", … (" + strconv.Itoa(len(es)) + " in all)"
	}
	return joinElems(es)
}
