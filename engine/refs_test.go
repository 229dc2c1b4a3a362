package engine

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// rfcSections lists, for every RFC in KnownRFCs, the numbers of its sections
// and appendices, taken from the RFCs' tables of contents (and, where a table
// of contents stops at three levels, from the section headings in the body:
// RFC 7692 §7.1.1.1–§7.2.3.6, RFC 3986 §6.2.2.1–§6.2.2.3). The sources were
// the published texts: the HTML renderings in httpwg/httpwg.github.io
// (specs/rfcNNNN.html, for RFC 6585, 7540, 7541, 7838, 8441, 9110, 9112, 9113,
// 9114, 9218 and 9220), copies of rfc6455.txt, rfc3986.txt and rfc4648.txt, the
// RFC 8446 XML source in tlswg/tls13-rfc, and the RFC Editor texts as mirrored
// by tex2e/rfc-translater for RFC 2817, 5234, 6454, 7301, 7692, 9000, 9298,
// 9460, 9484 and 9931. Unnumbered parts (Acknowledgments, Authors' Addresses)
// are not sections and are not listed. Appendices are letters: "A", "C.2.2".
//
// The lists are complete (every section and subsection) except for RFC 9460,
// whose appendices are listed to the top level only. A section added here
// must come from the RFC's own table of contents, not from memory.
var rfcSections = map[int]string{
	2817: `1 2 2.1 3 3.1 3.2 3.3 4 4.1 4.2 5 5.1 5.2 5.3 6 7 7.1 7.2 8 8.1 8.2 A`,
	3986: `
		1 1.1 1.1.1 1.1.2 1.1.3 1.2 1.2.1 1.2.2 1.2.3 1.3 2 2.1 2.2 2.3 2.4 2.5 3 3.1 3.2 3.2.1
		3.2.2 3.2.3 3.3 3.4 3.5 4 4.1 4.2 4.3 4.4 4.5 5 5.1 5.1.1 5.1.2 5.1.3 5.1.4 5.2 5.2.1
		5.2.2 5.2.3 5.2.4 5.3 5.4 5.4.1 5.4.2 6 6.1 6.2 6.2.1 6.2.2 6.2.2.1 6.2.2.2 6.2.2.3
		6.2.3 6.2.4 7 7.1 7.2 7.3 7.4 7.5 7.6 8 9 10 10.1 10.2 A B C D D.1 D.2
	`,
	4648: `1 2 3 3.1 3.2 3.3 3.4 3.5 4 5 6 7 8 9 10 11 12 13 14 15 16 16.1 16.2`,
	5234: `1 2 2.1 2.2 2.3 2.4 3 3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8 3.9 3.10 4 5 6 6.1 6.2 A B B.1 B.2`,
	6454: `
		1 2 2.1 2.2 2.3 3 3.1 3.1.1 3.2 3.2.1 3.3 3.3.1 3.4 3.4.1 3.4.2 3.4.3 3.5 4 5 6 6.1 6.2
		7 7.1 7.2 7.3 8 8.1 8.2 8.3 8.4 9 10 10.1 10.2 A
	`,
	6455: `
		1 1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8 1.9 2 2.1 3 4 4.1 4.2 4.2.1 4.2.2 4.3 4.4 5 5.1 5.2
		5.3 5.4 5.5 5.5.1 5.5.2 5.5.3 5.6 5.7 5.8 6 6.1 6.2 7 7.1 7.1.1 7.1.2 7.1.3 7.1.4 7.1.5
		7.1.6 7.1.7 7.2 7.2.1 7.2.2 7.2.3 7.3 7.4 7.4.1 7.4.2 8 8.1 9 9.1 9.2 10 10.1 10.2 10.3
		10.4 10.5 10.6 10.7 10.8 11 11.1 11.1.1 11.1.2 11.2 11.3 11.3.1 11.3.2 11.3.3 11.3.4
		11.3.5 11.4 11.5 11.6 11.7 11.8 11.9 12 13 14 14.1 14.2
	`,
	6585: `1 2 3 4 5 6 7 8 9 A B`,
	7301: `1 2 3 3.1 3.2 4 5 6 7 8 8.1 8.2`,
	7540: `
		1 2 2.1 2.2 3 3.1 3.2 3.2.1 3.3 3.4 3.5 4 4.1 4.2 4.3 5 5.1 5.1.1 5.1.2 5.2 5.2.1 5.2.2
		5.3 5.3.1 5.3.2 5.3.3 5.3.4 5.3.5 5.4 5.4.1 5.4.2 5.4.3 5.5 6 6.1 6.2 6.3 6.4 6.5 6.5.1
		6.5.2 6.5.3 6.6 6.7 6.8 6.9 6.9.1 6.9.2 6.9.3 6.10 7 8 8.1 8.1.1 8.1.2 8.1.2.1 8.1.2.2
		8.1.2.3 8.1.2.4 8.1.2.5 8.1.2.6 8.1.3 8.1.4 8.2 8.2.1 8.2.2 8.3 9 9.1 9.1.1 9.1.2 9.2
		9.2.1 9.2.2 10 10.1 10.2 10.3 10.4 10.5 10.5.1 10.5.2 10.6 10.7 10.8 11 11.1 11.2 11.3
		11.4 11.5 11.6 11.7 11.8 12 12.1 12.2 A
	`,
	7541: `
		1 1.1 1.2 1.3 2 2.1 2.2 2.3 2.3.1 2.3.2 2.3.3 2.4 3 3.1 3.2 4 4.1 4.2 4.3 4.4 5 5.1 5.2
		6 6.1 6.2 6.2.1 6.2.2 6.2.3 6.3 7 7.1 7.1.1 7.1.2 7.1.3 7.2 7.3 7.4 8 8.1 8.2 A B C C.1
		C.1.1 C.1.2 C.1.3 C.2 C.2.1 C.2.2 C.2.3 C.2.4 C.3 C.3.1 C.3.2 C.3.3 C.4 C.4.1 C.4.2
		C.4.3 C.5 C.5.1 C.5.2 C.5.3 C.6 C.6.1 C.6.2 C.6.3
	`,
	7692: `
		1 2 3 4 5 5.1 5.2 6 6.1 6.2 7 7.1 7.1.1 7.1.1.1 7.1.1.2 7.1.2 7.1.2.1 7.1.2.2 7.1.3 7.2
		7.2.1 7.2.2 7.2.3 7.2.3.1 7.2.3.2 7.2.3.3 7.2.3.4 7.2.3.5 7.2.3.6 7.3 8 9 9.1 9.2 10
		10.1 10.2
	`,
	7838: `
		1 1.1 2 2.1 2.2 2.3 2.4 3 3.1 4 5 6 7 7.1 7.2 7.3 7.3.1 7.3.2 8 9 9.1 9.2 9.3 9.4 9.5 10
		10.1 10.2
	`,
	8441: `1 2 3 4 5 5.1 6 7 8 9 9.1 9.2 10`,
	8446: `
		1 1.1 1.2 1.3 2 2.1 2.2 2.3 3 3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8 4 4.1 4.1.1 4.1.2 4.1.3
		4.1.4 4.2 4.2.1 4.2.2 4.2.3 4.2.4 4.2.5 4.2.6 4.2.7 4.2.8 4.2.8.1 4.2.8.2 4.2.9 4.2.10
		4.2.11 4.2.11.1 4.2.11.2 4.2.11.3 4.3 4.3.1 4.3.2 4.4 4.4.1 4.4.2 4.4.2.1 4.4.2.2
		4.4.2.3 4.4.2.4 4.4.3 4.4.4 4.5 4.6 4.6.1 4.6.2 4.6.3 5 5.1 5.2 5.3 5.4 5.5 6 6.1 6.2 7
		7.1 7.2 7.3 7.4 7.4.1 7.4.2 7.5 8 8.1 8.2 8.3 9 9.1 9.2 9.3 10 11 12 12.1 12.2 A A.1 A.2
		B B.1 B.2 B.3 B.3.1 B.3.1.1 B.3.1.2 B.3.1.3 B.3.1.4 B.3.2 B.3.3 B.3.4 B.3.5 B.4 C C.1
		C.2 C.3 C.4 C.5 D D.1 D.2 D.3 D.4 D.5 E E.1 E.1.1 E.1.2 E.1.3 E.1.4 E.1.5 E.1.6 E.2
		E.2.1 E.3 E.4 E.5 E.5.1 E.6 E.7 E.8
	`,
	9000: `
		1 1.1 1.2 1.3 2 2.1 2.2 2.3 2.4 3 3.1 3.2 3.3 3.4 3.5 4 4.1 4.2 4.3 4.4 4.5 4.6 5 5.1
		5.1.1 5.1.2 5.2 5.2.1 5.2.2 5.2.3 5.3 6 6.1 6.2 6.3 7 7.1 7.2 7.3 7.4 7.4.1 7.4.2 7.5 8
		8.1 8.1.1 8.1.2 8.1.3 8.1.4 8.2 8.2.1 8.2.2 8.2.3 8.2.4 9 9.1 9.2 9.3 9.3.1 9.3.2 9.3.3
		9.4 9.5 9.6 9.6.1 9.6.2 9.6.3 9.7 10 10.1 10.1.1 10.1.2 10.2 10.2.1 10.2.2 10.2.3 10.3
		10.3.1 10.3.2 10.3.3 11 11.1 11.2 12 12.1 12.2 12.3 12.4 12.5 13 13.1 13.2 13.2.1 13.2.2
		13.2.3 13.2.4 13.2.5 13.2.6 13.2.7 13.3 13.4 13.4.1 13.4.2 14 14.1 14.2 14.2.1 14.3
		14.3.1 14.3.2 14.3.3 14.4 14.4.1 15 16 17 17.1 17.2 17.2.1 17.2.2 17.2.3 17.2.4 17.2.5
		17.3 17.3.1 17.4 18 18.1 18.2 19 19.1 19.2 19.3 19.3.1 19.3.2 19.4 19.5 19.6 19.7 19.8
		19.9 19.10 19.11 19.12 19.13 19.14 19.15 19.16 19.17 19.18 19.19 19.20 19.21 20 20.1
		20.2 21 21.1 21.1.1 21.1.2 21.1.3 21.2 21.3 21.4 21.5 21.5.1 21.5.2 21.5.3 21.5.4 21.5.5
		21.5.6 21.6 21.7 21.8 21.9 21.10 21.11 21.12 21.13 21.14 22 22.1 22.1.1 22.1.2 22.1.3
		22.1.4 22.2 22.3 22.4 22.5 23 23.1 23.2 A A.1 A.2 A.3 A.4
	`,
	9110: `
		1 1.1 1.2 1.3 1.4 2 2.1 2.2 2.3 2.4 2.5 3 3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8 3.9 4 4.1 4.2
		4.2.1 4.2.2 4.2.3 4.2.4 4.2.5 4.3 4.3.1 4.3.2 4.3.3 4.3.4 4.3.5 5 5.1 5.2 5.3 5.4 5.5
		5.6 5.6.1 5.6.1.1 5.6.1.2 5.6.2 5.6.3 5.6.4 5.6.5 5.6.6 5.6.7 6 6.1 6.2 6.3 6.4 6.4.1
		6.4.2 6.5 6.5.1 6.5.2 6.6 6.6.1 6.6.2 7 7.1 7.2 7.3 7.3.1 7.3.2 7.3.3 7.4 7.5 7.6 7.6.1
		7.6.2 7.6.3 7.7 7.8 8 8.1 8.2 8.3 8.3.1 8.3.2 8.3.3 8.4 8.4.1 8.4.1.1 8.4.1.2 8.4.1.3
		8.5 8.5.1 8.6 8.7 8.8 8.8.1 8.8.2 8.8.2.1 8.8.2.2 8.8.3 8.8.3.1 8.8.3.2 8.8.3.3 9 9.1
		9.2 9.2.1 9.2.2 9.2.3 9.3 9.3.1 9.3.2 9.3.3 9.3.4 9.3.5 9.3.6 9.3.7 9.3.8 10 10.1 10.1.1
		10.1.2 10.1.3 10.1.4 10.1.5 10.2 10.2.1 10.2.2 10.2.3 10.2.4 11 11.1 11.2 11.3 11.4 11.5
		11.6 11.6.1 11.6.2 11.6.3 11.7 11.7.1 11.7.2 11.7.3 12 12.1 12.2 12.3 12.4 12.4.1 12.4.2
		12.4.3 12.5 12.5.1 12.5.2 12.5.3 12.5.4 12.5.5 13 13.1 13.1.1 13.1.2 13.1.3 13.1.4
		13.1.5 13.2 13.2.1 13.2.2 14 14.1 14.1.1 14.1.2 14.2 14.3 14.4 14.5 14.6 15 15.1 15.2
		15.2.1 15.2.2 15.3 15.3.1 15.3.2 15.3.3 15.3.4 15.3.5 15.3.6 15.3.7 15.3.7.1 15.3.7.2
		15.3.7.3 15.4 15.4.1 15.4.2 15.4.3 15.4.4 15.4.5 15.4.6 15.4.7 15.4.8 15.4.9 15.5 15.5.1
		15.5.2 15.5.3 15.5.4 15.5.5 15.5.6 15.5.7 15.5.8 15.5.9 15.5.10 15.5.11 15.5.12 15.5.13
		15.5.14 15.5.15 15.5.16 15.5.17 15.5.18 15.5.19 15.5.20 15.5.21 15.5.22 15.6 15.6.1
		15.6.2 15.6.3 15.6.4 15.6.5 15.6.6 16 16.1 16.1.1 16.1.2 16.2 16.2.1 16.2.2 16.3 16.3.1
		16.3.2 16.3.2.1 16.3.2.2 16.4 16.4.1 16.4.2 16.5 16.5.1 16.5.2 16.6 16.6.1 16.6.2 16.7
		17 17.1 17.2 17.3 17.4 17.5 17.6 17.7 17.8 17.9 17.10 17.11 17.12 17.13 17.14 17.15
		17.16 17.16.1 17.16.2 17.16.3 17.16.4 18 18.1 18.2 18.3 18.4 18.5 18.6 18.7 18.8 18.9
		18.10 19 19.1 19.2 A B B.1 B.2 B.3 B.4 B.5 B.6 B.7 B.8 B.9
	`,
	9112: `
		1 1.1 1.2 2 2.1 2.2 2.3 3 3.1 3.2 3.2.1 3.2.2 3.2.3 3.2.4 3.3 4 5 5.1 5.2 6 6.1 6.2 6.3
		7 7.1 7.1.1 7.1.2 7.1.3 7.2 7.3 7.4 8 9 9.1 9.2 9.3 9.3.1 9.3.2 9.4 9.5 9.6 9.7 9.8 10
		10.1 10.2 11 11.1 11.2 11.3 11.4 12 12.1 12.2 12.3 12.4 13 13.1 13.2 A B B.1 B.2 B.3 B.4
		B.5 B.6 C C.1 C.2 C.2.1 C.2.2 C.2.3 C.3
	`,
	9113: `
		1 2 2.1 2.2 3 3.1 3.2 3.3 3.4 4 4.1 4.2 4.3 4.3.1 5 5.1 5.1.1 5.1.2 5.2 5.2.1 5.2.2
		5.2.3 5.3 5.3.1 5.3.2 5.4 5.4.1 5.4.2 5.4.3 5.5 6 6.1 6.2 6.3 6.4 6.5 6.5.1 6.5.2 6.5.3
		6.6 6.7 6.8 6.9 6.9.1 6.9.2 6.9.3 6.10 7 8 8.1 8.1.1 8.2 8.2.1 8.2.2 8.2.3 8.3 8.3.1
		8.3.2 8.4 8.4.1 8.4.2 8.5 8.6 8.7 8.8 8.8.1 8.8.2 8.8.3 8.8.4 8.8.5 9 9.1 9.1.1 9.2
		9.2.1 9.2.2 9.2.3 10 10.1 10.2 10.3 10.4 10.5 10.5.1 10.5.2 10.6 10.7 10.8 10.9 11 11.1
		11.2 12 12.1 12.2 A B
	`,
	9114: `
		1 1.1 1.2 2 2.1 2.2 3 3.1 3.1.1 3.1.2 3.2 3.3 4 4.1 4.1.1 4.1.2 4.2 4.2.1 4.2.2 4.3
		4.3.1 4.3.2 4.4 4.5 4.6 5 5.1 5.2 5.3 5.4 6 6.1 6.2 6.2.1 6.2.2 6.2.3 7 7.1 7.2 7.2.1
		7.2.2 7.2.3 7.2.4 7.2.4.1 7.2.4.2 7.2.5 7.2.6 7.2.7 7.2.8 8 8.1 9 10 10.1 10.2 10.3 10.4
		10.5 10.5.1 10.5.2 10.6 10.7 10.8 10.9 10.10 10.11 11 11.1 11.2 11.2.1 11.2.2 11.2.3
		11.2.4 12 12.1 12.2 A A.1 A.2 A.2.1 A.2.2 A.2.3 A.2.4 A.2.5 A.3 A.4 A.4.1
	`,
	9218: `
		1 1.1 2 2.1 2.1.1 3 4 4.1 4.2 4.3 4.3.1 5 6 7 7.1 7.2 8 9 10 10.1 11 12 13 13.1 13.2
		13.3 14 15 16 17 17.1 17.2
	`,
	9220: `1 2 3 4 5 6`,
	9298: `1 1.1 2 3 3.1 3.2 3.3 3.4 3.5 4 5 6 6.1 6.2 7 8 8.1 8.2 9 9.1 9.2`,
	9460: `
		1 1.1 1.2 1.3 2 2.1 2.2 2.3 2.4 2.4.1 2.4.2 2.4.3 2.5 2.5.1 2.5.2 3 3.1 3.2 4 4.1 4.2
		4.2.1 4.3 4.4 5 5.1 5.2 6 7 7.1 7.1.1 7.1.2 7.2 7.3 7.4 8 9 9.1 9.2 9.2.1 9.2.2 9.2.3
		9.2.4 9.3 9.4 9.5 9.6 10 10.1 10.2 10.3 10.4 10.4.1 10.4.2 10.4.3 10.4.4 10.4.5 11 12 13
		14 14.1 14.2 14.3 14.3.1 14.3.2 14.4 15 15.1 15.2 A A.1 B C
	`,
	9484: `
		1 2 3 4 4.1 4.2 4.3 4.4 4.5 4.6 4.7 4.7.1 4.7.2 4.7.3 4.8 5 6 7 7.1 7.2 7.2.1 8 8.1 8.2
		8.3 8.4 9 10 10.1 10.2 10.3 11 12 12.1 12.2 12.3 12.4 13 13.1 13.2
	`,
	9931: `1 2 3 4 4.1 4.2 5 6 6.1 6.2 6.3 6.4 7 7.1 8 9 10 11 11.1 11.2`,
}

