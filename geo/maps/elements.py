"""Small folium elements that emit compact Leaflet code.

Data goes in as GeoJSON or columns serialised once with HTML-safe JSON
(``<``, ``>``, ``&`` and ``'`` are escaped, so text cannot close the script).
Popups and tooltips are finished, escaped HTML made by :mod:`geo.maps.popups`.

Each element adds its script to the page as finished text (:class:`RawText`).
branca's own ``MacroElement`` compiles every rendered script as a new jinja
template: slow for big data, and ``{{ ... }}`` inside data text would be
evaluated on the server.
"""

from __future__ import annotations

import json as jsonlib
from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from branca.element import Element, Figure, MacroElement
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

COORD_DECIMALS = 4  # about 10 m: finer than any zoom the map allows


def feature(geometry: BaseGeometry, style: dict, popup: str | None = None,
            tip: str | None = None, **extra: object) -> dict:
    """A GeoJSON feature with rounded coordinates and display properties.

    >>> from shapely.geometry import Point
    >>> feature(Point(1.123456, 50.987654), {"color": "#000"}, tip="x")["geometry"]
    {'type': 'Point', 'coordinates': (1.1235, 50.9877)}
    """
    if not isinstance(style, dict):
        raise ValueError(f"Expected a dict of Leaflet style options, instead got: {style!r}")
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, COORD_DECIMALS))
    properties = {"s": style, **extra}
    if popup:
        properties["p"] = popup
    if tip:
        properties["t"] = tip
    return {"type": "Feature", "geometry": mapping(rounded), "properties": properties}


def to_json(data: object) -> str:
    """Compact JSON that is safe inside ``<script>``.

    >>> to_json({"t": "</script><b>&'"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u0027"}'
    """
    return str(htmlsafe_json_dumps(data, separators=(",", ":"), ensure_ascii=False))


class RawText(Element):
    """Finished text added to the page as it is, never compiled as a template."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class ScriptElement(MacroElement):
    """A MacroElement whose ``header``, ``html`` and ``script`` macro output is
    added as :class:`RawText`: the one way an element puts code on a page.

    Subclass it (first, or after a mixin such as folium's ``JSCSSMixin``, which
    calls ``super().render``) for every element that writes to the page;
    ``tests/test_safe_elements.py`` finds any element class that does not.
    """

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise ValueError(f"Expected the element to be inside a Figure, instead got: {figure!r}")
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            if part in macros:
                getattr(figure, part).add_child(RawText(macros[part](self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class DataLayer(ScriptElement):
    """GeoJSON features drawn with per-feature style, popup and tooltip.

    Points become circle markers (radius in pixels) on the map's renderer,
    which is canvas when the map prefers it. ``serialised`` takes the collection already made by :func:`to_json`
    (cached by the caller).
    """

    _template = Template("""
{% macro script(this, kwargs) %}
try { window.parent.crStaticParses = (window.parent.crStaticParses || 0) + 1; } catch (e) { /* cross-origin host */ }
L.geoJSON({{ this.json }}, {
  style: function (f) { return f.properties.s; },
  pointToLayer: function (f, latlng) { return L.circleMarker(latlng, f.properties.s); },
  onEachFeature: function (f, layer) {
    if (f.properties.p) { layer.bindPopup(f.properties.p, {maxWidth: 380}); }
    if (f.properties.t) { layer.bindTooltip(f.properties.t, {sticky: true}); }
  }
}).addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, features: Iterable[dict] = (), name: str = "data", serialised: str | None = None):
        super().__init__()
        self._name = "DataLayer"
        self._features = None if serialised is not None else list(features)
        self._json = serialised
        self.layer_name = name

    @property
    def data(self) -> dict:
        if self._features is None:
            return jsonlib.loads(self._json)
        return {"type": "FeatureCollection", "features": self._features}

    @property
    def json(self) -> str:
        if self._json is None:
            self._json = to_json(self.data)
        return self._json

    @property
    def count(self) -> int:
        return len(self.data["features"])


