"""Headline figures for a period, and what a reader must know about them."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geo.data.records import incident_count
from geo.i18n import N_, _, format_decimal, format_number
from geo.model import coverage as cov
from geo.model.period import Period, month_label

# The IOM copy's unconfirmed gap (not a count of zero); geo.model.coverage holds the rule.
IOM_KNOWN_GAP = tuple(day.isoformat() for day in cov.IOM_KNOWN_GAP)
HOME_OFFICE = N_("UK Home Office")
IOM = N_("IOM Missing Migrants Project")
STATUS_WORDS = (N_("official"), N_("provisional"), N_("official and provisional"), N_("no data"))


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
    crossings_coverage: cov.PeriodCoverage | None = None
    incident_coverage: cov.PeriodCoverage | None = None

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
    provisional = rows[rows["status"] == "provisional"]
    if not provisional.empty:
        last_official = crossings.loc[crossings["status"] == "official", "month"].max()
        notes.append(_("Provisional: sums of the Home Office daily series (SB_01), revised later. "
                       "Official IER_02a figures run to {month}.").format(month=month_label(last_official)))
    return notes + cov.crossings_coverage(crossings).period(period).notes


def incident_notes(incidents: pd.DataFrame, period: Period, coverage: cov.Coverage | None = None) -> list[str]:
    """The minimum-estimate caveat, then what the period's coverage lacks."""
    coverage = coverage or cov.incidents_coverage(incidents)
    return [_("IOM figures are minimum estimates and are revised.")] + coverage.period(period).notes


def headline(crossings: pd.DataFrame | None, incidents: pd.DataFrame | None, period: Period,
             incident_coverage: cov.Coverage | None = None) -> Headline:
    """The period's figures; a missing dataset or a period it does not cover
    gives ``None`` figures, not zeros. ``incident_coverage`` defaults to the
    shipped IOM copy's (pass the upload's when the rows are uploaded)."""
    people = boats = dead = missing = count = None
    status, c_notes, i_notes, c_cov, i_cov = "no data", [], [], None, None
    if crossings is not None:
        rows = crossings_in(crossings, period)
        c_cov = cov.crossings_coverage(crossings).period(period)
        if not rows.empty and not c_cov.is_empty:
            people, boats = int(rows["people"].sum()), int(rows["boats"].sum())
        status, c_notes = crossings_status(rows), crossings_notes(crossings, period)
    if incidents is not None:
        coverage = incident_coverage or cov.incidents_coverage(incidents)
        i_cov = coverage.period(period)
        if not i_cov.is_empty:
            rows = incidents_in(incidents, period)
            dead, missing, count = int(rows["dead"].sum()), int(rows["missing"].sum()), incident_count(rows)
        i_notes = incident_notes(incidents, period, coverage)
    return Headline(people, boats, dead, missing, count, status, c_notes, i_notes, c_cov, i_cov)


NO_DATA = "no data"


@dataclass(frozen=True)
class Figure:
    """One display figure: ``value`` is "no data" when the period has none;
    ``coverage`` says what part of the period the value covers, or why none."""

    label: str
    value: str
    source: str
    coverage: str = ""


def _fmt(value: int | float | None) -> str:
    if value is None:
        return "–"
    return format_decimal(value, 1) if isinstance(value, float) else format_number(value)


def _covered(label: str, value: int | float | None, source: str,
             coverage: cov.PeriodCoverage | None) -> Figure:
    if coverage is None:
        return Figure(_(label), _fmt(value), source)
    if coverage.is_empty:
        return Figure(_(label), _(NO_DATA), source, coverage.no_data)
    return Figure(_(label), _fmt(value), source, coverage.scope)


def figures(h: Headline) -> list[Figure]:
    """The headline as display rows, each naming its source and its coverage.

    >>> [f.value for f in figures(Headline(4192, 76, 22, 0, 3, "official"))]
    ['4,192', '76', '55.2', '22', '0']
    >>> import datetime as dt
    >>> from geo.model.coverage import iom_style, IOM_KNOWN_GAP
    >>> gap = iom_style(dt.date(2014, 1, 30), dt.date(2026, 5, 3), [IOM_KNOWN_GAP]).period(Period("2025-11", "2025-11"))
    >>> dead = figures(Headline(None, None, None, None, None, "no data", incident_coverage=gap))[3]
    >>> dead.value, dead.coverage
    ('no data', 'IOM has no records for Nov 2025: known gap 29 Sep 2025 – 26 Jan 2026')
    """
    crossings = f"{_(HOME_OFFICE)}, {_(h.crossings_status)}"
    deaths = _("{iom}, minimum estimate").format(iom=_(IOM))
    c_cov, i_cov = h.crossings_coverage, h.incident_coverage
    return [
        _covered(N_("People crossed"), h.people, crossings, c_cov),
        _covered(N_("Boats"), h.boats, crossings, c_cov),
        _covered(N_("People per boat"), h.people_per_boat, crossings, c_cov),
        _covered(N_("Dead"), h.dead, deaths, i_cov),
        _covered(N_("Missing"), h.missing, deaths, i_cov),
    ]


def incident_figures(count: int, dead: int, missing: int,
                     coverage: cov.PeriodCoverage | None) -> list[Figure]:
    """Incidents, dead, missing and their sum for filtered rows, as display rows.

    >>> [f.value for f in incident_figures(3, 4, 1, None)]
    ['3', '4', '1', '5']
    """
    source = _("{iom}, minimum estimate").format(iom=_(IOM))
    values = {N_("Incidents"): count, N_("Dead"): dead, N_("Missing"): missing, N_("Dead + missing"): dead + missing}
    return [_covered(label, value, source, coverage) for label, value in values.items()]


def coverage_sentences(h: Headline) -> list[str]:
    """Plain sentences for figures that cover part of the period, e.g.
    "19 dead, 4 missing in the 6 of 12 months IOM covers (3 in part)"."""
    lines = []
    if h.crossings_coverage is not None and h.people is not None and h.crossings_coverage.scope:
        lines.append(_("{people} people crossed in {boats} boats {scope}.").format(
            people=format_number(h.people), boats=format_number(h.boats), scope=h.crossings_coverage.scope))
    if h.incident_coverage is not None and h.dead is not None and h.incident_coverage.scope:
        lines.append(_("{dead} dead, {missing} missing {scope}.").format(
            dead=format_number(h.dead), missing=format_number(h.missing), scope=h.incident_coverage.scope))
    return lines
