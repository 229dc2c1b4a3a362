package clientpeer

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/upgrade-playground/playground/site/browsertest"
)

// runCellJS opens one cell's WebSocket in a browser page: it sends a
// message on open and resolves with what the page can observe (the
// browsers tell a page nothing more than error and close events).
const runCellJS = `function runCell(c) {
	return new Promise((resolve) => {
		const out = {id: c.id, accepted: false, error: '', code: 0, reason: '', protocol: '', extensions: '', message: ''};
		let ws;
		try {
			ws = new WebSocket(c.url, c.protocols || []);
		} catch (e) {
			out.error = 'exception: ' + e.message;
			resolve(out);
			return;
		}
		const timer = setTimeout(() => { out.error = out.error || 'matrix: no outcome in 20s'; ws.close(); resolve(out); }, 20000);
		ws.onopen = () => { out.protocol = ws.protocol; out.extensions = ws.extensions; ws.send('hello from the browser'); };
		ws.onmessage = (e) => {
			if (!out.accepted) { out.accepted = true; out.message = String(e.data); ws.close(1000); }
		};
		ws.onerror = () => { out.error = 'error event'; };
		ws.onclose = (e) => { clearTimeout(timer); out.code = e.code; out.reason = e.reason; resolve(out); };
	});
}`

