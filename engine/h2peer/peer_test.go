// Package h2peer proves the engine's HTTP/2 answers against real peers on
// loopback: curl and nghttp complete their exchange, over the h2c upgrade
// and with prior knowledge, against a relay that writes nothing but the
// engine's bytes (relay_test.go); golang.org/x/net/http2 serves the
// connection after the engine's 101 with the frames the engine predicts;
// and net/http and x/net's h2c answer the same client bytes as the engine
// set up as each of them (diff_test.go, prior_test.go).
package h2peer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"

	"github.com/upgrade-playground/playground/engine"
)

// body is what the handler on stream 1 answers: the engine's ordinary body.
const body = "Hello from the Upgrade Playground server.\n"

// recorder keeps a copy of every byte written to the connection.
type recorder struct {
	net.Conn
	mu  sync.Mutex
	out bytes.Buffer
}

func (r *recorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	r.out.Write(p)
	r.mu.Unlock()
	return r.Conn.Write(p)
}

func (r *recorder) written() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return bytes.Clone(r.out.Bytes())
}

// exchange is what the server saw and did on one connection.
type exchange struct {
	request  []byte         // the HTTP/1.1 request bytes as received
	result   *engine.Result // the engine's answer, written verbatim
	afterH1  []byte         // what the server wrote after the engine's response
	bodySeen string         // the body the HTTP/2 handler read on stream 1
}

// serve accepts one connection: it reads the request until the engine has a
// final answer, writes the engine's exact bytes and, if the engine switched
// to h2c, hands the connection to x/net's HTTP/2 server with the upgraded
// request, as golang.org/x/net/http2/h2c does.
func serve(t *testing.T, ln net.Listener, done chan<- exchange) {
	conn, err := ln.Accept()
	if err != nil {
		t.Error(err)
		close(done)
		return
	}
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	var raw []byte
	var res *engine.Result
	buf := make([]byte, 4096)
	for i := 0; i < 1000; i++ { // bounded: at most 4 MB
		n, err := conn.Read(buf)
		raw = append(raw, buf[:n]...)
		res = engine.Negotiate(raw, nil)
		if res.Final != nil || err != nil {
			break
		}
	}
	ex := exchange{request: raw, result: res}
	rec := &recorder{Conn: conn}
	if _, err := conn.Write(res.Bytes()); err != nil {
		t.Error(err)
	}
	if res.Switched != "h2c" {
		conn.Close()
		done <- ex
		return
	}
	req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(raw)))
	if err != nil {
		t.Error(err)
		conn.Close()
		done <- ex
		return
	}
	req.Body = io.NopCloser(bytes.NewReader(res.Request.Body))
	settings, err := base64.RawURLEncoding.DecodeString(req.Header.Get("HTTP2-Settings"))
	if err != nil {
		t.Error(err)
	}
	var seen string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		seen = string(b)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Length", "42")
		io.WriteString(w, body)
	})
	(&http2.Server{}).ServeConn(rec, &http2.ServeConnOpts{Context: context.Background(), Handler: h, UpgradeRequest: req, Settings: settings})
	ex.afterH1 = rec.written()
	ex.bodySeen = seen
	done <- ex
}

func TestCurlCompletesH2CSwitch(t *testing.T) {
	curl := client(t, "curl", "curl")
	for _, tc := range []struct {
		name string
		args []string
		body string // the request body curl sends
	}{
		{"GET", nil, ""},
		{"POST", []string{"--data-binary", "hello world"}, "hello world"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer ln.Close()
			done := make(chan exchange, 1)
			go serve(t, ln, done)
			ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
			defer cancel()
			args := append([]string{"--http2", "-sS", "-v", "--max-time", "10", "http://" + ln.Addr().String() + "/"}, tc.args...)
			out, err := exec.CommandContext(ctx, curl, args...).CombinedOutput()
			if err != nil {
				t.Fatalf("curl: %v\n%s", err, out)
			}
			ex := <-done
			text := string(out)
			t.Logf("request:\n%s", ex.request)
			// curl -v shows the 101 the engine predicted, then speaks HTTP/2.
			if ex.result.Status() != 101 || ex.result.Switched != "h2c" {
				t.Fatalf("engine answered %d (switched %q) to curl's request:\n%s", ex.result.Status(), ex.result.Switched, ex.request)
			}
			for _, line := range strings.Split(strings.TrimRight(string(ex.result.Final.Bytes()), "\r\n"), "\r\n") {
				if !strings.Contains(text, "< "+line) {
					t.Errorf("curl -v does not show the engine's line %q:\n%s", line, text)
				}
			}
			if !strings.Contains(text, "< HTTP/2 200") {
				t.Errorf("curl did not receive the response over HTTP/2:\n%s", text)
			}
			if !strings.HasSuffix(text, body) {
				t.Errorf("curl did not print the body %q:\n%s", body, text)
			}
			if ex.bodySeen != tc.body || string(ex.result.Request.Body) != tc.body {
				t.Errorf("the HTTP/2 handler read %q on stream 1, the engine %q; want %q", ex.bodySeen, ex.result.Request.Body, tc.body)
			}
			compareServerFrames(t, ex)
		})
	}
}

