package engine

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The response parser of reverse mode: the status line and the field lines
// of a response as a client receives it (RFC 9112 §4, §5). Like the request
// parser it works on the exact bytes, records the span of every element,
// and keeps what a lenient reader would normalise away (bare LF, obs-fold,
// repeated and re-cased field names), because clients disagree on each.

// A Received is a response as the client received it.
type Received struct {
	Raw []byte

	// Version, Status and Reason are the status line's three parts as
	// written. Major and Minor are -1 unless Version is "HTTP/" DIGIT "."
	// DIGIT; Status is -1 unless the status is three digits.
	Version, Reason                               string
	Major, Minor, Status                          int
	LineSpan, VersionSpan, StatusSpan, ReasonSpan Span
	// LineProblem says why the status line breaks RFC 9112 §4's grammar,
	// or is empty. NoReasonSP reports a status line that ends right after
	// the status code, without the SP that RFC 9112 §4 requires before
	// even an empty reason.
	LineProblem string
	NoReasonSP  bool
	// Interim holds the 1xx responses (other than 101) before this one.
	Interim []Interim

	// Fields are the field lines, in order, names as written; an obs-fold
	// continuation is joined to its field's value with one SP.
	Fields []Field
	// BareLF holds the bare LF line terminators of the head (each span is
	// the LF), Folds the obs-fold continuation lines, and BadLines the
	// field lines that are not name ":" value (with Problems saying why).
	BareLF, Folds, BadLines []Span
	Problems                []string

	// HeaderEnd is the offset just past the empty line that ends the head,
	// or -1 when the bytes end (or the limits are reached) before it.
	HeaderEnd int
	// TooLarge reports that the head is longer than 256 KiB or 1000
	// lines; the rest is not parsed.
	TooLarge bool

	linesOnce  sync.Once
	lineStarts []int
}

// The response head is read up to these limits, so that a hostile paste
// costs linear work; real clients stop far earlier (python-websockets at
// 256 field lines, Chromium at 256 KiB).
const (
	maxReceivedHead  = 256 << 10
	maxReceivedLines = 1000
)

// Rest returns the bytes that follow the response head: the new protocol's
// first bytes after a 101, or the body otherwise.
func (r *Received) Rest() []byte {
	if r.HeaderEnd < 0 {
		return nil
	}
	return r.Raw[r.HeaderEnd:]
}

// Pos returns the line and column of a byte offset into the response.
func (r *Received) Pos(off int) Pos {
	r.linesOnce.Do(func() { r.lineStarts = lineStarts(r.Raw) })
	return posIn(r.lineStarts, off)
}

// Values returns every field line whose name matches, case-insensitively.
func (r *Received) Values(name string) []Field {
	var out []Field
	for _, f := range r.Fields {
		if equalFold(f.Name, name) {
			out = append(out, f)
		}
	}
	return out
}

// ParseResponse parses the head of a response. It never fails: what
// breaks the grammar is recorded (LineProblem, BadLines, BareLF, Folds).
// Interim 1xx heads other than 101 that are followed by more bytes are
// recorded in Interim, and the head after them is parsed as the response
// (RFC 9110 §15.2: a client parses any number of 1xx before the final
// response; at most maxInterim here).
func ParseResponse(raw []byte) *Received {
	r := &Received{Raw: raw}
	limit := min(len(raw), maxReceivedHead)
	for off, lineNo := 0, 1; ; {
		end := r.head(raw[:limit], off, lineNo, limit < len(raw))
		if r.HeaderEnd < 0 || r.Status < 100 || r.Status > 199 || r.Status == 101 || r.HeaderEnd >= limit || len(r.Interim) == maxInterim {
			return r
		}
		r.Interim = append(r.Interim, Interim{Status: r.Status, Span: Span{off, r.HeaderEnd}, StatusSpan: r.StatusSpan})
		off, lineNo = r.HeaderEnd, end
	}
}

// An Interim is a 1xx response (other than 101) before the final one.
type Interim struct {
	Status           int
	Span, StatusSpan Span
}

// maxInterim bounds the interim responses read before the final one
// (Go's net/http reads at most 5).
const maxInterim = 8

