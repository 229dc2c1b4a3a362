// Package static serves the playground's static site with the right types,
// precompressed WebAssembly and compressed text, and the header that lets
// the service worker control the root page.
package static

import (
	"bytes"
	"compress/gzip"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/upgrade-playground/playground/site/offline"
)

// Handler serves the static site rooted at dir (the repository root after
// ./build.sh). It never lists directories and serves only files under dir.
//
//   - Types: application/wasm for .wasm files, and a charset for text.
//   - WebAssembly: when the client accepts it, a precompressed sibling
//     (F.br, then F.gz, written by site/compress) with the matching
//     Content-Encoding.
//   - Text (html, css, js, svg, json, md, txt): compressed here, brotli
//     then gzip, when the client accepts it, the request has no Range, and
//     the result is smaller; the compressed bytes are kept in memory until
//     the file changes (its modification time or size). Conditional
//     requests work on the file's modification time, as for every file;
//     there are no ETags.
//   - Both carry Vary: Accept-Encoding, compressed or not.
//   - site/sw.js carries Service-Worker-Allowed: / so that the service
//     worker may control the root page, index.html (site/sw.js, site/app.js).
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	var texts textCache
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") && p != "/" {
			http.NotFound(w, r)
			return
		}
		// name is the file: the folder's index.html for the root.
		name := p
		if name == "/" {
			name = "/index.html"
		}
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		ext := path.Ext(name)
		if ext != "" {
			if ct := contentType(ext); ct != "" {
				h.Set("Content-Type", ct)
			}
		}
		if p == "/"+offline.WorkerFile {
			// The worker's scope may be the folder of index.html, the
			// root, wider than its own folder (Service Workers, the
			// Update algorithm's max scope).
			h.Set("Service-Worker-Allowed", "/")
		}
		accept := r.Header.Get("Accept-Encoding")
		switch {
		case ext == ".wasm":
			h.Add("Vary", "Accept-Encoding")
			for _, enc := range []struct{ token, suffix string }{{"br", ".br"}, {"gzip", ".gz"}} {
				if !acceptsEncoding(accept, enc.token) {
					continue
				}
				full := filepath.Join(dir, filepath.FromSlash(p)+enc.suffix)
				if st, err := os.Stat(full); err == nil && !st.IsDir() && fresh(full, filepath.Join(dir, filepath.FromSlash(p))) {
					h.Set("Content-Encoding", enc.token)
					// As in textCache.serve; a range sets its own.
					if r.Header.Get("Range") == "" {
						h.Set("Content-Length", strconv.FormatInt(st.Size(), 10))
					}
					http.ServeFile(w, r, full)
					return
				}
			}
		case textExt[ext]:
			h.Add("Vary", "Accept-Encoding")
			// FileServer redirects …/index.html to its folder; a Range is
			// served from the file itself.
			if (r.Method != http.MethodGet && r.Method != http.MethodHead) || r.Header.Get("Range") != "" || strings.HasSuffix(p, "/index.html") {
				break
			}
			for _, enc := range encoders {
				if acceptsEncoding(accept, enc.token) && texts.serve(w, r, http.Dir(dir), name, enc) {
					return
				}
			}
		}
		files.ServeHTTP(w, r)
	})
}

// textExt lists the extensions of the files compressed on the fly.
var textExt = map[string]bool{".html": true, ".css": true, ".js": true, ".svg": true, ".json": true, ".md": true, ".txt": true}

// An encoder is a content coding the handler compresses text with, in the
// handler's order of preference.
type encoder struct {
	token    string // the Content-Encoding token
	compress func([]byte) ([]byte, error)
}

var encoders = []encoder{
	{"br", func(data []byte) ([]byte, error) { return Brotli(data), nil }},
	{"gzip", Gzip},
}

// textCache keeps the compressed text files by name and coding.
type textCache struct {
	mu sync.Mutex
	m  map[string]compressed
}

// compressed is a file's compressed bytes, for the version of the file that
// had that modification time and size.
type compressed struct {
	mod  time.Time
	size int64
	data []byte
}

// serve answers r with the file name of fs compressed with enc, and reports
// whether it did: not when the file is missing, a folder or unreadable
// (FileServer then answers as usual), or when its compressed form is not
// smaller. Conditional requests (If-Modified-Since) and HEAD are
// http.ServeContent's, which also sets Content-Length.
func (c *textCache) serve(w http.ResponseWriter, r *http.Request, fs http.FileSystem, name string, enc encoder) bool {
	f, err := fs.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		return false
	}
	key := enc.token + "\x00" + name
	c.mu.Lock()
	e, ok := c.m[key]
	c.mu.Unlock()
	if !ok || !e.mod.Equal(st.ModTime()) || e.size != st.Size() {
		data, err := io.ReadAll(f)
		if err != nil || int64(len(data)) != st.Size() {
			return false // the file changed while it was read: FileServer serves it
		}
		z, err := enc.compress(data)
		if err != nil {
			return false
		}
		e = compressed{mod: st.ModTime(), size: st.Size(), data: z}
		c.mu.Lock()
		if c.m == nil {
			c.m = map[string]compressed{}
		}
		c.m[key] = e
		c.mu.Unlock()
	}
	if int64(len(e.data)) >= e.size {
		return false
	}
	// ServeContent leaves Content-Length unset when there is a
	// Content-Encoding, and removes it from a 304 or an error.
	w.Header().Set("Content-Encoding", enc.token)
	w.Header().Set("Content-Length", strconv.Itoa(len(e.data)))
	http.ServeContent(w, r, name, e.mod, bytes.NewReader(e.data))
	return true
}

// Gzip compresses data with gzip at the best compression level.
func Gzip(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Brotli compresses data with brotli at the best compression level.
func Brotli(data []byte) []byte {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, brotli.BestCompression)
	w.Write(data) // writes to a bytes.Buffer cannot fail
	w.Close()
	return b.Bytes()
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
	case ".md":
		return "text/markdown; charset=utf-8"
	}
	return mime.TypeByExtension(ext)
}

// acceptsEncoding reports whether an Accept-Encoding value accepts the
// coding token with a non-zero weight (RFC 9110 §12.5.3): named, or, when
// it is not named, through "*".
func acceptsEncoding(accept, token string) bool {
	star := false
	for _, part := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.TrimSpace(name)
		params = strings.ReplaceAll(params, " ", "")
		weighted := true
		if q, ok := strings.CutPrefix(params, "q="); ok && strings.Trim(q, "0.") == "" {
			weighted = false
		}
		if strings.EqualFold(name, token) {
			return weighted
		}
		if name == "*" {
			star = weighted
		}
	}
	return star
}
