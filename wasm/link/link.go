// Package link is the page's deep-link codec: the whole state of the page
// lives in the URL fragment, as key=value pairs joined by "&" with
// form-urlencoded escaping.
//
//	req     the request's exact bytes, base64url without padding (RFC 4648 §5);
//	        padded input is accepted too
//	ex      a built-in example: its request and settings load first, and any
//	        req or setting key in the same fragment overrides them
//	v       the format version; a fragment without v is version 1
//	mode    a page mode: "predict" hides the response until the learner guesses
//	eol     how the editor maps a line break: "crlf" (default) or "lf"
//	embed   "1": the compact layout for an iframe on another site ("0", the
//	        default, is the full page)
//	srv     the server profile (engine.Profiles()): "rfc", the default server,
//	        also when srv is absent; a profile sets every setting to its
//	        library's defaults, and setting keys override them
//	proxy   "nginx": a reverse proxy in front of the server; "none" (the
//	        default) takes away an example's proxy
//	resp    reverse mode: a server's response, exact bytes in base64url
//	        without padding, judged as clients judge it
//	<key>   every server setting (engine.Settings()), written only when it differs
//	        from the base server (the example's, the profile's, or the default one)
//
// Links of every released version open the same state forever: keys are
// never renamed, and a value's meaning never changes.
package link

import (
	"encoding/base64"
	"slices"
	"strconv"
	"strings"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
)

// Version is the format version this page writes and reads.
const Version = 1

// MaxRequest is the largest request a link is made for: 256 KiB, which
// Chromium's 2 MB URLs hold many times over. Its base64url is 349,526
// bytes.
const MaxRequest = 256 << 10

// MaxFragment is the largest fragment Parse decodes, in bytes of its
// encoded form: a MaxRequest request's base64url and about 8 KB for the
// other keys. The check comes before any decoding work. The page writes
// no link larger than this: it would not open it.
const MaxFragment = 350 << 10

// MaxResponse is the largest response a link carries in resp (reverse
// mode), the same as a request: 256 KiB, far more than any handshake
// answer. The check is on the value's encoded length, before it is
// decoded (and the whole fragment is held to MaxFragment first).
const MaxResponse = MaxRequest

// Proxies lists the proxy hops a link may carry in "proxy"; "none" is the
// default.
var Proxies = []string{"none", "nginx"}

// Modes lists the page modes a link may carry in "mode".
var Modes = []string{"predict"}

// EOLs lists the editor line-ending modes a link may carry in "eol"; the
// first is the default.
var EOLs = []string{"crlf", "lf"}

// State is everything a deep link carries.
type State struct {
	// Request holds the exact request bytes; nil means the link names no
	// request (the page keeps its current one), empty means an empty request.
	Request []byte
	// Config is the server: Config.Server is its profile ("" or "rfc" for
	// the default server) and Config.Proxy its proxy hop ("" for none).
	Config engine.Config
	// Response holds reverse mode's response, its exact bytes, or nil
	// outside reverse mode.
	Response []byte
	Example  string // the example the state started from, or ""
	Mode     string // "" or one of Modes
	EOL      string // "" (= "crlf") or one of EOLs
	Embed    bool   // embed=1: the compact layout for an iframe
}

// A Problem is one thing wrong with a fragment, positioned at the byte
// offset in the fragment where the offending key=value pair starts.
//
// A link is a stranger's input: Key is the key as the link has it, and the
// values in Message are quoted with quote. String shows both on one line
// in the editor's notation, cut short, so that a message always names what
// is wrong in text that can be read: no markup, and no control, bidi or
// invisible character that would hide or reorder it.
type Problem struct {
	Offset  int
	Key     string // the pair's key (decoded when it could be), or "" for the whole link
	Message string
	// Fatal problems (too large, unknown version, malformed encoding, a bad
	// request value) mean the link was not applied at all: the page keeps
	// its current work.
	Fatal bool
}

func (p Problem) String() string {
	s := "at " + strconv.Itoa(p.Offset)
	if p.Key != "" {
		s += " (" + visible(p.Key) + ")"
	}
	return s + ": " + p.Message
}

// NewState returns the default state: the default server, no request.
func NewState() State { return State{Config: engine.DefaultConfig()} }

