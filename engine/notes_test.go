package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	noteIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	rfcLink       = regexp.MustCompile(`\]\(rfc:(\d+)(#[^)]*)?\)`)
	// A sentence break: end punctuation, a space, then a capital letter.
	sentenceBreak = regexp.MustCompile(`[.!?] [A-Z]`)
)

// TestCatalogueComplete checks that every note declared in the package (a
// package-level var set to &Note{...}) is listed in noteLists once, and that
// no two notes share an ID.
func TestCatalogueComplete(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]string{} // ID -> var name
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, val := range vs.Values {
					u, ok := val.(*ast.UnaryExpr)
					if !ok || u.Op != token.AND {
						continue
					}
					lit, ok := u.X.(*ast.CompositeLit)
					if !ok || !isIdent(lit.Type, "Note") {
						continue
					}
					id := noteLiteralID(lit)
					if id == "" {
						t.Errorf("%s: the note %s has no literal ID", fset.Position(lit.Pos()), vs.Names[i].Name)
						continue
					}
					if other, dup := declared[id]; dup {
						t.Errorf("%s and %s share the ID %q", other, vs.Names[i].Name, id)
					}
					declared[id] = vs.Names[i].Name
				}
			}
		}
	}
	listed := map[*Note]bool{}
	for _, list := range noteLists() {
		for _, n := range list {
			if listed[n] {
				t.Errorf("note %q is listed twice", n.ID)
			}
			listed[n] = true
		}
	}
	for id, name := range declared {
		if n := LookupNote(id); n == nil || !listed[n] {
			t.Errorf("note %s (%q) is declared but not listed: add it to its file's list", name, id)
		}
	}
	if len(listed) != len(declared) || len(Catalogue()) != len(declared) {
		t.Errorf("%d notes declared, %d listed, %d in the catalogue", len(declared), len(listed), len(Catalogue()))
	}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// noteLiteralID returns the ID of a Note composite literal, or "".
func noteLiteralID(lit *ast.CompositeLit) string {
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "ID") {
			if b, ok := kv.Value.(*ast.BasicLit); ok && b.Kind == token.STRING {
				if id, err := strconv.Unquote(b.Value); err == nil {
					return id
				}
			}
		}
	}
	return ""
}

// TestCatalogue checks every note of the catalogue: a stable kebab-case ID
// (noteIDPattern), a one-sentence summary, a Status on exactly the Bad
// notes, and an RFC citation in both Ref and Detail.
func TestCatalogue(t *testing.T) {
	notes := Catalogue()
	if len(notes) == 0 {
		t.Fatal("empty catalogue")
	}
	seen := map[string]bool{}
	for _, n := range notes {
		t.Run(n.ID, func(t *testing.T) {
			if !noteIDPattern.MatchString(n.ID) {
				t.Errorf("ID %q is not noteIDPattern-case", n.ID)
			}
			if seen[n.ID] {
				t.Errorf("duplicate ID %q", n.ID)
			}
			seen[n.ID] = true
			if LookupNote(n.ID) != n {
				t.Errorf("LookupNote(%q) does not return the note", n.ID)
			}
			s := n.Summary
			if s == "" || !strings.HasSuffix(s, ".") {
				t.Errorf("summary %q does not end with a period", s)
			}
			if loc := sentenceBreak.FindStringIndex(s); loc != nil {
				t.Errorf("summary %q has more than one sentence (at %q)", s, s[loc[0]:])
			}
			if strings.ContainsAny(s, "\n`") {
				t.Errorf("summary %q is not plain text on one line", s)
			}
			switch {
			case n.Level == Bad && n.Status == 0 && !clientSideNote(n):
				t.Errorf("a Bad note has no Status")
			case clientSideNote(n) && n.Status != 0:
				t.Errorf("a reverse-mode note has Status %d; a client refuses without sending one", n.Status)
			case n.Level != Bad && n.Status != 0:
				t.Errorf("a %s note has Status %d; only Bad notes decide a response", n.Level, n.Status)
			case n.Status != 0 && ReasonPhrase(n.Status) == "":
				t.Errorf("Status %d has no reason phrase", n.Status)
			}
			if _, ok := KnownRFCs[n.Ref.RFC]; !ok {
				t.Errorf("Ref RFC %d is not in KnownRFCs", n.Ref.RFC)
			}
			links := rfcLink.FindAllStringSubmatch(n.Detail, -1)
			if len(links) == 0 {
				t.Errorf("detail has no rfc: link: %q", n.Detail)
			}
			for _, l := range links {
				if _, ok := KnownRFCs[atoi(l[1])]; !ok {
					t.Errorf("detail links RFC %s, which is not in KnownRFCs", l[1])
				}
			}
			for _, p := range Placeholders(n.Summary + " " + n.Detail) {
				if strings.Contains(n.Detail, "`{"+p+"}`") {
					t.Errorf("placeholder {%s} is inside a code span; the renderer inserts values as text already", p)
				}
			}
		})
	}
}