// A link in a note's Detail: [text](rfc:NNNN) or [text](rfc:NNNN#section).
var citationLink = regexp.MustCompile(`\[([^\]]*)\]\(rfc:([^)#]*)(?:#([^)]*))?\)`)

// A citation written out in prose, outside a link: "RFC 9110 §7.8".
var citationProse = regexp.MustCompile(`RFC (\d+) §([0-9]+(?:\.[0-9]+)*|[A-Z](?:\.[0-9]+)*)`)

func sectionSet(t *testing.T) map[int]map[string]bool {
	t.Helper()
	sets := map[int]map[string]bool{}
	for rfc, list := range rfcSections {
		set := map[string]bool{}
		for _, s := range strings.Fields(list) {
			if set[s] {
				t.Errorf("RFC %d: section %s is listed twice in rfcSections", rfc, s)
			}
			set[s] = true
		}
		sets[rfc] = set
	}
	return sets
}

// checkSection reports why RFC rfc has no section sec, or "" if it has.
func checkSection(sets map[int]map[string]bool, rfc int, sec string) string {
	if _, known := KnownRFCs[rfc]; !known {
		return "RFC " + strconv.Itoa(rfc) + " is not in KnownRFCs"
	}
	if sec == "" {
		return ""
	}
	set, ok := sets[rfc]
	if !ok {
		return "RFC " + strconv.Itoa(rfc) + " has no entry in rfcSections"
	}
	if set[sec] {
		return ""
	}
	if strings.HasPrefix(sec, "section-") || strings.HasPrefix(sec, "appendix-") {
		return "RFC " + strconv.Itoa(rfc) + ": write the section as a plain number or letter (" +
			strings.TrimPrefix(strings.TrimPrefix(sec, "section-"), "appendix-") + "), not the anchor " + sec
	}
	return "RFC " + strconv.Itoa(rfc) + " has no section " + sec
}

