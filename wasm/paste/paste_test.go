package paste

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
)

// curlWS is curl 8's -v output for a WebSocket handshake, as a terminal
// shows it (the command line first).
const curlWS = `$ curl -v -H 'Upgrade: websocket' -H 'Connection: Upgrade' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' -H 'Sec-WebSocket-Version: 13' http://localhost:8080/chat
* Host localhost:8080 was resolved.
* IPv6: ::1
* IPv4: 127.0.0.1
*   Trying [::1]:8080...
* Connected to localhost (::1) port 8080
> GET /chat HTTP/1.1
> Host: localhost:8080
> User-Agent: curl/8.11.1
> Accept: */*
> Upgrade: websocket
> Connection: Upgrade
> Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==
> Sec-WebSocket-Version: 13
> 
* Request completely sent off
< HTTP/1.1 101 Switching Protocols
< Upgrade: websocket
< Connection: Upgrade
< Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=
< 
* Connection #0 to host localhost left intact
`

const curlWSFix = `GET /chat HTTP/1.1
Host: localhost:8080
User-Agent: curl/8.11.1
Accept: */*
Upgrade: websocket
Connection: Upgrade
Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==
Sec-WebSocket-Version: 13

`

// curlH2C is curl 7's -v output for curl --http2 on cleartext: the h2c
// upgrade, its 101 and the HTTP/2 response; a terminal that trims the
// trailing space of "> " leaves ">" alone.
const curlH2C = `*   Trying 127.0.0.1:8080...
* Connected to 127.0.0.1 (127.0.0.1) port 8080 (#0)
> GET / HTTP/1.1
> Host: 127.0.0.1:8080
> User-Agent: curl/7.88.1
> Accept: */*
> Connection: Upgrade, HTTP2-Settings
> Upgrade: h2c
> HTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA
>
< HTTP/1.1 101 Switching Protocols
< Connection: Upgrade
< Upgrade: h2c
* Received 101, Switching to HTTP/2
< HTTP/2 200
< content-type: text/plain
<
hello
`

// curlH2 is curl -v over TLS with ALPN h2: curl shows the request with
// HTTP/2 as its version, and a body.
const curlH2 = `* ALPN: curl offers h2,http/1.1
* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384
* [HTTP/2] [1] OPENED stream for https://example.com/upload
* [HTTP/2] [1] [:method: POST]
> POST /upload HTTP/2
> Host: example.com
> User-Agent: curl/8.5.0
> Accept: */*
> Content-Length: 5
> Content-Type: application/x-www-form-urlencoded
> 
} [5 bytes data]
< HTTP/2 200
< content-length: 2
`

// chromeH2 is Chromium's devtools "Copy request headers" of an HTTP/2
// request.
const chromeH2 = `:authority: www.example.com
:method: GET
:path: /index.html?q=1
:scheme: https
accept: text/html,application/xhtml+xml
accept-encoding: gzip, deflate, br, zstd
cookie: a=1
cookie: b=2
upgrade-insecure-requests: 1
user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36`

const chromeH2Fix = `GET /index.html?q=1 HTTP/1.1
Host: www.example.com
accept: text/html,application/xhtml+xml
accept-encoding: gzip, deflate, br, zstd
cookie: a=1; b=2
upgrade-insecure-requests: 1
user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36

`

// wsOverH2 is a WebSocket over HTTP/2 (RFC 8441) as devtools copy it.
const wsOverH2 = `:method: CONNECT
:protocol: websocket
:scheme: https
:path: /chat
:authority: server.example.com
sec-websocket-version: 13
origin: https://server.example.com
sec-websocket-extensions: permessage-deflate; client_max_window_bits
`

// firefoxH1 is Firefox's raw request headers of an HTTP/1.1 WebSocket
// handshake: no empty line at the end.
const firefoxH1 = `GET /chat HTTP/1.1
Host: localhost:8080
User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0
Accept: */*
Sec-WebSocket-Version: 13
Origin: http://localhost:8080
Sec-WebSocket-Key: BO9wyGryRaoNqe4Btq68hw==
Connection: keep-alive, Upgrade
Upgrade: websocket`

