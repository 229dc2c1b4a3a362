package engine

import (
	"strconv"
	"strings"
	"testing"
)

// rfcWording holds, for the sections whose words the notes quote and whose
// quotes were once wrong, the sentences of the RFC as published. They were
// copied from the RFC texts (the RFC Editor's, or httpwg.org's renderings of
// the same RFCs), not from memory, and are joined with single spaces.
// TestQuotesMatchRFC checks every quote that cites one of these sections
// against them, so a quote cannot drift from the RFC ("MUST accept and
// ignore" for "MUST parse and ignore") without failing. A section that gains
// a new quote gains its sentence here, copied from the RFC.
var rfcWording = map[string]string{
	"9110#5.6.1.2": "A recipient MUST parse and ignore a reasonable number of empty list elements: enough to handle common mistakes by senders that merge values, but not so much that they could be used as a denial-of-service mechanism.",
	"9110#7.8": "A server MAY ignore a received Upgrade header field if it wishes to continue using the current protocol on that connection. " +
		"Upgrade cannot be used to insist on a protocol change. " +
		"The Upgrade header field only applies to switching protocols on top of the existing connection; it cannot be used to switch the underlying connection (transport) protocol, nor to switch the existing communication to a different connection. " +
		"A server MUST NOT switch protocols unless the received message semantics can be honored by the new protocol; an OPTIONS request can be honored by any protocol. " +
		"A server that receives an Upgrade header field in an HTTP/1.0 request MUST ignore that Upgrade field. " +
		"A client cannot begin using an upgraded protocol on the connection until it has completely sent the request message (i.e., the client can't change the protocol it is sending in the middle of a message). " +
		"If a server receives both an Upgrade and an Expect header field with the \"100-continue\" expectation (Section 10.1.1), the server MUST send a 100 (Continue) response before sending a 101 (Switching Protocols) response. " +
		"A server MUST NOT switch to a protocol that was not indicated by the client in the corresponding request's Upgrade header field.",
	"9110#9.3.8": "The final recipient of the request SHOULD reflect the message received, excluding some fields described below, back to the client as the content of a 200 (OK) response. " +
		"The \"message/http\" format (Section 10.1 of [HTTP/1.1]) is one way to do so. " +
		"A client MUST NOT send content in a TRACE request.",
	"9110#10.1.1": "A client MUST NOT generate a 100-continue expectation in a request that does not include content. " +
		"A client that sends a 100-continue expectation is not required to wait for any specific length of time; such a client MAY proceed to send the content even if it has not yet received a response. " +
		"A server that receives a 100-continue expectation in an HTTP/1.0 request MUST ignore that expectation. " +
		"A server MAY omit sending a 100 (Continue) response if it has already received some or all of the content for the corresponding request, or if the framing indicates that there is no content. " +
		"A server that responds with a final status code before reading the entire request content SHOULD indicate whether it intends to close the connection (e.g., see Section 9.6 of [HTTP/1.1]) or continue reading the request content.",
	"9112#6.3": "Such a message might indicate an attempt to perform request smuggling (Section 11.2) or response splitting (Section 11.1) and ought to be handled as an error. " +
		"A server MAY reject a request that contains a message body but not a Content-Length by responding with 411 (Length Required).",
	"9112#9.6": "A server that receives a \"close\" connection option MUST initiate closure of the connection (see below) after it sends the final response to the request that contained the \"close\" connection option. " +
		"The server SHOULD send a \"close\" connection option in its final response on that connection. " +
		"The server MUST NOT process any further requests received on that connection.",
	"9113#3.4": "Note: The client connection preface is selected so that a large proportion of HTTP/1.1 or HTTP/1.0 servers and intermediaries do not attempt to process further frames. " +
		"The server connection preface consists of a potentially empty SETTINGS frame (Section 6.5) that MUST be the first frame the server sends in the HTTP/2 connection. " +
		"Clients and servers MUST treat an invalid connection preface as a connection error (Section 5.4.1) of type PROTOCOL_ERROR.",
	"6455#4.1": "The method of the request MUST be GET, and the HTTP version MUST be at least 1.1. " +
		"The request MUST contain an |Upgrade| header field whose value MUST include the \"websocket\" keyword. " +
		"The elements that comprise this value MUST be non-empty strings with characters in the range U+0021 to U+007E not including separator characters as defined in [RFC2616] and MUST all be unique strings. " +
		"If the status code received from the server is not 101, the client handles the response per HTTP [RFC2616] procedures. " +
		"If the response lacks an |Upgrade| header field or the |Upgrade| header field contains a value that is not an ASCII case-insensitive match for the value \"websocket\", the client MUST _Fail the WebSocket Connection_. " +
		"If the response lacks a |Connection| header field or the |Connection| header field doesn't contain a token that is an ASCII case-insensitive match for the value \"Upgrade\", the client MUST _Fail the WebSocket Connection_. " +
		"If the response lacks a |Sec-WebSocket-Accept| header field or the |Sec-WebSocket-Accept| contains a value other than the base64-encoded SHA-1 of the concatenation of the |Sec-WebSocket-Key| (as a string, not base64-decoded) with the string \"258EAFA5-E914-47DA-95CA-C5AB0DC85B11\" but ignoring any leading and trailing whitespace, the client MUST _Fail the WebSocket Connection_. " +
		"If the response includes a |Sec-WebSocket-Extensions| header field and this header field indicates the use of an extension that was not present in the client's handshake (the server has indicated an extension not requested by the client), the client MUST _Fail the WebSocket Connection_. " +
		"If the response includes a |Sec-WebSocket-Protocol| header field and this header field indicates the use of a subprotocol that was not present in the client's handshake (the server has indicated a subprotocol not requested by the client), the client MUST _Fail the WebSocket Connection_.",
	"6455#4.2.1": "the server MUST stop processing the client's handshake and return an HTTP response with an appropriate error code (such as 400 Bad Request). " +
		"An |Upgrade| header field containing the value \"websocket\", treated as an ASCII case-insensitive value. " +
		"A |Sec-WebSocket-Key| header field with a base64-encoded (see Section 4 of [RFC4648]) value that, when decoded, is 16 bytes in length.",
	"6455#5.1": "The server MUST close the connection upon receiving a frame that is not masked. " +
		"In this case, a server MAY send a Close frame with a status code of 1002 (protocol error) as defined in Section 7.4.1. " +
		"A server MUST NOT mask any frames that it sends to the client.",
	"7692#6":       "An endpoint MUST NOT set the \"Per-Message Compressed\" bit of control frames and non-first fragments of a data message.",
	"7692#7.1.1.1": "A server MAY include the \"server_no_context_takeover\" extension parameter in an extension negotiation response even if the extension negotiation offer being accepted by the extension negotiation response didn't include the \"server_no_context_takeover\" extension parameter.",
	"7692#7.1.1.2": "A server MAY include the \"client_no_context_takeover\" extension parameter in an extension negotiation response.",
	"8446#5":       "If a TLS implementation receives an unexpected record type, it MUST terminate the connection with an \"unexpected_message\" alert.",
}

