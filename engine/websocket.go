package engine

import (
	"encoding/base64"
	"errors"
	"strconv"

	"github.com/upgrade-playground/playground/engine/internal/sha1"
)

// The WebSocket opening handshake, server side (RFC 6455 §4.2.1, §4.2.2,
// §4.4, §11.3). The checks run in the order of §4.2.1; every problem is
// recorded, and the first one decides the error response. The key and
// version rules are in websocket_key.go, Origin in websocket_origin.go,
// subprotocols in websocket_subprotocol.go, extensions in
// websocket_deflate.go and the frames after the 101 in websocket_frames.go.

// WebSocketConfig is the WebSocket part of the server.
type WebSocketConfig struct {
	// Enabled makes the server accept WebSocket upgrades.
	Enabled bool
	// Only makes every request-target a WebSocket-only endpoint: a request
	// that does not ask for WebSocket gets "426" (coder, python-websockets)
	// or "400" (gorilla v1.5.3, Node ws, gobwas, wsproto); "" is off.
	Only string
	// Subprotocols the server supports, in its order of preference.
	Subprotocols []string
	// MethodStatus is the answer to a non-GET handshake: "405" (with
	// Allow: GET; gorilla, coder, python-websockets) or "400" (wsproto).
	MethodStatus string
	// VersionStatus is the answer to an unsupported Sec-WebSocket-Version:
	// "400" (the RFC 6455 §4.4 example, gorilla, coder) or "426" (gobwas,
	// wsproto; the §4.2.2 suggestion).
	VersionStatus string
	// Key is "lenient" (accept base64 with non-zero padding bits, like Go's
	// and Python's decoders) or "strict" (canonical base64 only).
	Key string
	// Origin is the Origin policy: "any", "same-origin" or "allow-list".
	Origin string
	// Origins is the allow-list, serialized origins such as https://a.example.
	Origins []string
	// OriginHostOnly makes the same-origin policy compare only the
	// Origin's host[:port] with the request's authority, ASCII
	// case-insensitively, not the origin triple of RFC 6454 §5 (scheme,
	// host, port with the scheme's default): what gorilla/websocket's
	// checkSameOrigin and coder/websocket's authenticateOrigin do. Only
	// profiles set it.
	OriginHostOnly bool
	// Deflate enables permessage-deflate (RFC 7692); see websocket_deflate.go.
	Deflate DeflateConfig
	// EarlyData is what the server does when bytes follow the handshake's
	// header section before its 101 (a body, or frames sent early): ""
	// switches and reads them in the new protocol (RFC 9110 §7.8), "close"
	// closes the connection without any response (gorilla/websocket). It
	// is a library's behaviour, set by profiles, not a Setting.
	EarlyData string
}

func defaultWebSocketConfig() WebSocketConfig {
	return WebSocketConfig{
		Enabled:       true,
		Subprotocols:  []string{"chat", "superchat"},
		MethodStatus:  "405",
		VersionStatus: "400",
		Key:           "lenient",
		Origin:        "any",
		Deflate:       defaultDeflateConfig(),
	}
}

