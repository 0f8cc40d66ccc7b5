"""The places of the chain: storage places, launch areas and landing points.

Each is an *area*, never an exact pin. Storage places are the outlines of the
administrative units their sources name (a Land, a Regierungsbezirk, a Kreis,
a city); launch and landing areas are circles around sourced gazetteer points.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely

from geo.i18n import N_, _, country_name, format_when
from geo.measure import area_around

STORAGE_KINDS = ("storage_region", "storage_district", "storage_city")
LEVEL_WORDS = {"storage_region": N_("region level"), "storage_district": N_("district level"),
               "storage_city": N_("city level"), "launch": N_("stretch of coast"), "landing": N_("landing place")}
# What a source reports happened at a place (``event_type``), in words; the
# first kind in this order that a place has is the one its shape shows.
EVENT_WORDS = {"storage": N_("storage"), "seizure": N_("seizure"), "arrest": N_("arrest or raid"),
               "purchase": N_("purchase offer"), "transit": N_("transit")}
# What a coast report says happened there (``role``), shown translated in an area's popup.
COAST_ROLES = {"launch": N_("launch"), "landing": N_("landing"), "rescue": N_("rescue"),
               "taxi-boat pick-up": N_("taxi-boat pick-up")}
KIND_ORDER = ("storage", "seizure", "arrest or raid", "purchase offer", "transit")
AREA_SEPARATOR = " "


@dataclass(frozen=True)
class Report:
    """One sourced statement about a place."""

    place: str
    role: str
    date: str
    publisher: str
    title: str
    url: str
    quote: str


def _reports_of(reports: pd.DataFrame, role_column: str) -> dict[str, list[Report]]:
    """Reports per area; a report naming several areas (ids joined by a space) is in each."""
    by_area: dict[str, list[Report]] = {}
    for row in reports.itertuples(index=False):
        role = getattr(row, role_column)
        for area_id in str(row.area_id).split():
            by_area.setdefault(area_id, []).append(Report(
                place=row.place, role=EVENT_WORDS.get(role, role), date=row.date,
                publisher=row.publisher, title=row.title, url=row.url, quote=row.quote))
    return by_area


def _member_points(reports: pd.DataFrame) -> dict[str, list[tuple[float, float]]]:
    located = reports[reports["area_id"].astype(bool) & reports["lat"].notna()]
    located = located.assign(area_id=located["area_id"].astype(str).str.split().str[0])
    points: dict[str, list[tuple[float, float]]] = {}
    for row in located.itertuples(index=False):
        point = (float(row.lon), float(row.lat))
        if point not in points.setdefault(row.area_id, []):
            points[row.area_id].append(point)
    return points


def build_areas(areas: pd.DataFrame, reports: pd.DataFrame, kinds: tuple[str, ...],
                role_column: str) -> gpd.GeoDataFrame:
    """Areas of the given kinds with geometry, centre, radius and their reports.

    Parameters
    ----------
    areas : the ``areas`` table (id, name, kind, optional centre, radius).
    reports : a reports table with ``area_id``, ``lat``, ``lon`` per report.
    kinds : which area kinds to build.
    role_column : the reports column that says what the report is about.

    Examples
    --------
    >>> areas = pd.DataFrame([{"area_id": "a", "name": "A", "kind": "launch",
    ...     "centre_lat": None, "centre_lon": None, "centre_source": "derived",
    ...     "radius_km": 3.0, "radius_basis": "3 km"}])
    >>> reports = pd.DataFrame([{"area_id": "a", "lat": 50.9, "lon": 1.8, "place": "P",
    ...     "role": "launch", "date": "2024", "publisher": "X", "title": "T",
    ...     "url": "https://x", "quote": "q", "coord_source": "OSM", "country": "France"}])
    >>> built = build_areas(areas, reports, ("launch",), "role")
    >>> built.crs.to_string(), int(built.loc[0, "n_reports"]), float(built.loc[0, "radius_km"])
    ('EPSG:4326', 1, 3.0)
    """
    members = _member_points(reports)
    by_area = _reports_of(reports, role_column)
    rows = []
    for area in areas[areas["kind"].isin(kinds)].itertuples(index=False):
        points = members.get(area.area_id, [])
        if pd.notna(area.centre_lon):
            points = [(float(area.centre_lon), float(area.centre_lat))]
        if not points:
            continue
        geometry = area_around(points, float(area.radius_km))
        centre = geometry.centroid
        rows.append({"area_id": area.area_id, "name": area.name, "kind": area.kind,
                     "level": LEVEL_WORDS[area.kind], "radius_km": float(area.radius_km),
                     "radius_basis": area.radius_basis, "centre_lon": centre.x,
                     "centre_lat": centre.y, "route_lon": getattr(area, "route_lon", None),
                     "route_lat": getattr(area, "route_lat", None), "reports": by_area.get(area.area_id, []),
                     "n_reports": len(by_area.get(area.area_id, [])),
                     "country": _country(reports, area.area_id), "geometry": geometry})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _country(reports: pd.DataFrame, area_id: str) -> str:
    named = reports["area_id"].astype(str).str.split().map(lambda ids: area_id in ids)
    countries = reports.loc[named, "country"]
    return countries.mode().iloc[0] if not countries.empty else ""


def storage_areas(areas: pd.DataFrame, storage_reports: pd.DataFrame,
                  admin: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Storage places as the outlines of the units their sources name.

    Besides the columns of :func:`build_areas`: ``outline_level`` (the unit's
    local type, e.g. "Land", "Kreisfreie Stadt"), ``outline_basis``, ``kinds``
    (what the sources report there, in :data:`KIND_ORDER`) and ``kind_shown``.
    Largest first, so smaller places are drawn (and clicked) on top.
    """
    by_area = _reports_of(storage_reports, "event_type")
    outlines = dict(zip(admin["id"], admin.geometry))
    local_types = dict(zip(admin["id"], admin["type_local"]))
    rows = []
    for area in areas[areas["kind"].isin(STORAGE_KINDS)].itertuples(index=False):
        ids = str(area.outline_ids).split(AREA_SEPARATOR)
        missing = [i for i in ids if i not in outlines]
        if missing:
            raise ValueError(f"Expected outlines {missing} of area {area.area_id!r} in admin_areas, found none")
        reports = by_area.get(area.area_id, [])
        kinds = tuple(k for k in KIND_ORDER if any(r.role == k for r in reports))
        rows.append({"area_id": area.area_id, "name": area.name, "kind": area.kind,
                     "level": LEVEL_WORDS[area.kind], "radius_km": float("nan"), "radius_basis": "",
                     "outline_level": " + ".join(dict.fromkeys(local_types[i] for i in ids)),
                     "outline_basis": area.outline_basis, "kinds": kinds,
                     "kind_shown": kinds[0] if kinds else "storage",
                     "centre_lon": float(area.centre_lon), "centre_lat": float(area.centre_lat),
                     "route_lon": getattr(area, "route_lon", None), "route_lat": getattr(area, "route_lat", None),
                     "reports": reports, "n_reports": len(reports), "country": _country(storage_reports,
                                                                                      area.area_id),
                     "geometry": shapely.union_all([outlines[i] for i in ids])})
    built = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    if built.empty:
        return built
    order = built.to_crs("EPSG:3035").area.sort_values(ascending=False).index
    return built.loc[order].reset_index(drop=True)


