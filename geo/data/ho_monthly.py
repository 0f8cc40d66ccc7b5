"""The shipped monthly crossings table: official IER_02a months, then provisional sums.

One definition for ``data/crossings/crossings_monthly.csv``, used by
``geo.data.build_data`` (from ``../shared/data``) and ``python -m geo update``
(from a new workbook or IER_02a file). A month covered by IER_02a is
"official"; any other month is the calendar-month sum of the daily SB_01
series and "provisional". A month without daily data has no provisional sum
(blank, never 0).
"""

from __future__ import annotations

import pandas as pd

COLUMNS = ["month", "people", "boats", "status", "people_provisional", "boats_provisional", "days_in_data",
           "days_in_month"]


def provisional_months(daily: pd.DataFrame) -> pd.DataFrame:
    """Calendar-month sums of the daily table (text or numbers) and the days each holds.

    >>> days = pd.DataFrame({"date": ["2026-08-01", "2026-08-02", "2026-09-01"],
    ...                      "migrants_arrived": ["10", "5", "0"], "boats_arrived": ["1", "1", "0"]})
    >>> provisional_months(days).values.tolist()
    [['2026-08', 15, 2, 2], ['2026-09', 0, 0, 1]]
    """
    frame = pd.DataFrame({"month": daily["date"].astype(str).str[:7],
                          "migrants_arrived": pd.to_numeric(daily["migrants_arrived"]).astype(int),
                          "boats_arrived": pd.to_numeric(daily["boats_arrived"]).astype(int)})
    sums = frame.groupby("month", as_index=False).agg(
        migrants_arrived=("migrants_arrived", "sum"), boats_arrived=("boats_arrived", "sum"),
        days_in_data=("month", "size"))
    return sums.sort_values("month").reset_index(drop=True)


def monthly_table(provisional: pd.DataFrame, official: pd.DataFrame) -> pd.DataFrame:
    """The shipped table from provisional sums (``month``, ``migrants_arrived``, ``boats_arrived``,
    ``days_in_data``) and official figures (``month``, ``people``, ``boats``).

    >>> prov = pd.DataFrame({"month": ["2026-06", "2026-07"], "migrants_arrived": [2742, 2316],
    ...                      "boats_arrived": [40, 32], "days_in_data": [30, 31]})
    >>> official = pd.DataFrame({"month": ["2026-06"], "people": [2742], "boats": [40]})
    >>> monthly_table(prov, official)[["month", "people", "status"]].values.tolist()
    [['2026-06', 2742, 'official'], ['2026-07', 2316, 'provisional']]
    """
    merged = provisional.merge(official[["month", "people", "boats"]], on="month", how="outer")
    merged = merged.sort_values("month").reset_index(drop=True)
    is_official = merged["people"].notna()
    return pd.DataFrame({
        "month": merged["month"],
        "people": merged["people"].where(is_official, merged["migrants_arrived"]).astype("Int64"),
        "boats": merged["boats"].where(is_official, merged["boats_arrived"]).astype("Int64"),
        "status": is_official.map({True: "official", False: "provisional"}),
        "people_provisional": merged["migrants_arrived"].astype("Int64"),
        "boats_provisional": merged["boats_arrived"].astype("Int64"),
        "days_in_data": merged["days_in_data"].fillna(0).astype(int),
        "days_in_month": pd.PeriodIndex(merged["month"], freq="M").days_in_month,
    })[COLUMNS]


def official_months(monthly: pd.DataFrame) -> pd.DataFrame:
    """The official rows of a shipped monthly table as ``month``, ``people``, ``boats``."""
    rows = monthly[monthly["status"] == "official"]
    return pd.DataFrame({"month": rows["month"].astype(str), "people": pd.to_numeric(rows["people"]),
                         "boats": pd.to_numeric(rows["boats"])}).reset_index(drop=True)
