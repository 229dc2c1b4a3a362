package engine

import (
	"reflect"
	"testing"
)

// TestNegotiateLeavesConfig checks that Negotiate never writes to its
// Config: Negotiate(raw, nil) shares one default Config between runs.
func TestNegotiateLeavesConfig(t *testing.T) {
	for _, raw := range goldenRequests(t) {
		for _, profile := range []uint16{0, 0x1fff} {
			cfg := fuzzConfig(profile)
			before := fuzzConfig(profile)
			Negotiate(raw, &cfg)
			if !reflect.DeepEqual(cfg, before) {
				t.Fatalf("Negotiate changed its Config for %q", raw)
			}
		}
	}
	if !reflect.DeepEqual(defaultConfig, DefaultConfig()) {
		t.Fatal("the shared default Config has changed")
	}
}
