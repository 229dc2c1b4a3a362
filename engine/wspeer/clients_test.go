package wspeer

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	coder "github.com/coder/websocket"
	"github.com/gorilla/websocket"
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/site/browsertest"
)

func defaultConfig(settings ...string) engine.Config {
	cfg := engine.DefaultConfig()
	for _, kv := range settings {
		k, v, _ := strings.Cut(kv, "=")
		if err := engine.LookupSetting(k).Set(&cfg, v); err != nil {
			panic(err)
		}
	}
	return cfg
}

// message is long and repetitive, so that every client compresses it.
var message = strings.Repeat("hello from a real client; ", 40)

// TestGorillaClient dials the engine-backed server with gorilla/websocket's
// Dialer, with and without compression and subprotocols, and echoes.
func TestGorillaClient(t *testing.T) {
	cases := []struct {
		name      string
		settings  []string
		protocols []string
		compress  bool
		wantProto string
		wantExt   string // the engine's Sec-WebSocket-Extensions; "" = declined
	}{
		{"plain", nil, nil, false, "", ""},
		{"subprotocols", nil, []string{"superchat", "chat"}, false, "chat", ""},
		{"compression", nil, []string{"chat"}, true, "chat", "permessage-deflate; server_no_context_takeover; client_no_context_takeover"},
		{"declined-subprotocol", nil, []string{"mqtt"}, true, "", "permessage-deflate; server_no_context_takeover; client_no_context_takeover"},
		{"declined-deflate", []string{"pmd=0"}, []string{"chat"}, true, "chat", ""},
		{"server-bits", []string{"pmdsbits=12"}, nil, true, "", "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=12"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startEngineServer(t, defaultConfig(tc.settings...))
			d := websocket.Dialer{Subprotocols: tc.protocols, EnableCompression: tc.compress, HandshakeTimeout: 5 * time.Second}
			conn, resp, err := d.Dial(srv.url("/chat"), nil)
			if err != nil {
				t.Fatalf("gorilla refused the engine's answer %q: %v", srv.result().Bytes(), err)
			}
			defer conn.Close()
			if got := conn.Subprotocol(); got != tc.wantProto {
				t.Errorf("subprotocol %q, want %q", got, tc.wantProto)
			}
			if got := resp.Header.Get("Sec-WebSocket-Extensions"); got != tc.wantExt {
				t.Errorf("extensions %q, want %q", got, tc.wantExt)
			}
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			for _, m := range []string{message, "short"} {
				if err := conn.WriteMessage(websocket.TextMessage, []byte(m)); err != nil {
					t.Fatal(err)
				}
				_, got, err := conn.ReadMessage()
				if err != nil || string(got) != m {
					t.Fatalf("echo %q, %v", got, err)
				}
			}
			conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, "bye"))
		})
	}
}

// TestCoderClient does the same with coder/websocket's Dial.
func TestCoderClient(t *testing.T) {
	cases := []struct {
		name      string
		settings  []string
		protocols []string
		mode      coder.CompressionMode
		wantProto string
		wantExt   string
	}{
		{"plain", nil, nil, coder.CompressionDisabled, "", ""},
		{"subprotocols", nil, []string{"chat", "superchat"}, coder.CompressionDisabled, "chat", ""},
		{"context-takeover", nil, []string{"superchat"}, coder.CompressionContextTakeover, "superchat", "permessage-deflate"},
		{"no-context-takeover", nil, []string{"chat"}, coder.CompressionNoContextTakeover, "chat", "permessage-deflate; server_no_context_takeover; client_no_context_takeover"},
		{"declined-subprotocol", nil, []string{"mqtt"}, coder.CompressionContextTakeover, "", "permessage-deflate"},
		{"declined-deflate", []string{"pmd=0"}, nil, coder.CompressionContextTakeover, "", ""},
		{"server-preference", []string{"wsproto=superchat,chat"}, []string{"chat", "superchat"}, coder.CompressionDisabled, "superchat", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startEngineServer(t, defaultConfig(tc.settings...))
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			conn, resp, err := coder.Dial(ctx, srv.url("/chat"), &coder.DialOptions{Subprotocols: tc.protocols, CompressionMode: tc.mode})
			if err != nil {
				t.Fatalf("coder refused the engine's answer %q: %v", srv.result().Bytes(), err)
			}
			defer conn.CloseNow()
			if got := conn.Subprotocol(); got != tc.wantProto {
				t.Errorf("subprotocol %q, want %q", got, tc.wantProto)
			}
			if got := resp.Header.Get("Sec-WebSocket-Extensions"); got != tc.wantExt {
				t.Errorf("extensions %q, want %q", got, tc.wantExt)
			}
			for _, m := range []string{message, message + "again", "short"} {
				if err := conn.Write(ctx, coder.MessageText, []byte(m)); err != nil {
					t.Fatal(err)
				}
				_, got, err := conn.Read(ctx)
				if err != nil || string(got) != m {
					t.Fatalf("echo %q, %v", got, err)
				}
			}
			conn.Close(coder.StatusNormalClosure, "bye")
		})
	}
}

