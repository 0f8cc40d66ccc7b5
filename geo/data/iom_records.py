"""IOM Missing Migrants records for the update: read a new IOM file, merge it.

The IOM file comes in either layout the upload already reads
(:func:`geo.data.upload.detect_layout`): the HDX "Global Figures" CSV or the IOM
website download. Only the Channel route is kept. Records are keyed by
``Incident ID`` and grouped into incidents by ``Main ID``: one incident can
have several records. Newer values win for the columns the new file carries;
a record absent from the new file is kept and reported, never deleted.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geo.data.load import INCIDENT_NAMES, INCIDENTS
from geo.data.schema import Column, DataFileError, Reason, RowIssue, validate_rows
from geo.data.upload import IOM_FIGURES, IOM_WEBSITE, detect_layout, parse_date, split_coordinates
from geo.i18n import N_

RECORD_KEY, GROUP_KEY = "Incident ID", "Main ID"
ROUTE_NOW = "Mainland Europe to the UK"
CHANNEL_ROUTES = frozenset({ROUTE_NOW, "English Channel to the UK"})  # IOM renamed it in 2025-26
ROUTE_COLUMNS = ("Migration Route", "Migration route")
# The shipped schema, keyed by record: a no-op once the app's schema keys records by Incident ID too.
RECORDS = dataclasses.replace(
    INCIDENTS, unique=(RECORD_KEY,),
    columns=INCIDENTS.columns + (() if RECORD_KEY in INCIDENTS.names else (Column(RECORD_KEY),)))
DERIVED = ("Incident Year", "Month", "Total Number of Dead and Missing", "Coordinates", "Latitude",
           "Longitude", "year_month", "derived_setting")

_SUFFIX = re.compile(r"\s*-\s*English Channel crossing", re.IGNORECASE)
_SEA = re.compile(r"\boff\b|offshore|beach|(?<!loon-)(?<!loon )(?<!de la )plage|washed ashore|nautical"
                  r"|strait of dover|\bsrr\b|in the english channel", re.IGNORECASE)
_INLAND = re.compile(r"canal|river|lake|road|rail|camp|tunnel", re.IGNORECASE)


def derived_setting(location: str, cause: str) -> str:
    """The shipped file's ``derived_setting``: a keyword heuristic, not IOM data.

    Sea or shore when the place says so (off, beach, plage but not the town
    Loon-Plage, washed ashore, Strait of Dover, ...), or a drowning with no
    canal, river, lake, road, rail, tunnel or camp. IOM's suffix
    " - English Channel crossing" is ignored: IOM puts it on land deaths too.

    >>> derived_setting("Off Wimereux, France - English Channel crossing", "Mixed or unknown")
    'sea_or_shore'
    >>> derived_setting("Canal de la Haute Colme, Loon-Plage, France", "Drowning")
    'land_or_inland'
    >>> derived_setting("Near migrant camp in Loon Plage, near Dunkirk, France", "Violence")
    'land_or_inland'
    """
    place = _SUFFIX.sub("", location or "")
    if _SEA.search(place):
        return "sea_or_shore"
    drowned = "drowning" in (cause or "").lower()
    return "sea_or_shore" if drowned and not _INLAND.search(place) else "land_or_inland"


@dataclass
class IomFile:
    """A new IOM file as records in the shipped layout (text cells)."""

    file: str
    layout: str
    records: pd.DataFrame
    carried: list[str]
    rows_read: int = 0
    other_routes: int = 0


def read_iom(path: Path, columns: list[str]) -> IomFile:
    """The Channel-route records of an IOM file, in the shipped ``columns``; raises :class:`DataFileError`."""
    name = path.name
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise _fail(name, Reason(N_("cannot be read as UTF-8 CSV ({error})"), error=type(err).__name__)) from None
    layout = detect_layout(list(raw.columns))
    route = next((c for c in ROUTE_COLUMNS if c in raw.columns), None)
    if route is None:
        raise _fail(name, N_("has no 'Migration Route' column, so the Channel-route rows cannot be picked out"), 1)
    channel = raw[raw[route].str.strip().isin(CHANNEL_ROUTES)]
    origin = _origin(list(raw.columns), layout, columns)
    records = pd.DataFrame({target: channel[source].str.strip() for target, source in origin.items()},
                           index=channel.index)
    if RECORD_KEY not in records:
        records[RECORD_KEY], origin[RECORD_KEY] = records[GROUP_KEY], GROUP_KEY
    carried = [c for c in columns if c in records.columns]
    records = derive(records.reindex(columns=columns, fill_value=""))
    _validate(records, raw, origin, name)
    return IomFile(name, layout, records.reset_index(drop=True), carried, len(raw), len(raw) - len(channel))


def _origin(raw_columns: list[str], layout: str, columns: list[str]) -> dict[str, str]:
    """Shipped column -> the new file's column that fills it."""
    short_to_hdx = {short: hdx for hdx, short in INCIDENT_NAMES.items()}
    mapping = IOM_WEBSITE if layout == "IOM website download" else IOM_FIGURES
    origin = {c: c for c in raw_columns if c in columns}
    for source, short in mapping.items():
        target = short_to_hdx.get(short)
        if source in raw_columns and target and target not in origin and short != "incident_id":
            origin[target] = source
    if "Migration route" in raw_columns:
        origin.setdefault("Migration Route", "Migration route")
    return {t: s for t, s in origin.items() if t not in ("derived_setting", "record_source", "year_month")}


