package static

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"
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
		{"/", "br", 200, "<!doctype html>", "text/html; charset=utf-8", ""},
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
		if tc.path == "/site/main.wasm" && rec.Header().Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s: no Vary: Accept-Encoding", tc.path)
		}
	}
}
