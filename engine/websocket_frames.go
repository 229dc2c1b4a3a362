package engine

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/upgrade-playground/playground/engine/internal/inflate"
)

// Client frames after the 101 (RFC 6455 §5.2, §5.4, §5.5, §7.4; RFC 7692
// §6). Bytes that follow the handshake in the input are what the server
// reads next, and after a 101 it reads them as frames:
//
//	 0                   1                   2                   3
//	+-+-+-+-+-------+-+-------------+-------------------------------+
//	|F|R|R|R| opcode|M| Payload len |    Extended payload length    |
//	|I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
//	|N|V|V|V|       |S|             |   (if payload len==126/127)   |
//	| |1|2|3|       |K|             |                               |
//	+-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
//	|     Masking-key (0 or 4 bytes), then the payload              |

// maxFrames bounds how many frames are decoded from one input.
const maxFrames = 64

// A wsFrame is one decoded frame.
type wsFrame struct {
	fin, rsv1, rsv2, rsv3, masked bool
	opcode                        byte
	lenForm                       int // 7, 16 or 64 bits
	length                        uint64
	key                           [4]byte
	payload                       []byte // unmasked
}

// parseFrame decodes the frame at the start of b. It returns the frame and
// its size, or need > 0: how many more bytes the frame needs at least.
func parseFrame(b []byte) (f wsFrame, size int, need uint64) {
	if len(b) < 2 {
		return f, 0, uint64(2 - len(b))
	}
	f.fin, f.rsv1, f.rsv2, f.rsv3 = b[0]&0x80 != 0, b[0]&0x40 != 0, b[0]&0x20 != 0, b[0]&0x10 != 0
	f.opcode = b[0] & 0x0f
	f.masked = b[1]&0x80 != 0
	h := 2
	switch l := b[1] & 0x7f; l {
	case 126:
		f.lenForm = 16
		if len(b) < 4 {
			return f, 0, uint64(4 - len(b))
		}
		f.length = uint64(b[2])<<8 | uint64(b[3])
		h = 4
	case 127:
		f.lenForm = 64
		if len(b) < 10 {
			return f, 0, uint64(10 - len(b))
		}
		for i := 2; i < 10; i++ {
			f.length = f.length<<8 | uint64(b[i])
		}
		h = 10
	default:
		f.lenForm = 7
		f.length = uint64(l)
	}
	if f.masked {
		if len(b) < h+4 {
			return f, 0, uint64(h + 4 - len(b))
		}
		copy(f.key[:], b[h:h+4])
		h += 4
	}
	if f.length > uint64(len(b)-h) {
		return f, 0, f.length - uint64(len(b)-h)
	}
	size = h + int(f.length)
	f.payload = make([]byte, f.length)
	copy(f.payload, b[h:size])
	if f.masked {
		for i := range f.payload {
			f.payload[i] ^= f.key[i&3]
		}
	}
	return f, size, 0
}

var opcodeNames = [16]string{0: "continuation", 1: "text", 2: "binary", 8: "close", 9: "ping", 10: "pong"}

func opcodeName(op byte) string {
	if s := opcodeNames[op]; s != "" {
		return s
	}
	return "reserved"
}

// frameReader carries the state between frames: a fragmented message in
// progress, and whether permessage-deflate was negotiated.
type frameReader struct {
	n          *negotiation
	deflate    bool
	noContext  bool   // client_no_context_takeover was agreed
	inMessage  bool   // a fragmented data message is in progress
	text       bool   // it is a text message
	compressed bool   // its first frame had RSV1 (RFC 7692 §6)
	textBuf    []byte // the text message so far, for the UTF-8 check
	deflated   []byte // the compressed message so far
	history    []byte // the client's LZ77 window: the last 32 KiB it sent
	inflatedN  int    // bytes inflated so far, bounded by maxInflate
	failCode   int    // the close code of the first violation, or 0
}

// maxInflate bounds how much the decoder inflates from one input (a small
// compressed input can inflate to a great deal: a "zip bomb").
const maxInflate = 1 << 18

