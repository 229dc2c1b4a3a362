package engine

import (
	"strconv"
	"strings"
)

// Message body framing (RFC 9112 §6): Content-Length, Transfer-Encoding,
// the chunked coding, and where the request message ends.

// parseFraming decides the body length, reads the body and sets r.After.
func parseFraming(r *Request, cfg *Config, t *trace) {
	te := r.Values("Transfer-Encoding")
	cl := r.Values("Content-Length")
	r.BodyComplete = true
	r.After = r.HeaderEnd
	r.BodySpan = Span{r.HeaderEnd, r.HeaderEnd}

	if len(te) > 0 && len(cl) > 0 {
		// RFC 9112 §6.1: MAY reject, or process by TE alone; either way MUST close.
		r.Close = true
		if cfg.HTTP.TECL == "reject" {
			t.fail("not both Transfer-Encoding and Content-Length", Span{cl[0].Span.Start, cl[0].Span.End}, noteTEandCLRejected)
			return
		}
		t.pass("Transfer-Encoding overrides Content-Length", cl[0].Span, noteTEandCLObeyTE)
	}
	if len(te) > 0 {
		if r.Major == 1 && r.Minor == 0 {
			// RFC 9112 §6.1: HTTP/1.0 with TE is faulty framing; close after processing.
			r.Close = true
			t.note(te[0].Span, noteTEinHTTP10)
		}
		codings := r.List("Transfer-Encoding")
		if len(codings) == 0 {
			t.fail("Transfer-Encoding names a coding", te[0].Span, noteTENotChunkedLast, Var{"codings", te[0].Value})
			r.Close = true
			return
		}
		// RFC 9112 §6.3 item 4: chunked not final is a MUST-400 and is checked
		// before §6.1's SHOULD-501 for codings the server does not implement.
		last := codings[len(codings)-1]
		if !equalFold(last.Value, "chunked") {
			t.fail("chunked is the final transfer coding", last.Span, noteTENotChunkedLast, Var{"codings", joinElems(codings)})
			r.Close = true
			return
		}
		for _, c := range codings[:len(codings)-1] {
			if equalFold(c.Value, "chunked") {
				t.fail("chunked is applied only once", c.Span, noteTENotChunkedLast, Var{"codings", joinElems(codings)})
				r.Close = true
				return
			}
		}
		for _, c := range codings {
			name := c.Value
			if i := strings.IndexByte(name, ';'); i >= 0 {
				name = trimOWS(name[:i])
			}
			if !knownCoding(name) {
				t.fail("every transfer coding is implemented", c.Span, noteTEUnknown, Var{"coding", c.Value})
				r.Close = true
				return
			}
		}
		r.Chunked = true
		if cfg.HTTP.RequireLength {
			// RFC 9112 §6.3: a server MAY reject a request that contains a
			// message body but not a Content-Length with 411.
			t.fail("the body is framed by Content-Length", te[0].Span, noteLengthRequired)
			r.Close = true
			return
		}
		t.pass("the body is framed by the chunked coding", te[0].Span, nil)
		readChunked(r, cfg, t)
		return
	}
	if len(cl) > 0 {
		n, ok, sp := contentLength(cl)
		if !ok {
			t.fail("Content-Length is one non-negative decimal number", sp, noteCLInvalid, Var{"value", shown(joinFieldValues(cl))})
			r.Close = true
			return
		}
		if len(cl) > 1 || len(r.List("Content-Length")) > 1 {
			t.note(cl[0].Span, noteCLRepeated, Var{"value", joinFieldValues(cl)})
		}
		avail := r.readable - r.HeaderEnd
		if n > int64(cfg.HTTP.MaxBody) {
			t.fail("the body fits the server's limit", sp, noteBodyTooLarge, Var{"length", r.src[sp.Start:sp.End]}, Var{"limit", strconv.Itoa(cfg.HTTP.MaxBody)})
			r.Close = true
			return
		}
		if int64(r.HeaderEnd)+n > int64(cfg.HTTP.MaxRequestBytes) {
			// Known from the header section: the content makes the request
			// longer than the server reads.
			bodyTooLarge(r, sp, cfg, t)
			return
		}
		if int64(avail) < n {
			// The body ends within the bytes the server reads (above), so
			// they are all the input there is.
			r.Body = r.Raw[r.HeaderEnd:]
			r.BodySpan = Span{r.HeaderEnd, len(r.Raw)}
			r.BodyComplete = false
			r.After = len(r.Raw)
			t.fail("the whole body has arrived", sp, noteBodyIncomplete, Var{"length", strconv.FormatInt(n, 10)}, Var{"got", strconv.Itoa(avail)})
			return
		}
		end := r.HeaderEnd + int(n)
		r.Body = r.Raw[r.HeaderEnd:end]
		r.BodySpan = Span{r.HeaderEnd, end}
		r.After = end
		if n > 0 {
			t.pass("the body is framed by Content-Length", sp, noteBodyRead, Var{"length", strconv.FormatInt(n, 10)})
		} else {
			t.pass("Content-Length: 0 means no body", sp, nil)
		}
		return
	}
	// RFC 9112 §6.3: neither CL nor TE means a zero-length request body.
	t.pass("no body (neither Content-Length nor Transfer-Encoding)", Span{}, nil)
}

