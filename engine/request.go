package engine

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
)

// The HTTP/1.1 request parser (RFC 9112 §2–§7, RFC 9110 §5). It works on the
// exact bytes, records every element's span, and never stops at the first
// problem: each violation becomes a failed trace step, and the first one
// that implies a status decides the response.

// A Field is one field line of the header section.
type Field struct {
	Name  string // as written
	Value string // without leading and trailing OWS; obs-fold replaced by SP when unfolded
	Line  int    // 1-based line number of the field line
	Span  Span   // the whole field line, without its line terminator
	// NameSpan is where the name lies: from the start of the line to the
	// colon. ValueSpan is where the value lies, without the OWS around it;
	// an unfolded obs-fold value extends to the end of its last line.
	NameSpan, ValueSpan Span
}

// A Request is a parsed HTTP/1.1 request with the position of every element.
type Request struct {
	Raw []byte

	Method, Target, Version string
	Major, Minor            int // -1 when the version is not well-formed
	LineSpan                Span
	MethodSpan, TargetSpan  Span
	VersionSpan             Span
	TargetForm              string // "origin", "absolute", "authority", "asterisk"

	Fields []Field
	// Trailers are the field lines of a chunked body's trailer section
	// (RFC 9112 §7.1.2). They are kept apart from Fields and take no part in
	// any decision: a recipient MUST NOT merge a trailer field into the
	// header section unless its definition allows it (RFC 9110 §6.5.1).
	Trailers []Field

	// HeaderEnd is the offset just past the empty line that ends the header
	// section, or -1 when the input ends before it.
	HeaderEnd int
	// Body is the message content, decoded from chunked coding if needed;
	// BodySpan is where its framing lies in Raw.
	Body     []byte
	BodySpan Span
	// Chunked reports whether the body used the chunked transfer coding.
	Chunked bool
	// BodyComplete is false when framing announced more bytes than were sent.
	BodyComplete bool
	// After is the offset of the first byte after the request message: the
	// bytes from here belong to the next message or the new protocol.
	After int

	// Close is set when the framing rules require closing the connection
	// after the response (RFC 9112 §6.1, §6.3).
	Close bool

	src       string // Raw[:readable] as a string; elements are substrings of it
	readable  int    // how many bytes of Raw the server reads for this request (maxrequest)
	lists     []namedList
	hasBareLF bool

	// lineStarts holds the offset of every line, for Pos; it is found on
	// the first call, as only the page asks for positions.
	linesOnce  sync.Once
	lineStarts []int
}

// Complete reports whether the whole request message (header section and
// body) has been received.
func (r *Request) Complete() bool { return r.HeaderEnd >= 0 && r.BodyComplete }

// Rest returns the bytes that follow the request message.
func (r *Request) Rest() []byte {
	if r.After < 0 || r.After > len(r.Raw) {
		return nil
	}
	return r.Raw[r.After:]
}

// Pos is a position in the request: the byte offset, and the 1-based line and
// column (columns count bytes).
type Pos struct{ Offset, Line, Col int }

// Pos returns the line and column of a byte offset.
func (r *Request) Pos(off int) Pos {
	r.linesOnce.Do(func() { r.lineStarts = lineStarts(r.Raw) })
	return posIn(r.lineStarts, off)
}

// nextNamed returns the index of the first field from i on whose name is
// name, ASCII case-insensitively, or len(r.Fields). Each lookup of a field
// by name goes through it.
func (r *Request) nextNamed(name string, i int) int {
	for i < len(r.Fields) && !equalFold(r.Fields[i].Name, name) {
		i++
	}
	return i
}

// Values returns every field line whose name matches (case-insensitively).
// When those lines are adjacent, as they nearly always are, the result is
// part of r.Fields rather than a copy: do not modify it.
func (r *Request) Values(name string) []Field {
	var out []Field // a copy, once the lines turn out not to be adjacent
	start, end := -1, -1
	for i := r.nextNamed(name, 0); i < len(r.Fields); i = r.nextNamed(name, i+1) {
		switch {
		case out != nil:
			out = append(out, r.Fields[i])
		case start < 0:
			start, end = i, i+1
		case i == end:
			end++
		default:
			out = append(r.Fields[start:end:end], r.Fields[i]) // the full slice expression makes append copy
		}
	}
	if out == nil && start >= 0 {
		return r.Fields[start:end:end]
	}
	return out
}

// Has reports whether a field with the name is present.
func (r *Request) Has(name string) bool {
	return r.nextNamed(name, 0) < len(r.Fields)
}