// TestCitedSectionsExist checks that every citation in the catalogue names a
// section that exists: each note's Ref, each rfc: link in its Detail, and each
// "RFC NNNN §S" written out in its Summary, Detail or Myth for an RFC in
// KnownRFCs (other RFCs, such as RFC 7230, may be named in passing).
func TestCitedSectionsExist(t *testing.T) {
	sets := sectionSet(t)
	for rfc := range KnownRFCs {
		if _, ok := rfcSections[rfc]; !ok {
			t.Errorf("RFC %d is in KnownRFCs but has no entry in rfcSections", rfc)
		}
	}
	for rfc := range rfcSections {
		if _, ok := KnownRFCs[rfc]; !ok {
			t.Errorf("rfcSections lists RFC %d, which is not in KnownRFCs", rfc)
		}
	}
	for _, n := range Catalogue() {
		if why := checkSection(sets, n.Ref.RFC, n.Ref.Section); why != "" {
			t.Errorf("note %s: Ref %s: %s", n.ID, n.Ref, why)
		}
		for _, m := range citationLink.FindAllStringSubmatch(n.Detail, -1) {
			rfc, err := strconv.Atoi(m[2])
			if err != nil {
				t.Errorf("note %s: link %s: %q is not an RFC number", n.ID, m[0], m[2])
				continue
			}
			if why := checkSection(sets, rfc, m[3]); why != "" {
				t.Errorf("note %s: link %s: %s", n.ID, m[0], why)
			}
		}
		prose := citationLink.ReplaceAllString(n.Summary+"\n"+n.Detail+"\n"+n.Myth, "")
		for _, m := range citationProse.FindAllStringSubmatch(prose, -1) {
			rfc, _ := strconv.Atoi(m[1])
			if _, known := KnownRFCs[rfc]; !known {
				continue // an RFC named in passing (RFC 7230 §6.7), not linked
			}
			if why := checkSection(sets, rfc, m[2]); why != "" {
				t.Errorf("note %s: %q: %s", n.ID, m[0], why)
			}
		}
	}
}

