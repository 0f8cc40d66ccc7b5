"""The explainer's story steps: storage → road → beaches → crossing → incidents.

Each step is a title, a caption built only from the shipped data, and the
bounds the map fits to (``[[south, west], [north, east]]``).
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from shapely.geometry import LineString, MultiLineString

from geo.i18n import _, format_number, place_name
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
    where = (_("all in Germany") if german == len(storage)
             else _("{german} in Germany").format(german=format_number(german)))
    return _("Press and official reports name {count} places on this map ({where}): boats or engines "
             "stored or seized at {found}, arrests or raids at {raids}, a purchase offer "
             "at {offers} (a place can carry several). Each is drawn as the outline of the "
             "Land, district or city its source names, never as a pin.").format(
        count=format_number(len(storage)), where=where, found=format_number(found),
        raids=format_number(counts["arrest or raid"]), offers=format_number(counts["purchase offer"]))


def _storage_step(scene: Scene) -> dict | None:
    if scene.storage is None or scene.storage.empty:
        return None
    return {"title": _("1. Storage"), "text": storage_sentence(scene.storage),
            "bounds": bounds_of(scene.storage.geometry)}


def _road_step(scene: Scene) -> dict | None:
    if not scene.drawn_routes:
        return None
    lines = [LineString(r.road_path) for r in scene.drawn_routes if len(r.road_path) > 1]
    drive = ruhr_to_coast(scene.routes)
    text = _("The computed routes follow the motorways through the Netherlands and Belgium to the French "
             "coast (roads: © OpenStreetMap contributors).")
    if drive:
        text += " " + _("From the Ruhr/Cologne area to the Dunkirk–Calais coast: {min_km}–{max_km} km, "
                        "{hours} of driving from the speed limits to typical van speeds (assumed speeds, no "
                        "stops; not a sourced figure).").format(
            min_km=format_number(round(drive["min_km"])), max_km=format_number(round(drive["max_km"])),
            hours=hours_text(drive["min_hours"], drive["max_hours"]))
    return {"title": _("2. The road"), "text": text, "bounds": bounds_of([MultiLineString(lines)])}


def _beaches_step(scene: Scene) -> dict | None:
    if scene.launch is None or scene.launch.empty:
        return None
    names = "; ".join(place_name(name) for name in scene.launch["name"])
    text = _("Launches are reported from {count} stretches of coast: {names}. "
             "Each is drawn 3 km around the reported places.").format(count=len(scene.launch), names=names)
    return {"title": _("3. The beaches"), "text": text, "bounds": bounds_of(scene.launch.geometry, 0.05)}


def _crossing_step(scene: Scene, crossings: pd.DataFrame | None, period: Period) -> dict | None:
    if not scene.corridors:
        return None
    km = [c.km for c in scene.corridors]
    landings = 0 if scene.landing is None else len(scene.landing)
    text = _("{count} straight-line corridors from the beaches to {landings} landing points in Kent, "
             "{min_km}–{max_km} km by sea, cross the shipping lanes of the Dover Strait.").format(
        count=len(km), landings=landings, min_km=f"{min(km):.0f}", max_km=f"{max(km):.0f}")
    h = headline(crossings, None, period)
    if h.people is not None:
        scope = f", {h.crossings_coverage.scope}" if h.crossings_coverage.scope else ""
        text += " " + _("{period}: {people} people crossed in {boats} boats{scope} (UK Home Office, "
                        "{status}).").format(period=period.label, people=format_number(h.people),
                                             boats=format_number(h.boats), scope=scope, status=_(h.crossings_status))
    elif h.crossings_coverage is not None:
        text += " " + _("{period}: no Home Office data. {why} (no data, not zero).").format(
            period=period.label, why=h.crossings_coverage.no_data)
    return {"title": _("4. The crossing"), "text": text, "bounds": STRAIT_BOUNDS}


def _incidents_step(incidents: gpd.GeoDataFrame | None, period: Period) -> dict | None:
    if incidents is None:
        return None
    h = headline(None, incidents, period)
    rows = incidents[incidents["year_month"].between(period.start, period.end)]
    covered = h.incident_coverage
    if h.dead is None:
        text = _("{period}: no data. {why} (no data, not zero).").format(period=period.label, why=covered.no_data)
    else:
        scope = f", {covered.scope}" if covered.scope else ""
        text = _("{period}: {incidents} incidents, {dead} dead and {missing} missing{scope} (IOM "
                 "Missing Migrants Project; minimum estimates, including deaths on land). Open a circle for "
                 "its source.").format(period=period.label, incidents=format_number(h.incidents),
                                       dead=format_number(h.dead), missing=format_number(h.missing), scope=scope)
    return {"title": _("5. Deaths and missing people"), "text": text,
            "bounds": bounds_of(rows.geometry, 0.1) or STRAIT_BOUNDS}


def story_steps(scene: Scene, incidents: gpd.GeoDataFrame | None, crossings: pd.DataFrame | None,
                period: Period) -> list[dict]:
    """The steps whose data loaded, in route order."""
    steps = [_storage_step(scene), _road_step(scene), _beaches_step(scene),
             _crossing_step(scene, crossings, period), _incidents_step(incidents, period)]
    return [s for s in steps if s is not None]
