package clientpeer

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine"
)

const deliberateFile = "testdata/deliberate.txt"

// A deliberate difference: cells where reverse mode's verdict differs from
// what the real client did, on purpose, for one reason. Variation and
// configuration are path.Match patterns.
type deliberate struct {
	Line                      int
	Variation, Config, Client string
	Reason                    string
	matched                   int
}

func (d *deliberate) matches(c cell) bool {
	v, _ := path.Match(d.Variation, c.Variation)
	g, _ := path.Match(d.Config, c.Config)
	cl, _ := path.Match(d.Client, c.Client)
	return v && g && cl
}

// parseDeliberate reads deliberate.txt: "variation<TAB>configuration<TAB>
// client<TAB>reason" lines, # comments and blank lines.
func parseDeliberate(b []byte) ([]*deliberate, error) {
	var list []*deliberate
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 4)
		if len(f) != 4 || strings.TrimSpace(f[3]) == "" {
			return nil, fmt.Errorf("%s:%d: want variation<TAB>configuration<TAB>client<TAB>reason", deliberateFile, n)
		}
		for _, p := range f[:3] {
			if _, err := path.Match(p, ""); err != nil {
				return nil, fmt.Errorf("%s:%d: pattern %q: %v", deliberateFile, n, p, err)
			}
		}
		list = append(list, &deliberate{Line: n, Variation: f[0], Config: f[1], Client: f[2], Reason: f[3]})
	}
	return list, nil
}

// judged is the comparison of one cell: what the client did and what
// reverse mode says it does.
type judged struct {
	cell
	Real, Judge outcome
	Deliberate  *deliberate
}

func (j judged) agree() bool { return j.Real.Accepted == j.Judge.Accepted }

// sameWords reports whether the client's and reverse mode's refusal texts
// are the same words: one contains the other.
func (j judged) sameWords() bool {
	return j.Real.Reason != "" && j.Judge.Reason != "" &&
		(strings.Contains(j.Judge.Reason, j.Real.Reason) || strings.Contains(j.Real.Reason, j.Judge.Reason))
}

// judgeMatrix gives every cell's real request and response to engine.Judge
// and compares its verdict for that client with what the client did. The
// clients without a profile in reverse mode (nghttp) are left out.
func judgeMatrix(t *testing.T, r *run) []judged {
	profiles := map[string]bool{}
	for _, p := range engine.ClientProfiles() {
		profiles[p.ID] = true
	}
	var out []judged
	for _, c := range r.cells() {
		if !profiles[c.Client] {
			continue
		}
		ex := r.mock.exchange(c)
		if ex == nil {
			continue
		}
		jm := engine.Judge(ex.Request, ex.Response)
		var v *engine.ClientVerdict
		for i := range jm.Clients {
			if jm.Clients[i].ID == c.Client {
				v = &jm.Clients[i]
			}
		}
		if v == nil {
			t.Errorf("%s: engine.Judge gives no verdict for %s", c, c.Client)
			continue
		}
		out = append(out, judged{cell: c, Real: r.outcomes[c], Judge: outcome{Accepted: v.Accepts, Reason: normalize(v.Reason, r.mock.addr(), ex)}})
	}
	return out
}

// checkJudge: every cell agrees, or is listed in deliberate.txt; every
// line there matches cells, and every cell it matches still differs.
func checkJudge(t *testing.T, r *run) []judged {
	b, err := os.ReadFile(deliberateFile)
	if err != nil {
		t.Fatal(err)
	}
	list, err := parseDeliberate(b)
	if err != nil {
		t.Fatal(err)
	}
	cells := judgeMatrix(t, r)
	for _, p := range compare(cells, list, func(client string) bool { return ranClient(r, client) }) {
		t.Error(p)
	}
	for _, line := range agreement(cells) {
		fmt.Printf("clientpeer summary: %s\n", line) // ./build.sh test prints these lines
	}
	return cells
}

// compare marks each cell with the deliberate difference that lists it
// and returns the problems: a difference not listed, a listed cell that
// agrees, a line that matches no cell of a client that ran.
func compare(cells []judged, list []*deliberate, ran func(client string) bool) []string {
	var problems []string
	for _, d := range list {
		d.matched = 0
	}
	for i := range cells {
		j := &cells[i]
		for _, d := range list {
			if d.matches(j.cell) {
				j.Deliberate = d
				d.matched++
				break
			}
		}
		switch {
		case j.agree() && j.Deliberate != nil:
			problems = append(problems, fmt.Sprintf("%s: reverse mode now agrees with the client (%s); drop %s:%d (%s) or narrow it", j.cell, describe(j.Real), deliberateFile, j.Deliberate.Line, j.Deliberate.Reason))
		case !j.agree() && j.Deliberate == nil:
			problems = append(problems, fmt.Sprintf("%s: the client %s; reverse mode says it %s", j.cell, describe(j.Real), describe(j.Judge)))
		}
	}
	for _, d := range list {
		if d.matched == 0 && ran(d.Client) {
			problems = append(problems, fmt.Sprintf("%s:%d matches no cell: %s", deliberateFile, d.Line, d.Reason))
		}
	}
	return problems
}

func ranClient(r *run, pattern string) bool {
	for _, c := range r.ran {
		if ok, _ := path.Match(pattern, c); ok {
			return true
		}
	}
	return false
}

// agreement is one line per client: how many cells agree, how many differ
// deliberately, how many differ otherwise.
func agreement(cells []judged) []string {
	var lines []string
	for _, cl := range clients {
		n, agree, delib, wrong := 0, 0, 0, 0
		for _, j := range cells {
			if j.Client != cl.ID {
				continue
			}
			n++
			switch {
			case j.agree():
				agree++
			case j.Deliberate != nil:
				delib++
			default:
				wrong++
			}
		}
		if n == 0 {
			continue
		}
		s := fmt.Sprintf("%s: %d/%d agree, %d deliberate", cl.ID, agree, n, delib)
		if wrong > 0 {
			s += fmt.Sprintf(", %d unexplained", wrong)
		}
		lines = append(lines, s)
	}
	return lines
}
