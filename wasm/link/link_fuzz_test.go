package link

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzFragmentBounds checks that whatever a stranger's link holds, reading
// it costs and shows a bounded amount: the request is never larger than
// the fragment, there are at most two problems per pair (plus one), and each
// problem's text is short (values and keys are cut), so a hostile link
// cannot flood the page's message. Each problem's text is one line that
// hides nothing: valid UTF-8 without control, format (bidi, zero-width) or
// separator characters.
func FuzzFragmentBounds(f *testing.F) {
	for _, s := range []string{
		"req=R0VUIC8gSFRUUC8xLjENCkhvc3Q6IGENCg0K&lf=reject",
		strings.Repeat("k", 500) + "=" + strings.Repeat("v", 500),
		"ex=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E&wsorigin=javascript%3Aalert(1)",
		strings.Repeat("lf=reject&", 50),
		"req=%%%&v=99&mode=<script>&eol=\x00",
		"#" + strings.Repeat("&", 100),
		"ex=%E2%80%AEabc&%E2%80%8B=%0D%0A&lf=%F3%A0%80%81&lf=%22",
		strings.Repeat("%F0%9F%98%80", 60) + "=1&" + strings.Repeat("%F0%9F%98%80", 60) + "=2&" + strings.Repeat("%F0%9F%98%80", 60) + "=3",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, frag string) {
		s, probs := Parse(frag)
		if len(s.Request) > len(frag) {
			t.Fatalf("a %d-byte fragment gave a %d-byte request", len(frag), len(s.Request))
		}
		// A pair can have two problems (an unknown key given twice), and
		// the whole fragment one more.
		if pairs := strings.Count(frag, "&") + 1; len(probs) > 2*pairs+1 {
			t.Fatalf("%d problems for %d pairs", len(probs), pairs)
		}
		for _, p := range probs {
			m := p.String()
			if n := utf8.RuneCountInString(m); n > 250 {
				t.Fatalf("a problem's text is %d characters: %.100q…", n, m)
			}
			if !utf8.ValidString(m) {
				t.Fatalf("a problem's text is not UTF-8: %q", m)
			}
			for _, r := range m {
				if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) {
					t.Fatalf("a problem's text holds %U: %q", r, m)
				}
			}
		}
	})
}