// TestNotesInGoldens runs every golden request and checks that each step's
// note gets a value for every placeholder of its summary and detail, and
// that every note of the catalogue is raised by at least one golden.
func TestNotesInGoldens(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	used := map[string]string{}
	for _, file := range files {
		req, cfg := goldenInput(t, file)
		res := Negotiate(req, &cfg)
		for _, s := range res.Trace {
			noteRaised(t, used, file, s.Note, s.Vars)
		}
		for _, p := range res.After {
			noteRaised(t, used, file+" (after the response)", p.Note, p.Vars)
		}
	}
	clientGoldenNotes(t, used)
	for _, n := range Catalogue() {
		if _, guard := guardNotes[n.ID]; guard {
			continue
		}
		if _, ok := used[n.ID]; !ok {
			t.Errorf("note %s (%s) appears in no golden exchange under testdata/: add one that raises it", n.ID, n.Category)
		}
	}
}

// noteRaised records that a golden (where) raised the note, if any, and
// checks that vars hold a value for every placeholder of its summary and
// detail.
func noteRaised(t *testing.T, used map[string]string, where string, n *Note, vars []Var) {
	t.Helper()
	if n == nil {
		return
	}
	if _, ok := used[n.ID]; !ok {
		used[n.ID] = where
	}
	for _, p := range Placeholders(n.Summary + " " + n.Detail) {
		if _, ok := LookupVar(vars, p); !ok {
			t.Errorf("%s: note %s is raised without a value for {%s}", where, n.ID, p)
		}
	}
}

// guardNotes are raised only when the engine's own guards catch a broken
// protocol handler, which no request can cause, or by inputs too large for
// a readable golden file; each has a unit test.
var guardNotes = map[string]string{
	"upgrade-unoffered":     "TestUnofferedSwitchGuard",
	"after-new-protocol":    "TestUnofferedSwitchGuard",
	"trace-truncated":       "TestHugePastes",
	"client-head-too-large": "TestJudgeHostile",
	// Lines over nginx's 8k buffers and heads over Node's 16 KiB.
	"nginx-uri-too-long":     "TestProxyLimits",
	"nginx-header-too-large": "TestProxyLimits",
	"node-header-overflow":   "TestProxyLimits",
}

// TestUnofferedSwitchGuard plugs in a handler that tries to switch to a
// protocol the client did not offer and checks that the engine refuses
// (RFC 9110 §7.8: a server MUST NOT switch to a protocol the client did not
// indicate).
func TestUnofferedSwitchGuard(t *testing.T) {
	bad := &handler{
		name:  "rogue",
		match: func(o offer) bool { return equalFold(o.Name, "rogue") },
		negotiate: func(n *negotiation, o offer) *verdict {
			return &verdict{accept: true, upgrade: "websocket"}
		},
	}
	// A handler without an after decoder: the bytes after its 101 are still
	// shown as the new protocol's.
	plain := &handler{
		name:  "plain",
		match: func(o offer) bool { return equalFold(o.Name, "plain") },
		negotiate: func(n *negotiation, o offer) *verdict {
			return &verdict{accept: true, upgrade: "plain/1"}
		},
	}
	protocolHandlers = append(protocolHandlers, plain)
	res := Negotiate([]byte("GET / HTTP/1.1\r\nHost: a\r\nUpgrade: plain/1\r\nConnection: upgrade\r\n\r\nxyz"), nil)
	protocolHandlers = protocolHandlers[:len(protocolHandlers)-1]
	if res.Status() != 101 || len(res.After) != 1 || string(res.After[0].Bytes) != "xyz" || res.After[0].Proto != "plain/1" {
		t.Fatalf("status %d, after %+v; want 101 and the 3 bytes as plain/1", res.Status(), res.After)
	}
	protocolHandlers = append(protocolHandlers, bad)
	defer func() { protocolHandlers = protocolHandlers[:len(protocolHandlers)-1] }()
	res = Negotiate([]byte("GET / HTTP/1.1\r\nHost: a\r\nUpgrade: rogue\r\nConnection: upgrade\r\n\r\n"), nil)
	if res.Status() != 200 || res.Switched != "" {
		t.Fatalf("status %d, switched %q; want 200 and no switch", res.Status(), res.Switched)
	}
	found := false
	for _, s := range res.Trace {
		if s.Note != nil && s.Note.ID == "upgrade-unoffered" && s.Outcome == Fail {
			found = true
		}
	}
	if !found {
		t.Fatalf("no upgrade-unoffered step in the trace:\n%s", FormatTrace(res))
	}
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
