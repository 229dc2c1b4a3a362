package srvpeer

import (
	"net/http"
	"testing"

	"github.com/gorilla/websocket"
	"golang.org/x/net/http2"
	"golang.org/x/net/http2/h2c"
)

// TestNginx compares the proxy=nginx hop with Debian's nginx 1.22.1 and the
// usual WebSocket recipe (testdata/nginx.conf.tmpl) in front of each real
// server: gorilla/websocket, Node ws, python-websockets and x/net's h2c,
// each the reference setup of its profile. The engine plays nginx in
// front of the matching profile; every difference not listed in
// testdata/differences-nginx-<profile>.txt fails.
func TestNginx(t *testing.T) {
	for _, tc := range []struct {
		profile string
		start   func(t *testing.T) string
	}{
		{"gorilla", func(t *testing.T) string {
			var up websocket.Upgrader
			return serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if c, err := up.Upgrade(w, r, nil); err == nil {
					c.Close()
				}
			}))
		}},
		{"ws", func(t *testing.T) string { return startWS(t) }},
		{"websockets", func(t *testing.T) string { return startWebsockets(t) }},
		{"xnet-h2c", func(t *testing.T) string {
			return serve(t, h2c.NewHandler(plainHandler(), &http2.Server{}))
		}},
	} {
		t.Run(tc.profile, func(t *testing.T) {
			compareConfigured(t, "nginx-"+tc.profile, tc.profile, "proxy=nginx", startNginx(t, tc.start(t)), corpus(t))
		})
	}
}
