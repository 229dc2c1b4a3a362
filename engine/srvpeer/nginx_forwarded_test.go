package srvpeer

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/upgrade-playground/playground/engine"
)

// TestNginxForwarded checks the request the nginx hop forwards
// (Result.Hop.Forwarded) against what the real nginx sends to its server:
// a capturing server behind nginx records each request's bytes, head and
// body, and answers 200. Every corpus request the engine forwards must
// reach the server byte for byte, or be listed in
// testdata/differences-nginx-forwarded.txt.
func TestNginxForwarded(t *testing.T) {
	got := make(chan []byte, 16)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.SetDeadline(time.Now().Add(hang))
			b, _ := readForwarded(bufio.NewReader(c))
			c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
			c.Close()
			select {
			case got <- b:
			default:
			}
		}
	}()
	addr := startNginx(t, ln.Addr().String())
	cfg := engine.DefaultConfig()
	cfg.Proxy = "nginx"
	diffs := readDifferences(t, "nginx-forwarded")
	agree, known, total := 0, 0, 0
	for _, c := range corpus(t) {
		res := engine.Negotiate(c.Raw, &cfg)
		if res.Hop == nil || res.Hop.Forwarded == nil {
			continue
		}
		total++
		select { // a late capture of an earlier request
		case <-got:
		default:
		}
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conn.Write(c.Raw)
		var real []byte
		select {
		case real = <-got:
		case <-time.After(hang): // a safety net: nginx forwarded nothing
		}
		conn.Close()
		if len(res.Request.Rest()) > 0 {
			// nginx forwards what follows the request too, as the next
			// request: wait until it has, so that it is not taken for the
			// next case's.
			for quiet := false; !quiet; {
				select {
				case <-got:
				case <-time.After(waitFor):
					quiet = true
				}
			}
		}
		if bytes.Equal(real, res.Hop.Forwarded) {
			agree++
			continue
		}
		if d := listed(diffs, c.Name, "forwarded"); d != nil {
			known++
			continue
		}
		t.Errorf("%s: nginx forwards another request\nengine:\n%q\nreal:\n%q", c.Name, res.Hop.Forwarded, real)
	}
	for _, d := range diffs {
		for _, p := range d.patterns {
			if d.usedBy[p] == 0 {
				t.Errorf("testdata/differences-nginx-forwarded.txt:%d: %q no longer differs: remove it", d.line, p)
			}
		}
	}
	t.Logf("nginx-forwarded: %d/%d agree, %d listed differences", agree, total, known)
	fmt.Printf("srvpeer summary: nginx-forwarded: %d/%d agree, %d listed differences\n", agree, total, known)
}

// readForwarded reads one request as nginx forwards it: the head, then a
// body of its Content-Length (nginx sends every body with one).
func readForwarded(br *bufio.Reader) ([]byte, error) {
	var b []byte
	n := 0
	for range 1000 {
		line, err := br.ReadBytes('\n')
		b = append(b, line...)
		if err != nil {
			return b, err
		}
		if len(line) == 2 {
			break
		}
		if name, value, ok := strings.Cut(string(line), ":"); ok && strings.EqualFold(name, "Content-Length") {
			n, _ = strconv.Atoi(strings.TrimSpace(value))
		}
	}
	body := make([]byte, n)
	_, err := io.ReadFull(br, body)
	return append(b, body...), err
}
