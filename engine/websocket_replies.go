package engine

import "strconv"

// The server's side after the 101 (RFC 6455 §5.1, §5.5, §7.1.7, §7.4): what
// it sends in answer to the client frames decoded in websocket_frames.go.
// Server frames are never masked.

// closeMeanings names the status codes the server sends (§7.4.1), sorted.
var closeMeanings = []named[int]{{1000, "normal closure"}, {1001, "going away"}, {1002, "protocol error"}, {1007, "invalid frame payload data"}}

// closeMeaning names a status code the server sends.
func closeMeaning(code int) string {
	name, _ := lookupName(closeMeanings, code)
	return name
}

// serverFrame is one unmasked server frame with at most 125 bytes of payload
// (every frame the server sends here is a control frame).
func serverFrame(op byte, payload []byte, title string) Part {
	b := append([]byte{0x80 | op, byte(len(payload))}, payload...)
	fields := []Var{{"FIN", "1"}, {"RSV1", "0"}, {"RSV2", "0"}, {"RSV3", "0"},
		{"opcode", hexByte(op) + " (" + opcodeName(op) + ")"}, {"MASK", "0"},
		{"payload length", strconv.Itoa(len(payload)) + " (7-bit form)"}}
	if op == 8 && len(payload) >= 2 {
		code := int(payload[0])<<8 | int(payload[1])
		fields = append(fields, Var{"status code", strconv.Itoa(code) + " (" + closeMeaning(code) + ")"})
	} else {
		fields = append(fields, payloadField(payload, true))
	}
	return Part{From: "server", Proto: "websocket", Title: title, Bytes: b, Fields: fields, Note: noteWSServerFrame, Vars: []Var{{"opcode", opcodeName(op)}}}
}

// closePayload is a close frame's body with a status code and no reason.
func closePayload(code int) []byte { return []byte{byte(code >> 8), byte(code)} }

// reply appends what the server sends after the client frame f, and reports
// whether the connection ends there (a close, or a failure, §7.1.7).
func (fr *frameReader) reply(f wsFrame, sp Span, parts []Part) ([]Part, bool) {
	switch {
	case fr.failCode != 0:
		code := fr.failCode
		fr.n.t.note(sp, noteWSServerFails, Var{"code", strconv.Itoa(code)}, Var{"meaning", closeMeaning(code)})
		return append(parts, serverFrame(8, closePayload(code), "close frame "+strconv.Itoa(code)+": the server fails the connection")), true
	case f.opcode == 9:
		return append(parts, serverFrame(10, f.payload, "pong frame: the answer to the ping")), false
	case f.opcode == 8:
		body := []byte(nil)
		if len(f.payload) >= 2 {
			body = f.payload[:2] // echo the status code (§5.5.1)
		}
		return append(parts, serverFrame(8, body, "close frame: the server answers the close and closes the connection")), true
	}
	return parts, false
}
