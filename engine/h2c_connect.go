package engine

import "strings"

// WebSockets over HTTP/2 and HTTP/3 (RFC 8441, RFC 9220): the extended
// CONNECT equivalent of an HTTP/1.1 WebSocket request, shown beside the
// answer. Nothing here changes the response.

// websocketElsewhere adds the trace step that says how the request's
// WebSocket handshake looks on HTTP/2 and HTTP/3, when the request offers
// websocket. The frames themselves are built on demand by
// Result.Elsewhere: they cost as much as the rest of Negotiate, and the page
// shows them only in a closed section.
func websocketElsewhere(n *negotiation) {
	if !offersWebSocket(n.req) {
		return
	}
	saved := n.t.stage
	n.t.stage = StageH2
	n.t.note(n.req.fieldSpan("Upgrade"), noteMythWebSocketH2, elsewhereVars(n.res)...)
	n.t.stage = saved
}

func offersWebSocket(r *Request) bool {
	return r != nil && r.HeaderEnd >= 0 && r.Major == 1 && r.HasToken("Upgrade", "websocket")
}

// elsewhereVars fills myth-websocket-h2's {answer} from what this exchange
// got, so that the note never speaks of a refusal under a 101 or a 200.
func elsewhereVars(res *Result) []Var {
	answer := "the server accepts it with :status 200 or refuses it with an error status"
	switch {
	case res.Switched == "websocket" && res.Final != nil:
		answer = "the server would answer :status 200 instead of 101"
	case res.Final != nil && res.Final.Status >= 400:
		answer = "the server would refuse with its error status, as here"
	}
	return []Var{{"answer", answer}}
}

// HasElsewhere reports whether Elsewhere returns any parts, without
// building them (the page builds them only when they are shown).
func (res *Result) HasElsewhere() bool { return offersWebSocket(res.Request) }

// Elsewhere returns the request's WebSocket handshake as it would look on
// HTTP/2 (RFC 8441) and HTTP/3 (RFC 9220): parts marked "(equivalent)",
// which are not sent on this connection. It returns nil when the request
// does not offer websocket.
func (res *Result) Elsewhere() []Part {
	r := res.Request
	if !offersWebSocket(r) {
		return nil
	}
	fields := extendedConnectFields(r)
	var resp []Header
	if res.Switched == "websocket" && res.Final != nil {
		resp = []Header{{":status", "200"}}
		for _, h := range res.Final.Headers {
			if equalFold(h.Name, "Sec-WebSocket-Protocol") || equalFold(h.Name, "Sec-WebSocket-Extensions") {
				resp = append(resp, Header{lower(h.Name), h.Value})
			}
		}
	}
	vars := elsewhereVars(res)
	const proto = "h2 (equivalent)"
	srv := settingsFrame([]h2Setting{{h2EnableConnect, 1}}).part("server", proto, "SETTINGS frame: SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 lets the client use extended CONNECT")
	hf, how := headersFrame(1, fields, false)
	req := hf.part("client", proto, "HEADERS frame: the same request as an extended CONNECT on stream 1 (RFC 8441)")
	req.Note, req.Vars = noteMythWebSocketH2, vars
	req.Fields = append(req.Fields[:4], how...)
	out := []Part{srv, req}
	if resp != nil {
		rf, rhow := headersFrame(1, resp, false)
		p := rf.part("server", proto, "HEADERS frame: 200 accepts; DATA frames on stream 1 then carry the WebSocket frames")
		p.Fields = append(p.Fields[:4], rhow...)
		out = append(out, p)
	}
	h3 := make([]Var, 0, len(fields)+2)
	h3 = append(h3, Var{"SETTINGS_ENABLE_CONNECT_PROTOCOL (0x08)", "1, in the server's HTTP/3 SETTINGS frame"})
	for _, h := range fields {
		h3 = append(h3, Var{h.Name, h.Value})
	}
	if resp != nil {
		h3 = append(h3, Var{"response", ":status 200"})
	}
	return append(out, Part{From: "client", Proto: "h3 (equivalent)", Title: "the same request on HTTP/3 (RFC 9220): the same fields, QPACK-coded on a request stream (not generated)", Fields: h3})
}

// extendedConnectFields translates the request (RFC 8441 §4, §5): the method
// becomes CONNECT with :protocol websocket; Host becomes :authority;
// Connection, Upgrade and Sec-WebSocket-Key are dropped (so is every other
// connection-specific field, RFC 9113 §8.2.2); the other fields are kept,
// with lower-case names (RFC 9113 §8.2.1).
func extendedConnectFields(r *Request) []Header {
	path := r.Target
	if r.TargetForm == "absolute" {
		path = "/"
		if i := strings.IndexByte(r.Target[strings.IndexByte(r.Target, ':')+3:], '/'); i >= 0 {
			path = r.Target[strings.IndexByte(r.Target, ':')+3+i:]
		}
	}
	authority := ""
	if hs := r.Values("Host"); len(hs) > 0 {
		authority = hs[0].Value
	}
	out := make([]Header, 0, 5+len(r.Fields))
	out = append(out, Header{":method", "CONNECT"}, Header{":protocol", "websocket"}, Header{":scheme", "http"}, Header{":path", path}, Header{":authority", authority})
	for i := range r.Fields {
		f := &r.Fields[i]
		if equalFold(f.Name, "Host") || equalFold(f.Name, "Sec-WebSocket-Key") || equalFold(f.Name, "HTTP2-Settings") || isConnectionSpecific(f.Name) {
			continue
		}
		out = append(out, Header{lower(f.Name), f.Value})
	}
	return out
}
