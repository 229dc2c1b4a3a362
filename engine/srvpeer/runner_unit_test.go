package srvpeer

import (
	"bufio"
	"strings"
	"testing"
)

// TestReadAnswer checks the runner's reading of responses: interim ones,
// bodies framed by Content-Length, chunked or the close, Date left out,
// and a close before any response.
func TestReadAnswer(t *testing.T) {
	rows := []struct {
		name, wire string
		head       bool
		want       answer
	}{
		{"content-length", "HTTP/1.1 200 OK\r\nDate: x\r\nContent-Length: 2\r\n\r\nhiEXTRA", false, answer{Heads: []string{"HTTP/1.1 200 OK\nContent-Length: 2"}, Body: []byte("hi")}},
		{"interim", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\x81\x00", false, answer{Heads: []string{"HTTP/1.1 100 Continue", "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket"}}},
		{"chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n", false, answer{Heads: []string{"HTTP/1.1 200 OK\nTransfer-Encoding: chunked"}, Body: []byte("2\r\nhi\r\n0\r\n\r\n")}},
		{"close-delimited", "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n400 Bad Request", false, answer{Heads: []string{"HTTP/1.1 400 Bad Request\nConnection: close"}, Body: []byte("400 Bad Request")}},
		{"head", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", true, answer{Heads: []string{"HTTP/1.1 200 OK\nContent-Length: 5"}}},
		{"closed", "", false, answer{Closed: true}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			got, err := readAnswer(bufio.NewReader(strings.NewReader(row.wire)), row.head)
			if err != nil {
				t.Fatal(err)
			}
			if d := differs(got, row.want); d != "" {
				t.Errorf("%s differs:\ngot  %s\nwant %s", d, got, row.want)
			}
		})
	}
}

// TestDiffers checks the word differs gives for each kind of difference.
func TestDiffers(t *testing.T) {
	base := answer{Heads: []string{"HTTP/1.1 400 Bad Request\nA: 1"}, Body: []byte("x")}
	rows := []struct {
		other answer
		want  string
	}{
		{base, ""},
		{answer{Closed: true}, "outcome"},
		{answer{Heads: []string{"HTTP/1.1 403 Forbidden\nA: 1"}, Body: []byte("x")}, "status"},
		{answer{Heads: []string{"HTTP/1.1 400 Bad Request: why\nA: 1"}, Body: []byte("x")}, "status-line"},
		{answer{Heads: []string{"HTTP/1.1 400 Bad Request\nA: 2"}, Body: []byte("x")}, "fields"},
		{answer{Heads: []string{"HTTP/1.1 400 Bad Request\nA: 1"}, Body: []byte("y")}, "body"},
	}
	for _, row := range rows {
		if got := differs(base, row.other); got != row.want {
			t.Errorf("differs(%s, %s) = %q, want %q", base, row.other, got, row.want)
		}
	}
}
