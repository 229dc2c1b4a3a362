package ui

import (
	"testing"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/gallery"
)

// TestAfterRawBytesFolded: binary parts (h2c's frames) show their decoded
// fields, with the hex dump in a closed <details> after them; parts that
// read as text (the next request) show it; the HTTP/2 and HTTP/3
// equivalent of a WebSocket request stays closed.
func TestAfterRawBytesFolded(t *testing.T) {
	ex, ok := gallery.Lookup("h2c-curl")
	if !ok {
		t.Fatal("no example h2c-curl")
	}
	cfg := ex.Config()
	res := engine.Negotiate(ex.Request, &cfg)
	after := After(res, false)
	folded := 0
	for j, sec := range after.Kids {
		_, hex := showBytes(res.After[j].Bytes)
		for i, k := range sec.Kids {
			switch {
			case k.Tag == "pre" && hex:
				t.Errorf("part %s shows a hex dump unfolded", sec.Attr("data-part"))
			case k.Tag == "details" && k.Attr("class") == "raw":
				folded++
				if k.Attr("open") != "" || i != len(sec.Kids)-1 || k.Kids[1].Tag != "pre" {
					t.Errorf("part %s: the raw bytes are not a closed <details> at its end", sec.Attr("data-part"))
				}
			}
		}
	}
	if folded == 0 {
		t.Error("no part of h2c's exchange has its raw bytes folded")
	}

	next := After(engine.Negotiate([]byte("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /next HTTP/1.1\r\nHost: a\r\n\r\n"), nil), false)
	if len(next.Kids) == 0 || len(next.Kids[0].Kids) < 2 || next.Kids[0].Kids[1].Tag != "pre" {
		t.Errorf("the next request is not shown as text: %#v", next.Kids)
	}

	ws := After(engine.Negotiate([]byte("GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"), nil), false)
	last := ws.Kids[len(ws.Kids)-1]
	if last.Tag != "details" || last.Attr("class") != "elsewhere" || len(last.Kids) != 1 {
		t.Errorf("the HTTP/2 equivalent is not a closed <details> holding only its summary: %#v", last)
	}
}
