// Loads main.wasm the way site/app.js loads the playground's (compiled
// by site/boot.js, which floorSite copies here).
"use strict";
(() => {
  let resolve;
  const pg = { ready: new Promise((r) => { resolve = r; }) };
  pg._started = () => { pg.readyAt = performance.now(); resolve(pg); };
  globalThis.playground = pg;
  const go = new Go();
  const boot = globalThis.__playgroundModule;
  (boot && boot.then ? boot : new Promise((r) => { globalThis.__playgroundModule = r; })).then((m) => WebAssembly.instantiate(m, go.importObject)).then((instance) => {
    pg.compiledAt = performance.now();
    return go.run(instance);
  });
})();
