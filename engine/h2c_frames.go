package engine

import "strconv"

// HTTP/2 frames (RFC 9113 §4.1, §6): building the frames the server sends
// after the switch, reading the frames a client sent, and describing both
// field by field for the after-the-switch pane.

// h2Preface is the client connection preface (RFC 9113 §3.4).
const h2Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"

// Frame types (RFC 9113 §6).
const (
	h2Data         = 0x0
	h2Headers      = 0x1
	h2Settings     = 0x4
	h2Ping         = 0x6
	h2GoAway       = 0x7
	h2WindowUpdate = 0x8
)

var h2FrameNames = [...]string{"DATA", "HEADERS", "PRIORITY", "RST_STREAM", "SETTINGS", "PUSH_PROMISE", "PING", "GOAWAY", "WINDOW_UPDATE", "CONTINUATION"}

// Error codes (RFC 9113 §7).
const (
	h2ProtocolError    = 0x1
	h2FlowControlError = 0x3
	h2FrameSizeError   = 0x6
)

var h2ErrorNames = [...]string{"NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT", "STREAM_CLOSED", "FRAME_SIZE_ERROR", "REFUSED_STREAM", "CANCEL", "COMPRESSION_ERROR", "CONNECT_ERROR", "ENHANCE_YOUR_CALM", "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED"}

func h2ErrorName(code uint32) string {
	if int(code) < len(h2ErrorNames) {
		return h2ErrorNames[code]
	}
	return "unknown error 0x" + strconv.FormatUint(uint64(uint16(code)), 16)
}

// Frame flags (RFC 9113 §6.1, §6.2, §6.5).
const (
	h2FlagEndStream  = 0x1
	h2FlagAck        = 0x1
	h2FlagEndHeaders = 0x4
)

// An h2Frame is one HTTP/2 frame: a 9-octet header and a payload.
type h2Frame struct {
	Type, Flags byte
	Stream      uint32
	Payload     []byte
}

// bytes returns the frame as it goes on the wire (RFC 9113 §4.1):
// Length (24), Type (8), Flags (8), R (1) + Stream Identifier (31), payload.
func (f h2Frame) bytes() []byte {
	n := len(f.Payload)
	b := make([]byte, 0, 9+n)
	b = append(b, byte(n>>16), byte(n>>8), byte(n), f.Type, f.Flags,
		byte(f.Stream>>24)&0x7f, byte(f.Stream>>16), byte(f.Stream>>8), byte(f.Stream))
	return append(b, f.Payload...)
}

// parseH2Frame reads one frame from the start of b. It returns the number of
// bytes used, or ok false when b holds less than a whole frame.
func parseH2Frame(b []byte) (f h2Frame, n int, ok bool) {
	if len(b) < 9 {
		return f, 0, false
	}
	length := int(b[0])<<16 | int(b[1])<<8 | int(b[2])
	if len(b) < 9+length {
		return f, 0, false
	}
	f = h2Frame{Type: b[3], Flags: b[4], Stream: uint32(b[5]&0x7f)<<24 | uint32(b[6])<<16 | uint32(b[7])<<8 | uint32(b[8]), Payload: b[9 : 9+length]}
	return f, 9 + length, true
}

func (f h2Frame) typeName() string {
	if int(f.Type) < len(h2FrameNames) {
		return h2FrameNames[f.Type]
	}
	return "unknown type 0x" + strconv.FormatUint(uint64(f.Type), 16)
}

