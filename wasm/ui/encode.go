package ui

import (
	"slices"
	"strconv"
	"strings"
)

// Encode and Patch serialize trees for the page's DOM program
// (site/app.js, playground._mount and playground._patch), so that updating
// a pane is one call from Go into JavaScript instead of one per element,
// attribute and text. The program creates nodes with createElement(NS),
// setAttribute and createTextNode, and sets innerHTML only from an H
// record (an element's goldmark HTML). Records end with NUL; the program
// keeps a stack of elements, the top being the current one:
//
//	E<tag>              create an element, add it to the current one, make it current
//	T<text>             create a text node and add it to the current element
//	A<name>\x01<value>  set an attribute on the current element
//	X<name>             remove an attribute from the current element
//	H<html>             set the current element's innerHTML (goldmark output)
//	C                   go back to the previous current element
//	D<i>                make the current element's child i current (a patch)
//	S<i>\x01<text>      set the text of the current element's child i, a text node
//	R<i>                the next E or T replaces child i instead of being appended
//	K<n>                remove the current element's children from index n on
//
// Both sanitize as they write: a tag off the allow list is written as
// span, an attribute off it is left out (see Sanitize). NUL and \x01 in
// names, values and text are replaced by U+FFFD, so no value can forge a
// record.

// Encode serializes the children of a tree, for mounting them in place of
// a pane's children.
func Encode(root *Node) string {
	var w writer
	for _, k := range root.Kids {
		w.node(k)
	}
	return string(w.b)
}

// Patch serializes what turns the pane showing old's children into one
// showing new's: "" when they are the same. Only what differs is written:
// changed texts and attributes in place, and whole subtrees where an
// element's kind or its HTML changed. The DOM must hold exactly what old
// describes (the adapter patches only a pane it mounted or patched).
func Patch(old, new *Node) string {
	var w writer
	w.kids(old, new)
	return string(w.b)
}

type writer struct{ b []byte }

func (w *writer) rec(op byte, s string) {
	w.b = append(w.b, op)
	w.clean(s)
	w.b = append(w.b, 0)
}

func (w *writer) index(op byte, i int) {
	w.b = append(w.b, op)
	w.b = strconv.AppendInt(w.b, int64(i), 10)
}

func (w *writer) attr(name, value string) {
	w.b = append(w.b, 'A')
	w.clean(name)
	w.b = append(w.b, 1)
	w.clean(value)
	w.b = append(w.b, 0)
}

func (w *writer) clean(s string) {
	if strings.IndexByte(s, 0) < 0 && strings.IndexByte(s, 1) < 0 {
		w.b = append(w.b, s...)
		return
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0 || c == 1 {
			w.b = append(w.b, "\uFFFD"...)
		} else {
			w.b = append(w.b, c)
		}
	}
}

// node writes a whole (sanitized) subtree.
func (w *writer) node(n *Node) {
	if n.Tag == "" {
		w.rec('T', n.Text)
		return
	}
	w.rec('E', safeTag(n.Tag))
	for _, a := range n.Attrs {
		if allowedAttr(a[0], a[1]) {
			w.attr(a[0], a[1])
		}
	}
	if n.HTML != "" {
		w.rec('H', n.HTML)
	}
	for _, k := range n.Kids {
		w.node(k)
	}
	w.b = append(w.b, 'C', 0)
}

// kids writes the changes from old's children to new's, the current
// element being the one that shows old.
func (w *writer) kids(old, new *Node) {
	for i, n := range new.Kids {
		if i >= len(old.Kids) {
			w.node(n)
			continue
		}
		o := old.Kids[i]
		switch {
		case o == n:
		case o.Tag == "" && n.Tag == "":
			if o.Text != n.Text {
				w.index('S', i)
				w.b = append(w.b, 1)
				w.clean(n.Text)
				w.b = append(w.b, 0)
			}
		case o.Tag == "" || n.Tag == "" || o.Tag != n.Tag && safeTag(o.Tag) != safeTag(n.Tag) || o.HTML != n.HTML:
			w.index('R', i)
			w.b = append(w.b, 0)
			w.node(n)
		default:
			mark := len(w.b)
			w.index('D', i)
			w.b = append(w.b, 0)
			inside := len(w.b)
			w.attrs(o, n)
			w.kids(o, n)
			if len(w.b) == inside {
				w.b = w.b[:mark] // nothing changed below
			} else {
				w.b = append(w.b, 'C', 0)
			}
		}
	}
	if len(old.Kids) > len(new.Kids) {
		w.index('K', len(new.Kids))
		w.b = append(w.b, 0)
	}
}

