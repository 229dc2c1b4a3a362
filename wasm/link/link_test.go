package link

import (
	"bytes"
	"encoding/base64"
	"strconv"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/gallery"
)

func TestParseFragment(t *testing.T) {
	ws := "GET / HTTP/1.1\r\nHost: a\r\n\r\n"
	enc := base64.RawURLEncoding.EncodeToString([]byte(ws))
	tests := []struct {
		name     string
		frag     string
		req      string // want request ("<nil>" for none)
		fatal    bool
		problems []string // substrings of the problems, in order
		check    func(t *testing.T, s State)
	}{
		{name: "empty", frag: "", req: "<nil>"},
		{name: "hash only", frag: "#", req: "<nil>"},
		{name: "req", frag: "req=" + enc, req: ws},
		{name: "req with hash", frag: "#req=" + enc, req: ws},
		{name: "req padded", frag: "req=" + base64.URLEncoding.EncodeToString([]byte("ab")), req: "ab"},
		{name: "req empty", frag: "req=", req: ""},
		{name: "req standard alphabet", frag: "req=ab/c", req: "<nil>", fatal: true, problems: []string{"not valid base64url"}},
		{name: "req bad length", frag: "req=abcde", req: "<nil>", fatal: true, problems: []string{"not valid base64url"}},
		{name: "v1", frag: "v=1&req=" + enc, req: ws},
		{name: "future version", frag: "req=" + enc + "&v=2", req: "<nil>", fatal: true, problems: []string{"newer version"}},
		{name: "bad version", frag: "v=x", req: "<nil>", fatal: true, problems: []string{"unknown link format version"}},
		{name: "unknown key", frag: "zzz=1&req=" + enc, req: ws, problems: []string{`unknown key "zzz"`}},
		{name: "bad percent", frag: "a%zz=1&req=" + enc, req: "<nil>", fatal: true, problems: []string{"percent-encoding"}},
		{name: "truncated percent", frag: "req=" + enc + "&lf=%4", req: "<nil>", fatal: true, problems: []string{"percent-encoding"}},
		{name: "setting", frag: "lf=reject", req: "<nil>", check: func(t *testing.T, s State) {
			if s.Config.HTTP.BareLF != "reject" {
				t.Errorf("BareLF = %q", s.Config.HTTP.BareLF)
			}
		}},
		{name: "setting percent and plus", frag: "lf=%72eject", req: "<nil>", check: func(t *testing.T, s State) {
			if s.Config.HTTP.BareLF != "reject" {
				t.Errorf("BareLF = %q", s.Config.HTTP.BareLF)
			}
		}},
		{name: "bad setting value", frag: "lf=maybe", req: "<nil>", problems: []string{`bad value "maybe"`}},
		{name: "duplicate", frag: "lf=reject&lf=accept", req: "<nil>", problems: []string{"given twice"}, check: func(t *testing.T, s State) {
			if s.Config.HTTP.BareLF != "accept" {
				t.Errorf("last value should win, BareLF = %q", s.Config.HTTP.BareLF)
			}
		}},
		{name: "unknown example", frag: "ex=nope", req: "<nil>", problems: []string{`no built-in example "nope"`}},
		{name: "mode", frag: "mode=predict", req: "<nil>", check: func(t *testing.T, s State) {
			if s.Mode != "predict" {
				t.Errorf("Mode = %q", s.Mode)
			}
		}},
		{name: "bad mode", frag: "mode=guess", req: "<nil>", problems: []string{"unknown mode"}},
		{name: "eol", frag: "eol=lf", req: "<nil>", check: func(t *testing.T, s State) {
			if s.EOL != "lf" {
				t.Errorf("EOL = %q", s.EOL)
			}
		}},
		{name: "embed", frag: "ex=ws-rfc6455-sample&embed=1", req: sampleReq(), check: func(t *testing.T, s State) {
			if !s.Embed || s.Example != "ws-rfc6455-sample" {
				t.Errorf("Embed = %v, Example = %q", s.Embed, s.Example)
			}
			if f := s.Fragment(); f != "ex=ws-rfc6455-sample&embed=1" {
				t.Errorf("Fragment() = %q", f)
			}
		}},
		{name: "embed off", frag: "embed=0", req: "<nil>", check: func(t *testing.T, s State) {
			if s.Embed || s.Fragment() != "" {
				t.Errorf("Embed = %v, Fragment() = %q", s.Embed, s.Fragment())
			}
		}},
		{name: "bad embed", frag: "embed=yes", req: "<nil>", problems: []string{`unknown embed value "yes"`}, check: func(t *testing.T, s State) {
			if s.Embed {
				t.Error("embed=yes turned the compact layout on")
			}
		}},
		{name: "hostile embed", frag: "embed=%3Cscript%3E", req: "<nil>", problems: []string{`unknown embed value "<script>"`}},
		{name: "too large", frag: "req=" + strings.Repeat("A", MaxFragment), req: "<nil>", fatal: true, problems: []string{"too large"}},
		{name: "hostile key", frag: "<img src=x onerror=alert(1)>=1", req: "<nil>", problems: []string{"unknown key"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, probs := Parse(tc.frag)
			got := "<nil>"
			if s.Request != nil {
				got = string(s.Request)
			}
			if got != tc.req {
				t.Errorf("request = %q, want %q", got, tc.req)
			}
			if len(probs) != len(tc.problems) {
				t.Fatalf("problems = %v, want %d like %q", probs, len(tc.problems), tc.problems)
			}
			fatal := false
			for i, p := range probs {
				if !strings.Contains(p.Message, tc.problems[i]) {
					t.Errorf("problem %d = %q, want it to contain %q", i, p.Message, tc.problems[i])
				}
				fatal = fatal || p.Fatal
			}
			if fatal != tc.fatal {
				t.Errorf("fatal = %v, want %v", fatal, tc.fatal)
			}
			if tc.check != nil {
				tc.check(t, s)
			}
		})
	}
}

