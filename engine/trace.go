package engine

// A Span is a half-open range [Start, End) of byte offsets into the request.
// The zero Span (0, 0) means "no particular bytes".
type Span struct{ Start, End int }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Outcome is what one check found.
type Outcome uint8

const (
	Pass    Outcome = iota // the check was made and the request passed it
	Fail                   // the check was made and the request failed it
	Skip                   // the check does not apply (and why is said)
	Explain                // an explanation, not a check
)

var outcomeNames = [...]string{"pass", "fail", "skip", "note"}

func (o Outcome) String() string { return outcomeNames[o] }

// A Step is one entry of the decision trace: a check the engine made, in the
// order it made it, with the bytes of the request it concerns and, where
// there is something to explain, the catalogue note that explains it.
type Step struct {
	Stage   string  // the stage of the decision procedure: "syntax", "framing", "upgrade", "websocket", ...
	Check   string  // what was checked, as a short plain-text phrase
	Outcome Outcome // pass, fail, skip or note
	Span    Span    // the request bytes concerned; empty for none
	Note    *Note   // the explanation, or nil
	Vars    []Var   // the values filling the note's placeholders
}

// Summary is the note's summary with its placeholders filled, or the check.
func (s Step) Summary() string {
	if s.Note == nil {
		return s.Check
	}
	return Expand(s.Note.Summary, s.Vars)
}

// trace records steps. The first Bad note with a Status that is raised by a
// failing check decides the final response (see decisive); checking goes on,
// so that every problem is reported.
type trace struct {
	steps    []Step
	decisive int // index of the deciding step, or -1
	stage    string
	omitted  int // steps dropped over maxSteps
}

// maxSteps bounds the trace, so that a hostile paste (a million empty
// list elements, ten thousand bad lines) cannot freeze the page that shows
// it. The deciding step is always kept.
const maxSteps = 400

func newTrace() trace { return trace{decisive: -1, steps: make([]Step, 0, 32)} }

func (t *trace) add(s Step) int {
	if s.Stage == "" {
		s.Stage = t.stage
	}
	deciding := t.decisive < 0 && s.Outcome == Fail && s.Note != nil && s.Note.Level == Bad && s.Note.Status != 0
	if len(t.steps) >= maxSteps && !deciding {
		t.omitted++
		return -1
	}
	t.steps = append(t.steps, s)
	i := len(t.steps) - 1
	if deciding {
		t.decisive = i
	}
	return i
}

// pass records a passed check, optionally explained by a note.
func (t *trace) pass(check string, sp Span, n *Note, vars ...Var) {
	t.add(Step{Check: check, Outcome: Pass, Span: sp, Note: n, Vars: vars})
}

// fail records a failed check with the note that explains it.
func (t *trace) fail(check string, sp Span, n *Note, vars ...Var) {
	t.add(Step{Check: check, Outcome: Fail, Span: sp, Note: n, Vars: vars})
}

// skip records a check that does not apply.
func (t *trace) skip(check string, sp Span, n *Note, vars ...Var) {
	t.add(Step{Check: check, Outcome: Skip, Span: sp, Note: n, Vars: vars})
}

// note records an explanation that is not a check.
func (t *trace) note(sp Span, n *Note, vars ...Var) {
	t.add(Step{Check: n.Summary, Outcome: Explain, Span: sp, Note: n, Vars: vars})
}

// finish closes the trace: it says how many steps were left out.
func (t *trace) finish() {
	if t.omitted > 0 {
		t.steps = append(t.steps, Step{Stage: t.stage, Check: noteTraceTruncated.Summary, Outcome: Explain, Note: noteTraceTruncated,
			Vars: []Var{v("count", itoa(t.omitted)), v("limit", itoa(maxSteps))}})
	}
}

// failed reports whether a decisive failure has been recorded.
func (t *trace) failed() bool { return t.decisive >= 0 }

// decidingNote returns the note of the deciding step, or nil.
func (t *trace) decidingNote() *Note {
	if t.decisive < 0 {
		return nil
	}
	return t.steps[t.decisive].Note
}

// v is shorthand for a Var.
func v(name, value string) Var { return Var{name, value} }
