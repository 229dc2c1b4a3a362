package browser

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/gallery"
)

// apiVsPageJS opens a link in the running page (hashchange, then a frame)
// and returns what playground.run gives for it beside what the page shows:
// the response, the Why pane's notes and trace, and the After pane's parts.
const apiVsPageJS = `(async (h) => {
	await new Promise((r) => {
		addEventListener("hashchange", () => requestAnimationFrame(r), {once: true});
		location.hash = h;
	});
	const run = playground.run(h);
	const all = (s) => [...document.querySelectorAll(s)];
	return {
		Run: {
			Status: run.status, Response: run.response, Server: run.server,
			Notes: run.notes.map((n) => ({ID: n.id, Level: n.level, Summary: n.summary, Refs: n.refs})),
			Steps: run.steps.map((s) => ({Text: s.text, Verdict: s.verdict, Line: s.line, Col: s.col})),
			After: run.after.map((a) => ({From: a.from, Proto: a.proto, Title: a.title,
				Bytes: Array.from(a.bytes, (c) => c.charCodeAt(0))})),
		},
		Page: {
			Status: +document.getElementById("response").dataset.status,
			Response: document.getElementById("response").textContent,
			Notes: all("#explanation ul.notes > li.note").map((li) => ({ID: li.dataset.note,
				Summary: li.querySelector(".summary").textContent,
				Ref: (li.querySelector(".ref a") || {textContent: ""}).textContent})),
			Steps: all("#explanation ol.trace > li").map((li) => ({Class: li.className,
				Where: (li.querySelector(".where") || {textContent: ""}).textContent})),
			After: all("#after > section.part > h3").map((h) => h.textContent),
		},
	};
})`

type apiVsPage struct {
	Run struct {
		Status   int
		Response string
		Server   string
		Notes    []struct {
			ID, Level, Summary string
			Refs               []string
		}
		Steps []struct {
			Text, Verdict string
			Line, Col     int
		}
		After []struct {
			From, Proto, Title string
			Bytes              []int
		}
	}
	Page struct {
		Status   int
		Response string
		Notes    []struct{ ID, Summary, Ref string }
		Steps    []struct{ Class, Where string }
		After    []string
	}
}

// TestRunMatchesPage opens gallery examples and checks that
// playground.run's value for each link is what the page shows for it: the
// response, the notes in the Why pane's order with their summaries and
// references, the trace's verdicts and positions, and the parts after the
// response with their exact bytes.
func TestRunMatchesPage(t *testing.T) {
	p := openPage(t)
	p.open("")
	for _, id := range []string{"ws-rfc6455-sample", "seed-websocket", "h2c-curl", "sec-ws-frames-too-early", "syntax-bare-cr"} {
		t.Run(id, func(t *testing.T) {
			p := p.as(t)
			ex, ok := gallery.Lookup(id)
			if !ok {
				t.Fatalf("no example %s", id)
			}
			cfg := ex.Config()
			res := engine.Negotiate(ex.Request, &cfg)
			got := eval[apiVsPage](p, apiVsPageJS+`(`+strconv.Quote("ex="+id)+`)`)
			run, page := got.Run, got.Page

			if run.Status != ex.Expect || page.Status != run.Status || run.Server != "rfc" {
				t.Errorf("run: status %d, server %q; the page shows %d; the example expects %d", run.Status, run.Server, page.Status, ex.Expect)
			}
			if strings.ReplaceAll(run.Response, "\r\n", "\n") != page.Response {
				t.Errorf("run's response %q, the page shows %q", run.Response, page.Response)
			}

			if len(run.Notes) == 0 || len(run.Notes) != len(page.Notes) {
				t.Fatalf("run has %d notes, #explanation shows %d", len(run.Notes), len(page.Notes))
			}
			for i, n := range run.Notes {
				pn := page.Notes[i]
				if n.ID != pn.ID || n.Summary != pn.Summary {
					t.Errorf("note %d: run %s %q, the page %s %q", i, n.ID, n.Summary, pn.ID, pn.Summary)
				}
				if pn.Ref != "" && (len(n.Refs) == 0 || n.Refs[0] != pn.Ref) {
					t.Errorf("note %s: run's refs %q, the page cites %s", n.ID, n.Refs, pn.Ref)
				}
			}

			if len(run.Steps) != len(page.Steps) || len(run.Steps) != len(res.Trace) {
				t.Fatalf("run has %d steps, the page %d, the trace %d", len(run.Steps), len(page.Steps), len(res.Trace))
			}
			for i, s := range run.Steps {
				where := ""
				if s.Line > 0 {
					where = "line " + strconv.Itoa(s.Line) + ", col " + strconv.Itoa(s.Col)
				}
				if ps := page.Steps[i]; !strings.Contains(" "+ps.Class+" ", " "+s.Verdict+" ") || ps.Where != where || s.Text == "" {
					t.Errorf("step %d: run %q %s at %q, the page %q at %q", i, s.Text, s.Verdict, where, ps.Class, ps.Where)
				}
			}

			if len(run.After) != len(page.After) || len(run.After) != len(res.After) {
				t.Fatalf("run has %d parts after the response, the page %d, the engine %d", len(run.After), len(page.After), len(res.After))
			}
			for i, a := range run.After {
				to := map[string]string{"client": "server", "server": "client"}[a.From]
				if h := a.From + " → " + to + " (" + a.Proto + "): " + a.Title; h != page.After[i] {
					t.Errorf("part %d: run %q, the page %q", i, h, page.After[i])
				}
				want := res.After[i].Bytes
				same := len(a.Bytes) == len(want)
				for j := 0; same && j < len(want); j++ {
					same = a.Bytes[j] == int(want[j])
				}
				if !same {
					t.Errorf("part %d: run's bytes %v, the engine's %v", i, a.Bytes, want)
				}
			}
		})
	}
}

