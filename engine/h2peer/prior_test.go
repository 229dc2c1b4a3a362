package h2peer

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/h2c"
	"golang.org/x/net/http2/hpack"
	"golang.org/x/tools/txtar"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/engine/wiretext"
)

// A differential test of the HTTP/2 connection itself: the client bytes of
// every prior-knowledge golden go to Go's net/http with unencrypted HTTP/2
// on loopback and to the engine as that server. What each answers is
// summarised per stream (":status 200" and the content, or "RST_STREAM
// PROTOCOL_ERROR") and for the connection ("GOAWAY COMPRESSION_ERROR").
// The summaries must agree, except where the case names the note that
// explains the difference, which must then be in the engine's trace.

// explained lists the goldens whose answers differ, with the explaining note.
var explained = map[string]string{
	// net/http hands CONNECT to the handler, which answers 200.
	"h2-prior-connect": "h2-connect-not-implemented",
}

// raced lists the goldens where net/http's frame reader, which runs beside
// its handlers, may end the connection before a handler has answered: only
// the connection's end is compared.
var raced = map[string]bool{
	"h2-prior-bytes-after": true,
}

// outcome summarises the server frames in b.
type outcome struct {
	streams map[uint32]string
	ended   map[uint32]bool // the stream's answer is whole: END_STREAM or RST_STREAM
	goaway  string
}

func (o outcome) String() string {
	var ids []int
	for id := range o.streams {
		ids = append(ids, int(id))
	}
	sort.Ints(ids)
	var s []string
	for _, id := range ids {
		s = append(s, fmt.Sprintf("stream %d: %s", id, o.streams[uint32(id)]))
	}
	if o.goaway != "" {
		s = append(s, "GOAWAY "+o.goaway)
	}
	return strings.Join(s, "; ")
}

// read adds one server frame to the outcome; done reports that it ends the
// connection's answer (a GOAWAY).
func (o *outcome) read(f http2.Frame) (done bool) {
	switch f := f.(type) {
	case *http2.MetaHeadersFrame:
		o.streams[f.StreamID] += ":status " + f.PseudoValue("status")
		o.ended[f.StreamID] = o.ended[f.StreamID] || f.StreamEnded()
	case *http2.DataFrame:
		o.streams[f.StreamID] += " " + fmt.Sprintf("%q", f.Data())
		o.ended[f.StreamID] = o.ended[f.StreamID] || f.StreamEnded()
	case *http2.RSTStreamFrame:
		o.streams[f.StreamID] += "RST_STREAM " + f.ErrCode.String()
		o.ended[f.StreamID] = true
	case *http2.GoAwayFrame:
		o.goaway = f.ErrCode.String()
		return f.ErrCode != http2.ErrCodeNo // NO_ERROR: the server finishes its streams
	}
	return false
}

// normal joins a stream's DATA frames: a server may split its content
// differently (x/net sends what the flow-control window allows); and it
// keeps only the status of an error response, whose text is each server's.
func (o outcome) normal() outcome {
	out := outcome{streams: map[uint32]string{}, ended: o.ended, goaway: o.goaway}
	for id, s := range o.streams {
		s = strings.ReplaceAll(s, "\" \"", "")
		if strings.HasPrefix(s, ":status ") && !strings.HasPrefix(s, ":status 2") {
			s, _, _ = strings.Cut(s, " \"")
		}
		out.streams[id] = s
	}
	return out
}

func engineFrames(t *testing.T, res *engine.Result) outcome {
	var b []byte
	for _, p := range res.After {
		if p.From == "server" && p.Proto == "h2" {
			b = append(b, p.Bytes...)
		}
	}
	o := outcome{streams: map[uint32]string{}, ended: map[uint32]bool{}}
	fr := http2.NewFramer(nil, bytes.NewReader(b))
	fr.ReadMetaHeaders = hpack.NewDecoder(4096, nil)
	for range 200 {
		f, err := fr.ReadFrame()
		if err != nil {
			break
		}
		o.read(f)
	}
	return o.normal()
}

// quiet reports whether the engine answers nothing to input that ends on a
// frame boundary: then a PING after it tells when the real server has read
// all of it (it answers frames in order), rather than a timeout.
func quiet(res *engine.Result) bool {
	return len(engineFramesOf(res)) == 0 && !strings.Contains(res.Waiting, "rest of the client's frame") && !strings.Contains(res.Waiting, "header block")
}

// engineFramesOf returns the engine's server frames that answer requests
// or end the connection: HEADERS, DATA, RST_STREAM and GOAWAY.
func engineFramesOf(res *engine.Result) [][]byte {
	var out [][]byte
	for _, p := range res.After {
		if p.From == "server" && p.Proto == "h2" && len(p.Bytes) >= 9 {
			switch p.Bytes[3] {
			case 0x0, 0x1, 0x3, 0x7:
				out = append(out, p.Bytes)
			}
		}
	}
	return out
}

