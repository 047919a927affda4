// Workouts saved while offline, kept in IndexedDB until the server has them. Shared by the service
// worker (sw.js imports it) and the page (offline.js, and draft.js when there is no service worker).
// An entry is the workout form exactly as it would have been posted, keyed by its idempotency key, so a
// double tap keeps one entry and a replay the server already has counts once.
(function (scope) {
  'use strict';

  var DB = 'kneerehab';
  var STORE = 'outbox';

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: 'key' }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(STORE, mode);
        var result = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
        transaction.onerror = function () { db.close(); reject(transaction.error); };
      });
    });
  }

  function keyOf(body) {
    return new URLSearchParams(body).get('Input.IdempotencyKey') || '';
  }

  // How one sent workout ended: 'sent' (the server shows the saved workout), 'login' (nobody is logged in,
  // or another account is: its antiforgery check refuses the form with 400, so a workout never lands in
  // someone else's account), 'retry' (no connection or the server is down) or 'refused' (the server gave
  // the form back with its messages: the values need a look, so the entry goes back to the form as a draft).
  function send(entry) {
    return fetch(entry.url, {
      method: 'POST',
      body: entry.body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      credentials: 'same-origin',
      redirect: 'follow',
    }).then(function (response) {
      var path = new URL(response.url).pathname;
      if (/^\/history\/\d+$/.test(path)) return 'sent';
      if (/^\/identity\//i.test(path) || response.status === 400) return 'login';
      if (response.status >= 500) return 'retry';
      return 'refused';
    }, function () { return 'retry'; });
  }

  scope.KneeRehabOutbox = {
    keyOf: keyOf,
    put: function (url, body) {
      var entry = { key: keyOf(body), url: url, path: new URL(url).pathname, body: body, savedAt: Date.now(), state: 'waiting' };
      return run('readwrite', function (store) { store.put(entry); }).then(function () { return entry; });
    },
    all: function () { return run('readonly', function (store) { return store.getAll(); }); },
    remove: function (key) { return run('readwrite', function (store) { store.delete(key); }); },
    update: function (entry) { return run('readwrite', function (store) { store.put(entry); }); },
    // Sends every waiting entry once; returns how many are still waiting.
    sendAll: function () {
      var self = this;
      return self.all().then(function (entries) {
        return entries.filter(function (e) { return e.state === 'waiting'; }).reduce(function (chain, entry) {
          return chain.then(function (left) {
            return send(entry).then(function (outcome) {
              if (outcome === 'sent') return self.remove(entry.key).then(function () { return left; });
              if (outcome === 'refused') { entry.state = 'refused'; return self.update(entry).then(function () { return left; }); }
              if (!!entry.needsLogin === (outcome === 'login')) return left + 1;
              entry.needsLogin = outcome === 'login';
              return self.update(entry).then(function () { return left + 1; });
            });
          });
        }, Promise.resolve(0));
      });
    },
    // At a log-in or log-out, workouts the server gave back wait again: shown to whoever logs in next,
    // they could be another patient's. Sent again, they come back only to the account that saved them.
    requeueRefused: function () {
      var self = this;
      return self.all().then(function (entries) {
        return Promise.all(entries.filter(function (e) { return e.state === 'refused'; }).map(function (e) {
          e.state = 'waiting';
          e.needsLogin = true;
          return self.update(e);
        }));
      });
    },
  };
})(self);
