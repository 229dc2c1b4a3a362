package srvpeer

import (
	"testing"

	"github.com/upgrade-playground/playground/engine"
)

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
		cfg := engine.LookupProfile("websockets").Config()
		setAll(t, &cfg, "wsproto", "chat,superchat")
		compareConfig(t, "websockets-subprotocols", cfg, startWebsockets(t, "chat,superchat"), corpus(t))
	})
	t.Run("no-compression", func(t *testing.T) {
		cfg := engine.LookupProfile("websockets").Config()
		setAll(t, &cfg, "pmd", "0")
		compareConfig(t, "websockets-no-compression", cfg, startWebsockets(t, "nopmd"), corpus(t))
	})
}
