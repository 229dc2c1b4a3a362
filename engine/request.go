package engine

// The HTTP/1.1 request parser (RFC 9112 §2–§7, RFC 9110 §5). It works on the
// exact bytes, records every element's span, and never stops at the first
// problem: each violation becomes a failed trace step, and the first one
// that implies a status decides the response.

// A Field is one field line of the header section.
type Field struct {
	Name      string // as written
	Value     string // without leading and trailing OWS; obs-fold replaced by SP when unfolded
	Line      int    // 1-based line number of the field line
	Span      Span   // the whole field line, without its line terminator
	NameSpan  Span
	ValueSpan Span
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

	src        string // Raw as a string; elements are substrings of it
	lineStarts []int
	hasBareLF  bool
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
	lo, hi := 0, len(r.lineStarts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if r.lineStarts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	start := 0
	if len(r.lineStarts) > 0 {
		start = r.lineStarts[lo]
	}
	return Pos{Offset: off, Line: lo + 1, Col: off - start + 1}
}

// Values returns every field line whose name matches (case-insensitively).
func (r *Request) Values(name string) []Field {
	var out []Field
	for _, f := range r.Fields {
		if equalFold(f.Name, name) {
			out = append(out, f)
		}
	}
	return out
}

// Has reports whether a field with the name is present.
func (r *Request) Has(name string) bool {
	for _, f := range r.Fields {
		if equalFold(f.Name, name) {
			return true
		}
	}
	return false
}

// List returns the combined #list elements of every line of a field
// (RFC 9110 §5.3: repeated lines combine, in order, into one list).
func (r *Request) List(name string) []elem {
	var out []elem
	for _, f := range r.Fields {
		if equalFold(f.Name, name) {
			es, _ := splitList(f.Value, f.ValueSpan.Start)
			out = append(out, es...)
		}
	}
	return out
}

// HasToken reports whether the #list field name contains token,
// ASCII case-insensitively.
func (r *Request) HasToken(name, token string) bool {
	for i := range r.Fields {
		if f := &r.Fields[i]; equalFold(f.Name, name) && listHas(f.Value, token) {
			return true
		}
	}
	return false
}

// AtLeast reports whether the request's version is at least major.minor.
func (r *Request) AtLeast(major, minor int) bool {
	return r.Major > major || r.Major == major && r.Minor >= minor
}

// fieldSpan returns the span of all lines of a field, or an empty span.
func (r *Request) fieldSpan(name string) Span {
	var sp Span
	for _, f := range r.Fields {
		if equalFold(f.Name, name) {
			if sp.Empty() {
				sp = f.Span
			} else {
				sp.End = f.Span.End
			}
		}
	}
	return sp
}

// longestMethod is the length of the longest method in knownMethods.
const longestMethod = len("OPTIONS")

// knownMethods are the methods of RFC 9110 §9 plus PATCH (RFC 5789) and the
// HTTP/2 preface's PRI (RFC 9113 §3.4).
var knownMethods = []string{"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PRI"}

// line is one line of input: [start, end) without terminator; next is the
// offset of the following line. term is "CRLF", "LF" or "" (end of input).
type line struct {
	start, end, next int
	term             string
}

// readLine finds the line starting at off. A CR not followed by LF is left in
// the line (the caller reports it as a bare CR).
func readLine(raw []byte, off int) line {
	for i := off; i < len(raw); i++ {
		if raw[i] == '\n' {
			if i > off && raw[i-1] == '\r' {
				return line{off, i - 1, i + 1, "CRLF"}
			}
			return line{off, i, i + 1, "LF"}
		}
	}
	return line{off, len(raw), len(raw), ""}
}

// parse reads the request from raw, recording its checks into t.
func parse(raw []byte, cfg *Config, t *trace) *Request {
	r := &Request{Raw: raw, Major: -1, Minor: -1, HeaderEnd: -1, After: -1}
	// One copy of the input as a string: every element below is a substring
	// of it, so parsing allocates per request, not per line (the page runs
	// the engine on every keystroke).
	r.src = string(raw)
	lines := 1
	for _, c := range raw {
		if c == '\n' {
			lines++
		}
	}
	r.lineStarts = make([]int, 1, lines)
	for i, c := range raw {
		if c == '\n' {
			r.lineStarts = append(r.lineStarts, i+1)
		}
	}
	r.Fields = make([]Field, 0, min(lines, cfg.HTTP.MaxFields+1))
	t.stage = "syntax"
	if len(raw) == 0 {
		t.fail("the request is not empty", Span{}, noteEmpty)
		return r
	}
	if max := cfg.HTTP.MaxRequestBytes; len(raw) > max {
		// Decided before parsing, so that a huge paste costs nothing: 413 when
		// the header section ends within the limit (the content is too large),
		// else 431 (RFC 9110 §15.5.14, §5.4).
		sp := Span{max, len(raw)}
		if endsHeader(raw[:max]) {
			t.fail("the request fits the server's size limit", sp, noteTooLarge, v("limit", itoa(max)), v("size", itoa(len(raw))))
		} else {
			t.fail("the header section fits the server's limit", sp, noteHeaderTooLarge, v("limit", itoa(max)))
		}
		return r
	}

	// RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request-line.
	off, empty := 0, 0
	for {
		l := readLine(raw, off)
		if l.end != l.start || l.term == "" {
			break
		}
		empty++
		off = l.next
	}
	if empty > 0 {
		t.note(Span{0, off}, noteLeadingEmptyLine, v("count", itoa(empty)))
	}

	rl := readLine(raw, off)
	if rl.term == "" {
		if rl.end-rl.start > cfg.HTTP.MaxRequestLine {
			// Already over the limit: a server answers without waiting.
			parseRequestLine(r, raw, rl, cfg, t)
			return r
		}
		t.fail("the request-line ends with CRLF", Span{rl.start, rl.end}, noteIncompleteHeader)
		r.LineSpan = Span{rl.start, rl.end}
		return r
	}
	checkTerminator(r, rl, cfg, t)
	parseRequestLine(r, raw, rl, cfg, t)

	parseFields(r, raw, rl.next, cfg, t)
	if r.HeaderEnd < 0 {
		return r
	}
	t.stage = "framing"
	parseFraming(r, cfg, t)
	return r
}

// endsHeader reports whether b holds an empty line after some other line,
// with CRLF or bare LF line ends.
func endsHeader(b []byte) bool {
	for i := 1; i < len(b); i++ {
		if b[i] == '\n' && (b[i-1] == '\n' || b[i-1] == '\r' && i >= 2 && b[i-2] == '\n') {
			return true
		}
	}
	return false
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
	for i := l.start; i < l.end; i++ {
		if r.Raw[i] == '\r' {
			if cfg.HTTP.CTL == "replace" {
				t.pass("a bare CR inside a line is replaced by SP", Span{i, i + 1}, noteBareCRReplaced)
			} else {
				t.fail("no bare CR inside a line", Span{i, i + 1}, noteBareCR)
			}
			break
		}
	}
}

// replaced returns the line [start, end) with each CR and NUL replaced by SP
// when the server is set to replace them (RFC 9112 §2.2 for a bare CR,
// RFC 9110 §5.5 for NUL in a field value), recording each NUL; otherwise the
// line as it is. The result has the same length, so spans stay valid.
func replaced(r *Request, start, end int, cfg *Config, t *trace) string {
	s := r.src[start:end]
	if cfg.HTTP.CTL != "replace" || indexByte(s, 0) < 0 && indexByte(s, '\r') < 0 {
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

func parseRequestLine(r *Request, raw []byte, l line, cfg *Config, t *trace) {
	r.LineSpan = Span{l.start, l.end}
	s := replaced(r, l.start, l.end, cfg, t)
	base := l.start
	if l.end-l.start > cfg.HTTP.MaxRequestLine {
		// RFC 9112 §3: a method longer than any the server implements SHOULD
		// get 501; a request-target longer than it wishes to parse MUST get 414.
		sp1 := indexByte(s, ' ')
		if sp1 < 0 || sp1 > longestMethod {
			end := l.end
			if sp1 >= 0 {
				end = base + sp1
			}
			if i := firstNonTchar(s[:end-base]); i >= 0 {
				t.fail("the method is a token", Span{base + i, base + i + 1}, noteMethodNotToken, v("method", s[:min(i+1, 32)]+"…"))
				return
			}
			t.fail("the method is no longer than any the server implements", Span{base, end}, noteMethodTooLong, v("size", itoa(end-base)))
			return
		}
		end := l.end
		if sp2 := lastIndexByte(s, ' '); sp2 > sp1 {
			end = base + sp2
		}
		t.fail("the request-target fits the server's limit", Span{base + sp1 + 1, end}, noteRequestLineTooLong, v("limit", itoa(cfg.HTTP.MaxRequestLine)), v("size", itoa(l.end-l.start)))
		return
	}
	// request-line = method SP request-target SP HTTP-version (RFC 9112 §3),
	// with exactly one SP between the parts.
	sp1 := indexByte(s, ' ')
	if sp1 < 0 {
		t.fail("the request-line has the form method SP request-target SP HTTP-version", r.LineSpan, noteRequestLineForm)
		return
	}
	rest := s[sp1+1:]
	sp2 := lastIndexByte(rest, ' ')
	if sp2 < 0 {
		r.Method, r.MethodSpan = s[:sp1], Span{base, base + sp1}
		r.Target, r.TargetSpan = rest, Span{base + sp1 + 1, l.end}
		t.fail("the request-line ends with an HTTP-version", Span{l.end, l.next}, noteMissingVersion)
		return
	}
	r.Method, r.MethodSpan = s[:sp1], Span{base, base + sp1}
	r.Target, r.TargetSpan = rest[:sp2], Span{base + sp1 + 1, base + sp1 + 1 + sp2}
	r.Version, r.VersionSpan = rest[sp2+1:], Span{base + sp1 + 1 + sp2 + 1, l.end}

	ok := true
	if r.Method == "" || !isToken(r.Method) {
		bad := Span{base, base + 1}
		if i := firstNonTchar(r.Method); i >= 0 {
			bad = Span{base + i, base + i + 1}
		}
		t.fail("the method is a token", bad, noteMethodNotToken, v("method", shown(r.Method)))
		ok = false
	}
	if r.Target == "" || r.Target[0] == ' ' || r.Target[len(r.Target)-1] == ' ' {
		// M6: strict single-SP splitting; point at the extra space.
		bad := Span{r.TargetSpan.Start, r.TargetSpan.Start + 1}
		switch {
		case r.Target == "":
			bad = Span{r.TargetSpan.Start - 1, r.TargetSpan.Start + 1}
		case r.Target[0] != ' ':
			bad = Span{r.TargetSpan.End - 1, r.TargetSpan.End}
		}
		t.fail("one SP separates the parts of the request-line", bad, noteRequestLineSpaces)
		return
	}
	for i := 0; i < len(r.Target); i++ {
		if c := r.Target[i]; c <= ' ' || c >= 0x7f {
			sp := Span{r.TargetSpan.Start + i, r.TargetSpan.Start + i + 1}
			if c == ' ' {
				t.fail("the request-target has no whitespace", sp, noteTargetWhitespace, v("target", r.Target))
			} else {
				t.fail("the request-target has only visible ASCII", sp, noteTargetBadByte, v("target", r.Target))
			}
			ok = false
			break
		}
	}
	if !parseVersion(r) {
		t.fail("the version is HTTP/DIGIT.DIGIT", r.VersionSpan, noteVersionSyntax, v("version", r.Version))
		return
	}
	if ok {
		t.pass("the request-line is method SP request-target SP HTTP-version", r.LineSpan, nil)
	}

	// V1: an unsupported major version gets 505. The HTTP/2 preface is the
	// same line; the h2c stage explains it.
	switch {
	case r.Major == 1 && r.Minor == 1:
		t.pass("the version is HTTP/1.1", r.VersionSpan, nil)
	case r.Major == 1 && r.Minor == 0:
		t.note(r.VersionSpan, noteHTTP10)
	case r.Major == 1:
		t.note(r.VersionSpan, noteHigherMinor, v("version", r.Version))
	case r.Method == "PRI" && r.Target == "*" && r.Major == 2 && r.Minor == 0:
		// The prior-knowledge preface; decided in Negotiate.
	default:
		t.fail("the major version is 1", r.VersionSpan, noteVersionUnsupported, v("version", r.Version))
	}

	if !ok {
		return
	}
	known := false
	for _, m := range knownMethods {
		if r.Method == m {
			known = true
		}
	}
	if !known {
		up := false
		for _, m := range knownMethods {
			if equalFold(r.Method, m) {
				up = true
			}
		}
		if up {
			t.fail("the method is implemented (methods are case-sensitive)", r.MethodSpan, noteMethodCase, v("method", r.Method))
		} else {
			t.fail("the method is implemented", r.MethodSpan, noteMethodUnknown, v("method", r.Method))
		}
	}

	// request-target forms (RFC 9112 §3.2).
	switch {
	case r.Target == "*":
		r.TargetForm = "asterisk"
		if r.Method != "OPTIONS" && r.Method != "PRI" {
			t.fail("the asterisk-form is used only with OPTIONS", r.TargetSpan, noteAsteriskForm, v("method", r.Method))
		}
	case r.Target[0] == '/':
		r.TargetForm = "origin"
		if i := badURIChar(r.Target); i >= 0 {
			t.note(Span{r.TargetSpan.Start + i, r.TargetSpan.Start + i + 1}, noteTargetChar, v("char", r.Target[i:i+1]), v("target", r.Target))
		}
	case hasSchemePrefix(r.Target):
		r.TargetForm = "absolute"
		t.note(r.TargetSpan, noteAbsoluteForm, v("target", r.Target))
	case r.Method == "CONNECT":
		// authority-form = uri-host ":" port (RFC 9112 §3.2.3).
		r.TargetForm = "authority"
		if i := invalidHostByte(r.Target); i >= 0 || indexByte(r.Target, ':') < 0 || r.Target[len(r.Target)-1] == ':' {
			t.fail("CONNECT uses the authority-form", r.TargetSpan, noteConnectForm, v("target", r.Target))
			return
		}
	default:
		t.fail("the request-target has one of the four forms", r.TargetSpan, noteTargetForm, v("target", r.Target))
	}
	if r.Method == "CONNECT" && r.TargetForm != "authority" {
		t.fail("CONNECT uses the authority-form", r.TargetSpan, noteConnectForm, v("target", r.Target))
	}
}

// badURIChar returns the index of the first byte of an origin-form target
// that RFC 3986 does not allow there, or -1:
//
//	origin-form = absolute-path [ "?" query ]
//	pchar       = unreserved / pct-encoded / sub-delims / ":" / "@"
//	query       = *( pchar / "/" / "?" )
//
// A "%" must start a pct-encoded triplet. The caller has already refused
// whitespace, controls and non-ASCII.
func badURIChar(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', isDigit(c):
		case indexByte("-._~!$&'()*+,;=:@/?", c) >= 0:
		case c == '%':
			if i+2 >= len(s) || !isHexDigit(s[i+1]) || !isHexDigit(s[i+2]) {
				return i
			}
		default:
			return i
		}
	}
	return -1
}

func parseVersion(r *Request) bool {
	s := r.Version
	if len(s) != 8 || s[:5] != "HTTP/" || s[6] != '.' || !isDigit(s[5]) || !isDigit(s[7]) {
		return false
	}
	r.Major, r.Minor = int(s[5]-'0'), int(s[7]-'0')
	return true
}

func hasSchemePrefix(s string) bool {
	i := indexByte(s, ':')
	if i <= 0 || i+2 >= len(s) || s[i+1] != '/' || s[i+2] != '/' {
		return false
	}
	for j := 0; j < i; j++ {
		c := s[j]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 0 && (isDigit(c) || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// parseFields reads field lines from off up to the empty line (RFC 9112 §5).
func parseFields(r *Request, raw []byte, off int, cfg *Config, t *trace) {
	headerStart := off
	first := true
	var problems, lines int
	for {
		l := readLine(raw, off)
		if l.term == "" {
			// Limits already exceeded are answered without waiting for more.
			switch {
			case l.end-headerStart > cfg.HTTP.MaxHeaderBytes:
				t.fail("the header section fits the server's limit", Span{headerStart, l.end}, noteHeaderTooLarge, v("limit", itoa(cfg.HTTP.MaxHeaderBytes)))
			case l.end-l.start > cfg.HTTP.MaxFieldLine:
				t.fail("each field line fits the server's limit", Span{l.start, l.end}, noteFieldLineTooLong, v("limit", itoa(cfg.HTTP.MaxFieldLine)), v("size", itoa(l.end-l.start)))
			default:
				t.fail("the header section ends with an empty line", Span{headerStart, len(raw)}, noteIncompleteHeader)
			}
			return
		}
		checkTerminator(r, l, cfg, t)
		if l.end == l.start {
			r.HeaderEnd = l.next
			break
		}
		if l.next-headerStart > cfg.HTTP.MaxHeaderBytes {
			t.fail("the header section fits the server's limit", Span{headerStart, l.end}, noteHeaderTooLarge, v("limit", itoa(cfg.HTTP.MaxHeaderBytes)))
			return
		}
		if lines++; lines > cfg.HTTP.MaxFields {
			t.fail("the number of field lines fits the server's limit", Span{l.start, l.end}, noteTooManyFields, v("limit", itoa(cfg.HTTP.MaxFields)))
			return
		}
		if l.end-l.start > cfg.HTTP.MaxFieldLine {
			t.fail("each field line fits the server's limit", Span{l.start, l.end}, noteFieldLineTooLong, v("limit", itoa(cfg.HTTP.MaxFieldLine)), v("size", itoa(l.end-l.start)))
			problems++
			off = l.next
			continue
		}
		s := replaced(r, l.start, l.end, cfg, t)
		if isOWS(s[0]) {
			if first {
				// RFC 9112 §2.2: whitespace between the start-line and the first field.
				t.fail("no whitespace before the first field line", Span{l.start, l.end}, noteWhitespaceAfterStartLine)
				problems++
				off = l.next
				continue
			}
			// obs-fold (RFC 9112 §5.2).
			if cfg.HTTP.ObsFold == "unfold" && len(r.Fields) > 0 {
				f := &r.Fields[len(r.Fields)-1]
				cont := trimOWS(s)
				if cont != "" {
					f.Value += " " + cont
				}
				f.ValueSpan.End = l.end
				f.Span.End = l.end
				t.pass("obs-fold is replaced by SP", Span{l.start, l.end}, noteObsFoldUnfolded, v("name", f.Name))
			} else {
				t.fail("no obs-fold (a field line continued on the next line)", Span{l.start, l.end}, noteObsFoldRejected)
				problems++
			}
			off = l.next
			continue
		}
		first = false
		colon := indexByte(s, ':')
		if colon < 0 {
			t.fail("each field line has a colon", Span{l.start, l.end}, noteNoColon, v("line", s))
			problems++
			off = l.next
			continue
		}
		name := s[:colon]
		f := Field{Name: name, Line: r.Pos(l.start).Line, Span: Span{l.start, l.end}, NameSpan: Span{l.start, l.start + colon}}
		if n := len(name); n > 0 && isOWS(name[n-1]) {
			e := n
			for e > 0 && isOWS(name[e-1]) {
				e--
			}
			t.fail("no whitespace between the field name and the colon", Span{l.start + e, l.start + colon}, noteSpaceBeforeColon, v("name", name[:e]))
			problems++
			// Read on as a lenient parser would (gobwas trims the name), so
			// that later checks do not add a misleading "no Host".
			f.Name = name[:e]
		} else if !isToken(name) {
			bad := Span{l.start, l.start + 1}
			if i := firstNonTchar(name); i >= 0 {
				bad = Span{l.start + i, l.start + i + 1}
			}
			t.fail("the field name is a token", bad, noteFieldNameNotToken, v("name", shown(name)))
			problems++
		}
		vs, ve := colon+1, len(s)
		for vs < ve && isOWS(s[vs]) {
			vs++
		}
		for ve > vs && isOWS(s[ve-1]) {
			ve--
		}
		f.Value = s[vs:ve]
		f.ValueSpan = Span{l.start + vs, l.start + ve}
		if i, c := badValueByte(f.Value); i >= 0 {
			sp := Span{f.ValueSpan.Start + i, f.ValueSpan.Start + i + 1}
			switch {
			case c == 0 || c == '\r' || c == '\n':
				t.fail("no CR, LF or NUL in a field value", sp, noteValueCRLFNUL, v("name", name), v("byte", byteName(c)))
			default:
				t.fail("no control characters in a field value", sp, noteValueCTL, v("name", name), v("byte", byteName(c)))
			}
			problems++
		} else if i := firstObsText(f.Value); i >= 0 {
			t.note(Span{f.ValueSpan.Start + i, f.ValueSpan.Start + i + 1}, noteValueObsText, v("name", name))
		}
		r.Fields = append(r.Fields, f)
		off = l.next
	}
	if problems == 0 {
		t.pass("every field line is field-name \":\" OWS field-value OWS", Span{headerStart, r.HeaderEnd}, nil)
	}
	checkHost(r, t)
}

// badValueByte returns the first byte of a field value that is a CTL other
// than HTAB (RFC 9110 §5.5), or -1. A CR is skipped: inside a line it is a
// bare CR, which checkTerminator reports at the same position.
func badValueByte(s string) (int, byte) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\r' || c == 0x7f {
			return i, c
		}
	}
	return -1, 0
}

func firstObsText(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return i
		}
	}
	return -1
}

