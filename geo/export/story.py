"""The explainer's story steps: storage → road → beaches → crossing → incidents.

Each step is a title, a caption built only from the shipped data, and the
bounds the map fits to (``[[south, west], [north, east]]``).
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from shapely.geometry import LineString, MultiLineString

from geo.model import places
from geo.model.drive_time import hours_text
from geo.model.period import Period
from geo.model.scene import Scene, ruhr_to_coast
from geo.model.stats import headline
from geo.vocab import CHAIN_BOUNDS

STRAIT_BOUNDS = [[50.0, 0.6], [51.4, 2.7]]


def chain_bounds() -> list[list[float]]:
    return [list(corner) for corner in CHAIN_BOUNDS]


def bounds_of(geometries, pad: float = 0.15) -> list[list[float]] | None:
    """Leaflet bounds around geometries, padded in degrees; None when empty.

    >>> from shapely.geometry import Point
    >>> bounds_of([Point(1, 50), Point(2, 51)], pad=0)
    [[50.0, 1.0], [51.0, 2.0]]
    """
    items = [g for g in geometries if g is not None and not g.is_empty]
    if not items:
        return None
    west, south, east, north = (float(v) for v in gpd.GeoSeries(items, crs="EPSG:4326").total_bounds)
    return [[round(south - pad, 3), round(west - pad, 3)], [round(north + pad, 3), round(east + pad, 3)]]


def storage_sentence(storage: gpd.GeoDataFrame) -> str:
    """What the storage reports support, counted per kind (a place can carry several)."""
    counts = places.storage_counts(storage)
    found = int(sum(bool({"storage", "seizure"} & set(k)) for k in storage["kinds"]))
    german = int((storage["country"] == "Germany").sum())
    where = "all in Germany" if german == len(storage) else f"{german} in Germany"
    return (f"Press and official reports name {len(storage)} places on this map ({where}): boats or engines "
            f"stored or seized at {found}, arrests or raids at {counts['arrest or raid']}, a purchase offer "
            f"at {counts['purchase offer']} (a place can carry several). Each is drawn as the outline of the "
            "Land, district or city its source names, never as a pin.")


def _storage_step(scene: Scene) -> dict | None:
    if scene.storage is None or scene.storage.empty:
        return None
    return {"title": "1. Storage", "text": storage_sentence(scene.storage),
            "bounds": bounds_of(scene.storage.geometry)}


def _road_step(scene: Scene) -> dict | None:
    if not scene.drawn_routes:
        return None
    lines = [LineString(r.road_path) for r in scene.drawn_routes if len(r.road_path) > 1]
    drive = ruhr_to_coast(scene.routes)
    text = ("The computed routes follow the motorways through the Netherlands and Belgium to the French "
            "coast (roads: © OpenStreetMap contributors).")
    if drive:
        text += (f" From the Ruhr/Cologne area to the Dunkirk–Calais coast: {drive['min_km']:.0f}–"
                 f"{drive['max_km']:.0f} km, {hours_text(drive['min_hours'], drive['max_hours'])} of driving "
                 "from the speed limits to typical van speeds (assumed speeds, no stops; not a sourced figure).")
    return {"title": "2. The road", "text": text, "bounds": bounds_of([MultiLineString(lines)])}


def _beaches_step(scene: Scene) -> dict | None:
    if scene.launch is None or scene.launch.empty:
        return None
    names = "; ".join(scene.launch["name"])
    text = (f"Launches are reported from {len(scene.launch)} stretches of coast: {names}. "
            "Each is drawn 3 km around the reported places.")
    return {"title": "3. The beaches", "text": text, "bounds": bounds_of(scene.launch.geometry, 0.05)}


def _crossing_step(scene: Scene, crossings: pd.DataFrame | None, period: Period) -> dict | None:
    if not scene.corridors:
        return None
    km = [c.km for c in scene.corridors]
    landings = 0 if scene.landing is None else len(scene.landing)
    text = (f"{len(km)} straight-line corridors from the beaches to {landings}"
            f" landing points in Kent, {min(km):.0f}–{max(km):.0f} km by sea, cross the shipping lanes of "
            "the Dover Strait.")
    h = headline(crossings, None, period)
    if h.people is not None:
        scope = f", {h.crossings_coverage.scope}" if h.crossings_coverage.scope else ""
        text += (f" {period.label}: {h.people:,} people crossed in {h.boats:,} boats{scope} "
                 f"(UK Home Office, {h.crossings_status}).")
    elif h.crossings_coverage is not None:
        text += f" {period.label}: no Home Office data. {h.crossings_coverage.no_data} (no data, not zero)."
    return {"title": "4. The crossing", "text": text, "bounds": STRAIT_BOUNDS}


def _incidents_step(incidents: gpd.GeoDataFrame | None, period: Period) -> dict | None:
    if incidents is None:
        return None
    h = headline(None, incidents, period)
    rows = incidents[incidents["year_month"].between(period.start, period.end)]
    covered = h.incident_coverage
    if h.dead is None:
        text = f"{period.label}: no data. {covered.no_data} (no data, not zero)."
    else:
        scope = f", {covered.scope}" if covered.scope else ""
        text = (f"{period.label}: {h.incidents} incidents, {h.dead} dead and {h.missing} missing{scope} (IOM "
                "Missing Migrants Project; minimum estimates, including deaths on land). Open a circle for "
                "its source.")
    return {"title": "5. Deaths and missing people", "text": text,
            "bounds": bounds_of(rows.geometry, 0.1) or STRAIT_BOUNDS}


def story_steps(scene: Scene, incidents: gpd.GeoDataFrame | None, crossings: pd.DataFrame | None,
                period: Period) -> list[dict]:
    """The steps whose data loaded, in route order."""
    steps = [_storage_step(scene), _road_step(scene), _beaches_step(scene),
             _crossing_step(scene, crossings, period), _incidents_step(incidents, period)]
    return [s for s in steps if s is not None]
