// A countdown in whole seconds, shared by the workout form's timers and the guide's hold timer.
// It reads the clock rather than counting ticks, so a busy or throttled page does not stretch a hold.
(function () {
  'use strict';

  window.KneeRehab = window.KneeRehab || {};

  // Calls onTick(secondsLeft) once per second from `seconds` down to 1, then onDone(); stop() cancels.
  window.KneeRehab.countdown = function (seconds, onTick, onDone) {
    var end = Date.now() + seconds * 1000;
    var shown = seconds;
    var timer = setInterval(function () {
      var left = Math.ceil((end - Date.now()) / 1000);
      if (left > 0) {
        if (left !== shown) onTick(shown = left);
        return;
      }
      stop();
      onDone();
    }, 200);

    function stop() {
      if (timer === null) return;
      clearInterval(timer);
      timer = null;
    }

    onTick(seconds);
    return { stop: stop };
  };
})();
