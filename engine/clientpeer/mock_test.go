package clientpeer

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"
)

// A cell is one client, in one configuration, answered with one variation.
type cell struct{ Client, Config, Variation string }

func (c cell) String() string { return c.Variation + " " + c.Config + " " + c.Client }

// path is the cell's request-target on the mock server: the server reads
// from it which variation to answer with.
func (c cell) path() string { return "/c/" + c.Client + "/" + c.Config + "/" + c.Variation }

// An exchange is what the mock server saw and did in one cell.
type exchange struct {
	Request  []byte // the client's request, as sent
	Response []byte // the bytes written in the first write: the head and what follows it
	Offer    offer
	// Message: the client sent a data frame after the 101 (or, over h2c,
	// took the server's SETTINGS and went on with HTTP/2).
	Message bool
	Err     string // the mock server's own problem with the cell
	// done is closed when the server is done with the cell's connection;
	// the fields are final then.
	done chan struct{}
}

// mock is the mock server: raw TCP on 127.0.0.1. A request to /c/… is a
// cell's handshake; the other paths serve the browsers' pages and take
// their reports.
type mock struct {
	ln   net.Listener
	wg   sync.WaitGroup
	page map[string]string // path → HTML served with 200
	// cells lists, per client, the cells a browser page asks for
	// (GET /cells/<client>).
	cells map[string][]pageCell
	// onReport is called with each POST /report/<client> body.
	onReport func(client string, body []byte)

	mu        sync.Mutex
	exchanges map[string]*exchange // by cell path
	conns     map[net.Conn]bool
	closed    bool
}

// pageCell is a cell as a browser page or a script sees it.
type pageCell struct {
	ID        string   `json:"id"`
	URL       string   `json:"url"`
	Protocols []string `json:"protocols"`
	Deflate   bool     `json:"deflate"`
}

func startMock(t *testing.T) *mock {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	m := &mock{ln: ln, page: map[string]string{}, cells: map[string][]pageCell{}, exchanges: map[string]*exchange{}, conns: map[net.Conn]bool{}}
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			m.mu.Lock()
			if m.closed {
				m.mu.Unlock()
				c.Close()
				return
			}
			m.conns[c] = true
			m.wg.Add(1)
			m.mu.Unlock()
			go func() {
				defer m.wg.Done()
				defer c.Close()
				// A safety net for a hung client only: every cell ends
				// when the client closes or the server has answered.
				c.SetDeadline(time.Now().Add(30 * time.Second))
				m.serve(c)
				m.mu.Lock()
				delete(m.conns, c)
				m.mu.Unlock()
			}()
		}
	}()
	t.Cleanup(m.stop)
	return m
}

func (m *mock) stop() {
	m.ln.Close()
	m.mu.Lock()
	m.closed = true
	for c := range m.conns {
		c.Close()
	}
	m.mu.Unlock()
	m.wg.Wait()
}

func (m *mock) addr() string { return m.ln.Addr().String() }

// exchange returns the cell's exchange once the server is done with it
// (the client has closed, or the connection's safety deadline passed), or
// nil when the client never came.
func (m *mock) exchange(c cell) *exchange {
	m.mu.Lock()
	ex := m.exchanges[c.path()]
	m.mu.Unlock()
	if ex != nil {
		<-ex.done
	}
	return ex
}

// readHead reads a request's header section, as sent.
func readHead(br *bufio.Reader) ([]byte, error) {
	var raw []byte
	for {
		line, err := br.ReadSlice('\n')
		raw = append(raw, line...)
		if err != nil {
			return raw, err
		}
		if len(raw) > 64<<10 {
			return raw, errors.New("header section too large")
		}
		if len(bytes.TrimRight(line, "\r\n")) == 0 {
			return raw, nil
		}
	}
}

func (m *mock) serve(c net.Conn) {
	br := bufio.NewReader(c)
	raw, err := readHead(br)
	if err != nil {
		return
	}
	req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(raw)))
	if err != nil {
		return
	}
	path := req.URL.Path
	switch {
	case strings.HasPrefix(path, "/c/"):
		m.serveCell(c, br, raw, req)
	case strings.HasPrefix(path, "/report/") || strings.HasPrefix(path, "/done/"):
		n, _ := strconv.Atoi(req.Header.Get("Content-Length"))
		body := make([]byte, min(max(n, 0), 1<<20))
		if _, err := io.ReadFull(br, body); err != nil {
			return
		}
		writeHTTP(c, 204, "", "")
		if m.onReport != nil {
			client := path[strings.LastIndexByte(path, '/')+1:]
			if strings.HasPrefix(path, "/done/") {
				body = nil
			}
			m.onReport(client, body)
		}
	case strings.HasPrefix(path, "/cells/"):
		m.mu.Lock()
		list := m.cells[strings.TrimPrefix(path, "/cells/")]
		m.mu.Unlock()
		b, _ := json.Marshal(list)
		writeHTTP(c, 200, "application/json", string(b))
	default:
		m.mu.Lock()
		html, ok := m.page[path]
		m.mu.Unlock()
		if ok {
			writeHTTP(c, 200, "text/html; charset=utf-8", html)
			return
		}
		writeHTTP(c, 404, "text/plain", "not found\n")
	}
}

