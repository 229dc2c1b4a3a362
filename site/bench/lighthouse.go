package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/upgrade-playground/playground/site/serve/static"
)

// lighthouseDir holds the bench's own npm package: Lighthouse, pinned by
// its package-lock.json and installed here by the bench only (npm ci),
// never by the tests.
const lighthouseDir = "site/bench/lighthouse"

// A lighthouseRun is one form factor's scores, as a table row shows them.
type lighthouseRun struct{ form, scores, budget string }

// lighthouseAll serves the built site as ./build.sh serve does (the same
// handler, on a loopback port) and runs Lighthouse on it n times for each
// of its default mobile run (a phone with simulated slow 4G and a 4×
// slower CPU) and its desktop preset. The performance score moves from run
// to run with the machine's load (Lighthouse simulates the phone from
// what it observed on this one), so a row shows its median and range; the
// other categories, their lowest. Without npm or Chromium the rows show
// "?" and say why.
func lighthouseAll(n int) []lighthouseRun {
	runs := []lighthouseRun{
		{"mobile (default: simulated slow 4G, 4× CPU slowdown)", "?", "≥ 85 / 100 / 100 / 100"},
		{"desktop (--preset=desktop)", "?", "≥ 95 / 100 / 100 / 100"},
	}
	chrome := os.Getenv("CHROME_PATH")
	if chrome == "" {
		chrome = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath("npm"); err != nil {
		fmt.Fprintln(os.Stderr, "bench: SKIPPED Lighthouse: npm is not installed")
		return runs
	}
	if _, err := os.Stat(chrome); err != nil {
		fmt.Fprintln(os.Stderr, "bench: SKIPPED Lighthouse: no Chromium at "+chrome+" (set CHROME_PATH)")
		return runs
	}
	if _, err := run("npm", "ci", "--prefix", lighthouseDir, "--no-audit", "--no-fund", "--loglevel=error"); err != nil {
		fmt.Fprintln(os.Stderr, "bench: installing Lighthouse failed")
		return runs
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench: Lighthouse:", err)
		return runs
	}
	srv := &http.Server{Handler: static.Handler(".")}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	url := "http://" + ln.Addr().String() + "/"
	for i, preset := range []string{"", "--preset=desktop"} {
		var all [][4]int
		for range n {
			scores, err := lighthouse(url, chrome, preset)
			if err != nil {
				fmt.Fprintf(os.Stderr, "bench: Lighthouse %s: %v\n", runs[i].form, err)
				continue
			}
			all = append(all, scores)
		}
		if len(all) > 0 {
			runs[i].scores = summarize(all)
		}
	}
	return runs
}

// summarize shows runs' scores as a table row does: the median
// performance score, with its range when the runs differ, then the lowest
// accessibility, best practices and SEO scores. A missing score is -1.
func summarize(all [][4]int) string {
	perf := make([]int, len(all))
	for i, s := range all {
		perf[i] = s[0]
	}
	slices.Sort(perf)
	show := func(v int) string {
		if v < 0 {
			return "?"
		}
		return strconv.Itoa(v)
	}
	out := show(perf[len(perf)/2])
	if perf[0] != perf[len(perf)-1] {
		out += " (" + show(perf[0]) + "–" + show(perf[len(perf)-1]) + " in " + strconv.Itoa(len(perf)) + " runs)"
	}
	for c := 1; c < 4; c++ {
		low := all[0][c]
		for _, s := range all {
			if s[c] < low {
				low = s[c]
			}
		}
		out += " / " + show(low)
	}
	return out
}

// lighthouse runs Lighthouse once and returns its four category scores
// (0–100, or -1 when one is missing), in the table's order.
func lighthouse(url, chrome, preset string) ([4]int, error) {
	var scores [4]int
	dir, err := os.MkdirTemp("", "lighthouse")
	if err != nil {
		return scores, err
	}
	defer os.RemoveAll(dir)
	report := filepath.Join(dir, "report.json")
	args := []string{url, "--output=json", "--output-path=" + report, "--quiet",
		"--chrome-flags=--headless=new --no-sandbox --user-data-dir=" + filepath.Join(dir, "profile")}
	if preset != "" {
		args = append(args, preset)
	}
	cmd := exec.Command(filepath.Join(lighthouseDir, "node_modules", ".bin", "lighthouse"), args...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	if out, err := cmd.CombinedOutput(); err != nil {
		return scores, fmt.Errorf("%v\n%s", err, out)
	}
	b, err := os.ReadFile(report)
	if err != nil {
		return scores, err
	}
	var r struct {
		Categories map[string]struct{ Score *float64 } `json:"categories"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return scores, err
	}
	for i, c := range []string{"performance", "accessibility", "best-practices", "seo"} {
		scores[i] = -1
		if sc := r.Categories[c].Score; sc != nil {
			scores[i] = int(*sc*100 + 0.5)
		}
	}
	return scores, nil
}
