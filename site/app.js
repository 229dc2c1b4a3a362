// app.js boots the WebAssembly engine; everything else is Go (wasm/).
// It creates globalThis.playground with its `ready` Promise; the Go program
// fills in run() and examples() and resolves `ready` by calling
// __playgroundStarted() once the first render is done.
"use strict";
(() => {
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  const pg = { ready };
  globalThis.playground = pg;
  globalThis.__playgroundStarted = () => {
    delete globalThis.__playgroundStarted;
    pg.readyAt = performance.now(); // every pane is rendered: ms since navigation start, for measurements
    resolveReady(pg);
  };

  // The DOM program of wasm/render (Encode and Patch): _mount(el, spec)
  // replaces el's children with the nodes spec describes, and
  // _patch(el, spec) changes them in place (only what differs), returning
  // false when the DOM does not hold what the patch expects (the adapter
  // then mounts the whole pane). One call from Go per pane instead of one
  // per node. Nodes are created with DOM APIs; innerHTML is set only from
  // an H record, which holds goldmark's output.
  let exports = null; // the module's exports, once it is instantiated
  const SVG = "http://www.w3.org/2000/svg";
  const run = (root, spec) => {
    const stack = [root];
    let replace = -1;
    const add = (top, node) => {
      if (replace < 0) { top.appendChild(node); return; }
      const old = top.childNodes[replace];
      replace = -1;
      if (!old) throw new Error("no child to replace");
      top.replaceChild(node, old);
    };
    for (const rec of spec.split("\0")) {
      if (rec === "") continue;
      const top = stack[stack.length - 1];
      const v = rec.slice(1);
      switch (rec[0]) {
        case "E": {
          const e = top.namespaceURI === SVG || v === "svg" ? document.createElementNS(SVG, v) : document.createElement(v);
          add(top, e);
          stack.push(e);
          break;
        }
        case "T": add(top, document.createTextNode(v)); break;
        case "A": {
          const i = v.indexOf("\x01");
          top.setAttribute(v.slice(0, i), v.slice(i + 1));
          break;
        }
        case "X": top.removeAttribute(v); break;
        case "H": top.innerHTML = v; break;
        case "C": if (stack.length > 1) stack.pop(); break;
        case "D": {
          const c = top.childNodes[+v];
          if (!c || c.nodeType !== Node.ELEMENT_NODE) throw new Error("no element to descend to");
          stack.push(c);
          break;
        }
        case "S": {
          const i = v.indexOf("\x01");
          const c = top.childNodes[+v.slice(0, i)];
          if (!c || c.nodeType !== Node.TEXT_NODE) throw new Error("no text node to set");
          c.data = v.slice(i + 1);
          break;
        }
        case "R": replace = +v; break;
        case "K": for (const n = +v; top.childNodes.length > n;) top.lastChild.remove(); break;
      }
    }
  };
  Object.defineProperty(pg, "_mount", {
    value: (el, spec) => {
      const frag = document.createDocumentFragment();
      run(frag, spec);
      el.replaceChildren(frag);
    },
  });
  // The render of a keystroke: the module's export playground_render, the
  // same render as _render without syscall/js's dispatch of a js.Func
  // (wasm/main.go, renderFrame); also for measurements
  // (site/browser/perf_browser_test.go).
  const renderFrame = () => {
    if (exports && typeof exports.playground_render === "function") exports.playground_render();
    else pg._render();
  };
  Object.defineProperty(pg, "_renderFrame", { value: renderFrame });
  Object.defineProperty(pg, "_patch", {
    value: (el, spec) => {
      try { run(el, spec); return true; } catch (e) { return false; }
    },
  });

  // The editor's input events, one render per animation frame: the Go
  // program sets _render when it is running (wasm/main.go, wire); until
  // then its first render reads the editor as it is.
  let renderQueued = false;
  // index.html prerenders the overlay, which draws the request's text over
  // the textarea's (style.css). Until the engine renders, or when it cannot
  // start, the textarea draws its own text: an edit empties the overlay.
  const dropOverlay = () => {
    const o = document.getElementById("request-overlay");
    if (o) o.textContent = "";
  };
  document.getElementById("request").addEventListener("input", () => {
    if (typeof pg._render !== "function") dropOverlay();
    if (renderQueued || typeof pg._render !== "function") return;
    renderQueued = true;
    requestAnimationFrame(() => {
      renderQueued = false;
      renderFrame();
    });
  });

  const fail = (err) => {
    const msg = "The playground's engine could not start: " + (err && err.message ? err.message : String(err)) +
      ". It needs a browser with WebAssembly; your request text is still here.";
    const banner = document.getElementById("error-banner");
    if (banner) { banner.textContent = msg; banner.hidden = false; }
    const status = document.getElementById("status");
    if (status) status.textContent = msg;
    dropOverlay();
    rejectReady(err);
  };

  if (typeof WebAssembly !== "object" || typeof Go !== "function") {
    fail(new Error("WebAssembly is not available"));
    return;
  }
  const go = new Go();
  // The collector's pacing (read by the Go runtime at start): with Go's
  // default, a collection each time the heap doubles, a keystroke's few
  // tens of KB of garbage bring a collection every few keystrokes, a pause
  // of milliseconds on the page's only thread. Here the heap may grow to
  // 12 MiB first, so a collection comes every few hundred keystrokes and
  // the .wasm's memory stays within its 16 MiB budget; a larger live
  // heap (a huge paste) falls back on GOGC's pacing.
  go.env = { GOGC: "400", GOMEMLIMIT: "12MiB" };
  // The module boot.js began compiling while the page was parsed; boot.js
  // is async, so it may run after this script: then it calls the
  // function left here.
  new Promise((resolve, reject) => {
    const boot = globalThis.__playgroundModule;
    if (boot && typeof boot.then === "function") { resolve(boot); return; }
    globalThis.__playgroundModule = resolve;
    // The load event comes after every async script has run or failed.
    addEventListener("load", () => reject(new Error("site/boot.js did not run")));
  })
    .then((module) => WebAssembly.instantiate(module, go.importObject))
    .then((instance) => {
      pg.compiledAt = performance.now(); // the module is compiled and instantiated
      exports = instance.exports;
      pg.memoryBytes = () => exports.mem.buffer.byteLength; // the .wasm's memory (its budget: 16 MiB)
      return go.run(instance).then(() => fail(new Error("the engine stopped")));
    })
    .catch(fail);

  // Offline: site/sw.js keeps the playground's files so that the page
  // opens without a network after one visit (docs/architecture.md, Working
  // offline). The worker is registered when the page is ready and idle
  // (its install fetches and stores the whole site), only where the browser
  // has service workers and the page came over http(s), and not in an embed
  // (embed=1, which must not need one). Its scope is the root, the folder
  // of index.html, where the host allows it (a Service-Worker-Allowed
  // header on sw.js: ./build.sh serve sends it); then this page itself
  // opens offline. A plain static host sends no such header, and the
  // browser refuses that scope (a SecurityError); the worker's scope is
  // then its own folder, site/, which cannot control the root index.html,
  // so the root page offers to open the offline copy, site/offline.html.
  // The header is read first, with a HEAD request of sw.js: that costs
  // each visit one small request, after the page is ready and idle, on
  // every host; it spares a plain host the refused registration (a full
  // fetch of sw.js), and it tells when a host that allowed the root stops.
  // Nothing here may break the page: any failure leaves it as it is.
  const worker = document.currentScript ? new URL("sw.js", document.currentScript.src) : null;
  const registerOffline = () => {
    try {
      if (!worker || !/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator)) return;
      if (document.body.hasAttribute("data-embed")) return;
      const sw = navigator.serviceWorker;
      const rootScope = new URL("../", worker).href;
      const siteScope = new URL("./", worker).href;
      const register = (scope) => sw.register(worker.href, { scope, updateViaCache: "none" });
      // The registration whose scope is exactly this one, if any, is
      // removed: two registrations would each keep a version, and a page
      // is controlled by the narrower.
      const unregister = (scope) => sw.getRegistration(scope).then((reg) => { if (reg && reg.scope === scope) return reg.unregister(); });
      // A waiting version takes over once this page, which has loaded
      // everything, asks (sw.js, takeOver).
      const takeOver = (w) => { if (w) w.postMessage("take-over"); };
      const whenActive = (reg) => new Promise((resolve) => {
        const w = reg.installing || reg.waiting;
        if (reg.active || !w) { resolve(); return; }
        w.addEventListener("statechange", () => { if (w.state === "activated") resolve(); });
      });
      // Whether the host allows the root: its header on sw.js, read with
      // a HEAD request; null when that fails (offline, or a host that
      // refuses HEAD).
      const rootAllowed = () => fetch(worker.href, { method: "HEAD", cache: "no-store" }).then((res) => {
        if (!res.ok) return null;
        const allowed = res.headers.get("Service-Worker-Allowed");
        return allowed !== null && rootScope.startsWith(new URL(allowed, worker).href);
      }, () => null);
      rootAllowed().then((allowed) => {
        if (allowed === false) {
          // A registration with the root as scope, from a visit when the
          // host allowed it, goes: the browser would refuse every update
          // of its script, and the root page would keep that version for
          // good. (Registering the root again would revive it.)
          return unregister(rootScope).catch(() => {}).then(() => register(siteScope));
        }
        return register(rootScope).then((reg) => {
          // site/ from a visit when the host did not allow the root.
          unregister(siteScope).catch(() => {});
          return reg;
        }, (err) => {
          // Refused: the check failed (offline, no HEAD) and the host
          // does not allow the root after all.
          if (!err || err.name !== "SecurityError") throw err;
          return register(siteScope);
        });
      }).then((reg) => {
        takeOver(reg.waiting);
        reg.addEventListener("updatefound", () => {
          const w = reg.installing;
          if (w) w.addEventListener("statechange", () => { if (w.state === "installed") takeOver(w); });
        });
        return whenActive(reg).then(() => {
          // The note is for a page out of the worker's scope: the root
          // page when the scope is site/.
          const note = document.getElementById("offline-note");
          if (!note || location.href.startsWith(reg.scope)) return;
          note.hidden = false;
          // The offline copy opens with this page's current state.
          const open = note.querySelector("button");
          if (open) open.addEventListener("click", () => location.assign(new URL("offline.html", worker).href + location.hash));
        });
      }).catch(() => { /* no offline copy; the page works as before */ });
    } catch (e) { /* e.g. a sandboxed frame, where navigator.serviceWorker throws */ }
  };
  const whenIdle = (f) => (typeof requestIdleCallback === "function" ? requestIdleCallback(() => f(), { timeout: 5000 }) : setTimeout(f, 500));
  ready.then(() => whenIdle(registerOffline), () => { /* fail() reported it */ });

  // Theme: prefers-color-scheme by default; the toggle overrides it.
  const applyTheme = (t) => {
    if (t) document.documentElement.dataset.theme = t; else delete document.documentElement.dataset.theme;
    const btn = document.getElementById("theme-toggle");
    if (btn) btn.setAttribute("aria-pressed", t === "dark" ? "true" : "false");
  };
  try { applyTheme(localStorage.getItem("upgrade-playground.theme")); } catch (e) { /* storage off */ }
  document.addEventListener("DOMContentLoaded", () => {
    const btn = document.getElementById("theme-toggle");
    if (!btn) return;
    btn.addEventListener("click", () => {
      const dark = document.documentElement.dataset.theme
        ? document.documentElement.dataset.theme === "dark"
        : matchMedia("(prefers-color-scheme: dark)").matches;
      const t = dark ? "light" : "dark";
      applyTheme(t);
      try { localStorage.setItem("upgrade-playground.theme", t); } catch (e) { /* storage off */ }
    });
  });
})();
