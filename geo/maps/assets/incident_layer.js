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
  // One marker per row, made once per table; a change adds and removes only what differs.
  var made = {columns: null, markers: [], on: null, cluster: null};
  function make() {
    group.clearLayers();
    made.columns = d; made.markers = []; made.on = new Uint8Array(d.lat.length); made.cluster = null;
    for (var i = 0; i < d.lat.length; i++) {
      var style = {radius: d.r[i], color: '#ffffff', weight: 1.2, fillColor: d.colours[d.setting[i]],
        fillOpacity: 0.85, crIndex: i};
      if (d.doubt[i]) { for (var key in d.doubt_style) { style[key] = d.doubt_style[key]; } }
      made.markers.push(L.circleMarker([d.lat[i], d.lon[i]], style));
    }
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
  function draw(columns, months, month) {
    d = columns;
    if (made.columns !== d) { make(); }
    var want = wanted(months, month), on = made.on, markers = made.markers, count = 0, kept = 0, i;
    for (i = 0; i < want.length; i++) { count += want[i]; kept += want[i] & on[i]; }
    if (count >= {{ this.cluster_from }} && L.markerClusterGroup) {
      group.clearLayers();
      made.cluster = L.markerClusterGroup({chunkedLoading: true, disableClusteringAtZoom: 12,
        spiderfyOnMaxZoom: false}).addLayers(markers.filter(function (m, j) { return want[j]; })).addTo(group);
    } else {
      if (made.cluster || (kept && count > kept)) { group.clearLayers(); on.fill(0); made.cluster = null; }
      // (re-added from scratch when rows join rows already shown: big circles stay below small ones)
      for (i = 0; i < want.length; i++) { if (on[i] && !want[i]) { group.removeLayer(markers[i]); } }
      for (i = 0; i < want.length; i++) { if (want[i] && !on[i]) { group.addLayer(markers[i]); } }
    }
    made.on = want;
    return count;
  }
  draw(d, null, null);
  group.on('click', function (e) {
    if (all.onClick && e.layer.options.crIndex != null) { all.onClick(d.ids[e.layer.options.crIndex]); }
  });
  group.crPopup = popup; group.crTip = tip;
  group.bindPopup(function (layer) { return popup(layer.options.crIndex); }, {maxWidth: 380});
  group.bindTooltip(function (layer) { return tip(layer.options.crIndex); }, {sticky: true});
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