func knownCoding(name string) bool {
	for _, c := range []string{"chunked", "gzip", "x-gzip", "deflate", "compress", "x-compress"} {
		if equalFold(name, c) {
			// Only chunked is decoded by this server; the others are understood
			// but not implemented, which RFC 9112 §6.1 treats the same way as unknown (501).
			return equalFold(name, "chunked")
		}
	}
	return false
}

// contentLength validates the Content-Length lines (RFC 9112 §6.3 item 5):
// 1*DIGIT, and a list of identical values may be collapsed.
func contentLength(lines []Field) (n int64, ok bool, sp Span) {
	n = -1
	for _, f := range lines {
		sp = f.ValueSpan
		es, empties := splitList(f.Value, f.ValueSpan.Start)
		if len(es) == 0 {
			return 0, false, f.Span
		}
		if empties > 0 {
			return 0, false, f.ValueSpan
		}
		for _, e := range es {
			var x int64
			for i := 0; i < len(e.Value); i++ {
				if !isDigit(e.Value[i]) {
					return 0, false, Span{e.Span.Start + i, e.Span.Start + i + 1}
				}
				// Saturate: any length over 10^15 is over every limit (413),
				// and 1*DIGIT has no maximum (RFC 9110 §8.6).
				x = min(x*10+int64(e.Value[i]-'0'), 1e15)
			}
			if n >= 0 && x != n {
				return 0, false, e.Span
			}
			n = x
		}
	}
	return n, true, sp
}

