package ui

import (
	"encoding/base64"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/link"
	"github.com/upgrade-playground/playground/wasm/ui/markdown"
)

// TestRunLink checks each key of playground.run's value for a 101
// WebSocket, a 400, an h2c 101 with parts after the response and a link
// the page does not open.
func TestRunLink(t *testing.T) {
	const typed = "GET / HTTP/1.1\nHost: a\n\n" // the editor's text, for a link without req
	tests := []struct {
		name, frag string
		status     int
		switched   string
		decisive   string // "" for none
		problems   []string
		after      bool   // parts after the response
		shows      string // in a step's text and a note's summary
	}{
		{name: "websocket 101", frag: "ex=ws-rfc6455-sample", status: 101, switched: "websocket"},
		{name: "400", frag: "ex=seed-websocket", status: 400, decisive: "ws-key-missing"},
		{name: "h2c 101", frag: "ex=h2c-curl", status: 101, switched: "h2c", after: true},
		{name: "typed request", frag: "lf=accept", status: 200},
		{name: "invisible made visible", frag: "req=" + base64.RawURLEncoding.EncodeToString([]byte("GET /\u202ex HTTP/1.1\r\nHost: a\r\n\r\n")), status: 400, shows: "/⟨E2⟩⟨80⟩⟨AE⟩x"},
		{name: "fatal link", frag: "req=%%%", problems: []string{"malformed percent-encoding"}},
		{name: "problem kept", frag: "ex=ws-rfc6455-sample&x=%E2%80%AE", status: 101, switched: "websocket", problems: []string{`unknown key "x" (ignored)`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := RunLink(tc.frag, typed)
			checkPlain(t, "run()", got)
			res := linkResult(tc.frag, typed)

			if got["status"] != tc.status || got["switched"] != tc.switched || got["server"] != "rfc" {
				t.Errorf("status %v, switched %v, server %v; want %d, %q, rfc", got["status"], got["switched"], got["server"], tc.status, tc.switched)
			}
			if got["response"] != string(res.Bytes()) || got["text"] != ResponseText(res) {
				t.Errorf("response %q, text %q", got["response"], got["text"])
			}
			if tc.status != 0 && !strings.HasPrefix(got["response"].(string), "HTTP/1.1 ") {
				t.Errorf("response %q", got["response"])
			}
			if tc.decisive != "" && got["decisive"] != tc.decisive {
				t.Errorf("decisive %v, want %s", got["decisive"], tc.decisive)
			}

			probs := got["problems"].([]any)
			if len(probs) != len(tc.problems) {
				t.Fatalf("problems %q, want %d", probs, len(tc.problems))
			}
			for i, w := range tc.problems {
				if !strings.Contains(probs[i].(string), w) {
					t.Errorf("problem %q, want it to contain %q", probs[i], w)
				}
			}

			// steps: one per trace step, its text, verdict and position.
			steps := got["steps"].([]any)
			if len(steps) != len(res.Trace) {
				t.Fatalf("%d steps, the trace has %d", len(steps), len(res.Trace))
			}
			for i, s := range res.Trace {
				st := steps[i].(map[string]any)
				at := position(res, s.Span)
				if st["text"] != Summary(s) || st["verdict"] != s.Outcome.String() || st["line"] != at.line || st["col"] != at.col {
					t.Errorf("step %d = %v, want %q %s at %d:%d", i, st, Summary(s), s.Outcome, at.line, at.col)
				}
			}
			if tc.decisive != "" {
				d := steps[res.Decisive].(map[string]any)
				if d["verdict"] != "fail" || d["line"].(int) < 1 || d["col"].(int) < 1 {
					t.Errorf("the deciding step is %v", d)
				}
			}

			// notes: the Why pane's, in its order (bad first).
			notes := got["notes"].([]any)
			if len(notes) != len(res.Notes()) || len(res.Trace) > 0 && len(notes) == 0 {
				t.Fatalf("%d notes, the trace raises %d", len(notes), len(res.Notes()))
			}
			rank := map[string]int{}
			for i, lt := range levelTitles {
				rank[lt.level.String()] = i
			}
			last := 0
			for _, n := range notes {
				n := n.(map[string]any)
				note := engine.LookupNote(n["id"].(string))
				if note == nil || n["level"] != note.Level.String() {
					t.Fatalf("note %v", n)
				}
				if r := rank[note.Level.String()]; r < last {
					t.Errorf("note %s (%s) comes after a note of a later level", note.ID, note.Level)
				} else {
					last = r
				}
				if s := n["summary"].(string); s == "" || strings.Contains(s, "{") && !strings.Contains(note.Summary, "{") {
					t.Errorf("note %s: summary %q", note.ID, s)
				}
				refs := n["refs"].([]any)
				if note.Ref.RFC != 0 && (len(refs) == 0 || refs[0] != note.Ref.String()) {
					t.Errorf("note %s: refs %q, want %s first", note.ID, refs, note.Ref)
				}
			}
			if tc.decisive != "" && notes[0].(map[string]any)["level"] != "bad" {
				t.Errorf("the first note is %v, want a bad one", notes[0])
			}

			if tc.shows != "" {
				inStep := slices.ContainsFunc(steps, func(s any) bool { return strings.Contains(s.(map[string]any)["text"].(string), tc.shows) })
				inNote := slices.ContainsFunc(notes, func(n any) bool { return strings.Contains(n.(map[string]any)["summary"].(string), tc.shows) })
				if !inStep || !inNote {
					t.Errorf("%q in a step's text: %v, in a note's summary: %v", tc.shows, inStep, inNote)
				}
			}

			// after: the parts on this connection, with their exact bytes.
			after := got["after"].([]any)
			if len(after) != len(res.After) || tc.after != (len(after) > 0) {
				t.Fatalf("%d parts after, want %d", len(after), len(res.After))
			}
			for i, p := range res.After {
				a := after[i].(map[string]any)
				if a["from"] != p.From || a["proto"] != p.Proto || a["title"] != p.Title {
					t.Errorf("part %d = %v", i, a)
				}
				if b := fromLatin1(t, a["bytes"].(string)); string(b) != string(p.Bytes) {
					t.Errorf("part %d: bytes %q, want %q", i, b, p.Bytes)
				}
			}
			if tc.after && !slices.ContainsFunc(res.After, func(p engine.Part) bool {
				return strings.ContainsFunc(string(p.Bytes), func(r rune) bool { return r >= 0x80 || r == 0 })
			}) {
				t.Errorf("no part has a byte outside ASCII: the test does not exercise latin1")
			}
		})
	}
}

