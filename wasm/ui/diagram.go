package ui

import (
	"strconv"
	"strings"

	"github.com/upgrade-playground/playground/engine"
)

// Geometry of the sequence diagram, in viewBox units.
const (
	diagWidth   = 420
	diagClient  = 36
	diagServer  = 384
	diagTop     = 44
	diagRow     = 46
	diagMaxPart = 4
	diagLabel   = 46 // characters of a label before it is cut
)

// A message is one arrow of the sequence diagram.
type message struct {
	fromClient bool
	class      string
	label, sub string
}

// Exchange lists the messages of the exchange in words, in order: the
// request, interim responses, the final response (or the wait), the first
// parts after it and the close. The diagram draws them; its title reads
// them out.
func exchange(res *engine.Result) (msgs []message, end string) {
	req := message{fromClient: true, class: "msg request"}
	if r := res.Request; r != nil && (r.Method != "" || r.Target != "" || r.Version != "") {
		req.label = r.Method + " " + r.Target + " " + r.Version
		req.sub = plural(len(r.Raw), "byte")
		if len(r.Body) > 0 {
			req.sub += ", body " + plural(len(r.Body), "byte")
		}
	} else {
		req.label = "request"
		n := 0
		if r != nil {
			n = len(r.Raw)
		}
		req.sub = plural(n, "byte")
	}
	msgs = append(msgs, req)
	for _, r := range res.Interim {
		msgs = append(msgs, message{class: "msg interim", label: statusText(r.Status)})
	}
	switch {
	case res.Final == nil:
		end = "The server is still waiting"
		if res.Waiting != "" {
			end += " for " + res.Waiting
		}
		end += "."
	default:
		m := message{class: "msg final s" + strconv.Itoa(res.Final.Status/100) + "xx", label: statusText(res.Final.Status)}
		if res.Switched != "" {
			m.sub = "now speaking " + res.Switched
		} else if len(res.Final.Body) > 0 {
			m.sub = "body " + plural(len(res.Final.Body), "byte")
		}
		msgs = append(msgs, m)
	}
	var after []engine.Part
	for _, p := range res.After {
		// Parts marked "(equivalent)" show the same exchange on another
		// protocol; they are not sent on this connection.
		if !strings.HasSuffix(p.Proto, "(equivalent)") {
			after = append(after, p)
		}
	}
	for i, p := range after {
		if i == diagMaxPart {
			end = strings.TrimSpace(end + " " + plural(len(after)-diagMaxPart, "more part") + " follow.")
			break
		}
		m := message{fromClient: p.From == "client", class: "msg after from-" + p.From, label: p.Proto + ": " + p.Title}
		if len(p.Bytes) > 0 {
			m.sub = plural(len(p.Bytes), "byte")
		}
		msgs = append(msgs, m)
	}
	if res.Final != nil && closes(res.Final) {
		end = strings.TrimSpace(end + " The server closes the connection.")
	}
	return msgs, end
}

func closes(r *engine.Response) bool {
	for _, h := range r.Headers {
		if strings.EqualFold(h.Name, "Connection") && strings.Contains(strings.ToLower(h.Value), "close") {
			return true
		}
	}
	return false
}

func statusText(code int) string {
	return strconv.Itoa(code) + " " + engine.ReasonPhrase(code)
}

func plural(n int, unit string) string {
	s := strconv.Itoa(n) + " " + unit
	if n != 1 {
		s += "s"
	}
	return s
}

// cut shortens a label to diagLabel characters, invisible ones made
// visible first.
func cut(s string) string { return cutTo(s, diagLabel) }

// cutTo shortens s to n characters, invisible ones made visible first.
func cutTo(s string, n int) string {
	s = Visible(s)
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// DiagramTitle is the exchange in words: the diagram's accessible name.
func DiagramTitle(res *engine.Result) string { return diagramTitle(exchange(res)) }

func diagramTitle(msgs []message, end string) string {
	var parts []string
	for _, m := range msgs {
		who := "The server sends "
		if m.fromClient {
			who = "The client sends "
		}
		s := who + cut(m.label)
		if m.sub != "" {
			s += " (" + m.sub + ")"
		}
		parts = append(parts, s+".")
	}
	if end != "" {
		parts = append(parts, end)
	}
	return "Sequence diagram. " + strings.Join(parts, " ")
}

// Diagram is the sequence diagram of the exchange as SVG: client and
// server lifelines, one arrow per message, and the end of the exchange
// (the wait or the close). The adapter mounts the root's <svg> child.
func Diagram(res *engine.Result) *Node { return (*Memo)(nil).Diagram(res) }

// Diagram is the sequence diagram, reusing the arrows of the last render
// that did not change.
func (m *Memo) Diagram(res *engine.Result) *Node {
	msgs, end := exchange(res)
	height := diagTop + diagRow*len(msgs) + 40
	svg := El("svg", "class", "diagram", "viewBox", "0 0 "+strconv.Itoa(diagWidth)+" "+strconv.Itoa(height),
		"role", "img", "aria-labelledby", "diagram-title")
	svg.Add(El("title", "id", "diagram-title").AddText(diagramTitle(msgs, end)))
	svg.Add(m.lifelines(height))
	y := diagTop
	for _, msg := range msgs {
		y += diagRow / 2
		svg.Add(m.arrow(msg, y))
		y += diagRow / 2
	}
	if end != "" {
		cls := "end"
		if res.Final == nil {
			cls = "end waiting"
		}
		svg.Add(El("text", "class", cls, "x", strconv.Itoa(diagWidth/2), "y", strconv.Itoa(y+18), "text-anchor", "middle").AddText(cutTo(end, 64)))
	}
	return El("div").Add(svg)
}

// arrow draws one message at height y: a line, an arrowhead and the label
// above it (with the details below).
func arrow(m message, y int) *Node {
	x1, x2, dir := diagClient, diagServer, -1
	if !m.fromClient {
		x1, x2, dir = diagServer, diagClient, 1
	}
	g := El("g", "class", m.class)
	g.Add(El("line", "x1", strconv.Itoa(x1), "y1", strconv.Itoa(y), "x2", strconv.Itoa(x2+dir*8), "y2", strconv.Itoa(y)))
	tip := strconv.Itoa(x2) + "," + strconv.Itoa(y)
	back := x2 + dir*10
	g.Add(El("polygon", "class", "head", "points", tip+" "+strconv.Itoa(back)+","+strconv.Itoa(y-5)+" "+strconv.Itoa(back)+","+strconv.Itoa(y+5)))
	mid := strconv.Itoa((diagClient + diagServer) / 2)
	g.Add(El("text", "class", "label", "x", mid, "y", strconv.Itoa(y-6), "text-anchor", "middle").AddText(cut(m.label)))
	if m.sub != "" {
		g.Add(El("text", "class", "sub", "x", mid, "y", strconv.Itoa(y+15), "text-anchor", "middle").AddText(m.sub))
	}
	return g
}

// lifelines draws the client and the server, named, with their lifelines
// down to height.
func lifelines(height int) *Node {
	g := El("g", "class", "actors")
	for _, side := range []struct {
		x    int
		name string
	}{{diagClient, "Client"}, {diagServer, "Server"}} {
		g.Add(El("text", "class", "actor", "x", strconv.Itoa(side.x), "y", "20", "text-anchor", "middle").AddText(side.name))
		g.Add(El("line", "class", "lifeline", "x1", strconv.Itoa(side.x), "y1", "28", "x2", strconv.Itoa(side.x), "y2", strconv.Itoa(height-8)))
	}
	return g
}
