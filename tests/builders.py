"""Test data built in code, shared by unit, AppTest and browser tests."""

from __future__ import annotations

import calendar
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.data.records import derive
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
    if "record_id" not in frame.columns:
        frame["record_id"] = [f"{incident}.r{i}" for i, incident in enumerate(frame["incident_id"])]
    return derive(frame)


def crossings(months: dict[str, tuple[int, int, str]]) -> pd.DataFrame:
    """Monthly crossings from ``{month: (people, boats, status)}``."""
    days = {m: calendar.monthrange(int(m[:4]), int(m[5:]))[1] for m in months}
    return pd.DataFrame([{"month": m, "people": p, "boats": b, "status": s, "days_in_data": days[m],
                          "days_in_month": days[m]} for m, (p, b, s) in months.items()])


def road_lines(*lines: tuple[str, str, str, list[tuple[float, float]]]) -> pd.DataFrame:
    """A road network table (as :func:`geo.data.road_network.network_table` makes) from
    ``(class, country, ref, coords)`` tuples; lengths are geodesic."""
    from geo.data.road_network import line_km
    frame = pd.DataFrame([{"road_class": c, "cc": cc, "ref": ref, "coords": coords} for c, cc, ref, coords in lines])
    frame["km"] = line_km(list(frame["coords"]))
    return frame


def place(area_id: str, lon: float, lat: float, kind: str = "storage_city", **extra) -> pd.DataFrame:
    """One area row as :mod:`geo.model.places` builds them (centre only)."""
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


def _ids(row_id: str | tuple[str, str]) -> tuple[str, str]:
    """(Main ID, Incident ID): a plain id is both, as for a one-record incident."""
    return row_id if isinstance(row_id, tuple) else (row_id, row_id)


def iom_figures_csv(rows: list[tuple]) -> bytes:
    """IOM Global Figures layout; rows of (id or (main id, incident id), date, dead, missing, location,
    "lat, lon")."""
    lines = [IOM_FIGURES_HEADER]
    for row_id, date, dead, missing, location, coords in rows:
        main_id, record_id = _ids(row_id)
        lines.append(f'{main_id},{record_id},Incident,Europe,{date},{date[:4]},September,{dead},{missing},'
                     f'{dead},,Drowning,France,Mainland Europe to the UK,"{location}","{coords}",'
                     f'Test source,https://example.org/{main_id},4')
    return ("\n".join(lines) + "\n").encode()


IOM_WEBSITE_HEADER = ("Main ID,Incident ID,Incident Type,Region of Incident,Reported Month,Incident Date,"
                      "Number Dead,Minimum Estimated Number of Missing,Number of Survivors,Cause of Death,"
                      "Location of death,Migration route,Coordinates,URL,Source Quality")