// byteName names a byte for a diagnostic: "CR (0x0D)".
func byteName(c byte) string {
	h := "0x" + string("0123456789ABCDEF"[c>>4]) + string("0123456789ABCDEF"[c&15])
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
			t.fail("the Host value is a valid uri-host [ \":\" port ]", Span{h.ValueSpan.Start + i, h.ValueSpan.Start + i + 1}, noteHostInvalid, v("host", h.Value))
			return
		}
		t.pass("exactly one valid Host field", h.Span, nil)
		if r.TargetForm == "absolute" {
			auth, sp := targetAuthority(r)
			if !equalFold(auth, h.Value) {
				t.note(sp, noteHostAuthorityDiffers, v("host", h.Value), v("authority", auth))
			}
		}
	}
}

// targetAuthority returns the authority of an absolute-form target without
// userinfo (RFC 3986 §3.2), and its span.
func targetAuthority(r *Request) (string, Span) {
	s := r.Target
	i := indexByte(s, ':') + 3
	j := i
	for j < len(s) && s[j] != '/' && s[j] != '?' && s[j] != '#' {
		j++
	}
	a := s[i:j]
	if k := lastIndexByte(a, '@'); k >= 0 {
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
		j := indexByte(s, ']')
		if j < 0 {
			return len(s)
		}
		hostEnd = j + 1
		if hostEnd < len(s) && s[hostEnd] != ':' {
			return hostEnd
		}
	} else if j := indexByte(s, ':'); j >= 0 {
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
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', isDigit(c):
		case indexByte("-._~!$&'()*+,;=%", c) >= 0:
		case s[0] == '[' && (c == ':' || c == '[' && i == 0 || c == ']' && i == hostEnd-1):
		default:
			return i
		}
	}
	return -1
}

// shown is a request element as a diagnostic shows it: "(empty)" for "".
func shown(s string) string {
	if s == "" {
		return "(empty)"
	}
	return s
}

func trimOWS(s string) string {
	i, j := 0, len(s)
	for i < j && isOWS(s[i]) {
		i++
	}
	for j > i && isOWS(s[j-1]) {
		j--
	}
	return s[i:j]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}
