"""Incident filters (setting, cause, country, minimum dead + missing), their
URL form, and the monthly series the charts draw.

The URL holds ``?setting=sea_or_shore&cause=Drowning&country=France&min=3``;
``cause`` and ``country`` may repeat. Unknown values are dropped with a message,
never raised.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from geo.i18n import N_, _, ngettext
from geo.model.coverage import Coverage, incidents_coverage
from geo.model.period import Period, month_label, month_span
from geo.vocab import SETTING_WORDS

SETTING_CHOICES = {"all": N_("Sea/shore and land"), **SETTING_WORDS}
FILTER_KEYS = ("setting", "cause", "country", "min")
MAX_MINIMUM = 500  # the largest "min. dead + missing" the page's number box offers

# IOM Missing Migrants Project grades each record's sources from 1 (least
# verified) to 5 (best verified). Some records carry a multi-digit code such as
# "45" or "345": we read each digit as one grade the sources were given and
# show the span (README, "IOM source quality in words").
QUALITY_WORDS = {
    "1": N_("1 – lowest: a single unverified report"),
    "2": N_("2 – low: more than one unofficial report"),
    "3": N_("3 – medium: one reliable report (NGO, IGO or media citing officials)"),
    "4": N_("4 – high: several sources, including official, NGO or IGO ones"),
    "5": N_("5 – highest: official records (e.g. coroner or authorities)"),
}


def quality_words(grade: object) -> str:
    """IOM's source-quality grade as words; multi-digit codes as a span.

    >>> quality_words("4")
    '4 – high: several sources, including official, NGO or IGO ones'
    >>> quality_words("45")
    'Mixed grades 4 to 5 (IOM code 45): from high to highest'
    >>> quality_words(""), quality_words("9")
    ('Not graded', "Unknown grade '9'")
    """
    text = "" if grade is None or grade != grade else str(grade).strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not text:
        return _("Not graded")
    if text in QUALITY_WORDS:
        return _(QUALITY_WORDS[text])
    digits = sorted(set(text))
    if len(text) > 1 and all(d in QUALITY_WORDS for d in digits):
        low, high = digits[0], digits[-1]
        word = lambda d: _(QUALITY_WORDS[d]).split(":")[0].split("– ")[1].strip()  # noqa: E731
        return _("Mixed grades {low} to {high} (IOM code {code}): from {low_word} to {high_word}").format(
            low=low, high=high, code=text, low_word=word(low), high_word=word(high))
    return _("Unknown grade {grade!r}").format(grade=text)


def cause_parts(cause: object) -> list[str]:
    """IOM joins several causes with a comma.

    >>> cause_parts("Accidental death,Drowning")
    ['Accidental death', 'Drowning']
    """
    return [part.strip() for part in str(cause or "").split(",") if part.strip()]


def cause_choices(incidents: pd.DataFrame) -> list[str]:
    return sorted({part for cause in incidents["cause"] for part in cause_parts(cause)})


def country_choices(incidents: pd.DataFrame) -> list[str]:
    return sorted({str(c) for c in incidents["country"] if str(c)})


@dataclass(frozen=True)
class IncidentFilters:
    """What the incidents page shows besides the period."""

    setting: str = "all"
    causes: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    min_dead_missing: int = 0

    def to_query(self) -> dict[str, object]:
        """Only what differs from the default.

        >>> IncidentFilters("sea_or_shore", min_dead_missing=2).to_query()
        {'setting': 'sea_or_shore', 'min': '2'}
        """
        query: dict[str, object] = {}
        if self.setting != "all":
            query["setting"] = self.setting
        if self.causes:
            query["cause"] = list(self.causes)
        if self.countries:
            query["country"] = list(self.countries)
        if self.min_dead_missing:
            query["min"] = str(self.min_dead_missing)
        return query

    def describe(self) -> str:
        """A sentence for captions and text alternatives.

        >>> IncidentFilters("sea_or_shore", ("Drowning",)).describe()
        'at sea or on the shore; cause: Drowning'
        """
        parts = [_(SETTING_CHOICES[self.setting]).lower() if self.setting != "all" else _("all settings")]
        if self.causes:
            parts.append(_("cause: {causes}").format(causes=", ".join(self.causes)))
        if self.countries:
            parts.append(_("country: {countries}").format(countries=", ".join(self.countries)))
        if self.min_dead_missing:
            parts.append(ngettext("at least {count} dead or missing", "at least {count} dead or missing",
                                  self.min_dead_missing).format(count=self.min_dead_missing))
        return "; ".join(parts)


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def filters_from_query(params: Mapping[str, object], causes: Sequence[str],
                       countries: Sequence[str]) -> tuple[IncidentFilters, list[str]]:
    """Read filters from query parameters (values may be lists); never raises.

    >>> f, notes = filters_from_query({"setting": "moon", "cause": ["Drowning", "x"], "min": "-3"},
    ...                               ["Drowning"], ["France"])
    >>> f
    IncidentFilters(setting='all', causes=('Drowning',), countries=(), min_dead_missing=0)
    >>> len(notes)
    3
    """
    notes = []
    setting, note = url_choice("setting", (_as_list(params.get("setting")) or ["all"])[0], SETTING_CHOICES, "all")
    notes += [note] if note else []
    picked = {}
    for key, allowed in (("cause", causes), ("country", countries)):
        values = _as_list(params.get(key))
        unknown = [v for v in values if v not in allowed]
        if unknown:
            notes.append(_("The link's {key} {values} is not in the data; ignored.").format(
                key=key, values=", ".join(map(repr, unknown))))
        picked[key] = tuple(v for v in values if v in allowed)
    raw_min = (_as_list(params.get("min")) or ["0"])[0]
    minimum = url_whole_number(raw_min, 0, MAX_MINIMUM)
    if minimum is None:
        notes.append(_("The link's min {value!r} is not a whole number from 0 to {maximum}; using 0.").format(
            value=raw_min, maximum=MAX_MINIMUM))
        minimum = 0
    return IncidentFilters(setting, picked["cause"], picked["country"], minimum), notes


def url_choice(name: str, value: object, choices: Mapping[str, str], default: str) -> tuple[str, str | None]:
    """A URL value that must be one of ``choices`` (keys), and the note for the
    reader when it is not (then ``default`` is used).

    >>> url_choice("view", "heatmap", {"clusters": "Clusters", "points": "Points"}, "clusters")
    ('clusters', "The link's view 'heatmap' is not one of clusters, points; showing clusters.")
    >>> url_choice("view", "points", {"clusters": "Clusters", "points": "Points"}, "clusters")
    ('points', None)
    """
    if value in choices:
        return str(value), None
    return default, _("The link's {name} {value!r} is not one of {allowed}; showing {default}.").format(
        name=name, value=str(value), allowed=", ".join(choices), default=default)


def url_whole_number(text: object, low: int, high: int) -> int | None:
    """A URL value as a whole number from ``low`` to ``high``, or None.

    Only ASCII digits count: ``str.isdigit`` also takes "²" and "٣", which
    ``int`` refuses or reads as another number.

    >>> url_whole_number("3", 0, 500), url_whole_number("²", 0, 500), url_whole_number("٣", 0, 500)
    (3, None, None)
    >>> url_whole_number("9" * 5000, 0, 500), url_whole_number(" 7", 0, 500), url_whole_number("-1", 0, 500)
    (None, None, None)
    """
    value = str(text)
    if not value or len(value) > len(str(high)) or not all("0" <= ch <= "9" for ch in value):
        return None
    number = int(value)
    return number if low <= number <= high else None


def apply_filters(incidents: pd.DataFrame, period: Period | None, filters: IncidentFilters) -> pd.DataFrame:
    """The rows in ``period`` (None: every month) that pass ``filters``.

    The minimum dead + missing is the incident's (IOM ``Main ID``), summed
    over its records: an incident of two records with 2 and 3 dead passes 5.

    >>> records = pd.DataFrame({"incident_id": ["A", "A", "B"], "dead_missing": [2, 3, 4],
    ...     "year_month": ["2024-09"] * 3, "date": ["2024-09-01", "2024-09-01", "2024-09-02"]})
    >>> list(apply_filters(records, None, IncidentFilters(min_dead_missing=5))["incident_id"])
    ['A', 'A']
    """
    keep = pd.Series(True, index=incidents.index)
    if filters.min_dead_missing:
        keep &= incidents.groupby("incident_id")["dead_missing"].transform("sum") >= filters.min_dead_missing
    if period is not None:
        keep &= incidents["year_month"].between(period.start, period.end)
    if filters.setting != "all":
        keep &= incidents["setting"] == filters.setting
    if filters.causes:
        wanted = set(filters.causes)
        keep &= incidents["cause"].map(lambda c: bool(wanted & set(cause_parts(c))))
    if filters.countries:
        keep &= incidents["country"].isin(filters.countries)
    return incidents[keep].sort_values("date").reset_index(drop=True)


def monthly_series(rows: pd.DataFrame, span: Period, period: Period,
                   coverage: Coverage | None = None) -> pd.DataFrame:
    """One row per month of ``span``: dead, missing, incidents, whether the
    month is in ``period``, and ``gap`` for months ``coverage`` (default: the
    shipped IOM copy's, from ``rows``) does not cover: NaN there, not zero,
    with ``why`` saying so.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"year_month": ["2024-09"], "date": ["2024-09-05"], "dead": [2], "missing": [1],
    ...                      "dead_missing": [3]})
    >>> s = monthly_series(rows, Period("2024-08", "2024-10"), Period("2024-09", "2024-09"))
    >>> s[["month", "dead_missing", "selected"]].values.tolist()  # the rows cover 1-5 Sep 2024 only
    [['2024-08', nan, False], ['2024-09', 3.0, True], ['2024-10', nan, False]]
    """
    grouped = rows.groupby("year_month")[["dead", "missing", "dead_missing"]].sum()
    counts = rows.groupby("year_month")["incident_id"].nunique() if "incident_id" in rows else \
        rows.groupby("year_month").size()
    months = month_span(span.start, span.end)
    series = pd.DataFrame({"month": months})
    for column in ("dead", "missing", "dead_missing"):
        series[column] = [float(grouped[column].get(m, 0)) for m in months]
    series["incidents"] = [int(counts.get(m, 0)) for m in months]
    coverage = coverage or incidents_coverage(rows)
    by_month = [coverage.month(m) for m in months]
    series["gap"] = [not m.has_data for m in by_month]
    series["why"] = [m.why for m in by_month]
    series.loc[series["gap"], ["dead", "missing", "dead_missing", "incidents"]] = float("nan")
    series["selected"] = series["month"].between(period.start, period.end)
    series["label"] = [month_label(m) for m in months]
    series["month_date"] = pd.to_datetime(series["month"] + "-01")
    return series
