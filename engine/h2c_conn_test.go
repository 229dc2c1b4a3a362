package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"
)

// serverBytes is what a server has written once the client has sent the
// input: the response, then the server's parts up to the first part the
// client has not sent yet (an expected part, without a Span). h2peer's relay
// writes exactly these.
func serverBytes(res *Result) []byte {
	out := res.Bytes()
	for _, p := range res.After {
		if strings.HasSuffix(p.Proto, "(equivalent)") {
			continue
		}
		if p.From == "client" {
			if p.Span.Empty() && len(p.Bytes) > 0 {
				break
			}
			continue
		}
		out = append(out, p.Bytes...)
	}
	return out
}

// TestPriorKnowledgeAnswers: curl's prior-knowledge bytes get the response
// on stream 1, and the run's status is its :status, with no HTTP/1.1 bytes.
func TestPriorKnowledgeAnswers(t *testing.T) {
	raw, cfg := goldenInput(t, "testdata/h2-prior-curl.txtar")
	res := Negotiate(raw, &cfg)
	if res.Status() != 200 || res.Switched != "h2" || res.Bytes() != nil || res.Waiting != "" || res.Decisive != -1 {
		t.Fatalf("status %d, switched %q, bytes %q, waiting %q, decisive %d", res.Status(), res.Switched, res.Bytes(), res.Waiting, res.Decisive)
	}
	fr := http2.NewFramer(nil, bytes.NewReader(serverBytes(res)))
	fr.ReadMetaHeaders = hpack.NewDecoder(4096, nil)
	var status, data string
	for range 16 {
		f, err := fr.ReadFrame()
		if err != nil {
			break
		}
		switch f := f.(type) {
		case *http2.MetaHeadersFrame:
			if f.StreamID == 1 {
				status = f.PseudoValue("status")
			}
		case *http2.DataFrame:
			if f.StreamID == 1 && f.StreamEnded() {
				data = string(f.Data())
			}
		}
	}
	if status != "200" || data != string(res.Final.Body) || data != "Hello from the Upgrade Playground server.\n" {
		t.Errorf("x/net reads :status %q and DATA %q on stream 1; Final is %d with %q", status, data, res.Final.Status, res.Final.Body)
	}
}

// TestH2Goldens checks, on every golden that speaks HTTP/2 after the
// request, what the engine must say of the client's frames: the server waits
// for a first request only when no request has arrived; the server's SETTINGS
// ACK follows the client's SETTINGS; the client's ACK is expected only when
// neither it nor a GOAWAY is in the input, and never twice; every frame the
// server sends reads with x/net's Framer.
func TestH2Goldens(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	checked := 0
	for _, file := range files {
		raw, cfg := goldenInput(t, file)
		res := Negotiate(raw, &cfg)
		if res.Switched != "h2" && res.Switched != "h2c" {
			continue
		}
		checked++
		name := filepath.Base(file)
		var headers, clientAcks, expectedAcks, goaway, settings int
		for _, p := range res.After {
			if p.Proto != "h2" || len(p.Bytes) < 9 {
				continue
			}
			typ, flags, real := p.Bytes[3], p.Bytes[4], !p.Span.Empty()
			switch {
			case p.From == "client" && real && typ == h2Headers:
				headers++
			case p.From == "client" && typ == h2Settings && flags&h2FlagAck != 0 && real:
				clientAcks++
			case p.From == "client" && typ == h2Settings && flags&h2FlagAck != 0:
				expectedAcks++
				if !strings.Contains(p.Title, "(expected)") {
					t.Errorf("%s: the client's ACK %q is not in the input and not marked expected", name, p.Title)
				}
			case p.From == "client" && typ == h2GoAway && real:
				goaway++
			case p.From == "client" && typ == h2Settings:
				settings++
			case p.From == "server" && typ == h2Settings && flags&h2FlagAck != 0 && settings == 0:
				t.Errorf("%s: the server acknowledges SETTINGS before the client's SETTINGS", name)
			}
			if p.From == "server" {
				if _, err := http2.NewFramer(nil, bytes.NewReader(p.Bytes)).ReadFrame(); err != nil {
					t.Errorf("%s: %q: x/net rejects the server's frame: %v", name, p.Title, err)
				}
			}
		}
		if strings.Contains(res.Waiting, "first request") && headers > 0 {
			t.Errorf("%s: %d HEADERS frames from the client, and waiting for %q", name, headers, res.Waiting)
		}
		if expectedAcks > 1 || expectedAcks == 1 && (clientAcks > 0 || goaway > 0) || clientAcks+expectedAcks > 1 && clientAcks < 2 {
			t.Errorf("%s: %d real client ACKs, %d expected, %d GOAWAY", name, clientAcks, expectedAcks, goaway)
		}
	}
	if checked < 40 {
		t.Fatalf("only %d goldens speak HTTP/2", checked)
	}
}