var ping = []byte{0, 0, 8, 6, 0, 0, 0, 0, 0, 'd', 'i', 'f', 'f', 'p', 'i', 'n', 'g'}

// peerFrames sends raw to addr and reads the server's frames until it has
// as many stream answers as want, a GOAWAY, the end of the connection, or
// the hung-server bound; when quiet, until it answers a PING sent after raw.
func peerFrames(t *testing.T, addr string, raw []byte, want outcome, quiet bool) outcome {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if quiet {
		raw = append(bytes.Clone(raw), ping...)
	}
	if _, err := conn.Write(raw); err != nil {
		t.Fatal(err)
	}
	o := outcome{streams: map[uint32]string{}, ended: map[uint32]bool{}}
	fr := http2.NewFramer(nil, conn)
	fr.ReadMetaHeaders = hpack.NewDecoder(4096, nil)
	for range 200 {
		f, err := fr.ReadFrame()
		if err != nil {
			break
		}
		if pf, ok := f.(*http2.PingFrame); ok && quiet && pf.IsAck() && string(pf.Data[:]) == "diffping" {
			break
		}
		if o.read(f) {
			break
		}
		if o.goaway == want.goaway && complete(o, want) {
			break
		}
	}
	return o.normal()
}

// complete reports whether o has the whole answer on every stream want
// answers.
func complete(o, want outcome) bool {
	for id := range want.streams {
		if !o.ended[id] {
			return false
		}
	}
	return len(want.streams) > 0
}

func TestDifferentialPriorKnowledge(t *testing.T) {
	var p http.Protocols
	p.SetHTTP1(true)
	p.SetUnencryptedHTTP2(true)
	addr := listen(t, &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != "CONNECT" { // a CONNECT's body is the tunnel
			io.Copy(io.Discard, r.Body)
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, body)
	}), Protocols: &p, ErrorLog: log.New(io.Discard, "", 0)})
	files, _ := filepath.Glob("../testdata/h2-prior-*.txtar")
	if len(files) < 10 {
		t.Fatalf("only %d prior-knowledge goldens", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		raw := goldenRequest(t, file)
		res := engine.Negotiate(raw, profile(t, stdProfile))
		want := engineFrames(t, res)
		got := peerFrames(t, addr, raw, want, quiet(res))
		note := explained[name]
		if raced[name] {
			got.streams, want.streams = nil, nil
		}
		if got.String() == want.String() {
			if note != "" {
				t.Errorf("%s: both answer %s, but the case lists the difference %s", name, got, note)
			}
			continue
		}
		if note == "" {
			t.Errorf("%s: net/http answers %s\nthe engine as that server: %s", name, got, want)
			continue
		}
		found := false
		for _, s := range res.Trace {
			found = found || s.Note != nil && s.Note.ID == note
		}
		if !found {
			t.Errorf("%s: net/http answers %s, the engine %s; the note %s should explain it but is not in the trace", name, got, want, note)
		}
	}
}

// TestDifferentialH2CAfter101 does the same after the h2c 101, with
// golang.org/x/net/http2/h2c: the goldens whose input holds the client's
// HTTP/2 bytes after the upgrade request.
func TestDifferentialH2CAfter101(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, body)
	})
	addr := listen(t, &http.Server{Handler: h2c.NewHandler(h, &http2.Server{}), ErrorLog: log.New(io.Discard, "", 0)})
	files, _ := filepath.Glob("../testdata/h2c-*.txtar")
	checked := 0
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		raw := goldenRequest(t, file)
		res := engine.Negotiate(raw, profile(t, xnetProfile))
		if res.Status() != 101 || !bytes.HasPrefix(res.Request.Rest(), []byte("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")) {
			continue
		}
		checked++
		want := engineFrames(t, res)
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := conn.Write(raw); err != nil {
			t.Fatal(err)
		}
		br := bufio.NewReader(conn)
		resp, err := http.ReadResponse(br, nil)
		if err != nil || resp.StatusCode != 101 {
			t.Errorf("%s: x/net answers %v (%v), the engine 101", name, resp, err)
			conn.Close()
			continue
		}
		got := outcome{streams: map[uint32]string{}, ended: map[uint32]bool{}}
		fr := http2.NewFramer(nil, br)
		fr.ReadMetaHeaders = hpack.NewDecoder(4096, nil)
		for range 200 {
			f, err := fr.ReadFrame()
			if err != nil || got.read(f) || got.goaway == want.goaway && complete(got, want) {
				break
			}
		}
		conn.Close()
		if got.normal().String() != want.String() {
			t.Errorf("%s: x/net answers %s\nthe engine as x/net: %s", name, got.normal(), want)
		}
	}
	if checked < 3 {
		t.Fatalf("only %d h2c goldens hold the client's HTTP/2 bytes", checked)
	}
}

