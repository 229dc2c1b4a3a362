package engine

import "strconv"

// The server's side of an HTTP/2 connection (RFC 9113), after the h2c 101
// (h2c_after.go) and after the prior-knowledge preface (h2c_prior.go). It
// reads the client's frames in order and answers each as a server does:
// a SETTINGS frame with an ACK, a PING with a PING ACK, a request (a header
// block, HPACK-decoded, then any DATA up to END_STREAM) with the ordinary
// response on its stream, and a protocol error with RST_STREAM (a stream
// error) or GOAWAY (a connection error, after which it reads nothing
// more). Every server frame follows the client frame it answers, so the
// server's bytes for a prefix of the input are a prefix of its bytes for
// the whole input: what a relay writing them as the client's bytes arrive
// needs (h2peer).
//
// It does not enforce its own receive windows: a server that reads a body
// replenishes them with WINDOW_UPDATE, which it may send at any time; it
// honours the client's, holding back response DATA that does not fit
// (RFC 9113 §6.9).

// Frame types, flags and error codes the connection uses besides those of
// h2c_frames.go (RFC 9113 §6, §7).
const (
	h2Priority     = 0x2
	h2RSTStream    = 0x3
	h2PushPromise  = 0x5
	h2Continuation = 0x9

	h2FlagPadded   = 0x8
	h2FlagPriority = 0x20

	h2NoError          = 0x0
	h2StreamClosed     = 0x5
	h2CompressionError = 0x9
)

// h2MaxFrames bounds the client frames read on one connection, so that a
// hostile paste cannot make the page list thousands of them.
const h2MaxFrames = 64

// xnetMaxHeaderList is the largest header list golang.org/x/net/http2's
// server reads (http.DefaultMaxHeaderBytes plus 32 for each of 10 fields),
// which it announces as SETTINGS_MAX_HEADER_LIST_SIZE.
const xnetMaxHeaderList = 1<<20 + 320

// h2MaxShown bounds the decoded fields a header block lists, by count and
// by bytes: an HPACK block can name a 4 KB table entry with one byte.
const (
	h2MaxShownFields = 100
	h2MaxShownBytes  = 16 << 10
)

type h2StreamState uint8

const (
	h2Open       h2StreamState = iota // the request's header block arrived; its body is arriving
	h2HalfClosed                      // the client ended its side with END_STREAM: the server answers
	h2Closed                          // answered, or reset by either side
)

type h2Stream struct {
	id            uint32
	state         h2StreamState
	reset         bool // the server reset it: frames still in flight on it are ignored (RFC 9113 §5.4.2)
	method, path  string
	contentLength int64 // -1 without content-length
	refusal       *Note // the note whose status answers the request, or nil for the ordinary response
	refusalVars   []Var
	body          int64 // the request content received so far
	dataFrames    int
	window        int64  // what the server may still send on the stream (RFC 9113 §6.9)
	held          []byte // response content waiting for window, or nil
}

type h2conn struct {
	n       *negotiation
	parts   []Part
	dec     hpackDecoder
	upgrade bool // h2c: stream 1 is the upgraded HTTP/1.1 request, answered on the connection

	maxFrame      int // the server's SETTINGS_MAX_FRAME_SIZE: a larger frame is a FRAME_SIZE_ERROR
	maxHeaderList int // the server's SETTINGS_MAX_HEADER_LIST_SIZE, or x/net's when it announces none
	frames        int // client frames read

	settings     bool // the client's first SETTINGS arrived: its preface is complete
	acked        bool // the client acknowledged the server's SETTINGS
	clientGoAway bool
	goingAway    bool   // the server answered the client's GOAWAY with its own: it opens no new streams
	goAwayLast   uint32 // the last stream of the server's GOAWAY NO_ERROR
	closed       bool   // the server sent GOAWAY for an error: it reads nothing more
	partial      bool   // the input ends inside a frame
	limited      bool   // the input holds more than h2MaxFrames frames

	last     uint32 // the highest stream the client opened
	requests int    // the streams the client opened
	streams  []h2Stream

	// The header block being received: a HEADERS frame without
	// END_HEADERS, then CONTINUATION frames (RFC 9113 §6.10).
	block       []byte
	blockStream uint32
	blockEnd    bool // the HEADERS frame had END_STREAM
	blockSelf   bool // its priority made the stream depend on itself
	blockPart   int  // the index in parts of its HEADERS frame, which lists the decoded fields

	connWindow    int64 // what the server may still send on the connection
	initialWindow int64 // the client's SETTINGS_INITIAL_WINDOW_SIZE
}

func newH2Conn(n *negotiation, upgrade bool) *h2conn {
	c := &h2conn{n: n, upgrade: upgrade, dec: newHPACKDecoder(4096), maxFrame: 1 << 14, maxHeaderList: xnetMaxHeaderList, connWindow: 65535, initialWindow: 65535}
	for _, s := range serverSettings(n.cfg) {
		switch s.ID {
		case h2MaxFrameSize:
			c.maxFrame = int(s.Value)
		case h2MaxHeaderListSize:
			c.maxHeaderList = int(s.Value)
		}
	}
	return c
}

func (c *h2conn) server(p Part) { c.parts = append(c.parts, p) }

