// Preferences: when no time zone is saved yet, pick the browser's own, so one tap on Save keeps it.
(function () {
  const select = document.querySelector("select[data-detect-time-zone]");
  if (!select || select.value) return;
  let zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { return; }
  if (!zone || !Array.from(select.options).some(o => o.value === zone)) return;
  select.value = zone;
  const note = document.querySelector(".time-zone-detected");
  if (note) note.hidden = false;
})();
