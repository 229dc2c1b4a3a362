package engine

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine/wiretext"

	"golang.org/x/tools/txtar"
)

// goldenRequests returns the request bytes of every golden exchange, the
// seed corpus of the fuzz targets.
func goldenRequests(tb testing.TB) [][]byte {
	files, _ := filepath.Glob("testdata/*.txtar")
	var out [][]byte
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "request" {
				out = append(out, wiretext.Decode(string(f.Data)))
			}
		}
	}
	return out
}

// FuzzNegotiate checks the engine's properties on any input: it never
// panics, it is deterministic, its bytes parse as HTTP/1.1 responses with
// net/http (each interim, then the final one, and nothing else), 1xx
// responses have no body, no header value holds CR or LF, the decisive step
// is the one that produced the response (see checkDecisive), the trace never
// contradicts the response (see checkTraceMatches), and the answer does not
// depend on how the input arrives (see checkStreaming).
func FuzzNegotiate(f *testing.F) {
	for i, r := range goldenRequests(f) {
		f.Add(r, uint8(7), uint16(i%3)*0x55)
	}
	f.Fuzz(func(t *testing.T, raw []byte, chunk uint8, profile uint16) {
		cfg := fuzzConfig(profile)
		res := Negotiate(raw, &cfg)
		again := Negotiate(raw, &cfg)
		if !bytes.Equal(res.Bytes(), again.Bytes()) || FormatTrace(res) != FormatTrace(again) || FormatAfter(res) != FormatAfter(again) {
			t.Fatalf("not deterministic for %q", raw)
		}
		checkResponseBytes(t, res)
		checkDecisive(t, res)
		checkTraceMatches(t, res)
		checkStreaming(t, raw, res, &cfg, int(chunk)%13+1)
	})
}

// fuzzSettings are the settings fuzzConfig turns on, one for each bit of
// a profile, so that every policy branch is fuzzed.
var fuzzSettings = [][2]string{
	{"lf", "reject"}, {"fold", "unfold"}, {"tecl", "te"}, {"ctl", "replace"},
	{"rl", "lenient"}, {"expect", "skip-if-received"}, {"noconn", "426"}, {"noconn", "400"},
	{"adv", "1"}, {"maxline", "64"}, {"maxfields", "4"}, {"maxbody", "8"},
	{"needlen", "1"}, {"maxrequest", "128"}, {"maxfield", "32"}, {"maxheader", "128"},
}

// fuzzConfig turns the bits of profile into one of the servers the settings
// describe.
func fuzzConfig(profile uint16) Config { return profileConfig(uint64(profile), fuzzSettings) }

// profileConfig is the default server with settings[i] applied for each
// bit i set in profile.
func profileConfig(profile uint64, settings [][2]string) Config {
	cfg := DefaultConfig()
	for i, kv := range settings {
		if profile&(1<<i) != 0 {
			if err := LookupSetting(kv[0]).Set(&cfg, kv[1]); err != nil {
				panic(err)
			}
		}
	}
	return cfg
}