// runChromium runs every cell in sequence in one headless Chromium tab;
// Chromium's reason is the console message it logs for a failed
// WebSocket ("WebSocket connection to '…' failed: …"), read from the
// DevTools log.
func runChromium(t *testing.T, m *mock, cells []cell) map[cell]outcome {
	ctx := browsertest.New(t, 3*time.Minute)
	var mu sync.Mutex
	logged := map[string]string{} // cell path → Chromium's reason
	prefix := "WebSocket connection to 'ws://" + m.addr()
	record := func(text string) {
		rest, ok := strings.CutPrefix(text, prefix)
		if !ok {
			return
		}
		path, reason, ok := strings.Cut(rest, "' failed: ")
		if !ok {
			return
		}
		mu.Lock()
		if _, seen := logged[path]; !seen {
			logged[path] = reason
		}
		mu.Unlock()
	}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *cdplog.EventEntryAdded:
			record(ev.Entry.Text)
		case *runtime.EventConsoleAPICalled:
			for _, a := range ev.Args {
				var s string
				if json.Unmarshal(a.Value, &s) == nil {
					record(s)
				}
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	m.mu.Lock()
	m.page["/blank"] = "<!doctype html><title>client matrix</title>"
	m.mu.Unlock()
	if err := chromedp.Do(ctx, chromedp.Navigate("http://"+m.addr()+"/blank")); err != nil {
		t.Fatal(err)
	}
	list, _ := json.Marshal(scriptCells(m, cells))
	js := runCellJS + `
(async (cells) => {
	const out = [];
	for (const c of cells) out.push(await runCell(c));
	return JSON.stringify(out);
})(` + string(list) + `)`
	res, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	var results []scriptResult
	if err := json.Unmarshal([]byte(res), &results); err != nil {
		t.Fatal(err)
	}
	byID := map[string]cell{}
	for _, c := range cells {
		byID[c.path()] = c
	}
	out := map[cell]outcome{}
	mu.Lock()
	defer mu.Unlock()
	for _, r := range results {
		o := r.outcome()
		if !o.Accepted {
			if reason, ok := logged[r.ID]; ok {
				o.Reason = reason
			} else {
				o.Reason = "(no console message) " + pageOutcome(r)
			}
		}
		out[byID[r.ID]] = o
	}
	return out
}

// pageOutcome is what a page saw of a refused WebSocket.
func pageOutcome(r scriptResult) string {
	s := r.Error
	if r.Code != 0 {
		s += ", close " + strconv.Itoa(r.Code)
	}
	if r.Protocol != "" {
		s += ", protocol " + r.Protocol
	}
	return strings.TrimPrefix(s, ", ")
}

// firefoxPage runs the cells the mock server lists for firefox, in
// sequence, and posts each outcome back.
const firefoxPage = `<!doctype html><title>client matrix</title><script>
` + runCellJS + `
(async () => {
	const cells = await (await fetch('/cells/firefox')).json();
	for (const c of cells) {
		const r = await runCell(c);
		await fetch('/report/firefox', {method: 'POST', body: JSON.stringify(r)});
	}
	await fetch('/done/firefox', {method: 'POST', body: '{}'});
})();
</script>`

// firefoxPrefs keeps a headless Firefox from reaching anything but the
// mock server.
const firefoxPrefs = `user_pref("app.update.enabled", false);
user_pref("app.update.auto", false);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.startup.homepage_override.mstone", "ignore");
user_pref("browser.startup.firstrunSkipsHomepage", true);
user_pref("startup.homepage_welcome_url", "");
user_pref("startup.homepage_welcome_url.additional", "");
user_pref("browser.aboutwelcome.enabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("toolkit.telemetry.unified", false);
user_pref("toolkit.telemetry.server", "");
user_pref("browser.safebrowsing.malware.enabled", false);
user_pref("browser.safebrowsing.phishing.enabled", false);
user_pref("browser.safebrowsing.downloads.enabled", false);
user_pref("browser.safebrowsing.update.enabled", false);
user_pref("extensions.update.enabled", false);
user_pref("extensions.getAddons.cache.enabled", false);
user_pref("extensions.blocklist.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.dns.disablePrefetch", true);
user_pref("network.prefetch-next", false);
user_pref("network.http.speculative-parallel-limit", 0);
user_pref("browser.newtabpage.enabled", false);
user_pref("browser.topsites.contile.enabled", false);
user_pref("browser.search.update", false);
user_pref("services.settings.server", "http://127.0.0.1:9/");
user_pref("browser.region.network.url", "");
user_pref("network.trr.mode", 5);
user_pref("media.gmp-manager.url", "");
user_pref("dom.ipc.processPrelaunch.enabled", false);
user_pref("dom.push.enabled", false);
user_pref("dom.push.connection.enabled", false);
user_pref("dom.push.serverURL", "");
`

// runFirefox opens a page of the mock server in headless firefox-esr; the
// page runs the cells in sequence and posts each outcome. A page sees no
// error text, so Firefox's reason is what it logs for the WebSocket
// (MOZ_LOG=nsWebSocket:5, read after each cell's report).
func runFirefox(t *testing.T, m *mock, cells []cell) map[cell]outcome {
	ff := "/usr/bin/firefox-esr"
	if _, err := os.Stat(ff); err != nil {
		ff = requirePeer(t, "firefox-esr", "apt-get install firefox-esr")
	}
	profile := t.TempDir()
	if err := os.WriteFile(filepath.Join(profile, "user.js"), []byte(firefoxPrefs), 0o644); err != nil {
		t.Fatal(err)
	}
	logFile := filepath.Join(t.TempDir(), "ws.log")
	byID := map[string]cell{}
	for _, c := range cells {
		byID[c.path()] = c
	}
	out := map[cell]outcome{}
	done := make(chan struct{})
	var mu sync.Mutex
	results := map[cell]scriptResult{}
	m.mu.Lock()
	m.cells["firefox"] = scriptCells(m, cells)
	m.page["/firefox"] = firefoxPage
	m.onReport = chain(m.onReport, func(client string, body []byte) {
		if client != "firefox" {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if body == nil {
			select {
			case <-done:
			default:
				close(done)
			}
			return
		}
		var r scriptResult
		if err := json.Unmarshal(body, &r); err != nil {
			return
		}
		c, ok := byID[r.ID]
		if !ok {
			return
		}
		results[c] = r
	})
	m.mu.Unlock()
	cmd := exec.Command(ff, "--headless", "--no-remote", "--profile", profile, "http://"+m.addr()+"/firefox")
	cmd.Env = append(os.Environ(), "MOZ_LOG=nsWebSocket:5,sync", "MOZ_LOG_FILE="+logFile, "MOZ_CRASHREPORTER_DISABLE=1")
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Firefox's own process group: its content processes end with it.
	stopped := false
	stop := func() {
		if !stopped {
			stopped = true
			killGroup(cmd)
			cmd.Wait()
		}
	}
	defer stop()
	select {
	case <-done:
	case <-time.After(3 * time.Minute): // a safety net for a hung browser only
		t.Errorf("firefox: no report of all cells in 3 minutes (%d of %d)", len(out), len(cells))
	}
	stop()
	// The parent process writes the log; the content processes' files
	// (.child-N) have no channel lines.
	logs := firefoxLog(t, logFile+".moz_log")
	mu.Lock()
	defer mu.Unlock()
	for c, r := range results {
		o := r.outcome()
		if !o.Accepted {
			o.Reason = firefoxReason(logs[c.path()], r)
		}
		out[c] = o
	}
	return out
}

func chain(a, b func(string, []byte)) func(string, []byte) {
	if a == nil {
		return b
	}
	return func(c string, body []byte) { a(c, body); b(c, body) }
}

// firefoxLog splits Firefox's WebSocket log into each cell's lines, by
// channel: "AsyncOpen <channel> …" then "AsyncOpen uri=…" name a channel's
// cell, "OnStartRequest(): <channel>" starts its checks (the lines that
// follow, on the main thread, are theirs) and "AbortSession() <channel>"
// names it. Lines of other channels (Firefox's own, if any) are dropped,
// and so are the object addresses.
func firefoxLog(t *testing.T, file string) map[string][]string {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Errorf("firefox wrote no WebSocket log (MOZ_LOG): %v", err)
		return nil
	}
	var (
		open    = regexp.MustCompile(`^WebSocketChannel::AsyncOpen ([0-9a-f]+) `)
		uri     = regexp.MustCompile(`^WebSocketChannel::AsyncOpen uri=ws://[^/\s]+(/c/\S+)`)
		start   = regexp.MustCompile(`^WebSocketChannel::OnStartRequest\(\): ([0-9a-f]+) `)
		abort   = regexp.MustCompile(`^WebSocketChannel::AbortSession\(\) ([0-9a-f]+) `)
		address = regexp.MustCompile(`\b(0x)?[0-9a-f]{12}\b`)
	)
	out := map[string][]string{}
	cells := map[string]string{} // channel → cell path
	opening, current := "", ""
	for _, line := range strings.Split(string(b), "\n") {
		i := strings.Index(strings.ToLower(line), "websocketchannel::")
		if i < 0 {
			continue
		}
		msg := strings.TrimSpace(line[i:])
		if m := open.FindStringSubmatch(msg); m != nil {
			opening = m[1]
			delete(cells, opening)
			continue
		}
		if m := uri.FindStringSubmatch(msg); m != nil {
			cells[opening] = m[1]
			continue
		}
		if m := start.FindStringSubmatch(msg); m != nil {
			current = cells[m[1]]
			continue
		}
		cell := current
		if m := abort.FindStringSubmatch(msg); m != nil {
			cell = cells[m[1]]
		}
		if cell != "" && strings.Contains(line, "Main Thread") {
			out[cell] = append(out[cell], address.ReplaceAllString(msg, ""))
		}
	}
	return out
}

// firefoxReason picks Firefox's own wording for a failed handshake from a
// cell's log lines: what OnStartRequest and ParseWebSocketExtension log
// when they abort (netwerk/protocol/websocket/WebSocketChannel.cpp); when
// no check logged anything, the session's abort reason (an nsresult).
func firefoxReason(lines []string, r scriptResult) string {
	var reasons []string
	abort := ""
	for _, l := range lines {
		switch {
		case strings.Contains(l, "HTTP status 101"), strings.Contains(l, "confirmed"), strings.Contains(l, "recvdhttpupgrade"):
		case strings.Contains(l, "OnStartRequest:"), strings.Contains(l, "ParseWebSocketExtension:"):
			reasons = append(reasons, l)
		case strings.Contains(l, "AbortSession()") && abort == "":
			if _, after, ok := strings.Cut(l, "[reason "); ok {
				abort, _, _ = strings.Cut(after, "]")
			}
		}
	}
	if len(reasons) == 0 {
		if abort != "" {
			// The version check logs nothing: a response that is not
			// HTTP/1.1 (or HTTP/2) aborts with this reason.
			name := map[string]string{"804b0057": "NS_ERROR_WEBSOCKET_CONNECTION_REFUSED"}[abort]
			return strings.TrimSpace("WebSocketChannel::AbortSession() [reason 0x" + abort + "] " + name)
		}
		return "(not logged) " + pageOutcome(r)
	}
	return strings.Join(reasons, " | ")
}