// TestQuotesMatchRFC checks each quote of a note that cites a section of
// rfcWording: every part of it between elisions ("...") must be words of
// that section, in order within the part. A note may nest quotation marks
// as single quotes, and may change the case of a quote's first letter.
func TestQuotesMatchRFC(t *testing.T) {
	checked := map[string]bool{}
	for _, n := range Catalogue() {
		for _, q := range noteQuotes(n.Detail) {
			want, ok := rfcWording[q.cite]
			if !ok {
				continue
			}
			checked[q.cite] = true
			for i, part := range strings.Split(q.text, "...") {
				part = strings.TrimSpace(strings.ReplaceAll(part, `\"`, `"`))
				if part == "" {
					continue
				}
				if !quotedIn(part, want, i == 0) {
					t.Errorf("note %s quotes RFC %s as %q, which is not its wording:\n%s", n.ID, strings.Replace(q.cite, "#", " §", 1), part, want)
				}
			}
		}
	}
	for cite := range rfcWording {
		if !checked[cite] {
			t.Errorf("no note quotes %s any more: drop it from rfcWording", cite)
		}
	}
}

// quotedIn reports whether part occurs in text, taking ' for " and, if
// first, either case for the first letter.
func quotedIn(part, text string, first bool) bool {
	norm := func(s string) string { return strings.ReplaceAll(s, `'`, `"`) }
	part, text = norm(part), norm(text)
	if strings.Contains(text, part) {
		return true
	}
	if !first || part == "" {
		return false
	}
	for _, alt := range []string{strings.ToUpper(part[:1]), strings.ToLower(part[:1])} {
		if strings.Contains(text, alt+part[1:]) {
			return true
		}
	}
	return false
}