// checkResponseBytes parses Result.Bytes with net/http.ReadResponse.
func checkResponseBytes(t *testing.T, res *Result) {
	t.Helper()
	wire := res.Bytes()
	br := bufio.NewReader(bytes.NewReader(wire))
	method := "GET"
	if res.Request != nil && res.Request.Method == "HEAD" {
		method = "HEAD"
	}
	all := append([]Response(nil), res.Interim...)
	if f := res.wireFinal(); f != nil {
		all = append(all, *f)
	}
	for i, want := range all {
		b := want.Bytes()
		head, _, ok := bytes.Cut(b, []byte("\r\n\r\n"))
		if !ok {
			t.Fatalf("response %d has no empty line: %q", i, b)
		}
		if lines := bytes.Count(head, []byte("\r\n")); lines != len(want.Headers) {
			t.Fatalf("response %d: %d header lines on the wire for %d headers (CR or LF in a value?): %q", i, lines, len(want.Headers), b)
		}
		if bytes.ContainsAny(bytes.ReplaceAll(head, []byte("\r\n"), nil), "\r\n") {
			t.Fatalf("response %d: bare CR or LF in the header section: %q", i, b)
		}
		if want.Status < 200 && len(b) != len(head)+4 {
			t.Fatalf("a %d response has a body: %q", want.Status, b)
		}
		if want.hasBody() && want.Get("Content-Length") != strconv.Itoa(len(want.Body)) && !(method == "HEAD" && want.Body == nil) {
			t.Fatalf("a %d response with a %d-byte body says Content-Length %q", want.Status, len(want.Body), want.Get("Content-Length"))
		}
		if want.Status < 200 && (want.Get("Content-Length") != "" || want.Get("Transfer-Encoding") != "") {
			t.Fatalf("a %d response carries Content-Length or Transfer-Encoding: %q", want.Status, b)
		}
		if line, _, _ := bytes.Cut(b, []byte("\r\n")); !bytes.HasPrefix(line, []byte("HTTP/1.1 "+strconv.Itoa(want.Status)+" ")) || len(line) <= len("HTTP/1.1 200 ") {
			t.Fatalf("status line %q has no reason phrase", line)
		}
		resp, err := http.ReadResponse(br, &http.Request{Method: method})
		if err != nil {
			t.Fatalf("response %d does not parse: %v\n%q", i, err, wire)
		}
		if resp.StatusCode != want.Status {
			t.Fatalf("response %d: net/http reads status %d, want %d", i, resp.StatusCode, want.Status)
		}
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("response %d body: %v", i, err)
		}
		if want.Status < 200 && len(body) > 0 {
			t.Fatalf("a %d response has a body", want.Status)
		}
		if method != "HEAD" && want.Status >= 200 && !bytes.Equal(body, want.Body) {
			t.Fatalf("response %d: net/http reads body %q, want %q", i, body, want.Body)
		}
	}
	if rest, _ := io.ReadAll(br); len(rest) > 0 {
		t.Fatalf("%d bytes after the last response: %q", len(rest), rest)
	}
}

// checkStreaming feeds raw to the engine the way a server reads a socket:
// the input grows by chunk bytes at a time and the engine re-runs on each
// prefix. Whenever a prefix already holds a complete request message that
// the engine answers with a final response, or a decisive syntax or framing
// error, the whole input must get the same status: later bytes never change
// an answer already given.
func checkStreaming(t *testing.T, raw []byte, full *Result, cfg *Config, chunk int) {
	t.Helper()
	if len(raw) > 1<<12 {
		return
	}
	for end := chunk; end < len(raw); end += chunk {
		p := Negotiate(raw[:end], cfg)
		if p.Final == nil {
			continue
		}
		// A syntax or framing error is decided as soon as its bytes have
		// arrived, even before the header section ends (as a server reading
		// line by line does); anything else once the request is complete.
		decided := p.Request.Complete()
		if p.Decisive >= 0 {
			st := p.Trace[p.Decisive].Stage
			decided = decided || st == StageSyntax || st == StageFraming
		}
		if decided && p.Status() != full.Status() {
			t.Fatalf("the first %d bytes get %d, the whole input %d\nprefix trace:\n%s\nfull trace:\n%s",
				end, p.Status(), full.Status(), FormatTrace(p), FormatTrace(full))
		}
	}
}

