"""Build the route map: one folium.Map with the whole chain, no tiles needed.

Everything but the incidents is the same for every period: its JSON is made
once per :class:`~geo.model.scene.Scene` and van speed (:func:`static_layers`) and
reused, so a period change only encodes the incidents (:func:`incident_columns`).
"""

from __future__ import annotations

import weakref

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import LineString

from geo import vocab
from geo.data.records import by_marker, is_doubtful, marker_groups
from geo.data.road_network import ROAD_CREDIT
from geo.i18n import N_, _, current_language, format_day, format_decimal, place_name, plural_index
from geo.maps import style as ms
from geo.maps.elements import COORD_DECIMALS, DataLayer, Furniture, IncidentLayer, Labels, feature, to_json
from geo.maps.inset import INSET_CSS, StraitInset
from geo.maps.offline import APP_BASE_URL, use_local_assets
from geo.maps.popups import (
    area_popup,
    circle_words,
    count_forms,
    doubt_note,
    esc,
    incident_popup,
    incident_tooltip,
    link,
    links,
    outline_words,
    popup_words,
    records_phrase,
    survivors_text,
)
from geo.maps.safe_folium import SafeFeatureGroup, SafeLayerControl, SafeMap
from geo.model.corridors import compass, lanes_text
from geo.model.drive_time import DEFAULT_VAN_KMH, hours_range, hours_text
from geo.model.filters import quality_words
from geo.model.grid import grid_cells
from geo.model.routing import Route
from geo.model.scene import Scene
from geo.vocab import CHAIN_BOUNDS, SETTING_WORDS

CHAIN_CENTRE = [50.6, 4.6]
TSS_SOURCE = N_("Source: © OpenStreetMap contributors, seamarks (snapshot of 2025)")
STRAIT_SEA_LABELS = [(50.55, 0.55, "English Channel", "sea"), (51.95, 2.6, "North Sea", "sea")]
TOWN_LABELS = ("Calais", "Dunkirk", "Boulogne-sur-Mer", "Dover", "Folkestone", "Köln", "Essen")


def base_map(asset_base: str = APP_BASE_URL, height: int | str = "100%") -> folium.Map:
    """An empty map on the chain's extent; Leaflet from ``asset_base`` only."""
    m = SafeMap(location=CHAIN_CENTRE, zoom_start=6.5, tiles=None, prefer_canvas=True,
                control_scale=True, min_zoom=5, max_zoom=13, height=height, zoom_snap=0.5,
                max_bounds=True, min_lat=47.5, max_lat=55.5, min_lon=-5, max_lon=12)
    m.options.update(minZoom=5, maxZoom=13)  # folium hands these to a tile layer, and there is none
    use_local_assets(m, asset_base)
    return m


def _basemap_json(layers: dict[str, gpd.GeoDataFrame]) -> dict[str, str]:
    land = {"color": ms.LAND_EDGE, "weight": 0.8, "fillColor": ms.LAND, "fillOpacity": 1}
    styles = {"countries": land, "borders": {"color": "#7b8590", "weight": 1.2, "dashArray": "5 4"},
              "roads": {"color": "#c9bfae", "weight": 1.5}, "land_detail": land}
    serialised = {key: _collection([feature(g, style) for g in layers[key].geometry])
                  for key, style in styles.items() if key in layers}
    labels = [(lat, lon, place_name(name).upper(), kind) for lat, lon, name, kind in STRAIT_SEA_LABELS]
    if "towns" in layers:
        towns = layers["towns"][layers["towns"]["name"].isin(TOWN_LABELS)]
        labels += [(p.y, p.x, place_name(name), "town") for name, p in zip(towns["name"], towns.geometry)]
    serialised["labels"] = labels
    return serialised


