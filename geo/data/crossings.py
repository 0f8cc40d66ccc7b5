"""Home Office small-boat series beyond the monthly table: daily, weekly
(with French preventions from the week ending 2024-05-05) and nationality by
quarter (2018 Q1 to 2023 Q3), each checked against a schema on load.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.data.schema import Column, Schema

COUNT = {"kind": "int", "minimum": 0}
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