// firefoxH2 is Firefox's raw request headers of an HTTP/2 request.
const firefoxH2 = `GET /index.html HTTP/2
Host: www.example.com
User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0
Accept: text/html
`

func TestRecognize(t *testing.T) {
	for _, c := range []struct {
		name, text string
		kind       Kind
		fix        string // "" = no fix; "*" = any fix (checked by status)
		status     int    // the default server's answer to the fix, 0 = not checked
		summary    string // a substring of the summary
		note       string // a substring of the notes
	}{
		{name: "curl -v websocket", text: curlWS, kind: CurlVerbose, fix: curlWSFix, status: 101, summary: "curl -v"},
		{name: "curl -v h2c, trimmed prefixes", text: curlH2C, kind: CurlVerbose, fix: "*", status: 101, summary: "\"< \" are the response"},
		{name: "curl -v HTTP/2 with a body", text: curlH2, kind: CurlVerbose, fix: "*", summary: "curl -v", note: "does not show the body"},
		{name: "request lines of curl -v only", text: "> GET / HTTP/1.1\n> Host: a\n> \n", kind: CurlVerbose, fix: "GET / HTTP/1.1\nHost: a\n\n", status: 200, summary: "starts with \"> \""},
		{name: "curl -v stopped before the empty line", text: "* x\n> GET / HTTP/1.1\n> Host: a", kind: CurlVerbose, fix: "GET / HTTP/1.1\nHost: a\n\n", status: 200},
		{name: "chromium devtools HTTP/2", text: chromeH2, kind: DevtoolsHTTP2, fix: chromeH2Fix, status: 200, summary: "pseudo-header", note: "no :scheme field"},
		{name: "websocket over HTTP/2", text: wsOverH2, kind: DevtoolsHTTP2, fix: "*", status: 101, note: "RFC 8441"},
		{name: "HTTP/2 response headers", text: ":status: 101\nupgrade: websocket\n", kind: Response, summary: "HTTP/2 response"},
		{name: "firefox raw HTTP/1.1", text: firefoxH1, kind: DevtoolsRaw, fix: firefoxH1 + "\n\n", status: 101, summary: "without the empty line"},
		{name: "firefox raw HTTP/2", text: firefoxH2, kind: DevtoolsRaw, fix: strings.Replace(firefoxH2, "HTTP/2", "HTTP/1.1", 1) + "\n", status: 200, note: "HTTP/2"},
		{name: "HTTP/2 version, whole request", text: "GET / HTTP/2\nHost: a\n\n", kind: DevtoolsRaw, fix: "GET / HTTP/1.1\nHost: a\n\n", status: 200},
		{name: "a response", text: "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\n\n", kind: Response, summary: "This is a response"},
		{name: "a response after blank lines", text: "\n\nHTTP/2 200\n", kind: Response},
		{name: "a request and its response", text: curlWSFix + "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\n\n", kind: WithResponse, fix: curlWSFix, status: 101},
		{name: "a request with a body and its response", text: "POST / HTTP/1.1\nHost: a\nContent-Length: 2\n\nhi\n\nHTTP/1.1 200 OK\n", kind: WithResponse, fix: "POST / HTTP/1.1\nHost: a\nContent-Length: 2\n\nhi\n"},

		// Not pastes to fix.
		{name: "a request", text: curlWSFix, kind: None},
		{name: "a request without a final line break", text: "GET / HTTP/1.1\nHost: a\n", kind: DevtoolsRaw, fix: "GET / HTTP/1.1\nHost: a\n\n"},
		{name: "a request line alone", text: "GET / HTTP/1.1", kind: None},
		{name: "a request with a body", text: "POST / HTTP/1.1\nHost: a\nContent-Length: 5\n\nhello", kind: None},
		{name: "empty", text: "", kind: None},
		{name: "prose", text: "hello world\nthis is not a request\n", kind: None},
		{name: "quoted prose", text: "> hello\n> world\n", kind: None},
		{name: "a status-like request line", text: "HTTP/1.1 GET /\n\n", kind: None},
	} {
		f := Recognize(c.text)
		if f.Kind != c.kind {
			t.Errorf("%s: kind %q, want %q (%+v)", c.name, f.Kind, c.kind, f)
			continue
		}
		if c.kind == None {
			if f.Summary != "" || f.Fix != "" {
				t.Errorf("%s: nothing recognised, yet %+v", c.name, f)
			}
			continue
		}
		if f.Summary == "" || !strings.Contains(f.Summary, c.summary) {
			t.Errorf("%s: summary %q, want it to contain %q", c.name, f.Summary, c.summary)
		}
		if c.note != "" && !strings.Contains(strings.Join(f.Notes, " "), c.note) {
			t.Errorf("%s: notes %q, want %q", c.name, f.Notes, c.note)
		}
		switch {
		case c.fix == "" && f.Fix != "":
			t.Errorf("%s: a fix %q, want none", c.name, f.Fix)
		case c.fix == "*" && f.Fix == "", c.fix != "*" && f.Fix != c.fix:
			t.Errorf("%s: fix\n%q\nwant\n%q", c.name, f.Fix, c.fix)
		}
		if (f.Fix == "") != (f.FixLabel == "") {
			t.Errorf("%s: fix %q with label %q", c.name, f.Fix, f.FixLabel)
		}
		if f.Fix != "" {
			if again := Recognize(f.Fix); again.Kind != None {
				t.Errorf("%s: the fix is recognised again as %q: %+v", c.name, again.Kind, again)
			}
		}
		if c.status != 0 {
			res := engine.Negotiate(editor.Bytes(f.Fix, ""), nil)
			if res.Status() != c.status {
				t.Errorf("%s: the fixed request gets %d, want %d\n%s", c.name, res.Status(), c.status, f.Fix)
			}
		}
	}
}

