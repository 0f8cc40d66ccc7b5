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

from geo.paths import asset_text

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


def script_macro(*assets: str) -> Template:
    """The ``script`` macro of an element, its body read from ``geo/maps/assets/<asset>``
    (several assets: one after the other).

    The body is our code with ``{{ this.* }}`` placeholders that
    :class:`ScriptElement` fills once; data only ever arrives as finished
    :func:`to_json` text in those attributes, never as template source.

    >>> [name for name in script_macro("labels.js").module.__dict__ if not name.startswith("_")]
    ['script']
    """
    return Template("{% macro script(this, kwargs) %}\n" + "".join(asset_text("geo.maps", asset) for asset in assets)
                    + "{% endmacro %}\n")


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

    _template = script_macro("data_layer.js")

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


DOTS_FROM = 1500  # rows shown from which a circleMarker each is slower to add, remove and paint than dots


class IncidentLayer(ScriptElement):
    """Incidents as columns (see :func:`geo.maps.route_map.incident_columns`): one
    canvas circle per incident and point, with popups and tooltips assembled on demand from
    escaped pieces, so 100,000 rows stay a few MB and one bound handler.
    From ``cluster_from`` rows on they are grouped by Leaflet.markercluster
    (its files must be on the page: see :func:`geo.maps.route_map.build_route_map`),
    so a pan no longer redraws every circle in view. From :data:`DOTS_FROM` rows
    shown (and below ``cluster_from``) they are drawn in one pass as dots
    (``dots_layer.js``), with the same popups, tooltips and clicks. With ``density``
    (:func:`geo.maps.incident_map.density_spec`) the rows shown are summed into the
    density grid's cells instead."""

    _template = script_macro("dots_layer.js", "incident_layer.js")

    def __init__(self, columns: dict, cluster_from: int = 20_000, density: dict | None = None):
        super().__init__()
        self._name = "IncidentLayer"
        self.density = to_json(density)
        self.cluster_from = int(cluster_from)
        self.dots_from = DOTS_FROM
        self.count = len(columns["lat"])
        self.json = to_json(columns)


class Labels(ScriptElement):
    """Non-interactive text labels: rows of (lat, lon, text, css class)."""

    _template = script_macro("labels.js")

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

    _template = script_macro("furniture.js")

    def __init__(self, legend_html: str, credits_html: str, css: str, sea: str,
                 detail_layer: str | None = None, detail_zoom: int = 9):
        super().__init__()
        self._name = "Furniture"
        self.legend, self.credits, self.css, self.sea = legend_html, credits_html, css, sea
        self.detail, self.detail_zoom = detail_layer, detail_zoom
