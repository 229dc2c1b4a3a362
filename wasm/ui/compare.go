package ui

import (
	"strconv"
	"strings"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/link"
)

// The side-by-side view: the same request answered by every server
// profile, one column each, in the page's order.

// A Column is one profile's answer to the compared request.
type Column struct {
	Profile *engine.Profile
	Result  *engine.Result
}

// CompareAll answers req with every profile at its library's defaults,
// behind the proxy (or none) the page has: the request stays the same,
// only the server changes.
func CompareAll(req []byte, proxy string) []Column {
	cols := make([]Column, 0, len(engine.Profiles()))
	for _, p := range engine.Profiles() {
		cfg := p.Config()
		cfg.Proxy = proxy
		cols = append(cols, Column{p, engine.Negotiate(req, &cfg)})
	}
	return cols
}

// CompareLink is playground.compare(fragment): the link decoded as the page
// decodes it (a link without a request compares defaultText, the editor's
// initial text), and every profile's answer as
// [{srv, title, status, response}], in the page's order. status is 0 when
// the server closes the connection without answering (or still waits);
// response holds the exact bytes, as #response shows them. A link the page
// would not open compares nothing: [].
func CompareLink(frag, defaultText string) []any {
	st, probs := link.Parse(frag)
	for _, p := range probs {
		if p.Fatal {
			return []any{}
		}
	}
	req := st.Request
	if req == nil {
		req = editor.Bytes(defaultText, st.EOL)
	}
	return CompareList(CompareAll(req, st.Config.Proxy))
}

// CompareList is playground.compare's value for the columns.
func CompareList(cols []Column) []any {
	out := make([]any, 0, len(cols))
	for _, c := range cols {
		out = append(out, map[string]any{
			"srv": c.Profile.ID, "title": c.Profile.Title, "status": c.Result.Status(), "response": string(c.Result.Bytes()),
		})
	}
	return out
}

// A compareRow is one line of the table: the status line, one field name
// (ASCII case-insensitively), or the body, with each column's text.
type compareRow struct {
	label string
	cells []string // "" where the answer has no such line
}

func (r compareRow) same() bool {
	for _, c := range r.cells[1:] {
		if c != r.cells[0] {
			return false
		}
	}
	return true
}