def derive(records: pd.DataFrame) -> pd.DataFrame:
    """Recompute the columns that follow from others: date parts, total, coordinates, setting."""
    out = records.copy()
    dates = [parse_date(d) or d for d in out["Incident Date"]]
    out["Incident Date"] = dates
    out["Incident Year"] = [d[:4] if _iso(d) else "" for d in dates]
    out["Month"] = [calendar.month_name[int(d[5:7])] if _iso(d) else "" for d in dates]
    out["year_month"] = [d[:7] if _iso(d) else "" for d in dates]
    out["Total Number of Dead and Missing"] = [
        _total(dead, missing, total) for dead, missing, total in zip(
            out["Number of Dead"], out["Minimum Estimated Number of Missing"],
            out["Total Number of Dead and Missing"])]
    has_pair = (out["Latitude"] != "") & (out["Longitude"] != "")
    pairs = [split_coordinates(c) for c in out["Coordinates"]]
    out["Latitude"] = out["Latitude"].where(has_pair, [p[0] for p in pairs])
    out["Longitude"] = out["Longitude"].where(has_pair, [p[1] for p in pairs])
    out["Coordinates"] = [f"{lat}, {lon}" if lat and lon else "" for lat, lon in zip(out["Latitude"],
                                                                                     out["Longitude"])]
    out["derived_setting"] = [derived_setting(loc, cause) for loc, cause in
                              zip(out["Location of Incident"], out["Cause of Death"])]
    out["Migration Route"] = [ROUTE_NOW if r in CHANNEL_ROUTES else r for r in out["Migration Route"]]
    return out


def _iso(text: str) -> bool:
    return len(text) == 10 and parse_date(text) == text


def _total(dead: str, missing: str, published: str) -> str:
    try:
        return str(int(float(dead or 0)) + int(float(missing or 0)))
    except ValueError:
        return published


def _validate(records: pd.DataFrame, raw: pd.DataFrame, origin: dict[str, str], name: str) -> None:
    """The shipped schema on the new records; issues name the file's own row, column and value."""
    _, issues = validate_rows(records.reset_index(drop=True), RECORDS, name)
    if not issues:
        return
    rows = list(records.index)
    named = []
    for issue in issues:
        at = rows[issue.row - 2] if issue.row and issue.row >= 2 else None
        column = origin.get(issue.column, issue.column)
        if column in ("Latitude", "Longitude") and column not in raw.columns and "Coordinates" in raw.columns:
            column = "Coordinates"
        value = raw.at[at, column] if at is not None and column in raw.columns else issue.value
        named.append(RowIssue(name, None if at is None else at + 2, column, value, issue.reason))
    raise DataFileError(name, named)


def _fail(name: str, reason: str, row: int | None = None) -> DataFileError:
    return DataFileError(name, [RowIssue(name, row, None, None, reason)])


@dataclass
class Merge:
    """What merging one IOM file did, record by record."""

    added: list[str] = field(default_factory=list)
    revised: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    unchanged: int = 0
    vanished: list[str] = field(default_factory=list)
    kept_outside: int = 0
    split: dict[str, list[str]] = field(default_factory=dict)


def merge_records(old: pd.DataFrame, new: IomFile) -> tuple[pd.DataFrame, Merge]:
    """Old records updated by the new file; new records appended; nothing deleted."""
    report = Merge()
    merged = _split_joined(old, new, report).set_index(RECORD_KEY, drop=False)
    source_note = f"update:{new.file}"
    for record in new.records.to_dict("records"):
        key = record[RECORD_KEY]
        if key not in merged.index:
            merged.loc[key] = {**record, "record_source": source_note}
            report.added.append(key)
            continue
        changes = {c: (merged.at[key, c], record[c]) for c in new.carried if merged.at[key, c] != record[c]}
        if changes:
            for column, (_, value) in changes.items():
                merged.at[key, column] = value
            merged.at[key, "record_source"] = f"{merged.at[key, 'record_source']}+{source_note}"
            report.revised[key] = changes
        else:
            report.unchanged += 1
    _absent(merged, new, report)
    merged = derive(merged.reset_index(drop=True))
    merged = merged.sort_values("Incident Date", kind="stable").reset_index(drop=True)
    return merged[list(old.columns)], report


def _split_joined(old: pd.DataFrame, new: IomFile, report: Merge) -> pd.DataFrame:
    """An old row that joined records ("A,B" in Incident ID) gives way when the new file has each of them."""
    present = set(new.records[RECORD_KEY])
    drop = []
    for position, key in enumerate(old[RECORD_KEY]):
        parts = [p.strip() for p in key.split(",")]
        if len(parts) > 1 and all(p in present for p in parts):
            report.split[key] = parts
            drop.append(position)
    return old.drop(index=old.index[drop]).copy()


def _absent(merged: pd.DataFrame, new: IomFile, report: Merge) -> None:
    """Old records not in the new file: vanished if within its dates, else kept as outside its span."""
    present = set(new.records[RECORD_KEY])
    dates = new.records["Incident Date"]
    first, last = (dates.min(), dates.max()) if len(dates) else ("", "")
    for key, date in zip(merged[RECORD_KEY], merged["Incident Date"]):
        if key in present:
            continue
        if first <= date <= last:
            report.vanished.append(key)
        else:
            report.kept_outside += 1
