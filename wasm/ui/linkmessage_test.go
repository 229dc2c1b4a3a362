package ui

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/upgrade-playground/playground/wasm/link"
)

// TestLinkMessage opens malformed links with hostile keys and values: the
// message names each problem's key and value as text, in the editor's
// notation, and what the page builds from it has no element but p, ul and
// li, no attribute, and no character that hides or reorders text.
func TestLinkMessage(t *testing.T) {
	tests := []struct {
		frag  string
		want  []string // substrings of the message's text
		fatal bool
	}{
		{"ex=%3Cimg%20src%3Dx%3E", []string{`(ex): there is no built-in example "<img src=x>"`}, false},
		{"ex=%5Bx%5D(javascript%3Aalert(1))", []string{`(ex): there is no built-in example "[x](javascript:alert(1))"`}, false},
		{"ex=a%0D%0Ab", []string{`(ex): there is no built-in example "a␍␊b"`}, false},
		{"ex=%E2%80%AEabc", []string{`(ex): there is no built-in example "⟨E2⟩⟨80⟩⟨AE⟩abc"`}, false},
		{"%3Cscript%3Ealert(1)%3C%2Fscript%3E=%E2%81%A6x", []string{`(<script>alert(1)</script>): unknown key "<script>alert(1)</script>"`}, false},
		{"mode=%E2%80%8Bpredict&eol=%0A", []string{`(mode): unknown mode "⟨E2⟩⟨80⟩⟨8B⟩predict"`, `(eol): unknown line-ending mode "␊"`}, false},
		{"lf=%3Cb%3Ereject%3C%2Fb%3E", []string{`(lf): bad value "<b>reject</b>"`}, false},
		{"v=%3Cimg%3E", []string{`(v): unknown link format version "<img>"`, "The link was not opened"}, true},
		{"req=%3Cimg%3E", []string{`(req): the request is not valid base64url (RFC 4648 §5): unexpected "<"`, "The link was not opened"}, true},
		{"%3Cb%3E=%E2%80%AE%zz", []string{`(<b>): malformed percent-encoding "%zz"`, "The link was not opened"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.frag, func(t *testing.T) {
			_, probs := link.Parse(tc.frag)
			if len(probs) == 0 {
				t.Fatal("no problem found")
			}
			n := LinkMessage(probs, "There is a problem with this link:", "The link was not opened; the page shows its starting request.")
			if v := Violations(n); len(v) > 0 {
				t.Errorf("the view needs sanitizing: %v", v)
			}
			// What the page builds: the DOM program's output.
			page := Decode(Encode(n))
			var text strings.Builder
			var walk func(*Node)
			walk = func(n *Node) {
				if n.Tag == "" {
					text.WriteString(n.Text + "\n")
					return
				}
				if n.HTML != "" || len(n.Attrs) > 0 || n != page && n.Tag != "p" && n.Tag != "ul" && n.Tag != "li" {
					t.Errorf("the message builds <%s %v> with HTML %q", n.Tag, n.Attrs, n.HTML)
				}
				for _, k := range n.Kids {
					walk(k)
				}
			}
			walk(page)
			got := text.String()
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("message %q does not contain %q", got, w)
				}
			}
			if fatal := strings.Contains(got, "The link was not opened"); fatal != tc.fatal {
				t.Errorf("message %q: says the link was not opened = %v, want %v", got, fatal, tc.fatal)
			}
			for _, r := range strings.ReplaceAll(got, "\n", "") {
				if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) {
					t.Errorf("message %q holds %U", got, r)
				}
			}
		})
	}
}

// TestLinkMessageBounded checks that a link with thousands of problems
// lists maxLinkProblems of them and a count of the rest.
func TestLinkMessageBounded(t *testing.T) {
	_, probs := link.Parse(strings.Repeat("k=1&", 50))
	n := LinkMessage(probs, "There is a problem with this link:", "The link was not opened; the page shows its starting request.")
	items := n.Kids[1].Kids
	if len(items) != maxLinkProblems+1 {
		t.Fatalf("%d items for %d problems, want %d", len(items), len(probs), maxLinkProblems+1)
	}
	if last := items[maxLinkProblems].Kids[0].Text; !strings.Contains(last, "and "+strconv.Itoa(len(probs)-maxLinkProblems)+" more") {
		t.Errorf("last item %q", last)
	}
}
