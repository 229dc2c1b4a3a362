// Package offline writes what makes the playground work offline after one
// visit (docs/architecture.md, "Working offline"):
//
//   - site/offline.html, the playground's page inside the folder of the
//     service worker's script: index.html with its relative references
//     rewritten for site/ (go generate ./..., wasm/gen);
//   - site/sw-assets.js, the exact files the worker (site/sw.js) caches,
//     each with its SHA-256, and their version, which names the cache
//     (./build.sh, after the .wasm is built: go run ./wasm/gen -assets).
//
// A service worker controls only the pages under the folder its script is
// served from, unless the server sends Service-Worker-Allowed; the
// repository's top level is fixed and holds no script, so the worker is
// site/sw.js. Where the host sends Service-Worker-Allowed for it (./build.sh
// serve does), its scope is the root and it serves the root index.html
// offline; elsewhere its scope is site/ and the page it serves offline is
// site/offline.html. It caches both pages, whichever its scope.
package offline

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The files, by their path from the repository root.
const (
	IndexFile    = "index.html"
	PageFile     = "site/offline.html"
	ManifestFile = "site/sw-assets.js"
	WorkerFile   = "site/sw.js"
)

// dir is the folder of the worker: the base of the URLs in the manifest,
// and its scope where the host does not allow the root.
const dir = "site/"

var (
	tagRE  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>`)
	attrRE = regexp.MustCompile(`\s(src|href|rel|data-wasm)="([^"]*)"`)
)

// relative reports whether ref is a reference to a file of the site:
// relative, and not to a fragment of the page itself.
func relative(ref string) bool {
	return ref != "" && ref[0] != '#' && ref[0] != '/' && !strings.Contains(ref, ":") && !strings.HasPrefix(ref, "?")
}

// Page is site/offline.html for the page index.html: the same document,
// with a note that it is generated and noindex (it is a copy), and every
// relative src, href and data-wasm (site/boot.js's .wasm) rewritten to
// point from site/ at the same file.
func Page(index []byte) ([]byte, error) {
	const charset = "<meta charset=\"utf-8\">\n"
	i := bytes.Index(index, []byte(charset))
	if i < 0 {
		return nil, errors.New("index.html has no " + strconv.Quote(strings.TrimSpace(charset)))
	}
	var b bytes.Buffer
	b.Write(index[:i+len(charset)])
	b.WriteString("<!-- site/offline.html: index.html for the service worker's scope (site/), written by go generate ./... (wasm/gen, site/offline); do not edit. -->\n")
	b.WriteString("<meta name=\"robots\" content=\"noindex\">\n")
	rest := tagRE.ReplaceAllFunc(index[i+len(charset):], func(tag []byte) []byte {
		return attrRE.ReplaceAllFunc(tag, func(attr []byte) []byte {
			m := attrRE.FindSubmatch(attr)
			ref := string(m[2])
			if string(m[1]) == "rel" || !relative(ref) {
				return attr
			}
			if r, ok := strings.CutPrefix(ref, dir); ok {
				ref = r
			} else {
				ref = "../" + ref
			}
			return []byte(" " + string(m[1]) + `="` + ref + `"`)
		})
	})
	b.Write(rest)
	return b.Bytes(), nil
}

// loads lists the references of a page to the files it loads, in document
// order and once each: scripts (and the .wasm site/boot.js fetches, its
// script's data-wasm), images, and the stylesheets, preloads and icons its
// link elements name.
func loads(page []byte) []string {
	var refs []string
	seen := map[string]bool{}
	for _, m := range tagRE.FindAllSubmatch(page, -1) {
		tag, name := m[0], strings.ToLower(string(m[1]))
		attrs := map[string]string{}
		for _, a := range attrRE.FindAllSubmatch(tag, -1) {
			attrs[string(a[1])] = string(a[2])
		}
		var tagRefs []string
		switch name {
		case "script":
			tagRefs = []string{attrs["src"], attrs["data-wasm"]}
		case "img":
			tagRefs = []string{attrs["src"]}
		case "link":
			for _, rel := range strings.Fields(strings.ToLower(attrs["rel"])) {
				switch rel {
				case "stylesheet", "preload", "modulepreload", "icon", "apple-touch-icon", "manifest":
					tagRefs = []string{attrs["href"]}
				}
			}
		}
		for _, ref := range tagRefs {
			if relative(ref) && !seen[ref] {
				seen[ref] = true
				refs = append(refs, ref)
			}
		}
	}
	return refs
}

