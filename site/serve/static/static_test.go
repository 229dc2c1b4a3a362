package static

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string, age time.Duration) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		mt := time.Now().Add(-age)
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", "<!doctype html>", 0)
	write("site/main.wasm", "raw", time.Hour)
	write("site/main.wasm.gz", "gz", 0)
	write("site/main.wasm.br", "br", 0)
	write("site/old.wasm", "raw-new", 0)
	write("site/old.wasm.br", "stale", time.Hour)
	h := Handler(dir)
	tests := []struct {
		path, accept          string
		status                int
		body, ctype, encoding string
	}{
		{"/site/main.wasm", "gzip, deflate, br", 200, "br", "application/wasm", "br"},
		{"/site/main.wasm", "gzip", 200, "gz", "application/wasm", "gzip"},
		{"/site/main.wasm", "br;q=0, gzip;q=0.5", 200, "gz", "application/wasm", "gzip"},
		{"/site/main.wasm", "", 200, "raw", "application/wasm", ""},
		{"/site/old.wasm", "br", 200, "raw-new", "application/wasm", ""}, // the .br is older: not served
		{"/index.html", "br", 301, "", "", ""},                           // FileServer redirects to /
		{"/", "identity", 200, "<!doctype html>", "text/html; charset=utf-8", ""},
		{"/site/", "", 404, "", "", ""},
		{"/../etc/passwd", "", 404, "", "", ""},
	}
	for _, tc := range tests {
		req := httptest.NewRequest("GET", "http://x"+tc.path, nil)
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.status {
			t.Errorf("%s (%s): status %d, want %d", tc.path, tc.accept, rec.Code, tc.status)
			continue
		}
		if tc.status != 200 {
			continue
		}
		if got := rec.Body.String(); got != tc.body {
			t.Errorf("%s (%s): body %q, want %q", tc.path, tc.accept, got, tc.body)
		}
		if got := rec.Header().Get("Content-Type"); got != tc.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tc.path, got, tc.ctype)
		}
		if got := rec.Header().Get("Content-Encoding"); got != tc.encoding {
			t.Errorf("%s (%s): Content-Encoding %q, want %q", tc.path, tc.accept, got, tc.encoding)
		}
		if got := rec.Header().Get("Content-Length"); got != strconv.Itoa(len(tc.body)) {
			t.Errorf("%s (%s): Content-Length %q, want %d", tc.path, tc.accept, got, len(tc.body))
		}
		if tc.path == "/site/main.wasm" && rec.Header().Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s: no Vary: Accept-Encoding", tc.path)
		}
	}
}

