"""The usual way to draw the same map, for ratios: ``GeoDataFrame.explore()``
of every layer, and plain folium with one ``Marker`` (or ``CircleMarker``)
per incident. Both rebuild every layer on each period change, as a Streamlit
script does when nothing is cached beyond the data.

They get the same local Leaflet as ours (no tiles, no CDN), so the browser
figures compare drawing, not network.
"""

from __future__ import annotations

import folium
import geopandas as gpd
from shapely.geometry import LineString

from geo.data.records import marker_groups
from geo.maps.offline import APP_BASE_URL, use_local_assets
from geo.maps.popups import incident_popup, incident_tooltip
from geo.maps.route_map import CHAIN_CENTRE
from geo.model.drive_time import DEFAULT_VAN_KMH, hours_range
from geo.model.scene import Scene

AREA_COLUMNS = ["name", "level", "radius_km", "geometry"]
INCIDENT_COLUMNS = ["date", "dead", "missing", "dead_missing", "location", "cause", "source", "geometry"]
CRS = "EPSG:4326"


def baseline_layers(scene: Scene, speed_kmh: float = DEFAULT_VAN_KMH) -> dict[str, gpd.GeoDataFrame]:
    """The map's period-independent layers as plain GeoDataFrames (made once)."""
    layers = {key: scene.layers[key][["geometry"]] for key in ("countries", "borders", "roads", "land_detail")
              if key in scene.layers}
    for key, frame in (("storage", scene.storage), ("launch", scene.launch), ("landing", scene.landing)):
        if frame is not None:
            layers[key] = frame[AREA_COLUMNS]
    layers["routes"] = gpd.GeoDataFrame(
        {"route": [f"{r.origin} → {r.destination}" for r in scene.drawn_routes],
         "km": [round(r.total_km) for r in scene.drawn_routes],
         "hours": [round(hours_range(r, speed_kmh)[1], 1) for r in scene.drawn_routes]},
        geometry=[LineString(r.road_path) for r in scene.drawn_routes], crs=CRS)
    layers["corridors"] = gpd.GeoDataFrame(
        {"corridor": [f"{c.launch} → {c.landing}" for c in scene.corridors],
         "km": [round(c.km) for c in scene.corridors]},
        geometry=[c.line for c in scene.corridors], crs=CRS)
    if scene.tss is not None:
        layers["tss"] = scene.tss[["seamark_type", "geometry"]]
    if "boundary" in scene.layers:
        boundary = scene.layers["boundary"]
        layers["boundary"] = boundary[boundary.geometry.geom_type == "LineString"][["geometry"]]
    return layers


def _empty_map(asset_base: str) -> folium.Map:
    m = folium.Map(location=CHAIN_CENTRE, zoom_start=6.5, tiles=None)
    use_local_assets(m, asset_base)
    return m


def _incident_frame(incidents: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    frame = incidents[INCIDENT_COLUMNS].copy()
    frame["date"] = frame["date"].dt.strftime("%Y-%m-%d")
    return frame


def explore_map(layers: dict[str, gpd.GeoDataFrame], incidents: gpd.GeoDataFrame | None,
                asset_base: str = APP_BASE_URL) -> folium.Map:
    """Every layer through ``GeoDataFrame.explore(m=..., tiles=None)``."""
    m = _empty_map(asset_base)
    for name, frame in layers.items():
        if len(frame):
            frame.explore(m=m, tiles=None, name=name, tooltip=len(frame.columns) > 1, popup=False)
    if incidents is not None and len(incidents):
        _incident_frame(incidents).explore(m=m, tiles=None, name="Incidents", tooltip=["date", "dead_missing"],
                                           popup=True)
    folium.LayerControl().add_to(m)
    return m


def marker_map(layers: dict[str, gpd.GeoDataFrame], incidents: gpd.GeoDataFrame | None,
               asset_base: str = APP_BASE_URL, circle: bool = False) -> folium.Map:
    """Layers as ``folium.GeoJson``; one ``folium.Marker`` (or ``CircleMarker``)
    per incident with the same popup and tooltip as ours."""
    m = _empty_map(asset_base)
    for name, frame in layers.items():
        if len(frame):
            folium.GeoJson(frame, name=name).add_to(m)
    group = folium.FeatureGroup(name="Incidents").add_to(m)
    for records in ([] if incidents is None else marker_groups(incidents)):
        point = records.geometry.iloc[0]
        popup = folium.Popup(incident_popup(records), max_width=380)
        if circle:
            folium.CircleMarker([point.y, point.x], radius=5, fill=True, popup=popup,
                                tooltip=incident_tooltip(records)).add_to(group)
        else:
            folium.Marker([point.y, point.x], popup=popup, tooltip=incident_tooltip(records)).add_to(group)
    folium.LayerControl().add_to(m)
    return m
