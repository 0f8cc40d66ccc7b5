{# geo.maps.elements.IncidentLayer: incidents as columns, popups assembled on demand, crIncidents.update.
    Jinja macro body, wrapped by geo.maps.elements.script_macro and rendered once by ScriptElement:
    {{ this.* }} are the element's own attributes, data only as finished HTML-safe JSON (to_json). -#}
(function () {
  var d = {{ this.json }}, group = {{ this._parent.get_name() }};
  // `{name}` in a template (escaped words from the server) replaced by values, in one pass.
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (slot, name) { return values[name]; });
  }
  // A count with its word, in the form the catalog's plural rule picks for it (d.plural).
  function counted(word, n) { return fill(d.counts[word][d.plural[n]], {count: n}); }
  function popup(i) {
    var w = d.words, h = '<div class="cr-pop"><h4>' + fill(w.date_counts, {date: d.dates[d.date[i]],
      counts: counted('dead', d.dead[i]) + ', ' + counted('missing', d.missing[i])}) + '</h4>';
    for (var j = d.start[i]; j < d.start[i] + d.n[i]; j++) {
      h += '<p>' + d.locs[d.loc[j]] + ' (' + d.countries[d.ctry[j]] + ')<br>' + counted('dead', d.rd[j]) + ', ' +
        counted('missing', d.rm[j]) + '; ' + w.survivors + ' ' + d.survivors[d.surv[j]] + '; ' + w.cause + ' ' +
        d.causes[d.cause[j]] + '<br>' + w.source + ' ' + d.sources[d.src[j]] + ' (' + d.links[d.link[j]] +
        '); ' + w.quality + ' ' + d.qualities[d.q[j]] + '<br>' + w.record + ' ' + d.rids[j] +
        d.whys[d.why[j]] + '</p>';
    }
    return h + '<p>' + d.settings[d.setting[i]] + ' ' + w.heuristic + '<br>' + w.incident + ' ' + d.ids[i] +
      ', ' + d.phrases[i] + '. ' + w.minimum + '</p></div>';
  }
  function tip(i) {
    var w = d.words;
    return fill(w.date_counts, {date: d.dates[d.date[i]], counts: counted('dead_or_missing', d.dm[i])}) +
      (d.doubt[i] ? ' · ' + w.doubtful : '');
  }
  // One marker per row, made once per table when first shown; a change adds and removes only what differs.
  var made = {columns: null, markers: [], on: null, cluster: null, dots: false, dotLayer: new L.CrDots()};
  function make() {
    group.clearLayers();
    made.columns = d; made.markers = []; made.on = new Uint8Array(d.lat.length); made.cluster = null;
    made.dots = false;
  }
  // A row's look, for its marker and for its dot (dots_layer.js).
  function style(i) {
    var look = {radius: d.r[i], color: '#ffffff', weight: 1.2, fillColor: d.colours[d.setting[i]],
      fillOpacity: 0.85, crIndex: i};
    if (d.doubt[i]) { for (var key in d.doubt_style) { look[key] = d.doubt_style[key]; } }
    return look;
  }
  function marker(i) {
    if (!made.markers[i]) { made.markers[i] = L.circleMarker([d.lat[i], d.lon[i]], style(i)); }
    return made.markers[i];
  }
  // The rows to show: every row (months null), or those whose month is one of `months`
  // (and the `month`-th of them, when a month is picked).
  function wanted(months, month) {
    var want = new Uint8Array(d.lat.length), place = {}, i;
    if (months == null || !d.months) { want.fill(1); return want; }
    months.forEach(function (m, k) { place[m] = k; });
    for (i = 0; i < want.length; i++) {
      var k = place[d.months[d.month[i]]];
      want[i] = k !== undefined && (month == null || k === month) ? 1 : 0;
    }
    return want;
  }
  // The density grid (geo.maps.incident_map.density_spec): the rows shown summed per cell (each row
  // carries its cell), one square per cell, its tooltip as geo.maps.incident_map.density_tip writes it.
  var density = {{ this.density }};
  function form(n) {
    return d.plural[n] !== undefined ? d.plural[n] : density.plural_of[Math.min(n, density.plural_of.length - 1)];
  }
  function cellTip(dm, incidents) {
    var grouped = String(incidents).replace(/\B(?=(\d{3})+(?!\d))/g, density.group);
    return fill(d.counts.dead_or_missing[form(dm)], {count: dm}) + ' ' +
      fill(d.counts.cell_incidents[form(incidents)], {count: grouped});
  }
  function drawCells(want) {
    var sums = {}, ids = {}, size = density.size, i, c;
    group.clearLayers();
    for (i = 0; i < want.length; i++) {
      if (!want[i]) { continue; }
      c = d.cell[i];
      if (!(c in sums)) { sums[c] = 0; ids[c] = {}; }
      sums[c] += d.dm[i]; ids[c][d.ids[i]] = true;
    }
    Object.keys(sums).forEach(function (key) {
      var rc = d.cells[key], level = density.steps.filter(function (s) { return sums[key] >= s; }).length;
      L.rectangle([[rc[0] * size, rc[1] * size], [(rc[0] + 1) * size, (rc[1] + 1) * size]],
        L.extend({fillColor: density.colours[level]}, density.style))
        .bindTooltip(cellTip(sums[key], Object.keys(ids[key]).length), {sticky: true}).addTo(group);
    });
  }
  function draw(columns, months, month) {
    d = columns;
    if (made.columns !== d) { make(); }
    var want = wanted(months, month), shown = want, on = made.on, markers = made.markers, count = 0, kept = 0, i;
    for (i = 0; i < want.length; i++) { count += want[i]; kept += want[i] & on[i]; }
    group.fire('crdrawstart', {count: count});  // the Strait detail mirrors a draw (geo.maps.inset)
    if (density) {
      drawCells(want);
      want = new Uint8Array(want.length);  // no marker is on the map
    } else if (count >= {{ this.cluster_from }} && L.markerClusterGroup) {
      group.clearLayers(); made.dots = false;
      made.cluster = L.markerClusterGroup({chunkedLoading: true, disableClusteringAtZoom: 12,
        spiderfyOnMaxZoom: false}).addLayers(Array.from(want.keys()).filter(function (j) { return want[j]; })
        .map(marker)).addTo(group);
    } else if (count >= {{ this.dots_from }}) {
      if (!made.dots) { group.clearLayers(); made.cluster = null; group.addLayer(made.dotLayer); made.dots = true; }
      made.dotLayer.show(d, want, {style: style, popup: popup, tip: tip, click: function (j) {
        if (all.onClick) { all.onClick(d.ids[j]); } }});
      want = new Uint8Array(want.length);  // no marker is on the map
    } else {
      if (made.cluster || made.dots || (kept && count > kept)) {
        group.clearLayers(); on.fill(0); made.cluster = null; made.dots = false;
      }
      // (re-added from scratch when rows join rows already shown: big circles stay below small ones)
      for (i = 0; i < want.length; i++) { if (on[i] && !want[i]) { group.removeLayer(markers[i]); } }
      for (i = 0; i < want.length; i++) { if (want[i] && !on[i]) { group.addLayer(marker(i)); } }
    }
    made.on = want;
    group.crDrawn = {columns: d, want: shown, count: count};
    group.fire('crdrawend', group.crDrawn);
    return count;
  }
  draw(d, null, null);
  group.on('click', function (e) {
    if (all.onClick && e.layer.options.crIndex != null) { all.onClick(d.ids[e.layer.options.crIndex]); }
  });
  group.crPopup = popup; group.crTip = tip; group.crStyle = style;
  if (!density) {  // a cell has its own tooltip and no popup
    group.bindPopup(function (layer) { return popup(layer.options.crIndex); }, {maxWidth: 380});
    group.bindTooltip(function (layer) { return tip(layer.options.crIndex); }, {sticky: true});
  }
  // One entry point for every incident layer on the page (main map, insets):
  // crIncidents.update(columns, months, month) redraws them all in place: the rows of `months`
  // (null: every row), or only of the `month`-th of them.
  var all = window.crIncidents = window.crIncidents || {layers: [], draws: 0, shown: 0,
    update: function (columns, months, month) {
      all.shown = 0;
      all.layers.forEach(function (layerDraw) { all.shown = layerDraw(columns, months, month); });
      all.draws += 1;
      requestAnimationFrame(function () { requestAnimationFrame(function () {
        all.drawnAt = performance.timeOrigin + performance.now();
      }); });
    }};
  all.layers.push(draw);
  all.shown = d.lat.length;
  requestAnimationFrame(function () { all.drawnAt = performance.timeOrigin + performance.now(); });
})();
