"""The story's claims as tables computed from the shipped data.

The route map page shows each with its source and date, so a reader can check
"2024 was the deadliest year", "75 of the 85 dead and missing in 2024 were at
sea or on the shore", "by 1 December 2024 more people had crossed than in all
of 2023" and "more people per boat every year". A year the data does not
cover in full is marked incomplete, never shown as a low count.
"""

from __future__ import annotations

import pandas as pd

from geo.i18n import N_, _, format_day, format_number
from geo.model.stats import IOM_KNOWN_GAP

SETTING_ORDER = ("sea_or_shore", "land_or_inland")


def _complete_years(first: pd.Timestamp, last: pd.Timestamp, gaps: list[tuple[str, str]]) -> dict[int, str]:
    """Why each year is incomplete (empty when complete)."""
    notes = {}
    for year in range(first.year, last.year + 1):
        reasons = []
        if first > pd.Timestamp(year, 1, 1):
            reasons.append(_("data start {day}").format(day=format_day(first.date())))
        if last < pd.Timestamp(year, 12, 31):
            reasons.append(_("data end {day}").format(day=format_day(last.date())))
        for start, end in gaps:
            if pd.Timestamp(start).year <= year <= pd.Timestamp(end).year:
                reasons.append(_("no rows {start} to {end}").format(start=format_day(start), end=format_day(end)))
        notes[year] = "; ".join(reasons)
    return notes


def yearly_dead_missing(incidents: pd.DataFrame) -> pd.DataFrame:
    """Dead + missing per year and setting, with ``total`` per year and ``incomplete``.

    Examples
    --------
    >>> rows = pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-12-30", "2025-03-01"]),
    ...     "dead_missing": [3, 2, 1], "setting": ["sea_or_shore", "land_or_inland", "sea_or_shore"]})
    >>> table = yearly_dead_missing(rows)
    >>> table[["year", "setting", "dead_missing", "total"]].values.tolist()[:2]
    [[2024, 'sea_or_shore', 3, 5], [2024, 'land_or_inland', 2, 5]]
    >>> bool(table.loc[table["year"] == 2025, "incomplete"].iloc[0])
    True
    """
    years = incidents["date"].dt.year
    start = pd.Timestamp(incidents["date"].min().year, 1, 1)  # IOM records from 1 January 2014
    notes = _complete_years(start, incidents["date"].max(), [IOM_KNOWN_GAP])
    grouped = incidents.groupby([years.rename("year"), "setting"])["dead_missing"].sum()
    rows = [{"year": year, "setting": setting, "dead_missing": int(grouped.get((year, setting), 0))}
            for year in notes for setting in SETTING_ORDER]
    table = pd.DataFrame(rows)
    table["total"] = table.groupby("year")["dead_missing"].transform("sum")
    table["note"] = table["year"].map(notes)
    table["incomplete"] = table["note"] != ""
    return table


def year_to_date_crossings(daily: pd.DataFrame) -> pd.DataFrame:
    """People crossed since 1 January, day by day, one row per day and year.

    ``day`` is the date moved into the leap year 2000, so every year shares
    one axis.

    >>> daily = pd.DataFrame({"date": ["2024-01-01", "2024-01-02", "2025-01-01"],
    ...                       "migrants_arrived": [5, 7, 2]})
    >>> year_to_date_crossings(daily)["cumulative"].tolist()
    [5, 12, 2]
    """
    frame = pd.DataFrame({"date": pd.to_datetime(daily["date"]),
                          "people": pd.to_numeric(daily["migrants_arrived"]).astype(int)})
    frame["year"] = frame["date"].dt.year
    frame["cumulative"] = frame.groupby("year")["people"].cumsum()
    frame["day"] = pd.to_datetime({"year": 2000, "month": frame["date"].dt.month, "day": frame["date"].dt.day})
    return frame[["date", "year", "day", "people", "cumulative"]].reset_index(drop=True)


