"""Home Office small-boat series analysed: people per boat, year on year,
French preventions (from the week ending 2024-05-05) and nationality by quarter."""

from __future__ import annotations

import pandas as pd

from geo.model.period import Period, month_label

PREVENTIONS_START = "2024-05-05"


def monthly_with_ratio(crossings: pd.DataFrame) -> pd.DataFrame:
    """Monthly people, boats and people per boat (None with no boats).

    >>> frame = pd.DataFrame({"month": ["2024-09"], "people": [4192], "boats": [76],
    ...                       "status": ["official"]})
    >>> monthly_with_ratio(frame)["people_per_boat"].tolist()
    [55.2]
    """
    out = crossings.copy()
    out["people_per_boat"] = [round(p / b, 1) if b else None for p, b in zip(out["people"], out["boats"])]
    out["month_date"] = pd.to_datetime(out["month"] + "-01")
    out["year"] = out["month"].str[:4]
    out["month_of_year"] = out["month_date"].dt.strftime("%b")
    out["label"] = [month_label(m) for m in out["month"]]
    return out


def year_on_year(crossings: pd.DataFrame, period: Period) -> pd.DataFrame:
    """The calendar months of ``period`` (at most 12), each year side by side.

    >>> frame = pd.DataFrame({"month": ["2023-09", "2024-09", "2024-10"], "people": [1, 2, 3],
    ...                       "boats": [1, 1, 1], "status": ["official"] * 3})
    >>> year_on_year(frame, Period("2024-09", "2024-09"))[["year", "people"]].values.tolist()
    [['2023', 1], ['2024', 2]]
    """
    wanted = {m[5:] for m in period.months[-12:]}
    frame = monthly_with_ratio(crossings)
    return frame[frame["month"].str[5:].isin(wanted)].reset_index(drop=True)


def preventions(weekly: pd.DataFrame) -> pd.DataFrame:
    """Weekly arrivals and French preventions from the first week with preventions, long form."""
    rows = weekly[weekly["week_ending"] >= pd.Timestamp(PREVENTIONS_START).date()]
    long = rows.melt(id_vars=["week_ending"], value_vars=["migrants_arrived", "migrants_prevented_france"],
                     var_name="series", value_name="people")
    long["series"] = long["series"].map({"migrants_arrived": "Arrived in the UK (Home Office)",
                                         "migrants_prevented_france": "Prevented by France (French figures)"})
    long["week_ending"] = pd.to_datetime(long["week_ending"])
    return long.dropna(subset=["people"])


def nationality_by_quarter(nationality: pd.DataFrame, top: int = 7) -> pd.DataFrame:
    """Detections per quarter for the ``top`` nationalities overall; the rest as "Other"."""
    totals = nationality.groupby("Nationality")["Number of detections"].sum().sort_values(ascending=False)
    leaders = set(totals.index[:top])
    frame = nationality.assign(group=[n if n in leaders else "Other nationalities"
                                      for n in nationality["Nationality"]])
    grouped = frame.groupby(["Quarter", "group"], as_index=False)["Number of detections"].sum()
    order = [*totals.index[:top], "Other nationalities"]
    grouped["rank"] = grouped["group"].map({name: i for i, name in enumerate(order)})
    return grouped.rename(columns={"Number of detections": "people", "group": "nationality"})
