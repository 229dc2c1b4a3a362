// Command bench measures the playground against its budgets and prints one
// table: the page's transfer size (raw, gzip, brotli), load
// (navigation to engine ready and to the first response, median of ten
// cold loads in headless Chromium), a keystroke to the updated panes
// (median and p95) and larger requests, the .wasm's memory after 1,000
// renders, and engine.Negotiate against net/http + gorilla/websocket on
// the same handshake (ns/op, allocations, ratio), and Lighthouse's
// scores for phones and desktops (lighthouse.go).
//
// It runs the measuring tests (site/browser/budget_test.go,
// site/browser/perf_browser_test.go, engine/bench_gorilla_test.go) and
// collects their figures, so the table and the tests can never disagree.
// Run it from the repository root:
//
//	./build.sh bench     (or: go run ./site/bench)
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	count := flag.Int("count", 5, "go test -bench -count for the engine benchmark (the median is reported)")
	only := flag.Bool("lighthouse", false, "run only Lighthouse (on the site as built)")
	lhRuns := flag.Int("lighthouse-runs", 5, "Lighthouse runs for each form factor (the median performance score is reported, with the range)")
	flag.Parse()
	if *only {
		fmt.Println("| Measure | Figure | Budget |")
		fmt.Println("| --- | --- | --- |")
		for _, lh := range lighthouseAll(*lhRuns) {
			fmt.Printf("| Lighthouse, %s: performance / accessibility / best practices / SEO | %s | %s |\n", lh.form, lh.scores, lh.budget)
		}
		return
	}
	figs := map[string]string{}
	ok := true
	out, err := run("go", "test", "./site/browser", "-count", "1", "-v", "-run", "^(TestTransferBudget|TestPerfLoad|TestPerfEdit|TestPerfRenderInFrames|TestPerfMemory|TestFlowTypingLatency)$")
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench: the site measurements failed (%v); figures so far are shown\n", err)
		ok = false
	}
	benchLine := regexp.MustCompile(`bench: ([a-zA-Z0-9_.]+)=(\S+)`)
	for _, m := range benchLine.FindAllStringSubmatch(out, -1) {
		figs[m[1]] = m[2]
	}
	if strings.Contains(out, "--- SKIP") {
		fmt.Fprintln(os.Stderr, "bench: browser measurements were skipped (no Chromium?)")
	}

	out, err = run("go", "test", "./engine", "-run", "^$", "-bench", "^BenchmarkVsGorilla$", "-benchmem", "-count", strconv.Itoa(*count))
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench: the engine benchmark failed: %v\n", err)
		ok = false
	}
	ns, allocs := map[string][]float64{}, map[string][]float64{}
	benchRow := regexp.MustCompile(`BenchmarkVsGorilla/(\w+)\S*\s+\d+\s+([\d.]+) ns/op\s+\d+ B/op\s+(\d+) allocs/op`)
	for _, m := range benchRow.FindAllStringSubmatch(out, -1) {
		v, _ := strconv.ParseFloat(m[2], 64)
		a, _ := strconv.ParseFloat(m[3], 64)
		ns[m[1]] = append(ns[m[1]], v)
		allocs[m[1]] = append(allocs[m[1]], a)
	}

	kb := func(key string) string {
		v, err := strconv.Atoi(figs[key])
		if err != nil {
			return "?"
		}
		return strconv.FormatFloat(float64(v)/1000, 'f', 1, 64) + " KB"
	}
	ms := func(key string) string {
		if figs[key] == "" {
			return "?"
		}
		return figs[key] + " ms"
	}
	var rows [][3]string
	add := func(what, figure, budget string) { rows = append(rows, [3]string{what, figure, budget}) }
	add("page transfer, raw", kb("size.raw"), "")
	add("page transfer, gzip -9", kb("size.gzip"), "≤ 1,100 KB")
	add("page transfer, brotli 11", kb("size.brotli"), "≤ 950 KB")
	add("load floor: an empty Go program → ready, loaded the same way (median of 10 cold loads)", ms("load.floor_ms"), "")
	add("load floor: the playground's own .wasm stopped once initialized (a program of its size doing nothing), loaded the same way", ms("load.floor_sized_ms"), "")
	add("load: navigation → the page parsed / first painted, layout and request on screen (domInteractive / first-contentful-paint; median of 10 cold loads)", ms("load.request_shown_ms")+" / "+ms("load.first_paint_ms"), "")
	add("load: navigation → engine ready (median of 10 cold loads)", ms("load.ready_ms"), "≤ 250 ms")
	add("load: navigation → first response (median of 10 cold loads)", ms("load.first_render_ms"), "≤ 300 ms")
	add("load: navigation → every pane rendered, playground.ready (median of 10 cold loads)", ms("load.all_panes_ms"), "≤ 400 ms")
	add("load: a shared link (a request and a setting) → first response / every pane", ms("load.link_first_render_ms")+" / "+ms("load.link_all_panes_ms"), "")
	add("keystroke → panes, typical handshake, median", ms("edit.median_ms"), "≤ 0.5 ms")
	add("keystroke → panes, typical handshake, p95", ms("edit.p95_ms"), "≤ 1.5 ms")
	add("keystroke floor: the same measurement, a frame callback that does nothing, median / p95", ms("edit.floor_median_ms")+" / "+ms("edit.floor_p95_ms"), "")
	add("the render of a keystroke (Go and DOM): tight loop / animation frame / second in a frame", ms("render.hot_ms")+" / "+ms("render.frame_ms")+" / "+ms("render.frame_second_ms"), "")
	add("the render of an unchanged request (no DOM writes), once a frame", ms("render.frame_unchanged_ms"), "")
	add("keystroke → panes, 64 KiB request", ms("edit.64KiB_ms"), "≤ 30 ms")
	add("keystroke → panes, 256 KiB request", ms("edit.256KiB_ms"), "bounded")
	add("keystroke → panes, 1 MiB request", ms("edit.1MiB_ms"), "bounded")
	for _, c := range [][3]string{{"typical", "typical handshake", "≤ 16 ms"}, {"64KiB", "64 KiB request", "≤ 50 ms"}, {"256KiB", "256 KiB request", "≤ 150 ms"}} {
		add("typing, a real key → the answer painted, "+c[1]+": p50 / p95 (main-thread CPU a key)",
			ms("typing."+c[0]+"_p50_ms")+" / "+ms("typing."+c[0]+"_p95_ms")+" ("+ms("typing."+c[0]+"_cpu_ms")+")", "p95 "+c[2])
	}
	add("typing floor: a textarea nothing listens to, p50 / p95", ms("typing.floor_p50_ms")+" / "+ms("typing.floor_p95_ms"), "")
	mem := "?"
	if figs["memory_mib"] != "" {
		mem = figs["memory_mib"] + " MiB"
	}
	add(".wasm memory after 1,000 renders", mem, "≤ 16 MiB")
	e, g := median(ns["engine"]), median(ns["gorilla"])
	add("engine.Negotiate, typical WebSocket handshake (native)", fmt.Sprintf("%.0f ns/op, %.0f allocs/op", e, median(allocs["engine"])), "")
	add("net/http.ReadRequest + gorilla Upgrade, same bytes", fmt.Sprintf("%.0f ns/op, %.0f allocs/op", g, median(allocs["gorilla"])), "")
	ratio := "?"
	if g > 0 {
		ratio = strconv.FormatFloat(e/g, 'f', 2, 64) + "×"
	}
	add("ratio engine / gorilla", ratio, "≤ 1.00×")

	for _, lh := range lighthouseAll(*lhRuns) {
		add("Lighthouse, "+lh.form+": performance / accessibility / best practices / SEO", lh.scores, lh.budget)
	}

	fmt.Println("| Measure | Figure | Budget |")
	fmt.Println("| --- | --- | --- |")
	for _, r := range rows {
		fmt.Printf("| %s | %s | %s |\n", r[0], r[1], r[2])
	}
	if !ok {
		os.Exit(1)
	}
}

// run runs a command, streaming nothing, and returns its combined output.
func run(name string, args ...string) (string, error) {
	fmt.Fprintln(os.Stderr, "bench: "+name+" "+strings.Join(args, " "))
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "PLAYGROUND_BENCH=1") // the full sample sizes
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	err := cmd.Run()
	if err != nil {
		sc := bufio.NewScanner(bytes.NewReader(b.Bytes()))
		for sc.Scan() {
			if l := sc.Text(); strings.Contains(l, "FAIL") || strings.Contains(l, "_test.go:") && !strings.Contains(l, "bench:") {
				fmt.Fprintln(os.Stderr, "  "+l)
			}
		}
	}
	return b.String(), err
}

// median of a sample (0 when empty).
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
