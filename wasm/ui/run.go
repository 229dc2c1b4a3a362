package ui

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/link"
)

// RunLink is playground.run(fragment): the link decoded as the page decodes
// it, and RunResult for it. A link without a request runs defaultText, the
// editor's initial text; a link the page would not open (a fatal problem)
// runs nothing.
func RunLink(frag, defaultText string) map[string]any {
	st, probs := link.Parse(frag)
	for _, p := range probs {
		if p.Fatal {
			return RunResult(&engine.Result{Decisive: -1}, probs)
		}
	}
	req := st.Request
	if req == nil {
		req = editor.Bytes(defaultText, st.EOL)
	}
	out := RunResult(engine.Negotiate(req, &st.Config), probs)
	out["server"] = ServerID(&st.Config)
	if st.Response != nil {
		out["clients"] = RunClients(Judge(req, st.Response))
	}
	return out
}

// RunResult is playground.run(fragment)'s value: what the page shows for
// the link, as the plain values syscall/js converts (map[string]any, []any,
// string, int and bool):
//
//	status    the final status code, 0 while the server waits
//	response  the exact response bytes, interim responses first
//	text      the #response pane's text
//	switched  the protocol switched to, or ""
//	waiting   what the server still waits for, or ""
//	interim   the interim statuses
//	after     what crosses the connection after the response (runAfter)
//	notes     the Why pane's notes, in its order (runNotes)
//	steps     the decision trace (runSteps)
//	decisive  the ID of the note that decided the response, or ""
//	server    the server profile used ("rfc" for the default server)
//	closed    true when the server closed the connection without answering
//	          (status is then 0)
//	hop       with a proxy: what the proxy forwarded and what the server
//	          behind it answered ({proxy, forwarded, status, response});
//	          absent without a proxy
//	problems  the link's problems, each as #link-message shows it
func RunResult(res *engine.Result, problems []link.Problem) map[string]any {
	probs := make([]any, 0, len(problems))
	for _, p := range problems {
		probs = append(probs, p.String())
	}
	decisive := ""
	if res.Decisive >= 0 && res.Decisive < len(res.Trace) && res.Trace[res.Decisive].Note != nil {
		decisive = res.Trace[res.Decisive].Note.ID
	}
	interim := make([]any, 0, len(res.Interim))
	for _, r := range res.Interim {
		interim = append(interim, r.Status)
	}
	out := map[string]any{
		"status":   res.Status(),
		"response": string(res.Bytes()),
		"text":     ResponseText(res),
		"switched": res.Switched,
		"waiting":  res.Waiting,
		"interim":  interim,
		"after":    runAfter(res),
		"notes":    runNotes(res),
		"steps":    runSteps(res),
		"decisive": decisive,
		"server":   ServerID(&engine.Config{Server: res.Server}),
		"closed":   res.Closed,
		"problems": probs,
	}
	if res.Hop != nil {
		out["hop"] = runHop(res)
	}
	return out
}

// runHop is run()'s hop, for a result with a proxy.
func runHop(res *engine.Result) map[string]any {
	h := res.Hop
	out := map[string]any{"proxy": h.Proxy, "forwarded": latin1(h.Forwarded), "status": 0, "response": ""}
	if h.Backend != nil {
		out["status"], out["response"] = h.Backend.Status(), string(h.Backend.Bytes())
	}
	return out
}

// runAfter is run()'s after: [{from, proto, title, bytes}], one per part
// of the After pane that is on this connection (not the RFC 8441/9220
// comparison). bytes is a Latin-1 string (see latin1).
func runAfter(res *engine.Result) []any {
	out := make([]any, 0, len(res.After))
	for _, p := range res.After {
		out = append(out, map[string]any{
			"from": p.From, "proto": p.Proto, "title": p.Title, "bytes": latin1(p.Bytes),
		})
	}
	return out
}

