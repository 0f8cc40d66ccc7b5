"""Which months a dataset covers: "no data" is not zero.

A :class:`Coverage` is a dataset's covered days (one or more spans) and the
named gaps inside them. For a month it says ``covered``, ``partial``, ``gap``
(a known gap), ``before`` (the data starts later) or ``after`` (the data ends
earlier); for a period it counts the months with data and explains the rest.

Rules (see docs/coverage.md):

- IOM (shipped copy): covered from the first day of the month of its first
  record to the date of its last record; the last month is partial. The
  known gap (no Channel-route rows 29 Sep 2025 – 26 Jan 2026) is applied
  only while the data holds no row inside it.
- Home Office: each month in the table covers its ``days_in_data`` days.
- Uploaded incidents: their own first to last date (no known gaps).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from geo.i18n import N_, _, format_day
from geo.model.period import Period, month_label

IOM_NAME = N_("IOM")
HOME_OFFICE_NAME = N_("Home Office")
# From /work/shared/data/README.md: an unconfirmed gap in the IOM copy, not zero deaths.
IOM_KNOWN_GAP = (dt.date(2025, 9, 29), dt.date(2026, 1, 26))
COVERED, PARTIAL, GAP, BEFORE, AFTER = "covered", "partial", "gap", "before", "after"


def day_label(day: dt.date) -> str:
    """``29 Sep 2025``.

    >>> day_label(dt.date(2025, 9, 29))
    '29 Sep 2025'
    """
    return format_day(day)


def month_days(month: str) -> tuple[dt.date, dt.date]:
    """First and last day of ``YYYY-MM``.

    >>> month_days("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    year, number = int(month[:4]), int(month[5:])
    return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])


@dataclass(frozen=True)
class Gap:
    """Days a dataset is known to miss, with the words that say so."""

    first: dt.date
    last: dt.date
    name: str = N_("known gap")

    @property
    def label(self) -> str:
        return f"{_(self.name)} {day_label(self.first)} – {day_label(self.last)}"


@dataclass(frozen=True)
class MonthCoverage:
    month: str
    status: str
    days: int
    days_in_month: int
    why: str = ""

    @property
    def has_data(self) -> bool:
        return self.status in (COVERED, PARTIAL)


@dataclass(frozen=True)
class Coverage:
    """Covered day spans (inclusive) of a named dataset, and its known gaps.

    >>> c = iom_style(dt.date(2014, 1, 30), dt.date(2026, 5, 3), [IOM_KNOWN_GAP])
    >>> [c.month(m).status for m in ("2013-12", "2014-01", "2025-09", "2025-11", "2026-05", "2026-06")]
    ['before', 'covered', 'partial', 'gap', 'partial', 'after']
    >>> c.month("2025-11").why
    'IOM has no records for Nov 2025: known gap 29 Sep 2025 – 26 Jan 2026'
    """

    name: str
    spans: tuple[tuple[dt.date, dt.date], ...]
    gaps: tuple[Gap, ...] = field(default=())

    @property
    def first(self) -> dt.date:
        return min(s[0] for s in self.spans)

    @property
    def last(self) -> dt.date:
        return max(s[1] for s in self.spans)

    def _days(self, start: dt.date, end: dt.date) -> int:
        return sum(max(0, (min(end, b) - max(start, a)).days + 1) for a, b in self.spans)

    def _why_missing(self, month: str, start: dt.date, end: dt.date) -> tuple[str, str]:
        lead = _("{name} has no records for {month}: ").format(name=_(self.name), month=month_label(month))
        if not self.spans or end < self.first:
            return BEFORE, lead + (_("its data starts {day}").format(day=day_label(self.first)) if self.spans
                                   else _("no data loaded"))
        if start > self.last:
            return AFTER, lead + _("its data ends {day}").format(day=day_label(self.last))
        for gap in self.gaps:
            if gap.first <= end and gap.last >= start:
                return GAP, lead + gap.label
        return GAP, lead + _("the month is not in the data")

    def month(self, month: str) -> MonthCoverage:
        start, end = month_days(month)
        total = (end - start).days + 1
        days = self._days(start, end) if self.spans else 0
        if days == total:
            return MonthCoverage(month, COVERED, days, total)
        if days:
            return MonthCoverage(month, PARTIAL, days, total, self._why_partial(month, start, end, days, total))
        status, why = self._why_missing(month, start, end)
        return MonthCoverage(month, status, 0, total, why)

    def _why_partial(self, month: str, start: dt.date, end: dt.date, days: int, total: int) -> str:
        reasons = [gap.label for gap in self.gaps if gap.first <= end and gap.last >= start]
        if self.last < end:
            reasons.append(_("data ends {day}").format(day=day_label(self.last)))
        if self.first > start:
            reasons.append(_("data starts {day}").format(day=day_label(self.first)))
        return _("{month}: {days} of {total} days ({reasons})").format(
            month=month_label(month), days=days, total=total, reasons="; ".join(reasons) or _("in part"))

    def period(self, period: Period) -> PeriodCoverage:
        return PeriodCoverage(self.name, tuple(self.month(m) for m in period.months))


