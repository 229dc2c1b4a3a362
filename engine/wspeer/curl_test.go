package wspeer

import (
	"bufio"
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/upgrade-playground/playground/engine"
)

// TestCurlHandshake sends curl's WebSocket handshake to a loopback server
// that answers with the engine's exact bytes, then one text message and a
// close frame. Debian's curl (7.88) is built without ws:// support, so curl
// sends the handshake as a plain HTTP/1.1 request with the fields set by
// hand; it takes the 101 as the final response, prints it and the bytes
// that follow, and exits 0 when the server closes. The test checks that
// curl received the 101 byte for byte, the message frame after it, and
// nothing else.
func TestCurlHandshake(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("curl is not installed (apt-get install curl); CI must run every real client")
		}
		t.Skip("curl is not installed")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	cfg := engine.DefaultConfig()
	var frames bytes.Buffer
	writeFrame(&frames, 1, []byte("hello from the engine's server"), false)
	writeFrame(&frames, 8, []byte{0x03, 0xe8}, false) // close, 1000
	served := make(chan *engine.Result, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			served <- nil
			return
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(time.Minute)) // a safety net for a hung client only
		raw, err := readRequest(bufio.NewReader(c))
		if err != nil {
			served <- nil
			return
		}
		res := engine.Negotiate(raw, &cfg)
		served <- res
		c.Write(res.Bytes())
		if res.Status() == 101 {
			c.Write(frames.Bytes())
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, curl, "-sS", "-i", "-N", "--http1.1",
		"-H", "Connection: Upgrade", "-H", "Upgrade: websocket",
		"-H", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "-H", "Sec-WebSocket-Version: 13",
		"-H", "Origin: http://example.com",
		"http://"+ln.Addr().String()+"/chat").Output()
	if err != nil {
		t.Fatalf("curl: %v\n%s", err, out)
	}
	res := <-served
	if res == nil {
		t.Fatal("the server read no request")
	}
	if res.Status() != 101 {
		t.Fatalf("the engine answered curl's handshake with %d:\n%s", res.Status(), res.Bytes())
	}
	if want := string(res.Bytes()) + frames.String(); string(out) != want {
		t.Errorf("curl received\n%q\nwant the engine's 101 and the frames\n%q", out, want)
	}
	if !bytes.Contains(out, []byte("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n")) {
		t.Errorf("curl's 101 lacks the RFC 6455 sample's Accept value:\n%s", out)
	}
}