// client adds the pane entry for a client frame (clientPart).
func (c *h2conn) client(f h2Frame, raw []byte, sp Span, title string, extra ...Var) {
	c.parts = append(c.parts, clientPart(f, raw, sp, title, extra...))
}

// feed reads client frames from b, which starts at offset base of the
// input. expected marks frames the client has not sent yet but will (h2c:
// the preface after the 101): their parts have no Span.
func (c *h2conn) feed(b []byte, base int, expected bool) {
	span := func(i, j int) Span {
		if expected {
			return Span{}
		}
		return Span{base + i, base + j}
	}
	off := 0
	for off < len(b) && !c.closed {
		if c.frames == h2MaxFrames {
			c.limited = true
			c.parts = append(c.parts, Part{From: "client", Proto: "h2", Title: "not read here: the playground reads the first " + strconv.Itoa(h2MaxFrames) + " frames of a connection", Bytes: b[off:], Span: span(off, len(b))})
			off = len(b)
			break
		}
		if len(b)-off >= 9 {
			if length := int(b[off])<<16 | int(b[off+1])<<8 | int(b[off+2]); length > c.maxFrame {
				// RFC 9113 §4.2: a frame larger than SETTINGS_MAX_FRAME_SIZE
				// is a FRAME_SIZE_ERROR; the server need not wait for it.
				c.frames++
				c.parts = append(c.parts, Part{From: "client", Proto: "h2", Title: "a frame too large for the server", Bytes: b[off : off+9], Span: span(off, off+9),
					Fields: []Var{Var{"length", strconv.Itoa(length) + " (the server's SETTINGS_MAX_FRAME_SIZE is " + strconv.Itoa(c.maxFrame) + ")"}}})
				off += 9
				c.connError(h2FrameSizeError, "a frame of "+strconv.Itoa(length)+" bytes is larger than the server's SETTINGS_MAX_FRAME_SIZE, "+strconv.Itoa(c.maxFrame))
				break
			}
		}
		f, k, whole := parseH2Frame(b[off:])
		if !whole {
			c.partial = true
			c.parts = append(c.parts, Part{From: "client", Proto: "h2", Title: "an incomplete frame: the server waits for the rest", Bytes: b[off:], Span: span(off, len(b))})
			off = len(b)
			break
		}
		c.frames++
		c.frame(f, b[off:off+k], span(off, off+k), expected)
		off += k
	}
	if c.closed && off < len(b) {
		c.parts = append(c.parts, Part{From: "client", Proto: "h2", Title: "not read: the server has closed the connection", Bytes: b[off:], Span: span(off, len(b))})
	}
}

// clientPart is the pane entry for a client frame: the frame header's
// fields, then extra.
func clientPart(f h2Frame, raw []byte, sp Span, title string, extra ...Var) Part {
	fields := f.fields()
	switch f.Type {
	case h2Settings, h2WindowUpdate, h2GoAway, h2Ping:
		// the payload's own fields are right
	default:
		fields = fields[:4]
	}
	return Part{From: "client", Proto: "h2", Title: title, Bytes: raw, Span: sp, Fields: append(fields, extra...)}
}

