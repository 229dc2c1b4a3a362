package ui

import (
	"strconv"
	"strings"

	"github.com/upgrade-playground/playground/engine"
)

// The Server drawer's first part: which server plays (a profile, with its
// reference setup) and whether a proxy stands in front of it. The settings
// below it show the profile's values; those the learner changed are marked
// as overrides of the profile's defaults.

// Proxies are the proxy hop's choices in the drawer, as link values: none,
// or nginx's usual WebSocket recipe.
var proxyChoices = [][2]string{{"none", "No proxy: the client talks to the server"}, {"nginx", "nginx in front (the usual WebSocket recipe: proxy_set_header Upgrade $http_upgrade; Connection $connection_upgrade)"}}

// ProfileOf returns the profile cfg plays: the default server's when
// cfg.Server names none (or an unknown one).
func ProfileOf(cfg *engine.Config) *engine.Profile {
	if p := engine.LookupProfile(cfg.Server); p != nil {
		return p
	}
	return engine.LookupProfile("")
}

// ServerID is the profile id cfg plays: "rfc" for the default server.
func ServerID(cfg *engine.Config) string { return ProfileOf(cfg).ID }

// profileChooser is the drawer's profile select (name srv: the link key),
// the selected profile's setup sentence, and the proxy select (name proxy).
func profileChooser(cfg *engine.Config) *Node {
	cur := ProfileOf(cfg)
	fs := El("fieldset", "class", "group profile")
	fs.Add(El("legend").AddText("Server"))
	sel := El("select", "id", "set-srv", "name", "srv", "aria-describedby", "set-srv-help", "autocomplete", "off")
	for _, p := range engine.Profiles() {
		o := El("option", "value", p.ID, "title", p.Setup)
		if p == cur {
			o.Attrs = append(o.Attrs, [2]string{"selected", ""})
		}
		sel.Add(o.AddText(p.Title))
	}
	fs.Add(El("div", "class", "setting kind-choice").Add(
		El("label", "for", "set-srv").AddText("Server profile"), sel,
		El("small", "id", "set-srv-help", "class", "help").AddText(cur.Setup+" Choosing a profile resets every setting below to its defaults; what you change then shows as an override. (link key: srv)")))
	px := El("select", "id", "set-proxy", "name", "proxy", "aria-describedby", "set-proxy-help", "autocomplete", "off")
	for _, c := range proxyChoices {
		o := El("option", "value", c[0])
		if c[0] == cfg.Proxy || c[0] == "none" && cfg.Proxy == "" {
			o.Attrs = append(o.Attrs, [2]string{"selected", ""})
		}
		px.Add(o.AddText(c[0]))
	}
	help := proxyChoices[0][1]
	if cfg.Proxy != "" {
		help = proxyChoices[1][1]
	}
	fs.Add(El("div", "class", "setting kind-choice").Add(
		El("label", "for", "set-proxy").AddText("Proxy in front"), px,
		El("small", "id", "set-proxy-help", "class", "help").AddText(help+". (link key: proxy)")))
	return fs
}

// Overrides lists the keys of the settings in which cfg differs from its
// profile's defaults, in engine.Settings() order.
func Overrides(cfg *engine.Config) []string {
	base := ProfileOf(cfg).Config()
	var keys []string
	for _, s := range engine.Settings() {
		if s.Get(cfg) != s.Get(&base) {
			keys = append(keys, s.Key)
		}
	}
	return keys
}

// ClosedText is what #response shows when the server closed the
// connection without any answer: never a blank pane.
const ClosedText = "(no response: the server closed the connection without sending a single byte)"

// closedInfo explains the close under the response.
const closedInfo = "The server closed the connection without answering: the client sees the connection end before any status line, which every client reports as a failed handshake."

// Hops shows the proxy hop as the wire does: what the client sent to the
// proxy, what the proxy forwarded to the server, the server's answer to
// it, and what the proxy sent back; or, when the proxy answered the client
// itself, just that. Nil without a proxy.
func Hops(res *engine.Result) *Node {
	h := res.Hop
	if h == nil {
		return nil
	}
	root := El("div", "class", "hops")
	root.Add(addText(El("h3"), "Through "+h.Title))
	hop := func(cls, title, explain string, b []byte) {
		sec := El("section", "class", "hop "+cls)
		sec.Add(addText(El("h4"), title))
		if explain != "" {
			sec.Add(addText(El("p", "class", "hop-why"), explain))
		}
		text, _ := showBytes(b)
		if len(b) == 0 {
			text = "(nothing)"
		}
		sec.Add(addText(El("pre", "class", "bytes", "tabindex", "0"), text))
		root.Add(sec)
	}
	proxy := h.Proxy
	if res.Request != nil {
		hop("c2p", "1. client → "+proxy, "The request as the client sent it.", res.Request.Raw)
	}
	if h.Forwarded == nil {
		hop("p2c", "2. "+proxy+" → client", proxy+" answered the client itself: nothing reached the server. "+hopReason(h.Trace), res.Bytes())
		return root
	}
	hop("p2s", "2. "+proxy+" → server", "What "+proxy+" forwarded: it rewrites the hop-by-hop fields (RFC 9110 §7.6.1), sets Upgrade and Connection from its recipe, and speaks HTTP/1.1 to the server. "+hopReason(h.Trace), h.Forwarded)
	if b := h.Backend; b != nil {
		info := "The server's answer to what it received."
		if b.Closed {
			info = "The server closed the connection without answering."
		}
		hop("s2p", "3. server → "+proxy, info, b.Bytes())
	}
	end := "What reaches the client."
	if res.Closed {
		end = proxy + " closed the client's connection without answering."
	}
	hop("p2c", "4. "+proxy+" → client", end, res.Bytes())
	return root
}

