package engine

import (
	"reflect"
	"testing"
)

// TestNegotiateLeavesConfig checks that Negotiate never writes to its
// Config: Negotiate(raw, nil) shares one default Config between runs.
func TestNegotiateLeavesConfig(t *testing.T) {
	for _, raw := range goldenRequests(t) {
		for _, profile := range []uint16{0, 0xffff} {
			cfg := fuzzConfig(profile)
			before := fuzzConfig(profile)
			Negotiate(raw, &cfg)
			if !reflect.DeepEqual(cfg, before) {
				t.Fatalf("Negotiate changed its Config for %q", raw)
			}
		}
	}
	if !reflect.DeepEqual(*defaultConfig(), DefaultConfig()) {
		t.Fatal("the shared default Config has changed")
	}
}

// TestNegotiateAllocs keeps the typical WebSocket handshake (parse, decide,
// trace, response bytes) allocating less often than net/http.ReadRequest
// plus gorilla/websocket's Upgrade on the same bytes, and within a budget.
// The budget is what this code allocates: it is there to catch an
// accidental regression (an allocation per byte, per field, per step), not
// to be squeezed.
func TestNegotiateAllocs(t *testing.T) {
	s := newGorillaServer()
	gorilla := testing.AllocsPerRun(100, func() { s.serve(typicalHandshake) })
	engine := testing.AllocsPerRun(100, func() { Negotiate(typicalHandshake, nil).Bytes() })
	if engine >= gorilla || engine > 32 {
		t.Errorf("the typical handshake allocates %v times (net/http + gorilla: %v; budget 32)", engine, gorilla)
	}
}
