package ui

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
)

// largeText is the typical WebSocket handshake with a body of lines that
// make it about size bytes of editor text (the request the browser's
// typing measurement types into, site/flow_browser_test.go).
func largeText(size int) string {
	head := "GET /chat HTTP/1.1\nHost: server.example.com\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\nOrigin: http://example.com\nSec-WebSocket-Protocol: chat, superchat\nSec-WebSocket-Version: 13\n"
	var body strings.Builder
	for i := 0; body.Len() < size-len(head)-40; i++ {
		body.WriteString("line " + strconv.Itoa(i) + " " + strings.Repeat("v", 40) + "\n")
	}
	n := len(editor.Bytes(body.String(), ""))
	return head + "Content-Length: " + strconv.Itoa(n) + "\n\n" + body.String()
}

// BenchmarkKeystrokeLarge is BenchmarkKeystroke on large requests: a
// character typed into (and deleted from) the Sec-WebSocket-Key of a
// 64 KiB and a 256 KiB request. The patches are encoded too: their
// size is what crosses to JavaScript and what the browser lays out.
func BenchmarkKeystrokeLarge(b *testing.B) {
	for _, size := range []int{64 << 10, 256 << 10} {
		b.Run(strconv.Itoa(size>>10)+"KiB", func(b *testing.B) {
			text := largeText(size)
			const key = "dGhlIHNhbXBsZSBub25jZQ=="
			texts := []string{text, strings.Replace(text, key, key+"x", 1)}
			k := newKeystrokes()
			b.ReportAllocs()
			i, patched := 0, 0
			for b.Loop() {
				patched += k.render(texts[i%2])
				i++
			}
			b.ReportMetric(float64(patched)/float64(i), "patch-bytes/op")
		})
	}
}

// TestOverlayNodesSweep checks overlayNodes against the plain rule on
// random texts and highlights, long texts (in blocks) included: every
// byte of the text is shown once, in order, under exactly the classes and
// titles of the highlights that cover it, in their order.
func TestOverlayNodesSweep(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	classes := []string{"diag", "diag decisive", "inv tab", "inv control", "selected"}
	for iter := range 300 {
		var tb strings.Builder
		lines := rng.IntN(200)
		if iter%3 == 0 {
			lines = rng.IntN(10)
		}
		for range lines {
			tb.WriteString(strings.Repeat("ab\tc", rng.IntN(4)) + "\n")
		}
		text := tb.String()
		var hs []highlight
		for range rng.IntN(30) {
			a := rng.IntN(len(text) + 2)
			b := a + rng.IntN(20) - 2
			hs = append(hs, highlight{a, b, classes[rng.IntN(len(classes))], "t" + strconv.Itoa(rng.IntN(5))})
		}
		root := overlayNodes(text, hs)
		// Flatten: one (classes, titles) per byte.
		type byteView struct{ class, title string }
		var got []byteView
		var sb strings.Builder
		blocks := 0
		var visit func(n *Node, class, title string)
		visit = func(n *Node, class, title string) {
			if n.Tag == "" {
				sb.WriteString(n.Text)
				for range len(n.Text) {
					got = append(got, byteView{class, title})
				}
				return
			}
			if n.Tag == "mark" {
				for _, a := range n.Attrs {
					switch a[0] {
					case "class":
						class = a[1]
					case "title":
						title = a[1]
					}
				}
			}
			for _, k := range n.Kids {
				if n == root && k.Tag == "div" {
					blocks++
				}
				visit(k, class, title)
			}
		}
		visit(root, "", "")
		if sb.String() != text+"\n" {
			t.Fatalf("iteration %d: the overlay shows %q, want %q", iter, sb.String(), text+"\n")
		}
		if n := strings.Count(text, "\n"); n > overlayChunkLines && blocks != (n+overlayChunkLines-1)/overlayChunkLines {
			t.Errorf("iteration %d: %d lines in %d blocks", iter, n, blocks)
		} else if n <= overlayChunkLines && blocks != 0 {
			t.Errorf("iteration %d: %d lines split in %d blocks", iter, n, blocks)
		}
		for i := range len(text) {
			var cls, titles []string
			for _, h := range hs {
				if h.start < h.end && h.start >= 0 && h.end <= len(text) && h.start <= i && i < h.end {
					for _, c := range strings.Fields(h.class) {
						if !containsStr(cls, c) {
							cls = append(cls, c)
						}
					}
					if !containsStr(titles, h.title) {
						titles = append(titles, h.title)
					}
				}
			}
			want := byteView{strings.Join(cls, " "), strings.Join(titles, "; ")}
			if got[i] != want {
				t.Fatalf("iteration %d: byte %d is shown as %+v, want %+v", iter, i, got[i], want)
			}
		}
	}
}

// BenchmarkOverlayManyMarks is the overlay of a request with the most
// marks the editor reports (a paste full of tabs) and a failing span
// over all of it.
func BenchmarkOverlayManyMarks(b *testing.B) {
	text := "GET / HTTP/1.1\nHost: a\n" + strings.Repeat("X: a\tb\n", editor.MaxMarks) + "\n"
	res := engine.Negotiate(editor.Bytes(text, ""), nil)
	_, m := editor.MapText(text, "crlf")
	marks := editor.Marks(text)
	b.ReportAllocs()
	for b.Loop() {
		Overlay(text, res, m, marks)
	}
}
