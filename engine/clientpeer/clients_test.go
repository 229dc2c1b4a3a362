package clientpeer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	coder "github.com/coder/websocket"
	"github.com/gorilla/websocket"
)

// An outcome is what a real client did in one cell.
type outcome struct {
	// Accepted: the handshake completed and a message was exchanged (for
	// curl: it took the 101 and went on with the new protocol's bytes).
	Accepted bool
	// Reason is the client's own error text, verbatim, when it refused.
	Reason string
	// Detail is what the client reported besides (subprotocol, message).
	Detail string
}

// A client is one real client of the matrix, with its configurations.
type client struct {
	ID      string
	Configs []string
	// Run runs the cells (all this client's) and returns an outcome per
	// cell; it skips (or fails under CI=true) when the client is missing.
	Run func(t *testing.T, m *mock, cells []cell) map[cell]outcome
}

// The configurations: "default" offers neither subprotocols nor
// compression, as far as the client allows it (the browsers always offer
// permessage-deflate); "subprotocols" offers chat, superchat;
// "compression" offers permessage-deflate where the client can choose;
// "h2c" is an HTTP/1.1 request with Upgrade: h2c.
var clients = []client{
	{ID: "chromium", Configs: []string{"default", "subprotocols"}, Run: runChromium},
	{ID: "firefox", Configs: []string{"default", "subprotocols"}, Run: runFirefox},
	{ID: "gorilla", Configs: []string{"default", "subprotocols", "compression"}, Run: runGorilla},
	{ID: "coder", Configs: []string{"default", "subprotocols", "compression"}, Run: runCoder},
	{ID: "ws", Configs: []string{"default", "subprotocols", "compression"}, Run: runWS},
	{ID: "websockets", Configs: []string{"default", "subprotocols", "compression"}, Run: runWebsockets},
	{ID: "curl", Configs: []string{"default", "subprotocols", "h2c"}, Run: runCurl},
	{ID: "nghttp", Configs: []string{"h2c"}, Run: runNghttp},
}

var subprotocols = []string{"chat", "superchat"}

// clientOffer is what the client's request offers in a configuration; the
// mock server checks every request against it.
func clientOffer(client, config string) offer {
	if config == "h2c" {
		return offer{H2C: true}
	}
	var o offer
	if config == "subprotocols" {
		o.Protocols = subprotocols
	}
	switch client {
	case "chromium":
		o.Deflate, o.Params = true, []string{"client_max_window_bits"}
	case "firefox":
		o.Deflate = true
	}
	if config == "compression" {
		switch client {
		case "gorilla":
			o.Deflate, o.Params = true, []string{"server_no_context_takeover", "client_no_context_takeover"}
		case "coder":
			o.Deflate = true
		case "ws", "websockets":
			o.Deflate, o.Params = true, []string{"client_max_window_bits"}
		}
	}
	return o
}

// matrixCells lists a client's cells: every configuration, every
// variation that means something for its offer.
func matrixCells(cl client) []cell {
	var cells []cell
	for _, cfg := range cl.Configs {
		o := clientOffer(cl.ID, cfg)
		for _, v := range variations {
			if v.H2C != o.H2C || (v.Applies != nil && !v.Applies(o)) {
				continue
			}
			cells = append(cells, cell{Client: cl.ID, Config: cfg, Variation: v.ID})
		}
	}
	return cells
}

// requirePeer returns the path of a real client's program; without it, it
// skips the test, or fails it under CI=true.
func requirePeer(t *testing.T, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true but %s is missing (%s); CI must run every real client", name, install)
	}
	t.Skipf("SKIPPED: %s is missing (%s)", name, install)
	return ""
}

// each runs fn for every cell, n at a time.
func each(cells []cell, n int, fn func(cell) outcome) map[cell]outcome {
	out := make(map[cell]outcome, len(cells))
	var mu sync.Mutex
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	for _, c := range cells {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			o := fn(c)
			mu.Lock()
			out[c] = o
			mu.Unlock()
		})
	}
	wg.Wait()
	return out
}

func (m *mock) url(c cell) string {
	if strings.HasPrefix(c.Variation, "h2c-") {
		return "http://" + m.addr() + c.path()
	}
	return "ws://" + m.addr() + c.path()
}

func detail(protocol, message string) string {
	var parts []string
	if protocol != "" {
		parts = append(parts, "protocol="+protocol)
	}
	if message != serverMessage {
		parts = append(parts, "first message="+message)
	}
	return strings.Join(parts, " ")
}

