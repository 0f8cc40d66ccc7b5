(function () {
  var D = JSON.parse(document.getElementById('cr-data').textContent);
  var map = CR_MAP, group = CR_INC, control = CR_CTRL;
  // The app's map locks the view to the chain; on a wide page that pins the
  // centre, so the story could not move. Allow a wider frame here.
  map.setMaxBounds(L.latLngBounds(D.max_bounds));
  var $ = function (id) { return document.getElementById(id); };
  var markers = D.incidents.map(function (f) {
    var c = f.geometry.coordinates, p = f.properties;
    var m = L.circleMarker([c[1], c[0]], p.s);
    if (p.p) { m.bindPopup(p.p, {maxWidth: 320}); }
    if (p.t) { m.bindTooltip(p.t, {sticky: true}); }
    return {layer: m, month: p.m, dead: p.d, missing: p.x, incident: p.i};
  });
  var W = D.words, nf = new Intl.NumberFormat(D.locale);
  var df = new Intl.NumberFormat(D.locale, {minimumFractionDigits: 1, maximumFractionDigits: 1});
  var fmt = function (v) { return v === null ? '\u2013' : nf.format(v); };
  var slider = $('cr-month'), out = $('cr-month-label'), play = $('cr-play'), whole = $('cr-whole');
  var timer = null;
  function figures(months) {
    var people = null, boats = null, statuses = {}, dead = 0, missing = 0, count = 0;
    months.forEach(function (m) {
      var row = D.crossings[m];
      if (row) { people = (people || 0) + row[0]; boats = (boats || 0) + row[1]; statuses[row[2]] = 1; }
    });
    var shown = 0, seen = {};
    markers.forEach(function (k) {
      var on = months.indexOf(k.month) >= 0;
      if (on) { dead += k.dead; missing += k.missing; }
      if (on && !seen[k.incident]) { seen[k.incident] = 1; count += 1; }  // incidents, not records
      if (group) {
        if (on && !group.hasLayer(k.layer)) { group.addLayer(k.layer); }
        if (!on && group.hasLayer(k.layer)) { group.removeLayer(k.layer); }
        if (on) { shown += 1; }
      }
    });
    var s = Object.keys(statuses).sort();
    var status = s.length === 0 ? W.no_data : s.length === 2 ? W.both : W[s[0]];
    // A month the data does not cover reads "no data", never 0 (D.coverage, from geo.model.coverage).
    var none = function (kind) { return months.every(function (m) { return m in D.coverage[kind].none; }); };
    var noHo = none('ho'), noIom = none('iom');
    $('cr-people').textContent = noHo ? W.no_data : fmt(people);
    $('cr-boats').textContent = noHo ? W.no_data : fmt(boats);
    $('cr-ppb').textContent = noHo ? W.no_data : boats ? df.format(Math.round(people / boats * 10) / 10) : '\u2013';
    var iomText = function (v) { return !D.has_incidents ? '\u2013' : noIom ? W.no_data : fmt(v); };
    $('cr-dead').textContent = iomText(dead);
    $('cr-missing').textContent = iomText(missing);
    $('cr-incidents').textContent = iomText(count);
    var why = months.length > 1 ? D.coverage.period : [];
    if (months.length === 1) {
      ['ho', 'iom'].forEach(function (k) {
        var w = D.coverage[k].none[months[0]] || D.coverage[k].partial[months[0]];
        if (w) { why.push(w); }
      });
    }
    $('cr-coverage').textContent = why.join(' ');
    Array.prototype.forEach.call(document.querySelectorAll('.cr-status'), function (e) { e.textContent = status; });
    $('cr-map').setAttribute('data-markers', String(shown));
  }
  function showMonth(i) {
    slider.value = String(i);
    out.textContent = D.labels[i];
    whole.disabled = false;
    figures([D.months[i]]);
  }
  function showWhole() {
    out.textContent = D.period_label + ' ' + W.all;
    whole.disabled = true;
    figures(D.months);
  }
  function stop() { if (timer) { clearInterval(timer); timer = null; play.textContent = '\u25B6 ' + W.play;
    play.setAttribute('aria-pressed', 'false'); } }
  slider.addEventListener('input', function () { stop(); showMonth(Number(slider.value)); });
  whole.addEventListener('click', function () { stop(); showWhole(); });
  play.addEventListener('click', function () {
    if (timer) { stop(); return; }
    var i = whole.disabled || Number(slider.value) >= D.months.length - 1 ? 0 : Number(slider.value) + 1;
    showMonth(i);
    play.textContent = '\u23F8 ' + W.pause; play.setAttribute('aria-pressed', 'true');
    timer = setInterval(function () {
      var next = Number(slider.value) + 1;
      if (next >= D.months.length) { stop(); return; }
      showMonth(next);
    }, D.play_ms);
  });
  var reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var story = $('cr-story'), at = -1;
  function step(i) {
    if (!D.story.length) { return; }
    at = Math.max(0, Math.min(D.story.length - 1, i));
    var s = D.story[at];
    story.hidden = false;
    $('cr-story-title').textContent = s.title;
    $('cr-story-text').textContent = s.text;
    $('cr-story-count').textContent = (at + 1) + ' / ' + D.story.length;
    $('cr-prev').disabled = at === 0;
    $('cr-next').disabled = at === D.story.length - 1;
    story.setAttribute('data-step', String(at));
    fit(s.bounds);
  }
  // Leaflet drops a zoom asked for while a zoom animation runs: keep the
  // latest request and apply it when the running one ends.
  var pending = null;
  // The Strait inset reserves a corner (geo/inset.py): fit clear of it.
  function pad() { return map.crFitPadding ? map.crFitPadding() : {}; }
  function fit(bounds) {
    if (map._animatingZoom) { pending = bounds; return; }
    map.fitBounds(bounds, L.extend({padding: [24, 24], animate: !reduced}, pad()));
  }
  map.on('zoomend', function () { if (pending) { var b = pending; pending = null; fit(b); } });
  function endStory() { story.hidden = true; at = -1; fit(D.bounds); }
  if ($('cr-story-start')) {
    $('cr-story-start').addEventListener('click', function () { step(0); $('cr-next').focus(); });
    $('cr-prev').addEventListener('click', function () { step(at - 1); });
    $('cr-next').addEventListener('click', function () { step(at + 1); });
    $('cr-story-end').addEventListener('click', endStory);
    document.addEventListener('keydown', function (e) {
      if (story.hidden || e.target === slider || e.altKey || e.ctrlKey || e.metaKey) { return; }
      if (e.key === 'ArrowRight') { step(at + 1); e.preventDefault(); }
      else if (e.key === 'ArrowLeft') { step(at - 1); e.preventDefault(); }
      else if (e.key === 'Escape') { endStory(); }
    });
  }
  if (window.innerWidth < 600) {
    if (control && control.collapse) { control.collapse(); }
    var legend = document.querySelector('.cr-legend details');
    if (legend) { legend.open = false; }
    var credits = map.attributionControl;
    Object.keys(credits._attributions || {}).forEach(function (a) { credits.removeAttribution(a); });
    var link = document.createElement('a'); link.href = '#cr-credits'; link.textContent = W.credits_link;
    var note = document.createElement('span'); note.textContent = W.credits + ' ';
    credits.addAttribution(note.outerHTML + link.outerHTML);
  }
  map.fitBounds(D.bounds, L.extend({animate: false}, pad()));
  showWhole();
  window.crExplainer = {
    markers: function () {
      return group ? group.getLayers().filter(function (l) { return l instanceof L.CircleMarker; }).length : 0;
    },
    step: function () { return at; }
  };
  document.documentElement.setAttribute('data-ready', '1');
})();
