package ui

import "strings"

// The editor's notation shows control bytes as Unicode control pictures
// (␀ U+2400 … ␟ U+241F, ␠ U+2420, ␡ U+2421), which the fonts of a
// common Linux desktop (DejaVu, Liberation) lack: they come out as empty
// boxes. The views put each one in a span with its abbreviation
// (<span class="cp" data-cp="CR">␍</span>), which the style sheet draws
// as a small label; the text itself, and so what is copied and what the
// tests read, stays the control picture.

// controlAbbrevs are the abbreviations of U+2400 to U+2421 (ISO 6429).
var controlAbbrevs = [...]string{
	"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
	"SP", "DEL",
}

// controlPicture is the UTF-8 prefix every control picture shares
// (U+2400 to U+243F are E2 90 80 to E2 90 BF).
const controlPicture = "\xe2\x90"

// ControlAt returns the abbreviation of the control picture s starts
// with, or "" when s does not start with one.
func ControlAt(s string) string {
	if len(s) >= 3 && s[0] == 0xe2 && s[1] == 0x90 && s[2] >= 0x80 && int(s[2]-0x80) < len(controlAbbrevs) {
		return controlAbbrevs[s[2]-0x80]
	}
	return ""
}

// addText appends s to n as text, each control picture in a labelled
// span, and returns n.
func addText(n *Node, s string) *Node {
	if !strings.Contains(s, controlPicture) {
		return n.AddText(s)
	}
	last := 0
	for i := 0; i+3 <= len(s); i++ {
		ab := ControlAt(s[i:])
		if ab == "" {
			continue
		}
		if last < i {
			n.AddText(s[last:i])
		}
		n.Add(El("span", "class", "cp", "data-cp", ab).AddText(s[i : i+3]))
		i += 2
		last = i + 1
	}
	if last < len(s) {
		n.AddText(s[last:])
	}
	return n
}

// labelControlsHTML does what addText does to the text of HTML made by
// Fill (a note's detail): control pictures outside tags get the span.
func labelControlsHTML(h string) string {
	if !strings.Contains(h, controlPicture) {
		return h
	}
	var b strings.Builder
	b.Grow(len(h) + 64)
	inTag := false
	last := 0
	for i := 0; i < len(h); i++ {
		switch c := h[i]; {
		case c == '<':
			inTag = true
		case c == '>':
			inTag = false
		case c == 0xe2 && !inTag:
			ab := ControlAt(h[i:])
			if ab == "" {
				continue
			}
			b.WriteString(h[last:i])
			b.WriteString(`<span class="cp" data-cp="` + ab + `">`)
			b.WriteString(h[i : i+3])
			b.WriteString(`</span>`)
			i += 2
			last = i + 1
		}
	}
	b.WriteString(h[last:])
	return b.String()
}