def _basemap(m: folium.Map, static: dict) -> tuple[str, str | None]:
    """The basemap group and the zoom-dependent detailed coast (JS names)."""
    base = SafeFeatureGroup(name="Basemap", control=False).add_to(m)
    for key in ("countries", "borders", "roads"):
        if key in static:
            DataLayer(serialised=static[key]).add_to(base)
    Labels(static["labels"]).add_to(base)
    if "land_detail" not in static:
        return base.get_name(), None
    detail = SafeFeatureGroup(name="Detailed coast", control=False, show=False).add_to(m)
    DataLayer(serialised=static["land_detail"]).add_to(detail)
    return base.get_name(), detail.get_name()


def _area_features(areas: gpd.GeoDataFrame, style_of) -> list[dict]:
    return [feature(a.geometry, style_of(a),
                    popup=area_popup(a.name, circle_words(a.level, a.radius_km, a.radius_basis), a.reports),
                    tip=f"{esc(place_name(a.name))} ({esc(_(a.level))}, ~{a.radius_km:g} km)")
            for a in areas.itertuples(index=False)]


def _storage_features(storage: gpd.GeoDataFrame) -> list[dict]:
    """Each storage place as its outline, styled by the strongest kind reported there."""
    return [feature(a.geometry, _storage_style(a),
                    popup=area_popup(a.name, outline_words(a.level, a.outline_basis, a.kinds), a.reports),
                    tip=f"{esc(place_name(a.name))}: {esc(_kinds(a.kinds))} ({esc(a.outline_level)})")
            for a in storage.itertuples(index=False)]


def _kinds(kinds) -> str:
    return ", ".join(_(kind) for kind in kinds)


STORAGE_FILL = {"storage_region": 0.08, "storage_district": 0.16, "storage_city": 0.45}


def _storage_style(area) -> dict:
    found = area.kind_shown in ("storage", "seizure")
    colour = ms.STORAGE if found else ms.RAID
    return {"color": colour, "weight": 1.5 if area.kind == "storage_region" else 2,
            "dashArray": None if found else "5 4", "fillColor": colour,
            "fillOpacity": STORAGE_FILL[area.kind] * (1 if found else 0.5)}


def route_tooltip(r: Route, van_kmh: float) -> str:
    """What a route line says on hover: km, the hours range, its roads and its status."""
    low, high = hours_range(r, van_kmh)
    status = (_("indicative: a region has no single place, so this route leaves from its "
                "population-weighted centre") if r.indicative else _("computed shortest route, not a reported one"))
    flag = " " + _("Long straight leg: the place is far from the network.") if r.long_access else ""
    return esc(_("{origin} → {destination}: {km} km, {hours} (speed limits to typical van speeds, van top speed "
                 "{speed} km/h; no stops). Roads: {roads}. Access {access} km + road {road} km + {egress} km to "
                 "the coast; {status}.").format(
        origin=place_name(r.origin), destination=place_name(r.destination), km=f"{r.total_km:.0f}",
        hours=hours_text(low, high), speed=f"{van_kmh:g}", roads=r.refs_text or _("unnamed"),
        access=format_decimal(r.access_km), road=f"{r.road_km:.0f}", egress=format_decimal(r.egress_km),
        status=status)) + esc(flag) + " " + esc(ROAD_CREDIT)


def _route_features(routes: list[Route], van_kmh: float) -> list[dict]:
    features = []
    for r in routes:
        tip = route_tooltip(r, van_kmh)
        opacity, weight = (0.4, 3) if r.indicative else (0.85, 4)
        solid = {"color": ms.ROUTE, "weight": weight, "opacity": opacity}
        dashed = {"color": ms.ROUTE, "weight": weight - 1, "opacity": opacity, "dashArray": "4 6"}
        features.append(feature(LineString(r.road_path), solid, tip=tip))
        for leg in (r.access_line, r.egress_line):
            if leg[0] != leg[1]:
                features.append(feature(LineString(leg), dashed, tip=tip))
    return features


def _corridor_features(scene: Scene) -> list[dict]:
    style = {"color": ms.CORRIDOR, "weight": 3, "dashArray": "8 6", "opacity": 0.9}
    lanes = lambda c: lanes_text(c.lanes_crossed)  # noqa: E731
    return [feature(c.line, style, tip=esc(_("{launch} → {landing}: {km} km by sea; crosses TSS lanes: {lanes}").format(
                launch=place_name(c.launch), landing=place_name(c.landing), km=f"{c.km:.0f}", lanes=lanes(c))))
            for c in scene.corridors]


