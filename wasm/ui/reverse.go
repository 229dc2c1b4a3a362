package ui

import (
	"strconv"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
)

// Reverse mode: a response a server sent, judged as each real client
// judges it (engine.Judge), next to the request the client sent.

// ReverseText is the #response pane's text in reverse mode: the judged
// response, each line of its exact bytes on its own line, with control and
// invisible bytes in the editor's notation.
func ReverseText(j *engine.Judgement) string { return Visible(string(j.Response)) }

// Accepting counts the clients that accept the response.
func Accepting(j *engine.Judgement) int {
	n := 0
	for _, c := range j.Clients {
		if c.Accepts {
			n++
		}
	}
	return n
}

// ReverseStatus is the short status announced in reverse mode.
func ReverseStatus(j *engine.Judgement) string {
	return strconv.Itoa(Accepting(j)) + " of " + plural(len(j.Clients), "client") + " accept this response."
}

// RespPos is where offset lies in a response: 1-based line (split at LF)
// and column in bytes, as the request's positions are given.
func RespPos(resp []byte, offset int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < offset && i < len(resp); i++ {
		if resp[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

func respWhere(j *engine.Judgement, sp engine.Span) string {
	if sp.Empty() {
		return ""
	}
	l, c := RespPos(j.Response, sp.Start)
	return "response line " + strconv.Itoa(l) + ", col " + strconv.Itoa(c)
}

// ReverseView is the Why pane in reverse mode: how many clients accept,
// the clients table (each client's verdict, its own error text, and the
// check of the trace it fails on, whose bytes the response editor
// highlights), then the checks a client makes, in order, and their notes.
func ReverseView(j *engine.Judgement) *Node {
	root := El("div", "class", "why reverse")
	cls := "verdict"
	if Accepting(j) < len(j.Clients) {
		cls += " bad"
	} else if len(j.Clients) > 0 {
		cls += " good"
	}
	root.Add(El("div", "class", cls).Add(
		El("p", "class", "status").AddText(ReverseStatus(j)),
		El("p", "class", "reason").AddText("Each client judges the response against the request it sent (what it offered), as RFC 6455 §4.1 and RFC 7692 ask of a client, and as its own code does.")))

	root.Add(El("h2", "id", "clients-heading").AddText("Clients"))
	table := El("table", "class", "clients", "aria-labelledby", "clients-heading")
	table.Add(El("thead").Add(El("tr").Add(
		El("th", "scope", "col").AddText("Client"),
		El("th", "scope", "col").AddText("Verdict"),
		El("th", "scope", "col").AddText("What it reports, and where"))))
	tbody := El("tbody")
	for _, c := range j.Clients {
		verdict, vcls := "accepts", "accepts"
		if !c.Accepts {
			verdict, vcls = "refuses", "refuses"
		}
		tr := El("tr", "class", "client "+vcls, "data-client", c.ID)
		tr.Add(addText(El("th", "scope", "row"), c.Title))
		tr.Add(El("td", "class", "client-verdict").AddText(verdict))
		reason := El("td", "class", "reason")
		if c.Reason != "" {
			reason.Add(addText(El("span", "class", "msg"), Visible(c.Reason)))
		}
		for _, r := range c.Refs {
			if r.RFC != 0 {
				reason.Add(Text(" "), El("a", "href", r.URL()).AddText(r.String()))
			}
		}
		// Where it fails: the check, a button that highlights its bytes
		// in the response editor.
		if c.Step >= 0 && c.Step < len(j.Trace) {
			s := j.Trace[c.Step]
			p := El("p", "class", "fails-at").AddText("Fails at: ")
			p.Add(addText(El("button", "type", "button", "class", "check", "data-step", strconv.Itoa(c.Step), "aria-pressed", "false"), s.Check))
			if w := respWhere(j, s.Span); w != "" {
				p.Add(Text(" "), El("span", "class", "where").AddText("("+w+")"))
			}
			reason.Add(p)
		}
		tbody.Add(tr.Add(reason))
	}
	root.Add(table.Add(tbody))

	root.Add(El("h2", "id", "rtrace-heading").AddText("What a client checks"))
	root.Add(stepsAndNotes(j.Trace, func(sp engine.Span) string { return respWhere(j, sp) }))
	return root
}

// RunClients is run()'s clients: [{id, title, accepts, reason, refs}] in
// the judgement's order; reason is the client's own error text ("" when
// it accepts), refs the sections it cites, as "RFC 6455 §4.1".
func RunClients(j *engine.Judgement) []any {
	out := make([]any, 0, len(j.Clients))
	for _, c := range j.Clients {
		refs := make([]any, 0, len(c.Refs))
		for _, r := range c.Refs {
			refs = append(refs, r.String())
		}
		out = append(out, map[string]any{"id": c.ID, "title": c.Title, "accepts": c.Accepts, "reason": c.Reason, "refs": refs})
	}
	return out
}

// ResponseOverlay is the content of the <pre> behind the response editor:
// its text with the bytes of the selected step (sel, -1 for none) and of
// every check a client fails on marked, and the invisible bytes (marks)
// shown. m maps response offsets to the editor text.
func ResponseOverlay(text string, j *engine.Judgement, m *editor.Map, sel int, marks []editor.Mark) *Node {
	var hs []highlight
	for i, s := range j.Trace {
		if s.Span.Empty() || (s.Outcome != engine.Fail && i != sel) {
			continue
		}
		cls := "diag"
		if i == sel {
			cls = "diag decisive"
		}
		a, b := m.TextOffset(s.Span.Start), m.TextOffset(s.Span.End)
		if b <= a {
			b = a + 1
		}
		hs = append(hs, highlight{min(a, len(text)), min(b, len(text)), cls, Summary(s)})
	}
	for _, mk := range marks {
		hs = append(hs, highlight{mk.Start, mk.End, "inv " + mk.Kind, mk.Title})
	}
	return overlayNodes(text, hs)
}
