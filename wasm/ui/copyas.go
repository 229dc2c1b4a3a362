package ui

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/upgrade-playground/playground/engine"
)

// A Target is where the "Copy as" commands send a request: the host and
// port of its own Host field (port 80 when it names none), over http. A
// request without exactly one usable Host goes to localhost, port 80.
type Target struct {
	Host     string // as in a URL: an IPv6 address in brackets
	Port     string
	FromHost bool // taken from the request's Host field
}

// Addr is the host for nc (an IPv6 address without its brackets).
func (t Target) Addr() string { return strings.TrimSuffix(strings.TrimPrefix(t.Host, "["), "]") }

// URL is the http URL of the target with the request-target path.
func (t Target) URL(path string) string {
	u := "http://" + t.Host
	if t.Port != "80" {
		u += ":" + t.Port
	}
	return u + path
}

// Describe says where the commands send the request and how to change it.
func (t Target) Describe() string {
	where := t.Host + ", port " + t.Port + " (http)"
	if !t.FromHost {
		return "The request has no single usable Host field, so these commands send it to " + where + ". To send it elsewhere, edit the host and port in the command."
	}
	return "These commands send the request to " + where + ", from its Host field. To send it elsewhere, edit the host and port in the command."
}

// TargetOf finds the target in the request's header section: the value
// of its one Host field, as host[:port] with an optional port of 1 to
// 65535 (RFC 9110 §7.2, RFC 3986 §3.2.2).
func TargetOf(raw []byte) Target {
	fallback := Target{Host: "localhost", Port: "80"}
	line, rest, ok := cutLine(raw)
	if !ok || len(line) == 0 {
		return fallback
	}
	host, hosts := "", 0
	for len(rest) > 0 {
		line, rest, _ = cutLine(rest)
		if len(line) == 0 {
			break
		}
		if len(line) > 5 && strings.EqualFold(string(line[:5]), "host:") {
			host, hosts = strings.Trim(string(line[5:]), " \t"), hosts+1
		}
	}
	if hosts != 1 || host == "" {
		return fallback
	}
	t := Target{Host: host, Port: "80", FromHost: true}
	hostPart, port := host, ""
	if strings.HasPrefix(host, "[") {
		end := strings.IndexByte(host, ']')
		if end < 0 {
			return fallback
		}
		hostPart, port = host[:end+1], host[end+1:]
		if port != "" && port[0] != ':' {
			return fallback
		}
		port = strings.TrimPrefix(port, ":")
	} else if i := strings.LastIndexByte(host, ':'); i >= 0 {
		hostPart, port = host[:i], host[i+1:]
	}
	if hostPart == "" || hostPart == "[]" {
		return fallback
	}
	for i := 0; i < len(hostPart); i++ {
		c := hostPart[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~%!$&'()*+,;=", c) >= 0 ||
			(c == ':' || c == '[' || c == ']') && hostPart[0] == '['
		if !ok {
			return fallback
		}
	}
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || port[0] == '0' || port[0] == '+' || port[0] == '-' {
			return fallback
		}
	} else {
		port = "80"
	}
	t.Host, t.Port = hostPart, port
	return t
}

// cutLine cuts raw at its first LF, dropping a CR before it.
func cutLine(raw []byte) (line, rest []byte, found bool) {
	i := bytes.IndexByte(raw, '\n')
	if i < 0 {
		return raw, nil, false
	}
	line, rest = raw[:i], raw[i+1:]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, rest, true
}

// shellWord is s as one shell word, quoted only when it needs to be.
func shellWord(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_' || c == ':') {
			return shellQuote(s)
		}
	}
	return s
}

