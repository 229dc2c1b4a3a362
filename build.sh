#!/usr/bin/env bash
# build.sh — build, serve and test the Upgrade Playground. Only Go is needed.
#
#   ./build.sh          build site/main.wasm (+ .gz, .br), site/wasm_exec.js and site/sw-assets.js
#   ./build.sh serve    build, then serve the repository root on 127.0.0.1:${PORT:-8080}
#   ./build.sh test     gofmt, go vet (native and js/wasm), import boundaries, build, go test ./...,
#                       the safejs copy's tests, fuzzing
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
	# -gcflags=all=-l turns inlining off: the .wasm is about 130 KB smaller
	# with gzip (docs/performance.md, "Size"), for a negotiation that takes
	# about 2 µs longer, far below a frame.
	GOOS=js GOARCH=wasm "$GO" build -trimpath -gcflags=all=-l -ldflags='-s -w' -o site/main.wasm.new ./wasm
	# Join the data segments the linker split at every run of zeros: the
	# same memory, smaller compressed (site/wasmpack).
	"$GO" run ./site/wasmpack site/main.wasm.new
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
	# Precompressed copies, served with Content-Encoding by site/serve.
	"$GO" run ./site/compress site/main.wasm
	# The service worker's list of files with their hashes, from the built
	# site (site/offline; the offline copy, docs/architecture.md).
	"$GO" run ./wasm/gen -assets
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
	# The rules are written once, in site/browser/deps_test.go.
	"$GO" test -count=1 -run '^TestImportBoundaries' ./site/browser
	echo "== build"
	build
	echo "== test peers (npm ci in engine/peers)"
	peers
	ls -l site/main.wasm site/main.wasm.gz site/main.wasm.br
	echo "== go test ./..."
	local log
	log=$(mktemp)
	# go test's own timeout (10 minutes by default) is only a safety net for
	# a hung test: on a loaded machine the browser tests alone can take
	# longer than that.
	"$GO" test -timeout 60m $("$GO" list ./... | grep -v -e /engine/srvpeer -e /engine/clientpeer) 2>&1 | tee "$log"
	echo "== the real peers: server profiles (engine/srvpeer) and clients (engine/clientpeer)"
	# Run verbosely for their agreement lines, which are printed; the whole
	# output only when a test fails.
	local peerlog
	peerlog=$(mktemp)
	if ! "$GO" test -v -timeout 30m ./engine/srvpeer ./engine/clientpeer >"$peerlog" 2>&1; then
		cat "$peerlog"
		exit 1
	fi
	grep -E '^(srvpeer summary|clientpeer summary|ok)|SKIPPED' "$peerlog" | tee -a "$log"
	rm -f "$peerlog"
	echo "== safejs (wasm/third_party/safejs)"
	test_safejs
	echo "== fuzz (each target ${FUZZTIME:-500x})"
	fuzz_all
	# One closing line for CI: the packages whose tests passed.
	echo "packages: $(grep -c '^ok' "$log") passed, 0 failed"
	rm -f "$log"
}

# peers installs the test-only JavaScript peers (Node's ws, axe-core) from
# engine/peers/package-lock.json, exactly as locked. Without npm the tests
# that need them skip with a message, except under CI=true, where they fail.
peers() {
	if ! command -v npm >/dev/null; then
		if [[ ${CI:-} == true ]]; then
			echo "FAIL: CI=true but npm is not installed: the ws and axe-core tests need it (apt-get install -y npm)" >&2
			exit 1
		fi
		echo "SKIPPED: npm is not installed, so Node's ws and axe-core were not installed"
		return
	fi
	npm ci --prefix engine/peers --no-audit --no-fund --loglevel=error
}

# test_safejs vets and tests the copy of safejs in wasm/third_party/safejs,
# a module of its own that go vet ./... and go test ./... do not reach:
# natively, then for js/wasm under Node through Go's go_js_wasm_exec.
# Without Node the js/wasm tests are skipped with a message, as the
# browser tests are without Chromium, except under CI=true.
test_safejs() {
	local dir=wasm/third_party/safejs root
	root=$("$GO" env GOROOT)
	(cd "$dir" && "$GO" vet ./... && GOOS=js GOARCH=wasm "$GO" vet ./... && "$GO" test ./...)
	if ! command -v node >/dev/null; then
		if [[ ${CI:-} == true ]]; then
			echo "FAIL: CI=true but Node is not installed: the js/wasm tests of $dir need it (apt-get install -y nodejs)" >&2
			exit 1
		fi
		echo "SKIPPED: Node is not installed, so the js/wasm tests of $dir did not run (apt-get install -y nodejs)"
		return
	fi
	local exec_dir=$root/lib/wasm
	[[ -f $exec_dir/go_js_wasm_exec ]] || exec_dir=$root/misc/wasm
	(cd "$dir" && PATH="$exec_dir:$PATH" GOOS=js GOARCH=wasm "$GO" test ./...)
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
	exec "$GO" run ./site/serve -addr "127.0.0.1:${PORT:-8080}" -root .
	;;
test)
	test_all
	;;
bench)
	build
	"$GO" run ./site/bench
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
