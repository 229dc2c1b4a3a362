package h2peer

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/engine/wiretext"
)

// A relay is a loopback server that is nothing but the engine: it reads
// what the client sends, runs engine.Negotiate on all the bytes received so
// far, and writes exactly the engine's bytes: the response (Result.Bytes)
// and the server's parts after it, up to the first part the client has not
// sent yet (an expected part, which has no Span), whose answers wait for
// it. As more of the client's bytes arrive it writes what the engine adds.
// The engine's server bytes for a prefix of the input must be a prefix of
// its bytes for more input: what was written cannot be taken back.

// hungClient bounds a relay's connection: only a client that hangs meets it.
const hungClient = 30 * time.Second

type relayed struct {
	input   []byte         // every byte the client sent
	written []byte         // every byte the relay wrote
	res     *engine.Result // the engine's answer to all of input
	err     error
}

// serverBytes are the bytes the server has sent once the client has sent
// what res answers.
func serverBytes(res *engine.Result) (out []byte, closing bool) {
	out = res.Bytes()
	for _, p := range res.After {
		if strings.HasSuffix(p.Proto, "(equivalent)") {
			continue
		}
		if p.From == "client" {
			if p.Span.Empty() && len(p.Bytes) > 0 {
				break // expected, not yet received
			}
			continue
		}
		out = append(out, p.Bytes...)
		// A GOAWAY for an error closes the connection; one with NO_ERROR
		// shuts it down gracefully, and the client closes it.
		closing = closing || len(p.Bytes) >= 17 && p.Bytes[3] == 0x7 && !bytes.Equal(p.Bytes[13:17], []byte{0, 0, 0, 0})
	}
	return out, closing
}

// relay serves one connection on ln with the engine configured by cfg.
func relay(ln net.Listener, cfg *engine.Config) <-chan relayed {
	done := make(chan relayed, 1)
	go func() {
		var r relayed
		defer func() { done <- r }()
		conn, err := ln.Accept()
		if err != nil {
			r.err = err
			return
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(hungClient))
		buf := make([]byte, 64<<10)
		for i := 0; i < 10000 && len(r.input) < 4<<20; i++ {
			n, err := conn.Read(buf)
			if n > 0 {
				r.input = append(r.input, buf[:n]...)
				r.res = engine.Negotiate(r.input, cfg)
				out, closing := serverBytes(r.res)
				if !bytes.HasPrefix(out, r.written) {
					r.err = errors.New("the engine's server bytes for more input do not extend those it gave before")
					return
				}
				if _, werr := conn.Write(out[len(r.written):]); werr != nil {
					r.err = werr
					return
				}
				r.written = out
				if closing {
					return // the server sent GOAWAY: it closes
				}
			}
			if err != nil {
				if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) && !isReset(err) {
					r.err = err
				}
				return
			}
		}
		r.err = errors.New("the relay's bounds were reached")
	}()
	return done
}

func isReset(err error) bool {
	return strings.Contains(err.Error(), "connection reset")
}

// client returns the path of a client binary. It skips the test when the
// binary is missing, unless CI is "true", where missing clients fail.
func client(t *testing.T, name, pkg string) string {
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed (apt-get install %s); CI must run every real client", name, pkg)
	}
	t.Skipf("%s is not installed (apt-get install %s)", name, pkg)
	return ""
}

// TestClientsCompleteAgainstEngine: curl and nghttp, over the h2c upgrade
// and with prior knowledge, get their response from the engine's bytes
// alone. Each must exit 0 and print the body the engine sent on its stream.
func TestClientsCompleteAgainstEngine(t *testing.T) {
	for _, tc := range []struct {
		name, bin, pkg string
		args           []string
		status         int    // the engine's status for all the client sent
		switched       string // the engine's Switched
	}{
		{"curl --http2", "curl", "curl", []string{"--http2", "-sS"}, 101, "h2c"},
		{"curl --http2 POST", "curl", "curl", []string{"--http2", "-sS", "--data-binary", "hello world"}, 101, "h2c"},
		{"nghttp -u", "nghttp", "nghttp2-client", []string{"-u"}, 101, "h2c"},
		{"curl --http2-prior-knowledge", "curl", "curl", []string{"--http2-prior-knowledge", "-sS"}, 200, "h2"},
		{"curl --http2-prior-knowledge POST", "curl", "curl", []string{"--http2-prior-knowledge", "-sS", "--data-binary", "hello world"}, 200, "h2"},
		{"nghttp", "nghttp", "nghttp2-client", nil, 200, "h2"},
		// Two requests on one connection; the second's HEADERS names the
		// first's fields in the dynamic table. (curl 7.88 fails to reuse an
		// HTTP/2 connection, against any server: "Error in the HTTP2
		// framing layer".)
		{"nghttp twice", "nghttp", "nghttp2-client", nil, 200, "h2"},
		{"nghttp POST", "nghttp", "nghttp2-client", []string{"-d", "-"}, 200, "h2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bin := client(t, tc.bin, tc.pkg)
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer ln.Close()
			done := relay(ln, nil)
			url := "http://" + ln.Addr().String() + "/"
			args := append(tc.args, url)
			if strings.HasSuffix(tc.name, "twice") {
				args = append(args, url+"again") // a second request on the connection
			}
			ctx, cancel := context.WithTimeout(context.Background(), hungClient)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, args...)
			cmd.Stdin = strings.NewReader("hello world")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			runErr := cmd.Run()
			ln.Close()
			r := <-done
			capture(t, tc.name, r.input)
			if runErr != nil {
				t.Fatalf("%s %v: %v\nstderr: %s\nclient sent:\n%s\nrelay wrote:\n%s", tc.bin, args, runErr, stderr.Bytes(), wiretext.Encode(r.input), wiretext.Encode(r.written))
			}
			if r.err != nil {
				t.Fatalf("relay: %v\nclient sent:\n%s", r.err, wiretext.Encode(r.input))
			}
			want := strings.Repeat(body, strings.Count(strings.Join(args, " "), url))
			if stdout.String() != want {
				t.Errorf("%s printed %q, want %q\nstderr: %s", tc.bin, stdout.String(), want, stderr.Bytes())
			}
			if r.res.Status() != tc.status || r.res.Switched != tc.switched {
				t.Errorf("the engine answers %d (switched %q) to what %s sent, want %d (%q)\n%s", r.res.Status(), r.res.Switched, tc.bin, tc.status, tc.switched, wiretext.Encode(r.input))
			}
			t.Logf("%s sent %d bytes, the relay wrote %d", tc.bin, len(r.input), len(r.written))
		})
	}
}

// capture writes what a client sent as wire text into $H2PEER_CAPTURE, when
// set: the source of the engine's goldens of real clients.
func capture(t *testing.T, name string, input []byte) {
	dir := os.Getenv("H2PEER_CAPTURE")
	if dir == "" {
		return
	}
	file := filepath.Join(dir, strings.NewReplacer(" ", "_", "-", "", "/", "").Replace(name)+".txt")
	if err := os.WriteFile(file, []byte(wiretext.Encode(input)), 0o644); err != nil {
		t.Error(err)
	}
}
