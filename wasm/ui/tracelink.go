package ui

import (
	"bytes"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
)

// StepsOnLine lists the trace steps about the request line that holds the
// byte offset off: those whose span touches the line (its terminator
// included). The page marks them when the editor's cursor is on the line.
func StepsOnLine(res *engine.Result, off int) []int {
	if res.Request == nil {
		return nil
	}
	raw := res.Request.Raw
	if off < 0 || off > len(raw) {
		return nil
	}
	start := bytes.LastIndexByte(raw[:off], '\n') + 1
	end := len(raw)
	if i := bytes.IndexByte(raw[off:], '\n'); i >= 0 {
		end = off + i + 1
	}
	var out []int
	for i, s := range res.Trace {
		if s.Span.Empty() {
			continue
		}
		if s.Span.Start < end && s.Span.End > start || s.Span.Start == start && start == end {
			out = append(out, i)
		}
	}
	return out
}

// StepMark is the overlay mark for a selected step: the editor text range
// of the step's span (at least one character, so that a point is seen).
func StepMark(res *engine.Result, step int, m *editor.Map, text string) (editor.Mark, bool) {
	if step < 0 || step >= len(res.Trace) {
		return editor.Mark{}, false
	}
	s := res.Trace[step]
	if s.Span.Empty() {
		return editor.Mark{}, false
	}
	a, b := m.TextOffset(s.Span.Start), m.TextOffset(s.Span.End)
	if b <= a {
		b = a + 1
	}
	if b > len(text) {
		b = len(text)
	}
	if a >= b {
		return editor.Mark{}, false
	}
	return editor.Mark{Start: a, End: b, Kind: "selected", Title: "selected step: " + Summary(s)}, true
}
