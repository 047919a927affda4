// Progressive enhancement of the workout form. Without this file every button posts the form and
// the server returns it changed; with it, set buttons, "apply to all" and the timers work in the page.
(function () {
  'use strict';

  var form = document.querySelector('.workout-form');
  if (!form) return;

  function renumber(entry) {
    var rows = entry.querySelectorAll('.set-row');
    rows.forEach(function (row, index) {
      row.dataset.set = String(index);
      row.querySelector('.set-number').textContent = 'Set ' + (index + 1);
      row.querySelectorAll('[name], [id], [for], [data-valmsg-for], [formaction], [aria-label]').forEach(function (el) {
        ['name', 'id', 'for', 'data-valmsg-for'].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value === null) return;
          el.setAttribute(attr, value.replace(/Sets\[\d+\]/, 'Sets[' + index + ']').replace(/Sets_\d+__/, 'Sets_' + index + '__'));
        });
        var action = el.getAttribute('formaction');
        if (action) el.setAttribute('formaction', action.replace(/([?&]set=)\d+/, '$1' + index));
        if (el.classList.contains('remove-set')) el.setAttribute('aria-label', 'Remove set ' + (index + 1));
      });
    });
  }

  function addRow(entry, copyValues) {
    var list = entry.querySelector('.set-list');
    var rows = list.querySelectorAll('.set-row');
    if (rows.length === 0 || rows.length >= 20) return false;
    var last = rows[rows.length - 1];
    var row = last.cloneNode(true);
    row.querySelectorAll('.text-danger').forEach(function (span) { span.textContent = ''; });
    row.querySelectorAll('input').forEach(function (input) {
      var source = last.querySelector('[name="' + input.name + '"]');
      input.value = copyValues || !/Reps$/.test(input.name) ? source.value : '';
      input.classList.remove('input-validation-error');
    });
    list.appendChild(row);
    renumber(entry);
    var reps = row.querySelector('input[name$=".Reps"]');
    if (!copyValues && reps) reps.focus();
    return true;
  }

  form.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    if (!button) return;
    var entry = button.closest('.exercise-entry');

    if (button.classList.contains('add-set') || button.classList.contains('copy-set')) {
      if (addRow(entry, button.classList.contains('copy-set'))) event.preventDefault();
    } else if (button.classList.contains('remove-set')) {
      if (entry.querySelectorAll('.set-row').length > 1) {
        event.preventDefault();
        button.closest('.set-row').remove();
        renumber(entry);
      }
    } else if (button.classList.contains('apply-pain')) {
      event.preventDefault();
      var box = form.querySelector('[name="Input.PainForAll"]');
      var message = document.getElementById('Input_PainForAll-error');
      var pain = box.value.trim();
      if (!/^(10|[0-9])$/.test(pain)) {
        // Said next to the box, as the server says it without JavaScript.
        message.textContent = button.dataset.message;
        box.setAttribute('aria-invalid', 'true');
        box.setAttribute('aria-describedby', message.id);
        box.focus();
        return;
      }
      message.textContent = '';
      box.removeAttribute('aria-invalid');
      form.querySelectorAll('.pain-input').forEach(function (input) {
        input.value = pain;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });

  // Hold countdown and rest timer, one per exercise; the display is announced to screen readers.
  form.querySelectorAll('.exercise-entry').forEach(function (entry) {
    var timers = entry.querySelector('.timers');
    var display = timers.querySelector('.timer-display');
    var hold = parseInt(entry.dataset.hold, 10) || 0;
    var rest = parseInt(entry.dataset.rest, 10) || 0;
    var holdButton = timers.querySelector('.hold-timer');
    var restButton = timers.querySelector('.rest-timer');
    var running = null;

    holdButton.textContent = 'Hold ' + hold + ' s';
    restButton.textContent = 'Rest ' + rest + ' s';
    holdButton.hidden = hold === 0;
    restButton.hidden = rest === 0;
    timers.hidden = hold === 0 && rest === 0;

    function start(seconds, label) {
      if (running) running.stop();
      running = window.KneeRehab.countdown(seconds, function (left) {
        display.textContent = label + ': ' + left + ' s';
      }, function () {
        running = null;
        display.textContent = label + ': done';
        if (navigator.vibrate) navigator.vibrate(300);
      });
    }

    holdButton.addEventListener('click', function () { start(hold, 'Hold'); });
    restButton.addEventListener('click', function () { start(rest, 'Rest'); });
  });
})();
