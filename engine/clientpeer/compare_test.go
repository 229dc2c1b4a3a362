package clientpeer

import (
	"strings"
	"testing"
)

// TestCompare checks the comparison's rules on made-up cells: a
// difference must be listed, a listed cell must still differ, and a line
// must match a cell of a client that ran.
func TestCompare(t *testing.T) {
	yes, no := outcome{Accepted: true}, outcome{Reason: "refused"}
	cell := func(v, cfg, client string, real, judge outcome) judged {
		return judged{cell: cell{Client: client, Config: cfg, Variation: v}, Real: real, Judge: judge}
	}
	list, err := parseDeliberate([]byte("# comment\n\n" +
		"pmd-*\tcompression\tgorilla\tgorilla's rule\n" +
		"status-200\t*\tcurl\tcurl takes any response\n" +
		"h2c-*\th2c\tnghttp\tno such cells\n" +
		"proto-*\t*\twebsockets\tonly in a client that did not run\n"))
	if err != nil {
		t.Fatal(err)
	}
	cells := []judged{
		cell("correct", "default", "chromium", yes, yes),           // agrees
		cell("pmd-bare", "compression", "gorilla", no, yes),        // listed
		cell("pmd-snct", "compression", "gorilla", no, yes),        // listed by the same line
		cell("status-200", "default", "curl", yes, yes),            // listed, but agrees
		cell("upgrade-missing", "default", "ws", no, yes),          // not listed
		cell("upgrade-missing", "subprotocols", "coder", yes, yes), // agrees
	}
	ran := func(client string) bool { return client != "websockets" }
	problems := compare(cells, list, ran)
	want := []string{
		"status-200 default curl: reverse mode now agrees",
		"upgrade-missing default ws: the client refuses",
		"deliberate.txt:5 matches no cell",
	}
	if len(problems) != len(want) {
		t.Fatalf("problems %q, want %d", problems, len(want))
	}
	for i, w := range want {
		if !strings.Contains(problems[i], w) {
			t.Errorf("problem %d is %q, want it to say %q", i, problems[i], w)
		}
	}
	if cells[1].Deliberate != list[0] || cells[2].Deliberate != list[0] || list[0].matched != 2 {
		t.Errorf("the pattern line did not list both gorilla cells: %+v", list[0])
	}

	for _, bad := range []string{"pmd\tcompression\tgorilla\n", "pmd\tcompression\tgorilla\t \n", "[\t*\tws\treason\n"} {
		if _, err := parseDeliberate([]byte(bad)); err == nil {
			t.Errorf("parseDeliberate(%q) gave no error", bad)
		}
	}
}

// TestWithoutWords: the freshness check ignores the words section, and
// only it.
func TestWithoutWords(t *testing.T) {
	doc := func(words, matrix string) string {
		return "# The client matrix\n\n## Agreement\n\n| a | 1 |\n\n" + wordsHeading + "\n\n" + words + "\n\n## The matrix\n\n" + matrix + "\n"
	}
	if withoutWords(doc("| ws | 83 | 80 |", "✓")) != withoutWords(doc("| ws | 83 | 83 |", "✓")) {
		t.Error("a change in the words section makes the doc stale")
	}
	if withoutWords(doc("x", "✓")) == withoutWords(doc("x", "✗")) {
		t.Error("a change in the matrix goes unnoticed")
	}
	if got := withoutWords(doc("x", "✓")); strings.Contains(got, wordsHeading) || !strings.Contains(got, "## Agreement") || !strings.Contains(got, "## The matrix") {
		t.Errorf("withoutWords cut the wrong part:\n%s", got)
	}
}