func TestParseFragmentExample(t *testing.T) {
	exs := gallery.Examples()
	if len(exs) == 0 {
		t.Skip("no examples in the gallery yet")
	}
	ex := exs[0]
	s, probs := Parse("ex=" + ex.ID)
	if len(probs) != 0 || !bytes.Equal(s.Request, ex.Request) || s.Example != ex.ID {
		t.Fatalf("ex=%s: request %q, problems %v", ex.ID, s.Request, probs)
	}
	// req in the same fragment overrides the example's request.
	s, _ = Parse("req=YWI&ex=" + ex.ID)
	if string(s.Request) != "ab" || s.Example != ex.ID {
		t.Errorf("req did not override the example: %q", s.Request)
	}
	if f := s.Fragment(); !strings.Contains(f, "ex="+ex.ID) || !strings.Contains(f, "req=YWI") {
		t.Errorf("Fragment() = %q", f)
	}
}

func TestParseFragmentLimit(t *testing.T) {
	big := NewState()
	big.Request = bytes.Repeat([]byte("x"), MaxFragment)
	frag := big.Fragment()
	if _, probs := Parse(frag); len(probs) != 1 || !probs[0].Fatal {
		t.Fatalf("a %d-byte link should be refused: %v", len(frag), probs)
	}
	got, probs := ParseLimit(frag, 4*MaxFragment)
	if len(probs) != 0 || !bytes.Equal(got.Request, big.Request) {
		t.Fatalf("ParseFragmentLimit: %v", probs)
	}
}

