// After a failed post the error summary at the top takes the focus (and the screen reader's attention);
// its links move the focus to the field, or to the field's message when the field is not on the page.
(function () {
  'use strict';

  var summary = document.querySelector('.error-summary');
  if (!summary) return;
  summary.focus();

  summary.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-error-for]');
    if (!link) return;
    var id = link.getAttribute('data-error-for');
    var target = document.getElementById(id);
    if (target && target.type === 'hidden') target = null;
    target = target || document.getElementById(id + '-error');
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    if (target.tabIndex < 0 && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) target.setAttribute('tabindex', '-1');
    target.focus();
  });
})();
