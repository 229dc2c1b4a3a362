// Package paste recognises what learners paste into the request editor
// from real tools, which is often not a bare HTTP/1.1 request:
//
//   - the output of curl -v, where the request's lines start with "> ",
//     the response's with "< " and curl's own notes with "* ";
//   - request headers copied from a browser's developer tools: for an
//     HTTP/2 request, pseudo-header fields (":method: GET", ":path: /",
//     ":authority: example.com", ":scheme: https") and no request line;
//     for HTTP/1.1, the raw header section, which the copy ends without
//     its empty line (and Firefox writes the version it used, HTTP/2 or
//     HTTP/3, in the request line);
//   - a response (a status line first) instead of a request;
//   - a request followed by its response.
//
// Recognize says what the text is and, when it can, gives the request it
// holds as editor text (LF line breaks): the fix the page offers. It is a
// pure function of the text, with no I/O.
package paste

import (
	"strconv"
	"strings"
)

// A Kind is what a pasted text was recognised as.
type Kind string

// The kinds of paste. None is a text that is none of the others (a
// request as it is, or something unrecognised).
const (
	None          Kind = ""
	CurlVerbose   Kind = "curl-verbose"   // curl -v output
	DevtoolsHTTP2 Kind = "devtools-http2" // HTTP/2 pseudo-header fields without a request line
	DevtoolsRaw   Kind = "devtools-raw"   // a raw header section without its final empty line, or with an HTTP/2 or HTTP/3 version
	Response      Kind = "response"       // a response: a status line first
	WithResponse  Kind = "with-response"  // a request followed by a response
)

// A Finding is what Recognize found in a text.
type Finding struct {
	Kind Kind
	// Summary says, in one or two plain sentences, what the text is and
	// what the fix does (or why there is none).
	Summary string
	// Fix is the request the text holds, as editor text; "" when there is
	// no fix to offer.
	Fix string
	// FixLabel is the label of the button that applies Fix.
	FixLabel string
	// Notes say what the fix changed beyond the obvious, each a sentence.
	Notes []string
}

// Recognize says what text is. A text that is a plain request (or that
// it does not recognise) gives Kind None.
func Recognize(text string) Finding {
	lines := splitLines(text)
	if f, ok := curlVerbose(lines); ok {
		return f
	}
	first := firstNonEmpty(lines)
	if first < 0 {
		return Finding{}
	}
	if f, ok := pseudoHeaders(lines[first:]); ok {
		return f
	}
	if isStatusLine(lines[first]) {
		return Finding{
			Kind: Response,
			Summary: "This is a response, not a request: its first line is the status line " + quote(lines[first]) + ". " +
				"Reverse mode judges it as each client would, against the request in the editor (what the client offered). " +
				"To see what a server answers instead, the playground needs the request the client sent, which is not in the response. " +
				"With curl, run curl -v and paste its output: the request is the lines that start with \"> \".",
		}
	}
	if f, ok := requestThenResponse(lines, first); ok {
		return f
	}
	if f, ok := rawHeaders(lines, first); ok {
		return f
	}
	return Finding{}
}

// splitLines splits text at LF, dropping a CR before each LF (a paste
// into a textarea has LF only, but a text may come from elsewhere).
func splitLines(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

func firstNonEmpty(lines []string) int {
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			return i
		}
	}
	return -1
}

