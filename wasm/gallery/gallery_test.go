//go:build !(js && wasm)

package gallery

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/engine/wiretext"
	"golang.org/x/tools/txtar"
)

// exampleGroups is the fixed list of gallery groups, in gallery order.
var exampleGroups = []string{"WebSocket", "h2c", "TLS", "Upgrade", "Syntax", "Security", "Myths", compareGroup, clientGroup}

// The groups of the side-by-side view and of reverse mode, with the
// number of examples each must have at least.
const (
	compareGroup = "Same request, different servers"
	clientGroup  = "Client side"
	minSpecial   = 8
)

// exampleOptionalKeys are the header lines an example may carry once.
var exampleOptionalKeys = []string{"srv", "proxy", "view", "refused-by"}

// exampleHeaderKeys are the header lines every example file carries once.
var exampleHeaderKeys = []string{"id", "title", "group", "lesson", "expect", "order"}

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestExampleFiles checks each file as written: every header line present
// exactly once and no unknown ones (a typo would silently drop a field), a
// request section, no unknown sections, and a request written in valid wire
// text with every invisible byte escaped.
func TestExampleFiles(t *testing.T) {
	entries, err := os.ReadDir("examples")
	if err != nil {
		t.Fatal(err)
	}
	for _, ent := range entries {
		t.Run(ent.Name(), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("examples", ent.Name()))
			if err != nil {
				t.Fatal(err)
			}
			ar := txtar.Parse(data)
			header := string(ar.Comment)
			sections := map[string]string{}
			for _, f := range ar.Files {
				if _, dup := sections[f.Name]; dup {
					t.Errorf("section %q appears twice", f.Name)
				}
				sections[f.Name] = string(f.Data)
			}
			seen := map[string]int{}
			for _, line := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
				k, val, ok := strings.Cut(line, ":")
				if !ok {
					t.Errorf("header line %q is not key: value", line)
					continue
				}
				k = strings.TrimSpace(k)
				seen[k]++
				if strings.TrimSpace(val) == "" {
					t.Errorf("header %q is empty", k)
				}
			}
			for _, k := range exampleHeaderKeys {
				if seen[k] != 1 {
					t.Errorf("header %q appears %d times, want 1", k, seen[k])
				}
				delete(seen, k)
			}
			for _, k := range exampleOptionalKeys {
				if seen[k] > 1 {
					t.Errorf("header %q appears %d times, want at most 1", k, seen[k])
				}
				delete(seen, k)
			}
			for k := range seen {
				t.Errorf("unknown header %q", k)
			}
			if want := strings.TrimSuffix(ent.Name(), ".txtar"); !strings.Contains(header, "id: "+want+"\n") {
				t.Errorf("file name %s does not match the id", ent.Name())
			}
			for name := range sections {
				if name != "request" && name != "settings" && name != "response" {
					t.Errorf("unknown section %q", name)
				}
			}
			req, ok := sections["request"]
			if !ok || req == "" {
				t.Fatal("no request section")
			}
			if err := checkWireText(req); err != "" {
				t.Error(err)
			}
			if resp, ok := sections["response"]; ok {
				if err := checkWireText(resp); err != "" {
					t.Error("response: " + err)
				}
			}
		})
	}
}

