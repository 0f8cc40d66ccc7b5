"""The places of the chain: storage areas, launch areas and landing points.

Each is an *area* (a polygon with its radius), never an exact pin, built from
sourced reports joined to sourced gazetteer coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geo.i18n import N_
from geo.measure import area_around

STORAGE_KINDS = ("storage_region", "storage_district", "storage_city")
LEVEL_WORDS = {"storage_region": N_("region level"), "storage_district": N_("district level"),
               "storage_city": N_("city level"), "launch": N_("stretch of coast"), "landing": N_("landing place")}


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
    by_area: dict[str, list[Report]] = {}
    for row in reports.itertuples(index=False):
        if not row.area_id:
            continue
        by_area.setdefault(row.area_id, []).append(Report(
            place=row.place, role=getattr(row, role_column), date=row.date,
            publisher=row.publisher, title=row.title, url=row.url, quote=row.quote))
    return by_area


def _member_points(reports: pd.DataFrame) -> dict[str, list[tuple[float, float]]]:
    located = reports[reports["area_id"].astype(bool) & reports["lat"].notna()]
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
                     "centre_lat": centre.y, "reports": by_area.get(area.area_id, []),
                     "n_reports": len(by_area.get(area.area_id, [])),
                     "country": _country(reports, area.area_id), "geometry": geometry})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _country(reports: pd.DataFrame, area_id: str) -> str:
    countries = reports.loc[reports["area_id"] == area_id, "country"]
    return countries.mode().iloc[0] if not countries.empty else ""


def storage_areas(areas: pd.DataFrame, storage_reports: pd.DataFrame) -> gpd.GeoDataFrame:
    return build_areas(areas, storage_reports, STORAGE_KINDS, "event_type")


def launch_areas(areas: pd.DataFrame, coast_reports: pd.DataFrame) -> gpd.GeoDataFrame:
    return build_areas(areas, coast_reports, ("launch",), "role")


def landing_points(areas: pd.DataFrame, coast_reports: pd.DataFrame) -> gpd.GeoDataFrame:
    return build_areas(areas, coast_reports, ("landing",), "role")


def unmapped_reports(reports: pd.DataFrame) -> pd.DataFrame:
    """Reports that name no place we can locate (country level or not in a gazetteer)."""
    return reports[~reports["area_id"].astype(bool)]
