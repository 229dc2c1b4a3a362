// Package browser holds the playground's browser tests, run by go test:
// the built page (the repository root after ./build.sh, served by
// site/serve/static on 127.0.0.1) driven in headless Chromium (started
// by site/browsertest) through chromedp, with the harness they share; the
// page's transfer-size budget and the import boundaries of the engine and
// of the .wasm; and the load, keystroke and memory measurements that
// ./build.sh bench collects.
//
// Without Chromium the browser tests skip, except under CI=true, where
// they fail. They build the site first when site/main.wasm is missing or
// stale. Every wait is for a condition in the page, never for a duration,
// and no timing is asserted, so a loaded machine does not fail them.
package browser