@dataclass(frozen=True)
class PeriodCoverage:
    """A period's months as one dataset covers them.

    >>> c = iom_style(dt.date(2014, 1, 30), dt.date(2026, 5, 3), [IOM_KNOWN_GAP])
    >>> p = c.period(Period("2025-09", "2026-08"))
    >>> p.covered, len(p.months), p.partial, p.scope
    (6, 12, 3, 'in the 6 of 12 months IOM covers (3 in part)')
    >>> c.period(Period("2026-04", "2026-05")).scope
    'with May 2026 in part: 3 of 31 days (data ends 3 May 2026)'

    >>> c.period(Period("2025-11", "2025-12")).no_data
    'IOM has no records for Nov 2025 – Dec 2025: known gap 29 Sep 2025 – 26 Jan 2026'
    """

    name: str
    months: tuple[MonthCoverage, ...]

    @property
    def covered(self) -> int:
        return sum(m.has_data for m in self.months)

    @property
    def partial(self) -> int:
        return sum(m.status == PARTIAL for m in self.months)

    @property
    def is_full(self) -> bool:
        return all(m.status == COVERED for m in self.months)

    @property
    def is_empty(self) -> bool:
        return self.covered == 0

    @property
    def scope(self) -> str:
        """Words for a figure that covers only part of the period ("" when all)."""
        if self.is_full:
            return ""
        partial = [m for m in self.months if m.status == PARTIAL]
        if self.covered == len(self.months):
            if len(partial) == 1:
                month, detail = partial[0].why.split(": ", 1) if ": " in partial[0].why else (partial[0].why, "")
                return _("with {month} in part: {detail}").format(month=month.strip(), detail=detail)
            return _("with {partial} of its {months} months in part").format(partial=len(partial),
                                                                            months=len(self.months))
        part = _(" ({partial} in part)").format(partial=self.partial) if self.partial else ""
        return _("in the {covered} of {months} months {name} covers{part}").format(
            covered=self.covered, months=len(self.months), name=_(self.name), part=part)

    @property
    def no_data(self) -> str:
        """Why there is no figure: every month of the period lacks data."""
        missing = [m for m in self.months if not m.has_data]
        if not missing:
            return ""
        if len(missing) == 1:
            return missing[0].why
        label = f"{month_label(missing[0].month)} – {month_label(missing[-1].month)}"
        reasons = dict.fromkeys(_reason(m) for m in missing)
        return _("{name} has no records for {month}: ").format(name=_(self.name), month=label) + "; ".join(reasons)

    @property
    def notes(self) -> list[str]:
        """One line per run of uncovered months with one reason, one per partial month.

        >>> c = iom_style(dt.date(2014, 1, 30), dt.date(2026, 5, 3), [IOM_KNOWN_GAP])
        >>> c.period(Period("2026-04", "2026-07")).notes  # doctest: +NORMALIZE_WHITESPACE
        ['IOM covers May 2026: 3 of 31 days (data ends 3 May 2026).',
         'IOM has no records for Jun 2026 – Jul 2026: its data ends 3 May 2026 (no data, not zero).']
        """
        lines, run = [], []
        for month in self.months + (None,):
            if month is not None and not month.has_data and (not run or _reason(run[-1]) == _reason(month)):
                run.append(month)
                continue
            if run:
                lines.append(PeriodCoverage(self.name, tuple(run)).no_data + _(" (no data, not zero)."))
                run = [month] if month is not None and not month.has_data else []
            if month is not None and month.status == PARTIAL:
                lines.append(_("{name} covers {detail}.").format(name=_(self.name), detail=month.why))
        return lines


