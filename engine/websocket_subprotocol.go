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

// checkSubprotocols checks the syntax of the client's offers and returns
// the valid ones.
func checkSubprotocols(c *wsCheck) []elem {
	n, r := c.n, c.n.req
	lines := r.Values("Sec-WebSocket-Protocol")
	if len(lines) == 0 {
		return nil
	}
	if len(lines) > 1 {
		n.t.note(spanOf(lines), noteWSSubprotocolLines, Var{"count", strconv.Itoa(len(lines))})
	}
	const check = "Sec-WebSocket-Protocol is a list of distinct tokens"
	var offers []elem
	seen := map[string]bool{}
	ok := true
	fails := 0
	for _, f := range lines {
		es, _ := splitList(f.Value, f.ValueSpan.Start)
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
				c.fail(check, at, noteWSSubprotocolSyntax, Var{"protocol", e.Value})
				ok = false
				fails++
			case seen[e.Value]:
				c.fail(check, e.Span, noteWSSubprotocolDuplicate, Var{"protocol", e.Value})
				ok = false
				fails++
			default:
				seen[e.Value] = true
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
				n.t.pass("one offered subprotocol is chosen", e.Span, noteWSSubprotocolChosen, Var{"protocol", want}, Var{"offered", sampleElems(offered)}, Var{"preference", strings.Join(n.cfg.WebSocket.Subprotocols, ", ")})
				return want
			}
		}
	}
	for _, want := range n.cfg.WebSocket.Subprotocols {
		for _, e := range offered {
			if equalFold(e.Value, want) {
				n.t.note(e.Span, noteWSSubprotocolCase, Var{"protocol", e.Value}, Var{"supported", want})
			}
		}
	}
	n.t.skip("one offered subprotocol is chosen", n.req.fieldSpan("Sec-WebSocket-Protocol"), noteWSSubprotocolNone, Var{"offered", sampleElems(offered)}, Var{"preference", strings.Join(n.cfg.WebSocket.Subprotocols, ", ")})
	return ""
}

// sampleElems joins the first few list elements for a diagnostic.
func sampleElems(es []elem) string {
	if len(es) > 10 {
		return joinElems(es[:10]) + ", … (" + strconv.Itoa(len(es)) + " in all)"
	}
	return joinElems(es)
}