def iom_website_csv(rows: list[tuple]) -> bytes:
    """IOM website download; rows of (id or (main id, incident id), 'Tue, 01/27/2026 - 12:00', dead, missing,
    location, "lat, lon")."""
    lines = [IOM_WEBSITE_HEADER]
    for row_id, date, dead, missing, location, coords in rows:
        main_id, record_id = _ids(row_id)
        lines.append(f'{main_id},{record_id},Incident,Europe,January,"{date}",{dead},{missing},,Drowning,'
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


# --- Issue 13: publisher files for `python -m geo update` ------------------------------------------

def shared_raw(kind: str = "home_office") -> Path | None:
    """The real publisher files in ``../shared/data/raw`` beside the clone (or beside its worktree folder)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        folder = base / "shared/data/raw" / kind
        if folder.is_dir():
            return folder
    return None


def edited_workbook(source: Path, target: Path, sheet: str, date: str, cell_xml: str | None = None,
                    drop_sheet: bool = False) -> Path:
    """A copy of an ODS workbook with the first count cell of one dated row replaced by ``cell_xml``,
    or with ``sheet`` removed."""
    import re
    import zipfile

    with zipfile.ZipFile(source) as book:
        items = [(info, book.read(info.filename)) for info in book.infolist()]
    with zipfile.ZipFile(target, "w") as out:
        for info, data in items:
            if info.filename == "content.xml":
                xml = data.decode("utf-8")
                table = re.search(rf'<table:table table:name="{sheet}".*?</table:table>', xml, re.DOTALL)
                part = table.group(0)
                if drop_sheet:
                    part = ""
                else:
                    row = re.compile(rf'(office:date-value="{date}T00:00:00".*?</table:table-cell>)'
                                     r'(<table:table-cell[^>]*>.*?</table:table-cell>)', re.DOTALL)
                    part = row.sub(lambda m: m.group(1) + cell_xml, part, count=1)
                data = (xml[:table.start()] + part + xml[table.end():]).encode("utf-8")
            out.writestr(info, data)
    return target


def ods_number(value: int) -> str:
    return (f'<table:table-cell office:value-type="float" office:value="{value}">'
            f'<text:p>{value}</text:p></table:table-cell>')


def ods_text(text: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def iom_records_csv(rows: list[dict], base: dict | None = None) -> bytes:
    """IOM Global Figures layout (the shipped file's columns) from dicts of column -> text."""
    frame = pd.DataFrame([{**(base or {}), **row} for row in rows])
    return frame.to_csv(index=False).encode("utf-8")


# --- Issue 9: template syntax in every text field ------------------------------------------------

# What jinja would make of each if it ever compiled data: 49, xxx, the server's working directory
# (Python running on the server), and "ab" (or a TemplateSyntaxError in a quoted context).
TEMPLATE_PAYLOADS = ("{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "{{ lipsum.__globals__.os.getcwd() }}",
                     '{{ "a" ~ "b" }}')
TEMPLATE_TEXT = "ZZ" + "ZZ".join(TEMPLATE_PAYLOADS) + "ZZ"
EVALUATED = ("ZZ49ZZ", "ZZxxxZZ", "ZZabZZ")
# Columns whose values are codes other rows or files refer to, or closed lists the loaders check
# (routes start at storage areas in "Germany" and end at launch areas in "France"; town labels are
# picked by NAME):
# template text there is refused as bad data (tests/test_broken_data.py), not shown.
KEY_COLUMNS = {"area_id", "kind", "status", "derived_setting", "Method of entry", "key", "seamark_type", "ADMIN",
               "ADM0_A3", "ISO_A2", "SOV_A3", "e_road", "Coordinates", "record_source", "osm_type",
               "nominatim_query", "country", "populated_places.geojson: NAME", "class", "cc", "outline_ids",
               "level", "id", "parent", "nuts"}


def _is_text(values: pd.Series) -> bool:
    filled = values[values.astype(str).str.strip() != ""].astype(str)
    numeric = pd.to_numeric(filled.str.replace(",", ""), errors="coerce").notna().all()
    dated = filled.str.fullmatch(r"\d{4}-\d{2}(-\d{2})?").all()
    return len(filled) > 0 and not numeric and not dated


def template_copy(target: Path, text: str = TEMPLATE_TEXT) -> tuple[Path, list[str]]:
    """A copy of data/ with ``text`` appended to every free-text field (every
    column or GeoJSON property holding text that is not a key or a code).
    Returns the folder and the ``file: column`` fields changed."""
    import json

    data = copy_of_data(target)
    changed = []
    for path in sorted(data.rglob("*.csv")):
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in table.columns:
            if not {column, f"{path.name}: {column}"} & KEY_COLUMNS and _is_text(table[column]):
                table[column] = table[column] + text
                changed.append(f"{path.relative_to(data)}: {column}")
        table.to_csv(path, index=False)
    for path in sorted(data.rglob("*.geojson")):
        collection = json.loads(path.read_text(encoding="utf-8"))
        keys = {k for f in collection["features"] for k, v in f["properties"].items()
                if isinstance(v, str) and not {k, f"{path.name}: {k}"} & KEY_COLUMNS}
        for f in collection["features"]:
            f["properties"].update({k: v + text for k, v in f["properties"].items() if k in keys and v})
        path.write_text(json.dumps(collection), encoding="utf-8")
        changed += [f"{path.relative_to(data)}: {k}" for k in sorted(keys)]
    return data, changed


def _csv_bytes(header: list[str], row: dict) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerow(row)
    return out.getvalue().encode()


def template_uploads(text: str = TEMPLATE_TEXT, place: str = "Off Wimereux") -> dict[str, tuple[str, bytes]]:
    """One incident (2024-09-03, at ``place``) in each upload layout with ``text`` in every
    text field and in the file name: layout -> (file name, bytes)."""
    import json

    words = {"Main ID": "U.1", "Incident ID": "U.1", "Incident Type": "Incident", "Region of Incident": "Europe",
             "Month": "September", "Reported Month": "September", "Cause of Death": "Drowning",
             "Country of Incident": "France", "Migration Route": "Mainland Europe to the UK",
             "Migration route": "Mainland Europe to the UK", "Location of Incident": place,
             "Location of death": place, "Information Source": "Test source",
             "URL": "https://example.org/a", "Source Quality": "4"}
    numbers = {"Incident Year": "2024", "Number of Dead": "2", "Number Dead": "2",
               "Minimum Estimated Number of Missing": "1", "Total Number of Dead and Missing": "3",
               "Number of Survivors": "5", "Coordinates": "50.77, 1.6"}
    files = {}
    for layout, header, date in (("IOM Global Figures", IOM_FIGURES_HEADER, "2024-09-03"),
                                 ("IOM website download", IOM_WEBSITE_HEADER, "Tue, 09/03/2024 - 12:00")):
        columns = header.split(",")
        row = {c: numbers.get(c, words.get(c, "") + text) for c in columns} | {"Incident Date": date}
        files[layout] = (f"iom{text}.csv", _csv_bytes(columns, row))
    generic = {"id": "U.1", "date": "2024-09-03", "latitude": "50.77", "longitude": "1.6", "dead": "2",
               "missing": "1", "survivors": "5", "cause": "Drowning" + text, "country": "France" + text,
               "location": place + text, "source": "Test source" + text,
               "url": "https://example.org/a" + text, "source_quality": "4" + text}
    generic["id"] += text
    files["generic CSV"] = (f"generic{text}.csv", _csv_bytes(list(generic), generic))
    properties = {k: v for k, v in generic.items() if k not in ("latitude", "longitude")}
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1.6, 50.77]}, "properties": properties}]}
    files["GeoJSON points"] = (f"points{text}.geojson", json.dumps(collection).encode())
    return files
