package engine

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine/wiretext"

	"golang.org/x/net/http2"
	"golang.org/x/tools/txtar"
)

// TestFramesParseWithXNet reads every frame the engine builds with x/net's
// Framer, which validates lengths, flags and stream rules.
func TestFramesParseWithXNet(t *testing.T) {
	hf, _ := headersFrame(1, []Header{{":status", "200"}}, true)
	for _, tc := range []struct {
		name  string
		frame h2Frame
		check func(http2.Frame) bool
	}{
		{"settings", settingsFrame(xnetSettings), func(f http2.Frame) bool {
			s := f.(*http2.SettingsFrame)
			v, ok := s.Value(http2.SettingMaxConcurrentStreams)
			return s.NumSettings() == 6 && ok && v == 250
		}},
		{"empty settings", settingsFrame(nil), func(f http2.Frame) bool { return f.(*http2.SettingsFrame).NumSettings() == 0 }},
		{"ack", settingsAck(), func(f http2.Frame) bool { return f.(*http2.SettingsFrame).IsAck() }},
		{"window update", windowUpdateFrame(0, xnetConnWindow), func(f http2.Frame) bool { return f.(*http2.WindowUpdateFrame).Increment == 983041 }},
		{"goaway", goAwayFrame(0, h2ProtocolError, "invalid settings"), func(f http2.Frame) bool {
			g := f.(*http2.GoAwayFrame)
			return g.ErrCode == http2.ErrCodeProtocol && string(g.DebugData()) == "invalid settings"
		}},
		{"headers", hf, func(f http2.Frame) bool {
			h := f.(*http2.HeadersFrame)
			return h.StreamID == 1 && h.StreamEnded() && h.HeadersEnded()
		}},
		{"data", h2Frame{Type: h2Data, Flags: h2FlagEndStream, Stream: 1, Payload: []byte("hi")}, func(f http2.Frame) bool {
			d := f.(*http2.DataFrame)
			return string(d.Data()) == "hi" && d.StreamEnded()
		}},
	} {
		b := tc.frame.bytes()
		f, err := http2.NewFramer(nil, bytes.NewReader(b)).ReadFrame()
		if err != nil {
			t.Errorf("%s: x/net rejects % x: %v", tc.name, b, err)
			continue
		}
		if !tc.check(f) {
			t.Errorf("%s: x/net reads %v", tc.name, f)
		}
		back, n, ok := parseH2Frame(b)
		if !ok || n != len(b) || !bytes.Equal(back.bytes(), b) {
			t.Errorf("%s: parseH2Frame does not give back the frame", tc.name)
		}
	}
}

// TestSettingProblems checks the value rules of RFC 9113 §6.5.2 at their edges.
func TestSettingProblems(t *testing.T) {
	for _, tc := range []struct {
		s    h2Setting
		code uint32 // 0: valid
	}{
		{h2Setting{h2EnablePush, 0}, 0}, {h2Setting{h2EnablePush, 1}, 0}, {h2Setting{h2EnablePush, 2}, h2ProtocolError},
		{h2Setting{h2InitialWindowSize, 1<<31 - 1}, 0}, {h2Setting{h2InitialWindowSize, 1 << 31}, h2FlowControlError},
		{h2Setting{h2MaxFrameSize, 1<<14 - 1}, h2ProtocolError}, {h2Setting{h2MaxFrameSize, 1 << 14}, 0},
		{h2Setting{h2MaxFrameSize, 1<<24 - 1}, 0}, {h2Setting{h2MaxFrameSize, 1 << 24}, h2ProtocolError},
		{h2Setting{h2EnableConnect, 1}, 0}, {h2Setting{h2EnableConnect, 7}, h2ProtocolError},
		{h2Setting{h2HeaderTableSize, 1<<32 - 1}, 0}, {h2Setting{0x42, 1<<32 - 1}, 0},
	} {
		why, code := tc.s.problem()
		if code != tc.code || (why == "") != (tc.code == 0) {
			t.Errorf("%s = %d: got %q (code %d), want code %d", tc.s.label(), tc.s.Value, why, code, tc.code)
		}
	}
}

// h2cRequest is curl's upgrade request with the given HTTP2-Settings value.
func h2cRequest(settings string) []byte {
	return []byte("GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: " + settings + "\r\n\r\n")
}

// goldenSettings returns the HTTP2-Settings values of the h2c goldens.
func goldenSettings(t testing.TB) []string {
	files, _ := filepath.Glob("testdata/h2c-*.txtar")
	var out []string
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range txtar.Parse(data).Files {
			if f.Name != "request" {
				continue
			}
			for _, line := range strings.Split(string(f.Data), "\n") {
				if v, ok := strings.CutPrefix(line, "HTTP2-Settings:"); ok {
					out = append(out, strings.TrimSpace(v))
				}
			}
		}
	}
	return out
}