// compareRows lines the answers up: the status line, then every field name
// in order of first appearance (a field sent twice shows both lines in its
// cell, one per line), then the body.
func compareRows(cols []Column) []compareRow {
	status := compareRow{label: "Status line", cells: make([]string, len(cols))}
	body := compareRow{label: "Body", cells: make([]string, len(cols))}
	var names []string
	fields := make([][]engine.Header, len(cols))
	for i, c := range cols {
		var b string
		status.cells[i], fields[i], b = headOf(c.Result)
		if c.Result.Closed {
			status.cells[i] = "closed, no answer"
		} else if c.Result.Final == nil {
			status.cells[i] = "no answer yet"
		}
		body.cells[i] = Visible(b)
		for _, h := range fields[i] {
			if !containsFold(names, h.Name) {
				names = append(names, h.Name)
			}
		}
	}
	rows := []compareRow{status}
	for _, n := range names {
		r := compareRow{label: n, cells: make([]string, len(cols))}
		for i := range cols {
			var lines []string
			for _, h := range fields[i] {
				if strings.EqualFold(h.Name, n) {
					lines = append(lines, Visible(h.Name+": "+h.Value))
				}
			}
			r.cells[i] = strings.Join(lines, "\n")
		}
		rows = append(rows, r)
	}
	return append(rows, body)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// CompareView is the side-by-side view's content: a table with one column
// per profile, where only the lines that differ between the answers are
// shown (each cell that differs from the RFC server's marked), the lines
// every answer shares folded into one list below it, and then every
// difference explained from the notes the engine raised for that profile.
func CompareView(cols []Column) *Node {
	root := El("div", "class", "compare-body")
	if len(cols) == 0 {
		return root
	}
	rows := compareRows(cols)
	scroll := El("div", "class", "compare-scroll", "tabindex", "0", "role", "region", "aria-label", "Every server's answer, one column each (scrolls sideways)")
	table := El("table", "class", "compare-table")
	table.Add(El("caption").AddText("The same request, answered by " + plural(len(cols), "server") + "; only the lines that differ are shown, a highlighted cell differs from the RFC server's."))
	head := El("tr").Add(El("th", "scope", "col").AddText("Line"))
	for _, c := range cols {
		head.Add(El("th", "scope", "col", "data-srv", c.Profile.ID).AddText(c.Profile.Title))
	}
	table.Add(El("thead").Add(head))
	tbody := El("tbody")
	var same []compareRow
	for _, r := range rows {
		if r.same() {
			if r.cells[0] != "" {
				same = append(same, r)
			}
			continue
		}
		tr := El("tr", "class", "diff")
		tr.Add(addText(El("th", "scope", "row"), Visible(r.label)))
		for i, cell := range r.cells {
			cls := "cell"
			if cell != r.cells[0] {
				cls += " differs"
			}
			td := El("td", "class", cls, "data-srv", cols[i].Profile.ID)
			if cell == "" {
				td.Add(El("span", "class", "missing").AddText("(none)"))
			} else {
				addText(td, cell)
			}
			tr.Add(td)
		}
		tbody.Add(tr)
	}
	if len(tbody.Kids) == 0 {
		tbody.Add(El("tr").Add(El("td", "colspan", strconv.Itoa(len(cols)+1)).AddText("Every server sends exactly the same answer.")))
	}
	table.Add(tbody)
	root.Add(scroll.Add(table))
	if len(same) > 0 {
		d := El("details", "class", "compare-same")
		d.Add(El("summary").AddText("Identical in every answer (" + plural(len(same), "line") + ")"))
		pre := El("pre", "class", "bytes", "tabindex", "0")
		var lines []string
		for _, r := range same {
			lines = append(lines, r.cells[0])
		}
		addText(pre, strings.Join(lines, "\n"))
		root.Add(d.Add(pre))
	}
	root.Add(compareWhy(cols))
	return root
}

// compareWhy explains every answer that differs from the RFC server's:
// what differs, the notes the engine raised for that profile that the RFC
// server's answer does not have (each with the rule it cites), and what a
// client does with the answer.
func compareWhy(cols []Column) *Node {
	sec := El("section", "class", "compare-why", "aria-labelledby", "compare-why-heading")
	sec.Add(El("h3", "id", "compare-why-heading").AddText("What the differences mean"))
	ref := cols[0].Result
	refNotes := map[string]bool{}
	for _, s := range ref.Trace {
		if s.Note != nil {
			refNotes[s.Note.ID] = true
		}
	}
	differ := false
	for _, c := range cols[1:] {
		if string(c.Result.Bytes()) == string(ref.Bytes()) && c.Result.Closed == ref.Closed {
			continue
		}
		differ = true
		art := El("article", "class", "compare-profile", "data-srv", c.Profile.ID)
		art.Add(El("h4").AddText(c.Profile.Title))
		art.Add(addText(El("p"), c.Profile.Title+" answers "+statusOrClosed(c.Result)+"; the RFC server, which answers as the RFCs ask, "+statusOrClosed(ref)+". "+clientOutcome(c.Result)))
		ul := El("ul", "class", "notes")
		for i, s := range c.Result.Trace {
			n := s.Note
			if n == nil || refNotes[n.ID] && i != c.Result.Decisive {
				continue
			}
			if n.Level != engine.Bad && n.Level != engine.Warn && i != c.Result.Decisive {
				continue
			}
			li := El("li", "class", "note "+n.Level.String(), "data-note", n.ID)
			li.Add(addText(El("p", "class", "summary"), Summary(s)))
			if n.Ref.RFC != 0 {
				li.Add(El("p", "class", "ref").Add(El("a", "href", n.Ref.URL()).AddText(n.Ref.String())))
			}
			ul.Add(li)
		}
		if len(ul.Kids) > 0 {
			art.Add(ul)
		} else {
			art.Add(El("p").AddText("The engine raised no note of its own for this difference: the RFCs leave this choice to the server."))
		}
		sec.Add(art)
	}
	if !differ {
		sec.Add(El("p").AddText("Every server answers this request exactly as the RFC server does."))
	}
	return sec
}

// clientOutcome says, in one sentence, what a client does with an answer
// to an upgrade.
func clientOutcome(res *engine.Result) string {
	switch {
	case res.Closed:
		return "The client sees the connection close before any status line: every client reports a failed handshake."
	case res.Final == nil:
		return "The client waits."
	case res.Switched != "":
		return "The client goes on in " + res.Switched + " on this connection (RFC 9110 §7.8)."
	case res.Final.Status == 101:
		return "The client reads the 101 and switches (RFC 9110 §15.2.2)."
	}
	return "A WebSocket client fails the handshake on any status other than 101 (RFC 6455 §4.1); an h2c client just reads the answer over HTTP/1.1 (RFC 7540 §3.2)."
}
