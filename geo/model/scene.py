"""Everything on the route map that does not depend on the period, built once.

The app caches one :class:`Scene`; changing the month only filters incidents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from geo.data.load import Datasets
from geo.i18n import _, format_number
from geo.model import corridors, drive_time, places, routing

FRANCE = "France"


@dataclass
class Scene:
    layers: dict[str, gpd.GeoDataFrame]
    storage: gpd.GeoDataFrame | None = None
    launch: gpd.GeoDataFrame | None = None
    landing: gpd.GeoDataFrame | None = None
    routes: list[routing.Route] = field(default_factory=list)
    drawn_routes: list[routing.Route] = field(default_factory=list)
    corridors: list[corridors.Corridor] = field(default_factory=list)
    tss: gpd.GeoDataFrame | None = None
    unmapped: pd.DataFrame | None = None
    road_graph: routing.RoadGraph | None = None


def _german_origins(storage: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return storage[storage["country"] == "Germany"]


def build_scene(data: Datasets) -> Scene:
    """Places, routes and corridors from whatever loaded; a missing input
    leaves its part empty rather than failing the whole map."""
    scene = Scene(layers=dict(data.layers))
    tables = data.tables
    if data.has("areas", "storage_reports", "admin"):
        scene.storage = places.storage_areas(tables["areas"], tables["storage_reports"], data.layers["admin"])
    if data.has("areas", "coast_reports"):
        scene.launch = places.launch_areas(tables["areas"], tables["coast_reports"])
        scene.landing = places.landing_points(tables["areas"], tables["coast_reports"])
    if "tss" in data.layers:
        scene.tss = corridors.strait_tss(data.layers["tss"])
    if data.has("road_network") and scene.storage is not None and scene.launch is not None:
        scene.road_graph = routing.build_road_graph(tables["road_network"])
        origins = _german_origins(scene.storage)
        scene.routes = routing.supply_routes(scene.road_graph, origins, scene.launch)
        french = [r for r in scene.routes if _is_french(scene.launch, r.destination_id)]
        scene.drawn_routes = routing.nearest_routes(french)
    if scene.launch is not None and scene.landing is not None and scene.tss is not None:
        scene.corridors = corridors.crossing_corridors(scene.launch, scene.landing, scene.tss)
    if data.has("storage_reports", "coast_reports"):
        scene.unmapped = pd.concat([places.unmapped_reports(tables["storage_reports"]),
                                    places.unmapped_reports(tables["coast_reports"])])
    return scene


def _is_french(launch: gpd.GeoDataFrame, area_id: str) -> bool:
    return bool((launch.loc[launch["area_id"] == area_id, "country"] == FRANCE).any())


RUHR_COLOGNE = ("essen", "bochum", "cologne", "duesseldorf_region")
DUNKIRK_CALAIS = ("dunkirk_gravelines", "calais_wissant")


def ruhr_to_coast(routes: list[routing.Route], van_kmh: float = drive_time.DEFAULT_VAN_KMH) -> dict:
    """The drive from the Ruhr/Cologne area to the Dunkirk-Calais coast: the
    fastest time at the limits and the slowest at typical van speeds, over the
    sourced Ruhr/Cologne places and the two launch areas."""
    chosen = [r for r in routes if r.origin_id in RUHR_COLOGNE and r.destination_id in DUNKIRK_CALAIS]
    if not chosen:
        return {}
    ranges = {id(r): drive_time.hours_range(r, van_kmh) for r in chosen}
    shortest = min(chosen, key=lambda r: r.total_km)
    longest = max(chosen, key=lambda r: r.total_km)
    return {"min_km": shortest.total_km, "max_km": longest.total_km,
            "min_hours": min(low for low, _ in ranges.values()),
            "max_hours": max(high for _, high in ranges.values()),
            "shortest": shortest, "longest": longest, "van_kmh": van_kmh, "n_routes": len(chosen)}


def osnabrueck_note(routes: list[routing.Route]) -> str:
    """The computed Osnabrück-area distance to set beside the reported "500 km"."""
    found = [r for r in routes if r.origin_id == "osnabrueck_area" and r.destination_id in DUNKIRK_CALAIS]
    if not found:
        return ""
    km = sorted(round(r.total_km) for r in found)
    return _("; computed here: {low}–{high} km from the Osnabrück area to the Dunkirk–Calais coast").format(
        low=format_number(km[0]), high=format_number(km[-1]))