// readChunked decodes the chunked coding (RFC 9112 §7.1):
//
//	chunked-body = *chunk last-chunk trailer-section CRLF
//	chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
//	last-chunk   = 1*("0") [ chunk-ext ] CRLF
//
// Only the bytes the server reads for the request are looked at; a chunk
// that would end past them is refused as soon as its chunk-size is read.
func readChunked(r *Request, cfg *Config, t *trace) {
	raw := r.Raw[:r.readable]
	off := r.HeaderEnd
	var body []byte
	incomplete := func() {
		r.Body = body
		r.BodySpan = Span{r.HeaderEnd, len(raw)}
		r.BodyComplete = false
		r.After = len(raw)
		t.fail("the whole chunked body has arrived", r.BodySpan, noteChunkedIncomplete)
	}
	for {
		l := readLine(raw, off)
		if l.term == "" {
			if r.overLimit() {
				bodyTooLarge(r, Span{r.readable, len(r.Raw)}, cfg, t)
				return
			}
			incomplete()
			return
		}
		size, ok := chunkLine(r, l, cfg, t)
		if !ok {
			r.Close = true
			return
		}
		if int64(len(body))+size > int64(cfg.HTTP.MaxBody) {
			length := strconv.FormatInt(int64(len(body))+size, 10)
			if size == maxHex {
				length = "at least " + length
			}
			t.fail("the body fits the server's limit", Span{l.start, l.end}, noteBodyTooLarge, Var{"length", length}, Var{"limit", strconv.Itoa(cfg.HTTP.MaxBody)})
			r.Close = true
			return
		}
		if size > 0 && int64(l.next)+size+2 > int64(cfg.HTTP.MaxRequestBytes) {
			bodyTooLarge(r, Span{l.start, l.end}, cfg, t)
			return
		}
		off = l.next
		if size == 0 {
			// trailer-section CRLF: field lines, read as the header
			// section's are (RFC 9112 §7.1.2), into r.Trailers.
			end, how, problems := readSection(r, raw, off, r.Pos(off).Line, section{trailer: true, fields: &r.Trailers, name: "trailer section"}, cfg, t)
			switch {
			case how == sectionWaiting:
				incomplete()
				return
			case how == sectionOverLimit || problems > 0:
				r.Close = true
				return
			}
			r.Body = body
			r.BodySpan = Span{r.HeaderEnd, end}
			r.After = end
			t.pass("the chunked body ends with the last-chunk", r.BodySpan, noteBodyRead, Var{"length", strconv.Itoa(len(body))})
			ignoreTrailers(r, t)
			return
		}
		if int64(len(raw)-off) < size+2 {
			body = append(body, raw[off:min(len(raw), off+int(size))]...)
			incomplete()
			return
		}
		end := off + int(size)
		body = append(body, raw[off:end]...)
		switch {
		case raw[end] == '\r' && raw[end+1] == '\n':
		case raw[end] == '\n':
			t.fail("chunk-data is followed by CRLF", Span{end, end + 1}, noteChunkedBareLF)
			r.Close = true
			return
		default:
			t.fail("chunk-data is followed by CRLF", Span{end, end + 2}, noteChunkedSyntax, Var{"line", "chunk-data of " + strconv.FormatInt(size, 10) + " bytes"})
			r.Close = true
			return
		}
		off = end + 2
	}
}

// bodyTooLarge refuses a request whose message body does not end within
// the bytes the server reads for one request, though its header section
// does: 413 (RFC 9110 §15.5.14).
func bodyTooLarge(r *Request, sp Span, cfg *Config, t *trace) {
	t.fail("the request fits the server's limit for a request", sp, noteTooLarge, Var{"limit", strconv.Itoa(cfg.HTTP.MaxRequestBytes)})
	r.Close = true
}

// ignoreTrailers explains the trailer fields that would have mattered in
// the header section: the decision was made from the header section alone,
// before the trailer section arrived. Fields that describe framing, routing
// or request modifiers "cannot be processed outside the header section"
// (RFC 9110 §6.5.1), and a recipient MUST NOT merge a trailer field into the
// header section unless its definition allows it (RFC 9112 §7.1.2).
func ignoreTrailers(r *Request, t *trace) {
	for i := range r.Trailers {
		if f := &r.Trailers[i]; decidingField(f.Name) {
			t.note(f.Span, noteTrailerIgnored, Var{"name", f.Name})
		}
	}
}

// decidingField reports whether the header field name takes part in the
// engine's decision: framing, Host, Expect, the Upgrade mechanism and the
// fields of the protocols it upgrades to.
func decidingField(name string) bool {
	for _, d := range []string{"Connection", "Content-Length", "Expect", "HTTP2-Settings", "Host", "Origin", "Transfer-Encoding", "Upgrade"} {
		if equalFold(name, d) {
			return true
		}
	}
	const ws = "Sec-WebSocket-"
	return len(name) > len(ws) && equalFold(name[:len(ws)], ws)
}