// List returns the combined #list elements of every line of a field
// (RFC 9110 §5.3: repeated lines combine, in order, into one list).
// The result is computed once per name and shared: do not modify it.
func (r *Request) List(name string) []elem {
	for _, c := range r.lists {
		if equalFold(c.name, name) {
			return c.elems
		}
	}
	var out []elem
	for i := r.nextNamed(name, 0); i < len(r.Fields); i = r.nextNamed(name, i+1) {
		f := &r.Fields[i]
		es, _ := splitList(f.Value, f.ValueSpan.Start)
		out = append(out, es...)
	}
	out = out[:len(out):len(out)] // an append by a caller copies
	r.lists = append(r.lists, namedList{name, out})
	return out
}

// namedList caches the combined #list of one field name.
type namedList struct {
	name  string
	elems []elem
}

// HasToken reports whether the #list field name contains token,
// ASCII case-insensitively.
func (r *Request) HasToken(name, token string) bool {
	for i := r.nextNamed(name, 0); i < len(r.Fields); i = r.nextNamed(name, i+1) {
		if listHas(r.Fields[i].Value, token) {
			return true
		}
	}
	return false
}

// AtLeast reports whether the request's version is at least major.minor.
func (r *Request) AtLeast(major, minor int) bool {
	return r.Major > major || r.Major == major && r.Minor >= minor
}

// spanOf returns the span from the first to the last of lines, or an empty span.
func spanOf(lines []Field) Span {
	if len(lines) == 0 {
		return Span{}
	}
	return Span{lines[0].Span.Start, lines[len(lines)-1].Span.End}
}

// fieldSpan returns the span of all lines of a field, or an empty span.
func (r *Request) fieldSpan(name string) Span {
	var sp Span
	for i := r.nextNamed(name, 0); i < len(r.Fields); i = r.nextNamed(name, i+1) {
		if f := &r.Fields[i]; sp.Empty() {
			sp = f.Span
		} else {
			sp.End = f.Span.End
		}
	}
	return sp
}

// longestMethod is the length of the longest method in knownMethods.
const longestMethod = len("OPTIONS")

// knownMethods are the methods of RFC 9110 §9 plus PATCH (RFC 5789). PRI is
// not one: it is registered only as the start of the HTTP/2 preface
// (RFC 7540 §11.6, RFC 9113 §3.4), which Negotiate answers before any
// method matters.
var knownMethods = []string{"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}

// line is one line of input: [start, end) without terminator; next is the
// offset of the following line. term is "CRLF", "LF" or "" (end of input).
type line struct {
	start, end, next int
	term             string
}

// readLine finds the line starting at off. A CR not followed by LF is left in
// the line (the caller reports it as a bare CR).
func readLine(raw []byte, off int) line {
	i := bytes.IndexByte(raw[off:], '\n')
	switch {
	case i < 0:
		return line{off, len(raw), len(raw), ""}
	case i > 0 && raw[off+i-1] == '\r':
		return line{off, off + i - 1, off + i + 1, "CRLF"}
	}
	return line{off, off + i, off + i + 1, "LF"}
}

// parse reads the request from raw into r (a new Request), recording its
// checks into t.
//
// The server reads at most cfg.HTTP.MaxRequestBytes bytes for this request:
// its request-line, header section and message body. What follows the
// request message (a pipelined request, the new protocol's bytes after a
// switch) is not part of it and is not counted. A request that needs more
// bytes than that is refused by what does not fit: the request-line or the
// header section (431), the message body (413), or the trailer section
// (431). Nothing past the limit is parsed, so a huge paste costs little,
// and the answer is the same however the bytes arrive.
func parse(r *Request, raw []byte, cfg *Config, t *trace) {
	r.Raw = raw
	r.Major, r.Minor, r.HeaderEnd, r.After = -1, -1, -1, -1
	r.readable = min(len(raw), cfg.HTTP.MaxRequestBytes)
	buf := raw[:r.readable]
	// One copy of the bytes read as a string: every element below is a
	// substring of it, so parsing allocates per request, not per line (the
	// page runs the engine on every keystroke).
	r.src = string(buf)
	fields := headerLines(r.src) - 1 // at most: all but the request-line
	r.Fields = make([]Field, 0, min(fields, cfg.HTTP.MaxFields+1))
	// A trace has about one step per field line, and seldom more than 16
	// for the rest.
	t.reserve(fields + 16)
	t.stage = StageSyntax
	if len(raw) == 0 {
		t.fail("the request is not empty", Span{}, noteEmpty)
		return
	}

	// RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request-line.
	off, empty := 0, 0
	for {
		l := readLine(buf, off)
		if l.end != l.start || l.term == "" {
			break
		}
		empty++
		off = l.next
	}
	if empty > 0 {
		t.note(Span{0, off}, noteLeadingEmptyLine, Var{"count", strconv.Itoa(empty)})
	}

	rl := readLine(buf, off)
	if rl.term == "" {
		lineEnd := rl.end // a CR at the end may be the start of CRLF
		if lineEnd > rl.start && buf[lineEnd-1] == '\r' {
			lineEnd--
		}
		switch {
		case lineEnd-rl.start > cfg.HTTP.MaxRequestLine:
			// Already over the limit: a server answers without waiting.
			parseRequestLine(r, buf, rl, cfg, t)
		case r.overLimit():
			r.LineSpan = Span{rl.start, rl.end}
			headTooLarge(r, cfg, t)
		default:
			t.fail("the request-line ends with CRLF", Span{rl.start, rl.end}, noteIncompleteHeader)
			r.LineSpan = Span{rl.start, rl.end}
		}
		return
	}
	if rl.end-rl.start > cfg.HTTP.MaxRequestLine {
		// Over the limit before its end: the limit decides, as for a server
		// that reads the line as it comes, whatever ends the line.
		parseRequestLine(r, buf, rl, cfg, t)
		checkTerminator(r, rl, cfg, t)
	} else {
		checkTerminator(r, rl, cfg, t)
		parseRequestLine(r, buf, rl, cfg, t)
	}

	end, how, _ := readSection(r, buf, rl.next, empty+2, section{fields: &r.Fields, name: "header section"}, cfg, t)
	if how == sectionWaiting {
		t.fail("the header section ends with an empty line", Span{rl.next, len(buf)}, noteIncompleteHeader)
	}
	if how != sectionComplete {
		return
	}
	r.HeaderEnd = end
	t.bodyAt = end
	checkHost(r, t)
	t.stage = StageFraming
	parseFraming(r, cfg, t)
}

// overLimit reports whether the input goes on past the bytes the server
// reads for one request: a part of the request that has not ended within
// them is over the limit.
func (r *Request) overLimit() bool { return len(r.Raw) > r.readable }

// headTooLarge refuses a request whose request-line and header section do
// not end within the bytes the server reads for one request: 431 (RFC 6585
// §5; RFC 9110 §5.4 requires a 4xx), as it is not the content that is too
// large.
func headTooLarge(r *Request, cfg *Config, t *trace) {
	t.fail("the request-line and header section fit the server's limit for a request", Span{r.readable, len(r.Raw)}, noteRequestHeadTooLarge, Var{"limit", strconv.Itoa(cfg.HTTP.MaxRequestBytes)})
}

// headerLines counts the lines before the first empty line that follows
// another line, or all the lines when there is none.
func headerLines(s string) int {
	n := 1
	for i := strings.IndexByte(s, '\n'); i >= 0; n++ {
		rest := s[i+1:]
		if strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "\r\n") {
			break
		}
		j := strings.IndexByte(rest, '\n')
		if j < 0 {
			return n + 1
		}
		i += 1 + j
	}
	return n
}