// join makes editor text of request lines: each line ends with a line
// break, and the head ends with an empty line.
func join(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// quote quotes a line from the text for a message: at most 60 bytes,
// with control characters escaped.
func quote(s string) string {
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return strconv.Quote(s)
}

// isToken reports whether s is an RFC 9110 token.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// requestLine splits a request line (method SP target SP HTTP/x[.y]).
func requestLine(l string) (method, target, version string, ok bool) {
	parts := strings.Split(l, " ")
	if len(parts) != 3 || !isToken(parts[0]) || parts[1] == "" || !isVersion(parts[2]) {
		return "", "", "", false
	}
	return parts[0], parts[1], parts[2], true
}

// isVersion reports whether s is HTTP/d or HTTP/d.d.
func isVersion(s string) bool {
	v, ok := strings.CutPrefix(s, "HTTP/")
	if !ok {
		return false
	}
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	return len(v) == 1 && digit(v[0]) || len(v) == 3 && digit(v[0]) && v[1] == '.' && digit(v[2])
}

// isStatusLine reports whether l is a status line: HTTP/x[.y] SP 3DIGIT,
// then a reason phrase or nothing.
func isStatusLine(l string) bool {
	version, rest, ok := strings.Cut(l, " ")
	if !ok || !isVersion(version) || len(rest) < 3 {
		return false
	}
	for i := range 3 {
		if rest[i] < '0' || rest[i] > '9' {
			return false
		}
	}
	return len(rest) == 3 || rest[3] == ' '
}

// isField reports whether l looks like a field line: a token, a colon.
func isField(l string) bool {
	name, _, ok := strings.Cut(l, ":")
	return ok && isToken(name)
}

// curlVerbose recognises curl -v output: some lines start with "> " (the
// request as curl sent it), and "* " (curl's notes) or "< " (the
// response) lines are there too, or every line is a "> " line. The fix
// is the first request's lines, without their prefix.
func curlVerbose(lines []string) (Finding, bool) {
	var req []string
	in, ended, notes, resp, data, other := false, false, 0, 0, false, 0
	for _, l := range lines {
		switch {
		case l == ">" || strings.HasPrefix(l, "> "):
			rest := strings.TrimPrefix(strings.TrimPrefix(l, ">"), " ")
			if ended {
				continue // a later request on the same connection
			}
			if !in {
				if _, _, _, ok := requestLine(rest); !ok {
					continue
				}
				in = true
			}
			req = append(req, rest)
			if rest == "" {
				in, ended = false, true
			}
		case l == "<" || strings.HasPrefix(l, "< "):
			resp++
		case strings.HasPrefix(l, "* ") || l == "*":
			notes++
		case strings.HasPrefix(l, "} [") || strings.HasPrefix(l, "{ ["):
			data = data || strings.HasPrefix(l, "} [") && ended
		case strings.TrimSpace(l) != "":
			other++
		}
	}
	if len(req) == 0 || notes+resp == 0 && other > 0 {
		return Finding{}, false
	}
	if req[len(req)-1] != "" {
		req = append(req, "") // the copy stopped before the empty line
	}
	f := Finding{
		Kind:     CurlVerbose,
		FixLabel: "Keep only the request",
	}
	switch {
	case notes+resp > 0:
		f.Summary = "This looks like the output of curl -v: the request curl sent is the lines that start with \"> \"; "
		if resp > 0 {
			f.Summary += "the lines that start with \"< \" are the response it received, and \"* \" lines are curl's own notes. "
		} else {
			f.Summary += "the lines that start with \"* \" are curl's own notes. "
		}
		f.Summary += "The fix keeps the request, without the prefixes."
	default:
		f.Summary = "Every line of this request starts with \"> \", as curl -v shows what it sends. The fix keeps the request without the prefixes."
	}
	f.http11(req)
	if data || hasBody(req) {
		f.Notes = append(f.Notes, "curl -v does not show the body it sent (it writes \"} [N bytes data]\"); type the body after the empty line.")
	}
	f.Fix = join(req)
	return f, true
}

// hasBody reports whether a request head announces a body.
func hasBody(head []string) bool {
	for _, l := range head[1:] {
		name, value, _ := strings.Cut(l, ":")
		value = strings.TrimSpace(value)
		switch strings.ToLower(name) {
		case "content-length":
			if value != "" && value != "0" {
				return true
			}
		case "transfer-encoding":
			return true
		}
	}
	return false
}

// pseudoHeaders recognises an HTTP/2 request as browsers' developer tools
// copy it: pseudo-header fields (RFC 9113 §8.3) and lowercase fields, no
// request line. The fix is the same request in HTTP/1.1: the request line
// from :method and :path, Host from :authority, Cookie fields joined (RFC
// 9113 §8.2.3), and the other pseudo-header fields dropped. A WebSocket
// over HTTP/2 (an extended CONNECT, RFC 8441) becomes the HTTP/1.1
// handshake a browser sends instead.
func pseudoHeaders(lines []string) (Finding, bool) {
	if !strings.HasPrefix(lines[0], ":") {
		return Finding{}, false
	}
	pseudo := map[string]string{}
	var order []string // the pseudo-header fields, in order
	var fields []string
	var cookies []string
	cookieAt, host := -1, ""
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(l, ":"); ok {
			name, value, ok := strings.Cut(rest, ":")
			if !ok || !isToken(name) {
				return Finding{}, false
			}
			name = strings.ToLower(name)
			pseudo[name] = strings.TrimSpace(value)
			order = append(order, name)
			continue
		}
		if !isField(l) {
			return Finding{}, false
		}
		name, value, _ := strings.Cut(l, ":")
		switch strings.ToLower(name) {
		case "cookie":
			if cookieAt < 0 {
				cookieAt = len(fields)
				fields = append(fields, "")
			}
			cookies = append(cookies, strings.TrimSpace(value))
			continue
		case "host":
			host = strings.TrimSpace(value)
			continue
		}
		fields = append(fields, l)
	}
	if status, ok := pseudo["status"]; ok {
		return Finding{
			Kind: Response,
			Summary: "This is an HTTP/2 response copied from developer tools (its :status is " + quote(status) + "), not a request. " +
				"The playground answers a request, so it needs the request headers; copy those instead.",
		}, true
	}
	if _, ok := pseudo["method"]; !ok {
		if _, ok := pseudo["path"]; !ok {
			return Finding{}, false
		}
	}
	f := Finding{
		Kind:     DevtoolsHTTP2,
		FixLabel: "Write it as an HTTP/1.1 request",
		Summary: "These are the headers of an HTTP/2 request, as browsers' developer tools copy them: pseudo-header fields (:method, :path, :authority, :scheme) instead of a request line. " +
			"HTTP/2 has no Upgrade (RFC 9113 §8.2.2); the fix writes the same request in HTTP/1.1, with the request line from :method and :path and Host from :authority.",
	}
	method, path := pseudo["method"], pseudo["path"]
	if method == "" {
		method = "GET"
		f.Notes = append(f.Notes, "There was no :method; the fix uses GET.")
	}
	if path == "" {
		path = "/"
		if method != "CONNECT" {
			f.Notes = append(f.Notes, "There was no :path; the fix uses /.")
		}
	}
	if !isToken(method) || strings.ContainsFunc(path, isSpaceOrControl) || strings.ContainsFunc(pseudo["authority"], isSpaceOrControl) {
		return Finding{}, false // not a request devtools would show
	}
	if a := pseudo["authority"]; a != "" {
		host = a
	}
	if host == "" {
		host = "example.com"
		f.Notes = append(f.Notes, "There was no :authority or Host; the fix uses Host: example.com.")
	}
	out := []string{method + " " + path + " HTTP/1.1", "Host: " + host}
	if proto := pseudo["protocol"]; method == "CONNECT" && proto != "" {
		// RFC 8441 §4 (RFC 9220 for HTTP/3): a WebSocket over HTTP/2 is a
		// CONNECT with :protocol; in HTTP/1.1 it is a GET with Upgrade.
		out[0] = "GET " + path + " HTTP/1.1"
		out = append(out, "Upgrade: "+proto, "Connection: Upgrade")
		note := "This was a WebSocket over HTTP/2, an extended CONNECT with :protocol " + quote(proto) + " (RFC 8441 §4); in HTTP/1.1 the same request is a GET with Upgrade: " + proto + " and Connection: Upgrade, which the fix writes."
		if strings.EqualFold(proto, "websocket") && !hasField(fields, "sec-websocket-key") {
			out = append(out, "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==")
			note += " HTTP/2 has no Sec-WebSocket-Key, so the fix adds the sample key of RFC 6455 §1.3."
		}
		f.Notes = append(f.Notes, note)
	} else if method == "CONNECT" {
		f.Notes = append(f.Notes, "A CONNECT asks for a tunnel, not an upgrade; the fix keeps it as it was.")
	}
	var dropped []string
	for _, name := range order {
		switch name {
		case "method", "path", "authority", "protocol":
		default:
			dropped = append(dropped, ":"+name)
		}
	}
	if len(dropped) > 0 {
		f.Notes = append(f.Notes, "HTTP/1.1 has no "+strings.Join(dropped, ", ")+" field; the fix leaves it out.")
	}
	if cookieAt >= 0 {
		fields[cookieAt] = "cookie: " + strings.Join(cookies, "; ")
		if len(cookies) > 1 {
			f.Notes = append(f.Notes, "HTTP/2 sends each cookie in a field of its own; HTTP/1.1 joins them in one Cookie field with \"; \" (RFC 9113 §8.2.3).")
		}
	}
	out = append(out, fields...)
	f.Fix = join(append(out, ""))
	return f, true
}

