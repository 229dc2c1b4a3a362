package srvpeer

import "testing"

// TestWebsockets compares the websockets profile with python-websockets
// 10.4's serve(), as Debian 12 ships it (testdata/websockets-server.py).
func TestWebsockets(t *testing.T) {
	compareProfile(t, "websockets", startWebsockets(t), corpus(t))
}
