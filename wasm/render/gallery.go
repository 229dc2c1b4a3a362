package render

import (
	"strconv"

	"github.com/upgrade-playground/playground/engine"
)

// GalleryBrowser is the browsable gallery: one section per group (a
// heading and a list), each example a link to #ex=ID with its title and
// its lesson as the subtitle. The current example is marked with
// aria-current.
func GalleryBrowser(current string) *Node {
	root := El("div")
	groups, by := exampleGroups()
	for gi, g := range groups {
		id := "gallery-group-" + strconv.Itoa(gi)
		sec := El("section", "class", "gallery-group", "aria-labelledby", id)
		sec.Add(El("h3", "id", id).AddText(g + " (" + strconv.Itoa(len(by[g])) + ")"))
		ul := El("ul")
		for _, ex := range by[g] {
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

// exampleGroups returns the gallery's groups in gallery order and the
// examples of each.
func exampleGroups() (groups []string, by map[string][]engine.Example) {
	by = map[string][]engine.Example{}
	for _, ex := range engine.Examples() {
		if _, ok := by[ex.Group]; !ok {
			groups = append(groups, ex.Group)
		}
		by[ex.Group] = append(by[ex.Group], ex)
	}
	return groups, by
}