class IncidentLayer(ScriptElement):
    """Incidents as columns (see :func:`geo.maps.route_map.incident_columns`): one
    canvas circle per incident and point, with popups and tooltips assembled on demand from
    escaped pieces, so 100,000 rows stay a few MB and one bound handler.
    From ``cluster_from`` rows on they are grouped by Leaflet.markercluster
    (its files must be on the page: see :func:`geo.maps.route_map.build_route_map`),
    so a pan no longer redraws every circle in view."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var d = {{ this.json }}, group = {{ this._parent.get_name() }};
  function popup(i) {
    var w = d.words, h = '<div class="cr-pop"><h4>' + d.dates[d.date[i]] + ': ' + d.dead[i] + ' ' + w.dead +
      ', ' + d.missing[i] + ' ' + w.missing + '</h4>';
    for (var j = d.start[i]; j < d.start[i] + d.n[i]; j++) {
      h += '<p>' + d.locs[d.loc[j]] + ' (' + d.countries[d.ctry[j]] + ')<br>' + d.rd[j] + ' ' + w.dead + ', ' +
        d.rm[j] + ' ' + w.missing + '; ' + w.survivors + ' ' + d.survivors[d.surv[j]] + '; ' + w.cause + ' ' +
        d.causes[d.cause[j]] + '<br>' + w.source + ' ' + d.sources[d.src[j]] + ' (' + d.links[d.link[j]] +
        '); ' + w.quality + ' ' + d.qualities[d.q[j]] + '<br>' + w.record + ' ' + d.rids[j] +
        d.whys[d.why[j]] + '</p>';
    }
    return h + '<p>' + d.settings[d.setting[i]] + ' ' + w.heuristic + '<br>' + w.incident + ' ' + d.ids[i] +
      ', ' + d.phrases[i] + '. ' + w.minimum + '</p></div>';
  }
  function tip(i) {
    var w = d.words;
    return d.dates[d.date[i]] + ': ' + d.dm[i] + ' ' + w.dead_or_missing + (d.doubt[i] ? ' \u00b7 ' + w.doubtful : '');
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
  group.crPopup = popup;
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
{% endmacro %}
""")

    def __init__(self, columns: dict, cluster_from: int = 20_000):
        super().__init__()
        self._name = "IncidentLayer"
        self.cluster_from = int(cluster_from)
        self.count = len(columns["lat"])
        self.json = to_json(columns)


class Labels(ScriptElement):
    """Non-interactive text labels: rows of (lat, lon, text, css class)."""

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this.json }}.forEach(function (d) {
  var box = document.createElement('span'); box.textContent = d[2];
  L.marker([d[0], d[1]], {interactive: false, keyboard: false,
    icon: L.divIcon({className: 'cr-label ' + d[3], html: box.outerHTML, iconSize: null})
  }).addTo({{ this._parent.get_name() }});
});
{% endmacro %}
""")

    def __init__(self, rows: Sequence[tuple[float, float, str, str]]):
        super().__init__()
        self._name = "Labels"
        for row in rows:
            if len(row) != 4:
                raise ValueError(f"Expected (lat, lon, text, class) for a label, instead got: {row!r}")
        self.data = [list(r) for r in rows]
        self.json = to_json(self.data)


class Furniture(ScriptElement):
    """Legend, credits, sea colour, page CSS and the zoom-dependent detail coast."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var css = document.createElement('style'); css.textContent = {{ this.css|tojson }};
  document.head.appendChild(css);
  map.getContainer().style.background = {{ this.sea|tojson }};
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution({{ this.credits|tojson }});
  var legend = L.control({position: 'bottomleft'});
  legend.onAdd = function () {
    var div = L.DomUtil.create('div', 'cr-legend'); div.innerHTML = {{ this.legend|tojson }};
    L.DomEvent.disableClickPropagation(div); return div;
  };
  legend.addTo(map);
  {% if this.detail %}
  var detail = {{ this.detail }};
  function showDetail() {
    if (map.getZoom() >= {{ this.detail_zoom }}) { detail.addTo(map); detail.bringToBack(); }
    else { map.removeLayer(detail); }
  }
  map.on('zoomend', showDetail); showDetail();
  {% endif %}
})();
{% endmacro %}
""")

    def __init__(self, legend_html: str, credits_html: str, css: str, sea: str,
                 detail_layer: str | None = None, detail_zoom: int = 9):
        super().__init__()
        self._name = "Furniture"
        self.legend, self.credits, self.css, self.sea = legend_html, credits_html, css, sea
        self.detail, self.detail_zoom = detail_layer, detail_zoom
