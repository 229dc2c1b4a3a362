package engine

import (
	"strconv"
	"strings"
)

// The field lines of a field section, the header section or a trailer
// section (RFC 9112 §5, §7.1.2, RFC 9110 §5): names, values, obs-fold,
// controls, size limits; and Host (RFC 9112 §3.2).

// A field section is *( field-line CRLF ) followed by an empty line: the
// header section (RFC 9112 §5), and a chunked body's trailer section
// (§7.1.2), which is the same grammar. readSection reads both, with the
// same rules and the same settings (bare LF, bare CR and NUL, obs-fold) and
// the same limits; only where the fields go and the words of the trace
// differ.
type section struct {
	trailer bool     // the trailer section of a chunked body, else the header section
	fields  *[]Field // where the field lines go: Request.Fields or Request.Trailers
	name    string   // "header section" or "trailer section", for the trace
}

// How reading a field section ended.
type sectionEnd uint8

const (
	sectionComplete  sectionEnd = iota // the empty line that ends it was read
	sectionWaiting                     // the input ends before that empty line
	sectionOverLimit                   // a size limit stopped reading (a failed step says which)
)

// readSection reads field lines from off, where line number lineNo starts,
// up to the empty line that ends the section, into *sec.fields. It returns
// the offset after that empty line and the number of field lines that
// failed a check.
func readSection(r *Request, raw []byte, off, lineNo int, sec section, cfg *Config, t *trace) (end int, how sectionEnd, problems int) {
	start := off
	first := !sec.trailer // the line after the request-line (RFC 9112 §2.2)
	lines := 0
	tooLarge := func(sp Span) {
		limit := Var{"limit", strconv.Itoa(cfg.HTTP.MaxHeaderBytes)}
		if sec.trailer {
			t.fail("the trailer section fits the server's limit", sp, noteTrailerTooLarge, limit, Var{"what", "a field section"})
		} else {
			t.fail("the header section fits the server's limit", sp, noteHeaderTooLarge, limit)
		}
	}
	lineTooLong := func(l line, end int) {
		t.fail("each field line fits the server's limit", Span{l.start, end}, noteFieldLineTooLong, Var{"name", fieldLineName(r.src[l.start:end])}, Var{"limit", strconv.Itoa(cfg.HTTP.MaxFieldLine)}, Var{"size", strconv.Itoa(end - l.start)})
	}
	// overLimit applies the limits that a line's content (up to lineEnd,
	// without its terminator) can exceed, in the same order whether or not
	// the line has ended, so that the answer does not depend on how the
	// bytes arrive: a server that reads a line as it comes meets them
	// before the line's end.
	overLimit := func(l line, lineEnd int) bool {
		switch {
		case lineEnd == l.start:
			return false // nothing yet, or the empty line that ends the section
		case lineEnd-start > cfg.HTTP.MaxHeaderBytes:
			tooLarge(Span{start, lineEnd})
		case lines+1 > cfg.HTTP.MaxFields:
			t.fail("the number of field lines fits the server's limit", Span{l.start, lineEnd}, noteTooManyFields, Var{"limit", strconv.Itoa(cfg.HTTP.MaxFields)})
		default:
			return false
		}
		return true
	}
	for ; ; lineNo++ { // one line each time round
		l := readLine(raw, off)
		if l.term == "" {
			// Limits already exceeded are answered without waiting for more.
			// A CR at the end may be the start of the line's CRLF.
			lineEnd := l.end
			if lineEnd > l.start && raw[lineEnd-1] == '\r' {
				lineEnd--
			}
			switch {
			case overLimit(l, lineEnd):
			case lineEnd-l.start > cfg.HTTP.MaxFieldLine:
				lineTooLong(l, lineEnd)
			case !r.overLimit():
				return len(raw), sectionWaiting, problems
			case sec.trailer:
				// The section does not end within the bytes the server reads
				// for the whole request.
				t.fail("the trailer section fits the server's limit for a request", Span{r.readable, len(r.Raw)}, noteTrailerTooLarge, Var{"limit", strconv.Itoa(cfg.HTTP.MaxRequestBytes)}, Var{"what", "a whole request"})
			default:
				headTooLarge(r, cfg, t)
			}
			return -1, sectionOverLimit, problems
		}
		if overLimit(l, l.end) {
			return -1, sectionOverLimit, problems
		}
		off = l.next
		if l.end-l.start > cfg.HTTP.MaxFieldLine {
			lines++
			lineTooLong(l, l.end)
			problems++
			continue
		}
		checkTerminator(r, l, cfg, t)
		if l.end == l.start {
			end = l.next
			break
		}
		if l.next-start > cfg.HTTP.MaxHeaderBytes {
			tooLarge(Span{start, l.end})
			return -1, sectionOverLimit, problems
		}
		lines++
		if !readFieldLine(r, l, lineNo, &first, sec, cfg, t) {
			problems++
		}
	}
	switch {
	case problems > 0:
	case !sec.trailer:
		t.pass("every field line is field-name \":\" OWS field-value OWS", Span{start, end}, nil)
	case lines > 0:
		t.pass("every trailer field line is field-name \":\" OWS field-value OWS", Span{start, end}, nil)
	}
	return end, sectionComplete, problems
}