// latin1 returns bytes as a string of one character per byte, each byte
// the code point of the same value (U+0000 to U+00FF, as ISO 8859-1 reads
// it). In JavaScript, s.length is then the number of bytes and
// s.charCodeAt(i) byte i: the exact bytes of a binary frame or preface
// survive, where a UTF-8 string would turn what is not UTF-8 into U+FFFD.
func latin1(b []byte) string {
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return string(out)
}

// runNotes is run()'s notes: [{id, level, summary, refs}], the notes of
// the Why pane in its order (by level: bad, warn, good, info; each level
// in trace order). summary is the plain text the pane shows (Summary: the
// placeholders filled, with control and invisible characters in the
// editor's notation); refs are the RFC sections the note cites (noteRefs).
func runNotes(res *engine.Result) []any {
	out := []any{}
	for _, lt := range levelTitles {
		for _, s := range res.Trace {
			if n := s.Note; n != nil && n.Level == lt.level {
				out = append(out, map[string]any{
					"id": n.ID, "level": n.Level.String(), "summary": Summary(s), "refs": noteRefs(n),
				})
			}
		}
	}
	return out
}

// runSteps is run()'s steps: [{text, verdict, line, col}], one per step
// of the trace. text is the step's plain text (Summary), verdict its
// outcome (pass, fail, skip, note), and line and col where its bytes start
// in the request, as the Why pane says it (position): 1-based, lines split
// at LF, columns in bytes; 0 and 0 when the step concerns no bytes.
func runSteps(res *engine.Result) []any {
	out := make([]any, 0, len(res.Trace))
	for _, s := range res.Trace {
		at := position(res, s.Span)
		out = append(out, map[string]any{
			"text": Summary(s), "verdict": s.Outcome.String(), "line": at.line, "col": at.col,
		})
	}
	return out
}

// noteRefs lists the RFC sections a note cites, as "RFC 9110 §7.8": its
// Ref, then every section its detail links to (each rfc: link of the
// markdown, which the page shows as a link to the RFC editor), in order,
// each once. The links are read from the note's compiled HTML, where they
// are exactly what the page shows.
func noteRefs(n *engine.Note) []any {
	refs := []any{}
	var seen []string // refs as strings: slices.Contains on []any would add a copy of its code to the .wasm
	add := func(r engine.Ref) {
		if s := r.String(); !slices.Contains(seen, s) {
			seen = append(seen, s)
			refs = append(refs, s)
		}
	}
	if n.Ref.RFC != 0 {
		add(n.Ref)
	}
	const open = `href="` + rfcURL
	for h := NoteHTML(n, nil); ; {
		i := strings.Index(h, open)
		if i < 0 {
			break
		}
		h = h[i+len(`href="`):]
		j := strings.IndexByte(h, '"')
		if j < 0 {
			break
		}
		if r, ok := refOfURL(h[:j]); ok {
			add(r)
		}
		h = h[j:]
	}
	return refs
}

// rfcURL begins every address engine.Ref.URL makes.
const rfcURL = "https://www.rfc-editor.org/rfc/rfc"

// refOfURL reads back an address made by engine.Ref.URL:
// ".../rfc9110#section-7.8" is RFC 9110 §7.8, ".../rfc9112#appendix-C.2.2"
// RFC 9112 §C.2.2 and ".../rfc6455" RFC 6455.
func refOfURL(u string) (engine.Ref, bool) {
	rest, ok := strings.CutPrefix(u, rfcURL)
	num, frag, hasFrag := strings.Cut(rest, "#")
	if !ok || num == "" || len(num) > 5 {
		return engine.Ref{}, false
	}
	r := engine.Ref{}
	for i := 0; i < len(num); i++ {
		if num[i] < '0' || num[i] > '9' {
			return engine.Ref{}, false
		}
		r.RFC = r.RFC*10 + int(num[i]-'0')
	}
	if hasFrag {
		sec, ok := strings.CutPrefix(frag, "section-")
		if !ok {
			sec, ok = strings.CutPrefix(frag, "appendix-")
		}
		if !ok || sec == "" {
			return engine.Ref{}, false
		}
		r.Section = sec
	}
	return r, true
}
