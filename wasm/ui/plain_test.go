package ui

import (
	"testing"
)

// TestPlainHTML covers what PlainHTML renders; TestEveryNoteRenders
// checks that every note the page renders with it comes out as goldmark's.
func TestPlainHTML(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"One.", "<p>One.</p>\n"},
		{"a \"b\" & <c>", "<p>a &quot;b&quot; &amp; &lt;c&gt;</p>\n"},
		{"One.\n\nTwo.", "<p>One.</p>\n<p>Two.</p>\n"},
		{"See `x {name} <y>`.", "<p>See <code>x \ue000name\ue001 &lt;y&gt;</code>.</p>\n"},
		{"The {value} and {Not} {}", "<p>The \ue000value\ue001 and {Not} {}</p>\n"},
		{"([RFC 9110 §7.8](rfc:9110#7.8))", "<p>(<a href=\"https://www.rfc-editor.org/rfc/rfc9110#section-7.8\">RFC 9110 §7.8</a>)</p>\n"},
		{"[RFC 6455 `x`](rfc:6455)", "<p><a href=\"https://www.rfc-editor.org/rfc/rfc6455\">RFC 6455 <code>x</code></a></p>\n"},
		{"[not a link] and `unclosed", "<p>[not a link] and `unclosed</p>\n"},
	} {
		if got := PlainHTML(c.src); got != c.want {
			t.Errorf("PlainHTML(%q)\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

func FuzzPlainHTML(f *testing.F) {
	f.Add("A `code {x}` and [RFC 9110 §7.8](rfc:9110#7.8) {name}.\n\nTwo.")
	f.Fuzz(func(t *testing.T, src string) {
		_ = PlainHTML(src) // must not panic or loop
	})
}