// readFieldLine reads one line of a field section, l, which is not empty:
// a field line (RFC 9112 §5), or an obs-fold continuing the one before it
// (§5.2). *first is set while no line of the header section has started
// with anything but whitespace. It reports whether the line passed every
// check.
func readFieldLine(r *Request, l line, lineNo int, first *bool, sec section, cfg *Config, t *trace) bool {
	s := replaced(r, l.start, l.end, cfg, t)
	fields := sec.fields
	if isOWS(s[0]) {
		if *first {
			// RFC 9112 §2.2: whitespace between the start-line and the first field.
			t.fail("no whitespace before the first field line", Span{l.start, l.end}, noteWhitespaceAfterStartLine)
			return false
		}
		if len(*fields) == 0 {
			// obs-fold continues a field line (RFC 9112 §5.2); with none
			// before it, the line is neither that nor a field line.
			t.fail("a line that starts with whitespace continues a field line", Span{l.start, l.end}, noteObsFoldNoField, Var{"section", sec.name})
			return false
		}
		// obs-fold (RFC 9112 §5.2).
		if cfg.HTTP.ObsFold == "unfold" {
			f := &(*fields)[len(*fields)-1]
			if cont := trimOWS(s); cont != "" {
				f.Value += " " + cont
			}
			f.Span.End = l.end
			f.ValueSpan.End = l.end
			t.pass("obs-fold is replaced by SP", Span{l.start, l.end}, noteObsFoldUnfolded, Var{"name", f.Name})
			return true
		}
		t.fail("no obs-fold (a field line continued on the next line)", Span{l.start, l.end}, noteObsFoldRejected)
		return false
	}
	*first = false
	ok := true
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		t.fail("each field line has a colon", Span{l.start, l.end}, noteNoColon, Var{"line", s})
		return false
	}
	name := s[:colon]
	fieldName := name
	if n := len(name); n > 0 && isOWS(name[n-1]) {
		e := n
		for e > 0 && isOWS(name[e-1]) {
			e--
		}
		t.fail("no whitespace between the field name and the colon", Span{l.start + e, l.start + colon}, noteSpaceBeforeColon, Var{"name", name[:e]})
		ok = false
		// Read on as a lenient parser would (gobwas trims the name), so
		// that later checks do not add a misleading "no Host".
		fieldName = name[:e]
	} else if !isToken(name) {
		bad := Span{l.start, l.start + 1}
		if i := firstNonTchar(name); i >= 0 {
			bad = Span{l.start + i, l.start + i + 1}
		}
		t.fail("the field name is a token", bad, noteFieldNameNotToken, Var{"name", shown(name)})
		ok = false
	}
	vs, ve := colon+1, len(s)
	for vs < ve && isOWS(s[vs]) {
		vs++
	}
	for ve > vs && isOWS(s[ve-1]) {
		ve--
	}
	value, valueSpan := s[vs:ve], Span{l.start + vs, l.start + ve}
	if i, c, obs := scanValue(value); i >= 0 {
		sp := Span{valueSpan.Start + i, valueSpan.Start + i + 1}
		switch {
		case c == 0 || c == '\r' || c == '\n':
			t.fail("no CR, LF or NUL in a field value", sp, noteValueCRLFNUL, Var{"name", name}, Var{"byte", byteName(c)})
		default:
			t.fail("no control characters in a field value", sp, noteValueCTL, Var{"name", name}, Var{"byte", byteName(c)})
		}
		ok = false
	} else if obs >= 0 {
		t.note(Span{valueSpan.Start + obs, valueSpan.Start + obs + 1}, noteValueObsText, Var{"name", name})
	}
	*fields = append(*fields, Field{
		Name: fieldName, Value: value, Line: lineNo, Span: Span{l.start, l.end},
		NameSpan: Span{l.start, l.start + colon}, ValueSpan: valueSpan,
	})
	return ok
}

// fieldLineName is the name of a field line, for a diagnostic that names
// the field (RFC 6585 §5: a 431 response SHOULD say which field is too
// large): what comes before the colon, cut short when long.
func fieldLineName(s string) string {
	name, _, _ := strings.Cut(s, ":")
	if len(name) > 40 {
		name = name[:40] + "…"
	}
	return shown(name)
}

