package engine

import (
	"strings"
	"testing"

	"golang.org/x/net/http/httpguts"
)

func TestSplitList(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		empties int
	}{
		{"", nil, 1},
		{"a", []string{"a"}, 0},
		{"a, b", []string{"a", "b"}, 0},
		{"foo ,bar,", []string{"foo", "bar"}, 1},                     // RFC 9110 §5.6.1.2 example
		{"foo , ,bar,charlie", []string{"foo", "bar", "charlie"}, 1}, // idem
		{" \t a \t ", []string{"a"}, 0},
		{`x; q="a,b", y`, []string{`x; q="a,b"`, "y"}, 0},
		{`"a\",b", c`, []string{`"a\",b"`, "c"}, 0},
	}
	for _, tt := range tests {
		es, empties := splitList(tt.in, 10)
		var got []string
		for _, e := range es {
			got = append(got, e.Value)
			if tt.in[e.Span.Start-10:e.Span.End-10] != e.Value {
				t.Errorf("splitList(%q): span %v does not hold %q", tt.in, e.Span, e.Value)
			}
		}
		if len(got) != len(tt.want) || empties != tt.empties {
			t.Errorf("splitList(%q) = %q, %d empties; want %q, %d", tt.in, got, empties, tt.want, tt.empties)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("splitList(%q)[%d] = %q, want %q", tt.in, i, got[i], tt.want[i])
			}
		}
	}
}

// TestListHas cross-checks listHas against splitList and, for token
// lists, against golang.org/x/net/http/httpguts as an oracle.
func TestListHas(t *testing.T) {
	values := []string{"Upgrade", "keep-alive, Upgrade", "upgrade,", ",,UPGRADE ,", "upgrades", "x-upgrade", "", " , ", `a; q="upgrade, x"`, "close, upgrade"}
	for _, v := range values {
		for _, tok := range []string{"upgrade", "close", "x"} {
			want := false
			es, _ := splitList(v, 0)
			for _, e := range es {
				if equalFold(e.Value, tok) {
					want = true
				}
			}
			if got := listHas(v, tok); got != want {
				t.Errorf("listHas(%q, %q) = %v, splitList says %v", v, tok, got, want)
			}
			if !containsByte(v, '"') {
				if oracle := httpguts.HeaderValuesContainsToken([]string{v}, tok); oracle != want {
					t.Errorf("listHas(%q, %q) = %v, httpguts says %v", v, tok, want, oracle)
				}
			}
		}
	}
}

func containsByte(s string, c byte) bool { return strings.IndexByte(s, c) >= 0 }

