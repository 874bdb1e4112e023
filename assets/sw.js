// Safeguarding Check service worker: makes the app work offline after one visit.
//
// The build (scripts/precache.mjs, a Trunk post_build hook) replaces the
// PRECACHE line below with every file of the release dist and a content hash
// of each, so any change to any file gives a new worker and a new cache.
// All URLs are relative to this file, so the app works under any subpath.

const PRECACHE = []; // replaced at build time
const VERSION = 'dev'; // replaced at build time

const CACHE_PREFIX = 'safeguarding-check-';
const CACHE_NAME = `${CACHE_PREFIX}${VERSION}`;
const SHELL_URL = new URL('./index.html', self.registration.scope).href;
const precachedUrls = new Set(PRECACHE.map((entry) => new URL(entry.url, self.registration.scope).href));
// Trunk gives every asset a content-hashed name, so a name alone identifies a file.
const urlByFileName = new Map([...precachedUrls].map((url) => [url.slice(url.lastIndexOf('/') + 1), url]));

// A file whose name carries a hash of its content (Trunk's `name-<hex>.ext` and
// `name-<hex>_bg.wasm`, the bank's `questions-<hex>.json`; the build marks
// them `immutable` in PRECACHE) never changes under that name. So a
// copy the browser already holds is that file: the one the page downloaded a
// moment ago (in the HTTP cache), or an older version's offline copy. Reusing
// them means a first visit downloads each file once, not twice, and an update
// downloads only the files that changed. Other files (index.html, the manifest,
// the icons) are asked for again, which costs a 304 where nothing changed.
const immutableUrls = new Set(PRECACHE.filter((entry) => entry.immutable).map((entry) => new URL(entry.url, self.registration.scope).href));
const isImmutable = (url) => immutableUrls.has(url);

async function fetchForCache(url) {
  const held = isImmutable(url) ? await caches.match(url) : undefined;
  const response = held ?? (await fetch(url, { cache: isImmutable(url) ? 'force-cache' : 'no-cache' }));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // A host that redirects (/index.html to /, say) gives a redirected response,
  // which a browser refuses to use for a page load: keep only its content.
  return response.redirected ? new Response(await response.blob(), { headers: response.headers }) : response;
}

// Install is all or nothing: any file that fails (a 404 included) rejects it,
// so a broken deploy never activates and the old version keeps serving.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      try {
        const responses = await Promise.all([...precachedUrls].map(fetchForCache));
        await Promise.all([...precachedUrls].map((url, i) => cache.put(url, responses[i])));
      } catch (error) {
        // Leave nothing half-filled behind; the old version's cache is untouched.
        await caches.delete(CACHE_NAME);
        throw error;
      }
    })(),
  );
  // No skipWaiting here: a new version waits until the person chooses to reload.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME).map((name) => caches.delete(name)),
      );
      // Take control of the page that installed us on its first visit, so it works offline at once.
      await self.clients.claim();
    })(),
  );
});

// The page asks for this only after the person taps "Reload".
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !request.url.startsWith(self.registration.scope)) return;

  if (request.mode === 'navigate') {
    // Any page in scope (a shared quiz link, a deep link) gets the app shell.
    event.respondWith(fromCache(SHELL_URL).then((hit) => hit || fetch(request)));
    return;
  }
  const exact = url.origin + url.pathname;
  const precached = precachedUrls.has(exact)
    ? exact
    : urlByFileName.get(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
  if (precached) {
    event.respondWith(fromCache(precached).then((hit) => hit || fetch(request)));
  }
});

async function fromCache(url) {
  const cache = await caches.open(CACHE_NAME);
  return cache.match(url);
}
