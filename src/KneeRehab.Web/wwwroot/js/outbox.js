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

  // The account the workout form was made for (Accounts/OfflineAccount.cs): a hash, never read by the server.
  function accountOf(body) {
    return new URLSearchParams(body).get('OfflineAccount') || '';
  }

  // How one sent workout ended: 'sent' (the server shows the saved workout), 'login' (the form's session is
  // gone: a redirect to log in, or a 400 from the antiforgery check), 'retry' (no connection or the server is
  // down) or 'refused' (the server gave the form back with its messages: the values need a look, so the entry
  // goes back to its form as a draft). A page of the same account sends it with that page's own token.
  function send(entry, token) {
    var body = new URLSearchParams(entry.body);
    if (token) body.set('__RequestVerificationToken', token);
    return fetch(entry.url, {
      method: 'POST',
      body: body.toString(),
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
    accountOf: accountOf,
    put: function (url, body) {
      var entry = { key: keyOf(body), account: accountOf(body), url: url, path: new URL(url).pathname, body: body, savedAt: Date.now(), state: 'waiting' };
      return run('readwrite', function (store) { store.put(entry); }).then(function () { return entry; });
    },
    all: function () { return run('readonly', function (store) { return store.getAll(); }); },
    remove: function (key) { return run('readwrite', function (store) { store.delete(key); }); },
    update: function (entry) { return run('readwrite', function (store) { store.put(entry); }); },
    // Sends the waiting entries once; returns how many are still waiting. From a signed-in page, `account`
    // and `token` are that page's: only that account's entries go, with its current token, so a workout
    // never lands in another patient's account and an old token (a lost cookie) does not strand it.
    // Without them (Background Sync, no page open) each entry goes with the token it was saved with.
    sendAll: function (account, token) {
      var self = this;
      return self.all().then(function (entries) {
        var waiting = entries.filter(function (e) { return e.state === 'waiting'; });
        var mine = account ? waiting.filter(function (e) { return e.account === account; }) : waiting;
        return mine.reduce(function (chain, entry) {
          return chain.then(function (left) {
            return send(entry, account ? token : null).then(function (outcome) {
              if (outcome === 'sent') return self.remove(entry.key).then(function () { return left; });
              if (outcome === 'refused') { entry.state = 'refused'; return self.update(entry).then(function () { return left; }); }
              return left + 1;
            });
          });
        }, Promise.resolve(waiting.length - mine.length));
      });
    },
  };
})(self);
