"""Headline figures for a period, and what a reader must know about them."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geo.period import Period, month_label
from geo.records import incident_count

# From ../shared/data/README.md: the IOM copy has no Channel-route rows in this
# window. It is an unconfirmed gap in the copy, not a count of zero.
IOM_KNOWN_GAP = ("2025-09-29", "2026-01-26")
HOME_OFFICE = "UK Home Office"
IOM = "IOM Missing Migrants Project"


@dataclass(frozen=True)
class Headline:
    """The five figures next to the map, and the notes that qualify them."""

    people: int | None
    boats: int | None
    dead: int | None
    missing: int | None
    incidents: int | None
    crossings_status: str
    crossings_notes: list[str] = field(default_factory=list)
    incident_notes: list[str] = field(default_factory=list)

    @property
    def people_per_boat(self) -> float | None:
        """People per boat, or None with no boats.

        >>> Headline(100, 3, 0, 0, 0, "official").people_per_boat
        33.3
        """
        if not self.boats or self.people is None:
            return None
        return round(self.people / self.boats, 1)


def crossings_in(crossings: pd.DataFrame, period: Period) -> pd.DataFrame:
    return crossings[crossings["month"].between(period.start, period.end)]


def incidents_in(incidents: pd.DataFrame, period: Period) -> pd.DataFrame:
    return incidents[incidents["year_month"].between(period.start, period.end)]


def crossings_status(rows: pd.DataFrame) -> str:
    """``official``, ``provisional`` or ``official and provisional``.

    >>> crossings_status(pd.DataFrame({"status": ["official", "provisional"]}))
    'official and provisional'
    """
    statuses = set(rows["status"])
    if statuses == {"official"}:
        return "official"
    if statuses == {"provisional"}:
        return "provisional"
    return "official and provisional" if statuses else "no data"


def crossings_notes(crossings: pd.DataFrame, period: Period) -> list[str]:
    rows = crossings_in(crossings, period)
    notes = []
    first, last = crossings["month"].min(), crossings["month"].max()
    if period.start < first:
        notes.append(f"Home Office series starts {month_label(first)}; earlier months have no figures.")
    provisional = rows[rows["status"] == "provisional"]
    if not provisional.empty:
        last_official = crossings.loc[crossings["status"] == "official", "month"].max()
        notes.append("Provisional: sums of the Home Office daily series (SB_01), revised later. "
                     f"Official IER_02a figures run to {month_label(last_official)}.")
    partial = rows[rows["days_in_data"] < rows["days_in_month"]]
    for row in partial.itertuples(index=False):
        notes.append(f"{month_label(row.month)} is partial: {row.days_in_data} of {row.days_in_month} days.")
    if period.end > last:
        notes.append(f"Home Office data ends {month_label(last)}.")
    return notes


def incident_notes(incidents: pd.DataFrame, period: Period) -> list[str]:
    notes = ["IOM figures are minimum estimates and are revised."]
    first, last = incidents["date"].min(), incidents["date"].max()
    if period.end > last.strftime("%Y-%m"):
        notes.append(f"The IOM copy ends {last:%d %b %Y}; later months are not yet in it.")
    if period.start < first.strftime("%Y-%m"):
        notes.append(f"The IOM copy starts {first:%d %b %Y}.")
    gap_start, gap_end = IOM_KNOWN_GAP
    if period.start <= gap_end[:7] and period.end >= gap_start[:7]:
        notes.append(f"Known gap: no Channel-route rows from {gap_start} to {gap_end} in this "
                     "IOM copy. This is missing data, not zero deaths.")
    return notes


def headline(crossings: pd.DataFrame | None, incidents: pd.DataFrame | None, period: Period) -> Headline:
    """The period's figures; a missing dataset gives ``None`` figures, not zeros."""
    people = boats = dead = missing = count = None
    status, c_notes, i_notes = "no data", [], []
    if crossings is not None:
        rows = crossings_in(crossings, period)
        if not rows.empty:
            people, boats = int(rows["people"].sum()), int(rows["boats"].sum())
        status, c_notes = crossings_status(rows), crossings_notes(crossings, period)
    if incidents is not None:
        rows = incidents_in(incidents, period)
        dead, missing, count = int(rows["dead"].sum()), int(rows["missing"].sum()), incident_count(rows)
        i_notes = incident_notes(incidents, period)
    return Headline(people, boats, dead, missing, count, status, c_notes, i_notes)


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    source: str


def _fmt(value: int | float | None) -> str:
    return "–" if value is None else f"{value:,}"


def figures(h: Headline) -> list[Figure]:
    """The headline as display rows, each naming its source.

    >>> [f.value for f in figures(Headline(4192, 76, 22, 0, 3, "official"))]
    ['4,192', '76', '55.2', '22', '0']
    """
    crossings = f"{HOME_OFFICE}, {h.crossings_status}"
    deaths = f"{IOM}, minimum estimate"
    return [
        Figure("People crossed", _fmt(h.people), crossings),
        Figure("Boats", _fmt(h.boats), crossings),
        Figure("People per boat", _fmt(h.people_per_boat), crossings),
        Figure("Dead", _fmt(h.dead), deaths),
        Figure("Missing", _fmt(h.missing), deaths),
    ]
