"""Small folium elements that emit compact Leaflet code.

Data goes in as GeoJSON through jinja's ``tojson`` (HTML-safe: ``<``, ``>``
and ``&`` are escaped, so text cannot close the script). Popups and tooltips
are finished, escaped HTML made by :mod:`geo.popups`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from branca.element import MacroElement
from jinja2 import Template
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


class DataLayer(MacroElement):
    """GeoJSON features drawn with per-feature style, popup and tooltip.

    Points become circle markers (radius in pixels) on the map's renderer,
    which is canvas when the map prefers it.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
L.geoJSON({{ this.data|tojson }}, {
  style: function (f) { return f.properties.s; },
  pointToLayer: function (f, latlng) { return L.circleMarker(latlng, f.properties.s); },
  onEachFeature: function (f, layer) {
    if (f.properties.p) { layer.bindPopup(f.properties.p, {maxWidth: 380}); }
    if (f.properties.t) { layer.bindTooltip(f.properties.t, {sticky: true}); }
  }
}).addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, features: Iterable[dict], name: str = "data"):
        super().__init__()
        self._name = "DataLayer"
        self.data = {"type": "FeatureCollection", "features": list(features)}
        self.layer_name = name

    @property
    def count(self) -> int:
        return len(self.data["features"])


class Labels(MacroElement):
    """Non-interactive text labels: rows of (lat, lon, text, css class)."""

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this.data|tojson }}.forEach(function (d) {
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


class Furniture(MacroElement):
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
