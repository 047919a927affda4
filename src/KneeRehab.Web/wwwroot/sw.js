// KneeRehab's service worker: pages network first with the last copy as the offline fallback, static files
// cache first, and workouts saved offline kept (js/outbox.js) and sent when the connection returns.
//
// Signed-in pages are sent with Cache-Control: no-store so that no browser or proxy HTTP cache keeps health
// data. The Cache API below is not an HTTP cache and no-store does not govern it: these copies are this
// app's own, on the patient's device, and they are deleted whenever someone logs in or out (any POST under
// /identity/), so one account's pages are never shown to the next.
'use strict';

importScripts('/js/outbox.js');

var PAGES = 'kneerehab-pages-v1';
var STATIC = 'kneerehab-static-v1';
// The same policy as Security/SecurityHeaders.cs, for the pages this worker makes itself.
var CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
// A kept page younger than this is not fetched again when a page asks for it to be kept.
var FRESH_MS = 5 * 60 * 1000;

// The files of the pages this worker makes itself (by their plain names; the app's pages link them by
// fingerprinted names such as /js/draft.r301uyvudp.js, which are kept as pages load them).
var SHELL = ['/lib/bootstrap/dist/css/bootstrap.min.css', '/css/site.css', '/js/outbox.js', '/js/offline.js', '/js/draft.js',
  '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon.svg'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(STATIC).then(function (cache) { return cache.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== PAGES && n !== STATIC; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

// The workout form posts to its own page without a handler (the other buttons post to ?handler=...).
function isWorkoutSave(url) {
  return /^\/(log|today|history\/\d+\/edit)$/.test(url.pathname) && !url.searchParams.has('handler');
}

function isStatic(url) {
  return /^\/(css|js|lib|icons)\//.test(url.pathname) || url.pathname === '/favicon.ico' || url.pathname === '/manifest.webmanifest';
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
}

function when(time) {
  return new Date(time).toLocaleString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}

function htmlPage(title, body, status) {
  var html = '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>' + escapeHtml(title) + ' · KneeRehab</title>\n' +
    '<link rel="stylesheet" href="/lib/bootstrap/dist/css/bootstrap.min.css">\n<link rel="stylesheet" href="/css/site.css">\n' +
    '</head>\n<body>\n<header class="site-header"><div class="container site-header-inner"><a class="site-brand" href="/today">KneeRehab</a></div></header>\n' +
    '<main id="main" class="container py-3">\n' + body + '\n</main>\n' +
    '<script src="/js/outbox.js"></script>\n<script src="/js/offline.js"></script>\n<script src="/js/draft.js"></script>\n</body>\n</html>\n';
  return new Response(html, {
    status: status || 200,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' },
  });
}

function countWaiting() {
  return self.KneeRehabOutbox.all().then(function (entries) {
    return entries.filter(function (e) { return e.state === 'waiting'; }).length;
  });
}

function tellPages() {
  return self.clients.matchAll({ includeUncontrolled: true }).then(function (pages) {
    pages.forEach(function (page) { page.postMessage({ type: 'outbox-changed' }); });
  });
}

function sendWaiting(account, token) {
  return self.KneeRehabOutbox.sendAll(account, token).then(function (left) {
    return tellPages().then(function () {
      // Background Sync tries again later when this promise fails.
      if (left > 0) throw new Error(left + ' workouts still waiting');
    });
  });
}

// A workout saved without a connection: kept, and answered by this page instead of the browser's error.
function keepWorkout(request) {
  var copy = request.clone();
  return fetch(request).catch(function () {
    return copy.text().then(function (body) {
      return self.KneeRehabOutbox.put(request.url, body);
    }).then(function (entry) {
      if (self.registration.sync) self.registration.sync.register('send-workouts').catch(function () { return undefined; });
      return Promise.all([countWaiting(), tellPages()]).then(function (results) {
        var count = results[0];
        return htmlPage('Saved on this phone',
          '<h1>Saved on this phone</h1>\n' +
          '<p class="alert alert-info" role="status" data-saved-key="' + escapeHtml(entry.key) + '">Saved on this phone, waiting to be sent (' +
          count + (count === 1 ? ' workout' : ' workouts') + ').</p>\n' +
          '<p>There is no connection just now. Your workout is kept on this phone and sent by itself when the connection ' +
          'returns; sending it twice still counts it once. Keep KneeRehab installed and do not clear its data until then.</p>\n' +
          '<p><a href="/today">Today</a> · <a href="/history">Workout history</a></p>');
      });
    });
  });
}

// Counts log-ins and log-outs: a page fetched before one (a keep request still in flight) is not kept after it.
var generation = 0;

// Not kept: account pages, and the report shared with a physiotherapist (whose device has no log-out to clear it).
function mayKeep(address) {
  return !/^\/(shared|identity)\//i.test(new URL(address).pathname);
}

function keepPage(request, response, fetchedIn) {
  if (fetchedIn !== generation || !mayKeep(request.url)) return Promise.resolve();
  if (!response.ok || response.type !== 'basic' || response.redirected) return Promise.resolve();
  if (!(response.headers.get('Content-Type') || '').startsWith('text/html')) return Promise.resolve();
  return caches.open(PAGES).then(function (cache) { return cache.put(request.url, response); });
}

// The last copy of a page, marked as a copy: the banner goes first in <main>, and data-offline-copy
// tells draft.js to give the form a new idempotency key (the copy's key may already be used).
function offlineCopy(request) {
  return caches.open(PAGES).then(function (cache) { return cache.match(request.url); }).then(function (kept) {
    if (!kept) {
      return htmlPage('Offline', '<h1>You are offline</h1>\n<p role="status">This page was not kept on this phone. ' +
        'Pages you opened online (Today, your program\'s exercise guides, your workout history) open without a connection.</p>\n' +
        '<p><a href="/today">Today</a> · <a href="/history">Workout history</a></p>', 503);
    }
    var from = when(kept.headers.get('Date') || Date.now());
    return kept.text().then(function (html) {
      var banner = '<p class="offline-banner" role="status" data-offline-copy>You are offline: this is the copy from ' + escapeHtml(from) + '.</p>';
      var marked = html.replace(/<main\b[^>]*>/, function (tag) { return tag + '\n' + banner; });
      var headers = new Headers(kept.headers);
      headers.set('Cache-Control', 'no-store');
      return new Response(marked, { status: 200, headers: headers });
    });
  });
}

function page(request) {
  var fetchedIn = generation;
  return fetch(request).then(function (response) {
    keepPage(request, response.clone(), fetchedIn);
    return response;
  }, function () { return offlineCopy(request); });
}

// A fingerprinted file never changes under its name: cache first. A plain name may change with a new
// version of the app: network first, the kept copy without a connection.
function staticFile(request) {
  var fingerprinted = /\.[0-9a-z]{10}\.[a-z]+$/.test(new URL(request.url).pathname);
  return caches.open(STATIC).then(function (cache) {
    function fromNetwork() {
      return fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
    }
    if (!fingerprinted) {
      return fromNetwork().catch(function () {
        return cache.match(request).then(function (kept) { return kept || Response.error(); });
      });
    }
    return cache.match(request).then(function (hit) { return hit || fromNetwork(); });
  });
}

function forgetPages() {
  generation++;
  return caches.delete(PAGES);
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method === 'POST') {
    if (/^\/identity\//i.test(url.pathname)) {
      // Logging in or out: no page of one account outlives it.
      event.respondWith(forgetPages().then(function () { return fetch(request); }));
    } else if (request.mode === 'navigate' && isWorkoutSave(url)) {
      event.respondWith(keepWorkout(request));
    }
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (isStatic(url)) event.respondWith(staticFile(request));
});

// Pages ask for what they link to be kept (the guides of today's program, the history) and for the
// outbox to be sent (on load and on the online event: the fallback where Background Sync is missing).
self.addEventListener('message', function (event) {
  var data = event.data || {};
  var reply = event.ports && event.ports[0];
  var work;
  if (data.type === 'keep') work = keep(data.pages || [], data.files || []);
  else if (data.type === 'send') work = sendWaiting(data.account, data.token).catch(function () { return undefined; });
  else return;
  event.waitUntil(work.then(function () { if (reply) reply.postMessage({ done: true }); }));
});

function keep(pages, files) {
  return caches.open(PAGES).then(function (cache) {
    return Promise.all(pages.map(function (address) {
      return cache.match(address).then(function (kept) {
        var age = kept ? Date.now() - new Date(kept.headers.get('Date') || 0).getTime() : Infinity;
        if (age < FRESH_MS) return undefined;
        var fetchedIn = generation;
        return fetch(address, { credentials: 'same-origin', redirect: 'manual' })
          .then(function (response) { return keepPage(new Request(address), response, fetchedIn); }, function () { return undefined; });
      });
    }));
  }).then(function () {
    return caches.open(STATIC).then(function (cache) {
      return Promise.all(files.map(function (address) {
        return cache.match(address).then(function (hit) { return hit || cache.add(address).catch(function () { return undefined; }); });
      }));
    });
  });
}

self.addEventListener('sync', function (event) {
  if (event.tag === 'send-workouts') event.waitUntil(sendWaiting());
});
