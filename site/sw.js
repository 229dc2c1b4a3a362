// sw.js is the service worker that keeps the playground working offline
// after one visit (docs/architecture.md, "Working offline").
//
// A worker may control only the pages under its script's folder, site/,
// unless the server sends a Service-Worker-Allowed header that allows a
// wider scope. app.js registers it with the root as its scope (the folder
// of index.html, one level up) and, when the host refuses that (no
// header: a plain static host), with site/. So it serves the root
// index.html, for a navigation to the root folder or to index.html, where
// its scope is the root, and site/offline.html (the same page, for the
// folder site/) whatever its scope; both are in its list of files.
//
// It caches exactly the files that sw-assets.js lists, which ./build.sh
// writes with each file's SHA-256, in a cache named after their version:
//  - install: every file is fetched afresh and checked against its hash
//    (fetch's integrity), and nothing is cached unless all arrive intact:
//    a half-deployed site (a new list, an old file) fails the install and
//    the current version stays;
//  - a worker answers only from its own version's cache, so a page is never
//    served a mix of versions;
//  - a new version installs in the background and waits while a page of
//    the old one is open; app.js asks it to take over once its page has
//    loaded everything, which it does when no other page of the scope is
//    open: the next load is the new version's (see takeOver);
//  - activate: the caches of other versions are deleted.
"use strict";
importScripts("sw-assets.js");

const PREFIX = "upgrade-playground-";
const CACHE = PREFIX + self.OFFLINE_ASSETS.version;
// The files' URLs, absolute, and their integrity metadata.
const FILES = new Map(self.OFFLINE_ASSETS.files.map(([url, integrity]) => [new URL(url, self.location).href, integrity]));
// The root folder's URL is index.html's page (the list has "../index.html"),
// as a static host answers it.
const ROOT = new URL("../", self.location).href;
const INDEX = new URL("index.html", ROOT).href;

self.addEventListener("install", (event) => event.waitUntil(precache()));

async function precache() {
  // Fetch them all before caching any: bypassing the HTTP cache's stale
  // copies (no-cache revalidates), each checked against its hash.
  const files = await Promise.all([...FILES].map(async ([url, integrity]) => {
    const res = await fetch(url, { cache: "no-cache", integrity });
    if (!res.ok) throw new Error("offline copy: " + url + ": HTTP " + res.status);
    // Kept as its bytes and type only: no Content-Encoding or
    // Content-Length of the transfer (the body is already decoded).
    const headers = { "Content-Type": res.headers.get("Content-Type") || "application/octet-stream" };
    return [url, new Response(await res.arrayBuffer(), { headers })];
  }));
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(files.map(([url, res]) => cache.put(url, res)));
  } catch (err) {
    await caches.delete(CACHE); // a partial cache (storage full) is never used
    throw err;
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) =>
    Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)))));
});

// Only this version's files are answered, from its cache; every other
// request goes to the network as if there were no worker. The root
// folder's URL, without a query, is index.html. A request with a query is
// not a file of the list: it goes to the network.
self.addEventListener("fetch", (event) => {
  const req = event.request;
  let url = req.url.split("#")[0]; // a navigation's URL may keep its fragment
  if (url === ROOT) url = INDEX;
  if (req.method !== "GET" || !FILES.has(url)) return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(url))
    .then((hit) => hit || fetch(req)));
});

// takeOver: a page that has loaded everything it needs (app.js, after
// playground.ready) asks a waiting version to take over. It does when no
// other page of its scope is open, so that no page of the old version can
// still be loading; the asking page keeps what it has loaded and fetches
// nothing more. skipWaiting does nothing in a worker that is already
// active.
self.addEventListener("message", (event) => {
  if (event.data === "take-over") event.waitUntil(takeOver(event.source));
});

async function takeOver(asker) {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const others = pages.filter((c) => c.url.startsWith(self.registration.scope) && !(asker && c.id === asker.id));
  if (others.length === 0) await self.skipWaiting();
}