// frame reads one whole client frame.
func (c *h2conn) frame(f h2Frame, raw []byte, sp Span, expected bool) {
	name := f.typeName() + " frame"
	if expected {
		name += " (expected)"
	}
	if c.block != nil && (f.Type != h2Continuation || f.Stream != c.blockStream) {
		c.client(f, raw, sp, name+" inside a header block")
		c.connError(h2ProtocolError, "a "+f.typeName()+" frame arrived while the header block of stream "+strconv.Itoa(int(c.blockStream))+" waits for its CONTINUATION")
		return
	}
	if !c.settings && (f.Type != h2Settings || f.Flags&h2FlagAck != 0) {
		c.client(f, raw, sp, name+": the preface must continue with SETTINGS")
		what := "a " + f.typeName() + " frame"
		if f.Type == h2Settings {
			what = "a SETTINGS ACK" // it acknowledges nothing yet
		}
		c.connError(h2ProtocolError, "the client's preface goes on with "+what+" instead of its SETTINGS")
		return
	}
	p := f.Payload
	switch f.Type {
	case h2Settings:
		c.settingsFrame(f, raw, sp, name)
	case h2Ping:
		c.client(f, raw, sp, name+" from the client")
		switch {
		case f.Stream != 0:
			c.connError(h2ProtocolError, "a PING frame on stream "+strconv.Itoa(int(f.Stream))+", not 0")
		case len(p) != 8:
			c.connError(h2FrameSizeError, "a PING frame of "+strconv.Itoa(len(p))+" bytes, not 8")
		case f.Flags&h2FlagAck == 0:
			c.server(h2Frame{Type: h2Ping, Flags: h2FlagAck, Payload: p}.part("server", "h2", "PING frame with ACK: the server answers the client's PING with the same data"))
		}
	case h2GoAway:
		c.client(f, raw, sp, name+" from the client: it is closing the connection")
		switch {
		case f.Stream != 0:
			c.connError(h2ProtocolError, "a GOAWAY frame on stream "+strconv.Itoa(int(f.Stream))+", not 0")
		case len(p) < 8:
			c.connError(h2FrameSizeError, "a GOAWAY frame of "+strconv.Itoa(len(p))+" bytes, less than 8")
		default:
			c.clientGoAway = true
			c.n.t.note(sp, noteH2ClientGoAway, Var{"error", h2ErrorName(be32(p[4:]))}, Var{"last", strconv.Itoa(int(be32(p) & 0x7fffffff))})
			if !c.goingAway {
				// The server shuts down its side too, gracefully: it
				// finishes the streams it has, and ignores new ones
				// (RFC 9113 §6.8), as golang.org/x/net/http2 does.
				c.goingAway, c.goAwayLast = true, c.last
				c.server(goAwayFrame(c.last, h2NoError, "").part("server", "h2", "GOAWAY frame: the server closes its side too (NO_ERROR)"))
			}
		}
	case h2WindowUpdate:
		c.windowUpdate(f, raw, sp, name)
	case h2Headers:
		c.headersFrame(f, raw, sp, name)
	case h2Continuation:
		if c.block == nil {
			c.client(f, raw, sp, name+" without a header block to continue")
			c.connError(h2ProtocolError, "a CONTINUATION frame follows no HEADERS frame")
			return
		}
		what := ": more of the header block of stream "
		if f.Flags&h2FlagEndHeaders != 0 {
			what = ": the end of the header block of stream "
		}
		c.client(f, raw, sp, name+what+strconv.Itoa(int(f.Stream)), Var{"header block fragment", strconv.Itoa(len(p)) + " bytes"})
		c.block = append(c.block, p...)
		if f.Flags&h2FlagEndHeaders != 0 {
			c.endBlock()
		}
	case h2Data:
		c.dataFrame(f, raw, sp, name)
	case h2Priority:
		part := clientPart(f, raw, sp, name+": a priority hint (RFC 9113 deprecates the scheme)")
		if len(p) == 5 {
			part.Fields = append(part.Fields, priorityVars(p)...)
		}
		c.parts = append(c.parts, part)
		switch {
		case f.Stream == 0:
			c.connError(h2ProtocolError, "a PRIORITY frame on stream 0")
		case len(p) != 5:
			// A stream error by RFC 9113 §6.3; x/net ends the connection.
			c.connError(h2FrameSizeError, "a PRIORITY frame of "+strconv.Itoa(len(p))+" bytes, not 5")
		case be32(p)&0x7fffffff == f.Stream:
			c.streamError(f.Stream, h2ProtocolError, "stream "+strconv.Itoa(int(f.Stream))+" depends on itself")
		}
	case h2RSTStream:
		part := clientPart(f, raw, sp, name+" from the client: it cancels stream "+strconv.Itoa(int(f.Stream)))
		if len(p) == 4 {
			part.Fields = append(part.Fields, Var{"error code", h2ErrorName(be32(p))})
		}
		c.parts = append(c.parts, part)
		st := c.stream(f.Stream)
		switch {
		case f.Stream == 0:
			c.connError(h2ProtocolError, "an RST_STREAM frame on stream 0")
		case len(p) != 4:
			c.connError(h2FrameSizeError, "an RST_STREAM frame of "+strconv.Itoa(len(p))+" bytes, not 4")
		case st == nil && f.Stream > c.last:
			c.connError(h2ProtocolError, "an RST_STREAM frame on stream "+strconv.Itoa(int(f.Stream))+", which is idle")
		case st != nil:
			st.state, st.held = h2Closed, nil
		}
	case h2PushPromise:
		c.client(f, raw, sp, name+" from the client")
		c.connError(h2ProtocolError, "a client sent PUSH_PROMISE: only a server pushes")
	default:
		// RFC 9113 §4.1, §5.5: frames of unknown types are ignored.
		c.client(f, raw, sp, name+": an unknown type, ignored", Var{"payload", strconv.Itoa(len(p)) + " bytes"})
	}
}

func priorityVars(p []byte) []Var {
	return []Var{
		Var{"exclusive", strconv.FormatBool(p[0]&0x80 != 0)},
		Var{"stream dependency", strconv.Itoa(int(be32(p) & 0x7fffffff))},
		Var{"weight", strconv.Itoa(int(p[4]) + 1)},
	}
}

func (c *h2conn) settingsFrame(f h2Frame, raw []byte, sp Span, name string) {
	p := f.Payload
	if f.Flags&h2FlagAck != 0 {
		c.client(f, raw, sp, name+" with ACK: the client acknowledges the server's SETTINGS")
		switch {
		case f.Stream != 0:
			c.connError(h2ProtocolError, "a SETTINGS frame on stream "+strconv.Itoa(int(f.Stream))+", not 0")
		case len(p) != 0:
			c.connError(h2FrameSizeError, "a SETTINGS ACK with a "+strconv.Itoa(len(p))+"-byte payload")
		default:
			c.acked = true
		}
		return
	}
	title := name + " from the client"
	if !c.settings {
		title = name + ": the rest of the client connection preface"
		if c.upgrade && sp.Empty() {
			title += " (here repeating HTTP2-Settings)"
		}
	}
	c.client(f, raw, sp, title)
	switch {
	case f.Stream != 0:
		c.connError(h2ProtocolError, "a SETTINGS frame on stream "+strconv.Itoa(int(f.Stream))+", not 0")
		return
	case len(p)%6 != 0:
		c.connError(h2FrameSizeError, "a SETTINGS payload of "+strconv.Itoa(len(p))+" bytes, not a multiple of 6")
		return
	}
	list := settingsOf(p)
	for _, s := range list {
		if why, code := s.problem(); why != "" {
			c.connError(code, "the client's "+s.label()+" = "+strconv.FormatUint(uint64(s.Value), 10)+": "+why)
			return
		}
	}
	c.applySettings(list)
	c.server(settingsAck().part("server", "h2", "SETTINGS frame with ACK: the server acknowledges the client's SETTINGS"))
	if !c.settings {
		c.settings = true
		if c.upgrade {
			c.respondStreamOne()
		}
	}
	c.flush()
}