// websocketSettings are the settings of this file, in the order the Server pane
// lists them (see Settings).
var websocketSettings = []*Setting{
	{Key: "ws", Group: "WebSocket", Label: "Accept WebSocket", Help: "ws=1 (default): the server accepts WebSocket version 13 on every request-target; ws=0 ignores WebSocket offers.", Kind: "bool", flag: func(c *Config) *bool { return &c.WebSocket.Enabled }},
	{Key: "wsonly", Group: "WebSocket", Label: "WebSocket-only endpoint", Kind: "choice", Choices: []string{"0", "426", "400"},
		Help: "wsonly=426 (or 1) answers any request that does not ask for WebSocket with 426 + Upgrade: websocket (coder, python-websockets); wsonly=400 answers 400 (gorilla v1.5.3, Node ws, gobwas, wsproto); default 0 answers it normally (RFC 9110 §7.8: Upgrade cannot insist).",
		get: func(c *Config) string {
			if c.WebSocket.Only == "" {
				return "0"
			}
			return c.WebSocket.Only
		},
		set: func(c *Config, val string) error {
			switch val {
			case "0", "":
				c.WebSocket.Only = ""
			case "1", "426":
				c.WebSocket.Only = "426"
			case "400":
				c.WebSocket.Only = "400"
			default:
				return errors.New("expected 0, 426 (or 1) or 400")
			}
			return nil
		}},
	{Key: "wsproto", Group: "WebSocket", Label: "Subprotocols (server preference)", Help: "wsproto=chat,superchat (default): the Sec-WebSocket-Protocol values the server supports, most preferred first; empty for none.", Kind: "list", list: func(c *Config) *[]string { return &c.WebSocket.Subprotocols }},
	{Key: "wsmethod", Group: "WebSocket", Label: "Non-GET handshake", Help: "wsmethod=405 (default) answers 405 with Allow: GET (gorilla, coder, python-websockets); 400 is what wsproto sends (RFC 6455 §4.2.1 asks only for an error).", Kind: "choice", Choices: []string{"405", "400"}, choice: func(c *Config) *string { return &c.WebSocket.MethodStatus }},
	{Key: "wsversion", Group: "WebSocket", Label: "Unsupported Sec-WebSocket-Version", Help: "wsversion=400 (default, the RFC 6455 §4.4 example, gorilla, coder) or 426 (gobwas, wsproto; §4.2.2's 'such as 426'); both carry Sec-WebSocket-Version: 13, and the 426 also Upgrade: websocket.", Kind: "choice", Choices: []string{"400", "426"}, choice: func(c *Config) *string { return &c.WebSocket.VersionStatus }},
	{Key: "wskey", Group: "WebSocket", Label: "Sec-WebSocket-Key base64", Help: "wskey=lenient (default) accepts non-zero padding bits such as RFC 6455's own AQIDBAUGBwgJCgsMDQ4PEC== (gorilla, coder, ws, python-websockets); strict requires canonical base64 (erratum 3150).", Kind: "choice", Choices: []string{"lenient", "strict"}, choice: func(c *Config) *string { return &c.WebSocket.Key }},
}

// websocketGUID is the globally unique identifier of RFC 6455 §1.3.
const websocketGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

// AcceptKey computes Sec-WebSocket-Accept for a key as received (RFC 6455
// §4.2.2): base64( SHA-1( key + GUID ) ). The key is not decoded.
func AcceptKey(key string) string {
	_, _, accept := acceptSteps(key)
	return accept
}

// acceptSteps computes Sec-WebSocket-Accept with the steps the trace shows:
// the key and the GUID concatenated, the SHA-1 of that in hex, and the
// base64 of the SHA-1.
func acceptSteps(key string) (concat, sha1Hex, accept string) {
	concat = key + websocketGUID
	sum := sha1.Sum([]byte(concat))
	return concat, hexString(sum[:]), base64.StdEncoding.EncodeToString(sum[:])
}

// websocketHandler negotiates the websocket token (one of protocolHandlers).
var websocketHandler = &handler{
	name:      "websocket",
	match:     func(o offer) bool { return equalFold(o.Name, "websocket") },
	negotiate: negotiateWebSocket,
	advertise: func(c *Config) string {
		if c.WebSocket.Enabled {
			return "websocket"
		}
		return ""
	},
	requires: func(c *Config) string {
		if c.WebSocket.Enabled && c.WebSocket.Only != "" {
			return "websocket"
		}
		return ""
	},
	required: func(n *negotiation) *verdict {
		if !n.cfg.WebSocket.Enabled || n.cfg.WebSocket.Only == "" {
			return nil
		}
		const check = "the request asks for WebSocket (this is a WebSocket-only endpoint)"
		if n.cfg.WebSocket.Only == "400" {
			step := n.t.refuse(check, n.req.LineSpan, noteWSOnly400)
			return refusal(errorResponse(noteWSOnly400, nil, n.req), step)
		}
		step := n.t.refuse(check, n.req.LineSpan, noteWSOnly)
		return refusal(n.upgradeRequired("websocket", "this resource is served only over websocket"), step)
	},
}

// wsCheck collects the checks of one handshake: the first failure builds the
// error response, later ones are only recorded.
type wsCheck struct {
	n    *negotiation
	bad  *Response // the error response, or nil
	step int       // the trace index of the failure that made bad
}

// fail records a failed check. It returns the error response when this is
// the first failure, so that the caller can add fields, else a scratch one.
func (c *wsCheck) fail(check string, sp Span, note *Note, vars ...Var) *Response {
	// A profile's library may not make the check (the trace says so), or
	// make its checks in another order: the first in its order decides.
	if p := c.n.prof; p.tolerates(note) || c.bad != nil && p.rank(note) >= p.rank(c.n.t.steps[c.step].Note) {
		c.n.t.fail(check, sp, note, vars...)
		return &Response{}
	} else if c.bad != nil {
		c.bad = nil // this check comes first in the library's order
	}
	if c.bad != nil {
		c.n.t.fail(check, sp, note, vars...)
		return &Response{}
	}
	c.step = c.n.t.refuse(check, sp, note, vars...)
	c.bad = errorResponse(note, vars, c.n.req)
	return c.bad
}

