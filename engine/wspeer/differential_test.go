package wspeer

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/upgrade-playground/playground/engine/wiretext"

	coder "github.com/coder/websocket"
	"github.com/gorilla/websocket"
	"github.com/upgrade-playground/playground/engine"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite ../testdata/ws-differential.md from the differential test")

const differentialFile = "../testdata/ws-differential.md"

// A diffCase is one request, as exact bytes.
type diffCase struct {
	name string
	raw  []byte
}

// goldenCases are the requests of the engine's ws-* goldens.
func goldenCases(t *testing.T) []diffCase {
	files, _ := filepath.Glob("../testdata/ws-*.txtar")
	var out []diffCase
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "request" {
				out = append(out, diffCase{strings.TrimSuffix(filepath.Base(file), ".txtar"), wiretext.Decode(string(f.Data))})
			}
		}
	}
	return out
}

const hs = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"

// hostileCases are requests that attack the HTTP layer under the handshake.
func hostileCases() []diffCase {
	many := func(elem string, n int) string { return strings.TrimSuffix(strings.Repeat(elem+", ", n), ", ") }
	distinct := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("p" + strconv.Itoa(i))
		}
		return b.String()
	}
	return []diffCase{
		{"hostile-obs-fold", []byte(hs + "Sec-WebSocket-Protocol: chat,\r\n superchat\r\n\r\n")},
		{"hostile-space-before-colon", []byte(strings.Replace(hs, "Upgrade:", "Upgrade :", 1) + "\r\n")},
		{"hostile-bare-lf", []byte(strings.ReplaceAll(hs+"\r\n", "\r\n", "\n"))},
		{"hostile-cl-te", []byte(hs + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")},
		{"hostile-chunked-body", []byte(hs + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")},
		{"hostile-no-host", []byte(strings.Replace(hs, "Host: server.example.com\r\n", "", 1) + "\r\n")},
		{"hostile-two-hosts", []byte(hs + "Host: other.example\r\n\r\n")},
		{"hostile-http2-version", []byte(strings.Replace(hs, "HTTP/1.1", "HTTP/2.0", 1) + "\r\n")},
		{"hostile-http12", []byte(strings.Replace(hs, "HTTP/1.1", "HTTP/1.2", 1) + "\r\n")},
		{"hostile-lowercase-method", []byte("get" + hs[3:] + "\r\n")},
		{"hostile-absolute-form", []byte(strings.Replace(hs, "/chat", "http://server.example.com/chat", 1) + "\r\n")},
		{"hostile-options-star", []byte(strings.Replace(hs, "GET /chat", "OPTIONS *", 1) + "\r\n")},
		{"hostile-nul-in-key", []byte(strings.Replace(hs, "dGhlIHNhbXBsZSBub25jZQ==", "dGhlIHNhbXBs\x00ZSBub25jZQ=", 1) + "\r\n")},
		{"hostile-space-in-key", []byte(strings.Replace(hs, "dGhlIHNhbXBsZSBub25jZQ==", "dGhlIHNhbXBs ZSBub25jZQ==", 1) + "\r\n")},
		{"hostile-long-key", []byte(strings.Replace(hs, "dGhlIHNhbXBsZSBub25jZQ==", strings.Repeat("QUFB", 250), 1) + "\r\n")},
		{"hostile-version-plus", []byte(strings.Replace(hs, "Version: 13", "Version: +13", 1) + "\r\n")},
		{"hostile-version-hex", []byte(strings.Replace(hs, "Version: 13", "Version: 0xd", 1) + "\r\n")},
		{"hostile-upgrade-empty", []byte(strings.Replace(hs, "Upgrade: websocket", "Upgrade:", 1) + "\r\n")},
		{"hostile-upgrade-h2c-first", []byte(strings.Replace(hs, "Upgrade: websocket", "Upgrade: h2c, websocket", 1) + "\r\n")},
		{"hostile-connection-close", []byte(strings.Replace(hs, "Connection: Upgrade", "Connection: Upgrade, close", 1) + "\r\n")},
		{"hostile-expect-100", []byte(hs + "Expect: 100-continue\r\nContent-Length: 0\r\n\r\n")},
		{"hostile-ctl-in-protocol", []byte(hs + "Sec-WebSocket-Protocol: ch\x01at\r\n\r\n")},
		{"hostile-utf8-origin", []byte(hs + "Origin: http://bücher.example\r\n\r\n")},
		{"hostile-many-protocols", []byte(hs + "Sec-WebSocket-Protocol: " + distinct(1000) + "\r\n\r\n")},
		{"hostile-duplicate-protocols", []byte(hs + "Sec-WebSocket-Protocol: " + many("chat", 1000) + "\r\n\r\n")},
		{"hostile-many-extensions", []byte(hs + "Sec-WebSocket-Extensions: " + many("permessage-deflate; x=1", 300) + "\r\n\r\n")},
		{"hostile-semicolons", []byte(hs + "Sec-WebSocket-Extensions: ;;;;\r\n\r\n")},
		{"hostile-quote-bomb", []byte(hs + "Sec-WebSocket-Extensions: permessage-deflate; a=\"" + strings.Repeat("\\\"", 500) + "\"\r\n\r\n")},
		{"hostile-origin-javascript", []byte(hs + "Origin: javascript:alert(1)\r\n\r\n")},
	}
}

// status reads the first status code the server sends for raw: 0 when the
// connection closes without an answer, -1 when the server is still waiting.
func status(addr string, raw []byte) int {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return -2
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Write(raw); err != nil {
		return 0
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			return -1
		}
		if line == "" {
			return 0
		}
	}
	f := strings.Fields(line)
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.Atoi(f[1])
	return n
}

func statusText(n int) string {
	switch n {
	case 0:
		return "closed, no answer"
	case -1:
		return "waits"
	case -2:
		return "dial failed"
	}
	return strconv.Itoa(n)
}

func engineStatus(raw []byte, settings ...string) (int, *engine.Result) {
	cfg := defaultConfig(settings...)
	res := engine.Negotiate(raw, &cfg)
	if res.Final == nil {
		return -1, res
	}
	return res.Status(), res
}

// serve starts a net/http server on loopback with a WebSocket handler.
func serve(t *testing.T, h http.HandlerFunc) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 2 * time.Second, ErrorLog: nil}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// libraryServers are the real servers: gorilla/websocket's Upgrader and
// coder/websocket's Accept with the default server's subprotocols and
// compression, every other option at its default.
func libraryServers(t *testing.T) (gorillaAddr, coderAddr string) {
	up := websocket.Upgrader{Subprotocols: []string{"chat", "superchat"}, EnableCompression: true}
	gorillaAddr = serve(t, func(w http.ResponseWriter, r *http.Request) {
		if c, err := up.Upgrade(w, r, nil); err == nil {
			c.Close()
		}
	})
	coderAddr = serve(t, func(w http.ResponseWriter, r *http.Request) {
		c, err := coder.Accept(w, r, &coder.AcceptOptions{Subprotocols: []string{"chat", "superchat"}, CompressionMode: coder.CompressionContextTakeover})
		if err == nil {
			c.CloseNow()
		}
	})
	return
}

// candidates are the engine settings tried, in order, to reproduce a
// library's status: one setting, then two.
var singles = []string{"wsorigin=same-origin", "noconn=400", "noconn=426", "wsonly=1", "wsonly=400", "wsmethod=400", "wsversion=426", "wskey=strict", "lf=reject", "fold=unfold", "tecl=te"}

func candidates() [][]string {
	var out [][]string
	for _, s := range singles {
		out = append(out, []string{s})
	}
	for i := range singles {
		for j := i + 1; j < len(singles); j++ {
			out = append(out, []string{singles[i], singles[j]})
		}
	}
	return out
}

// account says how a difference between the engine's default and a library
// is accounted for: a setting that reproduces the library, or a note of the
// engine's trace that explains what the RFC says.
func account(c diffCase, lib string, libStatus int, res *engine.Result) (string, bool) {
	for _, set := range candidates() {
		if st, _ := engineStatus(c.raw, set...); st == libStatus {
			return "setting `" + strings.Join(set, "&") + "` reproduces " + lib, true
		}
	}
	if res.Decisive >= 0 && res.Trace[res.Decisive].Note != nil {
		return "note `" + res.Trace[res.Decisive].Note.ID + "`: " + lib + " does not apply this rule", true
	}
	// A note that names the library's choice, raised by the default server
	// or by the setting that makes the engine take the same kind of choice.
	for _, set := range append([][]string{nil}, candidates()...) {
		_, r := engineStatus(c.raw, set...)
		for _, id := range libraryNotes[lib] {
			for _, s := range r.Trace {
				if s.Note != nil && s.Note.ID == id {
					if set == nil {
						return "note `" + id + "` explains " + lib + "'s choice", true
					}
					return "note `" + id + "` (raised with `" + strings.Join(set, "&") + "`) explains " + lib + "'s choice", true
				}
			}
		}
	}
	return "UNEXPLAINED", false
}

// libraryNotes are the notes that name each library's behaviour where the
// engine, following the RFC, accepts what the library refuses.
var libraryNotes = map[string][]string{
	"gorilla": {"ws-only-endpoint", "ws-only-endpoint-400", "ws-token-version", "close-no-switch", "ws-upgrade-list", "ws-handshake-body", "ws-early-data", "upgrade-http10-ignored", "ws-subprotocol-none", "ws-origin-same"},
	"coder":   {"ws-only-endpoint", "ws-only-endpoint-400", "ws-token-version", "close-no-switch", "ws-upgrade-list", "ws-handshake-body", "ws-early-data", "upgrade-http10-ignored", "ws-deflate-none", "ws-origin-same"},
}

// TestDifferential sends every request to gorilla/websocket, coder/websocket
// and the engine, and accounts for each difference. The table it writes is
// engine/testdata/ws-differential.md (go test ./engine/wspeer -update).
func TestDifferential(t *testing.T) {
	gorillaAddr, coderAddr := libraryServers(t)
	cases := append(goldenCases(t), hostileCases()...)
	if len(cases) < 80 {
		t.Fatalf("only %d cases", len(cases))
	}
	sort.SliceStable(cases, func(i, j int) bool { return cases[i].name < cases[j].name })
	var b strings.Builder
	b.WriteString("# WebSocket handshakes: the engine beside gorilla/websocket and coder/websocket\n\n")
	b.WriteString("Generated by `go test ./engine/wspeer -run TestDifferential -update`; the test fails when a status changes.\n")
	b.WriteString("Each request (the `ws-*` goldens' bytes, then hostile HTTP-layer cases) went over loopback TCP to a net/http server running\n")
	b.WriteString("gorilla/websocket v1.5.3 `Upgrader{Subprotocols: chat, superchat; EnableCompression: true}` and coder/websocket v1.8.15\n")
	b.WriteString("`Accept(Subprotocols: chat, superchat; CompressionMode: ContextTakeover)`, and to the engine with the default server.\n")
	b.WriteString("Every difference is accounted for: an engine setting that reproduces the library's status, or the note that explains\n")
	b.WriteString("why the engine follows the RFC instead.\n\n")
	b.WriteString("| request | engine | gorilla | coder | accounted for |\n|---|---|---|---|---|\n")
	diffs, unexplained := 0, 0
	for _, c := range cases {
		es, res := engineStatus(c.raw)
		g, k := status(gorillaAddr, c.raw), status(coderAddr, c.raw)
		var why []string
		for _, lib := range []struct {
			name string
			st   int
		}{{"gorilla", g}, {"coder", k}} {
			if lib.st == es {
				continue
			}
			diffs++
			a, ok := account(c, lib.name, lib.st, res)
			if !ok {
				unexplained++
				t.Errorf("%s: engine %s, %s %s: no setting reproduces it and no note explains it", c.name, statusText(es), lib.name, statusText(lib.st))
			}
			why = append(why, lib.name+": "+a)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", c.name, statusText(es), statusText(g), statusText(k), strings.Join(why, "; "))
	}
	fmt.Fprintf(&b, "\n%d requests, %d differences from the engine's default, %d unexplained.\n", len(cases), diffs, unexplained)
	if *update {
		if err := os.WriteFile(differentialFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(differentialFile)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if !bytes.Equal(want, []byte(b.String())) {
		t.Errorf("%s is out of date (run go test ./engine/wspeer -run TestDifferential -update and review the diff):\n%s", differentialFile, b.String())
	}
}
