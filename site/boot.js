// boot.js starts compiling the engine's WebAssembly as soon as it is
// fetched, while the browser still parses, styles and lays out the page.
// It is async, so it never holds up the parser (the request text shows at
// once), and app.js, which is deferred, runs only after the page is parsed:
// a compilation started there began 100–200 ms later on a 2-core machine
// (README, Performance). It fetches the .wasm the page preloads (the link
// rel=preload as=fetch: one request serves both) and hands the compiled
// module's promise to app.js, which instantiates it with wasm_exec.js's
// imports and reports any failure. Either script may run first: the one
// that runs second completes the hand-over (globalThis.__playgroundModule
// holds the promise, or app.js's function waiting for it).
"use strict";
(() => {
  const compile = () => {
    if (typeof WebAssembly !== "object") return Promise.reject(new Error("WebAssembly is not available"));
    const link = document.querySelector('link[rel="preload"][as="fetch"]');
    if (!link) return Promise.reject(new Error("the page preloads no .wasm"));
    const url = link.href;
    const viaBuffer = () => fetch(url).then((r) => {
      if (!r.ok) throw new Error("fetching " + url + ": HTTP " + r.status);
      return r.arrayBuffer();
    }).then((b) => WebAssembly.compile(b));
    // compileStreaming needs Content-Type: application/wasm; a static host
    // without it still works through the buffer.
    return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetch(url)).catch(viaBuffer) : viaBuffer();
  };
  const module = compile();
  module.catch(() => { /* app.js reports it */ });
  const waiting = globalThis.__playgroundModule;
  globalThis.__playgroundModule = module;
  if (typeof waiting === "function") waiting(module);
})();
