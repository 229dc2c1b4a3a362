package srvpeer

import (
	"net/http"
	"testing"

	"github.com/gorilla/websocket"
)

// TestGorilla compares the gorilla profile with gorilla/websocket v1.5.3
// behind net/http: a handler that calls the zero Upgrader's Upgrade on
// every request.
func TestGorilla(t *testing.T) {
	var up websocket.Upgrader
	addr := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := up.Upgrade(w, r, nil); err == nil {
			c.Close()
		}
	}))
	compareProfile(t, "gorilla", addr, corpus(t))
}

// TestGorillaConfigured compares srv=gorilla&wsproto=chat,superchat&pmd=1
// with Upgrader{Subprotocols: chat, superchat; EnableCompression: true}.
func TestGorillaConfigured(t *testing.T) {
	up := websocket.Upgrader{Subprotocols: []string{"chat", "superchat"}, EnableCompression: true}
	addr := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := up.Upgrade(w, r, nil); err == nil {
			c.Close()
		}
	}))
	compareConfigured(t, "gorilla-configured", "gorilla", "wsproto=chat,superchat&pmd=1", addr, handshakes(t))
}
