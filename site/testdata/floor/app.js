// Loads main.wasm the way site/app.js loads the playground's.
"use strict";
(() => {
  let resolve;
  const pg = { ready: new Promise((r) => { resolve = r; }) };
  pg._started = () => { pg.readyAt = performance.now(); resolve(pg); };
  globalThis.playground = pg;
  const go = new Go();
  WebAssembly.instantiateStreaming(fetch("main.wasm"), go.importObject).then((r) => {
    pg.compiledAt = performance.now();
    return go.run(r.instance);
  });
})();