// A quote is a passage of a note's Detail in double quotation marks that is
// followed at once by the rfc: link it is attributed to:
// "…" ([RFC 9110 §7.8](rfc:9110#7.8)).
type quote struct {
	text string // the quoted words, without the outer quotation marks
	cite string // "9110#7.8"
}

// noteQuotes returns the quotes of a Detail. A quote may hold quoted words
// of its own (the "100-continue" expectation): its opening mark is the
// nearest one before the closing mark that follows a space, "(" or ":" and
// leaves an even number of marks between the two. An escaped \" is a
// literal quotation mark, not a delimiter.
func noteQuotes(detail string) []quote {
	var qs []quote
	for _, m := range citationLink.FindAllStringSubmatchIndex(detail, -1) {
		if !strings.HasSuffix(detail[:m[0]], `" (`) {
			continue
		}
		end := m[0] - len(`" (`)
		open, marks := -1, 0
		for i := end - 1; i >= 0; i-- {
			if detail[i] != '"' || (i > 0 && detail[i-1] == '\\') {
				continue
			}
			if marks%2 == 0 && (i == 0 || strings.IndexByte(" (:", detail[i-1]) >= 0) {
				open = i
				break
			}
			marks++
		}
		if open < 0 {
			continue
		}
		cite := detail[m[4]:m[5]] + "#"
		if m[6] >= 0 {
			cite += detail[m[6]:m[7]]
		}
		qs = append(qs, quote{text: detail[open+1 : end], cite: cite})
	}
	return qs
}

// weakened lists requirements that notes once softened: a sentence citing
// the section must not put the rule in weaker words than the RFC's.
var weakened = []struct {
	cite, about, weak, rfc string
}{
	{"rfc:9110#10.1.1", "100-continue", "ought not", "A client MUST NOT generate a 100-continue expectation in a request that does not include content."},
}

// TestRequirementsNotWeakened fails when a note's sentence that cites one of
// the sections of weakened speaks of its subject with the weak words, as
// "A client ought not send 100-continue ..." once did for a MUST NOT.
func TestRequirementsNotWeakened(t *testing.T) {
	for _, n := range Catalogue() {
		for _, s := range sentences(n.Detail) {
			for _, w := range weakened {
				if strings.Contains(s, w.cite) && strings.Contains(s, w.about) && strings.Contains(strings.ToLower(s), w.weak) {
					t.Errorf("note %s says %q of %s, where the RFC says %q", n.ID, w.weak, w.about, w.rfc)
				}
			}
		}
	}
}

// sentences splits a Detail where sentenceBreak finds the end of one
// sentence and the start of the next.
func sentences(detail string) []string {
	var out []string
	start := 0
	for _, loc := range sentenceBreak.FindAllStringIndex(detail, -1) {
		out = append(out, detail[start:loc[0]+1])
		start = loc[1] - 1
	}
	return append(out, detail[start:])
}

// sectionOnly lists RFCs that notes draw on one part at a time: a citation of
// one of them names the section, as [RFC 9931 §4.1](rfc:9931#4.1) does,
// rather than sending the reader to the whole document.
var sectionOnly = []int{9931}

// TestSectionOnlyCitations checks the Refs and rfc: links of sectionOnly.
func TestSectionOnlyCitations(t *testing.T) {
	for _, n := range Catalogue() {
		for _, rfc := range sectionOnly {
			if n.Ref.RFC == rfc && n.Ref.Section == "" {
				t.Errorf("note %s: Ref cites the whole of RFC %d; name the section", n.ID, rfc)
			}
			for _, m := range citationLink.FindAllStringSubmatch(n.Detail, -1) {
				if m[2] == strconv.Itoa(rfc) && m[3] == "" {
					t.Errorf("note %s: link %s cites the whole of RFC %d; name the section", n.ID, m[0], rfc)
				}
			}
		}
	}
}
