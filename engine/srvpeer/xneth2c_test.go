package srvpeer

import (
	"testing"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/h2c"
)

// TestXNetH2C compares the xnet-h2c profile with
// h2c.NewHandler(plain 200 handler, &http2.Server{}) on net/http.
func TestXNetH2C(t *testing.T) {
	addr := serve(t, h2c.NewHandler(plainHandler(), &http2.Server{}))
	compareProfile(t, "xnet-h2c", addr, corpus(t))
}
