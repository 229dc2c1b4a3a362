package engine

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine/wiretext"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ from the engine's output")

// A golden exchange (testdata/*.txtar): the comment says what the case
// teaches; -- request -- holds the request in wire text (see wiretext.go);
// -- settings -- (optional) holds key=value lines for the server settings;
// -- response --, -- trace -- and -- after -- are the engine's output,
// rewritten by `go test ./engine -update`. Review the goldens' git diff.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string][]byte{}
			for _, f := range ar.Files {
				sections[f.Name] = f.Data
			}
			req, ok := sections["request"]
			if !ok {
				t.Fatal("no -- request -- section")
			}
			cfg, err := goldenConfig(string(sections["settings"]))
			if err != nil {
				t.Fatal(err)
			}
			res := Negotiate(wiretext.Decode(string(req)), &cfg)
			got := map[string][]byte{
				"response": []byte(wiretext.Encode(res.Bytes())),
				"trace":    []byte(FormatTrace(res)),
				"after":    []byte(FormatAfter(res)),
			}
			names := []string{"response", "trace", "after"}
			if h := res.Hop; h != nil && h.Backend != nil {
				// The proxy's request to the server, and the server's trace.
				got["forwarded"] = []byte(wiretext.Encode(h.Forwarded))
				got["backend"] = []byte(FormatTrace(h.Backend))
				names = append(names, "forwarded", "backend")
			}
			if *update {
				var files []txtar.File
				for _, f := range ar.Files {
					if _, gen := got[f.Name]; !gen {
						files = append(files, f)
					}
				}
				for _, name := range names {
					if name == "after" && len(got[name]) == 0 {
						continue
					}
					files = append(files, txtar.File{Name: name, Data: got[name]})
				}
				ar.Files = files
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range names {
				if !bytes.Equal(sections[name], got[name]) {
					t.Errorf("-- %s -- differs (run go test ./engine -update and review the diff)\nrequest:\n%s\ngot:\n%s\nwant:\n%s", name, req, got[name], sections[name])
				}
			}
		})
	}
}

// goldenConfig is the server of a golden's settings: srv=<profile> (first,
// wherever it is written) plays a profile, and every other key=value line
// is a Setting applied on top, as the application's configuration.
func goldenConfig(settings string) (Config, error) {
	cfg := DefaultConfig()
	lines := strings.Split(settings, "\n")
	for _, line := range lines {
		if k, val, _ := strings.Cut(strings.TrimSpace(line), "="); k == "srv" {
			p := LookupProfile(val)
			if p == nil {
				return cfg, fmt.Errorf("unknown profile %q", val)
			}
			cfg = p.Config()
		}
	}
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "srv=") {
			continue
		}
		if val, ok := strings.CutPrefix(line, "proxy="); ok {
			cfg.Proxy = val
			continue
		}
		k, val, _ := strings.Cut(line, "=")
		s := LookupSetting(k)
		if s == nil {
			return cfg, fmt.Errorf("unknown setting %q", k)
		}
		if err := s.Set(&cfg, val); err != nil {
			return cfg, fmt.Errorf("setting %s: %v", k, err)
		}
	}
	return cfg, nil
}

// FormatTrace writes a result's trace one step a line, for goldens:
// stage outcome note-id line:col-line:col summary.
func FormatTrace(res *Result) string {
	var b strings.Builder
	for i, s := range res.Trace {
		id := "-"
		if s.Note != nil {
			id = s.Note.ID
		}
		mark := " "
		if i == res.Decisive {
			mark = "!"
		}
		pos := "-"
		if !s.Span.Empty() {
			a, z := res.Request.Pos(s.Span.Start), res.Request.Pos(s.Span.End)
			pos = fmt.Sprintf("%d:%d-%d:%d", a.Line, a.Col, z.Line, z.Col)
		}
		fmt.Fprintf(&b, "%s%s %s %s %s %s\n", mark, s.Stage, s.Outcome, id, pos, s.Summary())
	}
	switch {
	case res.Closed:
		b.WriteString("closed without a response\n")
	case res.Final == nil:
		fmt.Fprintf(&b, "waiting for %s\n", res.Waiting)
	}
	return b.String()
}

// FormatAfter writes the parts that follow the response, for goldens.
func FormatAfter(res *Result) string {
	var b strings.Builder
	for _, p := range append(append([]Part(nil), res.After...), res.Elsewhere()...) {
		fmt.Fprintf(&b, "%s %s: %s (%d bytes)\n", p.From, p.Proto, p.Title, len(p.Bytes))
		for _, f := range p.Fields {
			fmt.Fprintf(&b, "  %s: %q\n", f.Name, f.Value)
		}
		if len(p.Bytes) > 0 {
			fmt.Fprintf(&b, "  % x\n", p.Bytes[:min(len(p.Bytes), 64)])
		}
	}
	return b.String()
}

// goldenInput returns the request bytes and the server of a golden file.
func goldenInput(t testing.TB, file string) ([]byte, Config) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var req, settings string
	for _, f := range ar.Files {
		switch f.Name {
		case "request":
			req = string(f.Data)
		case "settings":
			settings = string(f.Data)
		}
	}
	cfg, err := goldenConfig(settings)
	if err != nil {
		t.Fatal(err)
	}
	return wiretext.Decode(req), cfg
}

// exchangeFiles lists every golden exchange and every example of the
// gallery (the same txtar shape: a request and the server's settings).
func exchangeFiles(t *testing.T) []string {
	files, _ := filepath.Glob("testdata/*.txtar")
	examples, _ := filepath.Glob("../wasm/gallery/examples/*.txtar")
	if len(files) == 0 || len(examples) == 0 {
		t.Fatal("no golden or example files")
	}
	return append(files, examples...)
}