// compareServerFrames checks the engine's after-the-101 parts against what
// x/net really wrote: the server preface byte for byte, and the response on
// stream 1 field by field (x/net adds a date field and Huffman-codes strings,
// so the HEADERS bytes differ while the decoded fields agree).
func compareServerFrames(t *testing.T, ex exchange) {
	var server [][]byte
	var headers map[string]string
	var data []byte
	for _, p := range ex.result.After {
		if p.From != "server" || p.Proto != "h2" {
			continue
		}
		server = append(server, p.Bytes)
		f, err := http2.NewFramer(nil, bytes.NewReader(p.Bytes)).ReadFrame()
		if err != nil {
			t.Fatalf("the engine's %q does not parse as an HTTP/2 frame: %v", p.Title, err)
		}
		switch f := f.(type) {
		case *http2.HeadersFrame:
			headers = decodeFields(t, f.HeaderBlockFragment())
		case *http2.DataFrame:
			data = bytes.Clone(f.Data())
		}
	}
	if len(server) < 2 {
		t.Fatalf("the engine shows %d server frames", len(server))
	}
	// The first frame must be the engine's SETTINGS, byte for byte; the
	// WINDOW_UPDATE follows, though x/net's write scheduler sometimes puts its
	// SETTINGS ACK first, so it is looked for among the frames.
	var frames [][]byte
	for rest := ex.afterH1; len(rest) >= 9 && len(frames) < 32; {
		n := 9 + (int(rest[0])<<16 | int(rest[1])<<8 | int(rest[2]))
		if n > len(rest) {
			break
		}
		frames = append(frames, rest[:n])
		rest = rest[n:]
	}
	if len(frames) == 0 || !bytes.Equal(frames[0], server[0]) {
		t.Errorf("x/net's first frame after the 101 differs from the engine's SETTINGS:\nx/net:  % x\nengine: % x", ex.afterH1[:min(len(ex.afterH1), len(server[0]))], server[0])
	}
	found := false
	for _, f := range frames {
		found = found || bytes.Equal(f, server[1])
	}
	if !found {
		t.Errorf("x/net sent no frame equal to the engine's WINDOW_UPDATE % x", server[1])
	}
	fr := http2.NewFramer(nil, bytes.NewReader(ex.afterH1))
	fr.ReadMetaHeaders = hpack.NewDecoder(4096, nil)
	var gotHeaders map[string]string
	var gotData []byte
	for i := 0; i < 32; i++ {
		f, err := fr.ReadFrame()
		if err != nil {
			break
		}
		switch f := f.(type) {
		case *http2.MetaHeadersFrame:
			if f.StreamID == 1 {
				gotHeaders = map[string]string{}
				for _, hf := range f.Fields {
					gotHeaders[hf.Name] = hf.Value
				}
			}
		case *http2.DataFrame:
			if f.StreamID == 1 {
				gotData = append(gotData, f.Data()...)
			}
		}
	}
	delete(gotHeaders, "date")
	if len(gotHeaders) != len(headers) {
		t.Errorf("stream 1 fields: x/net %v, engine %v", gotHeaders, headers)
	}
	for k, v := range headers {
		if gotHeaders[k] != v {
			t.Errorf("stream 1 field %s: x/net %q, engine %q", k, gotHeaders[k], v)
		}
	}
	if string(gotData) != string(data) {
		t.Errorf("stream 1 DATA: x/net %q, engine %q", gotData, data)
	}
}

func decodeFields(t *testing.T, block []byte) map[string]string {
	out := map[string]string{}
	d := hpack.NewDecoder(4096, func(f hpack.HeaderField) { out[f.Name] = f.Value })
	if _, err := d.Write(block); err != nil {
		t.Fatalf("the engine's HPACK block does not decode: %v", err)
	}
	return out
}

// replay is a connection whose first reads return bytes already read.
type replay struct {
	net.Conn
	r io.Reader
}

func (c *replay) Read(p []byte) (int, error) { return c.r.Read(p) }

// TestCurlPriorKnowledge sends curl's prior-knowledge preface to the engine,
// which predicts the server's SETTINGS and WINDOW_UPDATE; x/net then serves
// the connection and must send exactly those frames, and curl gets its
// response over HTTP/2.
func TestCurlPriorKnowledge(t *testing.T) {
	curl := client(t, "curl", "curl")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	type seen struct {
		res     *engine.Result
		written []byte
	}
	done := make(chan seen, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			close(done)
			return
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		raw := make([]byte, 24)
		if _, err := io.ReadFull(conn, raw); err != nil {
			close(done)
			return
		}
		res := engine.Negotiate(raw, nil)
		rec := &recorder{Conn: &replay{conn, io.MultiReader(bytes.NewReader(raw), conn)}}
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) })
		(&http2.Server{}).ServeConn(rec, &http2.ServeConnOpts{Context: context.Background(), Handler: h})
		done <- seen{res, rec.written()}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, curl, "--http2-prior-knowledge", "-sS", "-v", "--max-time", "10", "http://"+ln.Addr().String()+"/").CombinedOutput()
	if err != nil {
		t.Fatalf("curl: %v\n%s", err, out)
	}
	s, ok := <-done
	if !ok {
		t.Fatal("the server saw no preface")
	}
	if s.res.Switched != "h2" || s.res.Final != nil || len(s.res.After) < 2 {
		t.Fatalf("the engine did not read curl's preface as prior knowledge: switched %q, status %d", s.res.Switched, s.res.Status())
	}
	if !bytes.HasPrefix(s.written, s.res.After[0].Bytes) {
		t.Errorf("x/net's first frame differs from the engine's SETTINGS:\nx/net:  % x\nengine: % x", s.written[:min(len(s.written), len(s.res.After[0].Bytes))], s.res.After[0].Bytes)
	}
	if !bytes.Contains(s.written, s.res.After[1].Bytes) {
		t.Errorf("x/net sent no frame equal to the engine's %s % x", s.res.After[1].Title, s.res.After[1].Bytes)
	}
	if text := string(out); !strings.Contains(text, "< HTTP/2 200") || !strings.HasSuffix(text, body) {
		t.Errorf("curl did not get the response over HTTP/2:\n%s", text)
	}
}