// applySettings takes the client's settings that change what the server
// sends: a new INITIAL_WINDOW_SIZE changes every stream's window by the
// difference (RFC 9113 §6.9.2).
func (c *h2conn) applySettings(list []h2Setting) {
	for _, s := range list {
		if s.ID != h2InitialWindowSize {
			continue
		}
		d := int64(s.Value) - c.initialWindow
		c.initialWindow = int64(s.Value)
		for i := range c.streams {
			c.streams[i].window += d
		}
	}
}

func (c *h2conn) windowUpdate(f h2Frame, raw []byte, sp Span, name string) {
	p := f.Payload
	what := "the connection"
	if f.Stream != 0 {
		what = "stream " + strconv.Itoa(int(f.Stream))
	}
	c.client(f, raw, sp, name+" from the client: the server may send more on "+what)
	if len(p) != 4 {
		c.connError(h2FrameSizeError, "a WINDOW_UPDATE frame of "+strconv.Itoa(len(p))+" bytes, not 4")
		return
	}
	inc := int64(be32(p) & 0x7fffffff)
	st := c.stream(f.Stream)
	switch {
	case f.Stream == 0 && inc == 0:
		c.connError(h2ProtocolError, "a WINDOW_UPDATE of 0 on the connection")
	case f.Stream == 0:
		if c.connWindow += inc; c.connWindow > 1<<31-1 {
			c.connError(h2FlowControlError, "the WINDOW_UPDATE takes the connection's window above 2^31-1")
		}
	case st == nil && f.Stream > c.last:
		c.connError(h2ProtocolError, "a WINDOW_UPDATE frame on stream "+strconv.Itoa(int(f.Stream))+", which is idle")
	case st == nil || st.reset || st.state == h2Closed:
		// a closed stream: a WINDOW_UPDATE may still arrive (RFC 9113 §6.9)
	case inc == 0:
		c.streamError(f.Stream, h2ProtocolError, "a WINDOW_UPDATE of 0 on stream "+strconv.Itoa(int(f.Stream)))
	default:
		if st.window += inc; st.window > 1<<31-1 {
			c.streamError(f.Stream, h2FlowControlError, "the WINDOW_UPDATE takes stream "+strconv.Itoa(int(f.Stream))+"'s window above 2^31-1")
		}
	}
	c.flush()
}

// padded returns the payload of a DATA or HEADERS frame without its
// padding (RFC 9113 §6.1, §6.2), and the pad length shown.
func padded(f h2Frame) (p []byte, show []Var, why string, code uint32) {
	p = f.Payload
	if f.Flags&h2FlagPadded == 0 {
		return p, nil, "", 0
	}
	if len(p) < 1 {
		return nil, nil, "a PADDED " + f.typeName() + " frame without its Pad Length", h2FrameSizeError
	}
	pad := int(p[0])
	if pad >= len(p) {
		// The padding may not take the whole payload.
		return nil, nil, "a Pad Length of " + strconv.Itoa(pad) + " in a " + strconv.Itoa(len(p)) + "-byte payload", h2ProtocolError
	}
	return p[1 : len(p)-pad], []Var{Var{"pad length", strconv.Itoa(pad)}}, "", 0
}

func (c *h2conn) headersFrame(f h2Frame, raw []byte, sp Span, name string) {
	p, extra, why, code := padded(f)
	self := false
	if why == "" && f.Flags&h2FlagPriority != 0 {
		if len(p) < 5 {
			why, code = "a HEADERS frame with PRIORITY too short for its priority fields", h2FrameSizeError
		} else {
			extra = append(extra, priorityVars(p[:5])...)
			self = be32(p)&0x7fffffff == f.Stream
			p = p[5:]
		}
	}
	title := name + ": a request's header block, on stream " + strconv.Itoa(int(f.Stream))
	if st := c.stream(f.Stream); st != nil && st.state == h2Open {
		title = name + ": trailer fields, on stream " + strconv.Itoa(int(f.Stream))
	}
	part := clientPart(f, raw, sp, title, extra...)
	if why == "" && f.Flags&h2FlagEndHeaders == 0 {
		part.Fields = append(part.Fields, Var{"header block fragment", strconv.Itoa(len(p)) + " bytes; CONTINUATION frames follow"})
	}
	c.parts = append(c.parts, part)
	switch {
	case f.Stream == 0:
		c.connError(h2ProtocolError, "a HEADERS frame on stream 0")
		return
	case why != "":
		c.connError(code, why)
		return
	case f.Stream%2 == 0:
		// RFC 9113 §5.1.1: streams the client opens are odd.
		c.connError(h2ProtocolError, "a HEADERS frame on stream "+strconv.Itoa(int(f.Stream))+": the streams a client opens have odd numbers")
		return
	}
	c.block, c.blockStream, c.blockEnd, c.blockSelf, c.blockPart = append(make([]byte, 0, len(p)), p...), f.Stream, f.Flags&h2FlagEndStream != 0, self, len(c.parts)-1
	if f.Flags&h2FlagEndHeaders != 0 {
		c.endBlock()
	}
}

