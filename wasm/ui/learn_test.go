package ui

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
)

// printfCases are byte strings Printf must reproduce exactly: every line
// ending, control bytes, quotes, percent signs, backslashes, a leading
// '-', high bytes and UTF-8, and every example's request.
func printfCases() [][]byte {
	cases := [][]byte{
		[]byte(""),
		[]byte("GET / HTTP/1.1\r\nHost: a\r\n\r\n"),
		[]byte("GET / HTTP/1.1\nHost: a\n\n"),
		[]byte("-X\r\n"),
		[]byte("%s %d %% \\ \\n '\"' $HOME `id` $(id) !x\r\n"),
		[]byte("\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x80\xfe\xff\r\r\n\t 0\x001"),
		[]byte("X: caf\u00e9 \u202e \u200b\r\n"),
		[]byte("\\0101\\x41\\c"),
	}
	for _, ex := range gallery.Examples() {
		cases = append(cases, ex.Request)
	}
	return cases
}

// TestPrintfReproducesBytes runs each printf command with /usr/bin/printf
// (through sh, as a user pastes it) and compares the output byte for byte.
func TestPrintfReproducesBytes(t *testing.T) {
	if _, err := os.Stat("/usr/bin/printf"); err != nil {
		t.Skip("SKIPPED: /usr/bin/printf is not installed")
	}
	for _, raw := range printfCases() {
		cmd := Printf(raw)
		if !strings.HasPrefix(cmd, "printf '") {
			t.Fatalf("Printf = %q", cmd)
		}
		for _, sh := range []string{"/bin/sh", "/bin/bash"} {
			if _, err := os.Stat(sh); err != nil {
				continue
			}
			out, err := exec.Command(sh, "-c", "/usr/bin/"+cmd).Output()
			if err != nil {
				t.Fatalf("%s -c %q: %v", sh, cmd, err)
			}
			if !bytes.Equal(out, raw) {
				t.Errorf("%s: /usr/bin/%s\n wrote %q\n  want %q", sh, cmd, out, raw)
			}
		}
		// The shell's own printf too (dash's builtin on Debian).
		out, err := exec.Command("/bin/sh", "-c", cmd).Output()
		if err != nil || !bytes.Equal(out, raw) {
			t.Errorf("sh builtin: %s wrote %q (%v), want %q", cmd, out, err, raw)
		}
	}
	if got := Netcat([]byte("a")); got != "printf 'a' | nc localhost 80" {
		t.Errorf("Netcat = %q", got)
	}
	if got := Netcat([]byte("GET / HTTP/1.1\r\nHost: a.example:8443\r\n\r\n")); !strings.HasSuffix(got, "' | nc a.example 8443") {
		t.Errorf("Netcat = %q", got)
	}
}

