package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/editor"
	"github.com/upgrade-playground/playground/wasm/gallery"
	"github.com/upgrade-playground/playground/wasm/link"
)

// Server is the Server pane's form content: the profile chooser and the
// proxy (profileChooser), then one fieldset per group of engine.Settings(),
// one control per setting, named by its deep-link key. A setting that
// differs from the profile's default is marked as an override.
func Server(cfg *engine.Config) *Node {
	root := El("div")
	root.Add(profileChooser(cfg))
	base := ProfileOf(cfg).Config()
	var group *Node
	last := ""
	for _, s := range engine.Settings() {
		if s.Group != last || group == nil {
			group = El("fieldset", "class", "group")
			group.Add(El("legend").AddText(s.Group))
			root.Add(group)
			last = s.Group
		}
		row := settingControl(s, s.Get(cfg))
		if note := OverrideNote(s, cfg, &base); note != "" {
			row.Attrs[0][1] += " override"
			row.Add(El("small", "class", "override-note").AddText(note))
		}
		group.Add(row)
	}
	return root
}

// OverrideNote is the line under a setting whose value in cfg differs
// from base, its profile's default, or "" when it does not.
func OverrideNote(s *engine.Setting, cfg, base *engine.Config) string {
	def := s.Get(base)
	if def == s.Get(cfg) {
		return ""
	}
	if def == "" {
		def = "(empty)"
	}
	return "Override: changed from the profile's " + def + "."
}

// settingControl is one setting's row. Its control has autocomplete=off,
// which also keeps the browser from restoring a value the learner typed
// before a reload over the one the page's state gives (the pane is in
// index.html for the default server).
func settingControl(s *engine.Setting, val string) *Node {
	id := "set-" + s.Key
	row := El("div", "class", "setting kind-"+s.Kind)
	help := El("small", "id", id+"-help", "class", "help").AddText(s.Help + " (link key: " + s.Key + ")")
	var ctl *Node
	switch s.Kind {
	case "bool":
		ctl = El("input", "type", "checkbox", "id", id, "name", s.Key, "aria-describedby", id+"-help", "autocomplete", "off")
		if val == "1" {
			ctl.Attrs = append(ctl.Attrs, [2]string{"checked", ""})
		}
		return row.Add(El("label", "for", id).Add(ctl, Text(" "+s.Label)), help)
	case "choice":
		ctl = El("select", "id", id, "name", s.Key, "aria-describedby", id+"-help", "autocomplete", "off")
		for _, c := range s.Choices {
			o := El("option", "value", c)
			if c == val {
				o.Attrs = append(o.Attrs, [2]string{"selected", ""})
			}
			ctl.Add(o.AddText(c))
		}
	case "int":
		ctl = El("input", "type", "number", "id", id, "name", s.Key, "value", val, "aria-describedby", id+"-help", "autocomplete", "off")
	default:
		ctl = El("input", "type", "text", "id", id, "name", s.Key, "value", val, "spellcheck", "false", "aria-describedby", id+"-help", "autocomplete", "off")
	}
	return row.Add(El("label", "for", id).AddText(s.Label), ctl, help)
}

// Gallery is the content of the Examples <select>: a prompt option, then one
// <optgroup> per group in gallery order.
func Gallery(selected string) *Node {
	root := El("div")
	root.Add(El("option", "value", "").AddText("Examples…"))
	for _, g := range exampleGroups() {
		og := El("optgroup", "label", g.name)
		for _, ex := range g.examples {
			o := El("option", "value", ex.ID)
			if ex.ID == selected {
				o.Attrs = append(o.Attrs, [2]string{"selected", ""})
			}
			og.Add(o.AddText(ex.Title))
		}
		root.Add(og)
	}
	return root
}

// A highlight is a range of the editor text with the classes and title the
// overlay shows for it.
type highlight struct {
	start, end int
	class      string
	title      string
}

// Overlay is the content of the <pre> behind the request editor: the editor
// text, with <mark> elements over the bytes that failing checks concern and
// over invisible or confusable characters. text must be the editor text the
// map was made from.
func Overlay(text string, res *engine.Result, m *editor.Map, marks []editor.Mark) *Node {
	var hs []highlight
	for i, s := range res.Trace {
		if s.Outcome != engine.Fail || s.Span.Empty() {
			continue
		}
		cls := "diag"
		if i == res.Decisive {
			cls = "diag decisive"
		}
		a, b := m.TextOffset(s.Span.Start), m.TextOffset(s.Span.End)
		if b <= a {
			b = a + 1
		}
		hs = append(hs, highlight{a, min(b, len(text)), cls, Summary(s)})
	}
	for _, mk := range marks {
		hs = append(hs, highlight{mk.Start, mk.End, "inv " + mk.Kind, mk.Title})
	}
	return overlayNodes(text, hs)
}

