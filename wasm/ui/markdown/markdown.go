// Package markdown compiles note details (markdown) to HTML templates with
// goldmark: CommonMark with raw HTML off (never html.WithUnsafe), rfc:
// links rewritten to the RFC editor, callouts, and {name} placeholders left
// as sentinels that ui.Fill replaces with escaped text. It runs natively
// only: ./build.sh compiles every note ahead of time (wasm/render/gen), so
// the WebAssembly carries no markdown parser.
package markdown

import (
	"bytes"
	"html"
	"strings"
	"sync"

	"github.com/upgrade-playground/playground/engine"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// md is the one goldmark instance: CommonMark with raw HTML off (goldmark's
// default; never html.WithUnsafe), and three AST transformers:
//
//   - rfc: links become rfc-editor.org links (known RFCs only); every other
//     link, autolink and image is reduced to its text;
//   - > [!NOTE], [!WARNING], [!TIP], [!MYTH] blockquotes become callouts;
//   - {name} placeholders become placeholder nodes, filled at render time
//     with the HTML-escaped value as text (a value can never become markup).
var md = goldmark.New(
	goldmark.WithParserOptions(parser.WithASTTransformers(
		util.Prioritized(linkTransformer{}, 100),
		util.Prioritized(calloutTransformer{}, 200),
		util.Prioritized(placeholderTransformer{}, 300),
	)),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(placeholderRenderer{}, 100))),
)

// Sentinels around a placeholder name in a template: private-use
// characters (see ui.Fill, which must use the same ones).
const (
	phOpen  = '\uE000'
	phClose = '\uE001'
)

var (
	cacheMu sync.Mutex
	cache   = map[string]string{}
)

// Template compiles markdown to an HTML template: placeholders appear as
// \uE000name\uE001 for ui.Fill. Results are cached per source.
func Template(src string) string {
	cacheMu.Lock()
	tmpl, ok := cache[src]
	cacheMu.Unlock()
	if ok {
		return tmpl
	}
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		tmpl = "<p>" + html.EscapeString(src) + "</p>\n"
	} else {
		tmpl = b.String()
	}
	cacheMu.Lock()
	cache[src] = tmpl
	cacheMu.Unlock()
	return tmpl
}

// linkTransformer rewrites rfc:NNNN#section links and unwraps every other
// link, autolink and image, keeping their text.
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var unwrap []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			if u, ok := RFCURL(string(l.Destination)); ok {
				l.Destination = []byte(u)
				l.Title = nil
			} else {
				unwrap = append(unwrap, l)
			}
		case *ast.Image:
			unwrap = append(unwrap, l)
		case *ast.AutoLink:
			unwrap = append(unwrap, l)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unwrap {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		if a, ok := n.(*ast.AutoLink); ok {
			parent.ReplaceChild(parent, n, ast.NewString(a.Label(src)))
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// RFCURL turns "rfc:9110#7.8" into the rfc-editor.org address of the
// section. It accepts only RFCs in engine.KnownRFCs and plain section names.
func RFCURL(dest string) (string, bool) {
	rest, ok := strings.CutPrefix(dest, "rfc:")
	if !ok {
		return "", false
	}
	num, sec, _ := strings.Cut(rest, "#")
	n := 0
	for i := 0; i < len(num); i++ {
		if num[i] < '0' || num[i] > '9' || i > 5 {
			return "", false
		}
		n = n*10 + int(num[i]-'0')
	}
	if _, known := engine.KnownRFCs[n]; !known || num == "" {
		return "", false
	}
	for i := 0; i < len(sec); i++ {
		c := sec[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.' || c == '-') {
			return "", false
		}
	}
	return engine.Ref{RFC: n, Section: sec}.URL(), true
}

// calloutTransformer turns a blockquote whose text starts with [!NOTE],
// [!WARNING], [!TIP] or [!MYTH] into a callout: the marker is removed and
// the blockquote gets class="callout note" (or warning, tip, myth). The
// marker may arrive split over several text nodes, since "[" starts link
// parsing.
type calloutTransformer struct{}

var calloutKinds = []string{"NOTE", "WARNING", "TIP", "MYTH"}

func (calloutTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		bq, ok := n.(*ast.Blockquote)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		para, ok := bq.FirstChild().(*ast.Paragraph)
		if !ok {
			return ast.WalkContinue, nil
		}
		var acc []byte
		for c := para.FirstChild(); c != nil && len(acc) < 12; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				break
			}
			acc = append(acc, t.Segment.Value(src)...)
			if bytes.IndexByte(acc, ']') >= 0 {
				break
			}
		}
		for _, kind := range calloutKinds {
			marker := "[!" + kind + "]"
			if !bytes.HasPrefix(acc, []byte(marker)) {
				continue
			}
			removePrefix(para, src, len(marker))
			if para.FirstChild() == nil {
				bq.RemoveChild(bq, para)
			}
			bq.SetAttributeString("class", []byte("callout "+strings.ToLower(kind)))
			break
		}
		return ast.WalkSkipChildren, nil
	})
}