func writeHTTP(c net.Conn, status int, ctype, body string) {
	h := "HTTP/1.1 " + strconv.Itoa(status) + " " + http.StatusText(status) + "\r\nConnection: close\r\nCache-Control: no-store\r\n"
	if ctype != "" {
		h += "Content-Type: " + ctype + "\r\n"
	}
	c.Write([]byte(h + "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body))
}

// serveCell answers a cell's handshake with its variation.
func (m *mock) serveCell(c net.Conn, br *bufio.Reader, raw []byte, req *http.Request) {
	parts := strings.Split(strings.TrimPrefix(req.URL.Path, "/c/"), "/")
	if len(parts) != 3 {
		return
	}
	ce := cell{Client: parts[0], Config: parts[1], Variation: parts[2]}
	v := lookupVariation(ce.Variation)
	ex := &exchange{Request: raw, Offer: parseOffer(req.Header), done: make(chan struct{})}
	m.mu.Lock()
	if _, seen := m.exchanges[ce.path()]; seen {
		m.mu.Unlock()
		return // a client's retry is not part of the cell: close it
	}
	m.exchanges[ce.path()] = ex
	m.mu.Unlock()
	defer close(ex.done)
	if v == nil {
		ex.Err = "no such variation"
		return
	}
	if want := clientOffer(ce.Client, ce.Config); !want.same(ex.Offer) {
		ex.Err = "the client offered " + offerString(ex.Offer) + ", the matrix expects " + offerString(want)
	}
	a := correct(ex.Offer)
	v.Edit(a, ex.Offer)
	ex.Response = a.bytes()
	if _, err := c.Write(ex.Response); err != nil {
		return
	}
	switch {
	case a.Then == "h2":
		ex.Message = serveH2(c, br)
	case a.Then == "ws" && ce.Client == "curl":
		// curl sends no frames: the server sends a message and a close,
		// and closes; curl goes on after the 101 if it prints them.
		c.Write(append(textFrame(serverMessage), closeFrame...))
	case a.Then == "ws":
		ex.Message = echoWS(c, br)
	default:
		// The server closes: the refusal's body ends with the connection.
		if tc, ok := c.(*net.TCPConn); ok {
			tc.CloseWrite()
		}
		io.Copy(io.Discard, io.LimitReader(br, 1<<20))
	}
}

const serverMessage = "hello from the mock server"

var closeFrame = []byte{0x88, 2, 0x03, 0xe8}

// echoWS reads the client's frames after a 101: it answers the first data
// frame with serverMessage, answers a close with a close, and ends when
// the client closes. It reports whether a data frame came.
func echoWS(c net.Conn, br *bufio.Reader) (message bool) {
	for range 64 {
		b0, err := br.ReadByte()
		if err != nil {
			return message
		}
		b1, err := br.ReadByte()
		if err != nil {
			return message
		}
		n := uint64(b1 & 0x7f)
		switch n {
		case 126:
			var x [2]byte
			if _, err := io.ReadFull(br, x[:]); err != nil {
				return message
			}
			n = uint64(binary.BigEndian.Uint16(x[:]))
		case 127:
			var x [8]byte
			if _, err := io.ReadFull(br, x[:]); err != nil {
				return message
			}
			n = binary.BigEndian.Uint64(x[:])
		}
		if b1&0x80 != 0 {
			n += 4
		}
		if n > 1<<20 {
			return message
		}
		if _, err := io.CopyN(io.Discard, br, int64(n)); err != nil {
			return message
		}
		switch b0 & 0x0f {
		case 0, 1, 2:
			if !message {
				message = true
				c.Write(textFrame(serverMessage))
			}
		case 8:
			c.Write(closeFrame)
			return message
		}
	}
	return message
}

// serveH2 goes on with HTTP/2 after a 101 to h2c: it reads the client's
// connection preface, acknowledges its SETTINGS and answers stream 1 (the
// upgraded request, RFC 7540 §3.2) with 200 and "hello\n". It reports
// whether the client's preface came.
func serveH2(c net.Conn, br *bufio.Reader) (wentOn bool) {
	preface := make([]byte, len(http2.ClientPreface))
	if _, err := io.ReadFull(br, preface); err != nil || string(preface) != http2.ClientPreface {
		return false
	}
	fr := http2.NewFramer(c, br)
	answered := false
	for range 64 {
		f, err := fr.ReadFrame()
		if err != nil {
			return true
		}
		switch f := f.(type) {
		case *http2.SettingsFrame:
			if f.IsAck() {
				continue
			}
			fr.WriteSettingsAck()
			if !answered {
				answered = true
				var hb bytes.Buffer
				enc := hpack.NewEncoder(&hb)
				enc.WriteField(hpack.HeaderField{Name: ":status", Value: "200"})
				enc.WriteField(hpack.HeaderField{Name: "content-length", Value: "6"})
				fr.WriteHeaders(http2.HeadersFrameParam{StreamID: 1, BlockFragment: hb.Bytes(), EndHeaders: true})
				fr.WriteData(1, true, []byte("hello\n"))
			}
		case *http2.PingFrame:
			if !f.IsAck() {
				fr.WritePing(true, f.Data)
			}
		case *http2.GoAwayFrame:
			return true
		}
	}
	return true
}

func offerString(o offer) string {
	if o.H2C {
		return "h2c"
	}
	s := "protocols [" + strings.Join(o.Protocols, ", ") + "]"
	if o.Deflate {
		s += ", permessage-deflate [" + strings.Join(o.Params, "; ") + "]"
	}
	return s
}
