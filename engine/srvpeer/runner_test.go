package srvpeer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/upgrade-playground/playground/engine"
)

// An answer is what a server sent for one request, normalized for
// comparison: the interim responses and the final one, each as its status
// line and field lines (Date left out: the engine never emits it) and its
// body; or that it closed the connection without a response; or that it
// was still waiting for more of the request.
type answer struct {
	Closed  bool     // the connection closed before any response
	Waiting bool     // no response, and the connection stayed open
	H2      bool     // the server spoke HTTP/2: its first frame is SETTINGS
	Heads   []string // each response's status line and fields, one per line
	Body    []byte   // the final response's body (none for a 101)
}

// String writes the answer as text, for the test's messages.
func (a answer) String() string {
	switch {
	case a.Closed:
		return "closed without a response"
	case a.Waiting:
		return "waiting for more of the request"
	case a.H2:
		return "HTTP/2: a SETTINGS frame first"
	}
	return strings.Join(a.Heads, "\n") + "\n" + strconv.Quote(string(a.Body))
}

// differs says in a word what differs between the engine's answer and the
// real one, or "" when they agree. Bodies are compared byte for byte, like
// the heads: a profile reproduces the library's wording too.
func differs(eng, real answer) string {
	switch {
	case eng.Closed != real.Closed || eng.Waiting != real.Waiting || eng.H2 != real.H2 || len(eng.Heads) != len(real.Heads):
		return "outcome"
	case len(eng.Heads) == 0:
		return ""
	}
	for i := range eng.Heads {
		el, _, _ := strings.Cut(eng.Heads[i], "\n")
		rl, _, _ := strings.Cut(real.Heads[i], "\n")
		if statusCode(el) != statusCode(rl) {
			return "status"
		}
	}
	for i := range eng.Heads {
		el, _, _ := strings.Cut(eng.Heads[i], "\n")
		rl, _, _ := strings.Cut(real.Heads[i], "\n")
		if el != rl {
			return "status-line"
		}
	}
	for i := range eng.Heads {
		if eng.Heads[i] != real.Heads[i] {
			return "fields"
		}
	}
	if !bytes.Equal(eng.Body, real.Body) {
		return "body"
	}
	return ""
}

// statusCode is the status code of a status line, or the line itself when
// it has none.
func statusCode(line string) string {
	f := strings.Fields(line)
	if len(f) < 2 {
		return line
	}
	return f[1]
}

// engineAnswer is the engine's answer to raw as the profile plays it.
func engineAnswer(res *engine.Result) answer {
	if res.Closed {
		return answer{Closed: true}
	}
	if res.Switched == "h2" {
		// HTTP/2 by prior knowledge: the server's first bytes are its
		// SETTINGS frame (RFC 9113 §3.4); the frames themselves are
		// compared by engine/h2peer.
		return answer{H2: true}
	}
	b := res.Bytes()
	if len(b) == 0 {
		return answer{Waiting: true}
	}
	a, err := readAnswer(bufio.NewReader(bytes.NewReader(b)), res.Request.Method == "HEAD")
	if err != nil {
		return answer{Heads: []string{"unreadable engine response: " + err.Error()}}
	}
	return a
}

// errNoResponse means the connection closed before a response began.
var errNoResponse = errors.New("closed before any response")

// readAnswer reads the responses to one request: interim 1xx ones, then the
// final one with its body, framed by Content-Length or chunked or, without
// either, the connection's close. A 101 ends the answer at its head.
func readAnswer(br *bufio.Reader, head bool) (answer, error) {
	var a answer
	for range 8 { // at most a few interim responses
		h, fields, err := readHead(br)
		if err != nil {
			if len(a.Heads) == 0 && errors.Is(err, errNoResponse) {
				return answer{Closed: true}, nil
			}
			return a, err
		}
		a.Heads = append(a.Heads, h)
		code, _ := strconv.Atoi(statusCode(h[:strings.IndexByte(h+"\n", '\n')]))
		if code == 101 || code >= 200 {
			if code == 101 || code == 204 || code == 304 || head {
				return a, nil
			}
			a.Body, err = readBody(br, fields)
			return a, err
		}
	}
	return a, errors.New("too many interim responses")
}

