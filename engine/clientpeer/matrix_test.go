package clientpeer

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/upgrade-playground/playground/engine"
)

var update = flag.Bool("update", false, "rewrite testdata/observed.txt and testdata/requests.txt from this run's real clients")

const (
	observedFile = "testdata/observed.txt"
	requestsFile = "testdata/requests.txt"
)

// A run is one run of the matrix: every cell's outcome and exchange.
type run struct {
	mock     *mock
	outcomes map[cell]outcome
	ran      []string // the clients that ran (not skipped)
}

// TestClientMatrix runs every real client against the mock server, cell by
// cell, and checks what it did against testdata/observed.txt (rewritten
// with -update): a client that changes its behaviour fails the test until
// the file (and reverse mode's profiles) follow.
func TestClientMatrix(t *testing.T) {
	r := runMatrix(t)
	var judgedCells []judged
	t.Run("judge", func(t *testing.T) { judgedCells = checkJudge(t, r) })
	checkDoc(t, r, judgedCells)
	if *update {
		writeObserved(t, r)
		return
	}
	want, err := readObserved()
	if err != nil {
		t.Fatalf("%v (go test ./engine/clientpeer -run TestClientMatrix -update)", err)
	}
	for _, c := range r.cells() {
		got, w := r.outcomes[c], want[c]
		if w == nil {
			t.Errorf("%s: not in %s (rerun with -update)", c, observedFile)
			continue
		}
		if got.Accepted != w.Accepted || got.Reason != w.Reason {
			t.Errorf("%s: the client now %s; %s says %s (rerun with -update and review)", c, describe(got), observedFile, describe(*w))
		}
	}
}

func describe(o outcome) string {
	if o.Accepted {
		return "accepts"
	}
	return "refuses with " + strconv.Quote(o.Reason)
}

// runMatrix runs the clients in parallel, each over all its cells, and
// checks each cell's exchange.
func runMatrix(t *testing.T) *run {
	m := startMock(t)
	r := &run{mock: m, outcomes: map[cell]outcome{}}
	var mu sync.Mutex
	t.Run("clients", func(t *testing.T) {
		for _, cl := range clients {
			t.Run(cl.ID, func(t *testing.T) {
				t.Parallel()
				cells := matrixCells(cl)
				got := cl.Run(t, m, cells)
				for _, c := range cells {
					o, ok := got[c]
					if !ok {
						t.Errorf("%s: the client reported no outcome", c)
						continue
					}
					ex := m.exchange(c)
					if ex == nil {
						t.Errorf("%s: the mock server saw no request (the client: %s)", c, describe(o))
						continue
					}
					if ex.Err != "" {
						t.Errorf("%s: %s", c, ex.Err)
					}
					// A client that went on after the 101 sent the server a
					// message (curl's WebSocket handshake sends none: the
					// server's frames are what it prints).
					wentOn := o.Accepted && (c.Client != "curl" || strings.HasPrefix(o.Detail, "went on"))
					if wentOn && !ex.Message && !(c.Client == "curl" && c.Config != "h2c") {
						t.Errorf("%s: the client reports a message, the mock server got none", c)
					}
					o.Reason = normalize(o.Reason, m.addr(), ex)
					o.Detail = normalize(o.Detail, m.addr(), ex)
					got[c] = o
				}
				mu.Lock()
				defer mu.Unlock()
				for c, o := range got {
					r.outcomes[c] = o
				}
				r.ran = append(r.ran, cl.ID)
			})
		}
	})
	t.Logf("%d cells, %d clients ran", len(r.outcomes), len(r.ran))
	return r
}

// normalize takes the run's port and the cell's key out of a client's
// text, so that the observed matrix is the same from run to run.
func normalize(s, addr string, ex *exchange) string {
	s = strings.ReplaceAll(s, addr, "127.0.0.1:PORT")
	if k := ex.Offer.Key; k != "" {
		acc := engine.AcceptKey(k)
		s = strings.NewReplacer(k, "{key}", acc, "{accept}", recase(acc), "{accept-recased}", noGUIDAccept(k), "{accept-without-guid}").Replace(s)
	}
	return s
}

