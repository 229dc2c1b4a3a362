package srvpeer

import (
	"testing"

	"github.com/upgrade-playground/playground/engine"
)

// TestWS compares the ws profile with Node ws 8.23.1's standalone server,
// new WebSocketServer({port}), on Node 20 (testdata/ws-server.js).
func TestWS(t *testing.T) {
	compareProfile(t, "ws", startWS(t), corpus(t))
}

// TestWSConfigured compares srv=ws&wsproto=chat,superchat&pmd=1 with ws's
// server created with perMessageDeflate: true and a handleProtocols that
// prefers chat, then superchat.
func TestWSConfigured(t *testing.T) {
	cfg := engine.LookupProfile("ws").Config()
	setAll(t, &cfg, "wsproto", "chat,superchat", "pmd", "1")
	compareConfig(t, "ws-configured", cfg, startWS(t, "pmd", "chat,superchat"), corpus(t))
}

// setAll applies key, value pairs of Settings to cfg.
func setAll(t *testing.T, cfg *engine.Config, kv ...string) {
	t.Helper()
	for i := 0; i+1 < len(kv); i += 2 {
		if err := engine.LookupSetting(kv[i]).Set(cfg, kv[i+1]); err != nil {
			t.Fatal(err)
		}
	}
}
