"""Incidents-only map: clusters, every point, or a density grid; offline.

Points are circle markers on the canvas renderer. Clusters use the vendored
Leaflet.markercluster (``static/vendor``, see :mod:`geo.maps.offline`), never a CDN.
"""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
from folium.elements import JSCSSMixin
from shapely.geometry import box

from geo.i18n import N_, _, format_number, group_symbol, plural_index
from geo.maps import style as ms
from geo.maps.elements import DataLayer, Furniture, IncidentLayer, ScriptElement, feature, script_macro, to_json
from geo.maps.offline import APP_BASE_URL
from geo.maps.popups import COUNTED, counted, esc
from geo.maps.route_map import CLUSTER_FILES, EMPTY_INCIDENTS, base_map, incident_columns, incident_features
from geo.maps.safe_folium import fit_bounds
from geo.model.grid import GRID_DEG, grid_cells
from geo.paths import asset_text
from geo.vocab import CHANNEL_BOUNDS

MODES = {"clusters": N_("Clusters"), "points": N_("Every incident"), "density": N_("Density grid")}
DENSITY_COLOURS = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"]  # viridis: colour-blind safe
DENSITY_STEPS = [1, 3, 10, 30]


def point_features(incidents: gpd.GeoDataFrame) -> list[dict]:
    """One circle per incident and point, with the same popup as the route map."""
    return incident_features(incidents)


def density_level(total: float) -> int:
    """Index into the density colours.

    >>> density_level(0), density_level(1), density_level(5), density_level(40)
    (0, 1, 2, 4)
    """
    return sum(total >= step for step in DENSITY_STEPS)


def density_cells(incidents: pd.DataFrame, size: float = GRID_DEG) -> pd.DataFrame:
    """Dead + missing summed in square cells of ``size`` degrees.

    >>> import pandas as pd
    >>> d = pd.DataFrame({"lat": [50.71, 50.72, 51.0, 51.0], "lon": [1.61, 1.62, 2.0, 2.0],
    ...                   "dead_missing": [2, 3, 1, 1], "incident_id": ["a", "b", "c", "c"]})
    >>> density_cells(d)[["dead_missing", "incidents"]].values.tolist()
    [[5, 2], [2, 1]]
    """
    rows, cols = grid_cells(incidents["lat"], incidents["lon"], size)
    cells = incidents.assign(row=rows, col=cols)
    grouped = cells.groupby(["row", "col"]).agg(dead_missing=("dead_missing", "sum"),
                                                incidents=("incident_id", "nunique")).reset_index()
    return grouped.sort_values(["row", "col"]).reset_index(drop=True)


DENSITY_STYLE = {"color": "#333333", "weight": 0.6, "fillOpacity": 0.8}


def density_tip(dead_missing: int, incidents: int) -> str:
    """A cell's tooltip (escaped); the in-place grid (``incident_layer.js``) writes the same.

    >>> density_tip(5, 2)
    '5 dead or missing in 2 incidents in this cell'
    """
    return (counted("dead_or_missing", dead_missing) + " "
            + esc(COUNTED["cell_incidents"](incidents)).format(count=format_number(incidents)))


def density_features(incidents: pd.DataFrame, size: float = GRID_DEG) -> list[dict]:
    features = []
    for cell in density_cells(incidents, size).itertuples(index=False):
        shape = box(cell.col * size, cell.row * size, (cell.col + 1) * size, (cell.row + 1) * size)
        style = {**DENSITY_STYLE, "fillColor": DENSITY_COLOURS[density_level(cell.dead_missing)]}
        features.append(feature(shape, style, tip=density_tip(int(cell.dead_missing), int(cell.incidents))))
    return features


def density_spec(size: float = GRID_DEG) -> dict:
    """What the in-place grid needs besides the incident table: the cell size, the colour steps
    (:func:`density_level`), the cells' style, and for its tooltips the plural form of every count below
    200 (the three languages use the form of 200 above it) and the locale's thousands separator.

    >>> spec = density_spec()
    >>> spec["size"], spec["steps"], spec["plural_of"][:3], spec["group"]
    (0.1, [1, 3, 10, 30], [1, 0, 1], ',')
    """
    return {"size": size, "steps": DENSITY_STEPS, "colours": DENSITY_COLOURS, "style": DENSITY_STYLE,
            "plural_of": [plural_index(n) for n in range(200)], "group": group_symbol()}


class ClusterLayer(JSCSSMixin, ScriptElement):
    """Circle markers grouped by Leaflet.markercluster from local files; the
    features reach the page as finished text (:class:`~geo.maps.elements.ScriptElement`)."""

    _template = script_macro("cluster_layer.js")

    def __init__(self, features: list[dict], base_url: str = APP_BASE_URL):
        super().__init__()
        self._name = "ClusterLayer"
        self.data = {"type": "FeatureCollection", "features": features}
        self.json = to_json(self.data)
        self.max_zoom = 13
        self.css = asset_text("geo.maps", "cluster_layer.css")
        self.default_js = [("markercluster", f"{base_url}/leaflet.markercluster.js")]
        self.default_css = [("markercluster_css", f"{base_url}/MarkerCluster.css"),
                            ("markercluster_default_css", f"{base_url}/MarkerCluster.Default.css")]


