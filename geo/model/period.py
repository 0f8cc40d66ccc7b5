"""The period filter: one month or a range of months, and its URL form.

The URL holds ``?from=2024-01&to=2024-12``, or ``?month=2024-09`` for one
month. A bad value never raises: it yields the default period and a message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from geo.i18n import _, format_month

MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")


def month_label(month: str) -> str:
    """``2024-09`` -> ``Sep 2024``.

    >>> month_label("2024-09")
    'Sep 2024'
    """
    dt.date.fromisoformat(month + "-01")  # a bad month raises here, in every language
    return format_month(month)


def month_span(start: str, end: str) -> list[str]:
    """Every month from ``start`` to ``end`` inclusive.

    >>> month_span("2024-11", "2025-02")
    ['2024-11', '2024-12', '2025-01', '2025-02']
    """
    year, month = int(start[:4]), int(start[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass(frozen=True)
class Period:
    """A closed range of months, ``start`` <= ``end``, as YYYY-MM strings."""

    start: str
    end: str

    def __post_init__(self) -> None:
        for value in (self.start, self.end):
            if not is_month(value):
                raise ValueError(f"Expected a month as YYYY-MM, instead got: {value!r}")
        if self.start > self.end:
            raise ValueError(f"Expected start <= end, instead got: {self.start!r} > {self.end!r}")

    @property
    def is_single(self) -> bool:
        return self.start == self.end

    @property
    def months(self) -> list[str]:
        return month_span(self.start, self.end)

    @property
    def label(self) -> str:
        """Human label.

        >>> Period("2024-09", "2024-09").label, Period("2024-01", "2024-12").label
        ('Sep 2024', 'Jan 2024 – Dec 2024')
        """
        if self.is_single:
            return month_label(self.start)
        return f"{month_label(self.start)} – {month_label(self.end)}"

    def to_query(self) -> dict[str, str]:
        """The query-string form.

        >>> Period("2024-09", "2024-09").to_query()
        {'month': '2024-09'}
        """
        if self.is_single:
            return {"month": self.start}
        return {"from": self.start, "to": self.end}


def is_month(value: object) -> bool:
    """True for a real month as YYYY-MM.

    >>> is_month("2024-09"), is_month("2024-13"), is_month("24-09"), is_month("2024-09\\n")
    (True, False, False, False)
    """
    if not isinstance(value, str) or not MONTH.fullmatch(value):
        return False
    return 1 <= int(value[5:]) <= 12


def default_period(months_with_data: Sequence[str], length: int = 12) -> Period:
    """The latest ``length`` months that have data.

    >>> default_period(["2025-01", "2025-02", "2025-03"], length=2)
    Period(start='2025-02', end='2025-03')
    """
    latest = sorted(months_with_data)[-length:]
    return Period(latest[0], latest[-1])


def _first(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    return value


def period_from_query(params: Mapping[str, object], span: Period,
                      default: Period) -> tuple[Period, str | None]:
    """Read the period from query parameters; never raises.

    Returns the period and, when the URL was wrong, a message to show.

    >>> span, default = Period("2018-01", "2026-08"), Period("2025-09", "2026-08")
    >>> period_from_query({"month": "2024-09"}, span, default)
    (Period(start='2024-09', end='2024-09'), None)
    >>> period, message = period_from_query({"month": "2024-13"}, span, default)
    >>> period == default, message
    (True, "The link's month '2024-13' is not a month as YYYY-MM; showing Sep 2025 – Aug 2026.")
    """
    month, start, end = (_first(params.get(k)) for k in ("month", "from", "to"))
    if month is None and start is None and end is None:
        return default, None
    if month is not None:
        start = end = month
    start = span.start if start is None else start
    end = span.end if end is None else end
    for name, value in (("month" if month is not None else "from", start), ("to", end)):
        if not is_month(value):
            return default, _("The link's {name} '{value}' is not a month as YYYY-MM; "
                              "showing {default}.").format(name=name, value=value, default=default.label)
    if start > end:
        return default, _("The link's period starts after it ends ({start} > {end}); showing {default}.").format(
            start=start, end=end, default=default.label)
    if start > span.end or end < span.start:
        return default, _("The link's period {start} to {end} is outside the data "
                          "({span}); showing {default}.").format(start=start, end=end, span=span.label,
                                                                  default=default.label)
    return Period(max(start, span.start), min(end, span.end)), None