// checkWireText reports the first thing in s that is not plain wire text:
// a byte that is not printable ASCII (invisible bytes must be escaped, so
// the file shows them) or an escape that wiretext.Decode would not decode.
func checkWireText(s string) string {
	for ln, line := range strings.Split(s, "\n") {
		for i := 0; i < len(line); i++ {
			c := line[i]
			if c < 0x20 || c > 0x7e {
				return "request line " + strconv.Itoa(ln+1) + ": byte " + hex2(c) + " is not escaped"
			}
			if c != '\\' || i == len(line)-1 {
				continue
			}
			i++
			switch line[i] {
			case 'r', 'n', 't', '0', '\\':
			case 'x':
				if i+2 >= len(line) || !isHex(line[i+1]) || !isHex(line[i+2]) {
					return "request line " + strconv.Itoa(ln+1) + ": \\x needs two hex digits"
				}
				i += 2
			default:
				return "request line " + strconv.Itoa(ln+1) + ": unknown escape \\" + string(line[i])
			}
		}
	}
	return ""
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func hex2(c byte) string {
	const d = "0123456789abcdef"
	return "0x" + string([]byte{d[c>>4], d[c&15]})
}

// TestExamples runs every example through the engine with its server and
// checks the fields, the settings and the final status against expect: the
// status the RFC-correct server answers.
func TestExamples(t *testing.T) {
	for _, e := range Examples() {
		t.Run(e.ID, func(t *testing.T) {
			if !kebab.MatchString(e.ID) {
				t.Errorf("id %q is not kebab-case", e.ID)
			}
			if e.Title == "" || len(e.Title) > 64 {
				t.Errorf("title %q: want 1..64 bytes", e.Title)
			}
			if len(e.Lesson) < 40 || len(e.Lesson) > 300 || !strings.HasSuffix(e.Lesson, ".") {
				t.Errorf("lesson must be one sentence of 40..300 bytes ending in a period: %q", e.Lesson)
			}
			if !slices.Contains(exampleGroups, e.Group) {
				t.Errorf("group %q is not one of %v", e.Group, exampleGroups)
			}
			if e.Order <= 0 {
				t.Errorf("order %d: want > 0", e.Order)
			}
			if (e.Expect < 100 || e.Expect > 599) && !(e.Expect == 0 && e.Server != "") {
				t.Errorf("expect %d is not a status code: every example's answer has a status line (0, a closed connection, only for a profile)", e.Expect)
			}
			if e.Server != "" && engine.LookupProfile(e.Server) == nil {
				t.Errorf("srv %q is not a server profile", e.Server)
			}
			if e.Proxy != "" && e.Proxy != "nginx" {
				t.Errorf("proxy %q: want nginx", e.Proxy)
			}
			if e.View != "" && e.View != "compare" {
				t.Errorf("view %q: want compare", e.View)
			}
			if (e.Group == compareGroup) != (e.View == "compare") {
				t.Errorf("group %q with view %q: the examples of %q, and only they, open in the side-by-side view", e.Group, e.View, compareGroup)
			}
			if (e.Group == clientGroup) != (e.Response != nil) {
				t.Errorf("group %q: the examples of %q, and only they, have a response (reverse mode)", e.Group, clientGroup)
			}
			if len(e.Request) == 0 {
				t.Fatal("empty request")
			}
			keys := map[string]bool{}
			for _, kv := range e.Settings {
				s := engine.LookupSetting(kv[0])
				if s == nil {
					t.Errorf("setting %q does not exist", kv[0])
					continue
				}
				if keys[kv[0]] {
					t.Errorf("setting %q given twice", kv[0])
				}
				keys[kv[0]] = true
				c := engine.DefaultConfig()
				if err := s.Set(&c, kv[1]); err != nil {
					t.Errorf("setting %s=%s: %v", kv[0], kv[1], err)
				} else if s.Get(&c) == s.Default() {
					t.Errorf("setting %s=%s is the default: leave it out", kv[0], kv[1])
				}
			}
			got, ok := Lookup(e.ID)
			if !ok || got.ID != e.ID || string(got.Request) != string(e.Request) {
				t.Errorf("Lookup(%q) = %v, %v", e.ID, got.ID, ok)
			}
			if e.Response != nil {
				checkReverse(t, e)
				return
			}
			c := e.Config()
			res := engine.Negotiate(e.Request, &c)
			if e.Expect == 0 && !res.Closed {
				t.Errorf("the example expects the server to close the connection; the engine answers %d", res.Status())
			}
			if res.Status() != e.Expect {
				why := ""
				if res.Decisive >= 0 && res.Decisive < len(res.Trace) {
					why = " (decided by: " + res.Trace[res.Decisive].Summary() + ")"
				}
				t.Errorf("the engine answers %d, the example expects %d%s", res.Status(), e.Expect, why)
			}
		})
	}
	if _, ok := Lookup("no-such-example"); ok {
		t.Error("LookupExample found an id that does not exist")
	}
}

// TestExamplesGallery checks the gallery as a whole: unique ids and orders,
// no two examples showing the same request to the same server, groups in
// one contiguous run each, and enough examples in every group.
func TestExamplesGallery(t *testing.T) {
	all := Examples()
	if len(all) < 45 {
		t.Errorf("%d examples, want at least 45", len(all))
	}
	if !sort.SliceIsSorted(all, func(i, j int) bool { return all[i].Order < all[j].Order }) {
		t.Error("Examples() is not in gallery order")
	}
	ids := map[string]bool{}
	orders := map[int]string{}
	shows := map[string]string{}
	perGroup := map[string]int{}
	var runs []string
	for _, e := range all {
		if ids[e.ID] {
			t.Errorf("duplicate id %q", e.ID)
		}
		ids[e.ID] = true
		if o, dup := orders[e.Order]; dup {
			t.Errorf("%s and %s share order %d", o, e.ID, e.Order)
		}
		orders[e.Order] = e.ID
		key := string(e.Request) + "\x00" + effectiveSettings(e)
		if o, dup := shows[key]; dup {
			t.Errorf("%s and %s show the same request to the same server", o, e.ID)
		}
		shows[key] = e.ID
		perGroup[e.Group]++
		if len(runs) == 0 || runs[len(runs)-1] != e.Group {
			runs = append(runs, e.Group)
		}
	}
	for _, g := range []string{compareGroup, clientGroup} {
		if perGroup[g] < minSpecial {
			t.Errorf("group %s has %d examples, want at least %d", g, perGroup[g], minSpecial)
		}
	}
	for _, g := range exampleGroups {
		if perGroup[g] < 3 {
			t.Errorf("group %s has %d examples, want at least 3", g, perGroup[g])
		}
	}
	if len(runs) != len(perGroup) {
		t.Errorf("groups are not contiguous in gallery order: %v", runs)
	}
	for i := 1; i < len(runs); i++ {
		if slices.Index(exampleGroups, runs[i]) < slices.Index(exampleGroups, runs[i-1]) {
			t.Errorf("group %s comes after %s; the gallery order is %v", runs[i], runs[i-1], exampleGroups)
		}
	}
}

// effectiveSettings is the example's server written as its non-default
// settings, so that two spellings of one server compare equal.
func effectiveSettings(e Example) string {
	c := e.Config()
	var b strings.Builder
	b.WriteString("srv=" + e.Server + "&proxy=" + e.Proxy + "&resp=" + string(e.Response) + "&")
	for _, s := range engine.Settings() {
		if v := s.Get(&c); v != s.Default() {
			b.WriteString(s.Key + "=" + v + "&")
		}
	}
	return b.String()
}

// FuzzParse checks that the example parser never panics, is
// deterministic, and keeps the request bytes it was given. Seeded from the
// gallery.
func FuzzParse(f *testing.F) {
	entries, _ := os.ReadDir("examples")
	for _, ent := range entries {
		data, _ := os.ReadFile(filepath.Join("examples", ent.Name()))
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b := Parse([]byte(s)), Parse([]byte(s))
		if a.ID != b.ID || a.Expect != b.Expect || string(a.Request) != string(b.Request) || len(a.Settings) != len(b.Settings) {
			t.Fatal("Parse is not deterministic")
		}
		var request []byte
		for _, f := range txtar.Parse([]byte(s)).Files {
			if f.Name == "request" {
				request = wiretext.Decode(string(f.Data))
			}
		}
		if string(a.Request) != string(request) {
			t.Fatal("the request is not the decoded request section")
		}
		_ = a.Config()
	})
}