func isSpaceOrControl(r rune) bool { return r <= ' ' || r == 0x7f }

func hasField(fields []string, lower string) bool {
	for _, l := range fields {
		if name, _, _ := strings.Cut(l, ":"); strings.ToLower(name) == lower {
			return true
		}
	}
	return false
}

// requestThenResponse recognises a request, its empty line, and then a
// response's status line. The fix keeps the request.
func requestThenResponse(lines []string, first int) (Finding, bool) {
	if _, _, _, ok := requestLine(lines[first]); !ok {
		return Finding{}, false
	}
	blank := -1
	for i := first + 1; i < len(lines); i++ {
		if lines[i] == "" {
			blank = i
			break
		}
	}
	if blank < 0 {
		return Finding{}, false
	}
	for i := blank + 1; i < len(lines); i++ {
		if !isStatusLine(lines[i]) {
			continue
		}
		// Keep the body when the request announces one; else the
		// request ends at its empty line.
		end := blank + 1
		if hasBody(lines[first:blank]) {
			end = i
			for end > blank+1 && lines[end-1] == "" {
				end--
			}
		}
		f := Finding{
			Kind:     WithResponse,
			FixLabel: "Keep only the request",
			Summary: "This paste holds a request and then a response (from " + quote(lines[i]) + "). " +
				"The server would read the response's bytes as the start of the next request (or, after a switch, as the new protocol's). The fix keeps only the request.",
		}
		req := append([]string{}, lines[first:end]...)
		f.http11(req)
		f.Fix = join(req)
		return f, true
	}
	return Finding{}, false
}

