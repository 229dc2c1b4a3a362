package browser

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// axeScript returns the text of axe.min.js from engine/peers, where
// ./build.sh test installs the locked axe-core (npm ci). Without it the
// test is skipped with a message, except under CI=true.
func axeScript(t *testing.T) string {
	t.Helper()
	file := filepath.Join(repoRoot, "engine", "peers", "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(file)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but axe-core is not installed (npm ci --prefix engine/peers): %v", err)
		}
		t.Skipf("SKIPPED: axe-core is not installed (npm ci --prefix engine/peers), so the accessibility check did not run: %v", err)
	}
	return string(b)
}

// axeRun runs axe-core, injected by DevTools evaluation (which the page's
// CSP does not govern), and returns its violations of every impact, minor
// to critical. Its default rules, plus target-size (WCAG 2.2, 2.5.8: a
// target of at least 24 px), which axe-core leaves off by default and
// Lighthouse checks.
const axeRun = `axe.run(document, { resultTypes: ["violations"], rules: { "target-size": { enabled: true } } }).then(r => r.violations
  .map(v => v.impact + " " + v.id + ": " + v.help + " — " + v.nodes.slice(0, 4).map(n => n.target.join(" ")).join(" | ")))`

// learnAxe runs axe-core on the page in both themes, with an example, a
// failing request with the trace and predict mode.
func learnAxe(p *page) {
	t := p.t
	script := axeScript(t)
	p.open("")
	eval[any](p, script+";0")
	if v := eval[[]string](p, axeRun); len(v) > 0 {
		t.Errorf("axe-core, the page as opened: %d violations:\n%s", len(v), strings.Join(v, "\n"))
	}
	// The check can fail: an image without a text alternative is found.
	eval[any](p, `document.body.append(Object.assign(document.createElement("img"), { id: "axe-probe", src: "site/favicon.svg" }))`)
	if v := eval[[]string](p, axeRun); len(v) == 0 || !strings.Contains(strings.Join(v, "\n"), "image-alt") {
		t.Errorf("axe-core did not report an image without alt text: %q", v)
	}
	eval[any](p, `document.getElementById("axe-probe").remove()`)
	p.open("req=" + base64.RawURLEncoding.EncodeToString([]byte(sampleWS))) // a link wins over any draft
	eval[any](p, script+";0")                                               // injected once: the states below need no reload
	for _, c := range []struct {
		theme, frag string
		open        bool // open the gallery and Copy as, select a step
	}{
		{"light", "", false},
		{"dark", "", false},
		{"dark", "ex=" + firstExampleWithStatus(400), true},
		{"light", "ex=" + firstExampleWithStatus(400), true},
		{"light", "ex=" + firstExampleWithStatus(101) + "&mode=predict", false},
	} {
		if c.frag != "" {
			eval[any](p, `location.hash = "`+c.frag+`"`)
			p.waitFor(`document.getElementById("examples").value === "` + strings.TrimSuffix(strings.TrimPrefix(c.frag, "ex="), "&mode=predict") + `"`)
		}
		eval[any](p, `document.documentElement.dataset.theme = "`+c.theme+`"`)
		if c.open {
			eval[any](p, `document.querySelectorAll("details").forEach(d => d.open = true)`)
			p.click("#explanation .trace li.decisive button.check")
		}
		if v := eval[[]string](p, axeRun); len(v) > 0 {
			t.Errorf("axe-core, %s theme, #%s: %d violations:\n%s", c.theme, c.frag, len(v), strings.Join(v, "\n"))
		}
	}
	eval[any](p, `delete document.documentElement.dataset.theme`)
}