// linkResult is the result the page shows for a link: the engine's answer
// to the request (or the editor's text) and server it names, or nothing for
// a link the page does not open.
func linkResult(frag, typed string) *engine.Result {
	st, probs := link.Parse(frag)
	if slices.ContainsFunc(probs, func(p link.Problem) bool { return p.Fatal }) {
		return &engine.Result{Decisive: -1}
	}
	if st.Request == nil {
		st.Request = editor.Bytes(typed, st.EOL)
	}
	return engine.Negotiate(st.Request, &st.Config)
}

// checkPlain fails unless v holds only what syscall/js's ValueOf converts
// and run() uses: map[string]any, []any, string, int and bool.
func checkPlain(t *testing.T, path string, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			checkPlain(t, path+"."+k, x)
		}
	case []any:
		for _, x := range v {
			checkPlain(t, path+"[]", x)
		}
	case string, int, bool:
	default:
		t.Errorf("%s is a %T, which JavaScript does not get as a plain value", path, v)
	}
}

// fromLatin1 decodes latin1's output: one byte per character.
func fromLatin1(t *testing.T, s string) []byte {
	t.Helper()
	var b []byte
	for _, r := range s {
		if r > 0xff {
			t.Fatalf("%U in a Latin-1 string", r)
		}
		b = append(b, byte(r))
	}
	return b
}

func TestLatin1(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	for _, b := range [][]byte{nil, []byte("PRI * HTTP/2.0"), {0, 0x80, 0xff}, []byte("é"), all} {
		s := latin1(b)
		if utf8.RuneCountInString(s) != len(b) || string(fromLatin1(t, s)) != string(b) {
			t.Errorf("latin1(%q) = %q", b, s)
		}
	}
}

