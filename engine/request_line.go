package engine

import (
	"slices"
	"strconv"
	"strings"
)

// The request-line (RFC 9112 §3): method SP request-target SP HTTP-version,
// the four forms of the request-target (§3.2) and the version (§2.3).

func parseRequestLine(r *Request, raw []byte, l line, cfg *Config, t *trace) {
	r.LineSpan = Span{l.start, l.end}
	s := replaced(r, l.start, l.end, cfg, t)
	base := l.start
	if l.end-l.start > cfg.HTTP.MaxRequestLine {
		// RFC 9112 §3: a method longer than any the server implements SHOULD
		// get 501; a request-target longer than it wishes to parse MUST get 414.
		sp1 := strings.IndexByte(s, ' ')
		if sp1 < 0 || sp1 > longestMethod {
			end := l.end
			if sp1 >= 0 {
				end = base + sp1
			}
			if i := firstNonTchar(s[:end-base]); i >= 0 {
				t.fail("the method is a token", Span{base + i, base + i + 1}, noteMethodNotToken, Var{"method", s[:min(i+1, 32)] + "…"})
				return
			}
			t.fail("the method is no longer than any the server implements", Span{base, end}, noteMethodTooLong, Var{"size", strconv.Itoa(end - base)})
			return
		}
		end := l.end
		if sp2 := strings.LastIndexByte(s, ' '); sp2 > sp1 {
			end = base + sp2
		}
		t.fail("the request-target fits the server's limit", Span{base + sp1 + 1, end}, noteRequestLineTooLong, Var{"limit", strconv.Itoa(cfg.HTTP.MaxRequestLine)}, Var{"size", strconv.Itoa(l.end - l.start)})
		return
	}
	split := splitStrict
	if cfg.HTTP.RequestLine == "lenient" {
		split = splitWords
	}
	if !split(r, s, l, t) {
		return
	}
	ok := true
	if r.Method == "" || !isToken(r.Method) {
		m := r.MethodSpan.Start
		bad := Span{m, m + 1}
		if i := firstNonTchar(r.Method); i >= 0 {
			bad = Span{m + i, m + i + 1}
		}
		t.fail("the method is a token", bad, noteMethodNotToken, Var{"method", shown(r.Method)})
		ok = false
	}
	for i := 0; i < len(r.Target); i++ {
		if c := r.Target[i]; c <= ' ' || c >= 0x7f {
			sp := Span{r.TargetSpan.Start + i, r.TargetSpan.Start + i + 1}
			if c == ' ' {
				t.fail("the request-target has no whitespace", sp, noteTargetWhitespace, Var{"target", r.Target})
			} else {
				t.fail("the request-target has only visible ASCII", sp, noteTargetBadByte, Var{"target", r.Target})
			}
			ok = false
			break
		}
	}
	if !parseVersion(r) {
		t.fail("the version is HTTP/DIGIT.DIGIT", r.VersionSpan, noteVersionSyntax, Var{"version", r.Version})
		return
	}
	if ok {
		t.pass("the request-line is method SP request-target SP HTTP-version", r.LineSpan, nil)
	}

	// An unsupported major version gets 505 (RFC 9110 §15.6.6). The HTTP/2
	// preface is such a line; the h2c stage explains it.
	switch {
	case r.Major == 1 && r.Minor == 1:
		t.pass("the version is HTTP/1.1", r.VersionSpan, nil)
	case r.Major == 1 && r.Minor == 0:
		t.note(r.VersionSpan, noteHTTP10)
	case r.Major == 1:
		t.note(r.VersionSpan, noteHigherMinor, Var{"version", r.Version})
	case r.isH2Preface():
		// The prior-knowledge preface; decided in Negotiate.
	default:
		t.fail("the major version is 1", r.VersionSpan, noteVersionUnsupported, Var{"version", r.Version})
	}

	if !ok {
		return
	}
	switch {
	case r.isH2Preface():
		// PRI * HTTP/2.0 is the HTTP/2 preface, answered in Negotiate.
	case r.Method == "PRI":
		// The preface's method with an HTTP/1.x version: registered only so
		// that an HTTP/1.1 server refuses the preface (RFC 7540 §11.6), never
		// sent by a client, and not implemented here (RFC 9110 §9.1).
		t.fail("the method is implemented (PRI only begins the HTTP/2 preface)", r.MethodSpan, noteMethodPRI, Var{"version", r.Version})
	case !slices.Contains(knownMethods, r.Method):
		if knownMethodFold(r.Method) {
			t.fail("the method is implemented (methods are case-sensitive)", r.MethodSpan, noteMethodCase, Var{"method", r.Method})
		} else {
			t.fail("the method is implemented", r.MethodSpan, noteMethodUnknown, Var{"method", r.Method})
		}
	}

	// request-target forms (RFC 9112 §3.2).
	switch {
	case r.Target == "*":
		r.TargetForm = "asterisk"
		// RFC 9112 §3.2.4: "The asterisk-form of request-target is only used
		// for a server-wide OPTIONS request." The HTTP/2 preface is no HTTP/1.1
		// request; any other method with * is an error, PRI included.
		if r.Method != "OPTIONS" && !r.isH2Preface() {
			t.fail("the asterisk-form is used only with OPTIONS", r.TargetSpan, noteAsteriskForm, Var{"method", r.Method})
		}
	case r.Target[0] == '/':
		r.TargetForm = "origin"
		if i := badURIChar(r.Target); i >= 0 {
			t.note(Span{r.TargetSpan.Start + i, r.TargetSpan.Start + i + 1}, noteTargetChar, Var{"char", r.Target[i : i+1]}, Var{"target", r.Target})
		}
	case hasSchemePrefix(r.Target):
		r.TargetForm = "absolute"
		t.note(r.TargetSpan, noteAbsoluteForm, Var{"target", r.Target})
		checkTargetAuthority(r, t)
	case r.Method == "CONNECT":
		// authority-form = uri-host ":" port (RFC 9112 §3.2.3).
		r.TargetForm = "authority"
		if i := invalidHostByte(r.Target); i >= 0 || strings.IndexByte(r.Target, ':') < 0 || r.Target[len(r.Target)-1] == ':' {
			t.fail("CONNECT uses the authority-form", r.TargetSpan, noteConnectForm, Var{"target", r.Target})
			return
		}
	default:
		t.fail("the request-target has one of the four forms", r.TargetSpan, noteTargetForm, Var{"target", r.Target})
	}
	if r.Method == "CONNECT" && r.TargetForm != "authority" {
		t.fail("CONNECT uses the authority-form", r.TargetSpan, noteConnectForm, Var{"target", r.Target})
	}
}

