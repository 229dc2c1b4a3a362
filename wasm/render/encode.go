package render

import "strings"

// Encode serializes the children of a (sanitized) tree for the page's DOM
// builder (site/app.js, playground._mount), so that mounting a pane is one
// call from Go into JavaScript instead of one per element, attribute and
// text. The builder creates the nodes with createElement(NS),
// setAttribute and createTextNode, and sets innerHTML only from an H
// record (an element's goldmark HTML). Records end with NUL:
//
//	E<tag>            open an element (a child of the current one)
//	A<name>\x01<value> set an attribute on the current element
//	T<text>           append a text node
//	H<html>           set the current element's innerHTML (goldmark output)
//	C                 close the current element
//
// NUL and \x01 in names, values and text are replaced by U+FFFD, so no
// value can forge a record.
func Encode(root *Node) string {
	var b strings.Builder
	for _, k := range root.Kids {
		encode(&b, k)
	}
	return b.String()
}

func encode(b *strings.Builder, n *Node) {
	if n.Tag == "" {
		b.WriteByte('T')
		writeClean(b, n.Text)
		b.WriteByte(0)
		return
	}
	b.WriteByte('E')
	writeClean(b, n.Tag)
	b.WriteByte(0)
	for _, a := range n.Attrs {
		b.WriteByte('A')
		writeClean(b, a[0])
		b.WriteByte(1)
		writeClean(b, a[1])
		b.WriteByte(0)
	}
	if n.HTML != "" {
		b.WriteByte('H')
		writeClean(b, n.HTML)
		b.WriteByte(0)
	}
	for _, k := range n.Kids {
		encode(b, k)
	}
	b.WriteString("C\x00")
}

func writeClean(b *strings.Builder, s string) {
	if strings.IndexByte(s, 0) < 0 && strings.IndexByte(s, 1) < 0 {
		b.WriteString(s)
		return
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0 || c == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.WriteByte(c)
		}
	}
}

// Decode is the inverse of Encode (what the page's builder does), for
// tests: it returns a root holding the decoded children.
func Decode(spec string) *Node {
	root := &Node{Tag: "div"}
	stack := []*Node{root}
	for _, rec := range strings.Split(spec, "\x00") {
		if rec == "" {
			continue
		}
		top := stack[len(stack)-1]
		v := rec[1:]
		switch rec[0] {
		case 'E':
			e := &Node{Tag: v}
			top.Kids = append(top.Kids, e)
			stack = append(stack, e)
		case 'A':
			name, val, _ := strings.Cut(v, "\x01")
			top.Attrs = append(top.Attrs, [2]string{name, val})
		case 'T':
			top.Kids = append(top.Kids, &Node{Text: v})
		case 'H':
			top.HTML = v
		case 'C':
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	return root
}
