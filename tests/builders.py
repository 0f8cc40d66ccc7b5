"""Test data built in code, shared by unit, AppTest and browser tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.paths import ROOT

SHIPPED = ROOT / "data"
HOSTILE = ('<img src=x onerror="window.__pwned=1;alert(1)">', "</script><script>window.__pwned=2</script>",
           "javascript:alert(3)", "O'Brien `tick` \"quote\"", "![pixel](http://evil.example/pixel.png) **{{ 7*7 }}**")


def incidents(rows: list[dict]) -> gpd.GeoDataFrame:
    """Incidents with the loader's short column names, in EPSG:4326."""
    defaults = {"incident_id": "T.1", "date": "2024-09-03", "dead": 1, "missing": 0, "survivors": None,
                "cause": "Drowning", "country": "France", "location": "Off Wimereux", "source": "Test",
                "url": "https://example.org", "source_quality": "4", "lat": 50.77, "lon": 1.6,
                "setting": "sea_or_shore"}
    frame = pd.DataFrame([{**defaults, "incident_id": f"T.{i}", **row} for i, row in enumerate(rows)])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["year_month"] = frame["date"].dt.strftime("%Y-%m")
    frame["dead_missing"] = frame["dead"] + frame["missing"]
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")


def crossings(months: dict[str, tuple[int, int, str]]) -> pd.DataFrame:
    """Monthly crossings from ``{month: (people, boats, status)}``."""
    return pd.DataFrame([{"month": m, "people": p, "boats": b, "status": s, "days_in_data": 30,
                          "days_in_month": 30} for m, (p, b, s) in months.items()])


def road_lines(*lines: tuple[str, str, str, list[tuple[float, float]]]) -> pd.DataFrame:
    """A road network table (as :func:`geo.road_network.network_table` makes) from
    ``(class, country, ref, coords)`` tuples; lengths are geodesic."""
    from geo.road_network import line_km
    frame = pd.DataFrame([{"road_class": c, "cc": cc, "ref": ref, "coords": coords} for c, cc, ref, coords in lines])
    frame["km"] = line_km(list(frame["coords"]))
    return frame


def place(area_id: str, lon: float, lat: float, kind: str = "storage_city", **extra) -> pd.DataFrame:
    """One area row as :mod:`geo.places` builds them (centre only)."""
    return pd.DataFrame([{"area_id": area_id, "name": area_id.title(), "kind": kind, "centre_lon": lon,
                          "centre_lat": lat, **extra}])


def copy_of_data(target: Path) -> Path:
    """A writable copy of the shipped data/ to damage in a test."""
    shutil.copytree(SHIPPED, target)
    return target


def hostile_copy(target: Path) -> Path:
    """A copy of data/ whose free-text fields carry script payloads."""
    data = copy_of_data(target)
    incidents_path = data / "incidents/iom_channel_incidents.csv"
    incidents_table = pd.read_csv(incidents_path, dtype=str, keep_default_na=False)
    incidents_table["Location of Incident"] = HOSTILE[0] + " " + HOSTILE[3] + " " + HOSTILE[4]
    incidents_table["Information Source"] = HOSTILE[1]
    incidents_table["URL"] = HOSTILE[2]
    incidents_table["Cause of Death"] = HOSTILE[3]
    incidents_table.to_csv(incidents_path, index=False)
    for name in ("places/storage_reports.csv", "places/coast_reports.csv"):
        reports = pd.read_csv(data / name, dtype=str, keep_default_na=False)
        reports["place"] = HOSTILE[0] + " " + HOSTILE[4]
        reports["publisher"] = HOSTILE[1]
        reports["url"] = HOSTILE[2]
        reports["quote"] = HOSTILE[3]
        reports.to_csv(data / name, index=False)
    areas = pd.read_csv(data / "places/areas.csv", dtype=str, keep_default_na=False)
    areas["name"] = HOSTILE[0] + " " + areas["name"]
    areas.to_csv(data / "places/areas.csv", index=False)
    nationality_path = data / "crossings/ho_irr_D01_small_boats_by_nationality_2018Q1-2023Q3.csv"
    nationality = pd.read_csv(nationality_path, dtype=str, keep_default_na=False)
    nationality.loc[nationality["Nationality"] == "Albania", "Nationality"] = HOSTILE[0]
    nationality.to_csv(nationality_path, index=False)
    return data


# --- Issue 3: upload files in the four accepted layouts, built in code -------------------------

IOM_FIGURES_HEADER = ("Main ID,Incident ID,Incident Type,Region of Incident,Incident Date,Incident Year,Month,"
                      "Number of Dead,Minimum Estimated Number of Missing,Total Number of Dead and Missing,"
                      "Number of Survivors,Cause of Death,Country of Incident,Migration Route,"
                      "Location of Incident,Coordinates,Information Source,URL,Source Quality")


def iom_figures_csv(rows: list[tuple]) -> bytes:
    """IOM Global Figures layout; rows of (id, date, dead, missing, location, "lat, lon")."""
    lines = [IOM_FIGURES_HEADER]
    for main_id, date, dead, missing, location, coords in rows:
        lines.append(f'{main_id},{main_id},Incident,Europe,{date},{date[:4]},September,{dead},{missing},'
                     f'{dead},,Drowning,France,Mainland Europe to the UK,"{location}","{coords}",'
                     f'Test source,https://example.org/{main_id},4')
    return ("\n".join(lines) + "\n").encode()


IOM_WEBSITE_HEADER = ("Main ID,Incident ID,Incident Type,Region of Incident,Reported Month,Incident Date,"
                      "Number Dead,Minimum Estimated Number of Missing,Number of Survivors,Cause of Death,"
                      "Location of death,Migration route,Coordinates,URL,Source Quality")


def iom_website_csv(rows: list[tuple]) -> bytes:
    """IOM website download; rows of (id, 'Tue, 01/27/2026 - 12:00', dead, missing, location, "lat, lon")."""
    lines = [IOM_WEBSITE_HEADER]
    for main_id, date, dead, missing, location, coords in rows:
        lines.append(f'{main_id},{main_id},Incident,Europe,January,"{date}",{dead},{missing},,Drowning,'
                     f'"{location}",English Channel to the UK,"{coords}",https://example.org/{main_id},45')
    return ("\n".join(lines) + "\n").encode()


def generic_csv(rows: list[tuple]) -> bytes:
    """Generic layout; rows of (date, latitude, longitude, dead, missing, location)."""
    lines = ["date,latitude,longitude,dead,missing,location"]
    lines += [",".join('"' + str(v).replace('"', '""') + '"' for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def geojson_points(rows: list[tuple]) -> bytes:
    """GeoJSON; rows of (date, lon, lat, dead, missing, location); lon None gives a non-point."""
    import json
    features = []
    for date, lon, lat, dead, missing, location in rows:
        geometry = ({"type": "Point", "coordinates": [lon, lat]} if lon is not None
                    else {"type": "LineString", "coordinates": [[1, 50], [2, 51]]})
        features.append({"type": "Feature", "geometry": geometry,
                         "properties": {"date": date, "dead": dead, "missing": missing, "location": location}})
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def shown(text: object) -> str:
    """What a Markdown element shows for its source text (backslash escapes removed)."""
    import re

    return re.sub(r"\\(.)", r"\1", str(text))


def shown_table(element) -> pd.DataFrame:
    """An AppTest ``st.table`` as the reader sees it: escapes removed from cells and headers."""
    frame = element.value.copy()
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = [shown(v) if isinstance(v, str) else v for v in frame[column]]
    return frame.rename(columns={c: shown(c) for c in frame.columns})
