package engine

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestProfileConfig checks what every profile's Config says: its id in
// Config.Server, every setting a valid value of its Setting, and the
// settings of a deep link applied on top as the application's
// configuration.
func TestProfileConfig(t *testing.T) {
	for _, p := range Profiles() {
		c := p.Config()
		if c.Server != p.ID {
			t.Errorf("%s: Config().Server = %q", p.ID, c.Server)
		}
		for _, s := range Settings() {
			v := s.Get(&c)
			check := DefaultConfig()
			if err := s.Set(&check, v); err != nil {
				t.Errorf("%s: setting %s=%s is not a value the setting takes: %v", p.ID, s.Key, v, err)
			}
		}
		if LookupProfile(p.ID) != p {
			t.Errorf("LookupProfile(%q) is not the profile", p.ID)
		}
	}
	if LookupProfile("") != profiles[0] || LookupProfile("nope") != nil {
		t.Error("LookupProfile: the empty id is rfc, an unknown one nil")
	}
}

// TestProfileServer checks Result.Server: "rfc" for the default server and
// for an unknown Config.Server, else the profile's id.
func TestProfileServer(t *testing.T) {
	raw := []byte("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
	if got := Negotiate(raw, nil).Server; got != "rfc" {
		t.Errorf("Negotiate(raw, nil).Server = %q, want rfc", got)
	}
	for _, p := range Profiles() {
		c := p.Config()
		if got := Negotiate(raw, &c).Server; got != p.ID {
			t.Errorf("%s: Result.Server = %q", p.ID, got)
		}
	}
}

// TestProfileSettings checks that deep-link settings configure the
// library, and that a setting the library cannot follow leaves the
// library's bytes and raises a note.
func TestProfileSettings(t *testing.T) {
	const hs = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
		"Sec-WebSocket-Protocol: superchat, chat\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n"
	rows := []struct {
		name, settings string
		want           []string // substrings of the response, in order
		note           string   // a note the trace must carry, or ""
	}{
		{"gorilla defaults", "srv=gorilla", []string{"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"}, ""},
		{"gorilla configured", "srv=gorilla\nwsproto=chat,superchat\npmd=1", []string{"Sec-WebSocket-Protocol: chat\r\n", "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover\r\n\r\n"}, ""},
		{"gorilla context takeover", "srv=gorilla\npmd=1\npmdsnct=0\npmdcnct=0", []string{"Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover\r\n"}, "profile-setting-unsupported"},
		{"coder configured", "srv=coder\nwsproto=chat,superchat\npmd=1", []string{"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nSec-Websocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-Websocket-Extensions: permessage-deflate", "Sec-Websocket-Protocol: chat\r\nUpgrade: websocket\r\n\r\n"}, ""},
		{"coder defaults", "srv=coder", []string{"Sec-Websocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nUpgrade: websocket\r\n\r\n"}, ""},
		{"net/http always unfolds", "srv=nethttp\nfold=reject", []string{"HTTP/1.1 200 OK\r\n"}, "profile-setting-unsupported"},
		{"coder cannot answer 400 to a non-handshake", "srv=coder\nwsonly=400\nwsversion=426", []string{"HTTP/1.1 101 Switching Protocols\r\n"}, "profile-setting-unsupported"},
		{"nethttp ignores Upgrade", "srv=nethttp", []string{"HTTP/1.1 200 OK\r\nContent-Length: 26\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + NetHTTPBody}, "nethttp-ignores-upgrade"},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			cfg, err := goldenConfig(row.settings)
			if err != nil {
				t.Fatal(err)
			}
			res := Negotiate([]byte(hs), &cfg)
			got := string(res.Bytes())
			at := 0
			for _, w := range row.want {
				i := strings.Index(got[at:], w)
				if i < 0 {
					t.Fatalf("response lacks %q after byte %d:\n%s", w, at, got)
				}
				at += i + len(w)
			}
			if row.note != "" && !strings.Contains(FormatTrace(res), " "+row.note+" ") {
				t.Errorf("no %s note in the trace:\n%s", row.note, FormatTrace(res))
			}
		})
	}
}

// TestProfileClosed checks Result.Closed: gorilla closes without a
// response when bytes follow the handshake, and the trace says why.
func TestProfileClosed(t *testing.T) {
	c := LookupProfile("gorilla").Config()
	for _, extra := range []string{"\x81\x80\x00\x00\x00\x00", "GET / HTTP/1.1\r\n\r\n"} {
		res := Negotiate([]byte("GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"+extra), &c)
		if !res.Closed || res.Final != nil || res.Status() != 0 || len(res.Bytes()) != 0 {
			t.Errorf("%q: Closed %v, Final %v, want closed without a response", extra, res.Closed, res.Final)
		}
		if !strings.Contains(FormatTrace(res), " ws-early-data-close ") {
			t.Errorf("%q: the trace does not say why:\n%s", extra, FormatTrace(res))
		}
	}
}

// FuzzProfiles checks every profile on any input: no panic, the same
// answer twice, Result.Server set, a closed connection with no response,
// and response bytes that Go's own client reads, with the status Final
// says.
func FuzzProfiles(f *testing.F) {
	for i, r := range goldenRequests(f) {
		f.Add(r, uint8(i))
	}
	f.Fuzz(func(t *testing.T, raw []byte, which uint8) {
		p := profiles[int(which)%len(profiles)]
		cfg := p.Config()
		res := Negotiate(raw, &cfg)
		if again := Negotiate(raw, &cfg); !bytes.Equal(res.Bytes(), again.Bytes()) || FormatTrace(res) != FormatTrace(again) {
			t.Fatalf("%s: not deterministic for %q", p.ID, raw)
		}
		if res.Server != p.ID {
			t.Fatalf("%s: Result.Server %q", p.ID, res.Server)
		}
		if res.Closed && (res.Final != nil || len(res.Bytes()) != 0) {
			t.Fatalf("%s: closed, yet a response: %q", p.ID, res.Bytes())
		}
		final := res.wireFinal()
		if final == nil {
			return
		}
		br := bufio.NewReader(bytes.NewReader(res.Bytes()))
		for range res.Interim {
			if _, err := http.ReadResponse(br, nil); err != nil {
				t.Fatalf("%s: interim response: %v", p.ID, err)
			}
		}
		req := &http.Request{Method: "GET"}
		if res.Request.Method == "HEAD" {
			req.Method = "HEAD"
		}
		resp, err := http.ReadResponse(br, req)
		if err != nil {
			t.Fatalf("%s: %v in %q", p.ID, err, res.Bytes())
		}
		if resp.StatusCode != final.Status {
			t.Fatalf("%s: the client reads %d, Final says %d", p.ID, resp.StatusCode, final.Status)
		}
		if final.Status >= 200 {
			if _, err := io.ReadAll(resp.Body); err != nil {
				t.Fatalf("%s: body: %v in %q", p.ID, err, res.Bytes())
			}
		}
	})
}

// BenchmarkProfiles measures Negotiate for each profile on RFC 6455's
// sample handshake: the page runs it on every keystroke.
func BenchmarkProfiles(b *testing.B) {
	raw := []byte("GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://example.com\r\nSec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Version: 13\r\n\r\n")
	for _, p := range Profiles() {
		cfg := p.Config()
		b.Run(p.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Negotiate(raw, &cfg)
			}
		})
	}
}
