package wspeer

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/upgrade-playground/playground/engine"
)

// engineServer is a loopback TCP server whose HTTP answers are exactly the
// engine's: it reads one request, asks engine.Negotiate, writes
// Result.Bytes(), and after a 101 to websocket echoes every message.
type engineServer struct {
	ln  net.Listener
	cfg engine.Config
	wg  sync.WaitGroup

	mu     sync.Mutex
	last   *engine.Result // the last handshake's result
	errs   []error
	conns  map[net.Conn]bool
	closed bool
}

func startEngineServer(t *testing.T, cfg engine.Config) *engineServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &engineServer{ln: ln, cfg: cfg, conns: map[net.Conn]bool{}}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			s.conns[c] = true
			s.mu.Unlock()
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				defer c.Close()
				err := s.serve(c)
				s.mu.Lock()
				if err != nil && !s.closed {
					s.errs = append(s.errs, err)
				}
				delete(s.conns, c)
				s.mu.Unlock()
			}()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		s.mu.Lock()
		s.closed = true // idle keep-alive connections (a browser's) end here
		for c := range s.conns {
			c.Close()
		}
		s.mu.Unlock()
		s.wg.Wait()
		for _, err := range s.errs {
			t.Errorf("engine server: %v", err)
		}
	})
	return s
}

func (s *engineServer) url(path string) string { return "ws://" + s.ln.Addr().String() + path }

