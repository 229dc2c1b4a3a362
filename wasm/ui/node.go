// Package render builds everything the page shows from the engine's result,
// as a tree of safe nodes that the wasm adapter mounts with DOM APIs. It is
// pure Go and tested natively. Only goldmark's output (raw HTML off) is ever
// carried as HTML; every value from a request, a setting or a link is text.
package ui

import (
	"slices"
	"sort"
	"strings"
)

// A Node is an element or, when Tag is "", a text node. An element whose
// HTML is set has that markup as its content instead of Kids: it is only
// ever goldmark's output (see Markdown), set with innerHTML.
type Node struct {
	Tag   string
	Attrs [][2]string
	Text  string
	Kids  []*Node
	HTML  string
}

// El, Add and AddText are not inlined (go:noinline): the views call them
// hundreds of times, and inlined, each call was a copy of the loop and the
// allocations, which made the views' functions several times larger in the
// .wasm (CopyAs 37 KB, 6 KB without) and slower for the browser to compile
// on their first call. A call costs little next to the allocations.

// El returns an element with attributes given as name, value pairs.
//
//go:noinline
func El(tag string, attrs ...string) *Node {
	n := &Node{Tag: tag}
	if len(attrs) >= 2 {
		n.Attrs = make([][2]string, len(attrs)/2)
		for i := range n.Attrs {
			n.Attrs[i] = [2]string{attrs[2*i], attrs[2*i+1]}
		}
	}
	return n
}

// Text returns a text node.
func Text(s string) *Node { return &Node{Text: s} }

// Add appends children and returns n.
//
//go:noinline
func (n *Node) Add(kids ...*Node) *Node {
	if n.Kids == nil {
		n.Kids = make([]*Node, 0, max(len(kids), 2))
	}
	for _, k := range kids {
		if k != nil {
			n.Kids = append(n.Kids, k)
		}
	}
	return n
}

// AddText appends a text node and returns n.
//
//go:noinline
func (n *Node) AddText(s string) *Node { return n.Add(Text(s)) }

// Attr returns the value of an attribute, or "".
func (n *Node) Attr(name string) string {
	for _, a := range n.Attrs {
		if a[0] == name {
			return a[1]
		}
	}
	return ""
}

// Equal reports whether two trees are identical (the adapter skips
// re-mounting a pane whose tree did not change).
func (n *Node) Equal(m *Node) bool {
	if n == nil || m == nil {
		return n == m
	}
	if n.Tag != m.Tag || n.Text != m.Text || n.HTML != m.HTML || len(n.Attrs) != len(m.Attrs) || len(n.Kids) != len(m.Kids) {
		return false
	}
	for i := range n.Attrs {
		if n.Attrs[i] != m.Attrs[i] {
			return false
		}
	}
	for i := range n.Kids {
		if !n.Kids[i].Equal(m.Kids[i]) {
			return false
		}
	}
	return true
}

// allowedTags are the elements a view may build, sorted for binary search
// (static data: nothing is built when the .wasm starts, and one small loop
// rather than a map or a large switch inlined where it is used).
var allowedTags = [...]string{
	"a", "article", "aside", "br", "button", "caption", "code", "dd", "desc",
	"details", "div", "dl", "dt", "em", "fieldset", "g", "h2", "h3", "h4",
	"input", "kbd", "label", "legend", "li", "line", "mark", "ol", "optgroup",
	"option", "output", "p", "path", "polygon", "pre", "rect", "section",
	"select", "small", "span", "strong", "summary", "svg", "table", "tbody",
	"td", "text", "th", "thead", "title", "tr", "ul",
}

// allowedTag reports whether a view may build the element.
func allowedTag(tag string) bool {
	// sort.Search, as in noteTemplate: the .wasm has it already.
	i := sort.Search(len(allowedTags), func(i int) bool { return allowedTags[i] >= tag })
	return i < len(allowedTags) && allowedTags[i] == tag
}

// allowedAttr reports whether a view may set the attribute. No event
// handler (on*), no style, and href only to the RFC editor or a fragment.
func allowedAttr(name, value string) bool {
	switch name {
	case "class", "id", "title", "for", "name", "type", "value", "selected",
		"checked", "disabled", "role", "tabindex", "min", "max", "step", "open",
		"hidden", "colspan", "scope", "lang", "dir", "placeholder", "autocomplete",
		"spellcheck", "label", "x", "y", "x1", "x2", "y1", "y2", "width", "height",
		"viewBox", "d", "points", "text-anchor", "dominant-baseline", "marker-end":
		return true
	case "href":
		return SafeHref(value)
	}
	return strings.HasPrefix(name, "aria-") || strings.HasPrefix(name, "data-") && !strings.ContainsAny(name, " =\"'<>")
}

// SafeHref reports whether a link target is allowed on the page: the RFC
// editor's site, or a fragment of this page.
func SafeHref(h string) bool {
	return strings.HasPrefix(h, "https://www.rfc-editor.org/") && !strings.ContainsAny(h, "\"'<> \\") ||
		strings.HasPrefix(h, "#") && !strings.ContainsAny(h, "\"'<>:\\")
}

// Sanitize applies to a tree the rule Encode and Patch apply as they write
// (which is how the page is protected): an element off the allow list
// becomes a span (keeping its text), an attribute off it is dropped.
// Views are tested to need no sanitizing.
func Sanitize(n *Node) *Node {
	if n == nil {
		return nil
	}
	if n.Tag == "" {
		return n
	}
	out := &Node{Tag: safeTag(n.Tag), HTML: n.HTML}
	for _, a := range n.Attrs {
		if allowedAttr(a[0], a[1]) {
			out.Attrs = append(out.Attrs, a)
		}
	}
	for _, k := range n.Kids {
		out.Kids = append(out.Kids, Sanitize(k))
	}
	return out
}

// Violations lists what Sanitize would remove from a tree: disallowed tags
// and attributes; and an attribute given twice (Patch relies on there
// being none). Tests require it to be empty for every view.
func Violations(n *Node) []string {
	var out []string
	var walk func(*Node)
	walk = func(n *Node) {
		if n.Tag != "" {
			if !allowedTag(n.Tag) {
				out = append(out, "tag "+n.Tag)
			}
			for i, a := range n.Attrs {
				if !allowedAttr(a[0], a[1]) {
					out = append(out, "attribute "+a[0]+"="+a[1])
				}
				if slices.ContainsFunc(n.Attrs[:i], func(b [2]string) bool { return b[0] == a[0] }) {
					out = append(out, "attribute "+a[0]+" twice")
				}
			}
		}
		for _, k := range n.Kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

// String renders the tree as indented text for golden tests: elements with
// their attributes, text quoted, HTML blocks verbatim.
func (n *Node) String() string {
	var b strings.Builder
	n.write(&b, 0)
	return b.String()
}

func (n *Node) write(b *strings.Builder, depth int) {
	ind := strings.Repeat("  ", depth)
	if n.Tag == "" {
		b.WriteString(ind + quote(n.Text) + "\n")
		return
	}
	b.WriteString(ind + "<" + n.Tag)
	for _, a := range n.Attrs {
		b.WriteString(" " + a[0] + "=" + quote(a[1]))
	}
	b.WriteString(">\n")
	if n.HTML != "" {
		b.WriteString(ind + "  html " + strings.TrimSpace(n.HTML) + "\n")
	}
	for _, k := range n.Kids {
		k.write(b, depth+1)
	}
}

// quote quotes s for String: backslash, double quote, CR, LF and tab
// escaped with a backslash.
func quote(s string) string {
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '"':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, c)
		}
	}
	return string(append(b, '"'))
}