// attrs writes the attribute changes from o to n (allowed ones only).
// Views never give an element the same attribute twice (Violations).
func (w *writer) attrs(o, n *Node) {
	if slices.Equal(o.Attrs, n.Attrs) {
		return // the common case
	}
	for i, a := range n.Attrs {
		if i < len(o.Attrs) && o.Attrs[i] == a || !allowedAttr(a[0], a[1]) {
			continue
		}
		if v, ok := lastAllowed(o, a[0]); !ok || v != a[1] {
			w.attr(a[0], a[1])
		}
	}
	for i, a := range o.Attrs {
		if i < len(n.Attrs) && n.Attrs[i][0] == a[0] && allowedAttr(n.Attrs[i][0], n.Attrs[i][1]) || !allowedAttr(a[0], a[1]) {
			continue // still there (set above if it changed), or never shown
		}
		if _, ok := lastAllowed(n, a[0]); !ok {
			w.rec('X', a[0])
		}
	}
}

// lastAllowed returns the value the page shows for an attribute of n: the
// last allowed one of that name.
func lastAllowed(n *Node, name string) (string, bool) {
	for i := len(n.Attrs) - 1; i >= 0; i-- {
		if a := n.Attrs[i]; a[0] == name && allowedAttr(a[0], a[1]) {
			return a[1], true
		}
	}
	return "", false
}

func safeTag(tag string) string {
	if allowedTag(tag) {
		return tag
	}
	return "span"
}

// Apply runs an Encode or Patch program on a tree the way the page's DOM
// program runs it on the DOM (site/app.js), for tests.
func Apply(root *Node, spec string) {
	stack := []*Node{root}
	replace := -1
	add := func(top, n *Node) {
		if replace >= 0 && replace < len(top.Kids) {
			top.Kids[replace] = n
		} else {
			top.Kids = append(top.Kids, n)
		}
		replace = -1
	}
	for _, rec := range strings.Split(spec, "\x00") {
		if rec == "" {
			continue
		}
		top := stack[len(stack)-1]
		v := rec[1:]
		switch rec[0] {
		case 'E':
			e := &Node{Tag: v}
			add(top, e)
			stack = append(stack, e)
		case 'T':
			add(top, &Node{Text: v})
		case 'A':
			name, val, _ := strings.Cut(v, "\x01")
			setAttr(top, name, val)
		case 'X':
			top.Attrs = deleteAttr(top.Attrs, v)
		case 'H':
			top.HTML, top.Kids = v, nil
		case 'C':
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case 'D':
			if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < len(top.Kids) {
				stack = append(stack, top.Kids[i])
			}
		case 'S':
			is, text, _ := strings.Cut(v, "\x01")
			if i, err := strconv.Atoi(is); err == nil && i >= 0 && i < len(top.Kids) {
				top.Kids[i] = &Node{Text: text}
			}
		case 'R':
			if i, err := strconv.Atoi(v); err == nil {
				replace = i
			}
		case 'K':
			if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < len(top.Kids) {
				top.Kids = top.Kids[:i]
			}
		}
	}
}

// setAttr sets an attribute as the DOM does: in place when it exists,
// else appended.
func setAttr(n *Node, name, val string) {
	for i := range n.Attrs {
		if n.Attrs[i][0] == name {
			n.Attrs[i][1] = val
			return
		}
	}
	n.Attrs = append(n.Attrs, [2]string{name, val})
}

func deleteAttr(attrs [][2]string, name string) [][2]string {
	out := attrs[:0]
	for _, a := range attrs {
		if a[0] != name {
			out = append(out, a)
		}
	}
	return out
}

// Decode is Apply on an empty div: what the page builds from Encode's
// output, for tests.
func Decode(spec string) *Node {
	root := &Node{Tag: "div"}
	Apply(root, spec)
	return root
}