def launch_areas(areas: pd.DataFrame, coast_reports: pd.DataFrame) -> gpd.GeoDataFrame:
    return build_areas(areas, coast_reports, ("launch",), "role")


def landing_points(areas: pd.DataFrame, coast_reports: pd.DataFrame) -> gpd.GeoDataFrame:
    return build_areas(areas, coast_reports, ("landing",), "role")


def unmapped_reports(reports: pd.DataFrame) -> pd.DataFrame:
    """Reports not drawn on the map; ``not_drawn`` says why."""
    return reports[~reports["area_id"].astype(bool)]


def unmapped_shown(unmapped: pd.DataFrame) -> pd.DataFrame:
    """The reports not drawn as a reader sees them: headers, countries, dates and why in the reader's
    language; the place and publisher as the sources write them."""
    return pd.DataFrame({_("Place"): unmapped["place"], _("Country"): unmapped["country"].map(country_name),
                         _("Date"): unmapped["date"].astype(str).map(format_when),
                         _("Publisher"): unmapped["publisher"],
                         _("Why not drawn"): unmapped["not_drawn"].map(_)}).reset_index(drop=True)


def storage_counts(storage: gpd.GeoDataFrame) -> dict[str, int]:
    """How many drawn storage places carry each kind of report (a place can carry several).

    >>> storage_counts(gpd.GeoDataFrame({"kinds": [("storage", "seizure"), ("purchase offer",)]}))
    {'storage': 1, 'seizure': 1, 'arrest or raid': 0, 'purchase offer': 1, 'transit': 0}
    """
    return {kind: int(sum(kind in kinds for kinds in storage["kinds"])) for kind in KIND_ORDER}