// FuzzParse checks that every span the parser records lies inside the input
// and that field values are the trimmed bytes they point at.
func FuzzParse(f *testing.F) {
	for _, r := range goldenRequests(f) {
		f.Add(r)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		cfg := DefaultConfig()
		tr := newTrace()
		r := new(Request)
		parse(r, raw, &cfg, &tr)
		in := func(what string, s Span) {
			if s.Start < 0 || s.End > len(raw) || s.Start > s.End {
				t.Fatalf("%s span %v outside the %d-byte input", what, s, len(raw))
			}
		}
		for _, s := range tr.steps {
			in("step "+s.Check, s.Span)
			r.Pos(s.Span.Start)
		}
		for _, fl := range r.Fields {
			in("field", fl.Span)
			in("name", fl.NameSpan)
			in("value", fl.ValueSpan)
			if fl.ValueSpan.End == fl.Span.End && !strings.Contains(fl.Value, " ") && string(raw[fl.ValueSpan.Start:fl.ValueSpan.End]) != fl.Value {
				t.Fatalf("value %q does not match its bytes %q", fl.Value, raw[fl.ValueSpan.Start:fl.ValueSpan.End])
			}
		}
		if r.HeaderEnd > len(raw) || r.After > len(raw) || r.HeaderEnd >= 0 && r.After >= 0 && r.After < r.HeaderEnd {
			t.Fatalf("HeaderEnd %d, After %d for %d bytes", r.HeaderEnd, r.After, len(raw))
		}
	})
}

// FuzzSplitList checks the #list splitter: elements are non-empty, carry no
// surrounding OWS, and their spans point at their bytes.
func FuzzSplitList(f *testing.F) {
	for _, s := range []string{"", ",", "a, b", " , ,a ,b,", `x; q="a,b", y`, "keep-alive, Upgrade", `"unterminated, x`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		es, empties := splitList(s, 0)
		if empties < 0 {
			t.Fatal("negative empties")
		}
		for _, e := range es {
			if e.Value == "" || isOWS(e.Value[0]) || isOWS(e.Value[len(e.Value)-1]) {
				t.Fatalf("bad element %q", e.Value)
			}
			if e.Span.Start < 0 || e.Span.End > len(s) || s[e.Span.Start:e.Span.End] != e.Value {
				t.Fatalf("element %q has span %v in %q", e.Value, e.Span, s)
			}
		}
		if !strings.Contains(s, `"`) && len(es)+empties != strings.Count(s, ",")+1 {
			t.Fatalf("%d elements + %d empties for %d commas in %q", len(es), empties, strings.Count(s, ","), s)
		}
	})
}

// FuzzSplitParams checks the parameter parser never panics and reports
// errors inside the element.
func FuzzSplitParams(f *testing.F) {
	for _, s := range []string{"permessage-deflate; client_max_window_bits", `x; a="1"; b=2`, "x ;a = 1", `x; a="\"`, ";", "x;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		head, params, perr := appendParams(nil, elem{s, Span{0, len(s)}})
		if perr != nil {
			if perr.Span.Start < 0 || perr.Span.End > len(s) || perr.Span.Start > perr.Span.End {
				t.Fatalf("error span %v outside %q", perr.Span, s)
			}
			return
		}
		if !isToken(head) {
			t.Fatalf("head %q is not a token", head)
		}
		for _, p := range params {
			if !isToken(p.Name) || p.HasValue && !p.Quoted && !isToken(p.Value) {
				t.Fatalf("bad parameter %+v in %q", p, s)
			}
		}
	})
}

// FuzzUnquote checks quoted-string reading against its inverse.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`""`, `"a"`, `"a\"b"`, `"10"rest`, `"x`, `"\`, "\"\t\"", "\"\x7f\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		val, n, ok := unquote(s)
		if !ok {
			return
		}
		if n < 2 || n > len(s) || s[0] != '"' || s[n-1] != '"' {
			t.Fatalf("unquote(%q) consumed %d bytes", s, n)
		}
		q := quoteString(val)
		back, m, ok := unquote(q)
		if !ok || back != val || m != len(q) {
			t.Fatalf("%q: unquoted %q, requoted %q, read back %q", s, val, q, back)
		}
	})
}

// quoteString is the inverse of unquote for the tests.
func quoteString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}