func TestSplitParams(t *testing.T) {
	tests := []struct {
		in      string
		head    string
		params  []param
		errWhy  string
		errSpan Span
	}{
		{in: "permessage-deflate", head: "permessage-deflate"},
		{in: "permessage-deflate; client_max_window_bits", head: "permessage-deflate",
			params: []param{{Name: "client_max_window_bits", Span: Span{20, 42}}}},
		{in: `x; a="1"; B=2`, head: "x",
			params: []param{{Name: "a", Value: "1", HasValue: true, Quoted: true, Span: Span{3, 8}}, {Name: "B", Value: "2", HasValue: true, Span: Span{10, 13}}}},
		// RFC 6455 §9.1's grammar has RFC 2616's implied *LWS: whitespace
		// around "=" is allowed, and the span runs from the name to the value.
		{in: "x; a =1", head: "x", params: []param{{Name: "a", Value: "1", HasValue: true, Span: Span{3, 7}}}},
		{in: "permessage-deflate; client_max_window_bits = 10", head: "permessage-deflate",
			params: []param{{Name: "client_max_window_bits", Value: "10", HasValue: true, Span: Span{20, 47}}}},
		{in: "x; a\t=\t\"1\" ; b", head: "x",
			params: []param{{Name: "a", Value: "1", HasValue: true, Quoted: true, Span: Span{3, 10}}, {Name: "b", Span: Span{13, 14}}}},
		{in: "x; a = ", head: "x", errWhy: "a parameter value must be a token or a quoted-string", errSpan: Span{7, 7}},
		{in: "x; a b", head: "x", errWhy: `expected ";" before a parameter`, errSpan: Span{5, 6}},
		{in: "x; a=", head: "x", errWhy: "a parameter value must be a token or a quoted-string", errSpan: Span{5, 5}},
		{in: `x; a="1`, head: "x", errWhy: "unterminated quoted-string", errSpan: Span{5, 7}},
		{in: "x, y", head: "x", errWhy: `expected ";" before a parameter`, errSpan: Span{1, 2}},
		{in: "; a", errWhy: "an element must start with a token", errSpan: Span{0, 1}},
	}
	for _, tt := range tests {
		head, params, perr := appendParams(nil, elem{tt.in, Span{0, len(tt.in)}})
		if head != tt.head {
			t.Errorf("appendParams(nil, %q) head = %q, want %q", tt.in, head, tt.head)
		}
		if tt.errWhy != "" {
			if perr == nil || perr.Why != tt.errWhy || perr.Span != tt.errSpan {
				t.Errorf("appendParams(nil, %q) error = %+v, want %q at %v", tt.in, perr, tt.errWhy, tt.errSpan)
			}
			continue
		}
		if perr != nil {
			t.Errorf("appendParams(nil, %q): unexpected error %+v", tt.in, perr)
			continue
		}
		if len(params) != len(tt.params) {
			t.Errorf("appendParams(nil, %q) = %+v, want %+v", tt.in, params, tt.params)
			continue
		}
		for i := range params {
			if params[i] != tt.params[i] {
				t.Errorf("appendParams(nil, %q)[%d] = %+v, want %+v", tt.in, i, params[i], tt.params[i])
			}
		}
	}
}

func TestUnquote(t *testing.T) {
	tests := []struct {
		in  string
		val string
		n   int
		ok  bool
	}{
		{`"10"`, "10", 4, true},
		{`"a\"b"rest`, `a"b`, 6, true},
		{`""`, "", 2, true},
		{"\"\t x\"", "\t x", 5, true},
		{`"x`, "", 0, false},
		{`x"`, "", 0, false},
		{"\"a\x01\"", "", 0, false},   // CTL in qdtext
		{"\"a\\\x01\"", "", 0, false}, // CTL in quoted-pair
		{`"\`, "", 0, false},
	}
	for _, tt := range tests {
		val, n, ok := unquote(tt.in)
		if val != tt.val || n != tt.n || ok != tt.ok {
			t.Errorf("unquote(%q) = %q, %d, %v; want %q, %d, %v", tt.in, val, n, ok, tt.val, tt.n, tt.ok)
		}
	}
}

func TestInvalidHostByte(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"example.com", -1},
		{"example.com:8080", -1},
		{"example.com:", -1},
		{"[::1]", -1},
		{"[2001:db8::1]:443", -1},
		{"", -1},
		{"a b", 1},
		{"example.com/x", 11},
		{"example.com:8o", 13},
		{"a:1:2", 3},
		{"[::1", 4},
		{"[::1]x", 5},
		{"ex@mple", 2},
	}
	for _, tt := range tests {
		if got := invalidHostByte(tt.in); got != tt.want {
			t.Errorf("invalidHostByte(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestDuplicateParam(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"x", -1},
		{"x; a; b=1", -1},
		{"x; a=1; A=2", 1},
		{"x; a; b; b", 2},
		{`x; q="1"; r; Q`, 2},
	}
	for _, tt := range tests {
		_, params, perr := appendParams(nil, elem{tt.in, Span{0, len(tt.in)}})
		if perr != nil {
			t.Fatalf("appendParams(nil, %q): %+v", tt.in, perr)
		}
		if got := duplicateParam(params); got != tt.want {
			t.Errorf("duplicateParam(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
