package ui

import (
	"strconv"
	"strings"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
)

// ResponseText is the #response pane's text: the interim
// responses then the final one, each line of the exact bytes on its own
// line (CRLF shown as a line break).
func ResponseText(res *engine.Result) string {
	if res.Closed {
		return ClosedText
	}
	return strings.ReplaceAll(string(res.Bytes()), "\r\n", "\n")
}

// ResponseInfo is the line under the response: what the server does next.
func ResponseInfo(res *engine.Result) string {
	switch {
	case res.Closed:
		return closedInfo
	case res.Final == nil && res.Waiting != "":
		return "No response yet: the server is waiting for " + res.Waiting + "."
	case res.Final == nil:
		return "No response yet."
	case res.Switched != "":
		return "The connection now speaks " + res.Switched + "."
	}
	return ""
}

// StatusLine is the short status announced to screen readers.
func StatusLine(res *engine.Result) string {
	if res.Closed {
		return "Closed: the server closed the connection without answering."
	}
	if res.Final == nil {
		return "Waiting: no response yet."
	}
	s := strconv.Itoa(res.Final.Status) + " " + engine.ReasonPhrase(res.Final.Status)
	if res.Decisive >= 0 && res.Decisive < len(res.Trace) {
		s += ": " + Summary(res.Trace[res.Decisive])
	}
	return s
}

// After shows what crosses the connection after the response: the new
// protocol's first bytes, or the next request.
//
// The same WebSocket request as an RFC 8441 / RFC 9220 extended CONNECT
// (res.Elsewhere, parts whose protocol is an "(equivalent)") is not sent
// on this connection: it goes in a <details> after the real parts, so that
// the pane reads as the wire does. Its frames are built only when it is
// open (elsewhere); closed, it holds just its summary.
func After(res *engine.Result, elsewhere bool) *Node {
	root := El("div")
	for i, p := range res.After {
		root.Add(afterPart(i, p))
	}
	if !res.HasElsewhere() {
		return root
	}
	d := El("details", "class", "elsewhere")
	d.Add(El("summary").AddText("The same request on HTTP/2 and HTTP/3 (RFC 8441, RFC 9220), not on this connection"))
	if elsewhere {
		d.Attrs = append(d.Attrs, [2]string{"open", ""})
		for i, p := range res.Elsewhere() {
			d.Add(afterPart(len(res.After)+i, p))
		}
	}
	return root.Add(d)
}

// afterPart shows part i of the pane. Bytes that read as text are shown
// as text; binary ones (a hex dump) are one click away, in a closed
// <details>, after the fields decoded from them.
func afterPart(i int, p engine.Part) *Node {
	sec := El("section", "class", "part from-"+p.From, "data-part", strconv.Itoa(i))
	title := p.From + " → " + otherSide(p.From) + " (" + p.Proto + "): " + p.Title
	sec.Add(addText(El("h3"), title))
	var raw *Node
	if len(p.Bytes) > 0 {
		text, hex := showBytes(p.Bytes)
		pre := addText(El("pre", "class", "bytes", "tabindex", "0"), text)
		if hex {
			raw = El("details", "class", "raw").Add(El("summary").AddText("Raw bytes ("+plural(len(p.Bytes), "byte")+", hex)"), pre)
		} else {
			sec.Add(pre)
		}
	}
	if len(p.Fields) > 0 {
		dl := El("dl")
		for _, f := range p.Fields {
			dl.Add(El("dt").AddText(f.Name), addText(El("dd"), Visible(f.Value)))
		}
		sec.Add(dl)
	}
	if p.Note != nil {
		sec.Add(addText(El("p", "class", "summary"), Summary(engine.Step{Note: p.Note, Vars: p.Vars})))
	}
	return sec.Add(raw)
}

func otherSide(from string) string {
	if from == "server" {
		return "client"
	}
	return "server"
}

