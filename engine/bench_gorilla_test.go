package engine

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// The engine versus a real server on the same bytes: Negotiate
// (parse, decide, trace, response bytes) against net/http.ReadRequest plus
// gorilla/websocket's Upgrade writing its 101 to an in-memory connection.
// Both servers are configured alike: any Origin, subprotocols chat and
// superchat, permessage-deflate on. ./build.sh bench reports the ratio.

// memConn is a net.Conn that reads nothing and keeps what is written.
type memConn struct{ out bytes.Buffer }

func (c *memConn) Read([]byte) (int, error)         { return 0, io.EOF }
func (c *memConn) Write(p []byte) (int, error)      { return c.out.Write(p) }
func (c *memConn) Close() error                     { return nil }
func (c *memConn) LocalAddr() net.Addr              { return memAddr{} }
func (c *memConn) RemoteAddr() net.Addr             { return memAddr{} }
func (c *memConn) SetDeadline(time.Time) error      { return nil }
func (c *memConn) SetReadDeadline(time.Time) error  { return nil }
func (c *memConn) SetWriteDeadline(time.Time) error { return nil }
func (memAddr) Network() string                     { return "mem" }
func (memAddr) String() string                      { return "mem" }

type memAddr struct{}

// hijackWriter is an http.ResponseWriter that can be hijacked, as net/http's
// is; its buffers are reused between requests like a server's pooled ones.
type hijackWriter struct {
	header http.Header
	conn   *memConn
	brw    *bufio.ReadWriter
}

func (w *hijackWriter) Header() http.Header { return w.header }
func (w *hijackWriter) Write(p []byte) (int, error) {
	return w.conn.Write(p)
}
func (w *hijackWriter) WriteHeader(int) {}
func (w *hijackWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return w.conn, w.brw, nil
}

// gorillaServer answers one request's bytes the way a Go server with
// gorilla/websocket does, returning what it wrote to the connection.
type gorillaServer struct {
	up  websocket.Upgrader
	in  *bytes.Reader
	br  *bufio.Reader
	w   hijackWriter
	err error
}

func newGorillaServer() *gorillaServer {
	conn := &memConn{}
	s := &gorillaServer{
		up: websocket.Upgrader{
			Subprotocols:      []string{"chat", "superchat"},
			EnableCompression: true,
			CheckOrigin:       func(*http.Request) bool { return true },
		},
		in: bytes.NewReader(nil),
		w:  hijackWriter{conn: conn},
	}
	s.br = bufio.NewReader(s.in)
	s.w.brw = bufio.NewReadWriter(bufio.NewReader(conn), bufio.NewWriter(conn))
	return s
}

func (s *gorillaServer) serve(raw []byte) []byte {
	s.in.Reset(raw)
	s.br.Reset(s.in)
	s.w.conn.out.Reset()
	s.w.header = http.Header{}
	req, err := http.ReadRequest(s.br)
	if err != nil {
		s.err = err
		return nil
	}
	ws, err := s.up.Upgrade(&s.w, req, nil)
	if err != nil {
		s.err = err
		return nil
	}
	_ = ws // not closed: closing would write nothing here, and the conn is reused
	return s.w.conn.out.Bytes()
}

// TestGorillaBaseline checks that the two sides of the benchmark do the
// same work: both switch, with the same accept key, subprotocol and
// extension.
func TestGorillaBaseline(t *testing.T) {
	s := newGorillaServer()
	got := string(s.serve(typicalHandshake))
	if s.err != nil {
		t.Fatal(s.err)
	}
	res := Negotiate(typicalHandshake, nil)
	if res.Status() != 101 || !strings.HasPrefix(got, "HTTP/1.1 101 ") {
		t.Fatalf("engine %d, gorilla %q: both must switch", res.Status(), got)
	}
	mine := string(res.Bytes())
	for _, want := range []string{"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n", "Sec-WebSocket-Protocol: chat\r\n", "permessage-deflate"} {
		if !strings.Contains(got, want) || !strings.Contains(mine, want) {
			t.Errorf("%q: gorilla %v, engine %v", want, strings.Contains(got, want), strings.Contains(mine, want))
		}
	}
}

// BenchmarkVsGorilla runs both sides in one go test -bench run.
func BenchmarkVsGorilla(b *testing.B) {
	b.Run("engine", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			res := Negotiate(typicalHandshake, nil)
			if len(res.Bytes()) == 0 || len(res.Trace) == 0 {
				b.Fatal("no response")
			}
		}
	})
	b.Run("gorilla", func(b *testing.B) {
		s := newGorillaServer()
		b.ReportAllocs()
		for b.Loop() {
			if len(s.serve(typicalHandshake)) == 0 {
				b.Fatal(s.err)
			}
		}
	})
}
