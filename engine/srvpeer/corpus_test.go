package srvpeer

import (
	"bytes"
	"flag"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine/wiretext"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"golang.org/x/tools/txtar"
)

var dump = flag.String("dump", "", "write each profile's unlisted differences to DUMP-<profile>.txt, to review them for the tables")

var quietLog = log.New(io.Discard, "", 0)

// A Case is one request of the corpus, with a stable name: golden/<file>
// for the engine's goldens, gallery/<id> for the examples gallery, and
// gen/<name> for the generated requests. Names are what the differences
// tables list.
type Case struct {
	Name string
	Raw  []byte
}

// corpus is every request the profiles are compared on, in name order.
func corpus(t *testing.T) []Case {
	var out []Case
	files, _ := filepath.Glob("../testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if f.Name == "request" {
				out = append(out, Case{"golden/" + strings.TrimSuffix(filepath.Base(file), ".txtar"), wiretext.Decode(string(f.Data))})
			}
		}
	}
	examples, _ := filepath.Glob("../../wasm/gallery/examples/*.txtar")
	for _, file := range examples {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		e := gallery.Parse(data)
		out = append(out, Case{"gallery/" + e.ID, e.Request})
	}
	out = append(out, generated()...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	for i := 1; i < len(out); i++ {
		if out[i].Name == out[i-1].Name {
			t.Fatalf("two requests named %s", out[i].Name)
		}
	}
	if len(out) < 300 {
		t.Fatalf("the corpus has %d requests, want at least 300", len(out))
	}
	return out
}

// handshakes are the corpus's WebSocket handshakes: the requests whose
// Upgrade field offers websocket, where a library's configuration
// (subprotocols, compression) shows.
func handshakes(t *testing.T) []Case {
	var out []Case
	for _, c := range corpus(t) {
		if bytes.Contains(bytes.ToLower(c.Raw), []byte("upgrade: websocket")) {
			out = append(out, c)
		}
	}
	return out
}

// The RFC 6455 §1.2 sample handshake, its parts, and helpers to vary it.
const (
	sampleLine = "GET /chat HTTP/1.1\r\n"
	sampleHost = "Host: server.example.com\r\n"
	sampleKey  = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
	sampleVer  = "Sec-WebSocket-Version: 13\r\n"
	upConn     = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
	h2cFields  = "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n"
)

// ws is a WebSocket handshake to /chat with the extra field lines; no Origin.
func ws(extra string) string {
	return sampleLine + sampleHost + upConn + sampleKey + sampleVer + extra + "\r\n"
}

