package engine

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Level says how a note judges what it found.
type Level uint8

const (
	Info Level = iota // neutral explanation
	Good              // the request does what the RFC asks
	Warn              // legal but risky, deprecated or surprising
	Bad               // a violation; a Bad note with a Status decides the response
)

var levelNames = [...]string{"info", "good", "warn", "bad"}

func (l Level) String() string { return levelNames[l] }

// Category groups notes the way the Why pane groups them.
type Category uint8

const (
	Syntax    Category = iota // HTTP/1.1 message syntax (RFC 9112, RFC 9110 §5)
	Framing                   // message body framing (RFC 9112 §6)
	Upgrade                   // the generic Upgrade mechanism (RFC 9110 §7.8)
	WebSocket                 // RFC 6455, RFC 7692
	H2C                       // RFC 7540 §3.2, RFC 9113
	TLS                       // RFC 2817
	Expect                    // RFC 9110 §10.1.1
	Myth                      // a common misconception, corrected
	Security                  // smuggling, origin checks, hijacking
)

var categoryNames = [...]string{"syntax", "framing", "upgrade", "websocket", "h2c", "tls", "expect", "myth", "security"}

func (c Category) String() string { return categoryNames[c] }

// A Ref cites one section of an RFC.
type Ref struct {
	RFC     int
	Section string // "7.8", "4.2.1"; empty for the whole document
}

// KnownRFCs lists every RFC a note may cite; the renderer links only these.
var KnownRFCs = map[int]string{
	2817: "Upgrading to TLS Within HTTP/1.1",
	4648: "The Base16, Base32, and Base64 Data Encodings",
	6454: "The Web Origin Concept",
	6455: "The WebSocket Protocol",
	6585: "Additional HTTP Status Codes",
	7540: "HTTP/2 (obsoleted)",
	7692: "Compression Extensions for WebSocket",
	7838: "HTTP Alternative Services",
	8441: "Bootstrapping WebSockets with HTTP/2",
	9110: "HTTP Semantics",
	9112: "HTTP/1.1",
	9113: "HTTP/2",
	9114: "HTTP/3",
	9220: "Bootstrapping WebSockets with HTTP/3",
	9298: "Proxying UDP in HTTP",
	9460: "Service Binding and Parameter Specification via the DNS (SVCB and HTTPS RRs)",
	9931: "Security Considerations for Optimistic Protocol Transitions in HTTP/1.1",
	7301: "TLS Application-Layer Protocol Negotiation Extension",
	8446: "The Transport Layer Security (TLS) Protocol Version 1.3",
	3986: "Uniform Resource Identifier (URI): Generic Syntax",
	5234: "Augmented BNF for Syntax Specifications: ABNF",
	7541: "HPACK: Header Compression for HTTP/2",
	9000: "QUIC: A UDP-Based Multiplexed and Secure Transport",
	9484: "Proxying IP in HTTP",
	9218: "Extensible Prioritization Scheme for HTTP",
}

// String formats the reference as "RFC 9110 §7.8".
func (r Ref) String() string {
	s := "RFC " + strconv.Itoa(r.RFC)
	if r.Section != "" {
		s += " §" + r.Section
	}
	return s
}

// URL is the rfc-editor.org address of the cited section.
func (r Ref) URL() string {
	u := "https://www.rfc-editor.org/rfc/rfc" + strconv.Itoa(r.RFC)
	if r.Section != "" {
		if isDigit(r.Section[0]) {
			u += "#section-" + r.Section
		} else {
			u += "#appendix-" + r.Section
		}
	}
	return u
}

// A Note is one catalogue entry: something the engine can say about a request.
// Notes are declared next to the code that raises them and carry no behaviour.
//
// Summary is one plain-text sentence; Detail is markdown. Both may hold
// placeholders {name}; the values for them come from the request and are
// always inserted as text (never parsed as markdown) by the renderer.
type Note struct {
	ID       string // stable kebab-case slug, used in goldens and anchors
	Category Category
	Level    Level
	Status   int // for Bad notes: the status this rejection implies; else 0 (and for reverse mode's client-* notes: a client refuses without a status)
	Summary  string
	Detail   string
	Ref      Ref
	Myth     string // for notes that correct a misconception: the myth, in one sentence
}

// noteLists returns every note, file by file: each *_notes.go file declares
// its notes as &Note{} variables and lists them in a function. The notes are
// static data, laid out by the compiler, and the lists are built on first
// use: the page runs no code for the catalogue until it looks a note up.
// TestCatalogueComplete checks that every note declared is listed once and
// that the IDs are unique.
func noteLists() [][]*Note {
	return [][]*Note{
		requestNotes(),
		framingNotes(),
		upgradeNotes(),
		websocketNotes(),
		websocketSubprotocolNotes(),
		websocketDeflateNotes(),
		websocketFrameNotes(),
		websocketOriginNotes(),
		h2cNotes(),
		tlsNotes(),
		mythNotes(),
		profileNotes(),
		clientNotes(),
		profileWSNotes(),
		profileWebsocketsNotes(),
		proxyNotes(),
	}
}

// catalogue is every note sorted by ID, built on first use.
var catalogue struct {
	once sync.Once
	byID []*Note
}

func sortedNotes() []*Note {
	catalogue.once.Do(func() {
		for _, list := range noteLists() {
			catalogue.byID = append(catalogue.byID, list...)
		}
		slices.SortFunc(catalogue.byID, func(a, b *Note) int { return strings.Compare(a.ID, b.ID) })
	})
	return catalogue.byID
}

// Catalogue returns every note, sorted by ID.
func Catalogue() []*Note { return slices.Clone(sortedNotes()) }

// LookupNote returns the note with the given ID, or nil.
func LookupNote(id string) *Note {
	all := sortedNotes()
	i, found := slices.BinarySearchFunc(all, id, func(n *Note, id string) int { return strings.Compare(n.ID, id) })
	if !found {
		return nil
	}
	return all[i]
}

// A Var is a named value from the request, filling a {name} placeholder.
type Var struct{ Name, Value string }

// Expand fills the {name} placeholders of a plain-text template. Unknown
// placeholders are left as they are. It is for plain text only: markdown
// details are expanded by the renderer, which inserts values as text nodes.
func Expand(template string, vars []Var) string {
	if !strings.Contains(template, "{") {
		return template
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			b.WriteString(template)
			return b.String()
		}
		j := strings.IndexByte(template[i:], '}')
		if j < 0 {
			b.WriteString(template)
			return b.String()
		}
		name := template[i+1 : i+j]
		b.WriteString(template[:i])
		if v, ok := LookupVar(vars, name); ok {
			b.WriteString(v)
		} else {
			b.WriteString(template[i : i+j+1])
		}
		template = template[i+j+1:]
	}
}

// LookupVar returns the value of the Var called name, and whether there is one.
func LookupVar(vars []Var, name string) (string, bool) {
	for _, v := range vars {
		if v.Name == name {
			return v.Value, true
		}
	}
	return "", false
}

// Placeholders lists the distinct {name} placeholders of a template, in order.
func Placeholders(template string) []string {
	var out []string
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(template[i:], '}')
		if j < 0 {
			return out
		}
		name := template[i+1 : i+j]
		if isPlaceholderName(name) && !slices.Contains(out, name) {
			out = append(out, name)
		}
		template = template[i+j+1:]
	}
}

func isPlaceholderName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || isDigit(c) || c == '_') {
			return false
		}
	}
	return true
}
