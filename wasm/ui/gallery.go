package ui

import (
	"strconv"

	"github.com/upgrade-playground/playground/wasm/gallery"
)

// GalleryBrowser is the browsable gallery: one section per group (a
// heading and a list), each example a link to #ex=ID with its title and
// its lesson as the subtitle. The current example is marked with
// aria-current.
func GalleryBrowser(current string) *Node {
	root := El("div")
	for gi, g := range exampleGroups() {
		id := "gallery-group-" + strconv.Itoa(gi)
		sec := El("section", "class", "gallery-group", "aria-labelledby", id)
		sec.Add(El("h3", "id", id).AddText(g.name + " (" + strconv.Itoa(len(g.examples)) + ")"))
		ul := El("ul")
		for _, ex := range g.examples {
			a := El("a", "href", "#ex="+ex.ID, "data-ex", ex.ID)
			if ex.ID == current {
				a.Attrs = append(a.Attrs, [2]string{"aria-current", "true"})
			}
			a.Add(El("span", "class", "title").AddText(ex.Title))
			a.Add(El("span", "class", "lesson").AddText(ex.Lesson))
			ul.Add(El("li").Add(a))
		}
		sec.Add(ul)
		root.Add(sec)
	}
	return root
}

// An exampleGroup is a group of the gallery and its examples, in order.
type exampleGroup struct {
	name     string
	examples []gallery.Example
}

// exampleGroups returns the gallery's groups in gallery order (a few: a
// slice searched, not a map).
func exampleGroups() []exampleGroup {
	var groups []exampleGroup
	for _, ex := range gallery.Examples() {
		i := len(groups) - 1
		for i >= 0 && groups[i].name != ex.Group {
			i--
		}
		if i < 0 {
			groups = append(groups, exampleGroup{name: ex.Group})
			i = len(groups) - 1
		}
		groups[i].examples = append(groups[i].examples, ex)
	}
	return groups
}
