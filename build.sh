#!/usr/bin/env bash
# build.sh — build, serve and test the Upgrade Playground. Only Go is needed.
#
#   ./build.sh          build site/main.wasm (+ .gz, .br), site/wasm_exec.js and site/sw-assets.js
#   ./build.sh serve    build, then serve the repository root on 127.0.0.1:${PORT:-8080}
#   ./build.sh test     gofmt, go vet (native and js/wasm), import boundaries, build, go test ./...
#   ./build.sh update   regenerate every generated file and rewrite the golden files
#   ./build.sh bench    measure size, load, keystroke, memory and engine-vs-gorilla: one table
#   ./build.sh fuzz     run every fuzz target for ${FUZZTIME:-500x} (test runs it too)
set -euo pipefail
cd "$(dirname "$0")"

GO=${GO:-go}

build() {
	# Every generated file (wasm/gen): the notes' markdown compiled to HTML
	# ahead of time, so goldmark stays out of the .wasm; the examples gallery
	# as Go, so the page starts without parsing it; index.html's prerendered
	# sections and docs/links.md's settings table.
	"$GO" generate ./...
	# Build to a temporary file and replace site/main.wasm only when it
	# changed, so that the (slow) precompression below can be skipped.
	GOOS=js GOARCH=wasm "$GO" build -trimpath -ldflags='-s -w' -o site/main.wasm.new ./wasm
	if cmp -s site/main.wasm.new site/main.wasm 2>/dev/null; then
		rm site/main.wasm.new
	else
		mv site/main.wasm.new site/main.wasm
	fi
	local root
	root=$("$GO" env GOROOT)
	if [[ -f "$root/lib/wasm/wasm_exec.js" ]]; then
		cp "$root/lib/wasm/wasm_exec.js" site/wasm_exec.js
	else
		cp "$root/misc/wasm/wasm_exec.js" site/wasm_exec.js
	fi
	# Precompressed copies, served with Content-Encoding by site/cmd/serve.
	"$GO" run ./site/cmd/compress site/main.wasm
	# The service worker's list of files with their hashes, from the built
	# site (site/offline; the offline copy, docs/architecture.md).
	"$GO" run ./wasm/gen -assets
}

# check_deps fails when the package list on stdin holds a forbidden import.
check_deps() {
	local what=$1 pattern=$2 bad
	bad=$(grep -E "$pattern" || true)
	if [[ -n "$bad" ]]; then
		echo "FAIL: $what depends on:" >&2
		echo "$bad" >&2
		exit 1
	fi
}

test_all() {
	echo "== gofmt"
	local unformatted
	unformatted=$(gofmt -l . | grep -v '^\.cache/' || true)
	if [[ -n "$unformatted" ]]; then
		echo "FAIL: gofmt needed on:" >&2
		echo "$unformatted" >&2
		exit 1
	fi
	echo "== go vet (native)"
	"$GO" vet ./...
	echo "== go vet (js/wasm)"
	GOOS=js GOARCH=wasm "$GO" vet ./wasm/...
	echo "== import boundaries"
	"$GO" list -deps ./engine | check_deps "engine" '^(syscall/js|github.com/hack-pad/safejs|github.com/yuin/goldmark)(/|$)'
	# Nothing from net/*, encoding/json, x/net (but hpack) or goldmark
	# (notes are compiled ahead of time) in the .wasm.
	GOOS=js GOARCH=wasm "$GO" list -deps ./wasm |
		grep -v -E '^golang.org/x/net/http2/hpack$' |
		check_deps "the wasm" '^(net(/|$)|encoding/json$|golang.org/x/net(/|$)|github.com/yuin/goldmark(/|$))'
	echo "== build"
	build
	ls -l site/main.wasm site/main.wasm.gz site/main.wasm.br
	echo "== go test ./..."
	local log
	log=$(mktemp)
	"$GO" test -timeout 25m ./... 2>&1 | tee "$log"
	echo "== fuzz (each target ${FUZZTIME:-500x})"
	fuzz_all
	# One closing line for CI: the packages whose tests passed.
	echo "packages: $(grep -c '^ok' "$log") passed, 0 failed"
	rm -f "$log"
}

# fuzz_all runs every fuzz target of the engine and the views, one at a
# time, for ${FUZZTIME:-500x} each: a count, not a duration, because a
# duration races Go's fuzzing coordinator (go.dev/issue/75804, not fixed in
# Go 1.26: "context deadline exceeded" at the deadline with no failing
# input). go test already runs the seed corpora and the regression inputs
# in testdata/fuzz. A long campaign: FUZZTIME=10m ./build.sh fuzz — there a
# deadline failure that wrote no input is reported as that race, not a
# finding.
fuzz_all() {
	local pkg name out before after
	for pkg in $(grep -l '^func Fuzz' --include='*_test.go' -r engine wasm site | xargs -n1 dirname | sort -u); do
		for name in $("$GO" test -list '^Fuzz' "./$pkg" | grep '^Fuzz'); do
			before=$({ ls "$pkg/testdata/fuzz/$name" 2>/dev/null || true; } | wc -l)
			if ! out=$("$GO" test -run '^$' -fuzz "^$name\$" -fuzztime "${FUZZTIME:-500x}" -parallel "${FUZZPARALLEL:-1}" "./$pkg" 2>&1); then
				after=$({ ls "$pkg/testdata/fuzz/$name" 2>/dev/null || true; } | wc -l)
				if [[ $after == "$before" ]] && grep -q 'context deadline exceeded' <<<"$out"; then
					echo "$pkg $name: stopped by the coordinator race at the deadline (go.dev/issue/75804), no failing input"
					continue
				fi
				echo "$out" >&2
				echo "FAIL: fuzz $pkg $name (the failing input is in $pkg/testdata/fuzz/$name)" >&2
				exit 1
			fi
			echo "$pkg $name: $(grep -E '^fuzz: elapsed' <<<"$out" | tail -1)"
		done
	done
}

case "${1:-build}" in
build)
	build
	;;
serve)
	build
	exec "$GO" run ./site/cmd/serve -addr "127.0.0.1:${PORT:-8080}" -root .
	;;
test)
	test_all
	;;
bench)
	build
	"$GO" run ./site/cmd/bench
	;;
fuzz)
	fuzz_all
	;;
update)
	"$GO" generate ./...
	"$GO" test ./engine ./wasm/ui -run 'Golden' -update
	;;
*)
	echo "usage: $0 [build|serve|test|update|bench|fuzz]" >&2
	exit 2
	;;
esac
