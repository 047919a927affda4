// The hold timer on a guide. The count is shown every second but announced only when the hold starts
// and ends: a screen reader reading out every second would talk over the patient's own counting.
(function () {
  'use strict';

  document.querySelectorAll('.hold-timer').forEach(function (timer) {
    var seconds = parseInt(timer.dataset.holdSeconds, 10) || 0;
    if (seconds <= 0) return;
    var start = timer.querySelector('.hold-start');
    var stop = timer.querySelector('.hold-stop');
    var count = timer.querySelector('.hold-count');
    var status = timer.querySelector('.hold-status');
    var running = null;

    function finish(message) {
      running = null;
      var hadFocus = document.activeElement === stop;
      stop.hidden = true;
      start.hidden = false;
      if (hadFocus) start.focus();
      status.textContent = message;
    }

    start.addEventListener('click', function () {
      if (running) running.stop();
      start.hidden = true;
      stop.hidden = false;
      stop.focus();
      status.textContent = 'Hold for ' + seconds + ' seconds: started.';
      running = window.KneeRehab.countdown(seconds, function (left) {
        count.textContent = left + ' s';
      }, function () {
        count.textContent = 'Done';
        if (navigator.vibrate) navigator.vibrate(300);
        finish('Hold done: relax.');
      });
    });

    stop.addEventListener('click', function () {
      if (running) running.stop();
      count.textContent = '';
      finish('Hold stopped.');
    });

    timer.hidden = false;
  });
})();
