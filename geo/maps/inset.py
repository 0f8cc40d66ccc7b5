"""The Dover Strait detail: a second Leaflet map inside the route map.

The route map shows the whole chain, Germany to Kent, at a scale where the
Strait is a few centimetres wide. :class:`StraitInset` adds a control in the
top-left corner holding a second map fitted to the Strait, drawing copies of
the route map's own layers (so popups, tooltips and the layer switches are the
same), and reserves its corner when the main map fits the chain: on a wide map
the chain sits to the right of the detail, on a tall one below it. A dashed
frame on the main map shows where the detail is. The legend starts folded,
the zoom buttons sit bottom right, and the layer list folds on narrow maps, so
no control covers the detail. Why an inset rather than a second map beside
it: docs/route-map.md.
"""

from __future__ import annotations

from jinja2 import Template

from geo.i18n import N_, _
from geo.maps.elements import ScriptElement, to_json

STRAIT_DETAIL_BOUNDS = [[50.15, 0.85], [51.2, 2.85]]
INSET_TITLE = N_("Dover Strait in detail")

INSET_CSS = """
.cr-inset { background: #fff; border-radius: 6px; box-shadow: 0 1px 5px rgba(0,0,0,.35);
  overflow: hidden; }
.cr-inset-title { font-weight: 600; font-size: 14px; padding: 3px 8px; color: #1f2328; }
.cr-inset-map { width: 100%; }
"""


class StraitInset(ScriptElement):
    """The Strait detail; add it to the map after every layer and control.

    ``groups`` are (JS name, layer name) of the feature groups to mirror
    (basemap first); the inset map exposes its copies as ``crLayers`` by
    layer name and follows the layer control. ``control`` is the layer
    control's JS name, ``chain`` the bounds the main map fits."""

    _template = Template("""
{% macro script(this, kwargs) %}
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
  var mirrors = {}, named = {};
  groups.forEach(function (g, i) {
    var m = copy(g); mirrors[L.stamp(g)] = m; named[names[i]] = m;
    if (map.hasLayer(g) || g.crAlways) { m.addTo(inset); }
    g.on('layeradd', function (e) {  // a marker shown again reuses its copy
      var k = e.layer.crMirror || copy(e.layer); if (k) { m.addLayer(k); e.layer.crMirror = k; } });
    g.on('layerremove', function (e) { if (e.layer.crMirror) { m.removeLayer(e.layer.crMirror); } });
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
{% endmacro %}
""")

    def __init__(self, groups: list[tuple[str, str]], control: str, chain: list[list[float]],
                 detail_index: int | None = None):
        super().__init__()
        self._name = "StraitInset"
        self.control = control
        self.groups, self.layer_names = [g for g, _name in groups], [n for _group, n in groups]
        self.chain, self.strait = to_json(chain), to_json(STRAIT_DETAIL_BOUNDS)
        self.title = to_json(_(INSET_TITLE))
        self.detail_index = "null" if detail_index is None else int(detail_index)

    @property
    def names(self) -> str:
        return to_json(self.layer_names)

    def keep_only(self, names: set[str]) -> None:
        """Mirror only the groups still on the map (an export may drop layers)."""
        detail = None if self.detail_index == "null" else self.groups[int(self.detail_index)]
        kept = [(g, n) for g, n in zip(self.groups, self.layer_names) if g in names]
        self.groups, self.layer_names = [g for g, _ in kept], [n for _, n in kept]
        self.detail_index = self.groups.index(detail) if detail in self.groups else "null"