TSS_KINDS = {"separation_lane": N_("TSS separation lane"), "separation_boundary": N_("TSS separation boundary"),
             "separation_zone": N_("TSS separation zone"), "separation_line": N_("TSS separation line"),
             "inshore_traffic_zone": N_("Inshore traffic zone"), "separation_crossing": N_("TSS crossing area"),
             "anchorage": N_("Anchorage")}


def _tss_features(tss: gpd.GeoDataFrame) -> list[dict]:
    features = []
    for kind, flow, geometry in zip(tss["seamark_type"], tss.get("tss_flow_cardinal"), tss.geometry):
        if geometry.geom_type == "Polygon":
            style = {"color": ms.TSS_ZONE, "weight": 1, "fillColor": ms.TSS_ZONE, "fillOpacity": 0.35}
        else:
            style = {"color": ms.TSS_LANE, "weight": 2 if kind == "separation_lane" else 1}
        tip = (esc(_(TSS_KINDS.get(kind, kind)))
               + (esc(_(", traffic flows {flow}").format(flow=compass(flow))) if isinstance(flow, str) else "")
               + f". {esc(_(TSS_SOURCE))}")
        features.append(feature(geometry, style, tip=tip))
    return features


def _boundary_features(boundary: gpd.GeoDataFrame) -> list[dict]:
    lines = boundary[boundary.geometry.geom_type == "LineString"]
    style = {"color": ms.BOUNDARY, "weight": 2.5, "dashArray": "10 5 2 5"}
    tip = esc(_("UK–France territorial-sea boundary, Dover Strait (1988 agreement, points I–VI)"))
    return [feature(g, style, tip=tip) for g in lines.geometry]


def incident_features(incidents: gpd.GeoDataFrame) -> list[dict]:
    """One circle per incident and published point (:func:`geo.data.records.by_marker`),
    sized by dead + missing, coloured by setting, dashed when the location is
    doubtful; ``i``, ``d`` and ``x`` hold the incident id, dead and missing."""
    features = []
    for records in marker_groups(incidents):
        first = records.iloc[0]
        style = ms.incident_style(int(records["dead_missing"].sum()), first["setting"], is_doubtful(records))
        features.append(feature(first.geometry, style, popup=incident_popup(records),
                                tip=incident_tooltip(records), i=str(first["incident_id"]),
                                d=int(records["dead"].sum()), x=int(records["missing"].sum())))
    return features