// Parse decodes a fragment (with or without its leading "#"). It
// never panics and always returns a usable state: pairs with problems are
// left out and reported. When a problem is Fatal, the returned state is
// NewState() and should not replace the page's current work.
func Parse(frag string) (State, []Problem) {
	return ParseLimit(frag, MaxFragment)
}

// A pair is one key=value of a fragment, decoded, with the offset of its
// key in the link.
type pair struct {
	off      int
	key, val string
}

// ParseLimit is Parse with another size cap. The page uses
// it for its own drafts (saved in the browser, not a stranger's input),
// which may hold a request too large to share as a link.
func ParseLimit(frag string, limit int) (State, []Problem) {
	st := NewState()
	base := 0
	if len(frag) > 0 && frag[0] == '#' {
		frag, base = frag[1:], 1
	}
	if len(frag) > limit {
		return st, []Problem{{Offset: base, Message: "the link is too large: " + strconv.Itoa(len(frag)) + " bytes, the limit is " + strconv.Itoa(limit) + " bytes", Fatal: true}}
	}
	var pairs []pair
	var probs []Problem
	// fatal ends the parse with a problem that makes the link unusable.
	fatal := func(p pair, msg string) (State, []Problem) {
		return NewState(), append(probs, Problem{Offset: p.off, Key: p.key, Message: msg, Fatal: true})
	}
	// warn reports a problem that leaves the rest of the link usable.
	warn := func(p pair, msg string) {
		probs = append(probs, Problem{Offset: p.off, Key: p.key, Message: msg})
	}
	// unknown reports a value that is none of the key's allowed values.
	unknown := func(p pair, what, expected string) {
		warn(p, "unknown "+what+" "+quote(p.val)+"; expected "+expected)
	}
	for off := 0; off <= len(frag); {
		end := strings.IndexByte(frag[off:], '&')
		if end < 0 {
			end = len(frag)
		} else {
			end += off
		}
		raw := frag[off:end]
		if raw != "" {
			k, val, _ := strings.Cut(raw, "=")
			key, bad := formUnescape(k)
			value, badVal := formUnescape(val)
			if bad >= 0 {
				key = k // as written: it cannot be decoded
			} else if badVal >= 0 {
				bad = len(k) + 1 + badVal
			}
			if bad >= 0 {
				return fatal(pair{base + off, key, ""}, "malformed percent-encoding "+quote(raw[bad:min(bad+3, len(raw))])+": % must be followed by two hex digits")
			}
			pairs = append(pairs, pair{base + off, key, value})
		}
		off = end + 1
	}
	seen := map[string]pair{}
	for _, p := range pairs {
		if prev, dup := seen[p.key]; dup {
			warn(p, "the key is given twice (before at "+strconv.Itoa(prev.off)+", "+quote(prev.val)+"); the last value, "+quote(p.val)+", is used")
		}
		seen[p.key] = p
	}
	// v first: a future version is refused before anything else is read.
	for _, p := range pairs {
		if p.key == "v" && p.val != "1" {
			msg := "unknown link format version " + quote(p.val) + ": this page reads version 1"
			if n, err := strconv.Atoi(p.val); err == nil && n > Version && strconv.Itoa(n) == p.val {
				msg = "this link was made by a newer version of the playground (format v" + p.val + "); this page reads version " + strconv.Itoa(Version)
			}
			return fatal(p, msg)
		}
	}
	// ex next: the example is the base that other keys override.
	for _, p := range pairs {
		if p.key != "ex" {
			continue
		}
		ex, ok := gallery.Lookup(p.val)
		if !ok {
			warn(p, "there is no built-in example "+quote(p.val))
			continue
		}
		st.Example = ex.ID
		st.Request = append([]byte{}, ex.Request...)
		st.Config = ex.Config()
		if ex.Response != nil {
			st.Response = append([]byte{}, ex.Response...)
		}
	}
	// srv next: the profile's defaults replace the base server's, and the
	// setting keys below override them.
	for _, p := range pairs {
		if p.key != "srv" {
			continue
		}
		prof := engine.LookupProfile(p.val)
		if prof == nil {
			unknown(p, "server profile", "one of "+strings.Join(ProfileIDs(), ", "))
			continue
		}
		proxy := st.Config.Proxy
		st.Config = BaseConfig(prof.ID, st.Example)
		st.Config.Proxy = proxy
	}
	for _, p := range pairs {
		switch p.key {
		case "v", "ex", "srv":
		case "proxy":
			if !slices.Contains(Proxies, p.val) {
				unknown(p, "proxy", "one of "+strings.Join(Proxies, ", "))
				continue
			}
			st.Config.Proxy = p.val
			if p.val == Proxies[0] {
				st.Config.Proxy = ""
			}
		case "resp", "req":
			what, dst := "request", &st.Request
			if p.key == "resp" {
				what, dst = "response", &st.Response
				if max := base64.RawURLEncoding.EncodedLen(MaxResponse); len(p.val) > max+2 {
					return fatal(p, "the response is too large: "+strconv.Itoa(len(p.val))+" bytes of base64url, the limit is "+strconv.Itoa(max)+" ("+strconv.Itoa(MaxResponse)+" bytes of response)")
				}
			}
			b, bad := decodeBase64URL(p.val)
			if bad >= 0 {
				return fatal(p, "the "+what+" is not valid base64url (RFC 4648 §5): unexpected "+quote(p.val[bad:bad+1])+" at position "+strconv.Itoa(bad)+" of the value")
			}
			*dst = b
		case "mode":
			if !slices.Contains(Modes, p.val) {
				unknown(p, "mode", "one of "+strings.Join(Modes, ", "))
				continue
			}
			st.Mode = p.val
		case "eol":
			if !slices.Contains(EOLs, p.val) {
				unknown(p, "line-ending mode", "one of "+strings.Join(EOLs, ", "))
				continue
			}
			if p.val != EOLs[0] {
				st.EOL = p.val
			}
		case "embed":
			if p.val != "1" && p.val != "0" {
				unknown(p, "embed value", "1 (the compact layout) or 0")
				continue
			}
			st.Embed = p.val == "1"
		default:
			s := engine.LookupSetting(p.key)
			if s == nil {
				warn(p, "unknown key "+quote(p.key)+" (ignored)")
				continue
			}
			if err := s.Set(&st.Config, p.val); err != nil {
				warn(p, "bad value "+quote(p.val)+" for "+s.Label+": "+err.Error())
			}
		}
	}
	return st, probs
}

