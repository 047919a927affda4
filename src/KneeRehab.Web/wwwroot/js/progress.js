// Draws the /progress charts from the page's JSON endpoint. The same numbers are in the tables on the
// page, which stay the text alternative; without JavaScript the tables are all there is.
(function () {
  'use strict';

  var root = document.getElementById('progress-charts');
  if (!root || !window.Chart) return;

  var palette = ['#0b5cad', '#b45309', '#1a7f37', '#6f42c1'];

  function line(canvas, labels, series, max) {
    return new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: labels,
        datasets: series.map(function (s, i) {
          return Object.assign({ borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], spanGaps: true, tension: 0.2 }, s);
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, suggestedMax: max } }
      }
    });
  }

  fetch(root.dataset.source, { headers: { Accept: 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      if (!data) return;
      root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var kind = canvas.dataset.chart;
        if (kind === 'pain') {
          line(canvas, data.pain.map(function (p) { return p.date; }), [
            { label: 'Pain during (0-10)', data: data.pain.map(function (p) { return p.during; }) },
            { label: 'Next morning (0-10)', data: data.pain.map(function (p) { return p.nextMorning; }) }
          ], 10);
        } else if (kind === 'checkins') {
          var chart = line(canvas, data.checkIns.map(function (c) { return c.date; }), [
            { label: 'Average pain', data: data.checkIns.map(function (c) { return c.average; }) },
            { label: 'Worst pain', data: data.checkIns.map(function (c) { return c.worst; }) },
            { label: 'Activity score (PSFS)', data: data.checkIns.map(function (c) { return c.psfs; }) }
          ], 10);
          // The "no real change yet" band: 2 points either side of the first average pain.
          var first = data.checkIns.length ? data.checkIns[0].average : null;
          if (first !== null) {
            var band = { borderWidth: 0, pointRadius: 0, backgroundColor: 'rgba(11, 92, 173, 0.12)', borderColor: 'transparent' };
            chart.data.datasets.push(Object.assign({ label: 'Within 2 points of your first average pain', data: data.checkIns.map(function () { return Math.min(10, first + 2); }), fill: '+1' }, band));
            chart.data.datasets.push(Object.assign({ label: '(band lower edge)', data: data.checkIns.map(function () { return Math.max(0, first - 2); }), fill: false }, band));
          }
          // The same band for the activity score (PSFS), around its first value.
          var firstPsfs = data.checkIns.map(function (c) { return c.psfs; }).find(function (v) { return v !== null; });
          if (firstPsfs !== undefined) {
            var psfsBand = { borderWidth: 0, pointRadius: 0, backgroundColor: 'rgba(26, 127, 55, 0.12)', borderColor: 'transparent' };
            chart.data.datasets.push(Object.assign({ label: 'Within 2 points of your first activity score', data: data.checkIns.map(function () { return Math.min(10, firstPsfs + 2); }), fill: '+1' }, psfsBand));
            chart.data.datasets.push(Object.assign({ label: '(activity band lower edge)', data: data.checkIns.map(function () { return Math.max(0, firstPsfs - 2); }), fill: false }, psfsBand));
          }
          chart.options.plugins = { legend: { labels: { filter: function (item) { return item.text.charAt(0) !== '('; } } } };
          chart.update();
        } else if (kind === 'hometests') {
          line(canvas, data.homeTests.map(function (t) { return t.date; }), [
            { label: 'Chair stands in 30 s', data: data.homeTests.map(function (t) { return t.chairStands; }) },
            { label: 'Step-downs, left leg', data: data.homeTests.map(function (t) { return t.stepDownsLeft; }) },
            { label: 'Step-downs, right leg', data: data.homeTests.map(function (t) { return t.stepDownsRight; }) }
          ], 20);
        } else if (kind === 'symmetry') {
          var series = data.exercises.find(function (e) { return e.slug === canvas.dataset.slug; });
          if (!series) return;
          line(canvas, series.symmetry.map(function (s) { return s.date; }), [
            { label: 'Reps, % of the other leg', data: series.symmetry.map(function (s) { return s.reps; }) },
            { label: 'Load, % of the other leg', data: series.symmetry.map(function (s) { return s.load; }) }
          ], 120);
        } else if (kind === 'exercise') {
          var exercise = data.exercises.find(function (e) { return e.slug === canvas.dataset.slug; });
          if (!exercise) return;
          var sides = Array.from(new Set(exercise.points.map(function (p) { return p.side; })));
          var dates = Array.from(new Set(exercise.points.map(function (p) { return p.date; })));
          // The engine's decision after each program workout marks the point: up, stay, back, stop.
          var marks = { progress: 'triangle', hold: 'circle', regress: 'rectRot', stop: 'crossRot' };
          line(canvas, dates, sides.map(function (side) {
            var points = dates.map(function (d) {
              return exercise.points.find(function (p) { return p.date === d && p.side === side; });
            });
            return {
              label: 'Reps per session' + (side === 'both' ? '' : ' (' + side + ')') + '; marker: the program\'s next step',
              data: points.map(function (p) { return p ? p.reps : null; }),
              pointStyle: points.map(function (p) { return p && p.decision ? marks[p.decision] : 'circle'; }),
              pointRadius: points.map(function (p) { return p && p.decision ? 6 : 3; })
            };
          }));
        }
      });
    });
})();
