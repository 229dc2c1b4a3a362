package ui

import (
	"strconv"
	"strings"

	"github.com/upgrade-playground/playground/engine"
)

// PlainHTML renders the markdown most note details are written in to the
// HTML template goldmark makes of it (wasm/ui/markdown): paragraphs of
// text, `code` spans, [text](rfc:NNNN#section) links and {name}
// placeholders. Such details need no template compiled ahead of time:
// wasm/gen keeps in templates_gen.go only the details for which PlainHTML
// and goldmark differ (lists, callouts, emphasis, escapes …), so the .wasm
// does not carry most details twice, as markdown and as HTML. A
// native test (TestNoteHTMLMatchesGoldmark) checks every note's HTML.
func PlainHTML(src string) string {
	var b strings.Builder
	b.Grow(len(src) + len(src)/4)
	for para := range strings.SplitSeq(strings.TrimSpace(src), "\n\n") {
		b.WriteString("<p>")
		plainInline(&b, strings.TrimSpace(para))
		b.WriteString("</p>\n")
	}
	return b.String()
}

// plainInline writes a paragraph's text with its code spans, RFC links
// and placeholders.
func plainInline(b *strings.Builder, s string) {
	for s != "" {
		i := strings.IndexAny(s, "`[{")
		if i < 0 {
			escapeText(b, s)
			return
		}
		escapeText(b, s[:i])
		s = s[i:]
		switch s[0] {
		case '`':
			if j := strings.IndexByte(s[1:], '`'); j >= 0 {
				b.WriteString("<code>")
				plainPlaceholders(b, s[1:1+j])
				b.WriteString("</code>")
				s = s[j+2:]
				continue
			}
		case '[':
			text, rest, ok := strings.Cut(s[1:], "](rfc:")
			dest, after, ok2 := strings.Cut(rest, ")")
			if ok && ok2 && !strings.ContainsAny(text, "[]") {
				num, sec, _ := strings.Cut(dest, "#")
				if n, err := strconv.Atoi(num); err == nil {
					b.WriteString(`<a href="` + engine.Ref{RFC: n, Section: sec}.URL() + `">`)
					plainInline(b, text)
					b.WriteString("</a>")
					s = after
					continue
				}
			}
		case '{':
			if j := strings.IndexByte(s, '}'); j > 0 && isPlaceholder(s[1:j]) {
				plainPlaceholders(b, s[:j+1])
				s = s[j+1:]
				continue
			}
		}
		escapeText(b, s[:1])
		s = s[1:]
	}
}

// plainPlaceholders writes text with its {name} placeholders as the
// sentinels Fill replaces.
func plainPlaceholders(b *strings.Builder, s string) {
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			escapeText(b, s)
			return
		}
		j := strings.IndexByte(s[i:], '}') + i
		if j < i || !isPlaceholder(s[i+1:j]) {
			escapeText(b, s[:i+1])
			s = s[i+1:]
			continue
		}
		escapeText(b, s[:i])
		b.WriteRune(phOpen)
		b.WriteString(s[i+1 : j])
		b.WriteRune(phClose)
		s = s[j+1:]
	}
}

// escapeText writes text as goldmark does: &, <, > and " as entities.
func escapeText(b *strings.Builder, s string) {
	for {
		i := strings.IndexAny(s, `&<>"`)
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch s[i] {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteString("&quot;")
		}
		s = s[i+1:]
	}
}

// isPlaceholder reports whether s is a placeholder's name: lower-case
// letters, digits and underscores.
func isPlaceholder(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