// checkTerminator reports a bare LF (RFC 9112 §2.2: a recipient MAY accept it)
// and bare CRs inside a line (MUST be treated as invalid or replaced by SP).
func checkTerminator(r *Request, l line, cfg *Config, t *trace) {
	if l.term == "LF" && !r.hasBareLF {
		r.hasBareLF = true
		sp := Span{l.end, l.next}
		if cfg.HTTP.BareLF == "reject" {
			t.fail("lines end with CRLF", sp, noteBareLFRejected)
		} else {
			t.pass("lines end with CRLF (a bare LF is accepted)", sp, noteBareLFAccepted)
		}
	}
	checkBareCR(r, l, cfg, t)
}

// checkBareCR reports the first bare CR inside the line l (RFC 9112 §2.2: a
// recipient MUST consider the element invalid or replace each bare CR with
// SP), and reports whether the line can be read on: the server replaces it.
func checkBareCR(r *Request, l line, cfg *Config, t *trace) bool {
	i := bytes.IndexByte(r.Raw[l.start:l.end], '\r')
	if i < 0 {
		return true
	}
	i += l.start
	if cfg.HTTP.CTL == "replace" {
		t.pass("a bare CR inside a line is replaced by SP", Span{i, i + 1}, noteBareCRReplaced)
		return true
	}
	t.fail("no bare CR inside a line", Span{i, i + 1}, noteBareCR)
	return false
}

// replaced returns the line [start, end) with each CR and NUL replaced by SP
// when the server is set to replace them (RFC 9112 §2.2 for a bare CR,
// RFC 9110 §5.5 for NUL in a field value), recording each NUL; otherwise the
// line as it is. The result has the same length, so spans stay valid.
func replaced(r *Request, start, end int, cfg *Config, t *trace) string {
	s := r.src[start:end]
	if cfg.HTTP.CTL != "replace" || strings.IndexByte(s, 0) < 0 && strings.IndexByte(s, '\r') < 0 {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		switch c {
		case 0:
			t.pass("NUL is replaced by SP", Span{start + i, start + i + 1}, noteNULReplaced)
			b[i] = ' '
		case '\r':
			b[i] = ' '
		}
	}
	return string(b)
}

// shown is a request element as a diagnostic shows it: "(empty)" for "".
func shown(s string) string {
	if s == "" {
		return "(empty)"
	}
	return s
}
