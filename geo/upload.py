"""Read a user's incident file, row by row, into the incidents table's shape.

Four layouts are recognised from their columns: the IOM "Missing Migrants
Global Figures" file (``Coordinates`` as "lat, lon"), the IOM website download
(``Number Dead``, ``Incident Date`` like ``Tue, 01/27/2026 - 12:00``), a
generic CSV (date, latitude, longitude, counts) and GeoJSON points. Bad rows
are listed (row, column, value, reason); good rows are kept. A file that
cannot be read at all gives one message and no rows.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from geo.i18n import N_, _
from geo.load import OUTSIDE_EUROPE
from geo.records import derive
from geo.schema import Column, RowIssue, Schema, validate_rows

MAX_BYTES = 20_000_000  # also server.maxUploadSize in .streamlit/config.toml
MAX_ROWS = 200_000
COUNT = {"kind": "int", "minimum": 0}
CANONICAL = Schema("upload", (
    Column("incident_id"),
    Column("record_id"),
    Column("date", "date"),
    Column("dead", required=False, default=0, **COUNT),
    Column("missing", required=False, default=0, **COUNT),
    Column("survivors", required=False, **COUNT),
    Column("cause", required=False, default="Not stated"),
    Column("country", required=False, default="Not stated"),
    Column("location", required=False, default=""),
    Column("source", required=False, default=""),
    Column("url", required=False, default=""),
    Column("source_quality", required=False, default=""),
    Column("lat", "float", minimum=35, maximum=72, hint=OUTSIDE_EUROPE),
    Column("lon", "float", minimum=-25, maximum=45, hint=OUTSIDE_EUROPE),
    Column("setting", required=False, default="", allowed=frozenset({"", "sea_or_shore", "land_or_inland"})),
), unique=("record_id",))  # IOM "Incident ID": a record; "Main ID" groups records

IOM_FIGURES = {"Main ID": "incident_id", "Incident ID": "record_id", "Incident Date": "date", "Number of Dead": "dead",
               "Minimum Estimated Number of Missing": "missing", "Number of Survivors": "survivors",
               "Cause of Death": "cause", "Country of Incident": "country",
               "Location of Incident": "location", "Information Source": "source", "URL": "url",
               "Source Quality": "source_quality", "derived_setting": "setting"}
IOM_WEBSITE = {"Main ID": "incident_id", "Incident ID": "record_id", "Incident Date": "date",
               "Number Dead": "dead", "Minimum Estimated Number of Missing": "missing",
               "Number of Survivors": "survivors", "Cause of Death": "cause",
               "Country of Incident": "country", "Location of death": "location",
               "Information Source": "source", "URL": "url", "Source Quality": "source_quality"}
GENERIC = {"id": "incident_id", "incident_id": "incident_id", "main_id": "incident_id", "record_id": "record_id",
           "date": "date", "incident_date": "date",
           "dead": "dead", "deaths": "dead", "missing": "missing", "survivors": "survivors",
           "cause": "cause", "country": "country", "location": "location", "place": "location",
           "source": "source", "url": "url", "source_quality": "source_quality", "setting": "setting",
           "lat": "lat", "latitude": "lat", "lon": "lon", "lng": "lon", "long": "lon", "longitude": "lon"}
DATE_FORMATS = ("%Y-%m-%d", "%a, %m/%d/%Y - %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S",
                "%Y-%m-%dT%H:%M:%SZ")
HEADER_NAMES = {"date": "date (Incident Date or date)", "lat": "latitude (Latitude, Coordinates or latitude)",
                "lon": "longitude (Longitude, Coordinates or longitude)"}
SEA_WORDS = ("sea", "channel", "beach", "shore", "coast", "boat", "drown", "water", "off ", "port",
             "harbour", "canal", "river", "dinghy", "strait")


@dataclass
class UploadResult:
    """What came out of one file: the accepted rows and every refused value."""

    file: str
    layout: str
    rows: gpd.GeoDataFrame | None
    issues: list[RowIssue] = field(default_factory=list)
    error: str | None = None
    total_rows: int = 0

    @property
    def accepted(self) -> int:
        return 0 if self.rows is None else len(self.rows)

    @property
    def rejected_rows(self) -> int:
        return len({i.row for i in self.issues if i.row is not None and i.row > 1})

    def issue_table(self) -> pd.DataFrame:
        row, column, value, reason = _("Row"), _("Column"), _("Value"), _("Reason")
        return pd.DataFrame([{row: i.row, column: i.column, value: "" if i.value is None else str(i.value),
                              reason: _(i.reason)} for i in self.issues],
                            columns=[row, column, value, reason])


def parse_date(text: object) -> str | None:
    """A date in any accepted form as YYYY-MM-DD, or None.

    >>> parse_date("Tue, 01/27/2026 - 12:00"), parse_date("2024-09-03"), parse_date("03/09/2024")
    ('2026-01-27', '2024-09-03', None)
    """
    value = str(text or "").strip()
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, form).date().isoformat()
        except ValueError:
            continue
    return None


def split_coordinates(text: object) -> tuple[str, str]:
    """IOM's "lat, lon" text as two strings; unsplittable text goes to both.

    >>> split_coordinates("50.9355, 1.87866"), split_coordinates("near Calais")
    (('50.9355', '1.87866'), ('near Calais', 'near Calais'))
    """
    parts = [p.strip() for p in str(text or "").split(",")]
    return (parts[0], parts[1]) if len(parts) == 2 else (str(text or ""), str(text or ""))


def guess_setting(location: str, cause: str) -> str:
    """Keyword heuristic (as for the shipped file's ``derived_setting``), not IOM data.

    >>> guess_setting("Off Wimereux beach", "Drowning"), guess_setting("A16 motorway", "Violence")
    ('sea_or_shore', 'land_or_inland')
    """
    text = f" {location} {cause} ".lower()
    return "sea_or_shore" if any(word in text for word in SEA_WORDS) else "land_or_inland"


def detect_layout(columns: list[str]) -> str:
    """Which of the CSV layouts a header is.

    >>> detect_layout(["Main ID", "Incident Date", "Coordinates"])
    'IOM Global Figures'
    >>> detect_layout(["Incident ID", "Number Dead", "Incident Date"]), detect_layout(["Date", "Lat"])
    ('IOM website download', 'generic CSV')
    """
    names = set(columns)
    if "Number Dead" in names or "Location of death" in names or "Reported Month" in names:
        return "IOM website download"
    if "Main ID" in names and ("Coordinates" in names or "Latitude" in names):
        return "IOM Global Figures"
    return "generic CSV"


def _canonical(raw: pd.DataFrame, layout: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Raw text in canonical columns, and where each came from (for messages)."""
    mapping = {"IOM Global Figures": IOM_FIGURES, "IOM website download": IOM_WEBSITE}.get(layout)
    if mapping is None:
        mapping = {c: GENERIC[c.strip().lower()] for c in raw.columns if c.strip().lower() in GENERIC}
    out, origin = pd.DataFrame(index=raw.index), {}
    for source, target in mapping.items():
        if source in raw.columns and target not in out.columns:
            out[target], origin[target] = raw[source], source
    if "lat" not in out.columns:
        for source in ("Latitude", "Coordinates"):
            if source == "Latitude" and {"Latitude", "Longitude"} <= set(raw.columns):
                out["lat"], out["lon"] = raw["Latitude"], raw["Longitude"]
                origin.update(lat="Latitude", lon="Longitude")
                break
            if source == "Coordinates" and source in raw.columns:
                pairs = [split_coordinates(v) for v in raw[source]]
                out["lat"], out["lon"] = [p[0] for p in pairs], [p[1] for p in pairs]
                origin.update(lat="Coordinates", lon="Coordinates")
                break
    return out, origin


def _prepare(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[int]]:
    """Fill optional columns, number missing IDs, turn dates into ISO; returns bad-date rows."""
    for column in CANONICAL.columns:
        if column.name not in frame.columns and (not column.required or column.name in ("incident_id", "record_id")):
            frame[column.name] = ""
    _fill_ids(frame)
    bad_dates = []
    if "date" in frame.columns:
        parsed = [parse_date(v) for v in frame["date"]]
        bad_dates = [i for i, (p, v) in enumerate(zip(parsed, frame["date"])) if p is None and str(v).strip()]
        frame["date"] = [p if p is not None else v for p, v in zip(parsed, frame["date"])]
    return frame, bad_dates


def _fill_ids(frame: pd.DataFrame) -> None:
    """A record without its own ID takes the incident's (so a repeated ID is still a
    duplicate); an incident without an ID takes the record's; neither: the row number."""
    incident, record = (frame[c].astype(str).str.strip() for c in ("incident_id", "record_id"))
    frame["record_id"] = record.where(record != "", incident)
    frame["incident_id"] = incident.where(incident != "", frame["record_id"])
    blank = frame["incident_id"].astype(str).str.strip() == ""
    numbered = [f"upload.row{i + 2}" for i in frame.index[blank]]
    frame.loc[blank, "incident_id"] = numbered
    frame.loc[blank, "record_id"] = numbered


def _finish(good: pd.DataFrame) -> gpd.GeoDataFrame:
    good = good.copy()
    good["setting"] = [s or guess_setting(loc, cause) for s, loc, cause
                       in zip(good["setting"], good["location"], good["cause"])]
    return derive(good)


def validate_frame(raw: pd.DataFrame, file: str, layout: str) -> UploadResult:
    """Validate a frame of text cells in one of the CSV layouts."""
    frame, origin = _canonical(raw, layout)
    if "incident_id" in origin:
        origin.setdefault("record_id", origin["incident_id"])  # a record without its own ID uses the incident's
    frame, bad_dates = _prepare(frame)
    good, issues = validate_rows(frame, CANONICAL, file)
    issues = [RowIssue(i.file, i.row, origin.get(i.column, HEADER_NAMES.get(i.column, i.column)),
                       _original(raw, i, origin), _reason(i, bad_dates)) for i in issues]
    rows = _finish(good) if not good.empty else None
    return UploadResult(file, layout, rows, issues, total_rows=len(raw))


def _reason(issue: RowIssue, bad_dates: list[int]) -> str:
    if issue.column == "date" and issue.row is not None and issue.row - 2 in bad_dates:
        return N_("is not a date as YYYY-MM-DD or like 'Tue, 01/27/2026 - 12:00'")
    if issue.row == 1:
        return f"no column for the {HEADER_NAMES.get(issue.column, issue.column)} in the header"
    return issue.reason


def _original(raw: pd.DataFrame, issue: RowIssue, origin: dict[str, str]) -> object:
    source = origin.get(issue.column)
    if issue.row is None or issue.row < 2 or source not in raw.columns:
        return issue.value
    return raw[source].iloc[issue.row - 2]


def _geojson_frame(data: bytes) -> pd.DataFrame:
    """GeoJSON points to text cells; a feature that is not a point gets empty coordinates."""
    collection = json.loads(data.decode("utf-8-sig"))
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise ValueError("is not a GeoJSON FeatureCollection")
    records = []
    for feature in collection.get("features") or []:
        props = dict((feature or {}).get("properties") or {})
        geometry = (feature or {}).get("geometry") or {}
        coords = geometry.get("coordinates") if geometry.get("type") == "Point" else None
        ok = isinstance(coords, list) and len(coords) >= 2
        props["longitude"] = str(coords[0]) if ok else ""
        props["latitude"] = str(coords[1]) if ok else ""
        records.append({k: "" if v is None else str(v) for k, v in props.items()})
    return pd.DataFrame(records).fillna("")


def _as_features(result: UploadResult, layout: str) -> UploadResult:
    """GeoJSON rows are numbered by feature (first feature = 1); a missing point is a geometry issue."""
    result.layout = layout
    result.issues = [RowIssue(i.file, None if i.row is None else i.row - 1,
                              "geometry" if i.column in ("latitude", "longitude") and i.value == "" else i.column,
                              None if i.column in ("latitude", "longitude") and i.value == "" else i.value,
                              "is not a Point with coordinates" if i.value == "" and i.column in
                              ("latitude", "longitude") else i.reason) for i in result.issues]
    seen, unique = set(), []
    for issue in result.issues:
        if (issue.row, issue.column) not in seen:
            seen.add((issue.row, issue.column))
            unique.append(issue)
    result.issues = unique
    return _header_check(result)


def _header_check(result: UploadResult) -> UploadResult:
    """A header without the needed columns is an unreadable file: one message."""
    header = [i for i in result.issues if i.row is not None and i.row <= 1 and i.reason.startswith("no column")]
    if header and result.accepted == 0:
        needed = "; ".join(i.reason.removeprefix("no column for the ").removesuffix(" in the header")
                           for i in header)
        result.error = _("{file} cannot be used: it has no column for {needed}. Use one of the IOM layouts, or "
                         "columns date, latitude, longitude, dead, missing.").format(file=result.file, needed=needed)
        result.rows, result.layout = None, "unreadable"
    return result


def read_upload(name: str, data: bytes) -> UploadResult:
    """Any accepted file; never raises for bad content."""
    try:
        if len(data) > MAX_BYTES:
            raise ValueError(f"is larger than {MAX_BYTES // 1_000_000} MB")
        if data.count(b"\n") > MAX_ROWS + 1:
            raise ValueError(f"has more than {MAX_ROWS:,} rows")
        if not data.strip():
            raise ValueError(N_("is empty"))
        if name.lower().endswith((".geojson", ".json")) or data.lstrip()[:1] == b"{":
            raw, layout = _geojson_frame(data), "GeoJSON points"
            if raw.empty:
                raise ValueError(N_("has no features"))
            return _as_features(validate_frame(raw, name, "generic CSV"), layout)
        raw = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
        if raw.empty:
            raise ValueError(N_("has a header but no data rows"))
        return _header_check(validate_frame(raw, name, detect_layout(list(raw.columns))))
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        reason = str(err).splitlines()[0][:200] if str(err) else type(err).__name__
        message = _("{name} cannot be read: {reason}. Expected a UTF-8 CSV (IOM Global Figures, IOM website "
                    "download or date/latitude/longitude columns) or a GeoJSON FeatureCollection of points.").format(
            name=name, reason=_(reason))
        return UploadResult(name, "unreadable", None, error=message)