// showBytes shows bytes as text when they are mostly printable, else as a
// hex dump of at most 256 bytes (hex is then true).
func showBytes(b []byte) (text string, hex bool) {
	printable := 0
	for _, c := range b {
		if c >= 0x20 && c < 0x7f || c == '\r' || c == '\n' || c == '\t' {
			printable++
		}
	}
	if printable*10 >= len(b)*9 {
		return editor.Text(b, "crlf"), false
	}
	const hexdig = "0123456789abcdef"
	var s strings.Builder
	for i := 0; i < len(b) && i < 256; i += 16 {
		for j := i; j < i+16 && j < len(b); j++ {
			if j > i {
				s.WriteByte(' ')
			}
			s.WriteByte(hexdig[b[j]>>4])
			s.WriteByte(hexdig[b[j]&15])
		}
		s.WriteByte('\n')
	}
	if len(b) > 256 {
		s.WriteString("… (" + strconv.Itoa(len(b)) + " bytes)\n")
	}
	return s.String(), true
}

// outcomeIcons are each outcome's icon and its accessible name (an array,
// static data, not a map built when the .wasm starts).
var outcomeIcons = [...][2]string{
	engine.Pass:    {"✓", "passed"},
	engine.Fail:    {"✗", "failed"},
	engine.Skip:    {"–", "skipped"},
	engine.Explain: {"i", "note"},
}

// Explanation is the Why pane: the verdict (the status and its reason,
// which the page keeps at the top of the pane), every step of the trace
// in order (the deciding one marked), and the notes grouped by level.
func Explanation(res *engine.Result) *Node { return (*Memo)(nil).Explanation(res) }

// Explanation is the Why pane, reusing the steps and notes of the last
// render that did not change.
func (m *Memo) Explanation(res *engine.Result) *Node {
	root := El("div", "class", "why")
	root.Add(verdict(res))

	root.Add(traceHeading)
	steps := make([]*Node, len(res.Trace))
	for i, s := range res.Trace {
		steps[i] = m.step(false, i, s, position(res, s.Span), i == res.Decisive)
	}
	ol := m.list(-1, steps)
	if ol == nil {
		ol = m.keepList(-1, steps, &Node{Tag: "ol", Attrs: [][2]string{{"class", "trace"}, {"aria-labelledby", "trace-heading"}}, Kids: steps})
	}
	root.Add(ol)

	root.Add(notesHeading)
	for _, lt := range levelTitles {
		lv, title := lt.level, lt.title
		var notes []*Node
		for i, s := range res.Trace {
			if s.Note != nil && s.Note.Level == lv {
				notes = append(notes, m.step(true, i, s, position(res, s.Span), false))
			}
		}
		if len(notes) == 0 {
			continue
		}
		sec := m.list(int(lv), notes)
		if sec == nil {
			ul := &Node{Tag: "ul", Attrs: [][2]string{{"class", "notes"}}, Kids: notes}
			sec = m.keepList(int(lv), notes, El("section", "class", "level "+lv.String()).Add(El("h3").AddText(title), ul))
		}
		root.Add(sec)
	}
	if res.Hop != nil {
		root.Add(hopExplanation(res))
	}
	return root
}

// verdict is the head of the Why pane: the answer's status and, in one
// sentence, why: the decisive step's note with where its bytes are, or
// what happened when nothing failed.
func verdict(res *engine.Result) *Node {
	cls, status := "verdict", "no response yet"
	if res.Closed {
		status = "no response: the server closed the connection"
	}
	if res.Final != nil {
		status = statusText(res.Final.Status)
	}
	for i := len(res.Interim) - 1; i >= 0; i-- {
		status = statusText(res.Interim[i].Status) + ", then " + status
	}
	status = capitalize(status)
	reason := El("p", "class", "reason")
	if d := res.Decisive; d >= 0 && d < len(res.Trace) {
		cls += " bad"
		addText(reason, Summary(res.Trace[d]))
		if w := position(res, res.Trace[d].Span).String(); w != "" {
			reason.Add(Text(" "), El("span", "class", "where").AddText("("+w+")"))
		}
	} else {
		if res.Switched != "" {
			cls += " good"
		}
		addText(reason, capitalize(PredictReason(res)))
	}
	return El("div", "class", cls).Add(El("p", "class", "status").AddText(status), reason)
}

