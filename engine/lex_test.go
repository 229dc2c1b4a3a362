package engine

import (
	"testing"

	"golang.org/x/net/http/httpguts"
)

// TestIsToken cross-checks the tchar table with httpguts.
func TestIsToken(t *testing.T) {
	for c := 0; c < 256; c++ {
		s := string([]byte{byte(c)})
		if got, want := isToken(s), httpguts.ValidHeaderFieldName(s); got != want {
			t.Errorf("isToken(%q) = %v, httpguts says %v", s, got, want)
		}
	}
	if isToken("") {
		t.Error("the empty string is a token")
	}
}

func TestEqualFold(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Upgrade", "upgrade", true},
		{"WEBSOCKET", "websocket", true},
		{"websocket", "websockets", false},
		{"\u212a", "k", false}, // Kelvin sign: ASCII folding only (RFC 4790 i;ascii-casemap)
		{"a-b", "A-B", true},
		{"[", "{", false},
	}
	for _, tt := range tests {
		if got := equalFold(tt.a, tt.b); got != tt.want {
			t.Errorf("equalFold(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}