func runGorilla(t *testing.T, m *mock, cells []cell) map[cell]outcome {
	return each(cells, 8, func(c cell) outcome {
		o := clientOffer(c.Client, c.Config)
		d := websocket.Dialer{Subprotocols: o.Protocols, EnableCompression: c.Config == "compression", HandshakeTimeout: 15 * time.Second}
		conn, _, err := d.Dial(m.url(c), nil)
		if err != nil {
			return outcome{Reason: err.Error()}
		}
		defer conn.Close()
		conn.SetReadDeadline(time.Now().Add(15 * time.Second))
		if err := conn.WriteMessage(websocket.TextMessage, []byte("hello from gorilla")); err != nil {
			return outcome{Reason: err.Error()}
		}
		_, msg, err := conn.ReadMessage()
		if err != nil {
			return outcome{Reason: err.Error()}
		}
		conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
		return outcome{Accepted: true, Detail: detail(conn.Subprotocol(), string(msg))}
	})
}

func runCoder(t *testing.T, m *mock, cells []cell) map[cell]outcome {
	return each(cells, 8, func(c cell) outcome {
		o := clientOffer(c.Client, c.Config)
		mode := coder.CompressionDisabled
		if c.Config == "compression" {
			mode = coder.CompressionContextTakeover
		}
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		conn, _, err := coder.Dial(ctx, m.url(c), &coder.DialOptions{Subprotocols: o.Protocols, CompressionMode: mode})
		if err != nil {
			return outcome{Reason: err.Error()}
		}
		defer conn.CloseNow()
		if err := conn.Write(ctx, coder.MessageText, []byte("hello from coder")); err != nil {
			return outcome{Reason: err.Error()}
		}
		_, msg, err := conn.Read(ctx)
		if err != nil {
			return outcome{Reason: err.Error()}
		}
		conn.Close(coder.StatusNormalClosure, "")
		return outcome{Accepted: true, Detail: detail(conn.Subprotocol(), string(msg))}
	})
}

// scriptCells writes the cells as the scripts and pages read them.
func scriptCells(m *mock, cells []cell) []pageCell {
	var list []pageCell
	for _, c := range cells {
		o := clientOffer(c.Client, c.Config)
		list = append(list, pageCell{ID: c.path(), URL: m.url(c), Protocols: o.Protocols, Deflate: o.Deflate})
	}
	return list
}

// scriptResult is one JSON line of a script or a browser page.
type scriptResult struct {
	ID         string `json:"id"`
	Accepted   bool   `json:"accepted"`
	Error      string `json:"error"`
	Protocol   string `json:"protocol"`
	Extensions string `json:"extensions"`
	Message    string `json:"message"`
	Code       int    `json:"code"`
	Reason     string `json:"reason"`
}

// runScript runs a client script over the cells and reads its JSON lines.
func runScript(t *testing.T, m *mock, cells []cell, env []string, name string, args ...string) map[cell]outcome {
	t.Helper()
	file := filepath.Join(t.TempDir(), "cells.json")
	b, _ := json.Marshal(scriptCells(m, cells))
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, append(args, file)...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Errorf("%s: %v\n%s", name, err, stderr.Bytes())
	}
	byID := map[string]cell{}
	for _, c := range cells {
		byID[c.path()] = c
	}
	out := map[cell]outcome{}
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r scriptResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Errorf("%s printed %q: %v", name, sc.Bytes(), err)
			continue
		}
		c, ok := byID[r.ID]
		if !ok {
			t.Errorf("%s reported an unknown cell %q", name, r.ID)
			continue
		}
		out[c] = r.outcome()
	}
	return out
}

func (r scriptResult) outcome() outcome {
	if r.Accepted {
		return outcome{Accepted: true, Detail: detail(r.Protocol, r.Message)}
	}
	return outcome{Reason: r.Error}
}

func runWS(t *testing.T, m *mock, cells []cell) map[cell]outcome {
	node := requirePeer(t, "node", "Node 20")
	modules, _ := filepath.Abs("../peers/node_modules")
	if _, err := os.Stat(filepath.Join(modules, "ws")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but engine/peers/node_modules/ws is missing (npm ci --prefix engine/peers)")
		}
		t.Skip("SKIPPED: engine/peers/node_modules/ws is missing (npm ci --prefix engine/peers)")
	}
	return runScript(t, m, cells, []string{"NODE_PATH=" + modules}, node, "testdata/ws_client.js")
}

