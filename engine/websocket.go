package engine

import (
	"crypto/sha1"
	"encoding/base64"
)

// The WebSocket opening handshake, server side (RFC 6455 §4.2.1, §4.2.2).

// WebSocketConfig is the WebSocket part of the server.
type WebSocketConfig struct {
	// Enabled makes the server accept WebSocket upgrades.
	Enabled bool
	// Subprotocols the server supports, in its order of preference.
	Subprotocols []string
	// Deflate enables permessage-deflate (RFC 7692).
	Deflate bool
}

func defaultWebSocketConfig() WebSocketConfig {
	return WebSocketConfig{Enabled: true, Subprotocols: []string{"chat", "superchat"}, Deflate: true}
}

var (
	_ = defineBool("ws", "WebSocket", "Accept WebSocket", "The server accepts WebSocket version 13 on every request-target.", func(c *Config) *bool { return &c.WebSocket.Enabled })
	_ = defineList("wsproto", "WebSocket", "Subprotocols (server preference)", "Sec-WebSocket-Protocol values the server supports, most preferred first.", func(c *Config) *[]string { return &c.WebSocket.Subprotocols })
	_ = defineBool("pmd", "WebSocket", "permessage-deflate", "The server supports the permessage-deflate extension (RFC 7692).", func(c *Config) *bool { return &c.WebSocket.Deflate })
)

// websocketGUID is the globally unique identifier of RFC 6455 §1.3.
const websocketGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

// AcceptKey computes Sec-WebSocket-Accept for a key as received (RFC 6455
// §4.2.2): base64( SHA-1( key + GUID ) ). The key is not decoded.
func AcceptKey(key string) string {
	sum := sha1.Sum([]byte(key + websocketGUID))
	return base64.StdEncoding.EncodeToString(sum[:])
}

var websocketHandler = addHandler(&handler{
	name:      "websocket",
	match:     func(o offer) bool { return equalFold(o.Name, "websocket") },
	negotiate: negotiateWebSocket,
	advertise: func(c *Config) string {
		if c.WebSocket.Enabled {
			return "websocket"
		}
		return ""
	},
})

func negotiateWebSocket(n *negotiation, o offer) *verdict {
	r := n.req
	n.t.stage = "websocket"
	defer func() { n.t.stage = "upgrade" }()
	if !n.cfg.WebSocket.Enabled {
		n.t.skip("the server accepts WebSocket", o.Span, noteWSDisabled)
		return nil
	}
	if o.Version != "" {
		n.t.note(o.Span, noteWSTokenVersion, v("element", o.String()))
	}
	var bad *verdict
	fail := func(check string, sp Span, note *Note, vars ...Var) {
		n.t.fail(check, sp, note, vars...)
		if bad == nil {
			resp := errorResponse(note, vars, r)
			if note.Status == 405 {
				resp.Set("Allow", "GET")
			}
			bad = &verdict{reject: resp}
		}
	}
	// §4.2.1 item 1: an HTTP/1.1 or higher GET request.
	if r.Method != "GET" {
		fail("the method is GET", r.MethodSpan, noteWSMethod, v("method", r.Method))
	} else {
		n.t.pass("the method is GET", r.MethodSpan, nil)
	}
	// item 5: Sec-WebSocket-Key, base64 of 16 bytes, exactly once (§11.3.1).
	keys := r.Values("Sec-WebSocket-Key")
	key := ""
	switch {
	case len(keys) == 0:
		fail("Sec-WebSocket-Key is present", Span{}, noteWSKeyMissing)
	case len(keys) > 1:
		fail("Sec-WebSocket-Key appears once", keys[1].Span, noteWSKeyDuplicate)
	default:
		key = keys[0].Value
		if b, err := base64.StdEncoding.DecodeString(key); err != nil || len(b) != 16 {
			fail("Sec-WebSocket-Key is base64 of 16 bytes", keys[0].ValueSpan, noteWSKeyInvalid, v("key", key))
		} else {
			n.t.pass("Sec-WebSocket-Key is base64 of 16 bytes", keys[0].ValueSpan, nil)
		}
	}
	// item 6: Sec-WebSocket-Version 13.
	vers := r.Values("Sec-WebSocket-Version")
	switch {
	case len(vers) == 0:
		fail("Sec-WebSocket-Version is present", Span{}, noteWSVersionMissing)
	case len(vers) > 1 || vers[0].Value != "13":
		n.t.fail("Sec-WebSocket-Version is 13", vers[0].ValueSpan, noteWSVersionUnsupported, v("version", vers[0].Value))
		if bad == nil {
			resp := errorResponse(noteWSVersionUnsupported, []Var{v("version", vers[0].Value)}, r)
			resp.Headers = append([]Header{{"Sec-WebSocket-Version", "13"}}, resp.Headers...)
			bad = &verdict{reject: resp}
		}
	default:
		n.t.pass("Sec-WebSocket-Version is 13", vers[0].ValueSpan, nil)
	}
	if bad != nil {
		return bad
	}
	accept := AcceptKey(key)
	n.t.pass("Sec-WebSocket-Accept is computed from the key", keys[0].ValueSpan, noteWSAccept, v("key", key), v("accept", accept))
	out := &verdict{accept: true, upgrade: "websocket", headers: []Header{{"Sec-WebSocket-Accept", accept}}}
	if p := selectSubprotocol(n); p != "" {
		out.headers = append(out.headers, Header{"Sec-WebSocket-Protocol", p})
	}
	if ext := negotiateDeflate(n); ext != "" {
		out.headers = append(out.headers, Header{"Sec-WebSocket-Extensions", ext})
	}
	return out
}

