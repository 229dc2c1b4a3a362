package ui

import "github.com/upgrade-playground/playground/engine"

// A Memo keeps the subtrees a view built on its last render, with what
// each was built from. The next render reuses a subtree whose inputs did
// not change: it allocates nothing for it, and Patch, seeing the same
// node, skips it whole. A keystroke in one line of the request changes a
// few steps of the trace; the rest of the Why pane is reused. The nil
// Memo builds everything.
//
// Subtrees are matched by position (the n-th step of the trace is
// compared with the last render's n-th), with the inputs compared field
// by field: no key is built and nothing is hashed. A Memo holds one
// render's subtrees: Done starts the next render.
type Memo struct {
	steps, lists, arrows, frames cache
}

// Done ends a render: its subtrees become the ones the next may reuse.
func (m *Memo) Done() {
	if m != nil {
		m.steps.done()
		m.lists.done()
		m.arrows.done()
		m.frames.done()
	}
}

// A cache holds the last render's subtrees and the current render's, in
// the order the view asked for them, with the inputs each was built from.
type cache struct{ last, cur []slot }

type slot struct {
	in input
	n  *Node
}

// input is what a subtree is built from. A cache holds one kind of
// subtree, and its inputs set only the fields that kind is built from;
// the others stay zero, so comparing every field compares what matters.
// One input type for every kind keeps the cache one piece of code: a
// generic cache, instantiated for each kind's input, cost the .wasm a copy
// of its code per kind.
type input struct {
	// A trace item or a note item (step): step i, s, at its position in
	// the request, decisive or not.
	note, decisive bool
	i              int
	s              engine.Step
	at             at
	// A list (list, keepList): which one, and its items.
	which int
	items []*Node
	// An arrow of the diagram (arrow): the message, at height y.
	msg message
	y   int
	// The diagram's actors and lifelines (lifelines): its height.
	height int
}

// same reports whether a subtree built from a is the one b would build.
func (a *input) same(b *input) bool {
	if a.note != b.note || a.decisive != b.decisive || a.i != b.i || a.at != b.at ||
		a.which != b.which || a.msg != b.msg || a.y != b.y || a.height != b.height ||
		a.s.Outcome != b.s.Outcome || a.s.Note != b.s.Note || a.s.Stage != b.s.Stage || a.s.Check != b.s.Check ||
		len(a.s.Vars) != len(b.s.Vars) || len(a.items) != len(b.items) {
		return false
	}
	for j := range a.s.Vars {
		if a.s.Vars[j] != b.s.Vars[j] {
			return false
		}
	}
	for j := range a.items {
		if a.items[j] != b.items[j] {
			return false
		}
	}
	return true
}

// reuse returns the subtree the last render built at this position if it
// was built from the same inputs, or nil (then the view builds it and
// calls keep).
func (c *cache) reuse(in *input) *Node {
	i := len(c.cur)
	if i < len(c.last) && c.last[i].in.same(in) {
		n := c.last[i].n
		c.cur = append(c.cur, slot{*in, n})
		return n
	}
	return nil
}

// keep records the subtree built at this position and returns it.
func (c *cache) keep(in *input, n *Node) *Node {
	c.cur = append(c.cur, slot{*in, n})
	return n
}

// get returns the subtree for in: the last render's at this position if
// it was built from the same inputs, else build's, kept for the next
// render. The nil cache (of the nil Memo) always builds.
func (c *cache) get(in input, build func(input) *Node) *Node {
	if c == nil {
		return build(in)
	}
	if n := c.reuse(&in); n != nil {
		return n
	}
	return c.keep(&in, build(in))
}

func (c *cache) done() {
	clear(c.last) // drop the old subtrees' references
	c.last, c.cur = c.cur, c.last[:0]
}

// step returns the trace item (or, with note, the note item) of step i,
// reusing the last render's when it is built from the same inputs.
func (m *Memo) step(note bool, i int, s engine.Step, pos at, decisive bool) *Node {
	var c *cache
	if m != nil {
		c = &m.steps
	}
	return c.get(input{note: note, i: i, s: s, at: pos, decisive: decisive}, buildStep)
}

func buildStep(in input) *Node {
	if in.note {
		return noteItem(in.i, in.s, in.at.String())
	}
	return traceItem(in.i, in.s, in.at.String(), in.decisive)
}

// arrow returns the diagram's arrow for a message at height y, reusing the
// last render's when it is the same.
func (m *Memo) arrow(msg message, y int) *Node {
	var c *cache
	if m != nil {
		c = &m.arrows
	}
	return c.get(input{msg: msg, y: y}, func(in input) *Node { return arrow(in.msg, in.y) })
}

// list returns the last render's container of a list when it held the
// very same items (with every item reused, the whole list is), or nil:
// then the view builds the container and calls keepList.
func (m *Memo) list(which int, items []*Node) *Node {
	if m == nil {
		return nil
	}
	return m.lists.reuse(&input{which: which, items: items})
}

// keepList records the container built for a list and returns it.
func (m *Memo) keepList(which int, items []*Node, n *Node) *Node {
	if m != nil {
		m.lists.keep(&input{which: which, items: items}, n)
	}
	return n
}

// lifelines returns the diagram's actors and lifelines for a diagram of
// the height, reusing the last render's when the height is the same.
func (m *Memo) lifelines(height int) *Node {
	var c *cache
	if m != nil {
		c = &m.frames
	}
	return c.get(input{height: height}, func(in input) *Node { return lifelines(in.height) })
}