// malformedLinks are links whose keys and values are markup, markdown,
// line breaks, bidi controls and invisible characters; each must give a
// message that names the key and the value, visibly and as text.
var malformedLinks = []struct {
	frag string
	want string // in #link-message's text
}{
	{"ex=%3Cimg%20src%3Dx%3E", `(ex): there is no built-in example "<img src=x>"`},
	{"ex=%5Bx%5D(javascript%3Aalert(1))", `(ex): there is no built-in example "[x](javascript:alert(1))"`},
	{"ex=a%0D%0Ab", `(ex): there is no built-in example "a␍␊b"`},
	{"ex=%E2%80%AEabc", `(ex): there is no built-in example "⟨E2⟩⟨80⟩⟨AE⟩abc"`},
	{"ex=%E2%80%8B", `(ex): there is no built-in example "⟨E2⟩⟨80⟩⟨8B⟩"`},
	{"%3Csvg%20onload%3Dalert(1)%3E=%E2%81%A6", `(<svg onload=alert(1)>): unknown key "<svg onload=alert(1)>"`},
	{"%E2%80%AEkey=1", `(⟨E2⟩⟨80⟩⟨AE⟩key): unknown key "⟨E2⟩⟨80⟩⟨AE⟩key"`},
	{"mode=%3Cscript%3Ealert(1)%3C%2Fscript%3E", `(mode): unknown mode "<script>alert(1)</script>"`},
	{"eol=%0D%0A", `(eol): unknown line-ending mode "␍␊"`},
	{"lf=%E2%80%AEreject", `(lf): bad value "⟨E2⟩⟨80⟩⟨AE⟩reject"`},
	{"v=%3Cb%3E", `(v): unknown link format version "<b>"`},
}

// linkMessageJS returns #link-message's state: whether it is shown, its
// text, each item's text, and any element or attribute in it but the
// message's own paragraphs and list.
const linkMessageJS = `(() => {
	const m = document.getElementById("link-message");
	return {
		Hidden: m.hidden,
		Text: m.textContent,
		Items: [...m.querySelectorAll("li")].map((li) => li.textContent),
		Markup: [...m.querySelectorAll("*")].filter((e) => !["P", "UL", "LI"].includes(e.tagName) || e.attributes.length > 0).map((e) => e.outerHTML),
	};
})()`

type linkMessage struct {
	Hidden bool
	Text   string
	Items  []string
	Markup []string
}

// TestMalformedLinkMessages opens each malformed link, first as the
// address the page loads and then in the running page: #link-message
// names the problem (the key and the value, invisible characters in the
// editor's notation), is only text, and matches playground.run's problems.
func TestMalformedLinkMessages(t *testing.T) {
	p := openPage(t)
	check := func(frag, want string) {
		t.Helper()
		m := eval[linkMessage](p, linkMessageJS)
		switch {
		case m.Hidden:
			t.Errorf("link %q: no message", frag)
		case !strings.Contains(m.Text, want):
			t.Errorf("link %q: the message %q does not name the problem %q", frag, m.Text, want)
		}
		if len(m.Markup) > 0 {
			t.Errorf("link %q: the message holds markup %q", frag, m.Markup)
		}
		for _, r := range m.Text {
			if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp) {
				t.Errorf("link %q: the message holds %U, which hides or reorders text: %q", frag, r, m.Text)
			}
		}
		if probs := eval[[]string](p, `playground.run(`+strconv.Quote(frag)+`).problems`); strings.Join(probs, "\n") != strings.Join(m.Items, "\n") {
			t.Errorf("link %q: run's problems %q, the page lists %q", frag, probs, m.Items)
		}
		if bad := eval[[]string](p, domScanJS); len(bad) > 0 {
			t.Errorf("link %q: the DOM has %q", frag, bad)
		}
	}
	p.open(malformedLinks[0].frag) // a page opened by the link
	check(malformedLinks[0].frag, malformedLinks[0].want)
	for _, l := range malformedLinks[1:] {
		eval[float64](p, applyHashJS+`(`+strconv.Quote(l.frag)+`)`)
		check(l.frag, l.want)
	}
	// A good link hides the message again.
	eval[float64](p, applyHashJS+`("ex=ws-rfc6455-sample")`)
	if !eval[bool](p, `document.getElementById("link-message").hidden`) {
		t.Errorf("after a good link, the message is still shown: %q", eval[string](p, `document.getElementById("link-message").textContent`))
	}
}
