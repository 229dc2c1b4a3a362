package ui

import (
	"html"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestWriteEscaped compares writeEscaped with what it replaces:
// html.EscapeString, after a strings.Replacer of the sentinels.
func TestWriteEscaped(t *testing.T) {
	sentinels := strings.NewReplacer(string(phOpen), "\uFFFD", string(phClose), "\uFFFD")
	inputs := []string{
		"", "plain", `<a href="x">'&'</a>`, "\uE000name\uE001", "\uE000", "\uE001x",
		"\xee", "\xee\x80", "\xee\x80\x82", "\xee\x80\x80\x80", "a\xee\x80\x81&\xee\x80\x80<",
		"\uFFFD\uE002\uE0FF", "&amp;&#39;", "\xff\xfe<",
	}
	alphabet := []string{"a", "&", "'", "<", ">", "\"", "\xee", "\x80", "\x81", "\uE000", "\uE001", "é", "\x00"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		for _, noSentinels := range []bool{false, true} {
			want := s
			if noSentinels {
				want = sentinels.Replace(want)
			}
			want = html.EscapeString(want)
			var b strings.Builder
			writeEscaped(&b, s, noSentinels)
			if got := b.String(); got != want {
				t.Errorf("writeEscaped(%q, %v) = %q, want %q", s, noSentinels, got, want)
			}
		}
	}
}
