package srvpeer

import "testing"

// TestWS compares the ws profile with Node ws 8.23.1's standalone server,
// new WebSocketServer({port}), on Node 20 (testdata/ws-server.js).
func TestWS(t *testing.T) {
	compareProfile(t, "ws", startWS(t), corpus(t))
}