// TestPosition checks where a step's bytes start: 1-based lines split at
// LF (a CR alone does not end a line) and columns in bytes.
func TestPosition(t *testing.T) {
	tests := []struct {
		name, raw string
		span      engine.Span
		line, col int
	}{
		{"start", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", engine.Span{Start: 0, End: 3}, 1, 1},
		{"in the request-line", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", engine.Span{Start: 4, End: 5}, 1, 5},
		{"second line", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", engine.Span{Start: 16, End: 20}, 2, 1},
		{"the CR ending a line", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", engine.Span{Start: 14, End: 16}, 1, 15},
		{"bare LF", "a\nb\nc", engine.Span{Start: 4, End: 5}, 3, 1},
		{"bare CR", "a\rb", engine.Span{Start: 2, End: 3}, 1, 3},
		{"columns in bytes", "GET /\u00e9\u00e9 HTTP/1.1\r\n", engine.Span{Start: 10, End: 14}, 1, 11},
		{"the end", "GET / HTTP/1.1\r\n", engine.Span{Start: 16, End: 17}, 2, 1},
		{"empty span", "GET / HTTP/1.1\r\n", engine.Span{Start: 5, End: 5}, 0, 0},
		{"no span", "GET / HTTP/1.1\r\n", engine.Span{}, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			at := position(engine.Negotiate([]byte(tc.raw), nil), tc.span)
			if at.line != tc.line || at.col != tc.col {
				t.Errorf("position of %v in %q = %d:%d, want %d:%d", tc.span, tc.raw, at.line, at.col, tc.line, tc.col)
			}
		})
	}
	if at := position(&engine.Result{Decisive: -1}, engine.Span{Start: 1, End: 2}); at != (struct{ line, col int }{}) {
		t.Errorf("without a request: %v", at)
	}
}

// TestNoteRefs checks each catalogue note's refs: its Ref first, then
// every rfc: link of its detail (each known RFC's section, as the notes'
// compiler links it), each once.
func TestNoteRefs(t *testing.T) {
	rfcLink := regexp.MustCompile(`\]\((rfc:[^)]*)\)`)
	for _, n := range engine.Catalogue() {
		var want []string
		if n.Ref.RFC != 0 {
			want = append(want, n.Ref.URL())
		}
		for _, m := range rfcLink.FindAllStringSubmatch(n.Detail, -1) {
			if u, ok := markdown.RFCURL(m[1]); ok && !slices.Contains(want, u) {
				want = append(want, u)
			}
		}
		var got []string
		for _, r := range noteRefs(n) {
			ref, ok := parseRefString(r.(string))
			if !ok {
				t.Fatalf("note %s: ref %q is not like RFC 9110 §7.8", n.ID, r)
			}
			got = append(got, ref.URL())
		}
		if !slices.Equal(got, want) {
			t.Errorf("note %s: refs %q, want %q", n.ID, noteRefs(n), want)
		}
	}
}

// parseRefString reads "RFC 9110 §7.8" or "RFC 9110" back.
func parseRefString(s string) (engine.Ref, bool) {
	rest, ok := strings.CutPrefix(s, "RFC ")
	num, sec, hasSec := strings.Cut(rest, " §")
	r, err := strconv.Atoi(num)
	return engine.Ref{RFC: r, Section: sec}, ok && err == nil && (!hasSec || sec != "")
}

func TestRefOfURL(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for none
	}{
		{"https://www.rfc-editor.org/rfc/rfc9110#section-7.8", "RFC 9110 §7.8"},
		{"https://www.rfc-editor.org/rfc/rfc9112#appendix-C.2.2", "RFC 9112 §C.2.2"},
		{"https://www.rfc-editor.org/rfc/rfc6455", "RFC 6455"},
		{"https://www.rfc-editor.org/rfc/rfc6455#", ""},
		{"https://www.rfc-editor.org/rfc/rfc6455#page-3", ""},
		{"https://www.rfc-editor.org/rfc/rfc+6455", ""},
		{"https://www.rfc-editor.org/rfc/rfc", ""},
		{"https://example.com/rfc/rfc6455", ""},
	}
	for _, tc := range tests {
		got := ""
		if r, ok := refOfURL(tc.in); ok {
			got = r.String()
			if r.URL() != tc.in {
				t.Errorf("refOfURL(%q).URL() = %q", tc.in, r.URL())
			}
		}
		if got != tc.want {
			t.Errorf("refOfURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
