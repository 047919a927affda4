// The workout player: today's workout one exercise at a time, on top of the workout form. It only
// ticks, shows and hides the form's own inputs, so without this file (or with "Show the whole form")
// the classic form is what gets posted. Every change it makes to an input fires a bubbling `input`
// event (drafts are kept from those); its own state (step, ticks) lives in localStorage per workout.
(function () {
  'use strict';

  var form = document.querySelector('.workout-form');
  if (!form || form.dataset.player !== 'on') return;
  var entries = Array.prototype.slice.call(form.querySelectorAll('.exercise-entry'));
  if (entries.length === 0) return;

  var scale = parseFloat(form.dataset.timeScale) || 1;
  var affected = form.dataset.affectedKnee || '';
  var keyInput = form.querySelector('[name="Input.IdempotencyKey"]');
  var storageKey = 'kneerehab-player:' + (keyInput ? keyInput.value : '');
  var saveButton = form.querySelector('.save-workout');
  var notes = form.querySelector('[name="Input.Notes"]');
  if (notes) notes.closest('div').classList.add('player-notes');
  var uid = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(className, text) {
    var b = el('button', 'btn ' + className, text);
    b.type = 'button';
    return b;
  }

  var wholePreference = 'kneerehab-player-whole';

  function read(key, fallback) {
    try {
      var value = localStorage.getItem(key);
      return value === null ? fallback : JSON.parse(value);
    } catch (e) {
      return fallback;
    }
  }

  function write(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: the player still works, it just forgets */ }
  }

  // Sets a form input as the patient would, so that listeners (drafts, log.js) see the change.
  function setValue(input, value) {
    if (!input || input.value === String(value)) return;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function field(row, name) { return row.querySelector('input[name$=".' + name + '"]'); }
  function sideWord(side) { return side === 'Left' ? 'left' : side === 'Right' ? 'right' : ''; }

  // One step per exercise; a one-leg exercise's left and right entries are one step, the affected side first.
  var groups = [];
  var seen = {};
  entries.forEach(function (entry) {
    var side = entry.dataset.side;
    var key = entry.dataset.slug + '|' + side;
    seen[key] = (seen[key] || 0) + 1;
    entry.playerKey = key + '#' + seen[key];
    var group = null;
    if (side === 'Left' || side === 'Right') {
      group = groups.filter(function (g) {
        return g.slug === entry.dataset.slug && g.entries.length === 1 && g.entries[0].dataset.side !== side && g.entries[0].dataset.side !== 'Both';
      })[0] || null;
    }
    if (group) {
      if (side === affected) group.entries.unshift(entry); else group.entries.push(entry);
    } else {
      groups.push({ slug: entry.dataset.slug, key: entry.playerKey, entries: [entry] });
    }
  });

  // Each GET of the page makes a new idempotency key. After a reload the workout in progress on this page
  // and date (never saved: saving forgets it) is taken up again, with its key, so it still saves once.
  var dateInput = form.querySelector('[name="Input.Date"]');
  var lastKey = 'kneerehab-player-last:' + location.pathname;
  var state = read(storageKey, null);
  var last = read(lastKey, null);
  if (!state && last && keyInput && last.key !== keyInput.value && dateInput && last.date === dateInput.value) {
    var earlier = read('kneerehab-player:' + last.key, null);
    if (earlier) {
      setValue(keyInput, last.key);
      storageKey = 'kneerehab-player:' + last.key;
      state = earlier;
    }
  }
  state = state || {};
  state.step = state.step || groups[0].key;
  state.screen = state.screen || 'exercise';
  state.ticks = state.ticks || {};
  state.editing = state.editing || {};
  state.ownPain = state.ownPain || {};
  state.skip = state.skip || [];
  var sound = read('kneerehab-player-sound', true);
  var speech = read('kneerehab-player-speech', true);
  function save() {
    write(storageKey, state);
    if (keyInput && dateInput) write(lastKey, { key: keyInput.value, date: dateInput.value });
  }

  function groupIndex() {
    for (var i = 0; i < groups.length; i++) if (groups[i].key === state.step) return i;
    return 0;
  }
  function rows(entry) { return Array.prototype.slice.call(entry.querySelectorAll('.set-row')); }
  function ticked(entry, index) { return !!(state.ticks[entry.playerKey] || {})[index]; }
  function tickedCount(group) {
    return group.entries.reduce(function (sum, entry) {
      return sum + rows(entry).filter(function (_, i) { return ticked(entry, i); }).length;
    }, 0);
  }
  // The order sets are done in: set 1 on each side in turn, then set 2, and so on.
  function order(group) {
    var list = [];
    var most = Math.max.apply(null, group.entries.map(function (e) { return rows(e).length; }));
    for (var i = 0; i < most; i++) {
      group.entries.forEach(function (entry) { if (i < rows(entry).length) list.push({ entry: entry, index: i }); });
    }
    return list;
  }
  function nextSet(group) {
    return order(group).filter(function (s) { return !ticked(s.entry, s.index); })[0] || null;
  }

  // Sound and speech: short oscillator tones and the browser's speech synthesis, each switchable.
  var audio = null;
  function tone(frequency, ms) {
    if (!sound) return;
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.value = 0.2;
      oscillator.connect(gain);
      gain.connect(audio.destination);
      oscillator.start();
      oscillator.stop(audio.currentTime + ms / 1000);
    } catch (e) { /* no audio on this device */ }
  }
  function say(text) {
    if (!speech || !('speechSynthesis' in window)) return;
    try {
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
    } catch (e) { /* no voice on this device */ }
  }

  // The screen stays on while the player shows an exercise, where the browser allows it.
  var wakeLock = null;
  function keepAwake(on) {
    if (!('wakeLock' in navigator)) return;
    if (on && !wakeLock && document.visibilityState === 'visible') {
      navigator.wakeLock.request('screen').then(function (lock) { wakeLock = lock; }, function () { wakeLock = null; });
    } else if (!on && wakeLock) {
      wakeLock.release().catch(function () { });
      wakeLock = null;
    }
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') { wakeLock = null; keepAwake(active() && state.screen === 'exercise'); }
  });

  // --- The player's own controls -------------------------------------------------------------
  var bar = el('div', 'player-bar');
  var toggles = el('div', 'player-toggles');
  function toggle(label, checked, storage, change) {
    var id = 'player-toggle-' + (++uid);
    var wrap = el('div', 'form-check form-switch');
    var input = el('input', 'form-check-input');
    input.type = 'checkbox';
    input.id = id;
    input.checked = checked;
    input.setAttribute('role', 'switch');
    var text = el('label', 'form-check-label', label);
    text.htmlFor = id;
    input.addEventListener('change', function () { change(input.checked); write(storage, input.checked); });
    wrap.appendChild(input);
    wrap.appendChild(text);
    toggles.appendChild(wrap);
  }
  toggle('Sound', sound, 'kneerehab-player-sound', function (on) { sound = on; });
  toggle('Spoken prompts', speech, 'kneerehab-player-speech', function (on) { speech = on; if (!on && 'speechSynthesis' in window) window.speechSynthesis.cancel(); });
  var wholeButton = button('btn-outline-secondary player-whole', 'Show the whole form');
  bar.appendChild(toggles);
  bar.appendChild(wholeButton);
  form.parentNode.insertBefore(bar, form);

  var step = el('section', 'player-step');
  step.setAttribute('aria-labelledby', 'player-title');
  var progress = el('p', 'player-progress');
  var title = el('h2', 'player-title');
  title.id = 'player-title';
  title.tabIndex = -1;
  var dose = el('p', 'player-dose');
  var cue = el('p', 'player-cue');
  var guideLink = el('a', 'player-guide');
  guideLink.target = '_blank';
  guideLink.rel = 'noopener';
  var sideNote = el('p', 'player-side-note');
  step.appendChild(progress);
  step.appendChild(title);
  step.appendChild(dose);
  step.appendChild(cue);
  step.appendChild(guideLink);
  step.appendChild(sideNote);

  var clockBox = el('div', 'player-timer');
  var phase = el('p', 'player-phase', '');
  var clock = el('p', 'player-clock', '');
  clock.setAttribute('role', 'timer');
  clock.setAttribute('aria-label', 'Timer');
  // Announced to screen readers only when a timer starts and when it ends, never every second.
  var announce = el('p', 'player-announce');
  announce.setAttribute('aria-live', 'polite');
  announce.setAttribute('role', 'status');
  var startHold = button('btn-primary btn-lg player-start', 'Start the holds');
  var controls = el('div', 'player-controls');
  var pauseButton = button('btn-outline-secondary player-pause', 'Pause');
  var skipButton = button('btn-outline-secondary player-skip', 'Skip');
  var stopButton = button('btn-outline-secondary player-stop', 'Stop');
  [pauseButton, skipButton, stopButton].forEach(function (b) { controls.appendChild(b); });
  clockBox.appendChild(startHold);
  clockBox.appendChild(phase);
  clockBox.appendChild(clock);
  clockBox.appendChild(controls);
  clockBox.appendChild(announce);
  step.appendChild(clockBox);

  var nav = el('div', 'player-nav');
  var previousButton = button('btn-outline-primary player-previous', 'Previous exercise');
  var nextButton = button('btn-primary btn-lg player-next', 'Next exercise');
  nav.appendChild(previousButton);
  nav.appendChild(nextButton);

  var summary = el('section', 'player-summary');
  summary.setAttribute('aria-labelledby', 'player-summary-title');
  var summaryTitle = el('h2', '', 'Your workout');
  summaryTitle.id = 'player-summary-title';
  summaryTitle.tabIndex = -1;
  var summaryList = el('ul', 'player-summary-list');
  var skipQuestions = el('div', 'player-skip-questions');
  var backButton = button('btn-outline-primary player-back', 'Back to the exercises');
  summary.appendChild(summaryTitle);
  summary.appendChild(summaryList);
  summary.appendChild(skipQuestions);
  summary.appendChild(backButton);
  form.insertBefore(summary, saveButton.previousElementSibling && saveButton.previousElementSibling.classList.contains('player-notes') ? saveButton.previousElementSibling : saveButton);

  // Each set row gets its tick buttons; its real inputs open for "done differently".
  entries.forEach(function (entry) {
    var side = sideWord(entry.dataset.side);
    rows(entry).forEach(function (row) { addSetControls(entry, row, side); });
    // The other leg's optional pain box keeps the server's hint; every other box gets the pain rule.
    if (entry.dataset.painOptional !== 'true') {
      var pain = entry.querySelector('.pain-input');
      var rule = el('p', 'player-pain-rule', form.dataset.painRule || '');
      rule.id = 'player-pain-rule-' + (++uid);
      pain.closest('.field-pain').appendChild(rule);
      pain.setAttribute('aria-describedby', rule.id);
    }
    var noteField = entry.querySelector('[name$=".Note"]');
    if (noteField) noteField.closest('div').classList.add('player-extra');
  });

  function addSetControls(entry, row, side) {
    var box = el('div', 'player-set');
    var label = el('p', 'player-set-label');
    var done = button('btn-success player-done', 'Done as prescribed');
    var differently = button('btn-outline-secondary player-differently', 'Done differently');
    var keep = button('btn-success player-keep', 'Done with these numbers');
    var undo = button('btn-outline-dark player-undo', 'Undo');
    [label, done, differently, keep, undo].forEach(function (n) { box.appendChild(n); });
    row.insertBefore(box, row.firstChild);
    done.addEventListener('click', function () {
      var index = rows(entry).indexOf(row);
      row.querySelectorAll('.set-field input').forEach(function (input) { setValue(input, input.defaultValue); });
      tick(entry, index, true);
    });
    differently.addEventListener('click', function () {
      var index = rows(entry).indexOf(row);
      setEditing(entry, index, true);
      render();
      var reps = field(row, 'Reps');
      if (reps) reps.focus();
    });
    keep.addEventListener('click', function () { tick(entry, rows(entry).indexOf(row), true); });
    undo.addEventListener('click', function () { tick(entry, rows(entry).indexOf(row), false); });
    row.playerSide = side;
  }

  function setEditing(entry, index, on) {
    var list = state.editing[entry.playerKey] || {};
    if (on) list[index] = true; else delete list[index];
    state.editing[entry.playerKey] = list;
  }

  function tick(entry, index, on) {
    var list = state.ticks[entry.playerKey] || {};
    if (on) list[index] = true; else delete list[index];
    state.ticks[entry.playerKey] = list;
    setEditing(entry, index, false);
    save();
    var group = groups[groupIndex()];
    if (on) afterTick(group, entry, index);
    render();
  }

  function afterTick(group, entry, index) {
    var next = nextSet(group);
    if (!next) {
      stopTimer();
      say('Exercise done. Enter your pain.');
      return;
    }
    if (next.entry !== entry && next.index === index) {
      say('Switch to the ' + sideWord(next.entry.dataset.side) + ' leg');
      return;
    }
    var rest = parseInt(entry.dataset.rest, 10) || 0;
    if (rest > 0) startRest(rest);
  }

  // Pain: asked for the affected side. The other leg's box is optional when the affected knee is known
  // (the server accepts it empty); otherwise it gets the same value unless the patient gives its own.
  groups.forEach(function (group) {
    var first = group.entries[0].querySelector('.pain-input');
    var copied = group.entries.slice(1).filter(function (other) { return other.dataset.painOptional !== 'true'; });
    copied.forEach(function (other) {
      var pain = other.querySelector('.pain-input');
      var hint = el('p', 'player-pain-copy', 'Filled in from the ' + sideWord(group.entries[0].dataset.side) + ' leg: change it if this side felt different.');
      pain.closest('.field-pain').appendChild(hint);
      pain.addEventListener('input', function (event) { if (event.isTrusted) { state.ownPain[other.playerKey] = true; save(); } });
    });
    if (copied.length > 0) first.addEventListener('input', function () { copyPain(first.value, copied); });
  });
  function copyPain(value, others) {
    others.forEach(function (other) {
      var pain = other.querySelector('.pain-input');
      if (!state.ownPain[other.playerKey] || pain.value === '') setValue(pain, value);
    });
  }

  // --- Timers: phases counted down once a second (faster in tests: Player:TimeScale) -------------
  var timer = null;
  function runTimer(phases, started, finished) {
    stopTimer();
    timer = { phases: phases, index: -1, left: 0, paused: false, finished: finished, handle: null };
    announce.textContent = started;
    nextPhase();
    timer.handle = setInterval(secondPassed, 1000 / scale);
    renderTimer();
  }
  function nextPhase() {
    timer.index += 1;
    var current = timer.phases[timer.index];
    if (!current) { endTimer(); return; }
    timer.left = current.seconds;
    phase.textContent = current.label;
    clock.textContent = String(timer.left);
    if (current.say) say(current.say);
  }
  function secondPassed() {
    if (!timer || timer.paused) return;
    var current = timer.phases[timer.index];
    timer.left -= 1;
    if (timer.left > 0) {
      clock.textContent = String(timer.left);
      if (timer.left <= 3 && current.countdown) tone(660, 120);
      return;
    }
    if (current.endTone) tone(990, 400);
    nextPhase();
  }
  function endTimer() {
    var finished = timer.finished;
    clearInterval(timer.handle);
    timer = null;
    clock.textContent = '';
    phase.textContent = finished.text;
    announce.textContent = finished.text;
    if (finished.say) say(finished.say);
    renderTimer();
  }
  function stopTimer() {
    if (!timer) return;
    clearInterval(timer.handle);
    timer = null;
    clock.textContent = '';
    phase.textContent = 'Timer stopped.';
    announce.textContent = 'Timer stopped.';
    renderTimer();
  }
  function renderTimer() {
    pauseButton.disabled = !timer;
    skipButton.disabled = !timer;
    stopButton.disabled = !timer;
    pauseButton.textContent = timer && timer.paused ? 'Resume' : 'Pause';
    pauseButton.setAttribute('aria-pressed', timer && timer.paused ? 'true' : 'false');
  }
  pauseButton.addEventListener('click', function () { if (timer) { timer.paused = !timer.paused; renderTimer(); } });
  skipButton.addEventListener('click', function () { if (timer) nextPhase(); });
  stopButton.addEventListener('click', stopTimer);

  function startRest(seconds) {
    runTimer([{ label: 'Rest', seconds: seconds, countdown: true, endTone: true, say: 'Rest ' + seconds + ' seconds' }],
      'Rest of ' + seconds + ' seconds started.', { text: 'Rest over.', say: 'Rest over' });
  }

  startHold.addEventListener('click', function () {
    var group = groups[groupIndex()];
    var next = nextSet(group);
    if (!next) return;
    var row = rows(next.entry)[next.index];
    var reps = parseInt(field(row, 'Reps').value, 10) || 0;
    var hold = parseInt(field(row, 'HoldSeconds').value, 10) || 0;
    if (reps < 1 || hold < 1) return;
    var side = sideWord(next.entry.dataset.side);
    var phases = [{ label: 'Get ready', seconds: 3, countdown: true, endTone: false, say: side ? 'Get ready: ' + side + ' leg' : 'Get ready' }];
    for (var r = 1; r <= reps; r++) {
      phases.push({ label: 'Rep ' + r + ' of ' + reps + ': hold', seconds: hold, countdown: true, endTone: true, say: 'rep ' + r + ' of ' + reps });
      if (r < reps) phases.push({ label: 'Relax', seconds: 2, countdown: false, endTone: false });
    }
    var after = order(group).filter(function (s) { return !ticked(s.entry, s.index) && s !== next && !(s.entry === next.entry && s.index === next.index); })[0];
    var prompt = after && after.entry !== next.entry ? 'Switch to the ' + sideWord(after.entry.dataset.side) + ' leg' : 'Set done';
    runTimer(phases, 'Hold timer started: set ' + (next.index + 1) + (side ? ', ' + side + ' leg' : '') + ', ' + reps + ' reps of ' + hold + ' seconds.',
      { text: 'Holds done: set ' + (next.index + 1) + (side ? ', ' + side + ' leg' : '') + '. Tick it below.', say: prompt });
  });

  // --- Moving through the workout ------------------------------------------------------------
  previousButton.addEventListener('click', function () { go(groupIndex() - 1); });
  nextButton.addEventListener('click', function () {
    if (groupIndex() === groups.length - 1) show('summary'); else go(groupIndex() + 1);
  });
  backButton.addEventListener('click', function () { show('exercise'); });
  wholeButton.addEventListener('click', function () {
    state.whole = !state.whole;
    // Remembered on this device: a patient who prefers the whole form gets it on the next workout too.
    write(wholePreference, state.whole);
    save();
    stopTimer();
    render();
    (state.whole ? wholeButton : title).focus();
  });

  function go(index) {
    if (index < 0 || index >= groups.length) return;
    stopTimer();
    state.step = groups[index].key;
    state.screen = 'exercise';
    save();
    render();
    title.focus();
  }
  function show(screen) {
    stopTimer();
    state.screen = screen;
    save();
    render();
    (screen === 'summary' ? summaryTitle : title).focus();
  }

  function active() { return !state.whole; }

  function doseText(entry) {
    var d = entry.dataset;
    var parts = [d.plannedSets + ' × ' + d.plannedReps];
    if (+d.plannedHold > 0) parts.push(d.plannedHold + ' s hold');
    if (d.plannedLoad) parts.push(d.plannedLoad + ' ' + form.dataset.unit);
    if (d.levelText) parts.push('level ' + d.plannedLevel + ': ' + d.levelText);
    return parts.join(', ');
  }

  function setText(row) {
    var reps = field(row, 'Reps').value;
    var hold = field(row, 'HoldSeconds').value;
    var load = field(row, 'Load').value;
    return reps + ' reps' + (+hold > 0 ? ' × ' + hold + ' s hold' : '') + (+load > 0 ? ', ' + load + ' ' + form.dataset.unit : '');
  }

  function changed(row) {
    return Array.prototype.some.call(row.querySelectorAll('.set-field input'), function (input) { return input.value !== input.defaultValue; });
  }

  function render() {
    var on = active();
    form.classList.toggle('player-on', on);
    form.classList.toggle('player-summary-on', on && state.screen === 'summary');
    bar.classList.toggle('player-bar-whole', !on);
    wholeButton.textContent = on ? 'Show the whole form' : 'One exercise at a time';
    wholeButton.setAttribute('aria-pressed', on ? 'false' : 'true');
    step.hidden = !on || state.screen !== 'exercise';
    nav.hidden = step.hidden;
    summary.hidden = !on || state.screen !== 'summary';
    keepAwake(on && state.screen === 'exercise');
    var index = groupIndex();
    var group = groups[index];
    entries.forEach(function (entry) { entry.classList.toggle('player-current', on && state.screen === 'exercise' && group.entries.indexOf(entry) >= 0); });
    if (!on) return;
    if (state.screen === 'summary') { renderSummary(); return; }

    var first = group.entries[0];
    var oneLeg = group.entries.length > 1;
    form.insertBefore(step, entries.filter(function (e) { return group.entries.indexOf(e) >= 0; })[0]);
    var last = group.entries.reduce(function (a, b) { return entries.indexOf(a) > entries.indexOf(b) ? a : b; });
    form.insertBefore(nav, last.nextSibling);
    progress.textContent = 'Exercise ' + (index + 1) + ' of ' + groups.length;
    title.textContent = first.dataset.title;
    dose.textContent = "Today: " + doseText(first) + (oneLeg ? ', each leg' : '');
    cue.textContent = first.dataset.summary;
    cue.hidden = !first.dataset.summary;
    guideLink.href = '/exercises/' + first.dataset.slug;
    guideLink.textContent = 'Full guide: ' + first.dataset.title + ' (opens in a new tab)';
    sideNote.hidden = !oneLeg;
    sideNote.textContent = oneLeg ? 'Each set on the ' + sideWord(first.dataset.side) + ' leg' + (affected === first.dataset.side ? ' (your affected knee)' : '') + ' first, then the ' + sideWord(group.entries[1].dataset.side) + ' leg.' : '';

    form.querySelectorAll('.player-current-set').forEach(function (row) { row.classList.remove('player-current-set'); row.removeAttribute('aria-current'); });
    var next = nextSet(group);
    var hold = next ? parseInt(field(rows(next.entry)[next.index], 'HoldSeconds').value, 10) || 0 : 0;
    startHold.hidden = !next || hold < 1;
    if (next) startHold.textContent = 'Start the holds: set ' + (next.index + 1) + (group.entries.length > 1 ? ', ' + sideWord(next.entry.dataset.side) + ' leg' : '');
    previousButton.hidden = index === 0;
    nextButton.textContent = index === groups.length - 1 ? 'Finish: see the summary' : 'Next exercise';

    group.entries.forEach(function (entry) {
      var side = sideWord(entry.dataset.side);
      rows(entry).forEach(function (row, i) {
        var isTicked = ticked(entry, i);
        var editing = !!(state.editing[entry.playerKey] || {})[i];
        var box = row.querySelector('.player-set');
        var name = 'Set ' + (i + 1) + (side ? ', ' + side + ' leg' : '');
        row.classList.toggle('player-ticked', isTicked);
        row.classList.toggle('player-editing', editing);
        var current = next && next.entry === entry && next.index === i;
        row.classList.toggle('player-current-set', !!current);
        if (current) row.setAttribute('aria-current', 'step'); else row.removeAttribute('aria-current');
        box.querySelector('.player-set-label').textContent = name + ': ' + setText(row) + (isTicked ? ' · done' + (changed(row) ? ' (changed)' : '') : '');
        var done = box.querySelector('.player-done');
        done.hidden = isTicked;
        done.setAttribute('aria-label', name + ': done as prescribed');
        var differently = box.querySelector('.player-differently');
        differently.hidden = isTicked || editing;
        differently.setAttribute('aria-label', name + ': done differently');
        var keep = box.querySelector('.player-keep');
        keep.hidden = isTicked || !editing;
        keep.setAttribute('aria-label', name + ': done with these numbers');
        var undo = box.querySelector('.player-undo');
        undo.hidden = !isTicked;
        undo.setAttribute('aria-label', name + ': undo done');
      });
    });
    group.entries.forEach(function (entry, i) {
      var rule = entry.querySelector('.player-pain-rule');
      if (rule) rule.hidden = i > 0;
      var copy = entry.querySelector('.player-pain-copy');
      if (copy) copy.hidden = i === 0;
    });
  }

  function renderSummary() {
    summaryList.textContent = '';
    skipQuestions.textContent = '';
    groups.forEach(function (group, index) {
      var item = el('li');
      var parts = [];
      group.entries.forEach(function (entry) {
        var side = sideWord(entry.dataset.side);
        var all = rows(entry);
        var done = all.filter(function (_, i) { return ticked(entry, i); });
        var text = (side ? side + ' leg: ' : '') + done.length + ' of ' + all.length + ' sets done';
        var changes = done.filter(changed).map(function (row) { return 'set ' + (all.indexOf(row) + 1) + ' ' + setText(row); });
        if (changes.length) text += '; changed from today\'s plan (' + doseText(entry) + '): ' + changes.join('; ');
        if (done.length < all.length) text += '; sets not ticked are left out';
        var pain = entry.querySelector('.pain-input').value;
        var optional = entry.dataset.painOptional === 'true';
        text += pain !== '' ? '; pain ' + pain + '/10' : optional ? '; pain not given (optional for this leg)' : '; pain not entered yet';
        parts.push(text);
      });
      item.appendChild(el('strong', '', group.entries[0].dataset.title));
      item.appendChild(document.createTextNode(': ' + parts.join('. ')));
      summaryList.appendChild(item);
      if (tickedCount(group) === 0) {
        var question = el('div', 'player-skip-question');
        question.setAttribute('role', 'group');
        var heading = el('p', '', 'No set of ' + group.entries[0].dataset.title + ' is ticked. Skip this exercise?');
        heading.id = 'player-skip-' + index;
        question.setAttribute('aria-labelledby', heading.id);
        var yes = button('btn-danger player-skip-yes', 'Yes, skip it');
        var no = button('btn-outline-dark player-skip-no', 'Go back to it');
        yes.addEventListener('click', function () { skipGroup(group); });
        no.addEventListener('click', function () { go(index); });
        question.appendChild(heading);
        question.appendChild(yes);
        question.appendChild(no);
        skipQuestions.appendChild(question);
      }
      var painMissing = group.entries[0].querySelector('.pain-input').value === '';
      if (painMissing && tickedCount(group) > 0) {
        var ask = button('btn-outline-primary player-pain-missing', 'Enter the pain for ' + group.entries[0].dataset.title);
        ask.addEventListener('click', function () { go(index); group.entries[0].querySelector('.pain-input').focus(); });
        skipQuestions.appendChild(ask);
      }
    });
  }

  // A skipped exercise leaves the form through its own remove button (a post that returns the form
  // without it); a one-leg exercise has two entries, so the next page load removes the other one.
  function skipGroup(group) {
    if (state.skip.indexOf(group.slug) < 0) state.skip.push(group.slug);
    save();
    group.entries[0].querySelector('.remove-exercise').click();
  }

  form.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    if (submitter && submitter.hasAttribute('formaction')) { save(); return; }
    if (active()) {
      var unticked = groups.filter(function (g) { return tickedCount(g) === 0; });
      if (unticked.length > 0) {
        event.preventDefault();
        show('summary');
        skipQuestions.querySelector('button').focus();
        return;
      }
      groups.forEach(function (group) {
        var value = group.entries[0].querySelector('.pain-input').value;
        group.entries.slice(1).forEach(function (other) {
          var pain = other.querySelector('.pain-input');
          if (pain.value === '' && other.dataset.painOptional !== 'true') setValue(pain, value);
        });
      });
      // Sets that were not ticked were not done: taken out with the form's own remove buttons (log.js).
      entries.forEach(function (entry) {
        rows(entry).filter(function (_, i) { return !ticked(entry, i); }).forEach(function (row) {
          row.querySelector('.remove-set').click();
        });
      });
    }
    try { localStorage.removeItem(storageKey); } catch (e) { /* nothing kept */ }
  });

  if (read(wholePreference, false) === true) state.whole = true;
  // A save that came back with errors shows the whole form, where every message is beside its field.
  if (form.querySelector('.field-validation-error, .error-summary li')) state.whole = true;
  state.skip = state.skip.filter(function (slug) { return groups.some(function (g) { return g.slug === slug; }); });
  var pending = groups.filter(function (g) { return state.skip.indexOf(g.slug) >= 0; })[0];
  if (pending) {
    skipGroup(pending);
    return;
  }
  if (groups.every(function (g) { return g.key !== state.step; })) state.step = groups[0].key;
  renderTimer();
  render();
})();
