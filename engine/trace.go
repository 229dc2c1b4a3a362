package engine

import "strconv"

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

// Stage is a stage of the decision procedure (see [Negotiate]); its String
// is the stage's name. A small integer rather than a string keeps a [Step],
// of which every request records a couple of dozen, small.
type Stage uint8

const (
	StageSyntax    Stage = iota // "syntax": the request-line and field lines (RFC 9112)
	StageFraming                // "framing": the message body's length (RFC 9112 §6)
	StageUpgrade                // "upgrade": Connection and Upgrade (RFC 9110 §7.8)
	StageWebSocket              // "websocket": the WebSocket handshake (RFC 6455 §4.2)
	StageH2C                    // "h2c": HTTP/2 over cleartext TCP (RFC 7540 §3.2)
	StageH2                     // "h2": HTTP/2 itself (RFC 9113)
	StageTLS                    // "tls": TLS within HTTP/1.1 (RFC 2817)
	StageMyth                   // "myth": what servers are believed to do
	StageExpect                 // "expect": Expect: 100-continue (RFC 9110 §10.1.1)
	StageResponse               // "response": the final response
	StageAfter                  // "after": the bytes that follow the response
)

var stageNames = [...]string{"syntax", "framing", "upgrade", "websocket", "h2c", "h2", "tls", "myth", "expect", "response", "after"}

func (s Stage) String() string { return stageNames[s] }

// A Step is one entry of the decision trace: a check the engine made, in the
// order it made it, with the bytes of the request it concerns and, where
// there is something to explain, the catalogue note that explains it.
type Step struct {
	Stage   Stage   // the stage of the decision procedure: syntax, framing, upgrade, websocket, ...
	Outcome Outcome // pass, fail, skip or note
	Check   string  // what was checked, as a short plain-text phrase
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

// trace records steps. Checking goes on after a failure, so that every
// problem is reported; which failure decides the response is up to the
// stage that makes the response (see negotiation.run).
type trace struct {
	steps []Step
	vars  []Var // the steps' Vars, one after the other (see keepVars)
	// refusal is the index of the first failed check whose note refuses
	// the request (a Bad note with a Status), or -1. It is the parser's
	// decision: the first such problem of the request decides its error
	// response.
	refusal int
	stage   Stage
	omitted int // steps dropped over maxSteps
	// prof is the server played: a Bad note whose check it does not make
	// (Profile.tolerate) refuses nothing, and a note says so.
	prof *Profile
	// bodyAt is where the message body starts (Request.HeaderEnd), or 0
	// before the header section has ended.
	bodyAt int
}

// maxSteps bounds the trace, so that a hostile paste (a million empty
// list elements, ten thousand bad lines) cannot freeze the page that shows
// it. A step that can decide the response (the first refusal, and each step
// recorded with refuse) is kept beyond it.
const maxSteps = 400

func newTrace() trace { return trace{refusal: -1} }

// reserve makes room for n steps in all (at most maxSteps and the last),
// and for their Vars, about two a step.
func (t *trace) reserve(n int) {
	n = min(n, maxSteps+1)
	if n > cap(t.steps) {
		t.steps = append(make([]Step, 0, n), t.steps...)
	}
	if 2*n > cap(t.vars) {
		t.vars = append(make([]Var, 0, 2*n), t.vars...)
	}
}

// add records a step and returns its index, or -1 when the trace is full
// and the step is not kept. The vars are copied (into t.vars), so that the
// callers' variadic arguments need no allocation of their own.
func (t *trace) add(o Outcome, check string, sp Span, n *Note, vars []Var, keep bool) int {
	first := t.refusal < 0 && o == Fail && n != nil && n.Level == Bad && n.Status != 0
	tolerated := o == Fail && t.prof != nil && (t.prof.tolerates(n) || t.lateProblem(n, sp, t.stage) || t.lenientInBody(n, sp, t.stage))
	if tolerated {
		first, keep = false, false
	}
	if len(t.steps) >= maxSteps && !first && !keep {
		t.omitted++
		return -1
	}
	if first {
		t.refusal = len(t.steps)
	}
	t.steps = append(t.steps, Step{Stage: t.stage, Outcome: o, Check: check, Span: sp, Note: n, Vars: t.keepVars(vars)})
	i := len(t.steps) - 1
	if tolerated {
		t.note(sp, noteProfileTolerated, t.prof.vars()...)
	}
	return i
}

// lateProblem reports whether a refusal is a problem of the message body
// that the profile's front finds only after the handler has answered
// (front.lateBody).
func (t *trace) lateProblem(n *Note, sp Span, stage Stage) bool {
	if t.prof == nil {
		return false
	}
	f := t.prof.front
	return f != nil && f.lateBody && n != nil && n.Level == Bad && stage == StageFraming && t.bodyAt > 0 && sp.Start >= t.bodyAt && !t.lenientInBody(n, sp, stage)
}

// lenientInBody reports whether a refusal is of a trailer field's name or
// of a chunk extension, which the profile's front does not check
// (front.bodyLenient).
func (t *trace) lenientInBody(n *Note, sp Span, stage Stage) bool {
	if t.prof == nil || t.prof.front == nil || !t.prof.front.bodyLenient || n == nil {
		return false
	}
	return stage == StageFraming && t.bodyAt > 0 && sp.Start >= t.bodyAt && (n == noteFieldNameNotToken || n == noteSpaceBeforeColon || n == noteChunkExtSyntax)
}

// keepVars copies vars into t.vars and returns the copy, capped so that an
// append to one step's Vars cannot overwrite the next step's; nil for none.
// When t.vars grows, the steps already recorded keep the old array.
func (t *trace) keepVars(vars []Var) []Var {
	if len(vars) == 0 {
		return nil
	}
	start := len(t.vars)
	t.vars = append(t.vars, vars...)
	return t.vars[start:len(t.vars):len(t.vars)]
}

// pass records a passed check, optionally explained by a note.
func (t *trace) pass(check string, sp Span, n *Note, vars ...Var) {
	t.add(Pass, check, sp, n, vars, false)
}

// fail records a failed check with the note that explains it.
func (t *trace) fail(check string, sp Span, n *Note, vars ...Var) {
	t.add(Fail, check, sp, n, vars, false)
}

// refuse records a failed check whose note (Bad, with a Status) gives the
// response that refuses the request, and returns the step's index, which
// the refusal carries (verdict.step). The step is kept however long the
// trace.
func (t *trace) refuse(check string, sp Span, n *Note, vars ...Var) int {
	return t.add(Fail, check, sp, n, vars, true)
}

// skip records a check that does not apply.
func (t *trace) skip(check string, sp Span, n *Note, vars ...Var) {
	t.add(Skip, check, sp, n, vars, false)
}

// note records an explanation that is not a check.
func (t *trace) note(sp Span, n *Note, vars ...Var) { t.add(Explain, n.Summary, sp, n, vars, false) }

// finish closes the trace, saying how many steps were left out, and
// returns its steps.
func (t *trace) finish() []Step {
	if t.omitted > 0 {
		t.steps = append(t.steps, Step{Stage: t.stage, Check: noteTraceTruncated.Summary, Outcome: Explain, Note: noteTraceTruncated,
			Vars: []Var{{"count", strconv.Itoa(t.omitted)}, {"limit", strconv.Itoa(maxSteps)}}})
	}
	return t.steps
}
