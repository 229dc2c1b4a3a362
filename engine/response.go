package engine

import "strconv"

// Response writing: exact bytes, in a deterministic order, never with a CR
// or LF inside a value (no response splitting whatever the request held).

// A Header is one response field line.
type Header struct{ Name, Value string }

// A Response is one HTTP/1.1 response: an interim (1xx) or final one.
type Response struct {
	Status int
	Reason string // the reason phrase; empty means the registered one
	// Proto is the status line's HTTP-version: empty for HTTP/1.1, which
	// this server speaks (RFC 9110 §6.2); a profile's front may answer an
	// HTTP/1.0 request with "HTTP/1.0", as Go's net/http does.
	Proto   string
	Headers []Header
	Body    []byte
}

// reasons are the reason phrases of RFC 9110 §15, sorted by status. They are
// data, so that a server profile can word them its own way.
var reasons = []named[int]{
	{100, "Continue"}, {101, "Switching Protocols"}, {103, "Early Hints"},
	{200, "OK"}, {201, "Created"}, {202, "Accepted"}, {204, "No Content"},
	{301, "Moved Permanently"}, {302, "Found"}, {303, "See Other"}, {304, "Not Modified"},
	{307, "Temporary Redirect"}, {308, "Permanent Redirect"},
	{400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"}, {404, "Not Found"},
	{405, "Method Not Allowed"}, {406, "Not Acceptable"}, {408, "Request Timeout"},
	{409, "Conflict"}, {410, "Gone"}, {411, "Length Required"}, {412, "Precondition Failed"},
	{413, "Content Too Large"}, {414, "URI Too Long"}, {415, "Unsupported Media Type"},
	{417, "Expectation Failed"}, {421, "Misdirected Request"}, {422, "Unprocessable Content"},
	{426, "Upgrade Required"}, {428, "Precondition Required"}, {429, "Too Many Requests"},
	{431, "Request Header Fields Too Large"},
	{500, "Internal Server Error"}, {501, "Not Implemented"}, {502, "Bad Gateway"},
	{503, "Service Unavailable"}, {504, "Gateway Timeout"}, {505, "HTTP Version Not Supported"},
}

// ReasonPhrase returns the registered reason phrase for a status.
func ReasonPhrase(status int) string {
	name, _ := lookupName(reasons, status)
	return name
}

// Get returns the value of the first header with the name, or "".
func (r *Response) Get(name string) string {
	for _, h := range r.Headers {
		if equalFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

// Set replaces the first header with the name, or appends one.
func (r *Response) Set(name, value string) {
	for i, h := range r.Headers {
		if equalFold(h.Name, name) {
			r.Headers[i].Value = value
			return
		}
	}
	r.Headers = append(r.Headers, Header{name, value})
}

// Add appends a header line.
func (r *Response) Add(name, value string) { r.Headers = append(r.Headers, Header{name, value}) }

// Bytes writes the response exactly as it goes on the wire: the status line,
// each header line, CRLF, then the body. A 1xx, 204 or 304 never has a body
// (RFC 9110 §15.2, RFC 9112 §6.3).
func (r *Response) Bytes() []byte {
	return r.appendTo(make([]byte, 0, r.size()))
}

// size is the length of Bytes (for a three-digit status, as all are).
func (r *Response) size() int {
	n := len("HTTP/1.1 NNN ") + len(r.reason()) + len("\r\n\r\n")
	for _, h := range r.Headers {
		n += len(h.Name) + len(": ") + len(h.Value) + len("\r\n")
	}
	if r.hasBody() {
		n += len(r.Body)
	}
	return n
}

func (r *Response) reason() string {
	if r.Reason == "" {
		return ReasonPhrase(r.Status)
	}
	return r.Reason
}

// appendTo appends the response's bytes to b.
func (r *Response) appendTo(b []byte) []byte {
	reason := r.reason()
	if r.Proto != "" {
		b = append(b, r.Proto...)
		b = append(b, ' ')
	} else {
		b = append(b, "HTTP/1.1 "...)
	}
	b = strconv.AppendInt(b, int64(r.Status), 10)
	b = append(b, ' ')
	b = appendSafe(b, reason)
	b = append(b, "\r\n"...)
	for _, h := range r.Headers {
		b = appendSafe(b, h.Name)
		b = append(b, ": "...)
		b = appendSafe(b, h.Value)
		b = append(b, "\r\n"...)
	}
	b = append(b, "\r\n"...)
	if r.hasBody() {
		b = append(b, r.Body...)
	}
	return b
}

func (r *Response) hasBody() bool {
	return r.Status >= 200 && r.Status != 204 && r.Status != 304
}

// appendSafe appends s, replacing every byte below 0x20 except HTAB, and DEL,
// with SP: a value taken from the request can never split the response
// (gorilla/websocket does the same).
func appendSafe(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7f {
			b = append(b, ' ')
		} else {
			b = append(b, c)
		}
	}
	return b
}

// withBody sets a text body and its Content-Type and Content-Length.
func (r *Response) withBody(contentType, body string) *Response {
	r.Body = []byte(body)
	r.Set("Content-Type", contentType)
	r.Set("Content-Length", strconv.Itoa(len(r.Body)))
	return r
}
