package srvpeer

import (
	"net/http"
	"testing"

	"github.com/coder/websocket"
)

// TestCoder compares the coder profile with coder/websocket v1.8.15 behind
// net/http: a handler that calls websocket.Accept(w, r, nil) on every
// request.
func TestCoder(t *testing.T) {
	addr := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := websocket.Accept(w, r, nil); err == nil {
			c.CloseNow()
		}
	}))
	compareProfile(t, "coder", addr, corpus(t))
}

// TestCoderConfigured compares srv=coder&wsproto=chat,superchat&pmd=1 with
// AcceptOptions{Subprotocols: chat, superchat; CompressionMode:
// CompressionContextTakeover}.
func TestCoderConfigured(t *testing.T) {
	opts := &websocket.AcceptOptions{Subprotocols: []string{"chat", "superchat"}, CompressionMode: websocket.CompressionContextTakeover}
	addr := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := websocket.Accept(w, r, opts); err == nil {
			c.CloseNow()
		}
	}))
	compareConfigured(t, "coder-configured", "coder", "wsproto=chat,superchat&pmd=1", addr, handshakes(t))
}