// decodeClientFrames decodes the bytes after the handshake as client frames;
// ext is the 101's Sec-WebSocket-Extensions ("" when none was agreed).
func decodeClientFrames(n *negotiation, ext string) []Part {
	rest := n.req.Rest()
	if len(rest) == 0 {
		return nil
	}
	base := n.req.After
	n.t.note(Span{base, base + len(rest)}, noteWSEarlyData, Var{"count", strconv.Itoa(len(rest))})
	fr := &frameReader{n: n, deflate: ext != "", noContext: strings.Contains(ext, "client_no_context_takeover")}
	var parts []Part
	for off := 0; off < len(rest); {
		if len(parts) == maxFrames {
			parts = append(parts, Part{From: "client", Proto: "websocket", Title: "not decoded: " + strconv.Itoa(len(rest)-off) + " more bytes", Bytes: rest[off:], Span: Span{base + off, base + len(rest)}})
			break
		}
		f, size, need := parseFrame(rest[off:])
		sp := Span{base + off, base + len(rest)}
		if need > 0 {
			if f.lenForm == 64 && f.length>>63 != 0 {
				n.t.fail("the frame follows RFC 6455 §5", sp, noteWSFrameLengthMSB)
			}
			needs := "at least " + strconv.Itoa(int(min(need, 1<<62)))
			if need > 1<<40 {
				needs = "more than a terabyte of"
			}
			n.t.note(sp, noteWSFrameIncomplete, Var{"count", strconv.Itoa(len(rest) - off)}, Var{"need", needs})
			parts = append(parts, Part{From: "client", Proto: "websocket", Title: "incomplete frame: the server waits for " + needs + " more bytes", Bytes: rest[off:], Span: sp, Note: noteWSFrameIncomplete,
				Vars: []Var{{"count", strconv.Itoa(len(rest) - off)}, {"need", needs}}})
			break
		}
		sp.End = base + off + size
		parts = append(parts, fr.explain(f, rest[off:off+size], sp))
		off += size
		var end bool
		if parts, end = fr.reply(f, sp, parts); end {
			if off < len(rest) {
				n.t.note(Span{base + off, base + len(rest)}, noteWSFrameAfterClose, Var{"count", strconv.Itoa(len(rest) - off)})
				parts = append(parts, Part{From: "client", Proto: "websocket", Title: "ignored: the connection is closing", Bytes: rest[off:], Span: Span{base + off, base + len(rest)}})
			}
			break
		}
	}
	return parts
}

// explain checks one frame and returns its Part.
func (fr *frameReader) explain(f wsFrame, raw []byte, sp Span) Part {
	t := &fr.n.t
	name := opcodeName(f.opcode)
	control := f.opcode >= 8
	problems := 0
	bad := func(note *Note, vars ...Var) {
		t.fail("the frame follows RFC 6455 §5", sp, note, vars...)
		problems++
	}
	if !f.masked {
		bad(noteWSFrameUnmasked)
	}
	if f.rsv2 || f.rsv3 {
		bad(noteWSFrameRSV)
	}
	if name == "reserved" {
		bad(noteWSFrameOpcode, Var{"opcode", hexByte(f.opcode)})
	}
	switch {
	case f.lenForm == 64 && f.length>>63 != 0:
		bad(noteWSFrameLengthMSB)
	case f.lenForm == 16 && f.length < 126, f.lenForm == 64 && f.length < 1<<16:
		bad(noteWSFrameLengthNotMinimal, Var{"length", strconv.Itoa(int(f.length))}, Var{"form", strconv.Itoa(f.lenForm)})
	}
	if control {
		if !f.fin {
			bad(noteWSFrameControlFragmented, Var{"opcode", name})
		}
		if f.length > 125 {
			bad(noteWSFrameControlLong, Var{"opcode", name}, Var{"length", strconv.Itoa(int(f.length))})
		}
	}
	compressed := false
	if f.rsv1 {
		switch {
		case !fr.deflate:
			bad(noteWSFrameRSV1NoExtension)
		case control || f.opcode == 0:
			bad(noteWSFrameRSV1NotFirst, Var{"opcode", name})
		default:
			compressed = true
			t.note(sp, noteWSFrameCompressed)
		}
	}
	// Fragmentation (§5.4).
	switch {
	case f.opcode == 0 && !fr.inMessage:
		bad(noteWSFrameContinuationUnexpected)
	case (f.opcode == 1 || f.opcode == 2) && fr.inMessage:
		bad(noteWSFrameExpectedContinuation, Var{"opcode", name})
	}
	if f.opcode == 1 || f.opcode == 2 {
		fr.inMessage, fr.text, fr.compressed, fr.textBuf = !f.fin, f.opcode == 1, compressed, nil
	}
	isText := f.opcode == 1 || f.opcode == 0 && fr.inMessage && fr.text
	if isText && !fr.compressed && !compressed && len(fr.textBuf) < 1<<16 {
		fr.textBuf = append(fr.textBuf, f.payload...)
	}
	var inflated []byte
	inflateOK := false
	if fr.compressed && f.opcode <= 2 && len(fr.deflated) < 1<<20 && fr.inflatedN < maxInflate {
		fr.deflated = append(fr.deflated, f.payload...)
		if f.fin {
			if inflated, inflateOK = fr.inflate(sp); !inflateOK {
				problems++
			}
			fr.deflated = fr.deflated[:0]
			if inflateOK && isText {
				fr.textBuf = inflated
			}
		}
	}
	if f.opcode == 0 && f.fin {
		fr.inMessage = false
	}
	if isText && f.fin && (!fr.compressed || inflateOK) && !utf8.Valid(fr.textBuf) {
		fr.failCode = 1007
		bad(noteWSFrameInvalidUTF8)
	}
	fields := []Var{
		{"FIN", bit(f.fin)}, {"RSV1", bit(f.rsv1)}, {"RSV2", bit(f.rsv2)}, {"RSV3", bit(f.rsv3)},
		{"opcode", hexByte(f.opcode) + " (" + name + ")"},
		{"MASK", bit(f.masked)},
		{"payload length", strconv.Itoa(int(min(f.length, 1<<62))) + " (" + strconv.Itoa(f.lenForm) + "-bit form)"},
	}
	if f.masked {
		fields = append(fields, Var{"masking key", hexBytes(f.key[:], 4)})
	}
	switch {
	case f.opcode == 8:
		problems += fr.closeFrame(f, sp, &fields)
	case f.opcode == 9:
		t.note(sp, noteWSFramePing)
	}
	if f.opcode != 8 || len(f.payload) == 0 {
		fields = append(fields, payloadField(f.payload, isText && !compressed && !fr.compressed || f.opcode == 9 || f.opcode == 10))
	}
	if inflateOK {
		m := payloadField(inflated, isText)
		m.Name = "message, inflated" + m.Name[len("payload"):]
		fields = append(fields, m)
	}
	if problems == 0 {
		t.pass("the "+name+" frame follows RFC 6455 §5", sp, nil)
	} else if fr.failCode == 0 {
		fr.failCode = 1002
	}
	title := name + " frame"
	if f.fin {
		title += ", FIN"
	} else {
		title += ", not FIN"
	}
	if f.masked {
		title += ", masked"
	} else {
		title += ", unmasked"
	}
	if compressed {
		title += ", compressed"
	}
	title += ", " + strconv.Itoa(int(f.length)) + " bytes of payload"
	return Part{From: "client", Proto: "websocket", Title: title, Bytes: raw, Span: sp, Fields: fields, Note: noteWSFrame, Vars: []Var{{"opcode", name}}}
}