func negotiateWebSocket(n *negotiation, o offer) *verdict {
	r := n.req
	n.t.stage = StageWebSocket
	defer func() { n.t.stage = StageUpgrade }()
	if !n.cfg.WebSocket.Enabled {
		n.t.skip("the server accepts WebSocket", o.Span, noteWSDisabled)
		return nil
	}
	if o.Version != "" {
		n.t.note(o.Span, noteWSTokenVersion, Var{"element", o.String()})
	}
	if len(n.offers) > 1 {
		n.t.note(r.fieldSpan("Upgrade"), noteWSUpgradeList, Var{"offers", joinOffers(n.offers)})
	}
	c := &wsCheck{n: n}
	// §4.2.1 item 1: an HTTP/1.1 or higher GET request (the generic stage has
	// already ignored Upgrade in HTTP/1.0, RFC 9110 §7.8).
	n.t.pass("the request is HTTP/1.1 or later", r.VersionSpan, nil)
	switch {
	case r.Method == "GET":
		n.t.pass("the method is GET", r.MethodSpan, nil)
	case n.cfg.WebSocket.MethodStatus == "400":
		c.fail("the method is GET", r.MethodSpan, noteWSMethod400, Var{"method", r.Method})
	default:
		c.fail("the method is GET", r.MethodSpan, noteWSMethod, Var{"method", r.Method}).Set("Allow", "GET")
	}
	if len(r.Body) > 0 {
		n.t.note(r.BodySpan, noteWSBody, Var{"count", strconv.Itoa(len(r.Body))})
	}
	// item 2: Host (the parser has required exactly one valid Host).
	if hs := r.Values("Host"); len(hs) == 1 {
		n.t.pass("Host names the server's authority", hs[0].ValueSpan, noteWSHost, Var{"host", hs[0].Value})
	}
	// items 3 and 4 (Upgrade, Connection) were checked by the generic stage.
	n.t.pass("Upgrade includes websocket and Connection includes upgrade", o.Span, nil)
	key, keySpan := checkKey(c)
	checkVersion(c)
	checkOrigin(c)
	protocols := checkSubprotocols(c)
	exts := parseExtensions(c)
	if c.bad != nil {
		if r.Method == "HEAD" {
			c.bad.Body = nil // a response to HEAD has no content (RFC 9110 §9.3.2)
		}
		return refusal(c.bad, c.step)
	}
	if n.cfg.WebSocket.EarlyData == "close" && len(r.Raw) > r.HeaderEnd {
		sp := Span{r.HeaderEnd, len(r.Raw)}
		n.t.fail("no bytes follow the header section before the 101", sp, noteWSEarlyClose,
			n.prof.vars(Var{"count", strconv.Itoa(len(r.Raw) - r.HeaderEnd)})...)
		return &verdict{closes: true}
	}
	concat, sha1Hex, accept := acceptSteps(key)
	n.t.pass("Sec-WebSocket-Accept is computed from the key", keySpan, noteWSAccept,
		Var{"key", key}, Var{"concat", concat}, Var{"sha1", sha1Hex}, Var{"accept", accept})
	out := &verdict{accept: true, upgrade: "websocket", after: websocketAfter}
	out.headers = append(out.headers, Header{"Sec-WebSocket-Accept", accept})
	if p := selectSubprotocol(n, protocols); p != "" {
		out.headers = append(out.headers, Header{"Sec-WebSocket-Protocol", p})
	}
	ext := negotiateExtensions(n, exts)
	if ext != "" {
		out.headers = append(out.headers, Header{"Sec-WebSocket-Extensions", ext})
	}
	return out
}

// websocketAfter decodes the client's bytes after the request as WebSocket
// frames, with the extension the 101 accepted.
func websocketAfter(n *negotiation) []Part {
	return decodeClientFrames(n, n.res.Final.Get("Sec-WebSocket-Extensions"))
}

// joinOffers writes the Upgrade offers as a list.
func joinOffers(offers []offer) string {
	s := ""
	for i, o := range offers {
		if i > 0 {
			s += ", "
		}
		s += o.String()
	}
	return s
}
