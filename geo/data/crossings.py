"""Home Office small-boat series beyond the monthly table: daily, weekly
(with French preventions from the week ending 2024-05-05) and nationality by
quarter (2018 Q1 to 2023 Q3), each checked against a schema on load.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.data.schema import Column, Schema
from geo.model.period import Period, month_label

COUNT = {"kind": "int", "minimum": 0}
PREVENTIONS_START = "2024-05-05"
NATIONALITY_END = "2023 Q3"

DAILY = Schema("ho_small_boats_daily", (
    Column("date", "date"),
    Column("migrants_arrived", **COUNT),
    Column("boats_arrived", **COUNT),
    Column("boats_uncontrolled_landings", required=False, **COUNT),
    Column("notes", required=False, default=""),
), unique=("date",))

WEEKLY = Schema("ho_small_boats_weekly", (
    Column("week_ending", "date"),
    Column("migrants_arrived", **COUNT),
    Column("boats_arrived", **COUNT),
    Column("boats_uncontrolled_landings", required=False, **COUNT),
    Column("migrants_prevented_france", required=False, **COUNT),
    Column("events_prevented_france", required=False, **COUNT),
    Column("notes", required=False, default=""),
), unique=("week_ending",))

NATIONALITY = Schema("ho_irr_D01_small_boats_by_nationality", (
    Column("Year", "int", minimum=2018, maximum=2100),
    Column("Quarter"),
    Column("Method of entry", allowed=frozenset({"Small boat arrivals"})),
    Column("Nationality"),
    Column("Region", required=False, default=""),
    Column("Sex", required=False, default=""),
    Column("Age Group", required=False, default=""),
    Column("Number of detections", **COUNT),
))


def load_daily(data_dir: Path | None = None) -> pd.DataFrame:
    from geo.data.load import data_file, read_table
    return read_table(data_file("crossings/ho_small_boats_daily.csv", data_dir), DAILY)


def load_weekly(data_dir: Path | None = None) -> pd.DataFrame:
    from geo.data.load import data_file, read_table
    return read_table(data_file("crossings/ho_small_boats_weekly.csv", data_dir), WEEKLY)


def load_nationality(data_dir: Path | None = None) -> pd.DataFrame:
    from geo.data.load import data_file, read_table
    return read_table(data_file("crossings/ho_irr_D01_small_boats_by_nationality_2018Q1-2023Q3.csv", data_dir),
                      NATIONALITY)


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