// An Asset is one file the worker caches.
type Asset struct {
	Path      string // from the repository root
	URL       string // relative to the worker, site/
	Integrity string // "sha256-" and the base64 SHA-256 of its bytes (Subresource Integrity)
}

// Assets lists the files under root that the worker caches:
// site/offline.html, the root index.html, then every file they load, in
// their order. Both pages load the same files (offline.html is index.html
// with its references rewritten): a file index.html loads that offline.html
// does not is an error, since the root page would not find it offline.
func Assets(root string) ([]Asset, error) {
	page, err := os.ReadFile(filepath.Join(root, PageFile))
	if err != nil {
		return nil, err
	}
	index, err := os.ReadFile(filepath.Join(root, IndexFile))
	if err != nil {
		return nil, err
	}
	urls := append([]string{path.Base(PageFile), "../" + IndexFile}, loads(page)...)
	assets := make([]Asset, 0, len(urls))
	for _, u := range urls {
		p := path.Clean(dir + u)
		if strings.HasPrefix(p, "../") {
			return nil, fmt.Errorf("%s loads %s, outside the site", PageFile, u)
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			return nil, fmt.Errorf("%s loads %s: %w (run ./build.sh)", PageFile, u, err)
		}
		sum := sha256.Sum256(data)
		assets = append(assets, Asset{Path: p, URL: u, Integrity: "sha256-" + base64.StdEncoding.EncodeToString(sum[:])})
	}
	for _, ref := range loads(index) {
		p := path.Clean(ref)
		if !slices.ContainsFunc(assets, func(a Asset) bool { return a.Path == p }) {
			return nil, fmt.Errorf("%s loads %s, which %s does not (run go generate ./...)", IndexFile, ref, PageFile)
		}
	}
	return assets, nil
}

// Version is the version of a set of assets and of the worker's script:
// 16 hex digits of a SHA-256 over their URLs and hashes. The worker's
// cache is named after it.
func Version(assets []Asset, worker []byte) string {
	h := sha256.New()
	for _, a := range assets {
		h.Write([]byte(a.URL + "\x00" + a.Integrity + "\n"))
	}
	sum := sha256.Sum256(worker)
	h.Write([]byte("sw.js\x00" + hex.EncodeToString(sum[:]) + "\n"))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Manifest is the content of site/sw-assets.js for the site under root
// (built: main.wasm and wasm_exec.js are among the files).
func Manifest(root string) ([]byte, error) {
	assets, err := Assets(root)
	if err != nil {
		return nil, err
	}
	worker, err := os.ReadFile(filepath.Join(root, WorkerFile))
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(`// site/sw-assets.js: written by ./build.sh (go run ./wasm/gen -assets,
// site/offline) from the built site; do not edit. The service worker
// (site/sw.js) caches exactly these files, each checked against its
// SHA-256, in the cache "upgrade-playground-" + version; the version
// hashes the files and sw.js.
self.OFFLINE_ASSETS = {
  version: "` + Version(assets, worker) + `",
  files: [
`)
	for _, a := range assets {
		b.WriteString("    [" + strconv.Quote(a.URL) + ", " + strconv.Quote(a.Integrity) + "],\n")
	}
	b.WriteString("  ],\n};\n")
	return []byte(b.String()), nil
}
