package srvpeer

import (
	"io"
	"net/http"
	"testing"

	"github.com/upgrade-playground/playground/engine"
)

// TestNetHTTP compares the nethttp profile with Go's net/http and a plain
// handler that answers 200 with the body engine.NetHTTPBody, and knows
// nothing of Upgrade.
func TestNetHTTP(t *testing.T) {
	addr := serve(t, plainHandler())
	compareProfile(t, "nethttp", addr, corpus(t))
}

// plainHandler answers every request with 200 and engine.NetHTTPBody.
func plainHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, engine.NetHTTPBody)
	})
}
