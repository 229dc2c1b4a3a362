// Package static serves the playground's static site with the right types and
// precompressed WebAssembly.
package static

import (
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Handler serves the static site rooted at dir (the repository root after
// ./build.sh). It sets application/wasm for .wasm files and, when the client
// accepts it, serves a precompressed sibling (F.br, then F.gz) with the
// matching Content-Encoding and Vary: Accept-Encoding. It never lists
// directories and serves only files under dir.
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") && p != "/" {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		if ext := path.Ext(p); ext != "" {
			if ct := contentType(ext); ct != "" {
				h.Set("Content-Type", ct)
			}
		}
		if path.Ext(p) == ".wasm" {
			h.Add("Vary", "Accept-Encoding")
			accept := r.Header.Get("Accept-Encoding")
			for _, enc := range []struct{ token, suffix string }{{"br", ".br"}, {"gzip", ".gz"}} {
				if !acceptsEncoding(accept, enc.token) {
					continue
				}
				full := filepath.Join(dir, filepath.FromSlash(p)+enc.suffix)
				if st, err := os.Stat(full); err == nil && !st.IsDir() && fresh(full, filepath.Join(dir, filepath.FromSlash(p))) {
					h.Set("Content-Encoding", enc.token)
					http.ServeFile(w, r, full)
					return
				}
			}
		}
		files.ServeHTTP(w, r)
	})
}

// fresh reports whether the compressed file is not older than the original.
func fresh(compressed, orig string) bool {
	c, err1 := os.Stat(compressed)
	o, err2 := os.Stat(orig)
	return err1 == nil && err2 == nil && !c.ModTime().Before(o.ModTime())
}

func contentType(ext string) string {
	switch ext {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".html":
		return "text/html; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	}
	return mime.TypeByExtension(ext)
}

// acceptsEncoding reports whether an Accept-Encoding value accepts the
// coding token with a non-zero weight (RFC 9110 §12.5.3).
func acceptsEncoding(accept, token string) bool {
	for _, part := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		if q, ok := strings.CutPrefix(params, "q="); ok && strings.Trim(q, "0.") == "" {
			return false
		}
		return true
	}
	return false
}
