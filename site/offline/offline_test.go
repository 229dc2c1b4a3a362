package offline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestPage(t *testing.T) {
	index := `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<script src="site/boot.js" data-wasm="site/main.wasm" async></script>
<link rel="preload" href="site/data.bin" as="fetch" crossorigin>
<script src="site/app.js" defer></script>
<link rel="icon" href="favicon.svg">
</head>
<body id="page">
<a class="skip" href="#request">Skip</a>
<a href="index.html" target="_blank">full</a> <a href="https://www.rfc-editor.org/rfc/rfc6455">RFC</a>
<textarea>GET /x HTTP/1.1 src="site/x" href="y"</textarea>
</body>
</html>
`
	got, err := Page([]byte(index))
	if err != nil {
		t.Fatal(err)
	}
	page := string(got)
	for _, want := range []string{
		`<meta charset="utf-8">` + "\n<!-- site/offline.html:",
		`<meta name="robots" content="noindex">`,
		`<script src="boot.js" data-wasm="main.wasm" async></script>`,
		`<link rel="preload" href="data.bin" as="fetch" crossorigin>`,
		`<script src="app.js" defer></script>`,
		`<link rel="icon" href="../favicon.svg">`,
		`<a class="skip" href="#request">`,
		`<a href="../index.html" target="_blank">`,
		`<a href="https://www.rfc-editor.org/rfc/rfc6455">`,
		`GET /x HTTP/1.1 src="site/x" href="y"`, // text, not a tag
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the offline page lacks %q:\n%s", want, page)
		}
	}
	if refs := loads(got); !slices.Equal(refs, []string{"boot.js", "main.wasm", "data.bin", "app.js", "../favicon.svg"}) {
		t.Errorf("loads = %q", refs)
	}
	if _, err := Page([]byte("<html>")); err == nil {
		t.Error("Page of a page without <meta charset>: no error")
	}
}

// site writes a small built site under a temporary root.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestManifest(t *testing.T) {
	files := map[string]string{
		PageFile:         `<meta charset="utf-8"><script src="app.js"></script><link rel="stylesheet" href="style.css"><link rel="canonical" href="../about.html">`,
		IndexFile:        `<meta charset="utf-8"><script src="site/app.js"></script><link rel="stylesheet" href="site/style.css"><link rel="canonical" href="about.html">`,
		"site/app.js":    "app",
		"site/style.css": "css",
		WorkerFile:       "worker",
	}
	root := site(t, files)
	m1, err := Manifest(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`["offline.html", "sha256-`,
		// sha256("app") in base64
		`["app.js", "sha256-oXLO3K5HR0thXFTVEKXYSo3qMDLpWFh0MLQTU4vj8zM="]`,
		`["style.css", "sha256-`,
	} {
		if !strings.Contains(string(m1), want) {
			t.Errorf("the manifest lacks %q:\n%s", want, m1)
		}
	}
	// The root page, by its URL from site/, and after offline.html.
	if i, j := strings.Index(string(m1), `["offline.html", `), strings.Index(string(m1), `["../index.html", "sha256-`); i < 0 || j < i || strings.Count(string(m1), "index.html") != 1 {
		t.Errorf("the manifest does not list ../index.html once, after offline.html:\n%s", m1)
	}
	if strings.Contains(string(m1), "about.html") {
		t.Errorf("the manifest lists a link that loads nothing:\n%s", m1)
	}
	version := func(m []byte) string {
		_, v, _ := strings.Cut(string(m), `version: "`)
		v, _, _ = strings.Cut(v, `"`)
		if len(v) != 16 {
			t.Fatalf("version %q in\n%s", v, m)
		}
		return v
	}
	// Any file, the worker included, makes another version.
	for _, name := range []string{"site/app.js", "site/style.css", PageFile, IndexFile, WorkerFile} {
		changed := map[string]string{}
		for k, v := range files {
			changed[k] = v
		}
		changed[name] += " "
		m2, err := Manifest(site(t, changed))
		if err != nil {
			t.Fatal(err)
		}
		if version(m2) == version(m1) {
			t.Errorf("changing %s kept the version %s", name, version(m1))
		}
	}
	// The root page loads a file the offline copy does not (a stale
	// offline.html): offline, it would not find it.
	stale := map[string]string{}
	for k, v := range files {
		stale[k] = v
	}
	stale[IndexFile] += `<script src="site/new.js"></script>`
	stale["site/new.js"] = "new"
	if _, err := Manifest(site(t, stale)); err == nil || !strings.Contains(err.Error(), "site/new.js") {
		t.Errorf("index.html loads a file offline.html does not: err = %v", err)
	}
	// A file the page loads must exist: a missing one is an error, not a
	// list the worker cannot fetch.
	if err := os.Remove(filepath.Join(root, "site/style.css")); err != nil {
		t.Fatal(err)
	}
	if _, err := Manifest(root); err == nil || !strings.Contains(err.Error(), "style.css") {
		t.Errorf("a missing file: err = %v", err)
	}
}
