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
import logging
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from geo.data.load import OUTSIDE_EUROPE
from geo.data.records import derive
from geo.data.schema import Column, Reason, RowIssue, Schema, reason_of, reason_text, validate_rows
from geo.data.upload_read import RawTable, decimal_point, decode, read_csv_text, read_geojson_text
from geo.i18n import N_, _, format_number, ngettext

LOG = logging.getLogger(__name__)

MAX_BYTES = 20_000_000  # also server.maxUploadSize in .streamlit/config.toml
MAX_ROWS = 200_000
MAX_COUNT = 10_000  # no recorded incident comes near it; also keeps sums inside 64 bits
COUNT = {"kind": "int", "minimum": 0, "maximum": MAX_COUNT}
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
NUMERIC = ("lat", "lon", "dead", "missing", "survivors")
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
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%a, %m/%d/%Y - %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S",
                "%Y-%m-%dT%H:%M:%SZ")
BAD_DATE = N_("is not a date as YYYY-MM-DD, DD.MM.YYYY or like 'Tue, 01/27/2026 - 12:00' "
              "(03/09/2024 could be March or September: write 2024-09-03)")
HEADER_NAMES = {"date": N_("date (Incident Date or date)"), "lat": N_("latitude (Latitude, Coordinates or latitude)"),
                "lon": N_("longitude (Longitude, Coordinates or longitude)")}
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
    read_as: list[str] = field(default_factory=list)
    unexpected: bool = False

    @property
    def accepted(self) -> int:
        return 0 if self.rows is None else len(self.rows)

    @property
    def rejected_rows(self) -> int:
        """Rows not accepted; each has at least one issue in ``issues``."""
        return 0 if self.error else self.total_rows - self.accepted

    def summary(self) -> str:
        """One line a person reads: the counts add up, and how the file was read."""
        accepted = ngettext("{accepted} of {count} row accepted as {layout}",
                            "{accepted} of {count} rows accepted as {layout}", self.total_rows).format(
            accepted=format_number(self.accepted), count=format_number(self.total_rows), layout=_(self.layout))
        rejected = ngettext("{count} row rejected", "{count} rows rejected", self.rejected_rows).format(
            count=format_number(self.rejected_rows))
        text = _("{file}: {accepted}; {rejected}.").format(file=self.file, accepted=accepted, rejected=rejected)
        how = "; ".join(map(reason_text, self.read_as))
        return text + (" " + _("Read as: {how}.").format(how=how) if self.read_as else "")

    def issue_table(self) -> pd.DataFrame:
        row, column, value, reason = _("Row"), _("Column"), _("Value"), _("Reason")
        return pd.DataFrame([{row: i.row, column: i.column, value: "" if i.value is None else str(i.value),
                              reason: reason_text(i.reason)} for i in self.issues],
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
        return N_("IOM website download")
    if "Main ID" in names and ("Coordinates" in names or "Latitude" in names):
        return N_("IOM Global Figures")
    return N_("generic CSV")


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


def _prepare(frame: pd.DataFrame, decimal_comma: bool) -> tuple[pd.DataFrame, dict[int, str]]:
    """Fill optional columns, number missing IDs, read decimal commas, turn dates into ISO;
    returns the reason for each bad date by position."""
    for column in CANONICAL.columns:
        if column.name not in frame.columns and (not column.required or column.name in ("incident_id", "record_id")):
            frame[column.name] = ""
    _fill_ids(frame)
    for name in NUMERIC if decimal_comma else ():
        if name in frame.columns:
            frame[name] = [decimal_point(v, name in ("lat", "lon")) for v in frame[name]]
    bad_dates = {}
    if "date" in frame.columns:
        parsed = [parse_date(v) for v in frame["date"]]
        for position, (iso, raw) in enumerate(zip(parsed, frame["date"])):
            if iso is None and str(raw).strip():
                bad_dates[position] = BAD_DATE
            elif iso is not None and not FIRST_DAY.isoformat() <= iso <= LAST_DAY.isoformat():
                bad_dates[position] = Reason(N_("is outside the years {first}-{last}: is the year right?"),
                                             first=str(FIRST_DAY.year), last=str(LAST_DAY.year))
        frame["date"] = [p if p is not None and i not in bad_dates else "" if i in bad_dates else v
                         for i, (p, v) in enumerate(zip(parsed, frame["date"]))]
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


def validate_table(table: RawTable, file: str, layout: str) -> UploadResult:
    """Validate rows of text cells in one of the layouts; each refused row keeps its own number."""
    raw = pd.DataFrame(table.records, columns=table.header, dtype=object).fillna("")
    if not table.records:
        return UploadResult(file, layout, None, list(table.issues), total_rows=table.total, read_as=table.read_as)
    frame, origin = _canonical(raw, layout)
    if "incident_id" in origin:
        origin.setdefault("record_id", origin["incident_id"])  # a record without its own ID uses the incident's
    frame, bad_dates = _prepare(frame, table.decimal_comma)
    good, found = validate_rows(frame, CANONICAL, file)
    issues = list(table.issues)
    for issue in found:
        position = None if issue.row is None or issue.row < 2 else issue.row - 2
        issues.append(RowIssue(issue.file, 1 if position is None else table.numbers[position],
                               origin.get(issue.column, HEADER_NAMES.get(issue.column, issue.column)),
                               _original(raw, issue, origin, position), _reason(issue, bad_dates, position)))
    issues.sort(key=lambda i: i.row or 0)
    rows = _finish(good) if not good.empty else None
    result = UploadResult(file, layout, rows, issues, total_rows=table.total, read_as=table.read_as)
    return _header_check(result)


def _reason(issue: RowIssue, bad_dates: dict[int, str], position: int | None) -> str:
    if issue.column == "date" and position in bad_dates:
        return bad_dates[position]
    if position is None:
        column = HEADER_NAMES.get(issue.column, issue.column)
        return Reason(N_("no column for the {column} in the header"), column=Reason(column))
    return issue.reason


def _original(raw: pd.DataFrame, issue: RowIssue, origin: dict[str, str], position: int | None) -> object:
    source = origin.get(issue.column)
    if position is None or source not in raw.columns:
        return issue.value
    return raw[source].iloc[position]


def _header_check(result: UploadResult) -> UploadResult:
    """A header without the needed columns is an unusable file: one message."""
    header = [i for i in result.issues if getattr(i.reason, "template", "").startswith("no column for the ")]
    if header and result.accepted == 0:
        needed = "; ".join(reason_text(i.reason.values["column"]) for i in header)
        result.error = _("{file} cannot be used: it has no column for {needed}. Use one of the IOM layouts, or "
                         "columns date, latitude, longitude, dead, missing.").format(file=result.file, needed=needed)
        result.rows, result.layout, result.issues = None, "unreadable", []
    return result


def _read(name: str, data: bytes) -> UploadResult:
    if len(data) > MAX_BYTES:
        raise ValueError(Reason(N_("is larger than {size} MB"), size=MAX_BYTES // 1_000_000))
    if data.count(b"\n") > MAX_ROWS + 1:
        raise ValueError(Reason(N_("has more than {rows} rows"), rows=MAX_ROWS))
    if not data.strip():
        raise ValueError(N_("is empty"))
    text, encoding = decode(data)
    if not text.strip(" \t\r\n\ufeff"):
        raise ValueError(N_("is empty"))
    if name.lower().endswith((".geojson", ".json")) or text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        table, layout = read_geojson_text(text.lstrip("\ufeff"), name), N_("GeoJSON points")
    else:
        table = read_csv_text(text, name)
        layout = detect_layout(table.header)
    if encoding:
        table.read_as.append(Reason(N_("{encoding} text"), encoding=encoding))
    return validate_table(table, name, layout)


def read_upload(name: str, data: bytes) -> UploadResult:
    """Any file ends in a result with a message; this never raises.

    An unforeseen failure is logged with its traceback for the server and
    reported to the visitor as a short message (``unexpected`` is set, so the
    bad-input tests count it as a crash).
    """
    try:
        return _read(name, data)
    except (ValueError, UnicodeDecodeError) as err:
        reason = reason_of(err) if str(err) else type(err).__name__
        if not isinstance(reason, Reason):
            reason = reason.splitlines()[0][:200]
        if isinstance(err, UnicodeDecodeError):
            reason = N_("its text is neither UTF-8, UTF-16 nor Windows-1252")
        message = _("{name} cannot be read: {reason}. Expected a CSV (comma- or semicolon-separated: IOM Global "
                    "Figures, IOM website download or date/latitude/longitude columns) or GeoJSON points.").format(
            name=name, reason=reason_text(reason))
        return UploadResult(name, "unreadable", None, error=message)
    except Exception as err:  # noqa: BLE001 - the last resort: a message for the visitor, details in the log
        LOG.exception("upload %r could not be read", name)
        return UploadResult(name, "unreadable", None, unexpected=True,
                            error=_("{name} could not be read because of an unexpected problem ({problem}). "
                                    "Nothing was loaded; please report this file.").format(
                                name=name, problem=type(err).__name__))
