package engine

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDecisive checks, on every golden exchange and every example, that
// Result.Decisive marks the step that produced the response, and no other:
// a refusal (a status of 400 or more) has a decisive step, a failed check
// whose note's Status is the response's; a response that refuses nothing
// (a 101, a 200, or none yet) has none. So no check that failed without
// producing the response (a WebSocket check when the server switches to
// h2c) is ever marked decisive.
func TestDecisive(t *testing.T) {
	for _, file := range exchangeFiles(t) {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			req, cfg := goldenInput(t, file)
			checkDecisive(t, Negotiate(req, &cfg))
		})
	}
}

func checkDecisive(t *testing.T, res *Result) {
	t.Helper()
	status, d := res.Status(), res.Decisive
	if d < -1 || d >= len(res.Trace) {
		t.Fatalf("Decisive = %d, outside the trace of %d steps", d, len(res.Trace))
	}
	if status >= 400 && d < 0 {
		t.Errorf("the response %d refuses the request, but no step is decisive:\n%s", status, FormatTrace(res))
	}
	if d < 0 {
		return
	}
	s := res.Trace[d]
	switch {
	case s.Outcome != Fail:
		t.Errorf("the decisive step is a %s step, not a failed check:\n%s", s.Outcome, FormatTrace(res))
	case s.Note == nil || s.Note.Status != status:
		t.Errorf("the decisive step's note does not give the response's status %d:\n%s", status, FormatTrace(res))
	}
}
