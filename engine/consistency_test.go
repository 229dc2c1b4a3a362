package engine

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// refusalNotes are the notes whose text says that this request is refused,
// found by reading every note for such wording: "as here", "so the server
// answers 426", "the server refuses the request", "this server answers
// 400.", "so it refuses", "this server demands the upgrade with 426", "This
// server requires TLS: 426", "This server answers a bad HTTP2-Settings with
// 500", "does not implement CONNECT". Each is raised only by the check that
// refuses the request, so none may appear under a 101 or a 2xx. The notes of
// the WebSocket handshake's checks say what this server answers such a
// handshake with, not what this request got: when another offer is accepted
// (upgrade-websocket-fails-h2c-switches) they stand under a 101 to it.
// TestRefusalNotesListed keeps the list complete.
var refusalNotes = []string{
	"connect-not-implemented",
	"expect-final-instead",
	"h2-prior-knowledge-refused",
	"h2c-settings-500",
	"tls-required",
	"upgrade-without-connection-option-400",
	"upgrade-without-connection-option-426",
	"ws-only-endpoint",
	"ws-only-endpoint-400",
}

// refusalWording is the wording that assumes this request was refused; a
// note that uses it must be in refusalNotes. Step summaries, with their
// placeholders filled, are checked for it too (myth-websocket-h2 chooses its
// {answer} from the response).
var refusalWording = regexp.MustCompile(`(?i)as here|so the server (answers \d|refuses)|the server refuses the request|so it refuses|this server answers \d{3}\.|refused with \d|refuses it with \d|demands the upgrade with|requires TLS: 426|answers a bad HTTP2-Settings with 500`)

// switchClaims are the notes that say the server switches protocols, or
// describe the 101 or what follows it; none may appear when the response is
// a 417, which refuses the request before any Upgrade is considered.
var switchClaims = []string{
	"after-new-protocol",
	"expect-before-switch",
	"h2-client-bytes",
	"h2-client-preface",
	"h2-server-preface",
	"h2c-deprecated",
	"h2c-response",
	"h2c-stream-1",
	"switched",
	"tls-client-hello",
	"tls-mandatory-upgrade",
	"tls-optional-upgrade",
	"tls-stack",
	"upgrade-chosen",
	"ws-accept",
	"ws-deflate-accepted",
	"ws-early-data",
	"ws-subprotocol-chosen",
}

// TestTraceMatchesResponse checks, on every golden exchange and every
// gallery example, that the trace never contradicts the response: under a
// 101 or a 2xx no step's note assumes a refusal, and under a 417 no step
// claims a switch.
func TestTraceMatchesResponse(t *testing.T) {
	for _, file := range exchangeFiles(t) {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			req, cfg := goldenInput(t, file)
			checkTraceMatches(t, Negotiate(req, &cfg))
		})
	}
}

func checkTraceMatches(t *testing.T, res *Result) {
	t.Helper()
	switch st := res.Status(); {
	case st == 101 || st >= 200 && st < 300:
		for _, s := range res.Trace {
			if s.Note != nil && slices.Contains(refusalNotes, s.Note.ID) {
				t.Errorf("the response is %d, but note %s assumes a refusal:\n%s", st, s.Note.ID, FormatTrace(res))
			}
			if refusalWording.MatchString(s.Summary()) {
				t.Errorf("the response is %d, but a step says %q:\n%s", st, s.Summary(), FormatTrace(res))
			}
		}
		for _, p := range res.Elsewhere() {
			if p.Note != nil && refusalWording.MatchString(Expand(p.Note.Summary, p.Vars)) {
				t.Errorf("the response is %d, but the part %q says %q", st, p.Title, Expand(p.Note.Summary, p.Vars))
			}
		}
	case st == 417:
		for _, s := range res.Trace {
			if s.Note != nil && slices.Contains(switchClaims, s.Note.ID) {
				t.Errorf("the response is 417, but note %s claims a switch:\n%s", s.Note.ID, FormatTrace(res))
			}
		}
		if res.Switched != "" || len(res.Interim) > 0 {
			t.Errorf("the response is 417, but the server switched to %q or sent %d interim responses", res.Switched, len(res.Interim))
		}
	}
}

// TestRefusalNotesListed keeps refusalNotes and switchClaims honest: every
// note whose text uses refusalWording is listed, and every listed ID is a
// note.
func TestRefusalNotesListed(t *testing.T) {
	for _, n := range Catalogue() {
		if refusalWording.MatchString(n.Summary+"\n"+n.Detail) && !slices.Contains(refusalNotes, n.ID) {
			t.Errorf("note %s assumes a refusal (%q): list it in refusalNotes, or word it as what this server answers such a request with",
				n.ID, refusalWording.FindString(n.Summary+"\n"+n.Detail))
		}
	}
	for _, id := range append(slices.Clone(refusalNotes), switchClaims...) {
		if LookupNote(id) == nil {
			t.Errorf("%s is not a note", id)
		}
	}
}

// fixCategories are the categories whose refusals are a failed upgrade or
// handshake: the developer who meets one needs the change that makes it
// succeed.
var fixCategories = []Category{Upgrade, WebSocket, H2C, TLS, Security, Expect}

// TestRefusalsEndWithFix checks that every Bad note with a Status in
// fixCategories ends its Detail with the plain fix a developer can apply,
// one sentence starting "Fix: ".
func TestRefusalsEndWithFix(t *testing.T) {
	for _, n := range Catalogue() {
		if n.Level != Bad || n.Status == 0 || !slices.Contains(fixCategories, n.Category) {
			continue
		}
		last := n.Detail
		if locs := sentenceBreak.FindAllStringIndex(n.Detail, -1); len(locs) > 0 {
			last = n.Detail[locs[len(locs)-1][0]+2:]
		}
		if !strings.HasPrefix(last, "Fix: ") || !strings.HasSuffix(last, ".") {
			t.Errorf("note %s (%d) does not end with a \"Fix: ...\" sentence; its last sentence is %q", n.ID, n.Status, last)
		}
	}
}