// head parses one head starting at off (line number lineNo) into r,
// replacing what an earlier (interim) head left, and returns the line
// number after it.
func (r *Received) head(head []byte, off, lineNo int, cut bool) int {
	r.Version, r.Reason, r.LineProblem = "", "", ""
	r.Major, r.Minor, r.Status, r.HeaderEnd = -1, -1, -1, -1
	r.LineSpan, r.VersionSpan, r.StatusSpan, r.ReasonSpan = Span{}, Span{}, Span{}, Span{}
	r.Fields, r.BareLF, r.Folds, r.BadLines, r.Problems, r.NoReasonSP = nil, nil, nil, nil, nil, false
	if off == len(head) {
		r.LineProblem = "the response is empty"
		r.TooLarge = cut
		return lineNo
	}
	l := readLine(head, off)
	r.statusLine(l)
	if l.term == "LF" {
		r.BareLF = append(r.BareLF, Span{l.end, l.end + 1})
	}
	if l.term == "" {
		r.TooLarge = cut
		return lineNo
	}
	for off, n := l.next, 1; ; n++ {
		if n > maxReceivedLines {
			r.TooLarge = true
			return lineNo + n
		}
		l := readLine(head, off)
		if l.term == "" { // the bytes end (or the limit is reached) inside the head
			r.TooLarge = cut
			return lineNo + n
		}
		if l.term == "LF" {
			r.BareLF = append(r.BareLF, Span{l.end, l.end + 1})
		}
		if l.start == l.end {
			r.HeaderEnd = l.next
			return lineNo + n + 1
		}
		r.fieldLine(l, lineNo+n)
		off = l.next
	}
}

// statusLine parses status-line = HTTP-version SP status-code SP
// [ reason-phrase ] (RFC 9112 §4).
func (r *Received) statusLine(l line) {
	s := string(r.Raw[l.start:l.end])
	base := l.start
	r.LineSpan = Span{l.start, l.end}
	sp := strings.IndexByte(s, ' ')
	if sp < 0 {
		r.Version, r.VersionSpan = s, Span{base, base + len(s)}
		r.LineProblem = "it has no SP after the HTTP version"
		return
	}
	r.Version, r.VersionSpan = s[:sp], Span{base, base + sp}
	if v := r.Version; len(v) == 8 && v[:5] == "HTTP/" && isDigit(v[5]) && v[6] == '.' && isDigit(v[7]) {
		r.Major, r.Minor = int(v[5]-'0'), int(v[7]-'0')
	} else {
		r.LineProblem = "the version is not HTTP/DIGIT.DIGIT"
	}
	rest := s[sp+1:]
	code := rest
	if i := strings.IndexByte(rest, ' '); i >= 0 {
		code = rest[:i]
		r.Reason = rest[i+1:]
		r.ReasonSpan = Span{base + sp + 1 + i + 1, base + len(s)}
	} else {
		r.NoReasonSP = true
	}
	r.StatusSpan = Span{base + sp + 1, base + sp + 1 + len(code)}
	if len(code) == 3 && isDigit(code[0]) && isDigit(code[1]) && isDigit(code[2]) {
		r.Status, _ = strconv.Atoi(code)
	} else if r.LineProblem == "" {
		r.LineProblem = "the status code is not three digits"
	}
}

// fieldLine parses field-line = field-name ":" OWS field-value OWS
// (RFC 9112 §5), or an obs-fold continuation of the previous field.
func (r *Received) fieldLine(l line, lineNo int) {
	s := string(r.Raw[l.start:l.end])
	sp := Span{l.start, l.end}
	if isOWS(s[0]) { // obs-fold (RFC 9112 §5.2)
		r.Folds = append(r.Folds, sp)
		if len(r.Fields) == 0 {
			r.bad(sp, "a continuation line before any field line")
			return
		}
		f := &r.Fields[len(r.Fields)-1]
		if v := trimOWS(s); v != "" {
			if f.Value != "" {
				f.Value += " "
			}
			f.Value += v
		}
		f.Span.End, f.ValueSpan.End = l.end, l.end
		return
	}
	colon := strings.IndexByte(s, ':')
	switch {
	case colon < 0:
		r.bad(sp, "the line has no colon")
		return
	case colon == 0:
		r.bad(sp, "the field name is empty")
		return
	case isOWS(s[colon-1]):
		r.bad(sp, "whitespace between the field name and the colon")
		return
	case !isToken(s[:colon]):
		r.bad(sp, "the field name is not a token")
		return
	}
	vs := colon + 1
	for vs < len(s) && isOWS(s[vs]) {
		vs++
	}
	ve := len(s)
	for ve > vs && isOWS(s[ve-1]) {
		ve--
	}
	r.Fields = append(r.Fields, Field{Name: s[:colon], Value: s[vs:ve], Line: lineNo, Span: sp,
		NameSpan: Span{l.start, l.start + colon}, ValueSpan: Span{l.start + vs, l.start + ve}})
}

func (r *Received) bad(sp Span, why string) {
	r.BadLines = append(r.BadLines, sp)
	r.Problems = append(r.Problems, why)
}

// lineStarts returns the offset of every line of raw.
func lineStarts(raw []byte) []int {
	starts := make([]int, 1, 1+bytes.Count(raw, []byte{'\n'}))
	for i := 0; ; {
		j := bytes.IndexByte(raw[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// posIn returns the position of off given the line starts.
func posIn(starts []int, off int) Pos {
	// The line is the last one that starts at or before off (sort.Search,
	// as in lookupName).
	i := max(sort.Search(len(starts), func(i int) bool { return starts[i] > off })-1, 0)
	return Pos{Offset: off, Line: i + 1, Col: off - starts[i] + 1}
}
