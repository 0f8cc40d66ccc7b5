"""Synthetic incidents for scaling runs: clearly labelled, never written to data/.

They have the loader's columns (see ``geo.data.load``) so every code path treats
them like the real table; every text field says they are not real.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.data.records import derive

# The Channel area: the Dover Strait, the Opal Coast and the Kent coast.
CHANNEL_BOX = {"lon": (0.9, 2.6), "lat": (50.1, 51.3)}
LABEL = "SYNTHETIC benchmark point, not a real incident"


def synthetic_incidents(n: int, month: str = "2024-09", seed: int = 5) -> gpd.GeoDataFrame:
    """``n`` synthetic incidents, all dated in ``month``.

    >>> frame = synthetic_incidents(3)
    >>> len(frame), sorted(set(frame["year_month"])), frame["source"].iloc[0]
    (3, ['2024-09'], 'SYNTHETIC benchmark data (bench/synthetic.py), not a real source')
    """
    if n < 0:
        raise ValueError(f"Expected a number of incidents >= 0, instead got: {n!r}")
    rng = np.random.default_rng(seed)
    lon = rng.uniform(*CHANNEL_BOX["lon"], n)
    lat = rng.uniform(*CHANNEL_BOX["lat"], n)
    dead = rng.integers(0, 4, n)
    missing = rng.integers(0, 3, n)
    dead = np.where(dead + missing == 0, 1, dead)
    days = rng.integers(1, 29, n)
    frame = pd.DataFrame({
        "incident_id": [f"SYN.{i}" for i in range(n)],
        "date": pd.to_datetime([f"{month}-{d:02d}" for d in days]),
        "dead": dead, "missing": missing, "survivors": np.where(rng.random(n) < 0.5, np.nan, 10.0),
        "cause": rng.choice(["Synthetic cause A", "Synthetic cause B", "Synthetic cause C"], n),
        "country": rng.choice(["France", "United Kingdom"], n),
        "location": [f"{LABEL} #{i}" for i in range(n)],
        "source": "SYNTHETIC benchmark data (bench/synthetic.py), not a real source",
        "url": None, "source_quality": None, "lat": lat, "lon": lon,
        "setting": rng.choice(["sea_or_shore", "land_or_inland"], n, p=[0.8, 0.2]),
    })
    return derive(frame)