// Printf returns a POSIX shell command, printf '…', that writes exactly the
// bytes raw: every byte outside printable ASCII, and the quote, backslash,
// percent and a leading '-', are written as printf escapes (\r, \n, \t,
// \\, %%, or a three-digit octal \ooo).
func Printf(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw) + 16)
	b.WriteString("printf '")
	for i, c := range raw {
		switch {
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\\':
			b.WriteString(`\\`)
		case c == '%':
			b.WriteString(`%%`)
		case c == '\'' || c < 0x20 || c >= 0x7f || i == 0 && c == '-':
			b.WriteByte('\\')
			b.WriteByte('0' + c>>6)
			b.WriteByte('0' + c>>3&7)
			b.WriteByte('0' + c&7)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteString("'")
	return b.String()
}

// Netcat is the request as a shell pipeline that sends its exact bytes
// with nc to its target (TargetOf).
func Netcat(raw []byte) string {
	t := TargetOf(raw)
	return Printf(raw) + " | nc " + shellWord(t.Addr()) + " " + t.Port
}

// shellQuote quotes s as one POSIX shell word.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// A CurlForm is the request as a curl command line. When curl cannot send
// the bytes faithfully, Command is "" (curl would send a different
// message) or Exact is false (it sends the same fields with a small
// difference), and Problems says why.
type CurlForm struct {
	Command  string
	Exact    bool
	Problems []string
}

// problem adds a reason why curl cannot send the bytes faithfully. Not
// inlined: Curl has many, and each inlined append was a few hundred bytes
// of WebAssembly.
//
//go:noinline
func (f *CurlForm) problem(p string) { f.Problems = append(f.Problems, p) }

// Curl returns the curl command that sends the request res was made from,
// when curl can: a complete HTTP/1.1 or HTTP/1.0 request in origin form,
// with CRLF line endings, no obs-fold, no control bytes, no syntax or
// framing failure, no chunked body and nothing after the message.
func Curl(raw []byte, res *engine.Result) CurlForm {
	var f CurlForm
	r := res.Request
	if r == nil {
		f.problem("the request could not be parsed")
		return f
	}
	for i, c := range raw {
		if c == '\n' && (i == 0 || raw[i-1] != '\r') {
			f.problem("it has a bare LF line ending; curl always sends CRLF")
			break
		}
	}
	for i, c := range raw {
		if c == '\r' && (i+1 == len(raw) || raw[i+1] != '\n') {
			f.problem("it has a bare CR; curl cannot send one")
			break
		}
	}
	head := raw
	if r.HeaderEnd >= 0 && r.HeaderEnd <= len(raw) {
		head = raw[:r.HeaderEnd]
	}
	for i := 0; i < len(head); i++ {
		c := head[i]
		if c == '\n' && i+1 < len(head) && (head[i+1] == ' ' || head[i+1] == '\t') {
			f.problem("it has an obs-fold (a field line continued on the next line); curl sends one line per field")
			break
		}
	}
	for _, c := range head {
		if c < 0x20 && c != '\r' && c != '\n' && c != '\t' || c == 0x7f {
			f.problem("its header section holds a control byte that curl does not send as typed")
			break
		}
	}
	for _, c := range head {
		if c >= 0x80 {
			// Bidi and zero-width characters would be invisible in a
			// command line; the printf form shows every such byte.
			f.problem("its header section holds non-ASCII bytes, which a command line would hide or reorder")
			break
		}
	}
	for _, s := range res.Trace {
		if s.Outcome == engine.Fail && (s.Stage == engine.StageSyntax || s.Stage == engine.StageFraming) {
			f.problem("it is not valid HTTP/1.1 syntax (" + Summary(s) + "); curl only sends well-formed requests")
			return f
		}
	}
	switch {
	case !r.Complete():
		f.problem("it is incomplete; curl sends whole messages")
	case len(r.Rest()) > 0:
		f.problem("bytes follow the request message; curl sends nothing after it")
	}
	if r.Version != "HTTP/1.1" && r.Version != "HTTP/1.0" {
		f.problem("its version is " + strconv.Quote(r.Version) + "; curl sends HTTP/1.1 or HTTP/1.0")
	}
	if r.TargetForm != "origin" {
		f.problem("its target is in " + r.TargetForm + " form; curl sends origin form (/path)")
	}
	if r.Chunked {
		f.problem("its body is chunked; curl chooses its own chunk sizes")
	}
	if strings.ContainsAny(r.Method, "'\" ") {
		f.problem("its method cannot be passed to curl")
	}
	if len(f.Problems) > 0 {
		return f
	}

	f.Exact = true
	args := []string{"curl", "--http1.1", "-i", "-g", "--path-as-is"}
	if r.Version == "HTTP/1.0" {
		args[1] = "--http1.0"
	}
	body := r.Body
	switch {
	case r.Method == "HEAD" && len(body) == 0:
		args = append(args, "--head")
	case r.Method == "GET" && len(body) == 0, r.Method == "POST" && len(body) > 0:
	default:
		args = append(args, "-X", shellQuote(r.Method))
	}
	has := map[string]bool{}
	hosts := 0
	for i, fl := range r.Fields {
		name := strings.ToLower(fl.Name)
		has[name] = true
		if name == "host" {
			hosts++
			if i != 0 {
				f.Exact = false
				f.problem("curl sends Host as the first field; here it is field " + strconv.Itoa(i+1))
			}
		}
		if sp := fl.Span; sp.Start >= 0 && sp.End <= len(raw) {
			want := fl.Name + ": " + fl.Value
			if fl.Value == "" {
				want = fl.Name + ":"
			}
			if string(raw[sp.Start:sp.End]) != want {
				f.Exact = false
				f.problem("curl writes field " + strconv.Itoa(i+1) + " as " + strconv.Quote(want) + ", with one space after the colon and none at the end")
			}
		}
		h := fl.Name + ": " + fl.Value
		if fl.Value == "" {
			h = fl.Name + ";" // "Name;" sends an empty field
		}
		args = append(args, "-H", shellQuote(h))
	}
	if hosts != 1 {
		f.Exact = false
		f.problem("without exactly one Host field curl adds its own")
	}
	// Remove the fields curl adds by default (the last two when it sends a
	// body), unless the request has them.
	for i, d := range [...][2]string{{"User-Agent", "user-agent"}, {"Accept", "accept"}, {"Content-Type", "content-type"}, {"Expect", "expect"}} {
		if (i < 2 || len(body) > 0) && !has[d[1]] {
			args = append(args, "-H", shellQuote(d[0]+":"))
		}
	}
	if len(body) > 0 {
		args = append(args, "--data-binary", "@-")
	}
	args = append(args, shellQuote(TargetOf(raw).URL(r.Target)))
	f.Command = strings.Join(args, " ")
	if len(body) > 0 {
		f.Command = Printf(body) + " | " + f.Command
	}
	return f
}

// CopyAs is the "Copy as" panel: the request as curl (or why not), as
// printf | nc, and the actions (copy buttons, raw download, the response
// as text) that the adapter wires by their data-copy and id attributes.
func CopyAs(raw []byte, res *engine.Result) *Node {
	root := El("div")
	root.Add(El("p", "class", "help", "id", "copy-target").AddText(TargetOf(raw).Describe()))
	cf := Curl(raw, res)
	root.Add(El("h3", "id", "copy-curl-heading").AddText("curl"))
	if cf.Command != "" {
		root.Add(El("pre", "id", "copy-curl", "class", "cmd", "tabindex", "0", "aria-labelledby", "copy-curl-heading").AddText(cf.Command))
		root.Add(El("button", "type", "button", "data-copy", "copy-curl").AddText("Copy curl command"))
	}
	if len(cf.Problems) > 0 {
		msg := "curl cannot send these exact bytes:"
		if cf.Exact || cf.Command != "" {
			msg = "curl sends this request with a difference:"
		}
		p := El("div", "class", "cannot", "id", "copy-curl-why")
		p.Add(El("p").AddText(msg))
		ul := El("ul")
		for _, s := range cf.Problems {
			ul.Add(El("li").AddText(s))
		}
		p.Add(ul)
		if cf.Command == "" {
			p.Add(El("p").AddText("Use the printf | nc form below: it sends the bytes exactly."))
		}
		root.Add(p)
	}
	root.Add(El("h3", "id", "copy-nc-heading").AddText("printf | nc (exact bytes)"))
	root.Add(El("pre", "id", "copy-nc", "class", "cmd", "tabindex", "0", "aria-labelledby", "copy-nc-heading").AddText(Netcat(raw)))
	actions := El("p", "class", "actions")
	actions.Add(El("button", "type", "button", "data-copy", "copy-nc").AddText("Copy printf | nc command"))
	actions.Add(El("button", "type", "button", "id", "download-raw").AddText("Download raw request (" + strconv.Itoa(len(raw)) + " bytes)"))
	actions.Add(El("button", "type", "button", "id", "copy-response").AddText("Copy response as text"))
	root.Add(actions)
	return root
}