// FuzzRecognize checks that Recognize never panics, is deterministic,
// and that what it finds is consistent: a summary for every finding, a
// label for every fix, and a fix that is a request with a line break at
// its end, in HTTP/1.1 when the paste named HTTP/2 or HTTP/3, and valid
// UTF-8 when the paste was.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{curlWS, curlH2C, curlH2, chromeH2, wsOverH2, firefoxH1, firefoxH2, curlWSFix,
		"HTTP/1.1 101 Switching Protocols\n\n", ":status: 200\n", "> GET / HTTP/1.1\n> > GET / HTTP/2\n>\n", "\r\n\r\n", ":method: CONNECT\n:protocol: x\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := Recognize(text)
		if again := Recognize(text); again.Kind != got.Kind || again.Fix != got.Fix || again.Summary != got.Summary {
			t.Fatalf("not deterministic: %+v then %+v", got, again)
		}
		if (got.Kind == None) != (got.Summary == "") {
			t.Fatalf("kind %q with summary %q", got.Kind, got.Summary)
		}
		if (got.Fix == "") != (got.FixLabel == "") {
			t.Fatalf("fix %q with label %q", got.Fix, got.FixLabel)
		}
		if got.Fix == "" {
			return
		}
		first, _, _ := strings.Cut(got.Fix, "\n")
		if _, _, v, ok := requestLine(first); !ok || v == "HTTP/2" || v == "HTTP/3" {
			t.Fatalf("the fix begins with %q, not an HTTP/1 request line", first)
		}
		if !strings.HasSuffix(got.Fix, "\n") && got.Kind != DevtoolsRaw {
			t.Fatalf("the fix %q does not end with a line break", got.Fix)
		}
		if utf8.ValidString(text) && !utf8.ValidString(got.Fix) {
			t.Fatalf("the fix of valid UTF-8 is not: %q", got.Fix)
		}
	})
}