// Fragment encodes the state as a fragment (without "#"): ex when the state
// started from an example, req unless it equals the example's request, mode,
// eol and embed when set, and every setting that differs from the base server (the
// example's, or the default one). Parse(s.Fragment()) gives back s.
func (s State) Fragment() string {
	var b []byte
	add := func(k, v string) {
		if len(b) > 0 {
			b = append(b, '&')
		}
		b = append(b, k...)
		b = append(b, '=')
		b = appendFormEscaped(b, v)
	}
	base := engine.DefaultConfig()
	var exReq, exResp []byte
	hasEx := false
	if s.Example != "" {
		if ex, ok := gallery.Lookup(s.Example); ok {
			add("ex", ex.ID)
			base, exReq, exResp, hasEx = ex.Config(), ex.Request, ex.Response, true
		}
	}
	if srv := ServerID(s.Config.Server); srv != ServerID(base.Server) {
		add("srv", srv)
		proxy := base.Proxy
		base = BaseConfig(srv, s.Example)
		base.Proxy = proxy
	}
	if s.Config.Proxy != base.Proxy {
		p := s.Config.Proxy
		if p == "" {
			p = Proxies[0]
		}
		add("proxy", p)
	}
	if s.Request != nil && !(hasEx && string(s.Request) == string(exReq)) {
		add("req", base64.RawURLEncoding.EncodeToString(s.Request))
	}
	if s.Response != nil && !(hasEx && exResp != nil && string(s.Response) == string(exResp)) {
		add("resp", base64.RawURLEncoding.EncodeToString(s.Response))
	}
	if s.Mode != "" {
		add("mode", s.Mode)
	}
	if s.EOL != "" && s.EOL != EOLs[0] {
		add("eol", s.EOL)
	}
	if s.Embed {
		add("embed", "1")
	}
	for _, set := range engine.Settings() {
		if v := set.Get(&s.Config); v != set.Get(&base) {
			add(set.Key, v)
		}
	}
	return string(b)
}

