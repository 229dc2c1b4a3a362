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
	steps  cache[stepInput]
	lists  cache[listInput]
	arrows cache[arrowInput]
	frames cache[int]
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
// the order the view asked for them.
type cache[K any] struct{ last, cur []slot[K] }

type slot[K any] struct {
	in K
	n  *Node
}

// reuse returns the subtree the last render built at this position if it
// was built from the same inputs, or nil (then the view builds it and
// calls keep).
func (c *cache[K]) reuse(in K, same func(a, b K) bool) *Node {
	i := len(c.cur)
	if i < len(c.last) && same(c.last[i].in, in) {
		n := c.last[i].n
		c.cur = append(c.cur, slot[K]{in, n})
		return n
	}
	return nil
}

// keep records the subtree built at this position and returns it.
func (c *cache[K]) keep(in K, n *Node) *Node {
	c.cur = append(c.cur, slot[K]{in, n})
	return n
}

// get returns the subtree for in: the last render's at this position if
// it was built from the same inputs, else build's, kept for the next
// render. The nil cache (of the nil Memo) always builds.
func (c *cache[K]) get(in K, same func(a, b K) bool, build func(K) *Node) *Node {
	if c == nil {
		return build(in)
	}
	if n := c.reuse(in, same); n != nil {
		return n
	}
	return c.keep(in, build(in))
}

func (c *cache[K]) done() {
	clear(c.last) // drop the old subtrees' references
	c.last, c.cur = c.cur, c.last[:0]
}

// stepInput is what a trace item or a note item is built from.
type stepInput struct {
	note     bool // a note item, not a trace item
	i        int
	s        engine.Step
	at       at
	decisive bool
}

func sameStep(a, b stepInput) bool {
	if a.note != b.note || a.i != b.i || a.at != b.at || a.decisive != b.decisive ||
		a.s.Outcome != b.s.Outcome || a.s.Note != b.s.Note || a.s.Stage != b.s.Stage || a.s.Check != b.s.Check ||
		len(a.s.Vars) != len(b.s.Vars) {
		return false
	}
	for j := range a.s.Vars {
		if a.s.Vars[j] != b.s.Vars[j] {
			return false
		}
	}
	return true
}

// step returns the trace item (or, with note, the note item) of step i,
// reusing the last render's when it is built from the same inputs.
func (m *Memo) step(note bool, i int, s engine.Step, pos at, decisive bool) *Node {
	var c *cache[stepInput]
	if m != nil {
		c = &m.steps
	}
	return c.get(stepInput{note, i, s, pos, decisive}, sameStep, buildStep)
}

func buildStep(in stepInput) *Node {
	if in.note {
		return noteItem(in.i, in.s, in.at.String())
	}
	return traceItem(in.i, in.s, in.at.String(), in.decisive)
}

// arrowInput is what an arrow of the diagram is built from.
type arrowInput struct {
	msg message
	y   int
}

func sameArrow(a, b arrowInput) bool { return a == b }

// arrow returns the diagram's arrow for a message at height y, reusing the
// last render's when it is the same.
func (m *Memo) arrow(msg message, y int) *Node {
	var c *cache[arrowInput]
	if m != nil {
		c = &m.arrows
	}
	return c.get(arrowInput{msg, y}, sameArrow, func(in arrowInput) *Node { return arrow(in.msg, in.y) })
}

// listInput is what a list of subtrees is built from: which list, and its
// items.
type listInput struct {
	which int
	items []*Node
}

func sameList(a, b listInput) bool {
	if a.which != b.which || len(a.items) != len(b.items) {
		return false
	}
	for i := range a.items {
		if a.items[i] != b.items[i] {
			return false
		}
	}
	return true
}

// list returns the last render's container of a list when it held the
// very same items (with every item reused, the whole list is), or nil:
// then the view builds the container and calls keepList.
func (m *Memo) list(which int, items []*Node) *Node {
	if m == nil {
		return nil
	}
	return m.lists.reuse(listInput{which, items}, sameList)
}

// keepList records the container built for a list and returns it.
func (m *Memo) keepList(which int, items []*Node, n *Node) *Node {
	if m != nil {
		m.lists.keep(listInput{which, items}, n)
	}
	return n
}

func sameInt(a, b int) bool { return a == b }

// lifelines returns the diagram's actors and lifelines for a diagram of
// the height, reusing the last render's when the height is the same.
func (m *Memo) lifelines(height int) *Node {
	var c *cache[int]
	if m != nil {
		c = &m.frames
	}
	return c.get(height, sameInt, lifelines)
}
