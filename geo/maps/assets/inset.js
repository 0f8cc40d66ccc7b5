{# geo.maps.inset.StraitInset: the Dover Strait detail map in the top-left corner.
    Jinja macro body, wrapped by geo.maps.elements.script_macro and rendered once by ScriptElement:
    {{ this.* }} are the element's own attributes, data only as finished HTML-safe JSON (to_json). -#}
(function () {
  var map = {{ this._parent.get_name() }}, control = {{ this.control }};
  var groups = [{{ this.groups|join(', ') }}], names = {{ this.names }};
  var chain = {{ this.chain }}, strait = {{ this.strait }};
  var box = L.DomUtil.create('div', 'cr-inset');
  var title = L.DomUtil.create('div', 'cr-inset-title', box); title.textContent = {{ this.title }};
  var holder = L.DomUtil.create('div', 'cr-inset-map', box);
  L.DomEvent.disableClickPropagation(box); L.DomEvent.disableScrollPropagation(box);
  var Inset = L.Control.extend({options: {position: 'topleft'}, onAdd: function () { return box; }});
  if (map.zoomControl) { map.zoomControl.setPosition('bottomright'); }
  new Inset().addTo(map);
  function layout() {
    var c = map.getSize(), wide = c.x >= c.y * 1.15;
    // a tall map leaves the top-right corner to the (folded) layer control
    var w = wide ? Math.min(Math.max(c.x * 0.36, 260), 620) : c.x - 76;
    var h = wide ? Math.min(Math.max(c.y * 0.66, 240), 520) : Math.min(Math.max(c.y * 0.44, 200), 380);
    box.style.width = w + 'px'; holder.style.height = (h - 24) + 'px';
    if (c.x < 900 && control.collapse) { control.collapse(); }
    var credits = map.attributionControl ? map.attributionControl.getContainer().offsetHeight : 0;
    return wide ? {paddingTopLeft: [w + 20, 10], paddingBottomRight: [10, credits + 10]}
                : {paddingTopLeft: [10, h + 20], paddingBottomRight: [10, credits + 10]};
  }
  var padding = layout();
  var inset = L.map(holder, {zoomControl: false, attributionControl: false, preferCanvas: true,
    zoomSnap: 0.25, minZoom: 7, maxZoom: 13, maxBounds: [[49.0, -1.5], [52.5, 4.5]]});
  inset.getContainer().style.background = map.getContainer().style.background;
  inset.fitBounds(strait, {animate: false});
  L.control.zoom({position: 'bottomright'}).addTo(inset);
  function copy(layer) {
    var c = null, o = L.extend({}, layer.options); delete o.renderer; delete o.pane;
    if (layer instanceof L.LayerGroup) {
      c = L.featureGroup(); c.crFrom = layer;
      layer.eachLayer(function (l) { var k = copy(l); if (k) { c.addLayer(k); } });
    } else if (layer instanceof L.CircleMarker) { c = L.circleMarker(layer.getLatLng(), o);
    } else if (layer instanceof L.Polygon) { c = L.polygon(layer.getLatLngs(), o);
    } else if (layer instanceof L.Polyline) { c = L.polyline(layer.getLatLngs(), o);
    } else if (layer instanceof L.Marker) { c = L.marker(layer.getLatLng(), o); }
    if (!c) { return null; }
    var p = layer.getPopup && layer.getPopup(), t = layer.getTooltip && layer.getTooltip();
    if (p) { c.bindPopup(p._content, p.options); }
    if (t) { c.bindTooltip(t._content, t.options); }
    return c;
  }
  // From {{ this.dots_from }} incidents on, an incident layer draws them as dots in one pass (L.CrDots,
  // dots_layer.js), and so does the detail, instead of copying marker by marker.
  function mirror(g, m) {  // a marker shown again reuses its copy
    var bulk = false, dots = null;
    g.on('layeradd', function (e) {
      if (bulk) { return; }
      var k = e.layer.crMirror || copy(e.layer); if (k) { m.addLayer(k); e.layer.crMirror = k; } });
    g.on('layerremove', function (e) { if (!bulk && e.layer.crMirror) { m.removeLayer(e.layer.crMirror); } });
    g.on('crdrawstart', function (e) {  // an incident layer about to show e.count rows
      var was = bulk; bulk = e.count >= {{ this.dots_from }};
      if (bulk && !was) { m.clearLayers(); m.addLayer(dots = dots || new L.CrDots()); }
      if (!bulk && was) { m.removeLayer(dots); }  // the layer then adds every marker again
    });
    g.on('crdrawend', function (e) {
      if (bulk) { dots.show(e.columns, e.want, {style: g.crStyle, popup: g.crPopup, tip: g.crTip}); }
    });
    if (g.crDrawn) { g.fire('crdrawstart', g.crDrawn); g.fire('crdrawend', g.crDrawn); }  // drawn before the detail
  }
  var mirrors = {}, named = {};
  groups.forEach(function (g, i) {
    var m = copy(g); mirrors[L.stamp(g)] = m; named[names[i]] = m;
    if (map.hasLayer(g) || g.crAlways) { m.addTo(inset); }
    mirror(g, m);
  });
  groups[{{ this.detail_index }}] && mirrors[L.stamp(groups[{{ this.detail_index }}])].addTo(inset).bringToBack();
  function follow(show) {
    return function (e) { var m = mirrors[L.stamp(e.layer)]; if (m) { show ? m.addTo(inset) : inset.removeLayer(m); } };
  }
  map.on('overlayadd', follow(true)); map.on('overlayremove', follow(false));
  L.rectangle(strait, {color: '#1f2328', weight: 1.5, dashArray: '4 3', fill: false, interactive: false})
    .addTo(map);
  map.crFitPadding = function () { return padding; };
  map.fitBounds(chain, L.extend({animate: false}, padding));
  // Until the reader moves the map, a resize (the app's frame settling) fits the chain again.
  var touched = false;
  map.on('dragstart', function () { touched = true; });
  map.getContainer().addEventListener('wheel', function () { touched = true; }, {passive: true});
  map.on('resize', function () {
    padding = layout(); inset.invalidateSize();
    if (!touched) { map.fitBounds(chain, L.extend({animate: false}, padding)); }
  });
  map.crInset = inset; inset.crLayers = named;
})();
