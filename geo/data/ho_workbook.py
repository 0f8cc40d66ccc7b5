"""Read the Home Office small-boat files in the publisher's own formats.

Two kinds: the time-series workbook "Migrants detected crossing the English
Channel in small boats" (OpenDocument or Excel; sheets ``SB_01`` daily and
``SB_02`` weekly, a header row above each table) and the official monthly
figures of table IER_02a as a CSV with a month, a people and a boats column.

Tables come back as text cells in the shipped CSV layout
(``data/crossings/ho_small_boats_daily.csv`` and ``_weekly.csv``), checked
against the shipped schemas. A bad cell raises :class:`DataFileError` naming
the file, sheet, row (as a spreadsheet shows it), column and value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo.data.crossings import DAILY, WEEKLY
from geo.data.schema import Column, DataFileError, Reason, RowIssue, Schema, validate_rows
from geo.i18n import N_, _

# Workbook header (lower case) -> shipped column, per sheet.
SHEETS = {
    "SB_01": (DAILY, {"date": "date", "migrants arrived": "migrants_arrived", "boats arrived": "boats_arrived",
                      "boats arrived - involved in uncontrolled landings": "boats_uncontrolled_landings",
                      "notes": "notes"}),
    "SB_02": (WEEKLY, {"week ending": "week_ending", "migrants arrived": "migrants_arrived",
                       "boats arrived": "boats_arrived",
                       "boats arrived - involved in uncontrolled landings": "boats_uncontrolled_landings",
                       "migrants prevented": "migrants_prevented_france",
                       "events prevented": "events_prevented_france", "notes": "notes"}),
}
NO_DATA = ("-", "..", "x", "")  # the workbook's marks for "no figure": blank in the CSV, never 0

OFFICIAL = Schema("ier_02a", (
    Column("month", "month"),
    Column("people", "int", minimum=0),
    Column("boats", "int", minimum=0),
), unique=("month",))
OFFICIAL_NAMES = {"month": "month", "people": "people", "people_arrived": "people",
                  "migrants_arrived": "people", "boats": "boats", "boats_arrived": "boats"}


@dataclass(frozen=True)
class Edition:
    """One workbook: its daily and weekly tables as text cells, in the shipped layout."""

    file: str
    daily: pd.DataFrame
    weekly: pd.DataFrame


def is_workbook(path: Path) -> bool:
    """OpenDocument and Excel workbooks are zip files: they start with ``PK``."""
    with open(path, "rb") as handle:
        return handle.read(2) == b"PK"


def cell_text(value: object) -> str:
    """One workbook cell as the shipped CSV writes it.

    >>> cell_text(dt.datetime(2026, 8, 17)), cell_text(250.0), cell_text("-"), cell_text(" Revised ")
    ('2026-08-17', '250', '', 'Revised')
    >>> cell_text(2.5)
    '2.5'
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip() if value is not None else ""
    return "" if text in NO_DATA else text


def read_workbook(path: Path) -> Edition:
    """Both tables of a time-series workbook, validated; raises :class:`DataFileError`."""
    name = path.name
    sheets = _open_sheets(path, name)
    daily = _read_table(sheets, "SB_01", name)
    weekly = _read_table(sheets, "SB_02", name)
    return Edition(name, daily, weekly)


def _open_sheets(path: Path, name: str) -> dict[str, list[list]]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        missing = [s for s in SHEETS if s not in book.sheet_names]
        if missing:
            raise _fail(name, Reason(N_("has no sheet {sheet!r} (sheets: {sheets}); is this the small-boats "
                                        "time-series workbook?"), sheet=missing[0], sheets=", ".join(book.sheet_names)))
        return {s: book.get_sheet_by_name(s).to_python() for s in SHEETS}
    except DataFileError:
        raise
    except Exception as err:  # calamine raises its own types for damaged zips and XML
        reason = str(err).splitlines()[0][:160] if str(err) else type(err).__name__
        raise _fail(name, Reason(N_("cannot be read as a spreadsheet, the file may be truncated or damaged "
                                    "({error})"), error=reason)) from None