// inflate decompresses the message collected in fr.deflated (RFC 7692
// §7.2.2: append 00 00 ff ff, inflate with the client's window unless
// client_no_context_takeover was agreed) and records what it found.
func (fr *frameReader) inflate(sp Span) ([]byte, bool) {
	dict := fr.history
	if fr.noContext {
		dict = nil
	}
	tail := []byte{0x00, 0x00, 0xff, 0xff, 0x01, 0x00, 0x00, 0xff, 0xff} // the removed tail, then an empty final block
	out, err := inflate.Inflate(append(fr.deflated[:len(fr.deflated):len(fr.deflated)], tail...), dict, maxInflate-fr.inflatedN)
	fr.inflatedN += len(out)
	if err != nil {
		fr.n.t.fail("the compressed message inflates", sp, noteWSFrameInflateError, Var{"error", err.Error()})
		return nil, false
	}
	fr.n.t.note(sp, noteWSFrameInflated, Var{"compressed", strconv.Itoa(len(fr.deflated))}, Var{"size", strconv.Itoa(len(out))})
	if !fr.noContext {
		fr.history = append(fr.history, out...)
		if len(fr.history) > 32768 {
			fr.history = append(fr.history[:0:0], fr.history[len(fr.history)-32768:]...)
		}
	}
	return out, true
}

// closeFrame checks a close frame's body: a 2-byte status code, then a
// UTF-8 reason (§5.5.1, §7.4). It returns the number of problems found.
func (fr *frameReader) closeFrame(f wsFrame, sp Span, fields *[]Var) int {
	t := &fr.n.t
	p := f.payload
	switch {
	case len(p) == 0:
		t.note(sp, noteWSFrameClose, Var{"code", "none"}, Var{"reason", ""})
		return 0
	case len(p) == 1:
		t.fail("the close frame's body is a status code and a reason", sp, noteWSFrameCloseShort)
		*fields = append(*fields, Var{"payload", hexBytes(p, 64)})
		return 1
	}
	code := int(p[0])<<8 | int(p[1])
	reason := string(p[2:])
	if !utf8.Valid(p[2:]) {
		reason = hexBytes(p[2:], 64)
	}
	*fields = append(*fields, Var{"status code", strconv.Itoa(code)}, Var{"reason", reason})
	problems := 0
	if code < 1000 || code == 1004 || code == 1005 || code == 1006 || code == 1015 || code > 1015 && code < 3000 || code >= 5000 {
		t.fail("the close status code may be sent", sp, noteWSFrameCloseCode, Var{"code", strconv.Itoa(code)})
		problems++
	}
	if !utf8.Valid(p[2:]) {
		fr.failCode = 1007
		t.fail("the close reason is UTF-8", sp, noteWSFrameInvalidUTF8)
		problems++
	}
	t.note(sp, noteWSFrameClose, Var{"code", strconv.Itoa(code)}, Var{"reason", reason})
	return problems
}

// payloadField shows a payload as text when it is valid UTF-8 text, else in
// hex, at most 256 bytes.
func payloadField(p []byte, text bool) Var {
	if text && utf8.Valid(p) {
		if len(p) > 256 {
			return Var{"payload (text)", string(p[:256]) + "…"}
		}
		return Var{"payload (text)", string(p)}
	}
	return Var{"payload (hex)", hexBytes(p, 256)}
}

func bit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// hexBytes writes up to max bytes as space-separated hex pairs.
func hexBytes(b []byte, limit int) string {
	out := make([]byte, 0, 3*min(len(b), limit)+4)
	for i, c := range b {
		if i == limit {
			return string(out) + " …"
		}
		if i > 0 {
			out = append(out, ' ')
		}
		out = appendHex(out, []byte{c})
	}
	return string(out)
}