// TestRefusedHandshakeClients: a client whose handshake the engine refuses
// sees the refusal (the engine's status), not a connection.
func TestRefusedHandshakeClients(t *testing.T) {
	srv := startEngineServer(t, defaultConfig("wsorigin=same-origin"))
	h := map[string][]string{"Origin": {"https://evil.example"}}
	_, resp, err := (&websocket.Dialer{HandshakeTimeout: 5 * time.Second}).Dial(srv.url("/"), h)
	if err == nil || resp == nil || resp.StatusCode != 403 {
		t.Fatalf("gorilla: err %v, response %v; want a 403 refusal", err, resp)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, resp, err = coder.Dial(ctx, srv.url("/"), &coder.DialOptions{HTTPHeader: h})
	if err == nil || resp == nil || resp.StatusCode != 403 {
		t.Fatalf("coder: err %v, response %v; want a 403 refusal", err, resp)
	}
}

// TestChromiumClient opens new WebSocket(url, ['chat','superchat']) in
// headless Chromium against the engine-backed server, under several server
// settings: the socket must open with exactly the subprotocol and extensions
// the engine answered, and echo a message; a refused handshake must fail in
// the browser too.
func TestChromiumClient(t *testing.T) {
	ctx := browsertest.New(t, 120*time.Second)
	cases := []struct {
		name      string
		settings  []string
		wantProto string
		wantExt   string // "" means refused when wantFail
		wantFail  bool
	}{
		{"default", nil, "chat", "permessage-deflate", false},
		{"window-bits", []string{"pmdcbits=10", "pmdsbits=12"}, "chat", "permessage-deflate; server_max_window_bits=12; client_max_window_bits=10", false},
		{"no-context-takeover", []string{"pmdsnct=1", "pmdcnct=1"}, "chat", "permessage-deflate; server_no_context_takeover; client_no_context_takeover", false},
		{"server-preference", []string{"wsproto=superchat,chat", "pmd=0"}, "superchat", "", false},
		{"origin-refused", []string{"wsorigin=allow-list", "wsorigins=https://app.example"}, "", "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startEngineServer(t, defaultConfig(tc.settings...))
			// The page comes from the same engine-backed server (its ordinary
			// 200), so the WebSocket is same-origin and on the local network.
			if err := chromedp.Do(ctx, chromedp.Navigate("http://"+srv.ln.Addr().String()+"/")); err != nil {
				t.Fatal(err)
			}
			js := `new Promise((resolve) => {
	const ws = new WebSocket(` + jsString(srv.url("/chat")) + `, ['chat', 'superchat']);
	const msg = ` + jsString(message) + `;
	const timer = setTimeout(() => resolve(JSON.stringify({error: 'timeout'})), 15000);
	ws.onopen = () => ws.send(msg);
	ws.onerror = () => { clearTimeout(timer); resolve(JSON.stringify({error: 'WebSocket error'})); };
	ws.onmessage = (e) => {
		clearTimeout(timer);
		resolve(JSON.stringify({protocol: ws.protocol, extensions: ws.extensions, echoed: e.data === msg}));
		ws.close(1000, 'done');
	};
})`
			out, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				Protocol, Extensions, Error string
				Echoed                      bool
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			res := srv.result()
			if res == nil || res.Final == nil {
				t.Fatalf("the engine answered no handshake (browser: %+v)", got)
			}
			if tc.wantFail {
				if got.Error == "" || res.Status() == 101 {
					t.Fatalf("the browser opened (%+v) and the engine answered %d; want a refusal", got, res.Status())
				}
				return
			}
			if got.Error != "" || res.Status() != 101 {
				t.Fatalf("browser %q; engine answered %q", got.Error, res.Bytes())
			}
			if got.Protocol != tc.wantProto || got.Protocol != res.Final.Get("Sec-WebSocket-Protocol") {
				t.Errorf("Chromium's protocol %q; the engine answered %q, want %q", got.Protocol, res.Final.Get("Sec-WebSocket-Protocol"), tc.wantProto)
			}
			if got.Extensions != tc.wantExt || got.Extensions != res.Final.Get("Sec-WebSocket-Extensions") {
				t.Errorf("Chromium's extensions %q; the engine answered %q, want %q", got.Extensions, res.Final.Get("Sec-WebSocket-Extensions"), tc.wantExt)
			}
			if !got.Echoed {
				t.Error("the echoed message differs")
			}
		})
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