// endBlock decodes the header block just completed and acts on it: a new
// request, the trailers of one, or a stream error. The decoded fields go
// on the part of the HEADERS frame that began the block.
func (c *h2conn) endBlock() {
	id, block, end, self := c.blockStream, c.block, c.blockEnd, c.blockSelf
	c.block = nil
	// part is the HEADERS frame's entry; it is only written before the
	// parts grow again (an append may move them).
	part := &c.parts[c.blockPart]
	cont := ""
	if k := len(c.parts) - 1 - c.blockPart; k > 0 {
		cont = " (its header block ends in " + plural(k, "CONTINUATION frame") + ")"
	}
	st := c.stream(id)
	trailers := st != nil && st.state == h2Open && !st.reset
	var q h2Request
	q.start(trailers, c.maxHeaderList)
	why := c.dec.decode(block, func(f hpackField) { q.add(f) })
	part.Fields = append(part.Fields, q.shown...)
	if q.hidden > 0 {
		part.Fields = append(part.Fields, Var{"not shown", strconv.Itoa(q.hidden) + " more fields"})
	}
	if why != "" {
		// RFC 9113 §4.3: the decoding context is the connection's; a block
		// that does not decode leaves it unusable.
		c.connErrorNote(h2CompressionError, "the header block of stream "+strconv.Itoa(int(id))+" does not decode", "the header block decodes (HPACK)", part.Span, noteH2CompressionError, Var{"stream", strconv.Itoa(int(id))}, Var{"why", why})
		return
	}
	switch {
	case st == nil && id <= c.last:
		c.connError(h2ProtocolError, "a HEADERS frame on stream "+strconv.Itoa(int(id))+", which is not above the last stream the client opened, "+strconv.Itoa(int(c.last)))
		return
	case st != nil && st.reset:
		part.Title += " (ignored: the server reset the stream)"
		return
	case st == nil && c.goingAway && id > c.goAwayLast:
		part.Title += " (ignored: above the last stream of the server's GOAWAY)"
		return
	case st != nil && !trailers:
		c.streamError(id, h2StreamClosed, "a HEADERS frame on stream "+strconv.Itoa(int(id))+", which the client has already ended")
		return
	}
	if st == nil {
		c.last = id
		c.requests++
		c.streams = append(c.streams, h2Stream{id: id, contentLength: -1, window: c.initialWindow})
		st = &c.streams[len(c.streams)-1]
		st.method, st.path, st.contentLength = q.method, q.path, q.contentLength
		if q.method == "CONNECT" {
			st.path = q.authority
		}
	}
	if self {
		c.streamError(id, h2ProtocolError, "stream "+strconv.Itoa(int(id))+" depends on itself")
		return
	}
	if q.tooLarge && !trailers {
		// As x/net does: the block is decoded, to keep the HPACK context,
		// but not read; the request is answered 431 (RFC 9113 §6.5.2,
		// RFC 6585 §5).
		part.Title = "HEADERS frame: a request whose fields are too large, on stream " + strconv.Itoa(int(id)) + cont
		st.refusal, st.refusalVars = noteH2HeaderListTooLarge, []Var{Var{"stream", strconv.Itoa(int(id))}, Var{"size", strconv.Itoa(q.size)}, Var{"limit", strconv.Itoa(c.maxHeaderList)}}
		st.state = h2Open
		c.endRequest(st)
		return
	}
	if bad := q.malformed(); bad != "" {
		part.Title = "HEADERS frame: a malformed request, on stream " + strconv.Itoa(int(id)) + cont
		c.streamError(id, h2ProtocolError, bad)
		return
	}
	if trailers {
		part.Title = "HEADERS frame: trailer fields, ending the request on stream " + strconv.Itoa(int(id)) + cont
		if !end {
			c.streamError(id, h2ProtocolError, "trailer fields without END_STREAM")
			return
		}
		c.endRequest(st)
		return
	}
	part.Title = "HEADERS frame: the request " + st.method + " " + st.path + ", on stream " + strconv.Itoa(int(id)) + cont
	c.n.t.note(part.Span, noteH2Request, Var{"stream", strconv.Itoa(int(id))}, Var{"method", st.method}, Var{"path", st.path}, Var{"count", strconv.Itoa(q.count)})
	st.state = h2Open
	if end || st.method == "CONNECT" {
		// A CONNECT is answered at once: its stream stays open for the
		// tunnel (RFC 9113 §8.5).
		c.endRequest(st)
	}
}