// removePrefix removes n bytes of text (and the whitespace after them) from
// the start of a paragraph's leading text nodes.
func removePrefix(para ast.Node, src []byte, n int) {
	for c := para.FirstChild(); c != nil; {
		t, ok := c.(*ast.Text)
		if !ok {
			return
		}
		next := c.NextSibling()
		seg := t.Segment
		if n >= seg.Len() {
			n -= seg.Len()
			para.RemoveChild(para, c)
			c = next
			continue
		}
		seg = seg.WithStart(seg.Start + n)
		for seg.Len() > 0 && (src[seg.Start] == ' ' || src[seg.Start] == '\t') {
			seg = seg.WithStart(seg.Start + 1)
		}
		t.Segment = seg
		if seg.Len() == 0 && !t.SoftLineBreak() && !t.HardLineBreak() {
			para.RemoveChild(para, c)
		}
		return
	}
}

// placeholderNode is a {name} placeholder in a note's markdown.
type placeholderNode struct {
	ast.BaseInline
	Name string
}

var kindPlaceholder = ast.NewNodeKind("Placeholder")

func (p *placeholderNode) Kind() ast.NodeKind { return kindPlaceholder }

func (p *placeholderNode) Dump(src []byte, level int) {
	ast.DumpHelper(p, src, level, map[string]string{"Name": p.Name}, nil)
}

// placeholderTransformer splits text nodes at {name} placeholders.
type placeholderTransformer struct{}

func (placeholderTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering && bytes.IndexByte(t.Segment.Value(src), '{') >= 0 {
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		splitPlaceholders(t, src)
	}
}

func splitPlaceholders(t *ast.Text, src []byte) {
	parent := t.Parent()
	seg := t.Segment
	val := seg.Value(src)
	start := 0
	changed := false
	for i := 0; i < len(val); i++ {
		if val[i] != '{' {
			continue
		}
		j := bytes.IndexByte(val[i:], '}')
		if j < 0 {
			break
		}
		name := string(val[i+1 : i+j])
		if !isName(name) {
			continue
		}
		if i > start {
			parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(seg.Start+start, seg.Start+i)))
		}
		parent.InsertBefore(parent, t, &placeholderNode{Name: name})
		start = i + j + 1
		i += j
		changed = true
	}
	if changed {
		t.Segment = text.NewSegment(seg.Start+start, seg.Stop)
	}
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// placeholderRenderer writes placeholders as sentinels, and code spans so
// that placeholders inside them work too (goldmark's own code span renderer
// accepts only text children).
type placeholderRenderer struct{}

func (placeholderRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindPlaceholder, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteRune(phOpen)
			_, _ = w.WriteString(n.(*placeholderNode).Name)
			_, _ = w.WriteRune(phClose)
		}
		return ast.WalkContinue, nil
	})
	reg.Register(ast.KindCodeSpan, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("</code>")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("<code>")
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				value := c.Segment.Value(src)
				if bytes.HasSuffix(value, []byte("\n")) {
					value = append(value[:len(value)-1:len(value)-1], ' ')
				}
				ghtml.DefaultWriter.RawWrite(w, value)
			case *placeholderNode:
				_, _ = w.WriteRune(phOpen)
				_, _ = w.WriteString(c.Name)
				_, _ = w.WriteRune(phClose)
			}
		}
		return ast.WalkSkipChildren, nil
	})
}