func (s *engineServer) result() *engine.Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// readRequest reads one request's bytes: the header section, then a body
// of Content-Length bytes (the clients under test send no other framing).
func readRequest(br *bufio.Reader) ([]byte, error) {
	var raw []byte
	length := 0
	for {
		line, err := br.ReadSlice('\n')
		raw = append(raw, line...)
		if err != nil {
			return raw, err
		}
		if len(raw) > 64<<10 {
			return raw, errors.New("header section too large")
		}
		s := strings.TrimRight(string(line), "\r\n")
		if s == "" {
			break
		}
		if k, v, ok := strings.Cut(s, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "Content-Length") {
			length, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	if length > 0 && length < 1<<20 {
		body := make([]byte, length)
		if _, err := io.ReadFull(br, body); err != nil {
			return raw, err
		}
		raw = append(raw, body...)
	}
	return raw, nil
}

func (s *engineServer) serve(c net.Conn) error {
	c.SetDeadline(time.Now().Add(20 * time.Second))
	br := bufio.NewReader(c)
	for i := 0; i < 16; i++ { // a few requests per connection, bounded
		raw, err := readRequest(br)
		if err != nil {
			if err == io.EOF && len(raw) == 0 {
				return nil
			}
			return err
		}
		res := engine.Negotiate(raw, &s.cfg)
		if bytes.Contains(bytes.ToLower(raw), []byte("sec-websocket-key")) {
			s.mu.Lock()
			s.last = res // the last handshake (not a page or favicon request)
			s.mu.Unlock()
		}
		if _, err := c.Write(res.Bytes()); err != nil {
			return err
		}
		if res.Status() == 101 && res.Switched == "websocket" {
			return echo(br, c, res.Final.Get("Sec-WebSocket-Extensions"))
		}
		if res.Final == nil || strings.EqualFold(res.Final.Get("Connection"), "close") {
			return nil
		}
	}
	return nil
}

// deflateParams is what the engine's 101 agreed to.
type deflateParams struct {
	on                bool
	clientNoContext   bool
	serverWindowSmall bool // server_max_window_bits < 15: Go's flate cannot honour it
}

func parseDeflate(ext string) deflateParams {
	var d deflateParams
	for i, p := range strings.Split(ext, ";") {
		p = strings.TrimSpace(p)
		switch {
		case i == 0:
			d.on = p == "permessage-deflate"
		case p == "client_no_context_takeover":
			d.clientNoContext = true
		case strings.HasPrefix(p, "server_max_window_bits=") && p != "server_max_window_bits=15":
			d.serverWindowSmall = true
		}
	}
	return d
}

// echo speaks WebSocket as the server (RFC 6455 §5): it reads masked client
// frames, answers pings, echoes each data message (compressed when
// permessage-deflate was agreed, RFC 7692 §7.2) and answers a close.
func echo(br *bufio.Reader, w io.Writer, ext string) error {
	d := parseDeflate(ext)
	var history []byte // the client's LZ77 window, for context takeover
	var msg []byte
	var msgOp byte
	compressed := false
	for i := 0; i < 1000; i++ {
		fin, rsv1, op, payload, err := readFrame(br)
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		switch op {
		case 8:
			return writeFrame(w, 8, payload, false)
		case 9:
			if err := writeFrame(w, 10, payload, false); err != nil {
				return err
			}
			continue
		case 10:
			continue
		case 1, 2:
			msg, msgOp, compressed = append(msg[:0], payload...), op, rsv1
		case 0:
			msg = append(msg, payload...)
		default:
			return errors.New("unexpected opcode " + strconv.Itoa(int(op)))
		}
		if rsv1 && !d.on {
			return errors.New("RSV1 set without permessage-deflate")
		}
		if !fin {
			continue
		}
		data := msg
		if compressed {
			dict := history
			if d.clientNoContext {
				dict = nil
			}
			out, err := inflate(msg, dict)
			if err != nil {
				return err
			}
			data = out
			if !d.clientNoContext {
				history = append(history, out...)
				if len(history) > 32768 {
					history = history[len(history)-32768:]
				}
			}
		}
		if err := writeFrame(w, msgOp, data, d.on && !d.serverWindowSmall); err != nil {
			return err
		}
	}
	return nil
}

func inflate(p, dict []byte) ([]byte, error) {
	tail := []byte{0, 0, 0xff, 0xff, 1, 0, 0, 0xff, 0xff}
	r := flate.NewReaderDict(io.MultiReader(bytes.NewReader(p), bytes.NewReader(tail)), dict)
	defer r.Close()
	return io.ReadAll(io.LimitReader(r, 1<<20))
}

// readFrame reads one client frame; client frames must be masked (§5.1).
func readFrame(br *bufio.Reader) (fin, rsv1 bool, op byte, payload []byte, err error) {
	var h [2]byte
	if _, err = io.ReadFull(br, h[:]); err != nil {
		return
	}
	fin, rsv1, op = h[0]&0x80 != 0, h[0]&0x40 != 0, h[0]&0x0f
	if h[1]&0x80 == 0 {
		err = errors.New("unmasked client frame")
		return
	}
	n := uint64(h[1] & 0x7f)
	switch n {
	case 126:
		var b [2]byte
		_, err = io.ReadFull(br, b[:])
		n = uint64(binary.BigEndian.Uint16(b[:]))
	case 127:
		var b [8]byte
		_, err = io.ReadFull(br, b[:])
		n = binary.BigEndian.Uint64(b[:])
	}
	if err != nil {
		return
	}
	if n > 1<<20 {
		err = errors.New("frame too large")
		return
	}
	var key [4]byte
	if _, err = io.ReadFull(br, key[:]); err != nil {
		return
	}
	payload = make([]byte, n)
	if _, err = io.ReadFull(br, payload); err != nil {
		return
	}
	for i := range payload {
		payload[i] ^= key[i&3]
	}
	return
}

// writeFrame writes one unmasked server frame, compressing a data message
// when asked (RFC 7692 §7.2.1: deflate, flush, drop the final 00 00 ff ff).
func writeFrame(w io.Writer, op byte, payload []byte, compress bool) error {
	b0 := 0x80 | op
	if compress && op < 8 {
		var buf bytes.Buffer
		fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
		fw.Write(payload)
		fw.Flush()
		payload = bytes.TrimSuffix(buf.Bytes(), []byte{0, 0, 0xff, 0xff})
		b0 |= 0x40
	}
	h := []byte{b0}
	switch n := len(payload); {
	case n < 126:
		h = append(h, byte(n))
	case n < 1<<16:
		h = append(h, 126, byte(n>>8), byte(n))
	default:
		h = append(h, 127)
		h = binary.BigEndian.AppendUint64(h, uint64(n))
	}
	_, err := w.Write(append(h, payload...))
	return err
}
