package browser

import (
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// axeVersion is the axe-core release the accessibility test installs.
const axeVersion = "4"

// axeScript returns the text of axe.min.js, installing the npm package
// axe-core into a cache directory under os.TempDir() when it is missing.
// Without npm the test is skipped with a message, except under CI=true.
func axeScript(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(os.TempDir(), "upgrade-playground-axe")
	file := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
	if b, err := os.ReadFile(file); err == nil {
		return string(b)
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but npm is missing: the axe-core accessibility test needs it (apt-get install -y npm)")
		}
		t.Skip("SKIPPED: npm is not installed, so axe-core cannot be installed; the accessibility check did not run")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(npm, "install", "--prefix", dir, "--no-audit", "--no-fund", "--no-save", "axe-core@"+axeVersion)
	cmd.Env = append(os.Environ(), "npm_config_update_notifier=false")
	done := make(chan error, 1)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("npm install axe-core: %v\n%s", err, out.String())
		}
	case <-time.After(browserTimeout): // a safety net for a hung npm, not a deadline
		_ = cmd.Process.Kill()
		t.Fatalf("npm install axe-core did not finish within %v", browserTimeout)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// axeRun injects axe-core (by DevTools evaluation, which the page's CSP
// does not govern) and returns the serious and critical violations.
const axeRun = `axe.run(document, { resultTypes: ["violations"] }).then(r => r.violations
  .filter(v => v.impact === "serious" || v.impact === "critical")
  .map(v => v.impact + " " + v.id + ": " + v.help + " — " + v.nodes.slice(0, 4).map(n => n.target.join(" ")).join(" | ")))`

// learnAxe runs axe-core on the page in both themes, with an example, a
// failing request with the trace and predict mode.
func learnAxe(p *page) {
	t := p.t
	script := axeScript(t)
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
			t.Errorf("axe-core, %s theme, #%s: %d serious or critical violations:\n%s", c.theme, c.frag, len(v), strings.Join(v, "\n"))
		}
	}
	eval[any](p, `delete document.documentElement.dataset.theme`)
}
