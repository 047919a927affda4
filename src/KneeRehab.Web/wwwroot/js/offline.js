// Installable and offline: registers the service worker (sw.js), asks it to keep what this page links to
// for offline use (links marked data-keep-offline: the guides of today's program, today, the history) and
// the files the page loaded, shows what is waiting to be sent, and sends it when the connection returns.
(function () {
  'use strict';

  var status = document.getElementById('outbox-status');
  var outbox = window.KneeRehabOutbox;
  // Who is logged in on this page (Accounts/OfflineAccount.cs) and their current antiforgery token, from the
  // log-out form; both empty when nobody is.
  var session = document.querySelector('form.nav-form[data-account]');
  var account = session ? session.dataset.account : '';
  var token = session ? (session.querySelector('[name="__RequestVerificationToken"]') || {}).value || '' : '';

  function ask(worker, message) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () { resolve(); };
      worker.postMessage(message, [channel.port2]);
    });
  }

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  function showOutbox() {
    if (!status || !outbox || !window.indexedDB) return Promise.resolve();
    return outbox.all().then(function (entries) {
      // Another account's workouts are only counted: what they hold is theirs.
      var mine = entries.filter(function (e) { return account && e.account === account; });
      var others = entries.filter(function (e) { return mine.indexOf(e) < 0; });
      var waiting = mine.filter(function (e) { return e.state === 'waiting'; });
      var refused = mine.filter(function (e) { return e.state === 'refused'; });
      status.textContent = '';
      if (waiting.length > 0) {
        status.appendChild(document.createTextNode(plural(waiting.length, 'workout') + ' saved on this phone, waiting to be sent. '));
      }
      refused.forEach(function (entry) {
        var link = document.createElement('a');
        link.href = entry.path;
        link.textContent = 'open it to check the values';
        status.appendChild(document.createTextNode('A workout saved offline was not accepted: '));
        status.appendChild(link);
        status.appendChild(document.createTextNode('. '));
      });
      if (others.length > 0) {
        var them = others.length === 1 ? 'it' : 'them';
        status.appendChild(document.createTextNode(plural(others.length, 'workout') + ' saved on this phone' + (account
          ? ' by another account, waiting until it logs in. '
          : ', waiting to be sent: log in with the account that saved ' + them + ' to send ' + them + '. ')));
      }
      status.hidden = entries.length === 0;
    }, function () { return undefined; });
  }

  function sendWaiting() {
    // Only a signed-in page sends, and only its own account's workouts (Background Sync tries the rest).
    if (!outbox || !window.indexedDB || !navigator.onLine || !account) return Promise.resolve();
    var worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    // Without a service worker the page sends them itself.
    return (worker ? ask(worker, { type: 'send', account: account, token: token }) : outbox.sendAll(account, token)).then(showOutbox, showOutbox);
  }

  function keepForOffline(registration) {
    var worker = registration.active;
    if (!worker) return Promise.resolve();
    var here = location.origin;
    var pages = [location.href.split('#')[0]];
    document.querySelectorAll('a[data-keep-offline]').forEach(function (a) {
      if (a.href.indexOf(here + '/') === 0 && pages.indexOf(a.href) < 0) pages.push(a.href);
    });
    var files = performance.getEntriesByType('resource').map(function (r) { return r.name; })
      .filter(function (name) { return name.indexOf(here + '/') === 0 && /^\/(css|js|lib|icons)\//.test(new URL(name).pathname); });
    return ask(worker, { type: 'keep', pages: document.querySelector('[data-offline-copy]') ? [] : pages, files: files });
  }

  window.addEventListener('online', sendWaiting);
  // draft.js keeps a workout itself when there is no service worker.
  window.addEventListener('kneerehab-outbox-changed', showOutbox);
  showOutbox().then(sendWaiting);

  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('message', function (event) {
    if (event.data && event.data.type === 'outbox-changed') showOutbox();
  });
  navigator.serviceWorker.register('/sw.js', { scope: '/' })
    .then(function () { return navigator.serviceWorker.ready; })
    .then(keepForOffline)
    .then(function () { document.documentElement.dataset.offlineReady = 'true'; })
    .catch(function () { return undefined; });
})();