// lit is an HPACK literal field without indexing, with a new name and no
// Huffman coding: the name is sent exactly as given.
func lit(name, value string) []byte {
	b := []byte{0, byte(len(name))}
	b = append(b, name...)
	b = append(b, byte(len(value)))
	return append(b, value...)
}

func frame(typ, flags byte, stream uint32, payload []byte) []byte {
	n := len(payload)
	return append([]byte{byte(n >> 16), byte(n >> 8), byte(n), typ, flags, byte(stream >> 24), byte(stream >> 16), byte(stream >> 8), byte(stream)}, payload...)
}

// TestDifferentialRequestRules sends requests that break one rule of RFC
// 9113 §8.2 or §8.3 each to net/http and to the engine: the answer on the
// stream (a response, or RST_STREAM) must agree, or the difference be
// explained by the engine's note.
func TestDifferentialRequestRules(t *testing.T) {
	var p http.Protocols
	p.SetHTTP1(true)
	p.SetUnencryptedHTTP2(true)
	addr := listen(t, &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, body)
	}), Protocols: &p, ErrorLog: log.New(io.Discard, "", 0)})
	method, path, scheme, authority := lit(":method", "GET"), lit(":path", "/"), lit(":scheme", "http"), lit(":authority", "a")
	join := func(fields ...[]byte) []byte { return bytes.Join(fields, nil) }
	for _, tc := range []struct {
		name  string
		block []byte
		note  string // the engine's note when net/http answers differently
	}{
		{"well-formed", join(method, path, scheme, authority), ""},
		{"te: trailers", join(method, path, scheme, authority, lit("te", "trailers")), ""},
		{"te: gzip", join(method, path, scheme, authority, lit("te", "gzip")), "h2-stream-error"},
		{"connection", join(method, path, scheme, authority, lit("connection", "keep-alive")), "h2-stream-error"},
		{"upgrade", join(method, path, scheme, authority, lit("upgrade", "websocket")), "h2-stream-error"},
		{"transfer-encoding", join(method, path, scheme, authority, lit("transfer-encoding", "chunked")), "h2-stream-error"},
		{"upper-case name", join(method, path, scheme, authority, lit("X-A", "b")), ""},
		{"space in a name", join(method, path, scheme, authority, lit("x a", "b")), ""},
		{"NUL in a value", join(method, path, scheme, authority, lit("x-a", "b\x00c")), ""},
		// net/http answers 400 to connection-specific fields and te (a
		// response before the reset is allowed, RFC 9113 §8.1.1), and does
		// not check white space at the ends of a value, nor a content-length
		// it cannot parse, nor a second one: the note says so.
		{"value with a leading space", join(method, path, scheme, authority, lit("x-a", " b")), "h2-stream-error"},
		{"no :method", join(path, scheme, authority), ""},
		{"no :path", join(method, scheme, authority), ""},
		{"empty :path", join(method, lit(":path", ""), scheme, authority), ""},
		{"no :scheme", join(method, path, authority), ""},
		{"two :path", join(method, path, path, scheme, authority), ""},
		{"pseudo-header after a field", join(method, path, lit("x-a", "b"), scheme, authority), ""},
		{":status in a request", join(method, path, scheme, authority, lit(":status", "200")), ""},
		{"unknown pseudo-header", join(method, path, scheme, authority, lit(":foo", "b")), ""},
		{":protocol without the setting", join(lit(":method", "CONNECT"), lit(":protocol", "websocket"), path, scheme, authority), ""},
		{"CONNECT with :path", join(lit(":method", "CONNECT"), path, authority), ""},
		{"bad content-length", join(method, path, scheme, authority, lit("content-length", "abc")), "h2-stream-error"},
		{"two content-lengths", join(method, path, scheme, authority, lit("content-length", "0"), lit("content-length", "1")), "h2-stream-error"},
	} {
		settings := frame(0x4, 0, 0, nil)
		raw := append([]byte("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), settings...)
		raw = append(raw, frame(0x1, 0x5, 1, tc.block)...)
		res := engine.Negotiate(raw, profile(t, stdProfile))
		want := engineFrames(t, res)
		got := peerFrames(t, addr, raw, want, quiet(res))
		if got.String() == want.String() {
			if tc.note != "" {
				t.Errorf("%s: both answer %s, but the case lists the difference %s", tc.name, got, tc.note)
			}
			continue
		}
		found := false
		for _, s := range res.Trace {
			found = found || tc.note != "" && s.Note != nil && s.Note.ID == tc.note
		}
		if !found {
			t.Errorf("%s: net/http answers %s\nthe engine as that server: %s", tc.name, got, want)
		}
	}
}

// goldenRequest returns the request bytes of a golden file.
func goldenRequest(t *testing.T, file string) []byte {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "request" {
			return wiretext.Decode(string(f.Data))
		}
	}
	t.Fatalf("%s has no request", file)
	return nil
}