// debianPython is Debian's python3, which has websockets 10.4 (the python3
// on PATH may be another one).
const debianPython = "/usr/bin/python3"

func runWebsockets(t *testing.T, m *mock, cells []cell) map[cell]outcome {
	if err := exec.Command(debianPython, "-c", "import websockets").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but %s cannot import websockets (apt-get install python3-websockets): %v", debianPython, err)
		}
		t.Skipf("SKIPPED: %s cannot import websockets (apt-get install python3-websockets)", debianPython)
	}
	return runScript(t, m, cells, nil, debianPython, "testdata/websockets_client.py")
}

// curlKey is curl's Sec-WebSocket-Key, set by hand (any 16 bytes in base64).
const curlKey = "Y3VybCdzIG1hdHJpeCBrZXk="

// runCurl sends curl's requests: its WebSocket handshake as a plain
// HTTP/1.1 request with the fields set by hand (Debian's curl 7.88 has no
// ws://), and its h2c upgrade (--http2 on http://). curl has no WebSocket
// checks and takes any well-formed response: it accepts when it ends
// without an error (exit 0); the detail says whether it went on after the
// 101 (it printed the WebSocket frames that follow, or an HTTP/2
// response). --max-time is only a safety net: the mock server closes every
// connection, so curl never waits for it.
func runCurl(t *testing.T, m *mock, cells []cell) map[cell]outcome {
	curl := requirePeer(t, "curl", "apt-get install curl")
	return each(cells, 4, func(c cell) outcome {
		url := strings.Replace(m.url(c), "ws://", "http://", 1)
		args := []string{"-sS", "-i", "--max-time", "20"}
		if c.Config == "h2c" {
			args = append(args, "--http2", url)
		} else {
			args = append(args, "-N", "--http1.1", "-H", "Connection: Upgrade", "-H", "Upgrade: websocket",
				"-H", "Sec-WebSocket-Key: "+curlKey, "-H", "Sec-WebSocket-Version: 13")
			if o := clientOffer(c.Client, c.Config); len(o.Protocols) > 0 {
				args = append(args, "-H", "Sec-WebSocket-Protocol: "+strings.Join(o.Protocols, ", "))
			}
			args = append(args, url)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, curl, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = exit.ProcessState.String()
			}
			return outcome{Reason: msg}
		case err != nil:
			return outcome{Reason: err.Error()}
		}
		out := stdout.Bytes()
		first, _, _ := strings.Cut(string(out), "\n")
		switch {
		case c.Config == "h2c" && bytes.Contains(out, []byte("\nHTTP/2 200")):
			return outcome{Accepted: true, Detail: "went on with HTTP/2 after the 101"}
		case c.Config != "h2c" && bytes.Contains(out, textFrame(serverMessage)):
			return outcome{Accepted: true, Detail: "went on after the 101: printed the frames that follow"}
		}
		return outcome{Accepted: true, Detail: "no switch: took " + strconv.Quote(strings.TrimSpace(first)) + " as the final response"}
	})
}

// runNghttp sends nghttp -u (an HTTP/1.1 request with Upgrade: h2c):
// accepted when it reports the upgrade and prints the HTTP/2 response.
func runNghttp(t *testing.T, m *mock, cells []cell) map[cell]outcome {
	nghttp := requirePeer(t, "nghttp", "apt-get install nghttp2-client")
	return each(cells, 4, func(c cell) outcome {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, nghttp, "-u", "-v", "-t", "20", m.url(c))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		out := stdout.String()
		if err == nil && strings.Contains(out, "HTTP Upgrade success") && strings.Contains(out, "\nhello\n") {
			return outcome{Accepted: true}
		}
		var msgs []string
		for _, line := range strings.Split(out+stderr.String(), "\n") {
			if strings.Contains(line, "[ERROR]") || strings.Contains(line, "Some requests were not processed") {
				msgs = append(msgs, strings.TrimSpace(timestamp(line)))
			}
		}
		if err != nil {
			msgs = append(msgs, err.Error())
		}
		if len(msgs) == 0 {
			msgs = append(msgs, "exit 0 without an HTTP/2 response")
		}
		return outcome{Reason: strings.Join(msgs, "; ")}
	})
}

// timestamp drops nghttp's "[  0.003] " prefix.
func timestamp(line string) string {
	if strings.HasPrefix(line, "[") {
		if i := strings.Index(line, "] "); i > 0 && !strings.HasPrefix(line, "[ERROR]") {
			return line[i+2:]
		}
	}
	return line
}
