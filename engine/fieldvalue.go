package engine

// Field-value grammar of RFC 9110 §5.6: lists and quoted strings, and the
// extension parameters of RFC 6455 §9.1 (tokens and whitespace are character
// classes, in lex.go).
// Everything works on bytes and keeps byte spans, so that a diagnostic can
// point at the exact element of a field value.

// An elem is one element of a #list field value (RFC 9110 §5.6.1), without
// its surrounding OWS, with the span of its bytes in the request.
type elem struct {
	Value string
	Span  Span
}

// splitList splits a field value into its #list elements. base is the byte
// offset of value in the request. Empty elements are dropped ("a recipient
// MUST accept and ignore a reasonable number of empty list elements",
// RFC 9110 §5.6.1.2); empties counts them. Commas inside quoted strings do
// not separate elements, so a parameter value may hold a comma.
func splitList(value string, base int) (elems []elem, empties int) {
	for l := (listScanner{value: value}); l.scan(); {
		if l.s == l.e {
			empties++
		} else {
			elems = append(elems, elem{value[l.s:l.e], Span{base + l.s, base + l.e}})
		}
	}
	return elems, empties
}

// A listScanner finds the #list elements of a value one at a time: after
// each scan that returns true, [s, e) bounds the next element, OWS trimmed
// (s == e for an empty element). Commas inside quoted strings do not
// separate elements.
type listScanner struct {
	value string
	next  int // where the next element starts; past the end when done
	s, e  int
}

func (l *listScanner) scan() bool {
	value := l.value
	if l.next > len(value) {
		return false
	}
	i := l.next
	for inQuote := false; i < len(value); i++ {
		c := value[i]
		if inQuote {
			switch c {
			case '\\':
				i++
			case '"':
				inQuote = false
			}
			continue
		}
		if c == '"' {
			inQuote = true
		} else if c == ',' {
			break
		}
	}
	if i > len(value) {
		// A backslash ended a quoted string at the very end: what follows
		// the last comma is not an element.
		l.next = i
		return false
	}
	s, e := l.next, i
	for s < e && isOWS(value[s]) {
		s++
	}
	for e > s && isOWS(value[e-1]) {
		e--
	}
	l.s, l.e, l.next = s, e, i+1
	return true
}

// listHas reports whether the #list value has an element equal to token,
// ASCII case-insensitively. It splits like splitList without allocating.
func listHas(value, token string) bool {
	for l := (listScanner{value: value}); l.scan(); {
		if equalFold(value[l.s:l.e], token) {
			return true
		}
	}
	return false
}

// A param is one extension parameter of a Sec-WebSocket-Extensions element
// (RFC 6455 §9.1): name [ "=" ( token / quoted-string ) ], the value
// unquoted.
type param struct {
	Name     string // as written
	Value    string // unquoted; empty when HasValue is false
	HasValue bool
	Quoted   bool // the value was a quoted-string
	Span     Span
}

// A paramError says where a parameterised element breaks its grammar.
type paramError struct {
	Why  string
	Span Span
}

// appendParams parses an extension of Sec-WebSocket-Extensions (RFC 6455
// §9.1) and appends its params to params:
//
//	extension       = extension-token *( ";" extension-param )
//	extension-param = token [ "=" (token | quoted-string) ]
//
// RFC 6455 writes this grammar in RFC 2616's ABNF, whose implied *LWS
// allows whitespace between any two words and separators (RFC 2616 §2.1):
// around ";" and around "=" alike, so "a = 1" is "a=1". This is not RFC 9110
// §5.6.6's parameters grammar (which has no whitespace around "=" and
// requires a value); no field this engine parses with parameters uses that
// one.
func appendParams(params []param, e elem) (head string, _ []param, perr *paramError) {
	s := e.Value
	base := e.Span.Start
	i := 0
	for i < len(s) && isTchar[s[i]] {
		i++
	}
	head = s[:i]
	if head == "" {
		return "", nil, &paramError{"an element must start with a token", Span{base, base + min(len(s), 1)}}
	}
	for {
		for i < len(s) && isOWS(s[i]) {
			i++
		}
		if i == len(s) {
			return head, params, nil
		}
		if s[i] != ';' {
			return head, params, &paramError{"expected \";\" before a parameter", Span{base + i, base + i + 1}}
		}
		i++
		for i < len(s) && isOWS(s[i]) {
			i++
		}
		ps := i
		for i < len(s) && isTchar[s[i]] {
			i++
		}
		if i == ps {
			return head, params, &paramError{"a parameter name must be a token", Span{base + ps, base + min(ps+1, len(s))}}
		}
		p := param{Name: s[ps:i]}
		j := i // implied *LWS before "=" (RFC 2616 §2.1)
		for j < len(s) && isOWS(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '=' {
			i = j + 1
			for i < len(s) && isOWS(s[i]) { // and after it
				i++
			}
			p.HasValue = true
			if i < len(s) && s[i] == '"' {
				val, n, ok := unquote(s[i:])
				if !ok {
					return head, params, &paramError{"unterminated quoted-string", Span{base + i, base + len(s)}}
				}
				p.Value, p.Quoted = val, true
				i += n
			} else {
				vs := i
				for i < len(s) && isTchar[s[i]] {
					i++
				}
				if i == vs {
					return head, params, &paramError{"a parameter value must be a token or a quoted-string", Span{base + vs, base + min(vs+1, len(s))}}
				}
				p.Value = s[vs:i]
			}
		}
		p.Span = Span{base + ps, base + i}
		params = append(params, p)
	}
}

// duplicateParam returns the index of the first parameter whose name
// (case-insensitive, RFC 9110 §5.6.6) repeats an earlier one, or -1. RFC
// 9110 does not say what a repeated parameter means; protocols do (RFC 7692
// §7: an offer with a repeated extension parameter is declined).
func duplicateParam(params []param) int {
	for i := 1; i < len(params); i++ {
		for j := 0; j < i; j++ {
			if equalFold(params[i].Name, params[j].Name) {
				return i
			}
		}
	}
	return -1
}

// unquote reads a quoted-string (RFC 9110 §5.6.4) at the start of s and
// returns its unescaped content and the number of bytes consumed.
//
//	quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
//	quoted-pair   = "\" ( HTAB / SP / VCHAR / obs-text )
func unquote(s string) (val string, n int, ok bool) {
	if len(s) == 0 || s[0] != '"' {
		return "", 0, false
	}
	var b []byte
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			return string(b), i + 1, true
		case c == '\\':
			if i+1 == len(s) {
				return "", 0, false
			}
			i++
			if q := s[i]; q != '\t' && (q < 0x20 || q == 0x7f) {
				return "", 0, false
			}
			b = append(b, s[i])
		case c == '\t' || c >= 0x20 && c != 0x7f:
			b = append(b, c)
		default:
			return "", 0, false
		}
	}
	return "", 0, false
}