// FuzzHTTP2Settings puts any value in HTTP2-Settings. The engine switches
// exactly when the value is strict base64url without padding of whole 6-byte
// settings, shows one step per setting, and never panics.
func FuzzHTTP2Settings(f *testing.F) {
	for _, s := range goldenSettings(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, value string) {
		if strings.ContainsAny(value, "\r\n") {
			return
		}
		res := Negotiate(h2cRequest(value), nil)
		trimmed := strings.Trim(value, " \t")
		p, err := base64.RawURLEncoding.Strict().DecodeString(trimmed)
		valid := err == nil && len(p)%6 == 0 && res.Request.Complete() && len(res.Request.Values("HTTP2-Settings")) == 1
		if res.Status() == 101 != valid && res.Decisive < 0 {
			t.Fatalf("HTTP2-Settings %q: status %d, valid %v", value, res.Status(), valid)
		}
		if res.Status() == 101 {
			steps := 0
			for _, s := range res.Trace {
				if s.Note != nil && strings.HasPrefix(s.Note.ID, "h2c-setting") && s.Stage == StageH2C && s.Note != noteH2CSettingsEmpty {
					steps++
				}
			}
			if steps != len(p)/6 {
				t.Fatalf("HTTP2-Settings %q: %d setting steps for %d settings", value, steps, len(p)/6)
			}
		}
		if again := Negotiate(h2cRequest(value), nil); !bytes.Equal(again.Bytes(), res.Bytes()) || len(again.After) != len(res.After) {
			t.Fatal("not deterministic")
		}
	})
}

// FuzzH2ClientBytes puts any bytes after an h2c request and after the
// prior-knowledge preface: they are read as HTTP/2 frames without panicking,
// every part lies inside the input, and frame headers agree with x/net.
func FuzzH2ClientBytes(f *testing.F) {
	f.Add([]byte(h2Preface + "\x00\x00\x00\x04\x00\x00\x00\x00\x00"))
	f.Add([]byte(h2Preface + "\x00\x00\x06\x04\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x64"))
	f.Add([]byte("GET /next HTTP/1.1\r\n\r\n"))
	f.Add([]byte("PRI * HT"))
	f.Fuzz(func(t *testing.T, rest []byte) {
		for _, in := range [][]byte{append(h2cRequest(h2s), rest...), append([]byte("PRI * HTTP/2.0\r\n\r\n"), rest...)} {
			res := Negotiate(in, nil)
			for _, p := range res.After {
				if !p.Span.Empty() && (p.Span.Start < 0 || p.Span.End > len(in) || !bytes.Equal(in[p.Span.Start:p.Span.End], p.Bytes)) {
					t.Fatalf("part %q: span %v does not hold its bytes", p.Title, p.Span)
				}
			}
		}
		if fr, n, ok := parseH2Frame(rest); ok {
			got, err := http2.NewFramer(nil, bytes.NewReader(rest)).ReadFrameHeader()
			// x/net also rejects a frame that may not come first (a stray
			// CONTINUATION, RFC 9113 §6.10) with a connection error, after
			// reading its header: the header must still agree.
			if _, sequence := err.(http2.ConnectionError); sequence {
				err = nil
			}
			if err != nil || int(got.Length) != len(fr.Payload) || got.Type != http2.FrameType(fr.Type) || got.Flags != http2.Flags(fr.Flags) || got.StreamID != fr.Stream || n != 9+len(fr.Payload) {
				t.Fatalf("frame header %+v, x/net %+v (%v)", fr, got, err)
			}
		}
	})
}

// FuzzSettingValidity compares the engine's value rules with x/net's
// (Setting.Valid, plus the NO_RFC7540_PRIORITIES check of its server).
func FuzzSettingValidity(f *testing.F) {
	for _, s := range append(xnetSettings, h2Setting{h2EnablePush, 2}, h2Setting{h2MaxFrameSize, 1 << 24}, h2Setting{h2InitialWindowSize, 1 << 31}) {
		f.Add(s.ID, s.Value)
	}
	f.Fuzz(func(t *testing.T, id uint16, val uint32) {
		err := http2.Setting{ID: http2.SettingID(id), Val: val}.Valid()
		if id == h2NoRFC7540Priorities && val > 1 {
			err = http2.ConnectionError(http2.ErrCodeProtocol)
		}
		_, code := h2Setting{id, val}.problem()
		var want uint32
		if ce, ok := err.(http2.ConnectionError); ok {
			want = uint32(ce)
		}
		if code != want {
			t.Fatalf("setting 0x%x = %d: engine error code %d, x/net %v", id, val, code, err)
		}
	})
}

const h2s = "AAMAAABkAAQCAAAAAAIAAAAA"

func BenchmarkH2CUpgrade(b *testing.B) {
	req := h2cRequest(h2s)
	for b.Loop() {
		Negotiate(req, nil)
	}
}

func BenchmarkPriorKnowledge(b *testing.B) {
	req := []byte(h2Preface + "\x00\x00\x06\x04\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x64")
	for b.Loop() {
		Negotiate(req, nil)
	}
}

// TestGoldenFramesValid reads every HTTP/2 frame the engine generates for the
// goldens (not the client's own bytes) with x/net's Framer and decodes every
// header block with x/net's HPACK decoder.
func TestGoldenFramesValid(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	frames := 0
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var req, settings []byte
		for _, f := range ar.Files {
			switch f.Name {
			case "request":
				req = f.Data
			case "settings":
				settings = f.Data
			}
		}
		cfg, err := goldenConfig(string(settings))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range Negotiate(wiretext.Decode(string(req)), &cfg).After {
			if !strings.HasPrefix(p.Proto, "h2") || len(p.Bytes) == 0 || !p.Span.Empty() || string(p.Bytes) == h2Preface {
				continue
			}
			f, err := http2.NewFramer(nil, bytes.NewReader(p.Bytes)).ReadFrame()
			if err != nil {
				t.Errorf("%s: %q: x/net rejects % x: %v", file, p.Title, p.Bytes, err)
				continue
			}
			if h, ok := f.(*http2.HeadersFrame); ok {
				decodeHPACK(t, h.HeaderBlockFragment())
			}
			frames++
		}
	}
	if frames < 50 {
		t.Fatalf("only %d generated frames in the goldens", frames)
	}
}
