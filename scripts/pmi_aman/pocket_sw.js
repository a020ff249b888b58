/* PMI Aman's service worker, one per language edition (sw.js, bjn/sw.js). The build
 * (scripts/pmi_aman/pocket.py) writes it: the line above this comment, POCKET, lists the
 * edition's files (address relative to this script -> content hash), its version (hash of
 * them all), the offline page and the 404 page, and the folders of the other languages.
 *
 * - Files of the edition are answered from the cache; the rest from the network.
 * - The whole edition is stored when a page asks ("save": site.js, automatically unless the
 *   reader's data saver is on, or with the "Simpan" button). A new build brings a new version:
 *   it is installed by copying unchanged files from the old cache and downloading the changed
 *   ones only; the old cache is then deleted.
 * - Never another host, never a response other than 200 (no 404s, no redirects).
 * - A page that is not stored, without network: the offline page with the help contacts.
 *   Once the whole edition is stored, an address that is not in it is the 404 page.
 */
"use strict";

var PREFIX = "pmi-aman-" + POCKET.lang + "-";
var NAME = PREFIX + POCKET.version;
var DONE = new URL("__pmi-pocket-done__", location).href; /* written once the edition is stored */
var SCOPE = new URL("./", location).href;
var FILES = {};
Object.keys(POCKET.files).forEach(function (rel) {
  FILES[new URL(rel, location).href] = POCKET.files[rel];
});
var OFFLINE = new URL(POCKET.offline, location).href;
var NOT_FOUND = new URL(POCKET.notFound, location).href;
var saving = null;

function bare(url) {
  var u = new URL(url);
  u.search = "";
  u.hash = "";
  return u.href;
}

function storable(response) {
  return response && response.status === 200 && response.type === "basic" && !response.redirected;
}

function download(url) {
  return fetch(new Request(url, { cache: "no-cache", credentials: "same-origin" })).then(function (response) {
    if (!storable(response)) throw new Error(url + ": " + response.status);
    return response;
  });
}

function tell(state) {
  return self.clients.matchAll({ includeUncontrolled: true }).then(function (clients) {
    clients.forEach(function (client) {
      client.postMessage({ pmiPocket: state, lang: POCKET.lang, version: POCKET.version });
    });
  });
}

/* The previous version's complete cache of this language and its file list, if any. */
function previous() {
  return caches.keys().then(function (names) {
    var old = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== NAME; });
    return old.reduce(function (found, name) {
      return found.then(function (hit) {
        if (hit) return hit;
        return caches.open(name).then(function (cache) {
          return cache.match(DONE).then(function (done) {
            return done ? done.json().then(function (files) { return { cache: cache, files: files }; }) : null;
          });
        });
      });
    }, Promise.resolve(null));
  });
}

/* Store every file of the edition (copy the unchanged ones from the previous version). */
function save() {
  if (saving) return saving;
  saving = Promise.all([caches.open(NAME), previous()]).then(function (both) {
    var cache = both[0];
    var old = both[1];
    var todo = Object.keys(FILES);
    tell("saving");
    function next() {
      var url = todo.shift();
      if (!url) return null;
      return cache.match(url).then(function (have) {
        if (have) return null;
        var same = old && old.files[url] === FILES[url];
        return (same ? old.cache.match(url) : Promise.resolve(null)).then(function (copy) {
          return copy || download(url);
        }).then(function (response) { return cache.put(url, response); });
      }).then(next);
    }
    return Promise.all([next(), next(), next(), next()]).then(function () {
      return cache.put(DONE, new Response(JSON.stringify(FILES), { headers: { "Content-Type": "application/json" } }));
    });
  }).then(function () {
    saving = null;
    return tell("saved");
  }, function (error) {
    saving = null;
    return tell("none").then(function () { throw error; });
  });
  return saving;
}

function state() {
  if (saving) return Promise.resolve("saving");
  return caches.open(NAME).then(function (cache) { return cache.match(DONE); }).then(function (done) {
    return done ? "saved" : "none";
  });
}

self.addEventListener("install", function (event) {
  self.skipWaiting();
  event.waitUntil(caches.open(NAME).then(function (cache) {
    return Promise.all([OFFLINE, NOT_FOUND].map(function (url) {
      return download(url).then(function (response) { return cache.put(url, response); });
    }));
  }).then(previous).then(function (old) {
    /* The reader had stored the edition: store the new version before it takes over. */
    if (old) return save();
    return null;
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== NAME;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  var reply = function (value) {
    if (event.source) event.source.postMessage({ pmiPocket: value, lang: POCKET.lang, version: POCKET.version });
  };
  if (event.data === "save") event.waitUntil(save().catch(function () { return null; }));
  else if (event.data === "state") event.waitUntil(state().then(reply));
});

/* The offline page, with its link home pointing at this edition's home page. */
function offlinePage(cache) {
  return cache.match(OFFLINE).then(function (page) {
    if (!page) return Response.error();
    return page.text().then(function (html) {
      return new Response(html.replace('href="./"', 'href="' + SCOPE + '"'), {
        headers: { "Content-Type": "text/html; charset=utf-8" },
      });
    });
  });
}

function answer(request, url, navigation) {
  return caches.open(NAME).then(function (cache) {
    return cache.match(url).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        /* A file the reader opened (a PDF, a page not stored yet) is kept until the next version. */
        if (storable(response) && !/\.zip$/.test(url)) cache.put(url, response.clone());
        return response;
      }, function () {
        if (!navigation) return Response.error();
        return cache.match(DONE).then(function (done) {
          if (done && url.indexOf(SCOPE) === 0 && !FILES[url]) {
            return cache.match(NOT_FOUND).then(function (page) {
              return page ? new Response(page.body, { status: 404, headers: page.headers }) : offlinePage(cache);
            });
          }
          return offlinePage(cache);
        });
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = bare(request.url);
  if (url.indexOf(location.origin + "/") !== 0) return; /* never another host */
  var navigation = request.mode === "navigate";
  if (navigation) {
    if (url.indexOf(SCOPE) !== 0) return;
    var rel = url.slice(SCOPE.length);
    /* Another language's pages belong to its own service worker: not stored here. */
    if (POCKET.others.some(function (folder) { return rel.indexOf(folder) === 0; })) {
      event.respondWith(fetch(request).catch(function () { return caches.open(NAME).then(offlinePage); }));
      return;
    }
  }
  event.respondWith(answer(request, url, navigation));
});
