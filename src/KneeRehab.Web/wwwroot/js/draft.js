// Never a lost set: every change to the workout form is kept on this device (localStorage) as it happens,
// as the form would be posted, under its idempotency key with the page's path. Opening the same page
// again (after a reload, a closed tab or a crash) restores it: set rows recreated with log.js's buttons,
// every value filled, and a message with a way to discard it. A draft ends when the server has the
// workout (its page carries data-saved-key) or the offline outbox has taken it over.
// Other scripts change fields and dispatch bubbling `input` events; that is all this file listens to.
(function () {
  'use strict';

  var PREFIX = 'kneerehab-draft:';
  var BROUGHT_BACK = 'kneerehab-draft-brought-back';
  var MAX_AGE_MS = 3 * 24 * 60 * 60 * 1000;

  function read(storageKey) {
    try { return JSON.parse(localStorage.getItem(storageKey)); } catch (e) { return null; }
  }

  function drafts() {
    var list = [];
    for (var i = 0; i < localStorage.length; i++) {
      var name = localStorage.key(i);
      if (name && name.indexOf(PREFIX) === 0) {
        var draft = read(name);
        if (draft && draft.key) list.push(draft);
      }
    }
    return list;
  }

  function remove(key) { localStorage.removeItem(PREFIX + key); }

  function store(key, path, body, savedAt, posted) {
    try {
      localStorage.setItem(PREFIX + key, JSON.stringify({ key: key, path: path, body: body, savedAt: savedAt, posted: !!posted }));
    } catch (e) {
      // Storage full or refused (private browsing): the form still posts as usual.
    }
  }

  // Old drafts go; so does the draft of a workout the server just saved.
  drafts().forEach(function (draft) {
    if (!(Date.now() - draft.savedAt < MAX_AGE_MS)) remove(draft.key);
  });
  document.querySelectorAll('[data-saved-key]').forEach(function (el) { remove(el.dataset.savedKey); });

  // Logging out ends the drafts too: the next person on this phone does not see them.
  document.querySelectorAll('form[action^="/identity/account/logout"]').forEach(function (logout) {
    logout.addEventListener('submit', function () { drafts().forEach(function (d) { remove(d.key); }); });
  });

  var form = document.querySelector('.workout-form');
  if (!form) return;
  var keyField = form.querySelector('[name="Input.IdempotencyKey"]');
  if (!keyField) return;
  var path = new URL(form.action, location.href).pathname;
  // Drafts and workouts given back are this account's only (the form's OfflineAccount field): a draft
  // left by another patient on this phone (a session that ended without logging out) is never shown.
  var account = (form.querySelector('[name="OfflineAccount"]') || {}).value || '';
  function ours(body) { return new URLSearchParams(body).get('OfflineAccount') === account; }
  var isNewWorkout = !/\/edit$/.test(path);

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, function () { return Math.floor(Math.random() * 16).toString(16); });
  }

  // A page kept for offline use carries the key of the day it was kept, which may already be saved.
  if (isNewWorkout && document.querySelector('[data-offline-copy]')) keyField.value = newKey();

  function serialise() {
    var data = new FormData(form);
    data.delete('__RequestVerificationToken');
    return new URLSearchParams(data).toString();
  }

  // The exercises (slug and side) and bad-knee day a form was made for: a draft only fits the same.
  function shape(params) {
    var parts = [params.get('Input.BadKneeDay') || 'False'];
    for (var i = 0; params.has('Input.Exercises[' + i + '].Slug'); i++) {
      parts.push(params.get('Input.Exercises[' + i + '].Slug') + '/' + params.get('Input.Exercises[' + i + '].Side'));
    }
    return parts.join('|').toLowerCase();
  }

  function setCount(params, exercise) {
    var n = 0;
    while (params.has('Input.Exercises[' + exercise + '].Sets[' + n + '].Reps')) n++;
    return n;
  }

  var restoring = false;
  var changed = false;

  function save() {
    if (restoring) return;
    changed = true;
    store(keyField.value, path, serialise(), Date.now());
  }

  form.addEventListener('input', save);
  form.addEventListener('change', save);
  // Set rows added or removed in the page (log.js) change the form without an input event.
  new MutationObserver(function (records) {
    if (records.some(function (r) { return r.target.classList && r.target.classList.contains('set-list'); })) save();
  }).observe(form, { childList: true, subtree: true });

  // Any button that posts the form (save, add exercise, bad-knee day...) sends everything typed, and the
  // server's answer shows it again under the same key: the draft is marked posted, so that answer is not
  // overwritten with it. The draft stays until the server (or the offline outbox) has the workout.
  // Without a service worker and without a connection, the page keeps the workout itself.
  form.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    var plainSave = !submitter || !submitter.hasAttribute('formaction');
    var worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (!plainSave || worker || navigator.onLine || !window.KneeRehabOutbox || !window.indexedDB) {
      if (changed) store(keyField.value, path, serialise(), Date.now(), true);
      return;
    }
    event.preventDefault();
    window.KneeRehabOutbox.put(form.action, new URLSearchParams(new FormData(form)).toString()).then(function (entry) {
      remove(entry.key);
      return window.KneeRehabOutbox.all();
    }).then(function (entries) {
      window.dispatchEvent(new Event('kneerehab-outbox-changed'));
      var count = entries.filter(function (e) { return e.state === 'waiting'; }).length;
      notice('Saved on this phone, waiting to be sent (' + count + (count === 1 ? ' workout' : ' workouts') + ').', false);
    });
  });

  var box = null;

  // The server shows the draft's own exercises again (the page's Restore handler), with its values.
  function bringBack(draft) {
    var post = document.createElement('form');
    post.method = 'post';
    post.action = path + '?handler=Restore';
    post.hidden = true;
    var params = new URLSearchParams(draft.body);
    params.set('__RequestVerificationToken', form.querySelector('[name="__RequestVerificationToken"]').value);
    params.forEach(function (value, name) {
      var field = document.createElement('input');
      field.type = 'hidden';
      field.name = name;
      field.value = value;
      post.appendChild(field);
    });
    sessionStorage.setItem(BROUGHT_BACK, JSON.stringify({ key: draft.key, savedAt: draft.savedAt }));
    document.body.appendChild(post);
    post.submit();
  }

  function notice(text, withDiscard, draft, withBringBack) {
    if (box) box.remove();
    box = document.createElement('div');
    box.className = 'draft-notice';
    box.setAttribute('role', 'status');
    var message = document.createElement('p');
    message.textContent = text;
    box.appendChild(message);
    if (withBringBack) {
      var again = document.createElement('button');
      again.type = 'button';
      again.className = 'btn btn-primary bring-back-draft';
      again.textContent = 'Bring it back';
      again.addEventListener('click', function () { bringBack(draft); });
      box.appendChild(again);
      box.appendChild(document.createTextNode(' '));
    }
    if (withDiscard) {
      var discard = document.createElement('button');
      discard.type = 'button';
      discard.className = 'btn discard-draft';
      discard.textContent = 'Discard it';
      discard.addEventListener('click', function () {
        remove(draft.key);
        // The form as the server made it, without the draft.
        location.replace(location.pathname);
      });
      box.appendChild(discard);
    }
    form.parentNode.insertBefore(box, form);
  }

  function when(time) {
    var date = new Date(time);
    var sameDay = date.toDateString() === new Date().toDateString();
    var clock = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    return sameDay ? clock + ' today' : date.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' }) + ' at ' + clock;
  }

  function fill(params, exerciseCount) {
    for (var i = 0; i < exerciseCount; i++) {
      var entry = form.querySelector('.exercise-entry[data-exercise="' + i + '"]');
      if (!entry) continue;
      var wanted = setCount(params, i);
      var guard = 0;
      while (entry.querySelectorAll('.set-row').length < wanted && guard++ < 25) entry.querySelector('.add-set').click();
      while (entry.querySelectorAll('.set-row').length > Math.max(wanted, 1) && guard++ < 50) {
        var rows = entry.querySelectorAll('.set-row');
        rows[rows.length - 1].querySelector('.remove-set').click();
      }
    }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === 'hidden' || el.type === 'submit' || el.type === 'button') return;
      if (el.type === 'checkbox') el.checked = params.getAll(el.name).indexOf('true') >= 0;
      else if (params.has(el.name)) el.value = params.get(el.name);
      else return;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  function restore(draft) {
    var params = new URLSearchParams(draft.body);
    var here = new URLSearchParams(serialise());
    if (shape(params) !== shape(here)) {
      // The page's Restore handler shows the draft's own exercises: on /today, a day whose plan has changed
      // since (a new phase), the workout the patient did then is still theirs to save.
      notice('You have an unsaved workout from ' + when(draft.savedAt) + ' for other exercises than this page shows now, ' +
        'so it was not filled in here. Bring it back to carry on with it.', true, draft, true);
      return;
    }
    restoring = true;
    try {
      keyField.value = draft.key;
      fill(params, shape(params).split('|').length - 1);
    } finally {
      restoring = false;
    }
    notice('We restored your unsaved workout from ' + when(draft.savedAt) + '.', true, draft);
  }

  // A workout the server gave back (refused values) comes back to its form as a draft. A draft whose
  // workout waits in the outbox has ended, even if the "Saved on this phone" page was left before its
  // script could say so: restored, its key would make the next save replace the waiting workout.
  function takeBackRefused() {
    var outbox = window.KneeRehabOutbox;
    if (!outbox || !window.indexedDB) return Promise.resolve();
    return outbox.all().then(function (entries) {
      entries.filter(function (e) { return e.state === 'waiting'; }).forEach(function (e) { remove(e.key); });
      return Promise.all(entries.filter(function (e) { return e.state === 'refused' && e.path === path && ours(e.body); }).map(function (e) {
        store(e.key, e.path, e.body, e.savedAt);
        return outbox.remove(e.key);
      }));
    }).catch(function () { return undefined; });
  }

  takeBackRefused().then(function () {
    if (changed) return;
    var brought = null;
    try { brought = JSON.parse(sessionStorage.getItem(BROUGHT_BACK)); } catch (e) { brought = null; }
    sessionStorage.removeItem(BROUGHT_BACK);
    if (brought && brought.key === keyField.value) {
      // The server's answer to "Bring it back": the draft's exercises and values, still not saved.
      store(keyField.value, path, serialise(), brought.savedAt);
      notice('We restored your unsaved workout from ' + when(brought.savedAt) + '.', true, { key: keyField.value });
      return;
    }
    var mine = drafts().filter(function (d) { return d.path === path && ours(d.body); })
      .sort(function (a, b) { return b.savedAt - a.savedAt; });
    // This page is the server's answer to that post: it already shows what was typed.
    mine.filter(function (d) { return d.posted && d.key === keyField.value; }).forEach(function (d) { remove(d.key); });
    mine = mine.filter(function (d) { return !(d.posted && d.key === keyField.value); });
    var exact = mine.filter(function (d) { return d.key === keyField.value; })[0];
    if (exact || mine[0]) restore(exact || mine[0]);
  });
})();
