package engine

import (
	"embed"
	"sort"
	"strings"
)

// The examples gallery: one file per example under examples/, in the same
// txtar shape as the goldens. The header lines say what the example is:
//
//	id: ws-rfc6455-sample      (stable forever: links use #ex=ID)
//	title: The RFC 6455 sample handshake
//	group: WebSocket           (WebSocket, h2c, TLS, Upgrade, Syntax, Security, Myths)
//	lesson: one sentence the example teaches
//	expect: 101                (the final status the example's server must answer by
//	                            the RFCs; 0 = no HTTP/1.1 final response: the server is
//	                            still waiting, or speaks HTTP/2 from the first byte)
//	order: 10                  (position in the gallery)
//
// followed by a `-- request --` section in wire text (see wiretext.go) and an
// optional `-- settings --` section of key=value lines.

//go:embed examples/*.txtar
var exampleFiles embed.FS

// An Example is one entry of the gallery.
type Example struct {
	ID, Title, Group, Lesson string
	Expect                   int // the status the example's server answers
	Order                    int
	Request                  []byte
	Settings                 [][2]string // key, value, in file order
}

var examples = loadExamples()

// Examples returns the gallery in order.
func Examples() []Example { return examples }

// LookupExample returns the example with the id.
func LookupExample(id string) (Example, bool) {
	for _, e := range examples {
		if e.ID == id {
			return e, true
		}
	}
	return Example{}, false
}

// Config returns the example's server: the default one with its settings applied.
func (e Example) Config() Config {
	c := DefaultConfig()
	for _, kv := range e.Settings {
		if s := LookupSetting(kv[0]); s != nil {
			_ = s.Set(&c, kv[1])
		}
	}
	return c
}

func loadExamples() []Example {
	entries, err := exampleFiles.ReadDir("examples")
	if err != nil {
		panic("engine: " + err.Error())
	}
	var out []Example
	for _, ent := range entries {
		data, err := exampleFiles.ReadFile("examples/" + ent.Name())
		if err != nil {
			panic("engine: " + err.Error())
		}
		out = append(out, parseExample(string(data)))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

// parseExample reads the header lines and the sections of an example file.
func parseExample(s string) Example {
	var e Example
	header, sections := splitSections(s)
	for _, line := range strings.Split(header, "\n") {
		k, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(k) {
		case "id":
			e.ID = val
		case "title":
			e.Title = val
		case "group":
			e.Group = val
		case "lesson":
			e.Lesson = val
		case "expect":
			e.Expect = atoiSafe(val)
		case "order":
			e.Order = atoiSafe(val)
		}
	}
	e.Request = DecodeWireText(sections["request"])
	for _, line := range strings.Split(sections["settings"], "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		k, val, _ := strings.Cut(line, "=")
		e.Settings = append(e.Settings, [2]string{k, val})
	}
	return e
}

// splitSections splits txtar-shaped text into its leading comment and its
// "-- name --" sections.
func splitSections(s string) (comment string, sections map[string]string) {
	sections = map[string]string{}
	name := ""
	var cur strings.Builder
	flush := func() {
		if name == "" {
			comment = cur.String()
		} else {
			sections[name] = cur.String()
		}
		cur.Reset()
	}
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i+1], s[i+1:]
		} else {
			s = ""
		}
		t := strings.TrimRight(line, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			name = strings.TrimSpace(t[3 : len(t)-3])
			continue
		}
		cur.WriteString(line)
	}
	flush()
	return comment, sections
}

func atoiSafe(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		if !isDigit(s[i]) {
			return n
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
