package markdown

import "testing"

func TestRFCURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"rfc:9110#7.8", "https://www.rfc-editor.org/rfc/rfc9110#section-7.8", true},
		{"rfc:6455", "https://www.rfc-editor.org/rfc/rfc6455", true},
		{"rfc:6455#4.2.1", "https://www.rfc-editor.org/rfc/rfc6455#section-4.2.1", true},
		{"rfc:1#1", "", false},
		{"rfc:9110#7.8\"onmouseover=x", "", false},
		{"https://www.rfc-editor.org/rfc/rfc9110", "", false},
		{"javascript:alert(1)", "", false},
		{"rfc:", "", false},
	}
	for _, tc := range tests {
		got, ok := RFCURL(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("RFCURL(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
