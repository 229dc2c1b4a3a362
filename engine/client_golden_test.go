package engine

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine/wiretext"
	"golang.org/x/tools/txtar"
)

// Reverse-mode goldens (testdata/client/*.txtar): the comment says what the
// case teaches; -- request -- is the client's request and -- response -- the
// server's response, both in wire text; -- trace -- and -- clients -- are
// Judge's output, rewritten by `go test ./engine -run ClientGolden -update`.
// Review the goldens' git diff.
func TestClientGolden(t *testing.T) {
	files := clientGoldenFiles(t)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, req, resp := clientGoldenInput(t, file)
			j := Judge(req, resp)
			checkReasonsExpanded(t, j)
			got := map[string][]byte{
				"trace":   []byte(FormatJudgeTrace(j)),
				"clients": []byte(FormatVerdicts(j)),
			}
			if *update {
				var files []txtar.File
				for _, f := range ar.Files {
					if _, gen := got[f.Name]; !gen {
						files = append(files, f)
					}
				}
				for _, name := range []string{"trace", "clients"} {
					files = append(files, txtar.File{Name: name, Data: got[name]})
				}
				ar.Files = files
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, f := range ar.Files {
				if want, gen := got[f.Name]; gen && !bytes.Equal(f.Data, want) {
					t.Errorf("-- %s -- differs (run go test ./engine -run ClientGolden -update and review the diff)\ngot:\n%s\nwant:\n%s", f.Name, want, f.Data)
				}
			}
		})
	}
}

func clientGoldenFiles(tb testing.TB) []string {
	files, _ := filepath.Glob("testdata/client/*.txtar")
	if len(files) == 0 {
		tb.Fatal("no reverse-mode golden files")
	}
	return files
}

func clientGoldenInput(tb testing.TB, file string) (ar *txtar.Archive, req, resp []byte) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	var haveReq, haveResp bool
	for _, f := range ar.Files {
		switch f.Name {
		case "request":
			req, haveReq = wiretext.Decode(string(f.Data)), true
		case "response":
			resp, haveResp = wiretext.Decode(string(f.Data)), true
		}
	}
	if !haveReq || !haveResp {
		tb.Fatalf("%s: needs -- request -- and -- response --", file)
	}
	return ar, req, resp
}

// FormatJudgeTrace writes a judgement's trace one step a line, as
// FormatTrace does, with positions in the response.
func FormatJudgeTrace(j *Judgement) string {
	var b strings.Builder
	for _, s := range j.Trace {
		id := "-"
		if s.Note != nil {
			id = s.Note.ID
		}
		pos := "-"
		if !s.Span.Empty() {
			a, z := j.Head.Pos(s.Span.Start), j.Head.Pos(s.Span.End)
			pos = fmt.Sprintf("%d:%d-%d:%d", a.Line, a.Col, z.Line, z.Col)
		}
		fmt.Fprintf(&b, "%s %s %s %s %s\n", s.Stage, s.Outcome, id, pos, s.Summary())
	}
	return b.String()
}

// FormatVerdicts writes one line per client: accepts, or refuses at a step
// with the client's message.
func FormatVerdicts(j *Judgement) string {
	var b strings.Builder
	for _, c := range j.Clients {
		if c.Accepts {
			fmt.Fprintf(&b, "%s accepts\n", c.ID)
			continue
		}
		fmt.Fprintf(&b, "%s refuses at step %d: %s\n", c.ID, c.Step, c.Reason)
	}
	return b.String()
}

// clientGoldenNotes adds the notes the reverse-mode goldens raise to used,
// and checks that each step has a value for every placeholder of its note
// (TestNotesInGoldens).
func clientGoldenNotes(t *testing.T, used map[string]string) {
	for _, file := range clientGoldenFiles(t) {
		_, req, resp := clientGoldenInput(t, file)
		for _, s := range Judge(req, resp).Trace {
			noteRaised(t, used, file, s.Note, s.Vars)
		}
	}
}

// clientSideNote reports whether the note is one of reverse mode's
// (client_notes.go): a Bad one there is a client's refusal, which sends no
// status.
func clientSideNote(n *Note) bool { return strings.HasPrefix(n.ID, "client-") }

// TestFindingsInGoldens checks that the reverse-mode goldens make every
// finding at least once, so that every client rule is exercised by a
// golden's verdicts.
func TestFindingsInGoldens(t *testing.T) {
	var made [numFindings]bool
	for _, file := range clientGoldenFiles(t) {
		_, req, resp := clientGoldenInput(t, file)
		j := newJudge(req, resp)
		for f := range made {
			made[f] = made[f] || j.found[f].ok
		}
	}
	for f, ok := range made {
		if !ok {
			t.Errorf("finding %d is made by no golden under testdata/client/", f)
		}
	}
}

// checkReasonsExpanded checks that every placeholder of the message a
// client refuses with got a value.
func checkReasonsExpanded(t *testing.T, j *Judgement) {
	t.Helper()
	for _, v := range j.Clients {
		for _, c := range clients {
			if c.ID != v.ID {
				continue
			}
			for _, r := range c.rules {
				for _, p := range Placeholders(r.reason) {
					if strings.Contains(v.Reason, "{"+p+"}") {
						t.Errorf("%s's reason has no value for {%s}: %s", v.ID, p, v.Reason)
					}
				}
			}
		}
	}
}