// TestText: text files are compressed when the client accepts it, and
// served as they are otherwise.
func TestText(t *testing.T) {
	dir := t.TempDir()
	mod := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	write := func(name, data string, mt time.Time) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	// Text that compresses: a line repeated.
	text := func(line string) string { return strings.Repeat(line+"\n", 200) }
	files := map[string]string{
		"index.html":        text("<p>The playground's page.</p>"),
		"site/app.js":       text("const x = 1; // app"),
		"site/style.css":    text("body { color: black; }"),
		"site/favicon.svg":  text(`<path d="M0 0h1"/>`),
		"site/data.json":    text(`{"a": 1}`),
		"docs/links.md":     text("# Links"),
		"site/notes.txt":    text("plain text"),
		"site/pic.png":      text("not really a png"),
		"site/tiny.js":      "x",
		"site/main.wasm":    text("wasm"),
		"site/main.wasm.gz": "gz",
	}
	for name, data := range files {
		write(name, data, mod)
	}
	h := Handler(dir)
	tests := []struct {
		method, path, accept string
		header               map[string]string // more request fields
		status               int
		encoding             string // the Content-Encoding
		file                 string // the file the body decodes to ("" for none)
		ctype                string // "" for any
	}{
		{"GET", "/site/app.js", "gzip, deflate, br", nil, 200, "br", "site/app.js", "text/javascript; charset=utf-8"},
		{"GET", "/site/app.js", "gzip", nil, 200, "gzip", "site/app.js", "text/javascript; charset=utf-8"},
		{"GET", "/site/app.js", "br;q=0, gzip;q=0.5", nil, 200, "gzip", "site/app.js", ""},
		{"GET", "/site/app.js", "br;q=0.0, gzip;q=0", nil, 200, "", "site/app.js", ""},
		{"GET", "/site/app.js", "identity", nil, 200, "", "site/app.js", ""},
		{"GET", "/site/app.js", "", nil, 200, "", "site/app.js", ""},
		{"GET", "/site/app.js", "*", nil, 200, "br", "site/app.js", ""},
		{"GET", "/site/app.js", "br;q=0, *", nil, 200, "gzip", "site/app.js", ""},
		{"GET", "/site/app.js", "gzip, *;q=0", nil, 200, "gzip", "site/app.js", ""},
		{"GET", "/", "gzip, br", nil, 200, "br", "index.html", "text/html; charset=utf-8"},
		{"GET", "/index.html", "gzip, br", nil, 301, "", "", ""}, // FileServer redirects to /
		{"GET", "/site/style.css", "gzip", nil, 200, "gzip", "site/style.css", "text/css; charset=utf-8"},
		{"GET", "/site/favicon.svg", "br", nil, 200, "br", "site/favicon.svg", "image/svg+xml"},
		{"GET", "/site/data.json", "gzip", nil, 200, "gzip", "site/data.json", "application/json"},
		{"GET", "/docs/links.md", "gzip", nil, 200, "gzip", "docs/links.md", "text/markdown; charset=utf-8"},
		{"GET", "/site/notes.txt", "br", nil, 200, "br", "site/notes.txt", "text/plain; charset=utf-8"},
		// HEAD: the compressed response's fields, no body.
		{"HEAD", "/site/app.js", "gzip", nil, 200, "gzip", "", ""},
		// Not compressed: an image, a file whose compressed form is not
		// smaller, a missing file, a range (served from the file).
		{"GET", "/site/pic.png", "gzip, br", nil, 200, "", "site/pic.png", "image/png"},
		{"GET", "/site/tiny.js", "gzip, br", nil, 200, "", "site/tiny.js", ""},
		{"GET", "/site/missing.js", "gzip, br", nil, 404, "", "", ""},
		{"GET", "/site/app.js", "gzip, br", map[string]string{"Range": "bytes=0-9"}, 206, "", "", ""},
		// The .wasm as before: its precompressed sibling.
		{"GET", "/site/main.wasm", "gzip, br", nil, 200, "gzip", "", "application/wasm"},
		// Conditional requests: not modified since the file's time,
		// compressed or not; modified since an earlier time.
		{"GET", "/site/app.js", "gzip", map[string]string{"If-Modified-Since": mod.Format(http.TimeFormat)}, 304, "", "", ""},
		{"GET", "/site/app.js", "", map[string]string{"If-Modified-Since": mod.Format(http.TimeFormat)}, 304, "", "", ""},
		{"GET", "/site/app.js", "br", map[string]string{"If-Modified-Since": mod.Add(-time.Hour).Format(http.TimeFormat)}, 200, "br", "site/app.js", ""},
	}
	for _, tc := range tests {
		name := tc.method + " " + tc.path + " (" + tc.accept + ")"
		req := httptest.NewRequest(tc.method, "http://x"+tc.path, nil)
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		for k, v := range tc.header {
			req.Header.Set(k, v)
			name += " " + k
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		if res.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", name, res.StatusCode, tc.status)
			continue
		}
		if got := res.Header.Get("Content-Encoding"); got != tc.encoding {
			t.Errorf("%s: Content-Encoding %q, want %q", name, got, tc.encoding)
		}
		if tc.status == 404 || tc.status == 301 {
			continue
		}
		if got := res.Header.Get("Vary"); got != "Accept-Encoding" && tc.path != "/site/pic.png" {
			t.Errorf("%s: Vary %q, want Accept-Encoding", name, got)
		}
		if tc.ctype != "" && res.Header.Get("Content-Type") != tc.ctype {
			t.Errorf("%s: Content-Type %q, want %q", name, res.Header.Get("Content-Type"), tc.ctype)
		}
		body := rec.Body.Bytes()
		switch tc.status {
		case 304:
			if len(body) != 0 {
				t.Errorf("%s: a 304 with a body", name)
			}
			continue
		case 206:
			if string(body) != files["site/app.js"][:10] || res.Header.Get("Content-Length") != "10" {
				t.Errorf("%s: body %q, Content-Length %s", name, body, res.Header.Get("Content-Length"))
			}
			continue
		}
		// Content-Length: the bytes sent (for HEAD, the bytes GET sends).
		want := len(body)
		if tc.method == "HEAD" {
			if len(body) != 0 {
				t.Errorf("%s: a body", name)
			}
			get := httptest.NewRecorder()
			req.Method = "GET"
			h.ServeHTTP(get, req)
			want = get.Body.Len()
			if want == 0 || want >= len(files["site/app.js"]) {
				t.Errorf("%s: GET sends %d bytes", name, want)
			}
		}
		if got := res.Header.Get("Content-Length"); got != strconv.Itoa(want) {
			t.Errorf("%s: Content-Length %q, want %d", name, got, want)
		}
		if tc.file == "" {
			continue
		}
		if got := decode(t, tc.encoding, body); got != files[tc.file] {
			t.Errorf("%s: the body decodes to %d bytes %.40q…, want %s (%d bytes)", name, len(got), got, tc.file, len(files[tc.file]))
		}
		if tc.encoding != "" && len(body) >= len(files[tc.file]) {
			t.Errorf("%s: compressed to %d bytes from %d", name, len(body), len(files[tc.file]))
		}
	}

	// A changed file is compressed again: the same size, another time.
	changed := strings.Replace(files["site/app.js"], "app", "APP", 1)
	write("site/app.js", changed, mod.Add(time.Second))
	for _, enc := range []string{"br", "gzip"} {
		req := httptest.NewRequest("GET", "http://x/site/app.js", nil)
		req.Header.Set("Accept-Encoding", enc)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if got := decode(t, enc, rec.Body.Bytes()); got != changed {
			t.Errorf("after a change, %s: the body decodes to the old file", enc)
		}
	}
}

// decode undoes a Content-Encoding.
func decode(t *testing.T, enc string, body []byte) string {
	t.Helper()
	var r io.Reader = bytes.NewReader(body)
	switch enc {
	case "gzip":
		z, err := gzip.NewReader(r)
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		r = z
	case "br":
		r = brotli.NewReader(r)
	case "":
	default:
		t.Fatalf("unknown coding %q", enc)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", enc, err)
	}
	return string(data)
}

// TestWorkerScope: site/sw.js, and only it, may control the root.
func TestWorkerScope(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"index.html", "site/sw.js", "site/app.js"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := Handler(dir)
	for _, tc := range []struct{ path, want string }{
		{"/site/sw.js", "/"},
		{"/site/app.js", ""},
		{"/", ""},
		{"/sw.js", ""},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://x"+tc.path, nil))
		if got := rec.Header().Get("Service-Worker-Allowed"); got != tc.want {
			t.Errorf("%s: Service-Worker-Allowed %q, want %q", tc.path, got, tc.want)
		}
	}
}