// readHead reads one response head: its status line and field lines, Date
// left out, and the fields by lower-case name.
func readHead(br *bufio.Reader) (string, map[string]string, error) {
	var lines []string
	fields := map[string]string{}
	for len(lines) < 200 {
		line, err := br.ReadString('\n')
		if err != nil {
			if len(lines) == 0 && line == "" && (err == io.EOF || isReset(err)) {
				return "", nil, errNoResponse
			}
			return "", nil, fmt.Errorf("head cut short after %q: %w", strings.Join(lines, "|")+line, err)
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if line == "" {
			if len(lines) == 0 {
				continue
			}
			return strings.Join(lines, "\n"), fields, nil
		}
		if len(lines) > 0 {
			name, value, _ := strings.Cut(line, ":")
			if strings.EqualFold(name, "Date") {
				continue
			}
			fields[strings.ToLower(name)] = strings.TrimSpace(value)
		}
		lines = append(lines, line)
	}
	return "", nil, errors.New("more than 200 field lines")
}

// readBody reads a final response's body.
func readBody(br *bufio.Reader, fields map[string]string) ([]byte, error) {
	if strings.EqualFold(fields["transfer-encoding"], "chunked") {
		var body []byte
		for range 10000 {
			line, err := br.ReadString('\n')
			if err != nil {
				return body, err
			}
			body = append(body, line...)
			n, err := strconv.ParseInt(strings.TrimSpace(strings.SplitN(line, ";", 2)[0]), 16, 32)
			if err != nil {
				return body, err
			}
			if n == 0 {
				rest, err := br.ReadString('\n')
				return append(body, rest...), err
			}
			chunk := make([]byte, n+2)
			if _, err := io.ReadFull(br, chunk); err != nil {
				return body, err
			}
			body = append(body, chunk...)
		}
		return body, errors.New("too many chunks")
	}
	if cl, ok := fields["content-length"]; ok {
		n, err := strconv.Atoi(cl)
		if err != nil || n > 1<<20 {
			return nil, fmt.Errorf("content-length %q", cl)
		}
		body := make([]byte, n)
		_, err = io.ReadFull(br, body)
		return body, err
	}
	body, err := io.ReadAll(io.LimitReader(br, 1<<20))
	if isReset(err) {
		err = nil
	}
	return body, err
}

// isReset reports a connection reset by the peer: a server that closes
// with unread request bytes resets the connection, after its response.
func isReset(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && strings.Contains(op.Err.Error(), "reset")
}

// waitFor is how long a server may stay silent before the answer counts as
// "waiting": the engine says, for a request that is not complete, that the
// server waits, and only silence can confirm it. Every other read ends on
// the answer's own framing or the server's close; hang is a safety net.
const (
	waitFor = 500 * time.Millisecond
	hang    = 3 * time.Second
)

// realAnswer sends raw over a fresh TCP connection to addr and reads the
// answer: head says the request is HEAD (no body follows the response's
// head), waiting that the engine expects the server to wait, h2 that it
// expects HTTP/2 frames, which end the answer at the first frame header.
func realAnswer(addr string, raw []byte, head, waiting, h2 bool) (answer, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return answer{}, err
	}
	defer c.Close()
	if _, err := c.Write(raw); err != nil && !isReset(err) {
		return answer{}, err
	}
	br := bufio.NewReader(c)
	if waiting {
		c.SetReadDeadline(time.Now().Add(waitFor))
		if _, err := br.Peek(1); err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				return answer{Waiting: true}, nil
			}
		}
	}
	c.SetReadDeadline(time.Now().Add(hang))
	if h2 {
		if b, err := br.Peek(9); err == nil && b[3] == 4 {
			return answer{H2: true}, nil
		}
	}
	return readAnswer(br, head)
}

// A difference is one line of testdata/differences-<profile>.txt:
//
//	request-pattern ... | what differs | reason
//
// The patterns, separated by spaces, are request names or path.Match
// patterns over names, so that one line lists every request of one real
// cause; what differs is the word differs returns.
type difference struct {
	patterns     []string
	what, reason string
	line         int
	usedBy       map[string]int // differing requests per pattern
}

