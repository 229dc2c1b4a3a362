package browser

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestPrerenderedPanes checks the parts of index.html generated from the
// views (prerender_test.go) in the browser: the Examples menu lists every
// example in gallery order; the Server pane shows the default server, or
// a link's server when a link changes a setting; and after a setting is
// changed with the keyboard and the page reloaded before it saved its
// state, the pane shows the state the page opened with. (The controls
// have autocomplete=off so that a browser that restores form controls on
// a history navigation cannot show a value the page does not use; this
// headless Chromium did not restore the control on a reload even without
// it, so the test does not tell the two apart.)
func TestPrerenderedPanes(t *testing.T) {
	p := openPage(t)
	p.open("")
	if got, want := eval[int](p, `document.querySelectorAll("#examples option[value]:not([value=''])").length`), eval[int](p, `playground.examples().length`); got != want || got == 0 {
		t.Errorf("the Examples menu has %d examples, playground.examples() %d", got, want)
	}
	if !eval[bool](p, `[...document.querySelectorAll("#examples option[value]:not([value=''])")].map((o) => o.value).join() === playground.examples().map((e) => e.id).join()`) {
		t.Error("the Examples menu is not in gallery order")
	}
	if got := eval[string](p, `document.getElementById("set-lf").value + " " + document.getElementById("set-h2c").checked`); got != "accept true" {
		t.Errorf("default server pane: lf, h2c = %s, want accept true", got)
	}

	// A link that changes settings: its server is shown.
	p.open("lf=reject&h2c=0")
	if got := eval[string](p, `document.getElementById("set-lf").value + " " + document.getElementById("set-h2c").checked`); got != "reject false" {
		t.Errorf("after the link lf=reject&h2c=0: lf, h2c = %s, want reject false", got)
	}

	// A change the page has not saved yet, then a reload: the page opens
	// the default server, and so must the pane. The page saves its state
	// (the address bar and the draft) shortly after each change; rather
	// than race that, the test lets the first save happen, then clears the
	// address bar's fragment and the draft and takes the document's means
	// to save away, so that the change below is never saved, however long
	// the reload takes to come. The reload brings a new document, which
	// saves again.
	p.open("")
	p.waitFor(`location.hash.length > 1 && localStorage.getItem("upgrade-playground.draft") === location.hash.slice(1)`)
	eval[any](p, `(() => {
		history.replaceState(null, "", location.pathname + location.search);
		localStorage.clear();
		history.replaceState = () => {};
		Storage.prototype.setItem = () => {};
	})()`)
	if err := chromedp.Do(p.ctx, chromedp.Focus(chromedp.CSS("#set-lf")), chromedp.KeyEvent(kb.ArrowDown)); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](p, `document.getElementById("set-lf").value`); got != "reject" {
		t.Fatalf("the arrow key left lf at %q", got)
	}
	if err := chromedp.Do(p.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	p.waitReady()
	if got := eval[string](p, `document.getElementById("set-lf").value + " " + location.hash`); got != "accept " {
		t.Errorf("after a reload with an unsaved change: lf and the address = %q, want the default server (accept, no fragment)", got)
	}
	if got := eval[string](p, `document.getElementById("response").dataset.status`); got != "101" {
		t.Errorf("after the reload the response is %s, want 101", got)
	}
}