// capitalize upper-cases the first letter of a sentence.
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// The Why pane's fixed parts, shared by every render (views never change
// a node once built). Composite literals, not El calls: static data.
var (
	traceHeading = &Node{Tag: "h2", Attrs: [][2]string{{"id", "trace-heading"}}, Kids: []*Node{{Text: "Decision trace"}}}
	notesHeading = &Node{Tag: "h2", Attrs: [][2]string{{"id", "notes-heading"}}, Kids: []*Node{{Text: "Notes"}}}
	// levelTitles heads the notes of each level, in the pane's order.
	levelTitles = []struct {
		level engine.Level
		title string
	}{{engine.Bad, "Problems"}, {engine.Warn, "Warnings"}, {engine.Good, "What is right"}, {engine.Info, "Explanations"}}
)

// traceItem is step i of the trace; w is where its bytes are.
func traceItem(i int, s engine.Step, w string, decisive bool) *Node {
	cls := "step " + s.Outcome.String()
	if decisive {
		cls += " decisive"
	}
	li := El("li", "class", cls, "data-step", strconv.Itoa(i))
	var icon [2]string
	if int(s.Outcome) < len(outcomeIcons) {
		icon = outcomeIcons[s.Outcome]
	}
	li.Add(El("span", "class", "icon", "role", "img", "aria-label", icon[1]).AddText(icon[0]))
	li.Add(El("span", "class", "stage").AddText(s.Stage.String()))
	text := s.Check
	if s.Outcome == engine.Explain {
		text = Summary(s)
	}
	// The check is a button: selecting it highlights the step's bytes.
	li.Add(addText(El("button", "type", "button", "class", "check", "aria-pressed", "false"), text))
	if w != "" {
		li.Add(El("span", "class", "where").AddText(w))
	}
	if s.Note != nil && s.Outcome == engine.Fail {
		li.Add(addText(El("span", "class", "why-fail"), Summary(s)))
	}
	if decisive {
		li.Add(El("strong", "class", "badge").AddText("decides the response"))
	}
	return li
}

// noteItem is the note of step i: its summary (text), reference link,
// myth callout and the rendered detail; w is where its bytes are.
func noteItem(i int, s engine.Step, w string) *Node {
	n := s.Note
	li := El("li", "class", "note "+n.Level.String(), "id", "note-"+strconv.Itoa(i), "data-note", n.ID, "data-step", strconv.Itoa(i))
	li.Add(addText(El("p", "class", "summary"), Summary(s)))
	meta := El("p", "class", "ref")
	if n.Ref.RFC != 0 {
		meta.Add(El("a", "href", n.Ref.URL()).AddText(n.Ref.String()))
	}
	if w != "" {
		meta.Add(El("span", "class", "where").AddText(w))
	}
	li.Add(meta)
	if n.Myth != "" {
		li.Add(El("aside", "class", "callout myth").Add(El("p").AddText(n.Myth)))
	}
	if n.Detail != "" {
		li.Add(&Node{Tag: "div", Attrs: [][2]string{{"class", "detail"}}, HTML: labelControlsHTML(NoteHTML(n, s.Vars))})
	}
	return li
}

// Summary is a step's one-line text with its values made visible (control
// bytes, bidi and zero-width characters in the editor's notation).
func Summary(s engine.Step) string {
	if s.Note == nil {
		return s.Check
	}
	vars := make([]engine.Var, len(s.Vars))
	for i, v := range s.Vars {
		vars[i] = engine.Var{Name: v.Name, Value: Visible(v.Value)}
	}
	return engine.Expand(s.Note.Summary, vars)
}

// at is where a span starts in the request; the zero at for none.
type at struct{ line, col int }

func position(res *engine.Result, sp engine.Span) at {
	if sp.Empty() || res.Request == nil {
		return at{}
	}
	p := res.Request.Pos(sp.Start)
	return at{p.Line, p.Col}
}

// String names the position: "line 2, col 5", or "" for none.
func (a at) String() string {
	if a.line == 0 {
		return ""
	}
	return "line " + strconv.Itoa(a.line) + ", col " + strconv.Itoa(a.col)
}