// TestCitationLinkText checks that a link's text names the section it links
// to: [RFC 9110 §7.8](rfc:9110#7.8), [§7.8](rfc:9110#7.8) and
// [Appendix C.2.2](rfc:9112#C.2.2) are right; [RFC 7692](rfc:7692#5) says
// "the whole RFC" but sends the reader to one section.
func TestCitationLinkText(t *testing.T) {
	textRFC := regexp.MustCompile(`^RFC (\d+)(?: §(\S+))?$`)
	textSection := regexp.MustCompile(`^(?:§|Appendix )(\S+)$`)
	for _, n := range Catalogue() {
		for _, m := range citationLink.FindAllStringSubmatch(n.Detail, -1) {
			text, rfc, sec := m[1], m[2], m[3]
			if tm := textRFC.FindStringSubmatch(text); tm != nil {
				if tm[1] != rfc || tm[2] != sec {
					t.Errorf("note %s: link %s: the text names RFC %s %s but the link goes to RFC %s %s",
						n.ID, m[0], tm[1], orWhole(tm[2]), rfc, orWhole(sec))
				}
				continue
			}
			if tm := textSection.FindStringSubmatch(text); tm != nil {
				if tm[1] != sec {
					t.Errorf("note %s: link %s: the text names %s but the link goes to %s", n.ID, m[0], tm[1], orWhole(sec))
				}
				continue
			}
			t.Errorf("note %s: link %s: the text is not \"RFC N §S\", \"§S\" or \"Appendix S\"", n.ID, m[0])
		}
	}
}

func orWhole(sec string) string {
	if sec == "" {
		return "(whole document)"
	}
	return "§" + sec
}

// TestSectionTableSorted keeps rfcSections in document order, so that a
// missing or misplaced number stands out against the table of contents.
func TestSectionTableSorted(t *testing.T) {
	for rfc, list := range rfcSections {
		secs := strings.Fields(list)
		if !slices.IsSortedFunc(secs, compareSections) {
			t.Errorf("RFC %d: rfcSections is not in document order", rfc)
		}
	}
}

// compareSections orders section numbers as a table of contents does:
// numbers before appendix letters, then part by part, numerically.
func compareSections(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		switch {
		case ea == nil && eb == nil:
			if na != nb {
				return na - nb
			}
		case ea == nil:
			return -1
		case eb == nil:
			return 1
		default:
			if c := strings.Compare(pa[i], pb[i]); c != 0 {
				return c
			}
		}
	}
	return len(pa) - len(pb)
}