// overlayNodes splits text at every highlight boundary; each piece covered
// by highlights becomes a <mark> with their classes (in the order of hs)
// and titles. It sweeps the pieces in order with the highlights that
// cover them, so a request with thousands of marks costs no more than
// their number times the few that overlap.
//
// A text of more than overlayChunkLines lines is split into blocks of that
// many lines (a <div> each, inside the <pre>): a keystroke changes one
// block, so the patch carries that block's text, not the whole request,
// and the browser lays out that block again, not every line.
func overlayNodes(text string, hs []highlight) *Node {
	root := El("div")
	cuts := []int{0, len(text)}
	var valid []int // the highlights that cover something, by start
	for i, h := range hs {
		if h.start < h.end && h.start >= 0 && h.end <= len(text) {
			cuts = append(cuts, h.start, h.end)
			valid = append(valid, i)
		}
	}
	// slices, not sort.SliceStable: its reflection-based swapper costs
	// the .wasm 18 KB.
	slices.SortStableFunc(valid, func(a, b int) int { return hs[a].start - hs[b].start })
	var blocks []int // where each block after the first starts
	if strings.Count(text, "\n") > overlayChunkLines {
		for i, n := 0, 0; i < len(text); i++ {
			if text[i] == '\n' {
				if n++; n%overlayChunkLines == 0 && i+1 < len(text) {
					blocks = append(blocks, i+1)
				}
			}
		}
		cuts = append(cuts, blocks...)
	}
	sortInts(cuts)
	parent := root
	if blocks != nil {
		parent = El("div")
		root.Add(parent)
	}
	var active []int // the highlights covering the piece, in the order of hs
	next, prev := 0, -1
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		if a == b || a == prev {
			continue
		}
		prev = a
		if len(blocks) > 0 && a == blocks[0] {
			blocks = blocks[1:]
			parent = El("div")
			root.Add(parent)
		}
		// Highlights end where they end; those starting here begin.
		kept := active[:0]
		for _, i := range active {
			if hs[i].end > a {
				kept = append(kept, i)
			}
		}
		active = kept
		for ; next < len(valid) && hs[valid[next]].start <= a; next++ {
			i := valid[next]
			if hs[i].end <= a {
				continue
			}
			at := len(active)
			for at > 0 && active[at-1] > i {
				at--
			}
			active = append(active, 0)
			copy(active[at+1:], active[at:])
			active[at] = i
		}
		if len(active) == 0 {
			parent.AddText(text[a:b])
			continue
		}
		var cls, titles []string
		for _, i := range active {
			for _, c := range strings.Fields(hs[i].class) {
				if !containsStr(cls, c) {
					cls = append(cls, c)
				}
			}
			if !containsStr(titles, hs[i].title) {
				titles = append(titles, hs[i].title)
			}
		}
		mk := El("mark", "class", strings.Join(cls, " "), "title", strings.Join(titles, "; "))
		if b-a == 3 && containsStr(cls, "control") {
			// One control picture: the style sheet draws its label.
			if ab := ControlAt(text[a:b]); ab != "" {
				mk.Attrs = append(mk.Attrs, [2]string{"data-cp", ab})
			}
		}
		parent.Add(mk.AddText(text[a:b]))
	}
	// A final line break needs a character after it to take up a line.
	parent.AddText("\n")
	return root
}

// overlayChunkLines is the number of lines of each block of a long
// overlay (overlayNodes).
const overlayChunkLines = 64

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// maxLinkProblems bounds the problems LinkMessage lists: a hostile link can
// carry thousands.
const maxLinkProblems = 10

// LinkMessage is the content of #link-message for an opened link's (or
// the saved draft's) problems under intro (the adapter hides the box when
// there are none): each problem's
// text, which names the key and the value in the editor's notation
// (link.Problem.String), as a text node, never markup; at most
// maxLinkProblems and a count of the rest; and, when a problem is fatal,
// the sentence refused: that it was not opened and what the page shows.
func LinkMessage(probs []link.Problem, intro, refused string) *Node {
	root := El("div")
	root.Add(El("p").AddText(intro))
	ul := El("ul")
	fatal := false
	for i, p := range probs {
		fatal = fatal || p.Fatal
		if i < maxLinkProblems {
			ul.Add(El("li").AddText(p.String()))
		}
	}
	if len(probs) > maxLinkProblems {
		ul.Add(El("li").AddText("… and " + strconv.Itoa(len(probs)-maxLinkProblems) + " more."))
	}
	root.Add(ul)
	if fatal {
		root.Add(El("p").AddText(refused))
	}
	return root
}

// ExampleList is playground.examples(): the gallery as plain values.
func ExampleList() []any {
	var out []any
	for _, ex := range gallery.Examples() {
		out = append(out, map[string]any{
			"id": ex.ID, "title": ex.Title, "group": ex.Group,
			"lesson": ex.Lesson, "expect": ex.Expect,
			"srv": ServerID(&engine.Config{Server: ex.Server}), "view": ex.View, "reverse": ex.Response != nil,
		})
	}
	return out
}