// scanValue returns the index and value of the first byte of a field value
// that is a CTL other than HTAB (RFC 9110 §5.5), or -1, and the index of
// the first obs-text byte before it, or -1. A CR is skipped: inside a line
// it is a bare CR, which checkTerminator reports at the same position.
func scanValue(s string) (bad int, c byte, obs int) {
	obs = -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20 && c < 0x7f || c == '\t' || c == '\r':
		case c >= 0x80:
			if obs < 0 {
				obs = i
			}
		default:
			return i, c, obs
		}
	}
	return -1, 0, obs
}

// byteName names a byte for a diagnostic: "CR (0x0D)".
func byteName(c byte) string {
	h := "0x" + strings.ToUpper(hexString([]byte{c}))
	name := ""
	switch c {
	case 0:
		name = "NUL"
	case '\t':
		name = "TAB"
	case '\n':
		name = "LF"
	case '\r':
		name = "CR"
	case 0x1b:
		name = "ESC"
	case 0x7f:
		name = "DEL"
	case ' ':
		name = "SP"
	default:
		return h
	}
	return name + " (" + h + ")"
}

// checkHost applies RFC 9112 §3.2: a server MUST respond 400 to an HTTP/1.1
// request without Host, with more than one Host line, or with an invalid Host.
// With the absolute-form, the target's authority replaces Host (§3.2.2).
func checkHost(r *Request, t *trace) {
	hosts := r.Values("Host")
	switch {
	case len(hosts) == 0:
		if r.AtLeast(1, 1) {
			t.fail("an HTTP/1.1 request has a Host field", r.LineSpan, noteHostMissing)
		} else {
			t.skip("an HTTP/1.0 request need not have a Host field", r.VersionSpan, nil)
		}
	case len(hosts) > 1:
		t.fail("exactly one Host field", hosts[1].Span, noteHostDuplicate)
	default:
		h := hosts[0]
		if i := invalidHostByte(h.Value); i >= 0 {
			i = min(i, len(h.Value)-1) // something missing at the end: point at the last byte
			t.fail("the Host value is a valid uri-host [ \":\" port ]", Span{h.ValueSpan.Start + i, h.ValueSpan.Start + i + 1}, noteHostInvalid, Var{"host", h.Value})
			return
		}
		t.pass("exactly one valid Host field", h.Span, nil)
		if r.TargetForm == "absolute" {
			auth, sp := targetAuthority(r)
			if auth != "" && !equalFold(auth, h.Value) { // an empty host is refused by the request-line check
				t.note(sp, noteHostAuthorityDiffers, Var{"host", h.Value}, Var{"authority", auth})
			}
		}
	}
}

// targetAuthority returns the authority of an absolute-form target without
// userinfo (RFC 3986 §3.2), and its span.
func targetAuthority(r *Request) (string, Span) {
	s := r.Target
	i := strings.IndexByte(s, ':') + 3
	j := i
	for j < len(s) && s[j] != '/' && s[j] != '?' && s[j] != '#' {
		j++
	}
	a := s[i:j]
	if k := strings.LastIndexByte(a, '@'); k >= 0 {
		i += k + 1
		a = a[k+1:]
	}
	return a, Span{r.TargetSpan.Start + i, r.TargetSpan.Start + j}
}

// invalidHostByte returns the index of the first byte that cannot appear in
// Host = uri-host [ ":" port ] (RFC 9110 §7.2, RFC 3986 §3.2.2), or -1; an
// index equal to len(s) means something is missing at the end. Like Go's
// httpguts.ValidHostHeader it is strict about the alphabet; it also checks
// that a port is digits and that an IP-literal is bracketed.
func invalidHostByte(s string) int {
	hostEnd := len(s)
	if len(s) > 0 && s[0] == '[' {
		j := strings.IndexByte(s, ']')
		if j < 0 {
			return len(s)
		}
		hostEnd = j + 1
		if hostEnd < len(s) && s[hostEnd] != ':' {
			return hostEnd
		}
	} else if j := strings.IndexByte(s, ':'); j >= 0 {
		hostEnd = j
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i > hostEnd: // port = *DIGIT
			if !isDigit(c) {
				return i
			}
		case i == hostEnd: // the ":" before the port
		case isUnreserved(c), isSubDelim(c), c == '%': // reg-name, without checking pct-encoded
		case s[0] == '[' && (c == ':' || c == '[' && i == 0 || c == ']' && i == hostEnd-1):
		default:
			return i
		}
	}
	return -1
}