def legend(mode: str) -> str:
    if mode == "density":
        steps = ["1–2", "3–9", "10–29", "30+"]
        words = {"dm": _("dead or missing"), "under": _("under 1"), "legend": _("Legend"),
                 "cells": _("Cells of {deg}° (about 11 × 7 km).").format(deg=GRID_DEG)}
        rows = "".join(f'<li><i class="cr-sw" style="background:{c}"></i>{s} {words["dm"]}</li>'
                       for c, s in zip(DENSITY_COLOURS[1:], steps))
        return (f"<details open><summary><b>{words['legend']}</b></summary><ul>"
                f'<li><i class="cr-sw" style="background:{DENSITY_COLOURS[0]}"></i>{words["under"]}</li>{rows}</ul>'
                f"<small>{words['cells']}</small></details>")
    sea, land = ms.SETTING_COLOURS["sea_or_shore"], ms.SETTING_COLOURS["land_or_inland"]
    words = {"legend": _("Legend"), "sea": _("At sea or on the shore"), "land": _("On land or inland"),
             "area": _("Circle area ∝ dead + missing (IOM minimum estimates)."),
             "clusters": " " + _("Numbered circles: clusters; click to zoom in.") if mode == "clusters" else ""}
    return (f"<details open><summary><b>{words['legend']}</b></summary><ul>"
            f'<li><i class="cr-sw" style="background:{sea};border-radius:50%"></i>{words["sea"]}</li>'
            f'<li><i class="cr-sw" style="background:{land};border-radius:50%"></i>{words["land"]}</li>'
            f"{ms.doubt_legend()}</ul><small>{words['area']}{words['clusters']}</small></details>")


def build_incident_map(incidents: gpd.GeoDataFrame, countries: gpd.GeoDataFrame | None, mode: str = "clusters",
                       asset_base: str = APP_BASE_URL, height: int | str = "100%",
                       fit_to: gpd.GeoDataFrame | None = None) -> folium.Map:
    """The filtered incidents on a plain land/sea basemap, fitted to ``fit_to``
    (default: the incidents themselves; side-by-side maps pass both sides so
    they share one extent)."""
    if mode not in MODES:
        raise ValueError(f"Expected a map mode in {list(MODES)}, instead got: {mode!r}")
    m = base_map(asset_base, height)
    if countries is not None:
        land = {"color": ms.LAND_EDGE, "weight": 0.8, "fillColor": ms.LAND, "fillOpacity": 1}
        DataLayer([feature(g, land) for g in countries.geometry], "Land").add_to(m)
    if mode == "density":
        DataLayer(density_features(incidents), "Density").add_to(m)
    elif mode == "clusters":
        ClusterLayer(point_features(incidents), asset_base).add_to(m)
    else:
        DataLayer(point_features(incidents), "Incidents").add_to(m)
    bounds = CHANNEL_BOUNDS
    extent = incidents if fit_to is None else fit_to
    if len(extent):
        west, south, east, north = extent.total_bounds
        bounds = [[south - 0.15, west - 0.2], [north + 0.15, east + 0.2]]
    fit_bounds(m, bounds, padding_top_left=(230, 20), padding_bottom_right=(20, 120))  # clear of the legend
    Furniture(legend(mode), esc(_("Data: IOM Missing Migrants Project (minimum estimates) · Natural Earth")),
              ms.MAP_CSS, ms.SEA).add_to(m)
    return m


IN_PLACE_MODES = ("clusters", "points", "density")


def build_incident_base(countries: gpd.GeoDataFrame | None, mode: str = "clusters",
                        asset_base: str = APP_BASE_URL, height: int | str = "100%") -> folium.Map:
    """The incidents map without incidents, for the in-place map (:mod:`geo.maps.live_map`):
    land, an empty incident layer (clustered, every point, or the density grid, which the browser
    sums from the table's cells) and the legend, on the Channel. Incidents arrive through
    ``crIncidents.update``."""
    if mode not in IN_PLACE_MODES:
        raise ValueError(f"Expected a map mode in {list(IN_PLACE_MODES)}, instead got: {mode!r}")
    m = base_map(asset_base, height)
    m.default_js = m.default_js + [(n, f"{asset_base}/{f}") for n, f in CLUSTER_FILES["js"]]
    m.default_css = m.default_css + [(n, f"{asset_base}/{f}") for n, f in CLUSTER_FILES["css"]]
    if countries is not None:
        land = {"color": ms.LAND_EDGE, "weight": 0.8, "fillColor": ms.LAND, "fillOpacity": 1}
        DataLayer([feature(g, land) for g in countries.geometry], "Land").add_to(m)
    group = folium.FeatureGroup(name="Incidents").add_to(m)
    IncidentLayer(incident_columns(EMPTY_INCIDENTS), cluster_from=1 if mode == "clusters" else 10**9,
                  density=density_spec() if mode == "density" else None).add_to(group)
    m.fit_bounds(CHANNEL_BOUNDS, padding_top_left=(230, 20), padding_bottom_right=(20, 120))
    Furniture(legend(mode), esc(_("Data: IOM Missing Migrants Project (minimum estimates) · Natural Earth")),
              ms.MAP_CSS, ms.SEA).add_to(m)
    return m