func (c *h2conn) dataFrame(f h2Frame, raw []byte, sp Span, name string) {
	p, extra, why, code := padded(f)
	st := c.stream(f.Stream)
	title := name + ": " + strconv.Itoa(len(p)) + " bytes of the request content, on stream " + strconv.Itoa(int(f.Stream))
	if f.Flags&h2FlagEndStream != 0 {
		title += "; END_STREAM ends the request"
	}
	part := clientPart(f, raw, sp, title, extra...)
	if why == "" {
		part.Fields = append(part.Fields, Var{"data", string(p)})
	}
	c.parts = append(c.parts, part)
	switch {
	case f.Stream == 0:
		c.connError(h2ProtocolError, "a DATA frame on stream 0")
	case why != "":
		c.connError(code, why)
	case st == nil && f.Stream > c.last:
		c.connError(h2ProtocolError, "a DATA frame on stream "+strconv.Itoa(int(f.Stream))+", which is idle")
	case st != nil && st.reset:
		c.parts[len(c.parts)-1].Title += " (ignored: the server reset the stream)"
	case st == nil || st.state != h2Open:
		c.streamError(f.Stream, h2StreamClosed, "a DATA frame on stream "+strconv.Itoa(int(f.Stream))+", which the client has already ended")
	default:
		st.body += int64(len(p))
		st.dataFrames++
		if st.contentLength >= 0 && st.body > st.contentLength {
			c.streamError(st.id, h2ProtocolError, "the content is longer than its content-length, "+strconv.FormatInt(st.contentLength, 10))
			return
		}
		if f.Flags&h2FlagEndStream != 0 {
			c.endRequest(st)
		}
	}
}

// endRequest is END_STREAM on a request: the server answers it.
func (c *h2conn) endRequest(st *h2Stream) {
	if st.contentLength >= 0 && st.body != st.contentLength {
		c.streamError(st.id, h2ProtocolError, "the content is "+strconv.FormatInt(st.body, 10)+" bytes, its content-length "+strconv.FormatInt(st.contentLength, 10))
		return
	}
	if st.dataFrames > 0 {
		c.n.t.note(Span{}, noteH2RequestBody, Var{"stream", strconv.Itoa(int(st.id))}, Var{"count", strconv.FormatInt(st.body, 10)}, Var{"frames", plural(st.dataFrames, "DATA frame")})
	}
	st.state = h2HalfClosed
	c.respond(st)
}

// plural spells a count of things: "1 DATA frame", "2 DATA frames".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}

// stream returns the stream with the id, or nil.
func (c *h2conn) stream(id uint32) *h2Stream {
	for i := range c.streams {
		if c.streams[i].id == id {
			return &c.streams[i]
		}
	}
	return nil
}

// respondStreamOne opens stream 1 for the upgraded request (RFC 7540 §3.2:
// half-closed by the client) and answers it.
func (c *h2conn) respondStreamOne() {
	r := c.n.req
	c.last, c.requests = 1, 1
	c.streams = append(c.streams, h2Stream{id: 1, state: h2HalfClosed, method: r.Method, path: r.Target, contentLength: -1, window: c.initialWindow})
	c.n.t.note(r.LineSpan, noteH2CStream1, Var{"method", r.Method}, Var{"target", r.Target})
	c.respond(&c.streams[len(c.streams)-1])
}

// respond sends the response to the request on st: HEADERS (HPACK) then
// DATA with END_STREAM, or HEADERS alone with END_STREAM for HEAD or no
// content. Fields that are connection-specific in HTTP/1.1 are not sent
// (RFC 9113 §8.2.2). The first response of a prior-knowledge connection
// is the run's Final (see Result).
func (c *h2conn) respond(st *h2Stream) {
	n := c.n
	var resp *Response
	decisive := -1
	if st.refusal == nil && st.method == "CONNECT" {
		// This origin server is not a proxy (RFC 9110 §9.3.6, RFC 9113 §8.5).
		st.refusal, st.refusalVars = noteH2ConnectNotProxy, []Var{Var{"stream", strconv.Itoa(int(st.id))}, Var{"authority", st.path}}
	}
	if note := st.refusal; note != nil {
		decisive = n.t.refuse("the server answers the request", Span{}, note, st.refusalVars...)
		resp = (&Response{Status: note.Status}).withBody("text/plain; charset=utf-8", strconv.Itoa(note.Status)+" "+ReasonPhrase(note.Status)+": "+Expand(note.Summary, st.refusalVars)+"\n")
	} else {
		saved := n.t
		resp = n.ordinaryResponse() // its trace notes belong to HTTP/1.1 answers
		n.t = saved
	}
	fields := []Header{{":status", strconv.Itoa(resp.Status)}}
	kept := make([]Header, 0, len(resp.Headers))
	dropped := ""
	for _, h := range resp.Headers {
		if isConnectionSpecific(h.Name) {
			dropped += " " + h.Name
			continue
		}
		kept = append(kept, h)
		fields = append(fields, Header{lower(h.Name), h.Value})
	}
	body := resp.Body
	if st.method == "HEAD" {
		body = nil
	}
	hf, how := headersFrame(st.id, fields, len(body) == 0)
	title := "HEADERS frame: the response to " + st.method + " " + st.path + ", on stream " + strconv.Itoa(int(st.id))
	if c.upgrade && st.id == 1 {
		title = "HEADERS frame: the response to your request, on stream 1"
	}
	then := "then DATA with END_STREAM"
	switch {
	case st.method == "HEAD":
		then = "with END_STREAM: the response to HEAD has no content"
	case len(body) == 0:
		then = "with END_STREAM: the response has no content"
	}
	hp := hf.part("server", "h2", title)
	hp.Note, hp.Vars = noteH2CResponse, []Var{Var{"status", strconv.Itoa(resp.Status)}, Var{"stream", strconv.Itoa(int(st.id))}, Var{"count", strconv.Itoa(len(fields))}, Var{"then", then}}
	hp.Fields = append(hp.Fields[:4], how...)
	if dropped != "" {
		hp.Fields = append(hp.Fields, Var{"not sent (connection-specific, RFC 9113 §8.2.2)", dropped[1:]})
	}
	c.server(hp)
	n.t.note(Span{}, noteH2CResponse, hp.Vars...)
	if !c.upgrade && n.res.Final == nil {
		n.final(&Response{Status: resp.Status, Headers: kept, Body: body}, decisive)
	}
	if len(body) == 0 {
		st.state = h2Closed
		return
	}
	st.held = body
	c.flush()
}