// h2Seeds are the request bytes of the HTTP/2 goldens that hold real
// clients' bytes: curl and nghttp, captured on loopback.
func h2Seeds(t testing.TB) [][]byte {
	var out [][]byte
	files, _ := filepath.Glob("testdata/h2-prior-*.txtar")
	more, _ := filepath.Glob("testdata/h2c-*after*.txtar")
	for _, file := range append(append(files, more...), "testdata/h2c-nghttp-goaway.txtar") {
		if _, err := os.Stat(file); err != nil {
			continue
		}
		raw, _ := goldenInput(t, file)
		out = append(out, raw)
	}
	return out
}

// FuzzH2ClientFrames reads any client bytes as HTTP/2, after the
// prior-knowledge preface and after an h2c 101. The engine does not panic,
// is deterministic, and bounds its output (parts, fields, bytes shown);
// every span holds its part's bytes; every server frame reads with x/net's
// Framer and every server header block with x/net's decoder; the server's
// bytes for a prefix of the input are a prefix of those for the whole
// (a server cannot take back what it wrote); and the status is one the
// server can answer a request with.
func FuzzH2ClientFrames(f *testing.F) {
	for _, raw := range h2Seeds(f) {
		i := bytes.Index(raw, []byte(h2Preface))
		f.Add(raw[i+len(h2Preface):], uint16(len(raw)/2))
	}
	f.Fuzz(func(t *testing.T, rest []byte, cut uint16) {
		for _, head := range [][]byte{[]byte(h2Preface), append(h2cRequest(h2s), h2Preface...)} {
			in := append(bytes.Clone(head), rest...)
			res := Negotiate(in, nil)
			if again := Negotiate(in, nil); FormatAfter(again) != FormatAfter(res) || FormatTrace(again) != FormatTrace(res) {
				t.Fatal("not deterministic")
			}
			if len(res.After) > 3*h2MaxFrames+8 {
				t.Fatalf("%d parts", len(res.After))
			}
			for _, p := range res.After {
				shown := 0
				for _, v := range p.Fields {
					shown += len(v.Name) + len(v.Value)
				}
				if len(p.Fields) > h2MaxShownFields+16 || shown > h2MaxShownBytes+len(p.Bytes)+64<<10 {
					t.Fatalf("part %q: %d fields, %d bytes shown", p.Title, len(p.Fields), shown)
				}
				if !p.Span.Empty() && (p.Span.End > len(in) || !bytes.Equal(in[p.Span.Start:p.Span.End], p.Bytes)) {
					t.Fatalf("part %q: span %v does not hold its bytes", p.Title, p.Span)
				}
				if p.From != "server" || p.Proto != "h2" {
					continue
				}
				fr, err := http2.NewFramer(nil, bytes.NewReader(p.Bytes)).ReadFrame()
				if err != nil {
					t.Fatalf("%q: x/net rejects the server's frame % x: %v", p.Title, p.Bytes, err)
				}
				if h, ok := fr.(*http2.HeadersFrame); ok {
					if _, err := hpack.NewDecoder(4096, nil).DecodeFull(h.HeaderBlockFragment()); err != nil {
						t.Fatalf("%q: x/net does not decode the server's block: %v", p.Title, err)
					}
				}
			}
			switch s := res.Status(); {
			case res.Switched == "h2" && s != 0 && s != 200 && s != 431 && s != 501:
				t.Fatalf("prior knowledge answered %d", s)
			case res.Switched == "h2c" && s != 101:
				t.Fatalf("the h2c request answered %d", s)
			}
			k := len(head) + int(cut)%(len(rest)+1)
			if prefix := serverBytes(Negotiate(in[:k], nil)); !bytes.HasPrefix(serverBytes(res), prefix) {
				t.Fatalf("the server's bytes for the first %d bytes of the input are not a prefix of those for all of it", k)
			}
		}
	})
}