// generated are the requests written for this test: every setting's edge
// and every failure of every check, and the malformed and smuggling-shaped
// requests a server must survive.
func generated() []Case {
	get := "GET / HTTP/1.1\r\nHost: example.com\r\n"
	long := strings.Repeat("a", 9000)
	var manyFields strings.Builder
	for range 120 {
		manyFields.WriteString("X-A: 1\r\n")
	}
	bigHeader := "X-Big: " + strings.Repeat("b", 1<<20) + "\r\n"
	c := map[string]string{
		// Plain requests.
		"plain-get":               get + "\r\n",
		"plain-head":              "HEAD / HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"plain-post":              "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\n\r\nhello",
		"plain-put":               "PUT /x HTTP/1.1\r\nHost: example.com\r\nContent-Length: 3\r\n\r\nabc",
		"plain-delete":            "DELETE /x HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"plain-options-star":      "OPTIONS * HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"plain-http10":            "GET / HTTP/1.0\r\n\r\n",
		"plain-http10-keepalive":  "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
		"plain-connection-close":  get + "Connection: close\r\n\r\n",
		"plain-absolute-form":     "GET http://example.com/x HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"plain-pipelined":         get + "\r\n" + get + "\r\n",
		"plain-chunked":           "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
		"plain-expect-100":        "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\nhello",
		"plain-expect-100-nobody": "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n",
		"plain-expect-unknown":    get + "Expect: 200-ok\r\n\r\n",
		"plain-trace":             "TRACE / HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"plain-connect":           "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
		"plain-unknown-method":    "BREW / HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"plain-lowercase-method":  "get / HTTP/1.1\r\nHost: example.com\r\n\r\n",

		// The WebSocket handshake and each of its checks failing.
		"ws-sample":                ws(""),
		"ws-sample-origin":         ws("Origin: http://example.com\r\n"),
		"ws-same-origin":           ws("Origin: http://server.example.com\r\n"),
		"ws-origin-https-same":     ws("Origin: https://server.example.com\r\n"),
		"ws-origin-null":           ws("Origin: null\r\n"),
		"ws-origin-bad-url":        ws("Origin: http://[bad\r\n"),
		"ws-two-origins":           ws("Origin: http://server.example.com\r\nOrigin: http://evil.example\r\n"),
		"ws-subprotocols":          ws("Sec-WebSocket-Protocol: chat, superchat\r\n"),
		"ws-subprotocol-unknown":   ws("Sec-WebSocket-Protocol: mqtt\r\n"),
		"ws-subprotocol-second":    ws("Sec-WebSocket-Protocol: mqtt, superchat\r\n"),
		"ws-deflate":               ws("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"),
		"ws-deflate-both-nct":      ws("Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover\r\n"),
		"ws-deflate-bits":          ws("Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=10\r\n"),
		"ws-deflate-and-proto":     ws("Sec-WebSocket-Protocol: superchat\r\nSec-WebSocket-Extensions: permessage-deflate\r\n"),
		"ws-extension-unknown":     ws("Sec-WebSocket-Extensions: x-webkit-deflate-frame\r\n"),
		"ws-no-upgrade":            sampleLine + sampleHost + "Connection: Upgrade\r\n" + sampleKey + sampleVer + "\r\n",
		"ws-no-connection":         sampleLine + sampleHost + "Upgrade: websocket\r\n" + sampleKey + sampleVer + "\r\n",
		"ws-connection-keepalive":  sampleLine + sampleHost + "Upgrade: websocket\r\nConnection: keep-alive\r\n" + sampleKey + sampleVer + "\r\n",
		"ws-connection-list":       sampleLine + sampleHost + "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n" + sampleKey + sampleVer + "\r\n",
		"ws-upgrade-wrong":         sampleLine + sampleHost + "Upgrade: webscoket\r\nConnection: Upgrade\r\n" + sampleKey + sampleVer + "\r\n",
		"ws-upgrade-case":          sampleLine + sampleHost + "Upgrade: WebSocket\r\nConnection: upgrade\r\n" + sampleKey + sampleVer + "\r\n",
		"ws-upgrade-list":          sampleLine + sampleHost + "Upgrade: h2c, websocket\r\nConnection: Upgrade\r\n" + sampleKey + sampleVer + "\r\n",
		"ws-no-key":                sampleLine + sampleHost + upConn + sampleVer + "\r\n",
		"ws-key-short":             sampleLine + sampleHost + upConn + "Sec-WebSocket-Key: dGhlIHNhbXBsZQ==\r\n" + sampleVer + "\r\n",
		"ws-key-long":              sampleLine + sampleHost + upConn + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZSBsb25n\r\n" + sampleVer + "\r\n",
		"ws-key-not-base64":        sampleLine + sampleHost + upConn + "Sec-WebSocket-Key: not base64 at all!!!!\r\n" + sampleVer + "\r\n",
		"ws-key-no-padding":        sampleLine + sampleHost + upConn + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ\r\n" + sampleVer + "\r\n",
		"ws-key-padding-bits":      sampleLine + sampleHost + upConn + "Sec-WebSocket-Key: AQIDBAUGBwgJCgsMDQ4PEC==\r\n" + sampleVer + "\r\n",
		"ws-key-twice":             sampleLine + sampleHost + upConn + sampleKey + sampleKey + sampleVer + "\r\n",
		"ws-key-empty":             sampleLine + sampleHost + upConn + "Sec-WebSocket-Key:\r\n" + sampleVer + "\r\n",
		"ws-no-version":            sampleLine + sampleHost + upConn + sampleKey + "\r\n",
		"ws-version-8":             sampleLine + sampleHost + upConn + sampleKey + "Sec-WebSocket-Version: 8\r\n\r\n",
		"ws-version-12":            sampleLine + sampleHost + upConn + sampleKey + "Sec-WebSocket-Version: 12\r\n\r\n",
		"ws-version-14":            sampleLine + sampleHost + upConn + sampleKey + "Sec-WebSocket-Version: 14\r\n\r\n",
		"ws-version-list":          sampleLine + sampleHost + upConn + sampleKey + "Sec-WebSocket-Version: 13, 8\r\n\r\n",
		"ws-version-twice":         sampleLine + sampleHost + upConn + sampleKey + sampleVer + sampleVer + "\r\n",
		"ws-bad-key-bad-version":   sampleLine + sampleHost + upConn + "Sec-WebSocket-Key: short\r\nSec-WebSocket-Version: 8\r\n\r\n",
		"ws-post":                  "POST /chat HTTP/1.1\r\n" + sampleHost + upConn + sampleKey + sampleVer + "\r\n",
		"ws-post-body":             "POST /chat HTTP/1.1\r\n" + sampleHost + upConn + sampleKey + sampleVer + "Content-Length: 5\r\n\r\nhello",
		"ws-put-body":              "PUT /chat HTTP/1.1\r\n" + sampleHost + upConn + sampleKey + sampleVer + "Content-Length: 5\r\n\r\nhello",
		"ws-head":                  "HEAD /chat HTTP/1.1\r\n" + sampleHost + upConn + sampleKey + sampleVer + "\r\n",
		"ws-post-bad-version":      "POST /chat HTTP/1.1\r\n" + sampleHost + upConn + sampleKey + "Sec-WebSocket-Version: 8\r\n\r\n",
		"ws-cross-origin-bad-key":  sampleLine + sampleHost + upConn + "Sec-WebSocket-Key: short\r\n" + sampleVer + "Origin: http://evil.example\r\n\r\n",
		"ws-http10":                "GET /chat HTTP/1.0\r\n" + sampleHost + upConn + sampleKey + sampleVer + "\r\n",
		"ws-http10-keepalive":      "GET /chat HTTP/1.0\r\n" + sampleHost + "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n" + sampleKey + sampleVer + "\r\n",
		"ws-http2-version":         "GET /chat HTTP/2.0\r\n" + sampleHost + upConn + sampleKey + sampleVer + "\r\n",
		"ws-http12":                "GET /chat HTTP/1.2\r\n" + sampleHost + upConn + sampleKey + sampleVer + "\r\n",
		"ws-no-host":               sampleLine + upConn + sampleKey + sampleVer + "\r\n",
		"ws-two-hosts":             sampleLine + sampleHost + "Host: other.example\r\n" + upConn + sampleKey + sampleVer + "\r\n",
		"ws-absolute-form":         "GET http://server.example.com/chat HTTP/1.1\r\n" + sampleHost + upConn + sampleKey + sampleVer + "\r\n",
		"ws-connection-close":      ws("Connection: close\r\n"),
		"ws-expect-100":            ws("Expect: 100-continue\r\n"),
		"ws-expect-100-body":       ws("Expect: 100-continue\r\nContent-Length: 5\r\n"),
		"ws-data-before-101":       ws("") + "\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58",
		"ws-pipelined-get":         ws("") + "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"ws-chunked-body":          ws("Transfer-Encoding: chunked\r\n") + "5\r\nhello\r\n0\r\n\r\n",
		"ws-te-cl":                 ws("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n") + "0\r\n\r\n",
		"ws-obs-fold":              ws("Sec-WebSocket-Protocol: chat,\r\n superchat\r\n"),
		"ws-bare-lf":               strings.ReplaceAll(ws(""), "\r\n", "\n"),
		"ws-space-before-colon":    strings.Replace(ws(""), "Upgrade:", "Upgrade :", 1),
		"ws-nul-in-key":            sampleLine + sampleHost + upConn + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25j\x00Q==\r\n" + sampleVer + "\r\n",
		"ws-subprotocol-empty":     ws("Sec-WebSocket-Protocol:\r\n"),
		"ws-extensions-bad-syntax": ws("Sec-WebSocket-Extensions: permessage-deflate;;\r\n"),
		"ws-version-leading-space": sampleLine + sampleHost + upConn + sampleKey + "Sec-WebSocket-Version:  13 \r\n\r\n",
		"ws-lowercase-fields":      "GET /chat HTTP/1.1\r\nhost: server.example.com\r\nupgrade: websocket\r\nconnection: upgrade\r\nsec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\nsec-websocket-version: 13\r\n\r\n",

		// h2c.
		"h2c-upgrade":             "GET / HTTP/1.1\r\nHost: example.com\r\n" + h2cFields + "\r\n",
		"h2c-no-settings":         "GET / HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n\r\n",
		"h2c-bad-base64":          "GET / HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: !!!not base64!!!\r\n\r\n",
		"h2c-settings-odd-length": "GET / HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABk\r\n\r\n",
		"h2c-empty-settings":      "GET / HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings:\r\n\r\n",
		"h2c-two-settings":        "GET / HTTP/1.1\r\nHost: example.com\r\n" + h2cFields + "HTTP2-Settings: AAMAAABk\r\n\r\n",
		"h2c-no-upgrade-option":   "GET / HTTP/1.1\r\nHost: example.com\r\nConnection: HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n",
		"h2c-no-settings-option":  "GET / HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n",
		"h2c-no-connection":       "GET / HTTP/1.1\r\nHost: example.com\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n",
		"h2c-post-body":           "POST / HTTP/1.1\r\nHost: example.com\r\n" + h2cFields + "Content-Length: 5\r\n\r\nhello",
		"h2c-http10":              "GET / HTTP/1.0\r\nHost: example.com\r\n" + h2cFields + "\r\n",
		"h2c-and-websocket":       "GET / HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: websocket, h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n" + sampleKey + sampleVer + "\r\n",
		"h2c-uppercase":           "GET / HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: H2C\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n",
		"h2c-prior-knowledge":     "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
		"h2c-expect-100":          "POST / HTTP/1.1\r\nHost: example.com\r\n" + h2cFields + "Expect: 100-continue\r\nContent-Length: 5\r\n\r\nhello",

		// TLS upgrade (RFC 2817) and unknown protocols.
		"tls-upgrade":              "OPTIONS * HTTP/1.1\r\nHost: example.com\r\nUpgrade: TLS/1.0\r\nConnection: Upgrade\r\n\r\n",
		"tls-upgrade-get":          get + "Upgrade: TLS/1.0, HTTP/1.1\r\nConnection: Upgrade\r\n\r\n",
		"upgrade-unknown":          get + "Upgrade: foo/2\r\nConnection: Upgrade\r\n\r\n",
		"upgrade-http2":            get + "Upgrade: HTTP/2.0\r\nConnection: Upgrade\r\n\r\n",
		"upgrade-empty":            get + "Upgrade:\r\nConnection: Upgrade\r\n\r\n",
		"connection-upgrade-alone": get + "Connection: Upgrade\r\n\r\n",

		// Request-line and version.
		"line-http2-version": "GET / HTTP/2.0\r\nHost: example.com\r\n\r\n",
		"line-http3":         "GET / HTTP/3.0\r\nHost: example.com\r\n\r\n",
		"line-http09":        "GET /\r\n\r\n",
		"line-version-lower": "GET / http/1.1\r\nHost: example.com\r\n\r\n",
		"line-double-space":  "GET  / HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"line-tab":           "GET\t/ HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"line-too-long":      "GET /" + long + " HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"line-asterisk-get":  "GET * HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"line-leading-crlf":  "\r\n" + get + "\r\n",
		"line-target-space":  "GET /a b HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"line-no-target":     "GET HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"line-garbage":       "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n",

		// Host.
		"host-missing":     "GET / HTTP/1.1\r\n\r\n",
		"host-duplicate":   get + "Host: evil.example\r\n\r\n",
		"host-empty":       "GET / HTTP/1.1\r\nHost:\r\n\r\n",
		"host-bad":         "GET / HTTP/1.1\r\nHost: exa mple.com\r\n\r\n",
		"host-http10-none": "GET / HTTP/1.0\r\n\r\n",

		// Field syntax and smuggling shapes.
		"field-obs-fold":           get + "X-Long: a\r\n b\r\n\r\n",
		"field-bare-lf":            "GET / HTTP/1.1\nHost: example.com\n\n",
		"field-bare-cr":            get + "X-A: a\rb\r\n\r\n",
		"field-nul":                get + "X-A: a\x00b\r\n\r\n",
		"field-space-before-colon": get + "X-A : 1\r\n\r\n",
		"field-no-colon":           get + "not a field\r\n\r\n",
		"field-name-not-token":     get + "X(A): 1\r\n\r\n",
		"field-too-many":           get + manyFields.String() + "\r\n",
		"field-long-line":          get + "X-Long: " + long + "\r\n\r\n",
		"field-over-1mb":           get + bigHeader + "\r\n",
		"field-leading-space":      "GET / HTTP/1.1\r\n Host: example.com\r\n\r\n",
		"field-utf8-value":         get + "X-Name: Jos\xc3\xa9\r\n\r\n",
		"smuggle-cl-te":            "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
		"smuggle-te-cl":            "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
		"smuggle-double-cl":        "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
		"smuggle-double-cl-same":   "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
		"smuggle-cl-list":          "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5, 5\r\n\r\nhello",
		"smuggle-cl-plus":          "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: +5\r\n\r\nhello",
		"smuggle-te-gzip":          "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: gzip\r\n\r\n",
		"smuggle-te-chunked-gzip":  "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
		"smuggle-te-space":         "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
		"smuggle-te-obs-fold":      "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n",
		"smuggle-te-http10":        "POST / HTTP/1.0\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
		"smuggle-chunk-bad-size":   "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
		"smuggle-chunk-ext":        "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n0\r\n\r\n",
		"smuggle-chunk-lf":         "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\n0\n\n",
		"smuggle-get-body":         "GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\n\r\nhello",
		"smuggle-body-pipelined":   "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\n\r\nhelloGET /admin HTTP/1.1\r\nHost: example.com\r\n\r\n",
		"body-incomplete":          "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 10\r\n\r\nhello",
		"head-incomplete":          "GET / HTTP/1.1\r\nHost: example.com\r\n",
		"body-too-large-cl":        "POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 2000000\r\n\r\n",
	}
	var out []Case
	for name, raw := range c {
		out = append(out, Case{"gen/" + name, []byte(raw)})
	}
	return out
}
