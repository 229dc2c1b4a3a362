package engine

import (
	"testing"

	"github.com/upgrade-playground/playground/engine/wiretext"
)

// chunkedOutcome is what readChunked decided about a chunked body: refused
// (with the status and the note of the deciding step), still waiting for
// more bytes, or complete (with its content and where the message ends).
type chunkedOutcome struct {
	status   int
	note     string
	waiting  bool
	body     string
	after    int
	trailers int
}

// decodeChunked runs the chunked body parser on in, a message body that
// starts right after an empty line ending a header section.
func decodeChunked(in []byte, cfg *Config) (chunkedOutcome, []Step) {
	r := &Request{Raw: in, Major: 1, Minor: 1, BodyComplete: true}
	r.readable = min(len(in), cfg.HTTP.MaxRequestBytes)
	r.src = string(in[:r.readable])
	t := newTrace()
	t.stage = StageFraming
	readChunked(r, cfg, &t)
	o := chunkedOutcome{after: r.After}
	switch {
	case t.refusal >= 0:
		o.status, o.note = t.steps[t.refusal].Note.Status, t.steps[t.refusal].Note.ID
	case !r.BodyComplete:
		o.waiting = true
	default:
		o.body, o.trailers = string(r.Body), len(r.Trailers)
	}
	return o, t.finish()
}

// chunkedSettings are the settings chunkedConfig turns on, one for each
// bit of a profile: the line rules (lf, ctl, fold) and small limits, so
// that every branch is fuzzed.
var chunkedSettings = [][2]string{
	{"lf", "reject"}, {"ctl", "replace"}, {"fold", "unfold"}, {"maxbody", "16"},
	{"maxrequest", "64"}, {"maxfield", "16"}, {"maxfields", "2"}, {"maxheader", "64"},
}

// chunkedConfig turns the bits of profile into a server.
func chunkedConfig(profile uint8) Config { return profileConfig(uint64(profile), chunkedSettings) }

// chunkedSeeds are the chunked bodies of the golden exchanges and a few
// more shapes: extensions, trailers, bare line ends, folds, large sizes.
func chunkedSeeds(tb testing.TB) [][]byte {
	var out [][]byte
	for _, raw := range goldenRequests(tb) {
		if res := Negotiate(raw, nil); res.Request.Chunked && res.Request.HeaderEnd >= 0 {
			out = append(out, raw[res.Request.HeaderEnd:])
		}
	}
	for _, s := range []string{
		"0\n\n\\",
		"5;a=b;c=\"d\\\\\"e\"\nhello\n0\nX-T: 1\nY: 2\n\n\\",
		"5 ; a = b\nhello\n0 ;x\n\n\\",
		"5\\n\\\nhello\\n\\\n0\\n\\\n\\n\\",
		"5\\r;a\nhello\n0\nX: a\\0b\n c\n\n\\",
		"0\n X: 1\nGET / HTTP/1.1\nHost : a\n\n\\",
		"000000000000000000001\nx\nffffffffffffffffffff\n\\",
		"3\nabc\n2\nde\n0\nTrailer: x\nUpgrade: websocket\n\nGET /next HTTP/1.1\n\\",
	} {
		out = append(out, wiretext.Decode(s))
	}
	return out
}

// FuzzChunked checks the chunked body and trailer section parser
// (readChunked, RFC 9112 §7.1) on any bytes: it never panics; it is
// deterministic; what it consumes lies within the input, as does every
// step's span; a body that a strict server reads (lf=reject, ctl=reject,
// fold=reject) a lenient one (accept, replace, unfold) reads too, with the
// same content and the same end; and the answer does not depend on how the
// input arrives: whatever the parser decides on a prefix, refusing or
// reading a complete body, it decides the same on the whole input.
func FuzzChunked(f *testing.F) {
	for i, b := range chunkedSeeds(f) {
		f.Add(b, uint8(i*37))
	}
	f.Fuzz(func(t *testing.T, in []byte, profile uint8) {
		cfg := chunkedConfig(profile)
		full, steps := decodeChunked(in, &cfg)
		if again, _ := decodeChunked(in, &cfg); again != full {
			t.Fatalf("not deterministic: %+v, then %+v", full, again)
		}
		if full.after < 0 || full.after > len(in) || len(full.body) > full.after {
			t.Fatalf("%d-byte body ending at %d in a %d-byte input", len(full.body), full.after, len(in))
		}
		for _, s := range steps {
			if s.Span.Start < 0 || s.Span.End > len(in) || s.Span.Start > s.Span.End {
				t.Fatalf("step %q has span %v outside the %d-byte input", s.Check, s.Span, len(in))
			}
		}

		strict, lenient := cfg, cfg
		strict.HTTP.BareLF, strict.HTTP.CTL, strict.HTTP.ObsFold = "reject", "reject", "reject"
		lenient.HTTP.BareLF, lenient.HTTP.CTL, lenient.HTTP.ObsFold = "accept", "replace", "unfold"
		if s, _ := decodeChunked(in, &strict); s.status == 0 && !s.waiting {
			l, _ := decodeChunked(in, &lenient)
			if l.status != 0 || l.waiting || l.body != s.body || l.after != s.after {
				t.Fatalf("a strict server reads %+v, a lenient one %+v", s, l)
			}
		}

		for _, k := range splitPoints(in) {
			p, _ := decodeChunked(in[:k], &cfg)
			if p.waiting {
				continue
			}
			if p.status != full.status || full.waiting || p.status == 0 && (p.body != full.body || p.after != full.after || p.trailers != full.trailers) {
				t.Fatalf("the first %d bytes decide %+v, the whole %d bytes %+v", k, p, len(in), full)
			}
		}
	})
}

// splitPoints returns where to cut in to check that the answer does not
// depend on how the input arrives: everywhere in a short input; in a longer
// one, around every line end (where a parser's decisions change) and at
// regular steps, so that a fuzzing run stays fast.
func splitPoints(in []byte) []int {
	if len(in) <= 256 {
		out := make([]int, len(in))
		for k := range out {
			out[k] = k
		}
		return out
	}
	var out []int
	for k := 0; k < len(in); k += len(in)/64 + 1 {
		out = append(out, k)
	}
	for k, c := range in {
		if c == '\n' || c == '\r' {
			out = append(out, k, k+1)
		}
		if len(out) > 512 {
			break
		}
	}
	for i, k := range out {
		out[i] = min(k, len(in)-1)
	}
	return out
}
