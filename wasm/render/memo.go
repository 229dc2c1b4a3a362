package render

import (
	"strconv"

	"github.com/upgrade-playground/playground/engine"
)

// A Memo keeps the subtrees a view built on its last render, by key (a
// serialization of everything the subtree is built from). The next render
// reuses a subtree whose inputs did not change: it allocates nothing for
// it, and Patch, seeing the same node, skips it whole. A keystroke in one
// line of the request changes a few steps of the trace; the rest of the
// Why pane is reused. The nil Memo builds everything.
//
// A Memo holds one render's subtrees: Done starts the next render, and
// what that render does not reuse is dropped.
type Memo struct {
	last, cur map[string]*Node
	key       []byte
}

// lookup returns the subtree built from key, or nil.
func (m *Memo) lookup() *Node {
	if m == nil {
		return nil
	}
	if n := m.cur[string(m.key)]; n != nil {
		return n
	}
	if n := m.last[string(m.key)]; n != nil {
		m.store(n)
		return n
	}
	return nil
}

// store records the subtree built from the current key.
func (m *Memo) store(n *Node) *Node {
	if m != nil {
		if m.cur == nil {
			m.cur = map[string]*Node{}
		}
		m.cur[string(m.key)] = n
	}
	return n
}

// Done ends a render: its subtrees become the ones the next may reuse.
func (m *Memo) Done() {
	clear(m.last)
	m.last, m.cur = m.cur, m.last
}

// stepKey starts the key of a subtree about trace step i: its kind, the
// step, and where it is in the request.
func (m *Memo) stepKey(kind byte, i int, s engine.Step, where at, decisive bool) {
	if m == nil {
		return
	}
	k := append(m.key[:0], kind)
	k = strconv.AppendInt(k, int64(i), 10)
	k = append(k, 0, byte(s.Outcome), 0)
	if decisive {
		k = append(k, 'd')
	}
	k = append(k, s.Stage...)
	k = append(k, 0)
	k = append(k, s.Check...)
	k = append(k, 0)
	if s.Note != nil {
		k = append(k, s.Note.ID...)
	}
	for _, v := range s.Vars {
		k = append(k, 0)
		k = append(k, v.Name...)
		k = append(k, 1)
		k = append(k, v.Value...)
	}
	k = append(k, 0)
	k = strconv.AppendInt(k, int64(where.line), 10)
	k = append(k, ':')
	m.key = strconv.AppendInt(k, int64(where.col), 10)
}

// arrowKey makes the key of a diagram's arrow at height y.
func (m *Memo) arrowKey(msg message, y int) {
	if m == nil {
		return
	}
	k := append(m.key[:0], 'a')
	k = strconv.AppendInt(k, int64(y), 10)
	k = strconv.AppendBool(k, msg.fromClient)
	for _, s := range []string{msg.class, msg.label, msg.sub} {
		k = append(k, 0)
		k = append(k, s...)
	}
	m.key = k
}