// cells lists the run's cells in the matrix's order: variation,
// configuration, client.
func (r *run) cells() []cell {
	var cs []cell
	for c := range r.outcomes {
		cs = append(cs, c)
	}
	slices.SortFunc(cs, cellOrder)
	return cs
}

func cellOrder(a, b cell) int {
	idx := func(list []string, s string) int { return slices.Index(list, s) }
	vid := func(id string) int {
		return slices.IndexFunc(variations, func(v variation) bool { return v.ID == id })
	}
	cid := func(id string) int { return slices.IndexFunc(clients, func(c client) bool { return c.ID == id }) }
	configs := []string{"default", "subprotocols", "compression", "h2c"}
	if d := vid(a.Variation) - vid(b.Variation); d != 0 {
		return d
	}
	if d := idx(configs, a.Config) - idx(configs, b.Config); d != 0 {
		return d
	}
	return cid(a.Client) - cid(b.Client)
}

const observedHeader = `# The client matrix as observed: what each real client did with each
# variation of the mock server's answer (engine/clientpeer/variations_test.go).
# Regenerate: go test ./engine/clientpeer -run TestClientMatrix -update
# accepted = the handshake completed and a message was exchanged (curl: it
# took the 101 and went on with the new protocol's bytes); refused = the
# client's own error text, verbatim ({key} and {accept}: the request's key and
# its right Accept; PORT: the mock server's port).
# variation	configuration	client	outcome	reason (Go-quoted)	detail
`

func writeObserved(t *testing.T, r *run) {
	if len(r.ran) != len(clients) {
		t.Errorf("-update with only %v of the clients: the file keeps the others' lines", r.ran)
	}
	old, _ := readObserved()
	var b strings.Builder
	b.WriteString(observedHeader)
	all := map[cell]outcome{}
	for c, o := range old {
		if !slices.Contains(r.ran, c.Client) {
			all[c] = *o
		}
	}
	for c, o := range r.outcomes {
		all[c] = o
	}
	cs := make([]cell, 0, len(all))
	for c := range all {
		cs = append(cs, c)
	}
	slices.SortFunc(cs, cellOrder)
	for _, c := range cs {
		o := all[c]
		verdict := "refused"
		if o.Accepted {
			verdict = "accepted"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", c.Variation, c.Config, c.Client, verdict, strconv.Quote(o.Reason), o.Detail)
	}
	if err := os.WriteFile(observedFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	writeRequests(t, r)
}

func readObserved() (map[cell]*outcome, error) {
	b, err := os.ReadFile(observedFile)
	if err != nil {
		return nil, err
	}
	out := map[cell]*outcome{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 6", observedFile, n, len(f))
		}
		reason, err := strconv.Unquote(f[4])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: reason: %v", observedFile, n, err)
		}
		out[cell{Variation: f[0], Config: f[1], Client: f[2]}] = &outcome{Accepted: f[3] == "accepted", Reason: reason, Detail: f[5]}
	}
	return out, nil
}

// writeRequests records each client's request in each configuration (from
// its "correct" cell), with the port and the key normalized.
func writeRequests(t *testing.T, r *run) {
	var b strings.Builder
	b.WriteString("# The request each real client sent in each configuration (the \"correct\" or\n# \"h2c-correct\" cell). Regenerate: go test ./engine/clientpeer -run TestClientMatrix -update\n")
	for _, cl := range clients {
		for _, cfg := range cl.Configs {
			v := "correct"
			if cfg == "h2c" {
				v = "h2c-correct"
			}
			ex := r.mock.exchange(cell{Client: cl.ID, Config: cfg, Variation: v})
			if ex == nil {
				continue
			}
			fmt.Fprintf(&b, "\n## %s %s\n%s", cl.ID, cfg, normalize(string(ex.Request), r.mock.addr(), ex))
		}
	}
	if err := os.WriteFile(requestsFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