// selectSubprotocol picks the server's most preferred subprotocol among the
// client's offers (RFC 6455 §4.2.2 /subprotocol/), or none.
func selectSubprotocol(n *negotiation) string {
	offered := n.req.List("Sec-WebSocket-Protocol")
	if len(offered) == 0 {
		return ""
	}
	for _, want := range n.cfg.WebSocket.Subprotocols {
		for _, e := range offered {
			if e.Value == want {
				n.t.pass("one offered subprotocol is chosen", e.Span, noteWSSubprotocolChosen, v("protocol", want))
				return want
			}
		}
	}
	n.t.skip("one offered subprotocol is chosen", n.req.fieldSpan("Sec-WebSocket-Protocol"), noteWSSubprotocolNone)
	return ""
}

// negotiateDeflate accepts the first acceptable permessage-deflate offer
// (RFC 7692 §5, §7).
func negotiateDeflate(n *negotiation) string {
	if !n.cfg.WebSocket.Deflate {
		return ""
	}
	for _, e := range n.req.List("Sec-WebSocket-Extensions") {
		name, params, perr := splitParams(e)
		if perr != nil || !equalFold(name, "permessage-deflate") {
			continue
		}
		resp := "permessage-deflate"
		ok := true
		for _, p := range params {
			switch lower(p.Name) {
			case "server_no_context_takeover", "client_no_context_takeover":
				if p.HasValue {
					ok = false
				}
				resp += "; " + lower(p.Name)
			case "server_max_window_bits", "client_max_window_bits":
				if p.HasValue {
					if len(p.Value) > 2 || len(p.Value) == 0 || p.Value[0] == '0' || !isDigit(p.Value[0]) || len(p.Value) == 2 && !isDigit(p.Value[1]) {
						ok = false
						break
					}
					w := int(p.Value[0] - '0')
					if len(p.Value) == 2 {
						w = w*10 + int(p.Value[1]-'0')
					}
					if w < 8 || w > 15 {
						ok = false
					}
					resp += "; " + lower(p.Name) + "=" + p.Value
				} else if lower(p.Name) == "server_max_window_bits" {
					ok = false
				}
			default:
				ok = false
			}
		}
		if ok {
			n.t.pass("a permessage-deflate offer is accepted", e.Span, noteWSDeflateAccepted, v("response", resp))
			return resp
		}
		n.t.skip("a permessage-deflate offer is accepted", e.Span, noteWSDeflateDeclined, v("offer", e.Value))
	}
	return ""
}