// flush sends the response content that the client's flow-control
// windows now let through (RFC 9113 §6.9.1: all of it in one DATA frame,
// whose 42 bytes fit any SETTINGS_MAX_FRAME_SIZE).
func (c *h2conn) flush() {
	for i := range c.streams {
		st := &c.streams[i]
		if st.held == nil || c.closed {
			continue
		}
		k := int64(len(st.held))
		if k > st.window || k > c.connWindow {
			continue
		}
		st.window -= k
		c.connWindow -= k
		title := "DATA frame: the response body; END_STREAM closes stream " + strconv.Itoa(int(st.id))
		c.server(h2Frame{Type: h2Data, Flags: h2FlagEndStream, Stream: st.id, Payload: st.held}.part("server", "h2", title))
		st.held, st.state = nil, h2Closed
	}
}

// streamError resets one stream with RST_STREAM (RFC 9113 §5.4.2); the
// connection goes on.
func (c *h2conn) streamError(id uint32, code uint32, why string) {
	vars := []Var{Var{"why", why}, Var{"stream", strconv.Itoa(int(id))}, Var{"error", h2ErrorName(code)}}
	p := h2Frame{Type: h2RSTStream, Stream: id, Payload: appendBE32(nil, code)}.part("server", "h2", "RST_STREAM frame: the server resets stream "+strconv.Itoa(int(id)))
	p.Fields = append(p.Fields[:4], Var{"error code", h2ErrorName(code)})
	p.Note, p.Vars = noteH2StreamError, vars
	c.server(p)
	c.n.t.fail("the stream's frames follow the rules", Span{}, noteH2StreamError, vars...)
	if st := c.stream(id); st != nil {
		st.state, st.reset, st.held = h2Closed, true, nil
		return
	}
	c.streams = append(c.streams, h2Stream{id: id, state: h2Closed, reset: true, contentLength: -1})
}

// connError ends the connection with GOAWAY (RFC 9113 §5.4.1): the last
// stream the server acted on, the error code, and why as debug data.
func (c *h2conn) connError(code uint32, why string) {
	c.connErrorNote(code, why, "the client's frames follow the rules", Span{}, noteH2ConnectionError, Var{"why", why}, Var{"error", h2ErrorName(code)})
}

// connErrorNote is connError explained by a note of the caller's: the
// failed check goes in the trace, the note on the GOAWAY.
func (c *h2conn) connErrorNote(code uint32, why, check string, sp Span, note *Note, vars ...Var) {
	c.n.t.fail(check, sp, note, vars...)
	p := goAwayFrame(c.last, code, why).part("server", "h2", "GOAWAY frame: the server ends the connection")
	p.Note, p.Vars = note, vars
	c.server(p)
	c.closed = true
	c.block = nil
}

// finish ends the reading: the client's acknowledgement of the server's
// SETTINGS is shown as expected, unless it, or a GOAWAY, has arrived; and
// it says what the server waits for, when it has not answered.
func (c *h2conn) finish() (waiting string) {
	if c.settings && !c.acked && !c.clientGoAway && !c.closed && !c.limited {
		p := settingsAck().part("client", "h2", "SETTINGS frame with ACK (expected): the client acknowledges the server's SETTINGS")
		p.Note = noteH2ClientAck
		c.parts = append(c.parts, p)
	}
	switch {
	case c.closed:
		return "nothing: the server has closed the connection"
	case c.limited:
		return "nothing more here: the playground reads the first " + strconv.Itoa(h2MaxFrames) + " frames of a connection"
	case c.partial:
		return "the rest of the client's frame"
	case c.block != nil:
		return "the rest of the header block of stream " + strconv.Itoa(int(c.blockStream)) + " (CONTINUATION frames up to END_HEADERS)"
	}
	for i := range c.streams {
		switch st := &c.streams[i]; {
		case st.state == h2Open:
			return "the rest of the request on stream " + strconv.Itoa(int(st.id)) + " (DATA frames up to END_STREAM)"
		case st.held != nil:
			return "a WINDOW_UPDATE: the client's flow-control window has no room for the response content on stream " + strconv.Itoa(int(st.id))
		}
	}
	switch {
	case c.clientGoAway:
		return "nothing: the client has closed the connection (GOAWAY)"
	case c.requests == 0:
		return "the client's first request (a HEADERS frame): prior knowledge carries no HTTP/1.1 request to answer"
	}
	return "the client's next request (a HEADERS frame on a new stream)"
}