// hopReason is the proxy's own deciding notes, as sentences.
func hopReason(trace []engine.Step) string {
	var parts []string
	for _, s := range trace {
		if s.Note != nil && (s.Note.Level == engine.Bad || s.Note.Level == engine.Warn) {
			parts = append(parts, Summary(s))
		}
	}
	return strings.Join(parts, " ")
}

// hopExplanation is the Why pane's part for a proxy: the proxy's own
// checks and notes, then the server's trace for what the proxy forwarded.
func hopExplanation(res *engine.Result) *Node {
	h := res.Hop
	sec := El("section", "class", "hop-why", "aria-labelledby", "hop-heading")
	sec.Add(addText(El("h2", "id", "hop-heading"), "The proxy hop: "+h.Title))
	if sameSteps(res.Trace, h.Trace) {
		sec.Add(addText(El("p"), "The decision trace above is "+h.Proxy+"'s, for the request the client sent (client → "+h.Proxy+"); below are the server's checks of what "+h.Proxy+" forwarded."))
	} else {
		sec.Add(addText(El("h3"), "At "+h.Proxy+" (client → "+h.Proxy+")"))
		sec.Add(stepsAndNotes(h.Trace, func(sp engine.Span) string { return position(res, sp).String() }))
	}
	if b := h.Backend; b != nil {
		sec.Add(addText(El("h3"), "At the server ("+h.Proxy+" → server)"))
		sec.Add(addText(El("p"), "The server answered what "+h.Proxy+" forwarded with "+statusOrClosed(b)+"."))
		sec.Add(stepsAndNotes(b.Trace, func(sp engine.Span) string { return position(b, sp).String() }))
	} else {
		sec.Add(addText(El("p"), h.Proxy+" answered the client itself: nothing reached the server."))
	}
	return sec
}

// sameSteps reports whether two traces are the same steps (the result's
// trace is the proxy's own when the proxy decides what the client gets).
func sameSteps(a, b []engine.Step) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// stepsAndNotes lists a trace's steps and then its notes (a trace the
// Why pane's selection does not reach: a proxy's server, reverse mode);
// where says where a step's bytes are.
func stepsAndNotes(trace []engine.Step, where func(engine.Span) string) *Node {
	root := El("div")
	ol := El("ol", "class", "rtrace")
	ul := El("ul", "class", "notes")
	for i, s := range trace {
		w := where(s.Span)
		ol.Add(traceItem(i, s, w, false))
		if s.Note != nil {
			ul.Add(noteItem(i, s, w))
		}
	}
	root.Add(ol)
	if len(ul.Kids) > 0 {
		root.Add(ul)
	}
	return root
}

// statusOrClosed names a result's answer: "101 Switching Protocols", or
// that the server closed the connection.
func statusOrClosed(res *engine.Result) string {
	switch {
	case res.Closed:
		return "no answer at all (it closed the connection)"
	case res.Final == nil:
		return "nothing yet"
	}
	return statusText(res.Final.Status)
}

// headOf reads a result's final response as the comparison shows it: the
// status line as sent (after the interim statuses), the fields in wire
// order with their exact case, and the body.
func headOf(res *engine.Result) (status string, fields []engine.Header, body string) {
	if res.Closed || res.Final == nil {
		return "", nil, ""
	}
	text := string(res.Bytes())
	for range res.Interim {
		if i := strings.Index(text, "\r\n\r\n"); i >= 0 {
			text = text[i+4:]
		}
	}
	status, _, _ = strings.Cut(text, "\r\n")
	if status == "" { // HTTP/2 with prior knowledge: no HTTP/1.1 bytes
		status = ":status " + strconv.Itoa(res.Final.Status)
	}
	for _, r := range res.Interim {
		status = strconv.Itoa(r.Status) + ", then " + status
	}
	return Visible(status), res.Final.Headers, string(res.Final.Body)
}