// chunkLine reads a chunk-size line, l, and returns its chunk-size, or false
// when the line is refused (RFC 9112 §7.1, §7.1.1):
//
//	chunk-size [ chunk-ext ] CRLF
//
// It ends with CRLF: RFC 9112 §2.2 lets a recipient accept a bare LF as the
// line terminator of the start-line and of fields, not of chunk lines (the
// RFC Editor rejected erratum 7633, which would have extended it), so the
// setting for bare LF does not apply here. A bare CR is invalid or replaced
// by SP, as in any protocol element outside the content (§2.2). The
// chunk-size has no whitespace before it; whitespace after it is BWS, only
// before a chunk extension's ";".
func chunkLine(r *Request, l line, cfg *Config, t *trace) (int64, bool) {
	if l.term != "CRLF" {
		t.fail("a chunk line ends with CRLF", Span{l.end, l.next}, noteChunkedBareLF)
		return 0, false
	}
	if !checkBareCR(r, l, cfg, t) {
		return 0, false
	}
	s := strings.ReplaceAll(r.src[l.start:l.end], "\r", " ")
	i := 0
	for i < len(s) && isHexDig(s[i]) {
		i++
	}
	if i == 0 || i < len(s) && s[i] != ';' && !isOWS(s[i]) {
		sp := Span{l.start + i, l.start + i + 1}
		if len(s) == 0 {
			sp = Span{l.start, l.next} // an empty line
		}
		t.fail("each chunk starts with a hexadecimal chunk-size", sp, noteChunkedSyntax, Var{"line", shown(r.src[l.start:l.end])})
		return 0, false
	}
	if j := badChunkExt(s, i); j >= 0 {
		sp, what := Span{l.start + j, l.start + j + 1}, "the end of the line"
		if j < len(s) {
			what = quotedByte(s[j])
		} else {
			sp = Span{l.end, l.next} // something is missing: point at the CRLF
		}
		t.fail("a chunk-size is followed only by chunk extensions", sp, noteChunkExtSyntax, Var{"line", r.src[l.start:l.end]}, Var{"byte", what})
		return 0, false
	}
	size, _ := parseHex(s[:i])
	return size, true
}

// badChunkExt returns the index of the first byte of s, from i on, that does
// not fit the chunk extensions of RFC 9112 §7.1.1 (len(s) when something is
// missing at the end), or -1 when s[i:] is
//
//	chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
//	chunk-ext-name = token
//	chunk-ext-val  = token / quoted-string
//
// BWS is whitespace where the grammar allows it only for historical reasons
// (RFC 9110 §5.6.3): a recipient parses for it and removes it. A server
// ignores the extensions it does not know (§7.1.1) but not malformed ones,
// which parsers read differently.
func badChunkExt(s string, i int) int {
	skip := func(i int) int {
		for i < len(s) && isOWS(s[i]) {
			i++
		}
		return i
	}
	token := func(i int) int {
		for i < len(s) && isTchar[s[i]] {
			i++
		}
		return i
	}
	for {
		j := skip(i)
		switch {
		case j == len(s) && j > i:
			return i // whitespace before the end of the line: BWS comes only before ";"
		case j == len(s):
			return -1
		case s[j] != ';':
			return j
		}
		j = skip(j + 1)
		k := token(j)
		if k == j {
			return j // no chunk-ext-name
		}
		i = k
		if j = skip(k); j == len(s) || s[j] != '=' {
			continue
		}
		j = skip(j + 1)
		if j < len(s) && s[j] == '"' {
			_, n, ok := unquote(s[j:])
			if !ok {
				return j
			}
			i = j + n
			continue
		}
		if k = token(j); k == j {
			return j // no chunk-ext-val
		}
		i = k
	}
}

// quotedByte names a byte for a diagnostic: a visible character in quotes,
// anything else as byteName does.
func quotedByte(c byte) string {
	if c > ' ' && c < 0x7f {
		return "\"" + string(rune(c)) + "\""
	}
	return byteName(c)
}

// joinElems writes list elements as a list.
func joinElems(es []elem) string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(e.Value)
	}
	return b.String()
}

func joinFieldValues(fs []Field) string {
	s := ""
	for i, f := range fs {
		if i > 0 {
			s += ", "
		}
		s += f.Value
	}
	return s
}