def incident_columns(incidents: gpd.GeoDataFrame) -> dict:
    """Incidents as compact columns for :class:`~geo.maps.elements.IncidentLayer`:
    one entry per marker (:func:`geo.data.records.by_marker`: an incident's records
    at one point) and one per record (``start`` and ``n`` link them); text as
    escaped values in look-up lists (dates, places, causes and sources repeat).
    The popup the map assembles equals :func:`geo.maps.popups.incident_popup`."""
    rows = by_marker(incidents)
    markers = rows.drop_duplicates("marker")
    sums = rows.groupby("marker")[["dead", "missing", "dead_missing"]].sum()
    counts = rows.groupby("marker").size()
    doubts = rows.get("location_doubt", pd.Series("", index=rows.index)).fillna("").astype(str)
    columns = {"lat": _rounded(shapely.get_y(markers.geometry.values)),
               "lon": _rounded(shapely.get_x(markers.geometry.values)),
               "dead": sums["dead"].astype(int).tolist(), "missing": sums["missing"].astype(int).tolist(),
               "dm": sums["dead_missing"].astype(int).tolist(), "ids": [esc(v) for v in markers["incident_id"]],
               "n": counts.astype(int).tolist(), "start": (counts.cumsum() - counts).astype(int).tolist(),
               "of": markers["records_total"].astype(int).tolist(),
               "doubt": (doubts != "").groupby(rows["marker"].to_numpy()).any().astype(int).tolist(),
               "doubt_style": ms.DOUBT_STYLE, "rd": rows["dead"].astype(int).tolist(),
               "rm": rows["missing"].astype(int).tolist(), "rids": [esc(v) for v in rows["record_id"]]}
    columns["r"] = [ms.incident_radius(v) for v in columns["dm"]]
    rows_of, cols_of = grid_cells(shapely.get_y(markers.geometry.values), shapely.get_x(markers.geometry.values))
    cell, cells = pd.factorize(pd.Series(list(zip(rows_of.tolist(), cols_of.tolist())), dtype=object))
    columns["cell"], columns["cells"] = cell.tolist(), [list(c) for c in cells]  # the density grid's
    columns["words"], columns["counts"] = popup_words(), count_forms()
    counts = {*columns["dead"], *columns["missing"], *columns["dm"], *columns["rd"], *columns["rm"]}
    columns["plural"] = {str(n): plural_index(n) for n in sorted(counts)}
    columns["phrases"] = [esc(records_phrase(n, of)) for n, of in zip(columns["n"], columns["of"])]
    per_marker = {"date": ("dates", markers["date"].dt.date, lambda v: esc(format_day(v))),
                  "setting": ("settings", markers["setting"], lambda v: esc(_(SETTING_WORDS.get(v, v))))}
    per_record = {"loc": ("locs", rows["location"], esc), "cause": ("causes", rows["cause"], esc),
                  "ctry": ("countries", rows["country"], esc), "src": ("sources", rows["source"], esc),
                  "surv": ("survivors", rows["survivors"].map(survivors_text), esc),
                  "link": ("links", rows["url"], lambda v: links(v, _("link"))), "why": ("whys", doubts, doubt_note),
                  "q": ("qualities", rows["source_quality"], lambda v: esc(quality_words(v)))}
    for key, (table, values, render) in {**per_marker, **per_record}.items():
        codes, uniques = pd.factorize(values.astype(object).where(values.notna(), None), use_na_sentinel=False)
        columns[key], columns[table] = codes.tolist(), [render(u) for u in uniques]
        if key == "setting":
            columns["colours"] = [ms.SETTING_COLOURS.get(u, "#555555") for u in uniques]
    return columns


def credits_html() -> str:
    """The map's attribution: every publisher, with the link BKG asks for."""
    return f"{esc(vocab.credits())} ({link(ms.BKG_URL, 'bkg.bund.de')})"


def _rounded(values: np.ndarray) -> list[float]:
    return np.round(values, COORD_DECIMALS).tolist()


def _collection(features: list[dict]) -> str:
    return to_json({"type": "FeatureCollection", "features": features})


def serialise_static_layers(scene: Scene, speed_kmh: float) -> dict:
    """JSON of everything that does not depend on the period (slow part)."""
    empty = gpd.GeoDataFrame(geometry=[], crs="EPSG:4326")
    layers = {
        "Storage places": _storage_features(scene.storage) if scene.storage is not None else [],
        "Supply routes": _route_features(scene.drawn_routes, speed_kmh),
        "Launch areas": _area_features(scene.launch, lambda a: {
            "color": "#b07800", "weight": 2, "fillColor": ms.LAUNCH, "fillOpacity": 0.6})
        if scene.launch is not None else [],
        "Crossing corridors": _corridor_features(scene),
        "Landing points": _area_features(scene.landing, lambda a: {
            "color": "#00664a", "weight": 2, "fillColor": ms.LANDING, "fillOpacity": 0.55})
        if scene.landing is not None else [],
        "Shipping lanes (TSS)": _tss_features(scene.tss) if scene.tss is not None else [],
        "UK-France boundary": _boundary_features(scene.layers.get("boundary", empty)),
    }
    static = {name: _collection(features) for name, features in layers.items()}
    static["basemap"] = _basemap_json(scene.layers)
    static["region_labels"] = [] if scene.storage is None else [
        (a.centre_lat, a.centre_lon, place_name(a.name), "region")
        for a in scene.storage.itertuples(index=False) if a.kind == "storage_region"]
    return static


