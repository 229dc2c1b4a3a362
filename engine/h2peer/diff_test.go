package h2peer

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/h2c"

	"github.com/upgrade-playground/playground/engine"
)

// A differential test: the same request bytes go to golang.org/x/net/http2/h2c
// and to Go's net/http with unencrypted HTTP/2 (prior knowledge only), each on
// loopback, and to the engine set up as a profile of each. Every difference
// in the answers must be one the engine explains: the named note must be in
// the engine's trace for that request.

const (
	h2s     = "AAMAAABkAAQCAAAAAAIAAAAA"
	h2cConn = "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
)

// diffCases are the requests. xnet and std name the note that explains why
// the engine's profile answers differently from that server, or are empty
// when both must answer alike.
var diffCases = []struct {
	name, raw string
	xnet, std string
}{
	{"plain GET", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", "", ""},
	{"h2c GET", "GET / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: " + h2s + "\r\n\r\n", "", ""},
	{"h2c HEAD", "HEAD / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: " + h2s + "\r\n\r\n", "", ""},
	// net/http answers OPTIONS * itself; the h2c handler never runs.
	{"h2c OPTIONS *", "OPTIONS * HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: " + h2s + "\r\n\r\n", "h2c-options", ""},
	{"h2c OPTIONS /", "OPTIONS / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: " + h2s + "\r\n\r\n", "", ""},
	{"h2c POST body", "POST /u HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: " + h2s + "\r\nContent-Length: 5\r\n\r\nhello", "", ""},
	{"h2c POST chunked", "POST /u HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: " + h2s + "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "", ""},
	{"h2c Expect 100", "POST /u HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: " + h2s + "\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello", "", ""},
	{"h2c upper-case token", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: H2C\r\nHTTP2-Settings: " + h2s + "\r\n\r\n", "", ""},
	{"h2c Firefox-style Connection", "GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: " + h2s + "\r\n\r\n", "", ""},
	{"h2c Connection on two lines", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nConnection: HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: " + h2s + "\r\n\r\n", "", ""},
	{"h2c empty settings", "GET / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings:\r\n\r\n", "", ""},
	{"h2c unknown setting", "GET / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: AAoAAAAB\r\n\r\n", "", ""},
	{"h2c ENABLE_PUSH=2", "GET / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: AAIAAAAC\r\n\r\n", "", ""},
	{"h2c window 2^31", "GET / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: AASAAAAA\r\n\r\n", "", ""},
	{"h2c settings missing", "GET / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "\r\n", "", ""},
	{"h2c settings twice", "GET / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: " + h2s + "\r\nHTTP2-Settings: AAQAEAAA\r\n\r\n", "", ""},
	{"h2c settings padded", "GET / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: AAMAAABk==\r\n\r\n", "", ""},
	{"h2c settings base64", "GET / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: AAMAAABk+/8A\r\n\r\n", "", ""},
	// x/net decodes the base64url and then reads only whole settings, so a
	// 4-byte payload switches; the engine refuses a payload that is not one.
	{"h2c settings 4 bytes", "GET / HTTP/1.1\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: AAMAAA\r\n\r\n", "h2c-settings-length", ""},
	{"h2c no HTTP2-Settings option", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: h2c\r\nHTTP2-Settings: " + h2s + "\r\n\r\n", "", ""},
	{"h2c no upgrade option", "GET / HTTP/1.1\r\nHost: a\r\nConnection: HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: " + h2s + "\r\n\r\n", "", ""},
	{"h2c no Connection", "GET / HTTP/1.1\r\nHost: a\r\nUpgrade: h2c\r\nHTTP2-Settings: " + h2s + "\r\n\r\n", "", ""},
	// x/net checks neither method nor version; RFC 9110 §7.8 ignores Upgrade in HTTP/1.0.
	{"h2c HTTP/1.0", "GET / HTTP/1.0\r\nHost: a\r\n" + h2cConn + "HTTP2-Settings: " + h2s + "\r\n\r\n", "upgrade-http10-ignored", ""},
	{"Upgrade: h2", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2\r\nHTTP2-Settings: " + h2s + "\r\n\r\n", "", ""},
	{"Upgrade: h2, h2c", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2, h2c\r\nHTTP2-Settings: " + h2s + "\r\n\r\n", "", ""},
	{"Upgrade: HTTP/2.0", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: HTTP/2.0\r\n\r\n", "", ""},
	{"Upgrade: HTTP/3.0", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: HTTP/3.0\r\n\r\n", "", ""},
	{"Upgrade: h3", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: h3\r\n\r\n", "", ""},
	{"Upgrade: QUIC", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: QUIC\r\n\r\n", "", ""},
	{"Upgrade: IRC/6.9", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: IRC/6.9\r\n\r\n", "", ""},
	{"Upgrade: TLS/1.0", "OPTIONS * HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: TLS/1.0\r\n\r\n", "", ""},
	{"Upgrade: connect-udp", "GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: connect-udp\r\n\r\n", "", ""},
	{"prior knowledge", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "", ""},
	{"prior knowledge + SETTINGS", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x06\x04\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x64", "", ""},
}

// profiles set the engine up as each peer.
var (
	xnetProfile = map[string]string{"ws": "0", "h2c": "1", "h2cconn": "1", "h2copt": "ignore", "h2cbad": "500", "h2prior": "h2"}
	stdProfile  = map[string]string{"ws": "0", "h2c": "0", "h2prior": "h2", "h2cpreface": "go"}
)

func profile(t *testing.T, kv map[string]string) *engine.Config {
	c := engine.DefaultConfig()
	for k, v := range kv {
		s := engine.LookupSetting(k)
		if s == nil {
			t.Fatalf("no setting %q", k)
		}
		if err := s.Set(&c, v); err != nil {
			t.Fatal(err)
		}
	}
	return &c
}

// outcome summarises an answer: the statuses in order ("100 101"), "h2" for
// an HTTP/2 frame instead of a status line, "none" for no answer.
func engineOutcome(res *engine.Result) string {
	var s []string
	for _, r := range res.Interim {
		s = append(s, fmt.Sprint(r.Status))
	}
	switch {
	case res.Final != nil:
		s = append(s, fmt.Sprint(res.Final.Status))
	case res.Switched == "h2":
		s = append(s, "h2")
	default:
		s = append(s, "none")
	}
	return strings.Join(s, " ")
}

// peerOutcome also returns the response's fields, or for "h2" the first
// frame's bytes.
func peerOutcome(t *testing.T, addr, raw string) (string, http.Header, []byte) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(3 * time.Second))
	if _, err := io.WriteString(conn, raw); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	var s []string
	for i := 0; i < 4; i++ {
		b, err := br.Peek(1)
		if err != nil {
			break
		}
		if b[0] == 0 { // an HTTP/2 frame header: a length below 2^16
			s = append(s, "h2")
			head := make([]byte, 9)
			if _, err := io.ReadFull(br, head); err != nil {
				t.Fatal(err)
			}
			frame := append(head, make([]byte, int(head[1])<<8|int(head[2]))...)
			if _, err := io.ReadFull(br, frame[9:]); err != nil {
				t.Fatal(err)
			}
			return strings.Join(s, " "), nil, frame
		}
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("reading the answer: %v", err)
		}
		s = append(s, fmt.Sprint(resp.StatusCode))
		if resp.StatusCode >= 200 || resp.StatusCode == 101 {
			return strings.Join(s, " "), resp.Header, nil
		}
	}
	if len(s) == 0 {
		return "none", nil, nil
	}
	return strings.Join(s, " "), nil, nil
}

func listen(t *testing.T, srv *http.Server) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

func TestDifferentialH2C(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		io.WriteString(w, body)
	})
	xnet := listen(t, &http.Server{Handler: h2c.NewHandler(ok, &http2.Server{})})
	var p http.Protocols
	p.SetHTTP1(true)
	p.SetUnencryptedHTTP2(true)
	std := listen(t, &http.Server{Handler: ok, Protocols: &p})
	if len(diffCases) < 30 {
		t.Fatalf("only %d cases", len(diffCases))
	}
	for _, tc := range diffCases {
		for _, peer := range []struct {
			name, addr, explained string
			kv                    map[string]string
		}{
			{"x/net h2c", xnet, tc.xnet, xnetProfile},
			{"net/http", std, tc.std, stdProfile},
		} {
			res := engine.Negotiate([]byte(tc.raw), profile(t, peer.kv))
			want := engineOutcome(res)
			got, hdr, frame := peerOutcome(t, peer.addr, tc.raw)
			if got == want {
				if peer.explained != "" {
					t.Errorf("%s, %s: both answer %s, but the case lists the difference %s", tc.name, peer.name, got, peer.explained)
				}
				if got == "h2" && (len(res.After) == 0 || string(res.After[0].Bytes) != string(frame)) {
					t.Errorf("%s, %s: the server's first HTTP/2 frame is % x; the engine shows %q", tc.name, peer.name, frame, res.After[0].Bytes)
				}
				if got == "101" {
					// x/net writes Connection before Upgrade; the fields agree.
					for _, h := range res.Final.Headers {
						if !strings.EqualFold(hdr.Get(h.Name), h.Value) {
							t.Errorf("%s, %s: 101 field %s: peer %q, engine %q", tc.name, peer.name, h.Name, hdr.Get(h.Name), h.Value)
						}
					}
				}
				continue
			}
			if peer.explained == "" {
				t.Errorf("%s: %s answers %s, the engine as that server %s, and no note explains it", tc.name, peer.name, got, want)
				continue
			}
			found := false
			for _, s := range res.Trace {
				found = found || s.Note != nil && s.Note.ID == peer.explained
			}
			if !found {
				t.Errorf("%s: %s answers %s, the engine %s; the note %s should explain it but is not in the trace", tc.name, peer.name, got, want, peer.explained)
			}
			t.Logf("%s: %s answers %s, the engine %s, explained by %s", tc.name, peer.name, got, want, peer.explained)
		}
	}
}