// http11 writes HTTP/1.1 in the request line head[0] when it names
// HTTP/2 or HTTP/3 (a tool showed the version the request went over), and
// notes it.
func (f *Finding) http11(head []string) {
	method, target, version, ok := requestLine(head[0])
	if !ok || version != "HTTP/2" && version != "HTTP/3" {
		return
	}
	head[0] = method + " " + target + " HTTP/1.1"
	f.Notes = append(f.Notes, "It was sent over "+version+" (the tool shows the version used), which has no Upgrade (RFC 9113 §8.2.2); the fix writes HTTP/1.1, the version whose requests Upgrade applies to.")
}

// rawHeaders recognises a request's header section as developer tools
// copy it (Firefox's raw request headers, Chromium's "view source"): a
// request line and field lines that end without the empty line that ends
// a header section, or with HTTP/2 or HTTP/3 as the version.
func rawHeaders(lines []string, first int) (Finding, bool) {
	_, _, version, ok := requestLine(lines[first])
	if !ok {
		return Finding{}, false
	}
	ls := append([]string{}, lines[first:]...)
	finalBreak := len(ls) > 1 && ls[len(ls)-1] == ""
	if finalBreak {
		ls = ls[:len(ls)-1] // the break that ends the text's last line
	}
	end := -1
	for i := 1; i < len(ls); i++ {
		if ls[i] == "" {
			end = i
			break
		}
		if !isField(ls[i]) {
			return Finding{}, false
		}
	}
	h2 := version == "HTTP/2" || version == "HTTP/3"
	switch {
	case end < 0 && len(ls) < 2:
		return Finding{}, false // a request line alone: someone typing
	case end >= 0 && !h2:
		return Finding{}, false // a whole request
	}
	f := Finding{Kind: DevtoolsRaw}
	f.http11(ls)
	if end >= 0 {
		f.Summary = "This request says " + version + " in its request line, as developer tools show the version the browser used."
		f.FixLabel = "Write HTTP/1.1"
		f.Fix = strings.Join(ls, "\n")
		if finalBreak {
			f.Fix += "\n"
		}
		return f, true
	}
	f.Summary = "These request headers end without the empty line that ends a header section, as developer tools copy them: the server would still be waiting for it. The fix adds the empty line."
	f.FixLabel = "Add the empty line"
	if h2 {
		f.FixLabel = "Add the empty line and write HTTP/1.1"
	}
	f.Fix = join(append(ls, ""))
	return f, true
}