// TestTargetOf checks where the Copy as commands send a request: its own
// Host, port 80 by default, and localhost:80 without one usable Host.
func TestTargetOf(t *testing.T) {
	for _, c := range []struct {
		req, host, port, url string
		fromHost             bool
	}{
		{"GET /chat HTTP/1.1\r\nHost: server.example.com\r\n\r\n", "server.example.com", "80", "http://server.example.com/x", true},
		{"GET /chat HTTP/1.1\nhost:localhost:8080\n\n", "localhost", "8080", "http://localhost:8080/x", true},
		{"GET / HTTP/1.1\r\nHOST: \t[::1]:9000 \r\n\r\n", "[::1]", "9000", "http://[::1]:9000/x", true},
		{"GET / HTTP/1.1\r\nHost: [2001:db8::1]\r\n\r\n", "[2001:db8::1]", "80", "http://[2001:db8::1]/x", true},
		{"GET / HTTP/1.1\r\nHost: 10.0.0.1:80\r\nX: y\r\n\r\nHost: other\r\n", "10.0.0.1", "80", "http://10.0.0.1/x", true},
		{"GET / HTTP/1.1\r\nX: y\r\n\r\n", "localhost", "80", "http://localhost/x", false},
		{"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "localhost", "80", "http://localhost/x", false},
		{"GET / HTTP/1.1\r\nHost:\r\n\r\n", "localhost", "80", "http://localhost/x", false},
		{"GET / HTTP/1.1\r\nHost: a:99999\r\n\r\n", "localhost", "80", "http://localhost/x", false},
		{"GET / HTTP/1.1\r\nHost: a:0\r\n\r\n", "localhost", "80", "http://localhost/x", false},
		{"GET / HTTP/1.1\r\nHost: a b\r\n\r\n", "localhost", "80", "http://localhost/x", false},
		{"GET / HTTP/1.1\r\nHost: a;rm -rf /\r\n\r\n", "localhost", "80", "http://localhost/x", false},
		{"GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", "localhost", "80", "http://localhost/x", false},
		{"GET / HTTP/1.1\r\n Host: a\r\n\r\n", "localhost", "80", "http://localhost/x", false},
		{"", "localhost", "80", "http://localhost/x", false},
	} {
		got := TargetOf([]byte(c.req))
		if got.Host != c.host || got.Port != c.port || got.FromHost != c.fromHost || got.URL("/x") != c.url {
			t.Errorf("TargetOf(%q) = %+v (%s), want %s %s %v", c.req, got, got.URL("/"), c.host, c.port, c.fromHost)
		}
		if d := got.Describe(); !strings.Contains(d, "edit the host and port in the command") || !strings.Contains(d, got.Host+", port "+got.Port) {
			t.Errorf("Describe() = %q", d)
		}
	}
}

func TestCurl(t *testing.T) {
	for _, c := range []struct {
		name, req string
		exact     bool
		command   string // "" = no command
		problem   string // a substring of the problems
	}{
		{name: "plain", req: "GET /chat?x=1 HTTP/1.1\r\nHost: a.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n", exact: true,
			command: "curl --http1.1 -i -g --path-as-is -H 'Host: a.example' -H 'Upgrade: websocket' -H 'Connection: Upgrade' -H 'User-Agent:' -H 'Accept:' 'http://a.example/chat?x=1'"},
		{name: "body", req: "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nab'c", exact: true,
			command: "printf 'ab\\047c' | curl --http1.1 -i -g --path-as-is -H 'Host: a' -H 'Content-Length: 4' -H 'User-Agent:' -H 'Accept:' -H 'Content-Type:' -H 'Expect:' --data-binary @- 'http://a/p'"},
		{name: "head", req: "HEAD / HTTP/1.1\r\nHost: a\r\n\r\n", exact: true,
			command: "curl --http1.1 -i -g --path-as-is --head -H 'Host: a' -H 'User-Agent:' -H 'Accept:' 'http://a/'"},
		{name: "quote and empty", req: "OPTIONS / HTTP/1.0\r\nHost: a\r\nX-Q: it's\r\nX-E:\r\n\r\n", exact: true,
			command: "curl --http1.0 -i -g --path-as-is -X 'OPTIONS' -H 'Host: a' -H 'X-Q: it'\\''s' -H 'X-E;' -H 'User-Agent:' -H 'Accept:' 'http://a/'"},
		{name: "host not first", req: "GET / HTTP/1.1\r\nUpgrade: h2c\r\nHost: a\r\n\r\n", exact: false, command: "curl", problem: "Host as the first field"},
		{name: "spacing", req: "GET / HTTP/1.1\r\nHost:a\r\n\r\n", exact: false, command: "curl", problem: "one space after the colon"},
		{name: "bare LF", req: "GET / HTTP/1.1\nHost: a\r\n\r\n", problem: "bare LF"},
		{name: "obs-fold", req: "GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n", problem: ""},
		{name: "syntax", req: "GET / HTTP/1.1\r\nHost : a\r\n\r\n", problem: "not valid HTTP/1.1 syntax"},
		{name: "incomplete", req: "GET / HTTP/1.1\r\nHost: a\r\n", problem: "has not ended"},
		{name: "after", req: "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\n", problem: "bytes follow"},
		{name: "chunked", req: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n", problem: "chunked"},
		{name: "absolute", req: "GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n", problem: "absolute form"},
		{name: "non-ASCII", req: "GET / HTTP/1.1\r\nHost: a\r\nX: a\u200bb\u202e\r\n\r\n", problem: "non-ASCII"},
		{name: "NUL", req: "GET / HTTP/1.1\r\nHost: a\r\nX: a\x00b\r\n\r\n", problem: ""},
	} {
		res := engine.Negotiate([]byte(c.req), nil)
		f := Curl([]byte(c.req), res)
		if f.Exact != c.exact {
			t.Errorf("%s: Exact = %v (%q), want %v", c.name, f.Exact, f.Problems, c.exact)
		}
		switch {
		case c.command == "" && f.Command != "":
			t.Errorf("%s: curl command %q for bytes curl cannot send", c.name, f.Command)
		case c.command == "curl" && !strings.HasPrefix(f.Command, "curl "):
			t.Errorf("%s: no best-form command: %q %q", c.name, f.Command, f.Problems)
		case c.command != "" && c.command != "curl" && f.Command != c.command:
			t.Errorf("%s:\n got %s\nwant %s", c.name, f.Command, c.command)
		}
		if !c.exact && len(f.Problems) == 0 {
			t.Errorf("%s: no reason given", c.name)
		}
		if c.problem != "" && !strings.Contains(strings.Join(f.Problems, "; "), c.problem) {
			t.Errorf("%s: problems %q lack %q", c.name, f.Problems, c.problem)
		}
	}
}

func TestDiagram(t *testing.T) {
	sample := "GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
	for _, c := range []struct {
		req  string
		want []string // in the title, in this order
		cls  string
	}{
		{sample + "\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58", []string{"client sends GET /chat HTTP/1.1", "server sends 101 Switching Protocols (now speaking websocket)", "client sends websocket:"}, "s1xx"},
		{"GET / HTTP/1.1\r\nHost : a\r\n\r\n", []string{"server sends 400 Bad Request", "closes the connection"}, "s4xx"},
		{"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n", []string{"client sends POST / HTTP/1.1 (69 bytes)", "server sends 100 Continue", "still waiting for the rest of the request body"}, ""},
		{"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi", []string{"(49 bytes, body 2 bytes)", "200 OK"}, "s2xx"},
		{"", []string{"client sends request (0 bytes)", "still waiting"}, ""},
	} {
		res := engine.Negotiate([]byte(c.req), nil)
		title := DiagramTitle(res)
		at := 0
		for _, w := range c.want {
			i := strings.Index(title[at:], w)
			if i < 0 {
				t.Errorf("%.40q: title %q lacks %q (in order)", c.req, title, w)
				break
			}
			at += i
		}
		d := Diagram(res)
		if v := Violations(d); len(v) > 0 {
			t.Errorf("%.40q: the diagram needs sanitizing: %q", c.req, v)
		}
		svg := d.Kids[0]
		if svg.Tag != "svg" || svg.Kids[0].Tag != "title" || svg.Kids[0].Kids[0].Text != title {
			t.Errorf("%.40q: the diagram does not start with its title", c.req)
		}
		if c.cls != "" && !strings.Contains(d.String(), "msg final "+c.cls) {
			t.Errorf("%.40q: no final arrow of class %s", c.req, c.cls)
		}
	}
	// The HTTP/2 and HTTP/3 equivalents are not on this connection.
	if title := DiagramTitle(engine.Negotiate([]byte(sample), nil)); strings.Contains(title, "equivalent") || !strings.HasSuffix(title, "(now speaking websocket).") {
		t.Errorf("the diagram of the sample handshake is %q", title)
	}
	// Invisible characters never reach the diagram raw.
	res := engine.Negotiate([]byte("GET /\u202e\u200b HTTP/1.1\r\nHost: a\r\n\r\n"), nil)
	if s := Diagram(res).String(); strings.ContainsAny(s, "\u202e\u200b") {
		t.Errorf("the diagram shows invisible characters raw: %s", s)
	}
}

func TestPredict(t *testing.T) {
	choices := PredictChoices()
	if choices[len(choices)-1] != 0 {
		t.Errorf("the last choice is %d, want 0 (no response yet)", choices[len(choices)-1])
	}
	for _, ex := range gallery.Examples() {
		found := false
		for _, c := range choices {
			found = found || c == ex.Expect
		}
		if !found {
			t.Errorf("%s answers %d, which is not a choice", ex.ID, ex.Expect)
		}
	}
	res := engine.Negotiate([]byte("GET / HTTP/1.1\r\nHost : a\r\n\r\n"), nil)
	before := Predict(res, -1, false).String()
	if strings.Contains(before, "Whitespace") || strings.Contains(before, "predict-outcome") {
		t.Errorf("the panel gives the answer away before the reveal:\n%s", before)
	}
	for _, c := range []struct {
		picked int
		cls    string
	}{{400, "right"}, {200, "wrong"}, {-1, "none"}} {
		s := Predict(res, c.picked, true).String()
		if !strings.Contains(s, "predict-result "+c.cls) || !strings.Contains(s, "400 Bad Request") || !strings.Contains(s, PredictReason(res)) {
			t.Errorf("picked %d: the outcome is not %s with the status and reason:\n%s", c.picked, c.cls, s)
		}
	}
	if r := PredictReason(res); !strings.Contains(r, "Whitespace between the field name") {
		t.Errorf("the reason is %q, want the decisive note", r)
	}
	for _, n := range []*Node{Predict(res, 400, false), Predict(res, 400, true)} {
		if v := Violations(n); len(v) > 0 {
			t.Errorf("the predict panel needs sanitizing: %q", v)
		}
	}
}

func TestStepsOnLine(t *testing.T) {
	raw := "GET / HTTP/1.1\r\nHost : a\r\nUpgrade: websocket\r\n\r\n"
	res := engine.Negotiate([]byte(raw), nil)
	line2 := strings.Index(raw, "Host")
	steps := StepsOnLine(res, line2+3)
	found := false
	for _, i := range steps {
		sp := res.Trace[i].Span
		if sp.End <= line2 || sp.Start >= strings.Index(raw, "Upgrade") {
			t.Errorf("step %d (%d-%d) is not on line 2", i, sp.Start, sp.End)
		}
		found = found || i == res.Decisive
	}
	if !found {
		t.Errorf("the decisive step (on line 2) is not among %v", steps)
	}
	if StepsOnLine(res, -1) != nil || StepsOnLine(res, len(raw)+1) != nil {
		t.Error("offsets outside the request mark steps")
	}
	text := editor.Text([]byte(raw), "")
	_, m := editor.MapText(text, "")
	mk, ok := StepMark(res, res.Decisive, m, text)
	if !ok || text[mk.Start:mk.End] != " " || mk.Kind != "selected" {
		t.Errorf("the decisive step's mark is %+v %q", mk, text[mk.Start:mk.End])
	}
	if _, ok := StepMark(res, len(res.Trace), m, text); ok {
		t.Error("a step out of range has a mark")
	}
}

func BenchmarkLearnViews(b *testing.B) {
	ex := gallery.Examples()[0]
	cfg := ex.Config()
	res := engine.Negotiate(ex.Request, &cfg)
	b.ReportAllocs()
	for b.Loop() {
		_ = Diagram(res)
		_ = CopyAs(ex.Request, res)
		_ = StepsOnLine(res, 20)
	}
}

func TestGalleryBrowser(t *testing.T) {
	ex := gallery.Examples()[1]
	g := GalleryBrowser(ex.ID)
	if v := Violations(g); len(v) > 0 {
		t.Errorf("the gallery needs sanitizing: %q", v)
	}
	s := g.String()
	if n := strings.Count(s, "data-ex="); n != len(gallery.Examples()) {
		t.Errorf("the gallery has %d links, want %d", n, len(gallery.Examples()))
	}
	if n := strings.Count(s, "aria-current"); n != 1 || !strings.Contains(s, `href="#ex=`+ex.ID+`" data-ex="`+ex.ID+`" aria-current="true"`) {
		t.Errorf("the current example is not the one marked (%d marks)", n)
	}
}

// unprintf decodes the format of a printf '…' command as POSIX printf
// does for the escapes Printf writes.
func unprintf(t *testing.T, cmd string) []byte {
	t.Helper()
	f, ok := strings.CutPrefix(cmd, "printf '")
	if !ok || !strings.HasSuffix(f, "'") || strings.Count(f, "'") != 1 {
		t.Fatalf("not one single-quoted printf format: %q", cmd)
	}
	f = f[:len(f)-1]
	var out []byte
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '%':
			if i+1 >= len(f) || f[i+1] != '%' {
				t.Fatalf("a lone %% in %q", cmd)
			}
			out = append(out, '%')
			i++
		case c == '\\':
			if i+1 >= len(f) {
				t.Fatalf("a trailing backslash in %q", cmd)
			}
			switch e := f[i+1]; e {
			case 'r', 'n', 't', '\\':
				out = append(out, map[byte]byte{'r': '\r', 'n': '\n', 't': '\t', '\\': '\\'}[e])
				i++
			default:
				if i+3 >= len(f) || e < '0' || e > '3' {
					t.Fatalf("a bad escape in %q at %d", cmd, i)
				}
				out = append(out, (e-'0')<<6|(f[i+2]-'0')<<3|(f[i+3]-'0'))
				i += 3
			}
		case c < 0x20 || c >= 0x7f:
			t.Fatalf("a raw byte %#x in %q", c, cmd)
		default:
			out = append(out, c)
		}
	}
	return out
}

// FuzzCopyAs checks, for any bytes, that Printf round-trips (decoded as
// printf does), that nothing panics, and that an exact curl command is
// only given for a complete CRLF request without control bytes.
func FuzzCopyAs(f *testing.F) {
	for _, c := range printfCases() {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if got := unprintf(t, Printf(raw)); !bytes.Equal(got, raw) {
			t.Fatalf("Printf(%q) decodes to %q", raw, got)
		}
		res := engine.Negotiate(raw, nil)
		cf := Curl(raw, res)
		_ = CopyAs(raw, res)
		if cf.Exact {
			if bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\n")) || res.Request == nil || !res.Request.Complete() {
				t.Fatalf("an exact curl command for %q", raw)
			}
		}
		if cf.Command != "" && strings.ContainsAny(cf.Command, "\r\n\x00") {
			t.Fatalf("the curl command holds raw control bytes: %q", cf.Command)
		}
	})
}