// readDifferences reads a profile's table of known differences.
func readDifferences(t *testing.T, profile string) []*difference {
	file := "testdata/differences-" + profile + ".txt"
	data, err := os.ReadFile(file)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []*difference
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		parts := strings.SplitN(line, "|", 3)
		if len(parts) != 3 || strings.TrimSpace(parts[2]) == "" {
			t.Fatalf("%s:%d: want \"request | what differs | reason\"", file, i+1)
		}
		d := &difference{patterns: strings.Fields(parts[0]), what: strings.TrimSpace(parts[1]), reason: strings.TrimSpace(parts[2]), line: i + 1}
		for _, p := range d.patterns {
			if _, err := path.Match(p, ""); err != nil {
				t.Fatalf("%s:%d: bad pattern %q", file, i+1, p)
			}
		}
		out = append(out, d)
	}
	return out
}

// listed returns the difference that lists the request's difference, or nil.
func listed(diffs []*difference, name, what string) *difference {
	for _, d := range diffs {
		for _, p := range d.patterns {
			if ok, _ := path.Match(p, name); ok && d.what == what {
				if d.usedBy == nil {
					d.usedBy = map[string]int{}
				}
				d.usedBy[p]++
				return d
			}
		}
	}
	return nil
}

// compareProfile sends every corpus request to the real server at addr and
// compares its answer with the engine's for the profile. It fails on every
// difference not listed in testdata/differences-<profile>.txt and on every
// listed one that no longer occurs, and logs the agreement count.
func compareProfile(t *testing.T, profile, addr string, cases []Case) {
	compareConfigured(t, profile, profile, "", addr, cases)
}

// compareConfigured is compareProfile for the profile with settings
// applied on top (key=value&key=value, a deep link's), as the
// application's configuration of the library: the real server at addr
// runs the library configured the same way; proxy=nginx puts the nginx
// hop in front, as the real nginx is in front of addr. Its differences
// are listed in testdata/differences-<label>.txt.
func compareConfigured(t *testing.T, label, profile, settings, addr string, cases []Case) {
	p := engine.LookupProfile(profile)
	if p == nil {
		t.Fatalf("no profile %q", profile)
	}
	cfg := p.Config()
	for _, kv := range strings.Split(settings, "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		if k == "proxy" {
			cfg.Proxy = v // a proxy in front of the profile (the link key proxy)
			continue
		}
		s := engine.LookupSetting(k)
		if s == nil {
			t.Fatalf("no setting %q", k)
		}
		if err := s.Set(&cfg, v); err != nil {
			t.Fatalf("%s: %v", kv, err)
		}
	}
	diffs := readDifferences(t, label)
	agree, known := 0, 0
	var report strings.Builder
	for _, c := range cases {
		res := engine.Negotiate(c.Raw, &cfg)
		if res.Server != p.ID {
			t.Errorf("%s: Result.Server is %q, want %q", c.Name, res.Server, profile)
		}
		eng := engineAnswer(res)
		real, err := realAnswer(addr, c.Raw, res.Request.Method == "HEAD", eng.Waiting, eng.H2)
		if err != nil {
			real = answer{Heads: []string{"read error: " + err.Error()}}
		}
		what := differs(eng, real)
		if what == "" {
			agree++
			continue
		}
		if d := listed(diffs, c.Name, what); d != nil {
			known++
			continue
		}
		fmt.Fprintf(&report, "%s | %s | ?\n\tengine: %s\n\treal:   %s\n", c.Name, what, indent(eng.String()), indent(real.String()))
		t.Errorf("%s: unlisted difference (%s)\nengine:\n%s\nreal:\n%s", c.Name, what, eng, real)
	}
	for _, d := range diffs {
		for _, p := range d.patterns {
			if d.usedBy[p] == 0 {
				t.Errorf("testdata/differences-%s.txt:%d: %q (%s) no longer differs: remove it", label, d.line, p, d.what)
			}
		}
	}
	if *dump != "" && report.Len() > 0 {
		os.WriteFile(*dump+"-"+label+".txt", []byte(report.String()), 0o644)
	}
	t.Logf("%s: %d/%d agree, %d listed differences", label, agree, len(cases), known)
	fmt.Printf("srvpeer summary: %s: %d/%d agree, %d listed differences\n", label, agree, len(cases), known)
}

func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n\t        ") }

// serve starts a net/http server with the handler on 127.0.0.1 and stops it
// when the test ends. Its settings are net/http's defaults, as the
// profiles' reference setups use them.
func serve(t *testing.T, h http.Handler) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ErrorLog: quietLog}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}