def _fail(name: str, reason: str, row: int | None = None, column: str | None = None,
          value: object = None) -> DataFileError:
    return DataFileError(name, [RowIssue(name, row, column, value, reason)])


def _read_table(sheets: dict[str, list[list]], sheet: str, name: str) -> pd.DataFrame:
    schema, headers = SHEETS[sheet]
    rows = sheets[sheet]
    where = _("{name}, sheet {sheet}").format(name=name, sheet=sheet)
    header_at = next((i for i, row in enumerate(rows) if row and cell_text(row[0]).lower() in headers), None)
    if header_at is None:
        first = schema.names[0]
        raise _fail(where, Reason(N_("has no header row starting with {name!r}-like text ({names})"),
                                  name=first, names=", ".join(h for h in headers if headers[h] == first)))
    found = {cell_text(c).lower(): i for i, c in enumerate(rows[header_at]) if cell_text(c)}
    absent = [h for h in headers if h not in found]
    if absent:
        raise _fail(where, N_("column is missing from the header"), header_at + 1, absent[0])
    body = rows[header_at + 1:]
    while body and not any(cell_text(c) for c in body[-1]):
        body = body[:-1]
    frame = pd.DataFrame([[cell_text(r[found[h]]) if found[h] < len(r) else "" for h in headers] for r in body],
                         columns=[headers[h] for h in headers], dtype=str)
    if frame.empty:
        raise _fail(where, N_("has a header but no data rows"), header_at + 1)
    _check(frame, schema, where, header_at, {v: k for k, v in headers.items()}, rows[header_at])
    return frame[schema.names]


def _check(frame: pd.DataFrame, schema: Schema, where: str, header_at: int, shipped_to_header: dict,
           header_row: list) -> None:
    """Validate against the shipped schema; issues name the workbook's own row and column."""
    _, issues = validate_rows(frame, schema, where)
    if not issues:
        return
    labels = {cell_text(c).lower(): cell_text(c) for c in header_row}
    # validate_rows numbers the first data row 2; in the sheet it sits just below the header.
    issues = [RowIssue(where, None if i.row is None else i.row + header_at, labels.get(
        shipped_to_header.get(i.column, ""), i.column), i.value, i.reason) for i in issues]
    raise DataFileError(where, issues)


def read_official(path: Path) -> pd.DataFrame:
    """IER_02a official monthly figures: columns ``month``, ``people``, ``boats`` (ints)."""
    name = path.name
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise _fail(name, Reason(N_("cannot be read as UTF-8 CSV ({error})"), error=type(err).__name__)) from None
    rename = {c: OFFICIAL_NAMES[c.strip().lower()] for c in raw.columns if c.strip().lower() in OFFICIAL_NAMES}
    frame = raw.rename(columns=rename)
    frame = frame.loc[:, ~frame.columns.duplicated()]
    origin = {v: k for k, v in rename.items()}
    good, issues = validate_rows(frame, OFFICIAL, name)
    if issues:
        raise DataFileError(name, [RowIssue(i.file, i.row, origin.get(i.column, i.column), i.value, i.reason)
                                   for i in issues])
    if good.empty:
        raise _fail(name, N_("has a header but no data rows"), 1)
    return good[OFFICIAL.names].sort_values("month").reset_index(drop=True)


def is_official_header(columns: list[str]) -> bool:
    """A CSV header with a month, a people and a boats column is IER_02a.

    >>> is_official_header(["month", "year", "people_arrived", "boats_arrived"])
    True
    >>> is_official_header(["Main ID", "Incident Date"])
    False
    """
    targets = {OFFICIAL_NAMES.get(c.strip().lower()) for c in columns}
    return {"month", "people", "boats"} <= targets
