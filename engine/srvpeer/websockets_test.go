package srvpeer

import "testing"

// TestWebsockets compares the websockets profile with python-websockets
// 10.4's serve(), as Debian 12 ships it (testdata/websockets-server.py).
func TestWebsockets(t *testing.T) {
	compareProfile(t, "websockets", startWebsockets(t), corpus(t))
}

// TestWebsocketsConfigured compares srv=websockets&wsproto=chat,superchat
// with serve(subprotocols=["chat", "superchat"]), and
// srv=websockets&pmd=0 with serve(compression=None).
func TestWebsocketsConfigured(t *testing.T) {
	t.Run("subprotocols", func(t *testing.T) {
		compareConfigured(t, "websockets-subprotocols", "websockets", "wsproto=chat,superchat", startWebsockets(t, "chat,superchat"), corpus(t))
	})
	t.Run("no-compression", func(t *testing.T) {
		compareConfigured(t, "websockets-no-compression", "websockets", "pmd=0", startWebsockets(t, "nopmd"), corpus(t))
	})
}