// checkTargetAuthority checks the authority of an absolute-form http or
// https target, which replaces Host (RFC 9112 §3.2.2): userinfo is an error
// a recipient SHOULD reject (RFC 9110 §4.2.4), and an empty host one it MUST
// reject (RFC 9110 §4.2.1, §4.2.2).
func checkTargetAuthority(r *Request, t *trace) {
	n := schemeLen(r.Target)
	if scheme := r.Target[:n]; !equalFold(scheme, "http") && !equalFold(scheme, "https") {
		return
	}
	start := n + len("://")
	end := start
	for end < len(r.Target) && r.Target[end] != '/' && r.Target[end] != '?' && r.Target[end] != '#' {
		end++
	}
	base := r.TargetSpan.Start
	host := start
	if at := strings.LastIndexByte(r.Target[start:end], '@'); at >= 0 {
		host = start + at + 1
		t.fail("an http(s) target has no userinfo", Span{base + start, base + host}, noteTargetUserinfo,
			Var{"target", r.Target}, Var{"userinfo", r.Target[start:host]})
	}
	if h, _, _ := strings.Cut(r.Target[host:end], ":"); h == "" {
		t.fail("an http(s) target names a host", Span{base + host - 1, base + end}, noteTargetEmptyHost, Var{"target", r.Target})
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
		case isUnreserved(c), isSubDelim(c), strings.IndexByte(":@/?", c) >= 0:
		case c == '%':
			if i+2 >= len(s) || !isHexDig(s[i+1]) || !isHexDig(s[i+2]) {
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

// hasSchemePrefix reports whether s starts with a scheme and "://", as an
// absolute-form target does (RFC 9112 §3.2.2).
func hasSchemePrefix(s string) bool {
	n := schemeLen(s)
	return n > 0 && strings.HasPrefix(s[n:], "://")
}

// splitStrict splits the request-line at single SPs (RFC 9112 §3):
//
//	request-line = method SP request-target SP HTTP-version
//
// It reports false when the line cannot be split.
func splitStrict(r *Request, s string, l line, t *trace) bool {
	base := l.start
	// request-line = method SP request-target SP HTTP-version (RFC 9112 §3),
	// with exactly one SP between the parts: other whitespace, and SP at
	// either end, are separators only to a lenient parser.
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\t' || c == '\v' || c == '\f' || c == ' ' && (i == 0 || i == len(s)-1) {
			t.fail("one SP separates the parts of the request-line", Span{base + i, base + i + 1}, noteRequestLineSpaces)
			return false
		}
	}
	sp1 := strings.IndexByte(s, ' ')
	if sp1 < 0 {
		t.fail("the request-line has the form method SP request-target SP HTTP-version", r.LineSpan, noteRequestLineForm)
		return false
	}
	rest := s[sp1+1:]
	sp2 := strings.LastIndexByte(rest, ' ')
	if sp2 < 0 {
		r.Method, r.MethodSpan = s[:sp1], Span{base, base + sp1}
		r.Target, r.TargetSpan = rest, Span{base + sp1 + 1, l.end}
		t.fail("the request-line ends with an HTTP-version", Span{l.end, l.next}, noteMissingVersion)
		return false
	}
	r.Method, r.MethodSpan = s[:sp1], Span{base, base + sp1}
	r.Target, r.TargetSpan = rest[:sp2], Span{base + sp1 + 1, base + sp1 + 1 + sp2}
	r.Version, r.VersionSpan = rest[sp2+1:], Span{base + sp1 + 1 + sp2 + 1, l.end}

	if r.Method == "" {
		return true // reported by the method check
	}
	if r.Target == "" || r.Target[0] == ' ' || r.Target[len(r.Target)-1] == ' ' {
		// Strict single-SP splitting (RFC 9112 §3): point at the extra space.
		bad := Span{r.TargetSpan.Start, r.TargetSpan.Start + 1}
		switch {
		case r.Target == "":
			bad = Span{r.TargetSpan.Start - 1, r.TargetSpan.Start + 1}
		case r.Target[0] != ' ':
			bad = Span{r.TargetSpan.End - 1, r.TargetSpan.End}
		}
		t.fail("one SP separates the parts of the request-line", bad, noteRequestLineSpaces)
		return false
	}
	return true
}

// splitWords is the lenient split RFC 9112 §3 allows: "recipients MAY
// instead parse on whitespace-delimited word boundaries and, aside from the
// CRLF terminator, treat any form of whitespace as the SP separator while
// ignoring preceding or trailing whitespace" (SP, HTAB, VT, FF; a bare CR is
// left to the "ctl" setting). Parsers that split differently disagree about
// the request, so this profile warns.
func splitWords(r *Request, s string, l line, t *trace) bool {
	base := l.start
	var words []Span
	for i := 0; i < len(s); {
		for i < len(s) && isLineSpace(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isLineSpace(s[j]) {
			j++
		}
		if j > i {
			words = append(words, Span{base + i, base + j})
		}
		i = j
	}
	word := func(k int) string { return r.src[words[k].Start:words[k].End] }
	switch {
	case len(words) < 2:
		t.fail("the request-line has the form method SP request-target SP HTTP-version", r.LineSpan, noteRequestLineForm)
		return false
	case len(words) == 2:
		r.Method, r.MethodSpan = word(0), words[0]
		r.Target, r.TargetSpan = word(1), words[1]
		t.fail("the request-line ends with an HTTP-version", Span{l.end, l.next}, noteMissingVersion)
		return false
	case len(words) > 3:
		r.Target, r.TargetSpan = r.src[words[1].Start:words[len(words)-2].End], Span{words[1].Start, words[len(words)-2].End}
		t.fail("the request-target has no whitespace", Span{words[1].End, words[2].Start}, noteTargetWhitespace, Var{"target", r.Target})
		return false
	}
	r.Method, r.MethodSpan = word(0), words[0]
	r.Target, r.TargetSpan = word(1), words[1]
	r.Version, r.VersionSpan = word(2), words[2]
	if words[0].Start != base || words[2].End != l.end || words[1].Start != words[0].End+1 || words[2].Start != words[1].End+1 ||
		s[words[0].End-base] != ' ' || s[words[1].End-base] != ' ' {
		t.pass("the request-line's parts are split on any whitespace", r.LineSpan, noteRequestLineLenient)
	}
	return true
}

// knownMethodFold reports whether method is a known method in another
// case. (A loop, not slices.ContainsFunc: see netHTTPWrite.)
func knownMethodFold(method string) bool {
	for _, m := range knownMethods {
		if equalFold(method, m) {
			return true
		}
	}
	return false
}