def _reason(month: MonthCoverage) -> str:
    return month.why.split(": ", 1)[-1]


def iom_style(first_record: dt.date, last_record: dt.date, gaps: Iterable[tuple[dt.date, dt.date]] = (),
              name: str = IOM_NAME) -> Coverage:
    """From the first of the first record's month to the last record, less the gaps.

    >>> iom_style(dt.date(2024, 1, 9), dt.date(2024, 3, 3)).spans
    ((datetime.date(2024, 1, 1), datetime.date(2024, 3, 3)),)
    """
    spans, start = [], first_record.replace(day=1)
    for gap_first, gap_last in sorted(gaps):
        if start <= gap_first - dt.timedelta(days=1):
            spans.append((start, gap_first - dt.timedelta(days=1)))
        start = max(start, gap_last + dt.timedelta(days=1))
    if start <= last_record:
        spans.append((start, last_record))
    return Coverage(name, tuple(spans), tuple(Gap(a, b) for a, b in gaps))


def incidents_coverage(incidents: pd.DataFrame | None, name: str = IOM_NAME) -> Coverage:
    """The shipped IOM copy's coverage; the known gap holds while no row falls in it."""
    if incidents is None or incidents.empty:
        return Coverage(name, ())
    dates = pd.to_datetime(incidents["date"])
    first, last = dates.min().date(), dates.max().date()
    gap_first, gap_last = IOM_KNOWN_GAP
    in_gap = dates.between(pd.Timestamp(gap_first), pd.Timestamp(gap_last)).any()
    gaps = [] if in_gap or not first < gap_first <= last else [IOM_KNOWN_GAP]
    return iom_style(first, last, gaps, name)


def upload_coverage(rows: pd.DataFrame | None) -> Coverage:
    """An upload covers its own first to last date, whole days, no known gaps."""
    if rows is None or rows.empty:
        return Coverage(N_("Your upload"), ())
    dates = pd.to_datetime(rows["date"])
    return Coverage(N_("Your upload"), ((dates.min().date(), dates.max().date()),))


def combined(first: Coverage, second: Coverage, name: str) -> Coverage:
    """Days covered by either (shipped data plus an upload), each day once.

    >>> a = Coverage("A", ((dt.date(2024, 9, 1), dt.date(2024, 9, 30)),))
    >>> b = Coverage("B", ((dt.date(2024, 9, 20), dt.date(2024, 10, 2)),))
    >>> combined(a, b, "A or B").spans, combined(a, b, "A or B").month("2024-09").status
    (((datetime.date(2024, 9, 1), datetime.date(2024, 10, 2)),), 'covered')
    """
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in sorted(first.spans + second.spans):
        if merged and start <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return Coverage(name, tuple(merged), first.gaps + second.gaps)


def crossings_coverage(monthly: pd.DataFrame | None) -> Coverage:
    """Home Office months in the table, each covering its ``days_in_data`` days.

    >>> frame = pd.DataFrame({"month": ["2026-07", "2026-08"], "days_in_data": [31, 20]})
    >>> crossings_coverage(frame).month("2026-08").why
    'Aug 2026: 20 of 31 days (data ends 20 Aug 2026)'
    """
    if monthly is None or monthly.empty:
        return Coverage(HOME_OFFICE_NAME, ())
    spans = []
    for month, days in zip(monthly["month"], monthly["days_in_data"]):
        start = month_days(month)[0]
        if int(days) > 0:
            spans.append((start, start + dt.timedelta(days=int(days) - 1)))
    return Coverage(HOME_OFFICE_NAME, tuple(spans))