EMPTY_INCIDENTS = gpd.GeoDataFrame(
    {"incident_id": [], "record_id": [], "date": pd.to_datetime([]), "dead": [], "missing": [],
     "dead_missing": [], "survivors": [], "location": [], "cause": [], "country": [], "source": [], "url": [],
     "source_quality": [], "setting": [], "location_doubt": [], "lat": [], "lon": []},
    geometry=[], crs="EPSG:4326")
CLUSTER_FROM = 20_000  # incidents; below this every circle is drawn, above it they cluster
CLUSTER_FILES = {"js": [("markercluster", "leaflet.markercluster.js")],
                 "css": [("markercluster_css", "MarkerCluster.css"),
                         ("markercluster_default_css", "MarkerCluster.Default.css")]}


def _use_markercluster(m: folium.Map, asset_base: str) -> None:
    m.default_js = m.default_js + [(name, f"{asset_base}/{file}") for name, file in CLUSTER_FILES["js"]]
    m.default_css = m.default_css + [(name, f"{asset_base}/{file}") for name, file in CLUSTER_FILES["css"]]


_STATIC_CACHE: dict[tuple[int, float, str], tuple[weakref.ref, dict]] = {}


def static_layers(scene: Scene, speed_kmh: float = DEFAULT_VAN_KMH) -> dict:
    """:func:`serialise_static_layers`, made once per scene and speed.

    The scene is built once and not changed afterwards (``ui.widgets.route_scene``).
    """
    key = (id(scene), float(speed_kmh), current_language())
    hit = _STATIC_CACHE.get(key)
    if hit is not None and hit[0]() is scene:
        return hit[1]
    static = serialise_static_layers(scene, speed_kmh)
    if len(_STATIC_CACHE) >= 32:
        _STATIC_CACHE.clear()
    _STATIC_CACHE[key] = (weakref.ref(scene), static)
    return static


def build_route_map(scene: Scene, incidents: gpd.GeoDataFrame | None, asset_base: str = APP_BASE_URL,
                    speed_kmh: float = DEFAULT_VAN_KMH, height: int | str = "100%",
                    live: bool = False, extra_css: str = "") -> folium.Map:
    """The whole chain on one map; every one of the eight layers is always
    present (empty when its data failed to load), so the control never changes.

    ``live``: the map document is made once and the incidents arrive later
    through ``crIncidents.update`` (see :mod:`geo.maps.live_map`), so the incident
    layer is always there and markercluster is always on the page. ``extra_css`` follows the map's own
    CSS (the projector's larger type)."""
    m = base_map(asset_base, height)
    static = static_layers(scene, speed_kmh)
    base, detail = _basemap(m, static["basemap"])
    groups = [(base, "Basemap")] + ([(detail, "Detailed coast")] if detail else [])
    for name in vocab.LAYER_NAMES:
        group = SafeFeatureGroup(name=_(name)).add_to(m)
        group.layer_key = name  # the English name: geo.export.explainer picks layers by it
        groups.append((group.get_name(), name))
        if name != "Incidents":
            DataLayer(serialised=static[name], name=name).add_to(group)
        elif live or incidents is not None and len(incidents):
            rows = incidents if incidents is not None else EMPTY_INCIDENTS
            layer = IncidentLayer(incident_columns(rows), CLUSTER_FROM).add_to(group)
            if live or layer.count >= CLUSTER_FROM:
                _use_markercluster(m, asset_base)
    Labels(static["region_labels"]).add_to(m)
    control = SafeLayerControl(collapsed=True, position="topright").add_to(m)
    Furniture(ms.legend_html(speed_kmh), credits_html(), ms.MAP_CSS + INSET_CSS + extra_css, ms.SEA, detail).add_to(m)
    StraitInset(groups, control.get_name(), CHAIN_BOUNDS, 1 if detail else None).add_to(m)
    return m
