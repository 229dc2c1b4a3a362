package clientpeer

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// docFile is the matrix written up for readers, from a run of the real
// clients and reverse mode's verdicts.
const docFile = "../../docs/client-matrix.md"

// checkDoc rewrites docs/client-matrix.md with -update; otherwise it fails
// when the file is not what this run renders. A run without every client
// renders nothing (a skipped client is not a change).
func checkDoc(t *testing.T, r *run, judgedCells []judged) {
	if len(r.ran) != len(clients) {
		t.Logf("docs/client-matrix.md not checked: only %v ran", r.ran)
		return
	}
	doc := renderDoc(r, judgedCells)
	if *update {
		if err := os.WriteFile(docFile, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(docFile)
	if err != nil || withoutWords(string(old)) != withoutWords(doc) {
		t.Errorf("docs/client-matrix.md is stale: go test ./engine/clientpeer -run TestClientMatrix -update")
	}
}

// mdCell escapes text for a markdown table cell.
func mdCell(s string) string {
	s = strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;", ">", "&gt;", "`", "'").Replace(s)
	return s
}

func renderDoc(r *run, judgedCells []judged) string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w(`# The client matrix

What real WebSocket and h2c clients do with a server's answer to their
upgrade request, one change at a time, and whether reverse mode
(engine.Judge) says the same. Written by
` + "`go test ./engine/clientpeer -run TestClientMatrix -update`" + ` from a
run of the real clients; the same test, without -update, fails when this
file, ` + "`engine/clientpeer/testdata/observed.txt`" + ` or reverse mode no
longer match what the clients do.

## How it is measured

A mock server on 127.0.0.1 (raw TCP, test code:
` + "`engine/clientpeer/mock_test.go`" + `) reads each client's handshake request
and answers it with one variation of the correct answer
(` + "`variations_test.go`" + `): the correct 101 has the Accept computed from
the request's key, the first offered subprotocol, and permessage-deflate
echoing the offer's parameters; each variation changes one thing. After a
101 the server answers the client's first message with one of its own;
the client **accepts** when that exchange completes, and otherwise
**refuses** with its own error text, recorded verbatim. curl has no
WebSocket checks: it accepts what it takes without an error (exit 0),
and the detail in observed.txt says whether it went on after the 101.

| Client | Version | How it is driven | Where the refusal text comes from |
| --- | --- | --- | --- |
| chromium | Debian's Chromium 156 | chromedp, one tab, ` + "`new WebSocket(url, protocols)`" + ` | the console message "WebSocket connection to '…' failed: …" (after "failed: ") |
| firefox | Debian's firefox-esr 153 | headless, a page of the mock server that reports each outcome by fetch | Firefox's own log (MOZ_LOG=nsWebSocket:5), the lines WebSocketChannel.cpp logs when it aborts |
| gorilla | gorilla/websocket 1.5.3 | ` + "`websocket.Dialer`" + ` | ` + "`err.Error()`" + ` |
| coder | coder/websocket 1.8.15 | ` + "`websocket.Dial`" + ` | ` + "`err.Error()`" + ` |
| ws | Node ws 8.23.1 | ` + "`new WebSocket(url, protocols, {perMessageDeflate})`" + ` | the error event's message |
| websockets | python-websockets 10.4 (Debian) | ` + "`websockets.connect(url, subprotocols=…, compression=…)`" + ` | exception class and message |
| curl | curl 7.88.1 (Debian) | a WebSocket handshake by hand (` + "`-H Upgrade: websocket …`" + `), and ` + "`--http2`" + ` for h2c | stderr |
| nghttp | nghttp2 1.52 (Debian) | ` + "`nghttp -u`" + ` (h2c only; no reverse-mode profile) | its [ERROR] lines |

Configurations: **default** offers no subprotocol and no compression
where the client lets one choose (Chromium and Firefox always offer
permessage-deflate: Chromium ` + "`permessage-deflate; client_max_window_bits`" + `,
Firefox ` + "`permessage-deflate`" + `); **subprotocols** offers ` + "`chat, superchat`" + `;
**compression** offers permessage-deflate (gorilla
` + "`permessage-deflate; server_no_context_takeover; client_no_context_takeover`" + `,
coder ` + "`permessage-deflate`" + `, ws and websockets
` + "`permessage-deflate; client_max_window_bits`" + `); **h2c** is an HTTP/1.1
request with ` + "`Upgrade: h2c`" + `. A variation runs only where it means
something for the offer. The requests are in
` + "`engine/clientpeer/testdata/requests.txt`" + `.

`)
	w("## Agreement with reverse mode\n\n")
	w("%d cells; for each, the request the client sent and the response the mock server sent go to engine.Judge, whose verdict for that client must be what the client did, or be listed in `engine/clientpeer/testdata/deliberate.txt`.\n\n", len(r.outcomes))
	w("| Client | Cells | Agree | Deliberate | Unexplained |\n| --- | --- | --- | --- | --- |\n")
	for _, cl := range clients {
		n, agree, delib := 0, 0, 0
		for _, j := range judgedCells {
			if j.Client != cl.ID {
				continue
			}
			n++
			if j.agree() {
				agree++
			} else if j.Deliberate != nil {
				delib++
			}
		}
		if n == 0 {
			w("| %s | %d | – | – | – (no profile) |\n", cl.ID, len(matrixCells(cl)))
			continue
		}
		w("| %s | %d | %d | %d | %d |\n", cl.ID, n, agree, delib, n-agree-delib)
	}
	var diffs []judged
	for _, j := range judgedCells {
		if !j.agree() {
			diffs = append(diffs, j)
		}
	}
	if len(diffs) > 0 {
		w("\nThe cells where reverse mode differs:\n\n| Variation | Configuration | Client | The client | Reverse mode | Deliberate? |\n| --- | --- | --- | --- | --- | --- |\n")
		for _, j := range diffs {
			why := "no"
			if j.Deliberate != nil {
				why = j.Deliberate.Reason
			}
			verdict := "refuses"
			if j.Judge.Accepted {
				verdict = "accepts"
			}
			w("| %s | %s | %s | %s | %s | %s |\n", j.Variation, j.Config, j.Client, mdCell(describe(j.Real)), verdict, mdCell(why))
		}
	}
	renderWords(w, judgedCells)

	renderSplits(w, r)
	w("\n## The matrix\n\n")
	w("✓ accepts, ✗ refuses (the error texts follow), – not run (the variation means nothing for the offer). For clients with several configurations, one mark per configuration in the order default / subprotocols / compression.\n\n")
	w("| Variation | What changes |")
	for _, cl := range clients {
		w(" %s |", cl.ID)
	}
	w("\n| --- | --- |")
	for range clients {
		w(" --- |")
	}
	w("\n")
	for _, v := range variations {
		w("| %s | %s |", v.ID, mdCell(v.Title))
		for _, cl := range clients {
			var marks []string
			for _, cfg := range cl.Configs {
				if (cfg == "h2c") != v.H2C {
					continue
				}
				o, ok := r.outcomes[cell{Client: cl.ID, Config: cfg, Variation: v.ID}]
				switch {
				case !ok:
					marks = append(marks, "–")
				case o.Accepted:
					marks = append(marks, "✓")
				default:
					marks = append(marks, "✗")
				}
			}
			w(" %s |", strings.Join(marks, " "))
		}
		w("\n")
	}

	w("\n## The error texts\n\nEach client's refusals, verbatim ({key}: the request's key; {accept}: the right Accept; PORT: the mock server's port), with the variations (and configurations) that produce them.\n")
	for _, cl := range clients {
		type group struct {
			reason string
			cells  []string
		}
		var groups []*group
		for _, c := range r.cells() {
			o := r.outcomes[c]
			if c.Client != cl.ID || o.Accepted {
				continue
			}
			i := slices.IndexFunc(groups, func(g *group) bool { return g.reason == o.Reason })
			if i < 0 {
				groups = append(groups, &group{reason: o.Reason})
				i = len(groups) - 1
			}
			name := c.Variation
			if len(cl.Configs) > 1 {
				name += " (" + c.Config + ")"
			}
			groups[i].cells = append(groups[i].cells, name)
		}
		w("\n### %s\n\n", cl.ID)
		if len(groups) == 0 {
			w("Accepts every variation.\n")
		} else {
			w("| Error text | Variations |\n| --- | --- |\n")
			for _, g := range groups {
				w("| %s | %s |\n", mdCell(g.reason), mdCell(compactCells(g.cells)))
			}
		}
		// curl accepts without switching: say which answers it took as
		// final.
		var noSwitch []string
		wentOn := true
		for _, c := range r.cells() {
			o := r.outcomes[c]
			switch {
			case c.Client != cl.ID || !o.Accepted:
			case strings.HasPrefix(o.Detail, "no switch"):
				noSwitch = append(noSwitch, c.Variation+" ("+c.Config+")")
			case !strings.HasPrefix(o.Detail, "went on"):
				wentOn = false
			}
		}
		if len(noSwitch) > 0 {
			w("\nAccepted without switching protocols (it took the response as the final one and ended with exit 0): %s.", compactCells(noSwitch))
			if wentOn {
				w(" After every other answer it accepted, it went on with the new protocol's bytes.")
			}
			w("\n")
		}
	}
	return b.String()
}

// compactCells joins "v (cfg)" names, writing a variation once with all
// its configurations.
func compactCells(names []string) string {
	var order []string
	cfgs := map[string][]string{}
	for _, n := range names {
		v, cfg, _ := strings.Cut(n, " (")
		if _, ok := cfgs[v]; !ok {
			order = append(order, v)
		}
		if cfg != "" {
			cfgs[v] = append(cfgs[v], strings.TrimSuffix(cfg, ")"))
		} else {
			cfgs[v] = cfgs[v][:0:0]
		}
	}
	var parts []string
	for _, v := range order {
		if len(cfgs[v]) == 0 {
			parts = append(parts, v)
			continue
		}
		parts = append(parts, v+" ("+strings.Join(cfgs[v], ", ")+")")
	}
	return strings.Join(parts, ", ")
}

// wordsHeading starts the section on reverse mode's refusal texts. The
// freshness check leaves it out: reverse mode's wording changes more often
// than its verdicts, and the section says which run it is from.
const wordsHeading = "## Reverse mode's words"

// renderWords compares the refusal texts: of the cells both refuse, those
// where one text contains the other, and the pairs that differ.
func renderWords(w func(string, ...any), judgedCells []judged) {
	w("\n%s\n\nOf the cells where the client and reverse mode both refuse, those where one's text contains the other's (as of the last -update; not checked for freshness).\n\n| Client | Both refuse | Same words |\n| --- | --- | --- |\n", wordsHeading)
	for _, cl := range clients {
		refuse, words := 0, 0
		for _, j := range judgedCells {
			if j.Client == cl.ID && !j.Real.Accepted && !j.Judge.Accepted {
				refuse++
				if j.sameWords() {
					words++
				}
			}
		}
		if refuse > 0 {
			w("| %s | %d | %d |\n", cl.ID, refuse, words)
		}
	}
	type pair struct{ client, real, judge string }
	var pairs []pair
	wordCells := map[pair][]string{}
	for _, j := range judgedCells {
		if j.Real.Accepted || j.Judge.Accepted || j.sameWords() {
			continue
		}
		p := pair{j.Client, j.Real.Reason, j.Judge.Reason}
		if _, ok := wordCells[p]; !ok {
			pairs = append(pairs, p)
		}
		wordCells[p] = append(wordCells[p], j.Variation+" ("+j.Config+")")
	}
	if len(pairs) > 0 {
		w("\nWhere the words differ:\n\n| Client | Variations | The client's text | Reverse mode's text |\n| --- | --- | --- | --- |\n")
		for _, p := range pairs {
			w("| %s | %s | %s | %s |\n", p.client, mdCell(compactCells(wordCells[p])), mdCell(p.real), mdCell(p.judge))
		}
	}
}

// withoutWords cuts the words section out of a rendering of the doc.
func withoutWords(doc string) string {
	i := strings.Index(doc, "\n"+wordsHeading+"\n")
	if i < 0 {
		return doc
	}
	rest := doc[i+1:]
	if j := strings.Index(rest, "\n## "); j >= 0 {
		return doc[:i+1] + rest[j+1:]
	}
	return doc[:i+1]
}

// renderSplits lists the variations on which the WebSocket clients
// disagree: which accept, which refuse (a client whose configurations
// differ is listed with the ones it refuses in).
func renderSplits(w func(string, ...any), r *run) {
	w("\n## Where the WebSocket clients disagree\n\nThe variations some of the six WebSocket clients accept and others refuse (curl and nghttp aside).\n\n| Variation | Accept | Refuse |\n| --- | --- | --- |\n")
	for _, v := range variations {
		if v.H2C {
			continue
		}
		var accept, refuse []string
		for _, cl := range clients {
			if cl.ID == "curl" || cl.ID == "nghttp" {
				continue
			}
			var yes, no []string
			for _, cfg := range cl.Configs {
				o, ok := r.outcomes[cell{Client: cl.ID, Config: cfg, Variation: v.ID}]
				switch {
				case !ok:
				case o.Accepted:
					yes = append(yes, cfg)
				default:
					no = append(no, cfg)
				}
			}
			switch {
			case len(no) == 0 && len(yes) > 0:
				accept = append(accept, cl.ID)
			case len(yes) == 0 && len(no) > 0:
				refuse = append(refuse, cl.ID)
			case len(yes) > 0:
				accept = append(accept, cl.ID+" ("+strings.Join(yes, ", ")+")")
				refuse = append(refuse, cl.ID+" ("+strings.Join(no, ", ")+")")
			}
		}
		if len(accept) > 0 && len(refuse) > 0 {
			w("| %s: %s | %s | %s |\n", v.ID, mdCell(v.Title), strings.Join(accept, ", "), strings.Join(refuse, ", "))
		}
	}
}