// TestMaxRequestFits checks that a link for a MaxRequest request, with an
// example, predict mode and a few settings, is within MaxFragment and
// opens identically; one byte of request more than fits is refused
// before decoding.
func TestMaxRequestFits(t *testing.T) {
	ex := gallery.Examples()[0]
	s := NewState()
	s.Example, s.Mode, s.EOL = ex.ID, Modes[0], "lf"
	s.Config = ex.Config()
	for _, kv := range [][2]string{{"wsorigin", "allow-list"}, {"wsorigins", "https://a.example,https://b.example"}, {"maxbody", "999999"}} {
		if err := engine.LookupSetting(kv[0]).Set(&s.Config, kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	s.Request = make([]byte, MaxRequest)
	for i := range s.Request {
		s.Request[i] = byte(i * 7)
	}
	frag := s.Fragment()
	if len(frag) > MaxFragment {
		t.Fatalf("a %d-byte request makes a %d-byte link, over MaxFragment %d", MaxRequest, len(frag), MaxFragment)
	}
	got, probs := Parse(frag)
	if len(probs) != 0 || !bytes.Equal(got.Request, s.Request) || got.Fragment() != frag {
		t.Fatalf("the largest link does not round-trip: %v", probs)
	}
	over := "req=" + strings.Repeat("A", MaxFragment-3)
	if _, probs := Parse(over); len(probs) != 1 || !probs[0].Fatal || !strings.Contains(probs[0].Message, "too large") {
		t.Errorf("a %d-byte fragment: %v", len(over), probs)
	}
}

func TestProblemOffsets(t *testing.T) {
	frag := "#req=YWI&bogus=1"
	_, probs := Parse(frag)
	if len(probs) != 1 || frag[probs[0].Offset:probs[0].Offset+5] != "bogus" {
		t.Fatalf("problems = %v: the offset should point at bogus", probs)
	}
}

func TestFragmentWritesOnlyNonDefaults(t *testing.T) {
	s := NewState()
	if f := s.Fragment(); f != "" {
		t.Errorf("default state: Fragment() = %q, want empty", f)
	}
	s.Request = []byte("GET / HTTP/1.1\r\n\r\n")
	if err := engine.LookupSetting("lf").Set(&s.Config, "reject"); err != nil {
		t.Fatal(err)
	}
	f := s.Fragment()
	if !strings.HasPrefix(f, "req=") || !strings.HasSuffix(f, "&lf=reject") || strings.Count(f, "&") != 1 {
		t.Errorf("Fragment() = %q", f)
	}
}

// fuzzState builds a canonical state from fuzz input: the request bytes, and
// a choice of example, mode, eol and setting values.
func fuzzState(req []byte, pick uint64, nilReq bool) State {
	s := NewState()
	exs := gallery.Examples()
	if n := pick % (uint64(len(exs)) + 1); n > 0 {
		ex := exs[n-1]
		s.Example, s.Config, s.Response = ex.ID, ex.Config(), ex.Response
	}
	pick /= 7
	if pick%2 == 1 {
		s.Mode = Modes[0]
	}
	pick /= 2
	if pick%2 == 1 {
		s.EOL = "lf"
	}
	pick /= 2
	if pick%2 == 1 {
		s.Embed = true
	}
	pick /= 2
	ps := engine.Profiles()
	if n := pick % uint64(len(ps)+1); n > 0 {
		proxy := s.Config.Proxy
		s.Config = BaseConfig(ps[n-1].ID, s.Example)
		s.Config.Proxy = proxy
	}
	pick /= uint64(len(ps) + 1)
	if pick%2 == 1 {
		s.Config.Proxy = "nginx"
	}
	pick /= 2
	if pick%2 == 1 {
		s.Response = append([]byte{}, req...)
	}
	pick /= 2
	for _, set := range engine.Settings() {
		if pick%3 == 0 {
			switch set.Kind {
			case "bool":
				v := "1"
				if set.Get(&s.Config) == "1" {
					v = "0"
				}
				_ = set.Set(&s.Config, v)
			case "choice":
				_ = set.Set(&s.Config, set.Choices[int(pick/3)%len(set.Choices)])
			case "int":
				_ = set.Set(&s.Config, strconv.Itoa(100+int(pick%1000)))
			case "list":
				_ = set.Set(&s.Config, "a,b-c")
			}
		}
		pick /= 3
	}
	if !nilReq || s.Example != "" {
		s.Request = append([]byte{}, req...)
	}
	return s
}

func FuzzFragmentRoundTrip(f *testing.F) {
	f.Add([]byte("GET / HTTP/1.1\r\nHost: a\r\n\r\n"), uint64(0), false)
	f.Add([]byte("GET / HTTP/1.1\nHost: a\n\n"), uint64(12345), false)
	f.Add([]byte{0, 0xff, '\r', '&', '=', '%', '+'}, uint64(99999999), true)
	f.Fuzz(func(t *testing.T, req []byte, pick uint64, nilReq bool) {
		s := fuzzState(req, pick, nilReq)
		frag := s.Fragment()
		if len(frag) > MaxFragment {
			return
		}
		got, probs := Parse(frag)
		if len(probs) != 0 {
			t.Fatalf("Parse(%q): %v", frag, probs)
		}
		if !bytes.Equal(got.Request, s.Request) || (got.Request == nil) != (s.Request == nil) {
			t.Fatalf("request: got %q, want %q (fragment %q)", got.Request, s.Request, frag)
		}
		if !bytes.Equal(got.Response, s.Response) || (got.Response == nil) != (s.Response == nil) {
			t.Fatalf("response: got %q, want %q (fragment %q)", got.Response, s.Response, frag)
		}
		if ServerID(got.Config.Server) != ServerID(s.Config.Server) || got.Config.Proxy != s.Config.Proxy {
			t.Fatalf("server: got %q %q, want %q %q (fragment %q)", got.Config.Server, got.Config.Proxy, s.Config.Server, s.Config.Proxy, frag)
		}
		if got.Example != s.Example || got.Mode != s.Mode || got.EOL != s.EOL || got.Embed != s.Embed {
			t.Fatalf("page keys: got %+v, want %+v", got, s)
		}
		for _, set := range engine.Settings() {
			if a, b := set.Get(&got.Config), set.Get(&s.Config); a != b {
				t.Fatalf("setting %s: got %q, want %q (fragment %q)", set.Key, a, b, frag)
			}
		}
		if again := got.Fragment(); again != frag {
			t.Fatalf("Fragment not stable: %q then %q", frag, again)
		}
	})
}

func FuzzParseFragment(f *testing.F) {
	for _, s := range []string{"", "#req=YWI", "ex=seed-websocket&lf=reject", "v=2", "a%zz", "req=%00&&&=", "mode=predict&eol=lf", "embed=1&ex=ws-rfc6455-sample", "embed=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, frag string) {
		s, probs := Parse(frag)
		for _, p := range probs {
			if p.Offset < 0 || p.Offset > len(frag) {
				t.Fatalf("problem offset %d outside the fragment (%d bytes)", p.Offset, len(frag))
			}
			if p.Fatal && s.Request != nil {
				t.Fatalf("a fatal problem must leave no request")
			}
		}
		// Whatever was read must encode and read back the same.
		if s.Example != "" && s.Request == nil {
			t.Fatalf("an example always brings a request")
		}
		again, probs2 := Parse(s.Fragment())
		if len(probs2) != 0 || !bytes.Equal(again.Request, s.Request) || again.Embed != s.Embed {
			t.Fatalf("re-encoding %q: %v", frag, probs2)
		}
	})
}

func BenchmarkParseFragment(b *testing.B) {
	s := NewState()
	s.Request = []byte("GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
	frag := s.Fragment()
	b.ReportAllocs()
	for b.Loop() {
		Parse(frag)
	}
}

// TestProblemsNameKeyAndValue opens malformed links whose keys and values
// are markup, markdown, line breaks, bidi controls and invisible
// characters: each problem names the key and the value, on one line, in
// the editor's notation, with nothing in it that hides or reorders text.
func TestProblemsNameKeyAndValue(t *testing.T) {
	tests := []struct {
		frag string
		want string // the problem's text (String) after "at N "
	}{
		{"ex=%3Cimg%20src%3Dx%3E", `(ex): there is no built-in example "<img src=x>"`},
		{"ex=%5Bx%5D(javascript%3Aalert(1))", `(ex): there is no built-in example "[x](javascript:alert(1))"`},
		{"ex=a%0D%0Ab", `(ex): there is no built-in example "a␍␊b"`},
		{"ex=%E2%80%AEabc", `(ex): there is no built-in example "⟨E2⟩⟨80⟩⟨AE⟩abc"`},
		{"ex=%E2%80%8B", `(ex): there is no built-in example "⟨E2⟩⟨80⟩⟨8B⟩"`},
		{"ex=%F3%A0%80%81", `(ex): there is no built-in example "⟨F3⟩⟨A0⟩⟨80⟩⟨81⟩"`},
		{"ex=a%22b%5C", `(ex): there is no built-in example "a⟨22⟩b\"`},
		{"ex=%FF", `(ex): there is no built-in example "⟨FF⟩"`},
		{"%3Cb%3E=1", `(<b>): unknown key "<b>" (ignored)`},
		{"%E2%80%AEk=1", `(⟨E2⟩⟨80⟩⟨AE⟩k): unknown key "⟨E2⟩⟨80⟩⟨AE⟩k" (ignored)`},
		{"a%0Ab=1", `(a␊b): unknown key "a␊b" (ignored)`},
		{"mode=%3Cb%3E", `(mode): unknown mode "<b>"; expected one of predict`},
		{"eol=%0D%0A", `(eol): unknown line-ending mode "␍␊"; expected one of crlf, lf`},
		{"lf=%E2%80%AE", `(lf): bad value "⟨E2⟩⟨80⟩⟨AE⟩" for Bare LF line ends: expected one of accept, reject`},
		{"v=%E2%80%AE1", `(v): unknown link format version "⟨E2⟩⟨80⟩⟨AE⟩1": this page reads version 1`},
		{"req=ab%E2%80%AE", `(req): the request is not valid base64url (RFC 4648 §5): unexpected "⟨E2⟩" at position 2 of the value`},
		{"a%zz=1", `(a%zz): malformed percent-encoding "%zz": % must be followed by two hex digits`},
		{"lf=%4", `(lf): malformed percent-encoding "%4": % must be followed by two hex digits`},
		{"%3Cb%3E=%E2%zz", `(<b>): malformed percent-encoding "%zz": % must be followed by two hex digits`},
		{"ex=%E2%80%AE&ex=%3Cb%3E", `(ex): the key is given twice (before at 0, "⟨E2⟩⟨80⟩⟨AE⟩"); the last value, "<b>", is used`},
	}
	for _, tc := range tests {
		t.Run(tc.frag, func(t *testing.T) {
			_, probs := Parse(tc.frag)
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			found := false
			for _, s := range got {
				_, rest, _ := strings.Cut(s, " ")
				_, rest, _ = strings.Cut(rest, " ")
				found = found || rest == tc.want
			}
			if !found {
				t.Errorf("problems %q, want one to end %q", got, tc.want)
			}
		})
	}
}

// TestProblemsCutShort checks that a long key or value is cut to maxShown
// characters of the notation, never in the middle of an escape.
func TestProblemsCutShort(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"short", "abc", "abc"},
		{"exactly", strings.Repeat("a", maxShown), strings.Repeat("a", maxShown)},
		{"long", strings.Repeat("a", 16<<10), strings.Repeat("a", maxShown) + "…"},
		{"escapes", strings.Repeat("\u202e", 20), strings.Repeat("⟨E2⟩⟨80⟩⟨AE⟩", 3) + "⟨E2⟩…"},
		{"escape across the cut", "ab" + strings.Repeat("\xff", 10), "ab" + strings.Repeat("⟨FF⟩", 9) + "…"},
		{"quote", strings.Repeat(`"`, 11), strings.Repeat("⟨22⟩", 10) + "…"},
		{"wide characters", strings.Repeat("\U0001F600", 100), strings.Repeat("\U0001F600", maxShown) + "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := visible(tc.in); got != tc.want {
				t.Errorf("visible(%.40q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// sampleReq is the request of the example ws-rfc6455-sample.
func sampleReq() string {
	ex, _ := gallery.Lookup("ws-rfc6455-sample")
	return string(ex.Request)
}

func TestProfileProxyResponseKeys(t *testing.T) {
	resp := "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"
	enc := base64.RawURLEncoding.EncodeToString([]byte(resp))
	tests := []struct {
		name    string
		frag    string
		server  string // want ServerID(Config.Server)
		proxy   string
		resp    string // "<nil>" for none
		fatal   bool
		problem string // a substring of the only problem, or ""
		write   string // want Fragment() of the parsed state
	}{
		{name: "absent is rfc", frag: "", server: "rfc", resp: "<nil>", write: ""},
		{name: "rfc is the default server", frag: "srv=rfc", server: "rfc", resp: "<nil>", write: ""},
		{name: "profile", frag: "srv=gorilla", server: "gorilla", resp: "<nil>", write: "srv=gorilla"},
		{name: "profile with an override", frag: "srv=coder&wsproto=chat", server: "coder", resp: "<nil>", write: "srv=coder&wsproto=chat"},
		{name: "unknown profile", frag: "srv=apache", server: "rfc", resp: "<nil>", problem: `unknown server profile "apache"`, write: ""},
		{name: "markup as a profile", frag: "srv=%3Cb%3E", server: "rfc", resp: "<nil>", problem: `unknown server profile "<b>"`, write: ""},
		{name: "proxy", frag: "proxy=nginx&srv=ws", server: "ws", proxy: "nginx", resp: "<nil>", write: "srv=ws&proxy=nginx"},
		{name: "proxy none", frag: "proxy=none", server: "rfc", resp: "<nil>", write: ""},
		{name: "unknown proxy", frag: "proxy=haproxy", server: "rfc", resp: "<nil>", problem: `unknown proxy "haproxy"`, write: ""},
		{name: "resp", frag: "resp=" + enc, server: "rfc", resp: resp, write: "resp=" + enc},
		{name: "resp empty", frag: "resp=", server: "rfc", resp: "", write: "resp="},
		{name: "resp bad", frag: "resp=a/b", server: "rfc", resp: "<nil>", fatal: true, problem: "response is not valid base64url"},
		{name: "resp too large", frag: "resp=" + strings.Repeat("A", base64.RawURLEncoding.EncodedLen(MaxResponse)+8), server: "rfc", resp: "<nil>", fatal: true, problem: "response is too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, probs := Parse(tt.frag)
			if tt.problem == "" && len(probs) > 0 || tt.problem != "" && (len(probs) != 1 || !strings.Contains(probs[0].Message, tt.problem) || probs[0].Fatal != tt.fatal) {
				t.Fatalf("problems = %v, want one with %q (fatal %v)", probs, tt.problem, tt.fatal)
			}
			if got := ServerID(st.Config.Server); got != tt.server {
				t.Errorf("server = %q, want %q", got, tt.server)
			}
			if st.Config.Proxy != tt.proxy {
				t.Errorf("proxy = %q, want %q", st.Config.Proxy, tt.proxy)
			}
			got := "<nil>"
			if st.Response != nil {
				got = string(st.Response)
			}
			if got != tt.resp {
				t.Errorf("response = %q, want %q", got, tt.resp)
			}
			if f := st.Fragment(); !tt.fatal && f != tt.write {
				t.Errorf("Fragment() = %q, want %q", f, tt.write)
			}
		})
	}
}

// TestProfileDefaultsThenKeys: a profile sets every setting to its
// library's defaults, and the keys of the same link override them; the
// fragment written back holds only the keys that differ from the profile.
func TestProfileDefaultsThenKeys(t *testing.T) {
	for _, p := range engine.Profiles() {
		st, probs := Parse("srv=" + p.ID)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", p.ID, probs)
		}
		want := p.Config()
		for _, s := range engine.Settings() {
			if s.Get(&st.Config) != s.Get(&want) {
				t.Errorf("srv=%s: %s = %q, want the profile's %q", p.ID, s.Key, s.Get(&st.Config), s.Get(&want))
			}
		}
		// Flip one setting: it is written, and nothing else is.
		s := engine.LookupSetting("wsproto")
		other := "x-override"
		if err := s.Set(&st.Config, other); err != nil {
			t.Fatal(err)
		}
		frag := st.Fragment()
		back, _ := Parse(frag)
		if s.Get(&back.Config) != other || ServerID(back.Config.Server) != p.ID {
			t.Errorf("srv=%s: %q reads back as server %q, wsproto %q", p.ID, frag, back.Config.Server, s.Get(&back.Config))
		}
		if strings.Count(frag, "=") > 2 {
			t.Errorf("srv=%s: %q writes more than the profile and the override", p.ID, frag)
		}
	}
}

// TestReleasedLinksUnchanged: every example link and a v=1 link open the
// default server, as they did before profiles existed.
func TestReleasedLinksUnchanged(t *testing.T) {
	for _, ex := range gallery.Examples() {
		if ex.Server != "" || ex.Proxy != "" || ex.Response != nil {
			continue
		}
		st, _ := Parse("v=1&ex=" + ex.ID)
		if ServerID(st.Config.Server) != "rfc" || st.Config.Proxy != "" || st.Response != nil {
			t.Errorf("ex=%s opens server %q proxy %q", ex.ID, st.Config.Server, st.Config.Proxy)
		}
	}
	st, _ := Parse("v=1&lf=reject")
	if ServerID(st.Config.Server) != "rfc" || st.Fragment() != "lf=reject" {
		t.Errorf("v=1&lf=reject: server %q, fragment %q", st.Config.Server, st.Fragment())
	}
}