// ServerID names a Config.Server: "rfc" for the default server ("").
func ServerID(server string) string {
	if server == "" {
		return "rfc"
	}
	return server
}

// ProfileIDs lists the ids of every server profile, in the page's order.
func ProfileIDs() []string {
	var ids []string
	for _, p := range engine.Profiles() {
		ids = append(ids, p.ID)
	}
	return ids
}

// BaseConfig is the server a link's setting keys apply to when it names
// the profile srv: the profile's defaults (Profile.Config), then the
// settings of the example the link started from, if any. Parse and
// Fragment use it alike, so that a fragment writes only the settings that
// differ from it.
func BaseConfig(srv, example string) engine.Config {
	c := engine.DefaultConfig()
	if p := engine.LookupProfile(srv); p != nil {
		c = p.Config()
	}
	if ex, ok := gallery.Lookup(example); ok && example != "" {
		c.Proxy = ex.Proxy
		for _, kv := range ex.Settings {
			if s := engine.LookupSetting(kv[0]); s != nil {
				_ = s.Set(&c, kv[1])
			}
		}
	}
	return c
}

// decodeBase64URL decodes base64url with or without padding. It returns the
// index of the first bad character, or -1.
func decodeBase64URL(s string) ([]byte, int) {
	t := s
	for len(t) > 0 && t[len(t)-1] == '=' {
		t = t[:len(t)-1]
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return nil, i
		}
	}
	if len(t)%4 == 1 {
		return nil, len(t) - 1
	}
	b, err := base64.RawURLEncoding.DecodeString(t)
	if err != nil {
		// Only non-canonical trailing bits remain possible here.
		return nil, len(t) - 1
	}
	if b == nil {
		b = []byte{}
	}
	return b, -1
}

// formUnescape decodes form-urlencoding: "+" is a space and %XX a byte. It
// returns the index of the first malformed %, or -1.
func formUnescape(s string) (string, int) {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s, -1
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+':
			b = append(b, ' ')
		case '%':
			if i+2 >= len(s) {
				return "", i
			}
			h, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if err != nil {
				return "", i
			}
			b = append(b, byte(h))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return string(b), -1
}

// appendFormEscaped appends v with every byte outside the unreserved set of
// RFC 3986 §2.3 (and ",", which is common in lists and safe in fragments)
// percent-encoded; a space becomes "+".
func appendFormEscaped(b []byte, v string) []byte {
	const hexdig = "0123456789ABCDEF"
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9',
			c == '-', c == '_', c == '.', c == '~', c == ',':
			b = append(b, c)
		case c == ' ':
			b = append(b, '+')
		default:
			b = append(b, '%', hexdig[c>>4], hexdig[c&15])
		}
	}
	return b
}

// maxShown bounds how much of a key or value a message shows, in
// characters of the editor's notation (a ⟨HH⟩ escape is four).
const maxShown = 40

// quote quotes a key or value from a link for a message: visible (see
// visible), with a double quote in it shown as ⟨22⟩.
func quote(s string) string {
	return "\"" + visible(s) + "\""
}

// visible shows a key or value from a link on one line in the editor's
// notation (editor.OneLine: ␍ ␊ ␀ for control bytes, ⟨HH⟩ for each byte of
// invalid UTF-8 and of a bidi control or invisible character), with a
// double quote as ⟨22⟩, cut to maxShown characters and an ellipsis.
func visible(s string) string {
	// Each byte of s gives at least a quarter of a character, so what
	// lies past 4*maxShown bytes would be cut anyway: a hostile link's
	// 16 KB key costs no more than a short one.
	cut := len(s) > 4*maxShown
	if cut {
		s = s[:4*maxShown]
	}
	v := strings.ReplaceAll(editor.OneLine(s), "\"", "⟨22⟩")
	n := 0
	for i := range v {
		if n == maxShown {
			v, cut = v[:i], true
			break
		}
		n++
	}
	if !cut {
		return v
	}
	// Never end in the middle of a ⟨HH⟩ escape: the notation's ⟨ always
	// opens one.
	if i := strings.LastIndex(v, "⟨"); i >= 0 && !strings.Contains(v[i:], "⟩") {
		v = v[:i]
	}
	return v + "…"
}