// BenchmarkExamples runs the whole gallery through the engine: every
// example is one keystroke's worth of work for the page.
func BenchmarkExamples(b *testing.B) {
	all := Examples()
	cfgs := make([]engine.Config, len(all))
	for i, e := range all {
		cfgs[i] = e.Config()
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range all {
			engine.Negotiate(all[i].Request, &cfgs[i])
		}
	}
}

// checkReverse checks a reverse-mode example: expect is the status of its
// response, and refused-by names exactly the clients that refuse it, as
// reverse mode judges it (engine.Judge).
func checkReverse(t *testing.T, e Example) {
	t.Helper()
	line, _, _ := strings.Cut(string(e.Response), "\n")
	if f := strings.Fields(line); len(f) < 2 || f[1] != strconv.Itoa(e.Expect) {
		t.Errorf("expect %d, but the response's status line is %q", e.Expect, line)
	}
	j := engine.Judge(e.Request, e.Response)
	var refused []string
	for _, c := range j.Clients {
		if !c.Accepts {
			refused = append(refused, c.ID)
		}
	}
	got := strings.Join(refused, ", ")
	if got == "" {
		got = "none"
	}
	if len(j.Clients) == 0 || got != e.RefusedBy {
		t.Errorf("refused by %q (of %d clients), the example says %q", got, len(j.Clients), e.RefusedBy)
	}
}