// flagNames spells the flags the frame's type defines.
func (f h2Frame) flagNames() string {
	s := ""
	add := func(bit byte, name string) {
		if f.Flags&bit != 0 {
			if s != "" {
				s += "|"
			}
			s += name
		}
	}
	switch f.Type {
	case h2Data:
		add(h2FlagEndStream, "END_STREAM")
		add(0x8, "PADDED")
	case h2Headers:
		add(h2FlagEndStream, "END_STREAM")
		add(h2FlagEndHeaders, "END_HEADERS")
		add(0x8, "PADDED")
		add(0x20, "PRIORITY")
	case 0x9: // CONTINUATION
		add(h2FlagEndHeaders, "END_HEADERS")
	case h2Settings, h2Ping:
		add(h2FlagAck, "ACK")
	}
	if s == "" {
		s = "none"
	}
	return "0x" + strconv.FormatUint(uint64(f.Flags), 16) + " (" + s + ")"
}

// fields describes the frame header, then the payload, for a Part.
func (f h2Frame) fields() []Var {
	out := []Var{
		{"length", strconv.Itoa(len(f.Payload))},
		{"type", "0x" + strconv.FormatUint(uint64(f.Type), 16) + " (" + f.typeName() + ")"},
		{"flags", f.flagNames()},
		{"stream", strconv.Itoa(int(f.Stream))},
	}
	p := f.Payload
	switch f.Type {
	case h2Settings:
		list, extra := parseH2Settings(p)
		out = append(out, settingsVars(list)...)
		if extra > 0 {
			out = append(out, Var{"trailing bytes", strconv.Itoa(extra) + " (not a whole setting: FRAME_SIZE_ERROR)"})
		}
	case h2WindowUpdate:
		if len(p) == 4 {
			out = append(out, Var{"window size increment", strconv.Itoa(int(be32(p) & 0x7fffffff))})
		}
	case h2GoAway:
		if len(p) >= 8 {
			out = append(out, Var{"last stream", strconv.Itoa(int(be32(p) & 0x7fffffff))}, Var{"error code", h2ErrorName(be32(p[4:]))}, Var{"debug data", string(p[8:])})
		}
	case h2Data:
		out = append(out, Var{"data", string(p)})
	case h2Ping:
		out = append(out, Var{"opaque data", hexString(p)})
	default:
		out = append(out, Var{"payload", strconv.Itoa(len(p)) + " bytes"})
	}
	return out
}

// part makes the pane entry for a frame.
func (f h2Frame) part(from, proto, title string) Part {
	return Part{From: from, Proto: proto, Title: title, Bytes: f.bytes(), Fields: f.fields()}
}

func settingsFrame(list []h2Setting) h2Frame {
	return h2Frame{Type: h2Settings, Payload: appendH2Settings(nil, list)}
}

func settingsAck() h2Frame { return h2Frame{Type: h2Settings, Flags: h2FlagAck} }

func windowUpdateFrame(stream, inc uint32) h2Frame {
	return h2Frame{Type: h2WindowUpdate, Stream: stream, Payload: appendBE32(nil, inc)}
}

func goAwayFrame(last, code uint32, debug string) h2Frame {
	p := appendBE32(appendBE32(nil, last), code)
	return h2Frame{Type: h2GoAway, Payload: append(p, debug...)}
}

// headersFrame encodes the fields with HPACK into one HEADERS frame with
// END_HEADERS; the part lists each field and how it was coded.
func headersFrame(stream uint32, fields []Header, endStream bool) (h2Frame, []Var) {
	size := 0
	for _, h := range fields {
		size += len(h.Name) + len(h.Value) + 4
	}
	block := make([]byte, 0, size)
	how := make([]Var, 0, len(fields))
	for _, h := range fields {
		var c string
		block, c = hpackAppendField(block, h.Name, h.Value)
		how = append(how, Var{h.Name, h.Value + "   [" + c + "]"})
	}
	f := h2Frame{Type: h2Headers, Flags: h2FlagEndHeaders, Stream: stream, Payload: block}
	if endStream {
		f.Flags |= h2FlagEndStream
	}
	return f, how
}

func be32(b []byte) uint32 {
	return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
}

func appendBE32(b []byte, n uint32) []byte {
	return append(b, byte(n>>24), byte(n>>16), byte(n>>8), byte(n))
}
