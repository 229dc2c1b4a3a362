// boot.js fetches and compiles the engine's WebAssembly once the browser
// has rendered the page's first frame, and hands the compiled module's
// promise to app.js, which instantiates it with wasm_exec.js's imports and
// reports any failure.
//
// The .wasm's URL is this script's data-wasm attribute, relative to the
// page. The first frame needs only the HTML and the style sheets; a
// megabyte of WebAssembly downloaded before it competes with them for the
// network, and Lighthouse's simulation of a phone on a slow network counts
// a download that ended before the first paint as needed for it
// (docs/performance.md, "Lighthouse"). A page that is not visible renders
// no frame, so it starts at once, and any page within three seconds.
//
// The script is async, so it never holds up the parser, while app.js is
// deferred; either may run first, and the one that runs second completes
// the hand-over (globalThis.__playgroundModule holds the promise, or
// app.js's function waiting for it).
"use strict";
(() => {
  const script = document.currentScript;
  const compile = () => {
    if (typeof WebAssembly !== "object") return Promise.reject(new Error("WebAssembly is not available"));
    const ref = script && script.getAttribute("data-wasm");
    if (!ref) return Promise.reject(new Error("site/boot.js names no .wasm (its data-wasm attribute)"));
    const url = new URL(ref, document.baseURI).href;
    const viaBuffer = () => fetch(url).then((r) => {
      if (!r.ok) throw new Error("fetching " + url + ": HTTP " + r.status);
      return r.arrayBuffer();
    }).then((b) => WebAssembly.compile(b));
    // compileStreaming needs Content-Type: application/wasm; a static host
    // without it still works through the buffer.
    return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetch(url)).catch(viaBuffer) : viaBuffer();
  };
  const afterFirstFrame = new Promise((resolve) => {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      document.removeEventListener("visibilitychange", start);
      resolve();
    };
    if (document.visibilityState !== "visible") { start(); return; }
    document.addEventListener("visibilitychange", start);
    setTimeout(start, 3000);
    // A frame's callbacks run before its paint, so a task they queue runs
    // after it.
    requestAnimationFrame(() => setTimeout(start, 0));
  });
  const module = afterFirstFrame.then(compile);
  module.catch(() => { /* app.js reports it */ });
  const waiting = globalThis.__playgroundModule;
  globalThis.__playgroundModule = module;
  if (typeof waiting === "function") waiting(module);
})();
