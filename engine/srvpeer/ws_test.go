package srvpeer

import "testing"

// TestWS compares the ws profile with Node ws 8.23.1's standalone server,
// new WebSocketServer({port}), on Node 20 (testdata/ws-server.js).
func TestWS(t *testing.T) {
	compareProfile(t, "ws", startWS(t), corpus(t))
}

// TestWSConfigured compares srv=ws&wsproto=chat,superchat&pmd=1 with ws's
// server created with perMessageDeflate: true and a handleProtocols that
// prefers chat, then superchat.
func TestWSConfigured(t *testing.T) {
	compareConfigured(t, "ws-configured", "ws", "wsproto=chat,superchat&pmd=1", startWS(t, "pmd", "chat,superchat"), corpus(t))
}
