"""What an update changes, table by table: pure comparisons for the update report.

Every function takes old and new tables as text cells (as read from the CSV
files) and returns plain dicts and lists, ready for JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from geo.data.schema import Reason
from geo.i18n import N_

IOM_GAP_DAYS = 90  # a stretch this long with no IOM record is reported as a gap (not zero)


@dataclass
class TableChange:
    """Rows added, revised (with the cells that changed) and unchanged; rows kept though the new source
    lacks them."""

    added: list[str] = field(default_factory=list)
    revised: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    unchanged: int = 0
    kept: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "revised": len(self.revised), "unchanged": self.unchanged,
                "kept_absent_from_new_source": len(self.kept)}

    def as_json(self) -> dict:
        return {**self.counts(), "added_keys": self.added, "revisions": self.revised, "kept_keys": self.kept}


def replace_rows(old: pd.DataFrame, new: pd.DataFrame, key: str) -> tuple[pd.DataFrame, TableChange]:
    """Rows of ``new`` replace rows of ``old`` with the same ``key``; old rows the new table lacks
    are kept. Sorted by key.

    >>> old = pd.DataFrame({"date": ["2026-01-01", "2026-01-02"], "n": ["1", "2"]})
    >>> new = pd.DataFrame({"date": ["2026-01-02", "2026-01-03"], "n": ["3", "4"]})
    >>> table, change = replace_rows(old, new, "date")
    >>> table["n"].tolist(), change.added, change.revised, change.kept
    (['1', '3', '4'], ['2026-01-03'], {'2026-01-02': {'n': ['2', '3']}}, ['2026-01-01'])
    """
    change = TableChange()
    columns = [c for c in new.columns if c != key and c in old.columns]
    before = {row[0]: row[1:] for row in old[[key, *columns]].itertuples(index=False, name=None)}
    for row in new[[key, *columns]].itertuples(index=False, name=None):
        name, values = row[0], row[1:]
        if name not in before:
            change.added.append(name)
        elif before[name] == values:
            change.unchanged += 1
        else:
            change.revised[name] = {c: [a, b] for c, a, b in zip(columns, before[name], values) if a != b}
    change.kept = sorted(set(old[key]) - set(new[key]))
    kept_rows = old[old[key].isin(change.kept)]
    table = pd.concat([kept_rows, new[old.columns]], ignore_index=True).sort_values(key, kind="stable")
    return table.reset_index(drop=True), change


def monthly_changes(old: pd.DataFrame, new: pd.DataFrame) -> list[dict]:
    """Months of the crossings table whose people, boats or status changed (old -> new)."""
    before = old.set_index("month")
    out = []
    for row in new.to_dict("records"):
        month = row["month"]
        if month not in before.index:
            continue
        was = before.loc[month]
        if (str(was["people"]), str(was["boats"]), was["status"]) != (str(row["people"]), str(row["boats"]),
                                                                      row["status"]):
            out.append({"month": month, "people": [_int(was["people"]), _int(row["people"])],
                        "boats": [_int(was["boats"]), _int(row["boats"])],
                        "status": [was["status"], row["status"]]})
    return out


def iom_month_changes(old: pd.DataFrame, new: pd.DataFrame) -> list[dict]:
    """Months whose IOM dead + missing, or incident count (by Main ID), changed."""
    def sums(table: pd.DataFrame) -> pd.DataFrame:
        frame = pd.DataFrame({"month": table["year_month"], "main": table["Main ID"],
                              "dm": pd.to_numeric(table["Total Number of Dead and Missing"], errors="coerce")})
        return frame.groupby("month").agg(dead_missing=("dm", "sum"), incidents=("main", "nunique"))

    before, after = sums(old), sums(new)
    months = sorted(set(before.index) | set(after.index))
    out = []
    for month in months:
        was = before.loc[month] if month in before.index else None
        now = after.loc[month] if month in after.index else None
        pair = [None if was is None else int(was["dead_missing"]), None if now is None else int(now["dead_missing"])]
        count = [None if was is None else int(was["incidents"]), None if now is None else int(now["incidents"])]
        if pair[0] != pair[1] or count[0] != count[1]:
            out.append({"month": month, "dead_and_missing": pair, "incidents": count})
    return out


def _int(value: object) -> int | None:
    text = str(value)
    return int(float(text)) if text not in ("", "nan", "<NA>", "None") else None


MEASURE_WORDS = {"people": N_("people"), "boats": N_("boats"), "dead_and_missing": N_("dead and missing")}


def fell(months: list[dict], measure: str) -> list[Reason]:
    """Warnings for months whose ``measure`` went down (English, shown translated by ``reason_text``).

    >>> from geo.i18n import use_language
    >>> from geo.data.schema import reason_text
    >>> warning = fell([{"month": "2024-09", "people": (4192, 4100)}], "people")[0]
    >>> with use_language("fr"):
    ...     str(warning), reason_text(warning)
    ('2024-09: people fell from 4,192 to 4,100', '2024-09 : personnes en baisse de 4\\u202f192 à 4\\u202f100')
    """
    return [Reason(N_("{month}: {measure} fell from {old} to {new}"), month=m["month"],
                   measure=Reason(MEASURE_WORDS[measure]), old=m[measure][0], new=m[measure][1])
            for m in months if m[measure][0] is not None and m[measure][1] is not None
            and m[measure][1] < m[measure][0]]


def date_gaps(dates: list[str], step_days: int, min_days: int) -> list[tuple[str, str]]:
    """Stretches between consecutive dates longer than ``min_days`` (first and last missing date).

    >>> date_gaps(["2026-01-01", "2026-01-02", "2026-01-05"], 1, 1)
    [('2026-01-03', '2026-01-04')]
    """
    days = sorted({dt.date.fromisoformat(d) for d in dates})
    gaps = []
    for before, after in zip(days, days[1:]):
        if (after - before).days > min_days:
            step = dt.timedelta(days=step_days)
            gaps.append(((before + step).isoformat(), (after - step).isoformat()))
    return gaps


def new_gaps(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Gaps of ``new`` that lie inside no gap of ``old``.

    >>> new_gaps([("2026-01-03", "2026-01-09")], [("2026-01-03", "2026-01-04"), ("2026-02-01", "2026-02-02")])
    [('2026-02-01', '2026-02-02')]
    """
    return [g for g in new if not any(o[0] <= g[0] and g[1] <= o[1] for o in old)]