def crossed_by(ytd: pd.DataFrame, date: str) -> int:
    """People crossed from 1 January of ``date``'s year to ``date`` inclusive.

    >>> ytd = year_to_date_crossings(pd.DataFrame({"date": ["2024-01-01", "2024-01-02"],
    ...                                            "migrants_arrived": [5, 7]}))
    >>> crossed_by(ytd, "2024-01-02")
    12
    """
    return int(ytd.loc[ytd["date"] == pd.Timestamp(date), "cumulative"].iloc[0])


def people_per_boat_by_year(monthly: pd.DataFrame) -> pd.DataFrame:
    """People, boats and people per boat per year from the monthly series;
    ``status`` says whether a year mixes provisional months, ``incomplete``
    whether some of its days are missing.

    >>> monthly = pd.DataFrame({"month": ["2024-01", "2024-02"], "people": [100, 60], "boats": [2, 1],
    ...     "status": ["official", "official"], "days_in_data": [31, 29], "days_in_month": [31, 29]})
    >>> people_per_boat_by_year(monthly)[["year", "people_per_boat", "incomplete"]].values.tolist()
    [[2024, 53.3, True]]
    """
    frame = monthly.assign(year=monthly["month"].str[:4].astype(int))
    table = frame.groupby("year").agg(people=("people", "sum"), boats=("boats", "sum"),
                                      months=("month", "count"), days=("days_in_data", "sum"),
                                      days_in_year=("days_in_month", "sum"),
                                      provisional=("status", lambda s: (s == "provisional").any())).reset_index()
    table["people_per_boat"] = (table["people"] / table["boats"]).round(1)
    table["status"] = table["provisional"].map({True: N_("includes provisional months"), False: N_("official")})
    table["incomplete"] = (table["months"] < 12) | (table["days"] < table["days_in_year"])
    return table[["year", "people", "boats", "people_per_boat", "status", "incomplete"]]


def setting_split(incidents: pd.DataFrame) -> tuple[int, int, int]:
    """(at sea or on the shore, on land or inland, total) dead + missing.

    >>> setting_split(pd.DataFrame({"dead_missing": [3, 2], "setting": ["sea_or_shore", "land_or_inland"]}))
    (3, 2, 5)
    """
    by_setting = incidents.groupby("setting")["dead_missing"].sum()
    sea, land = (int(by_setting.get(s, 0)) for s in SETTING_ORDER)
    return sea, land, int(incidents["dead_missing"].sum())


CLAIM_DATE = "2024-12-01"  # the seed's "by 1 December 2024" comparison


def deadliest_sentence(table: pd.DataFrame) -> str:
    """The deadliest year of the copy and its split, in words."""
    totals = table.drop_duplicates("year").set_index("year")
    year = int(totals["total"].idxmax())
    sea = int(table.loc[(table["year"] == year) & (table["setting"] == "sea_or_shore"), "dead_missing"].iloc[0])
    return _("{year} is the deadliest year in this copy: {total} dead and missing, {sea} of them at sea or on "
             "the shore.").format(year=year, total=format_number(int(totals.loc[year, "total"])),
                                  sea=format_number(sea))


def year_to_date_sentence(ytd: pd.DataFrame, monthly_years: pd.DataFrame, date: str = CLAIM_DATE) -> str:
    """People crossed by ``date`` against the two years before it (official yearly totals)."""
    year = pd.Timestamp(date).year
    totals = monthly_years.set_index("year")["people"]
    crossed = crossed_by(ytd, date)
    more, fewer = _("more than in all of {year} ({total})"), _("fewer than in all of {year} ({total})")
    before = [(more if crossed > totals[y] else fewer).format(year=y, total=format_number(int(totals[y])))
              for y in (year - 1, year - 2) if y in totals.index]
    return _("By {date}, {crossed} people had crossed: {comparisons}.").format(
        date=format_day(date), crossed=format_number(crossed), comparisons=", ".join(before))