// An h2Request collects what the server needs from a request's header
// block as it is decoded, and the fields shown, without keeping every
// field: a block of a few kilobytes can decode to thousands.
type h2Request struct {
	trailers             bool
	method, scheme, path string
	authority, protocol  string
	seen                 [5]bool // :method, :scheme, :path, :authority, :protocol
	contentLength        int64
	regular              bool // a regular field has been read
	bad                  string
	count                int
	shown                []Var
	shownBytes, hidden   int
	size, limit          int  // the header list's size (RFC 9113 §6.5.2), and the server's limit
	tooLarge             bool // size is over limit: the rest of the block is decoded, not read
}

var h2Pseudo = [5]string{":method", ":scheme", ":path", ":authority", ":protocol"}

func (q *h2Request) start(trailers bool, limit int) {
	*q = h2Request{trailers: trailers, contentLength: -1, limit: limit}
}

func (q *h2Request) malform(why string) {
	if q.bad == "" {
		q.bad = why
	}
}

// add reads one decoded representation (RFC 9113 §8.2, §8.3).
func (q *h2Request) add(f hpackField) {
	if len(q.shown) < h2MaxShownFields && q.shownBytes < h2MaxShownBytes && !q.tooLarge {
		q.shown = append(q.shown, Var{f.name, f.value + "   [" + f.how() + "]"})
		q.shownBytes += len(f.name) + len(f.value)
	} else {
		q.hidden++
	}
	if f.kind == hpackUpdate {
		return
	}
	q.count++
	if q.size += len(f.name) + len(f.value) + 32; q.size > q.limit || q.tooLarge {
		// Each field costs O(1) from here on, however large: an HPACK
		// block can name a 4 KB table entry with one byte.
		q.tooLarge = true
		return
	}
	name, val := f.name, f.value
	if i := badFieldValue(val); i != "" {
		q.malform("the value of " + name + " " + i)
	}
	if name != "" && name[0] == ':' {
		switch {
		case q.trailers:
			q.malform("trailer fields hold the pseudo-header " + name)
			return
		case q.regular:
			q.malform("the pseudo-header " + name + " comes after a regular field")
			return
		}
		for i, p := range h2Pseudo {
			if name != p {
				continue
			}
			if q.seen[i] {
				q.malform("the request has two " + name + " fields")
			}
			q.seen[i] = true
			switch i {
			case 0:
				q.method = val
			case 1:
				q.scheme = val
			case 2:
				q.path = val
			case 3:
				q.authority = val
			case 4:
				q.protocol = val
			}
			return
		}
		if name == ":status" {
			q.malform("a request carries the response pseudo-header :status")
		} else {
			q.malform("the pseudo-header " + name + " is not one a request has")
		}
		return
	}
	q.regular = true
	if why := badFieldName(name); why != "" {
		q.malform("the field name " + strconv.Quote(name) + " " + why)
		return
	}
	switch {
	case isConnectionSpecific(name):
		q.malform("the connection-specific field " + name + " (RFC 9113 §8.2.2)")
	case name == "te" && val != "trailers":
		q.malform("te: " + val + " (only \"trailers\" is allowed, RFC 9113 §8.2.2)")
	case name == "content-length":
		n, err := strconv.ParseInt(val, 10, 64)
		switch {
		case err != nil || n < 0 || val == "" || val[0] == '+':
			q.malform("content-length: " + val + " is not a length")
		case q.contentLength >= 0 && n != q.contentLength:
			q.malform("two content-length fields that differ")
		default:
			q.contentLength = n
		}
	}
}

// malformed checks the pseudo-header fields once the block is decoded
// (RFC 9113 §8.3.1, §8.5; RFC 8441 §4), and returns why the request is
// malformed, or "".
func (q *h2Request) malformed() string {
	if q.bad != "" || q.trailers {
		return q.bad
	}
	switch {
	case !q.seen[0]:
		return "the request has no :method"
	case q.seen[4]:
		// Extended CONNECT needs SETTINGS_ENABLE_CONNECT_PROTOCOL, which
		// this server does not send.
		return "the request has :protocol, which needs SETTINGS_ENABLE_CONNECT_PROTOCOL from the server (RFC 8441 §4)"
	case q.method == "CONNECT":
		if q.seen[1] || q.seen[2] {
			return "a CONNECT request has :scheme or :path (RFC 9113 §8.5)"
		}
		if q.authority == "" {
			return "a CONNECT request without :authority (RFC 9113 §8.5)"
		}
	case !q.seen[1]:
		return "the request has no :scheme"
	case !q.seen[2] || q.path == "":
		return "the request has no :path, or an empty one"
	}
	return ""
}

// badFieldName says why a field name may not appear in HTTP/2 (RFC 9113
// §8.2.1: lower case, no control characters, space, colon or non-ASCII).
func badFieldName(s string) string {
	if s == "" {
		return "is empty"
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			return "has upper-case letters (RFC 9113 §8.2.1)"
		case c <= 0x20 || c >= 0x7f || c == ':':
			return "has the byte " + hexByte(c) + " (RFC 9113 §8.2.1)"
		}
	}
	return ""
}

// badFieldValue says why a field value may not appear in HTTP/2 (RFC 9113
// §8.2.1: no NUL, CR or LF, no white space at either end).
func badFieldValue(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0 || c == '\r' || c == '\n' {
			return "holds the byte " + hexByte(c) + " (RFC 9113 §8.2.1)"
		}
	}
	if s != "" && (isOWS(s[0]) || isOWS(s[len(s)-1])) {
		return "begins or ends with white space (RFC 9113 §8.2.1)"
	}
	return ""
}
