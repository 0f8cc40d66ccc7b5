"""IOM incidents and their records.

IOM publishes one incident as one or more records: ``Main ID`` names the
incident (``incident_id`` here), ``Incident ID`` the record (``record_id``,
unique). Incident counts count distinct ``incident_id``; dead and missing sum
over records; every record is kept.

:func:`derive` adds every derived column in one place, for the shipped table,
uploads, test builders and the benchmark's synthetic data alike.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.data.location_check import location_doubts
from geo.i18n import _


def derive(records: pd.DataFrame, data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """Records with ``year_month``, ``dead_missing``, ``location_doubt`` and
    point geometry (EPSG:4326). ``record_id`` defaults to ``incident_id``.

    >>> r = derive(pd.DataFrame({"incident_id": ["A", "A"], "record_id": ["A1", "A2"],
    ...     "date": ["2026-04-01", "2026-04-01"], "dead": [1, 2], "missing": [0, 1], "lat": [50.77, 50.77],
    ...     "lon": [1.6, 1.6], "location": ["Off Wimereux"] * 2, "country": ["France"] * 2,
    ...     "setting": ["sea_or_shore"] * 2}))
    >>> incident_count(r), int(r["dead"].sum()), list(r["year_month"]), list(r["location_doubt"])
    (1, 3, ['2026-04', '2026-04'], ['', ''])
    """
    frame = pd.DataFrame(records).copy()
    if "record_id" not in frame.columns:
        frame["record_id"] = frame["incident_id"]
    frame["date"] = pd.to_datetime(frame["date"])
    frame["year_month"] = frame["date"].dt.strftime("%Y-%m")
    frame["dead_missing"] = frame["dead"] + frame["missing"]
    frame["location_doubt"] = location_doubts(frame, data_dir)
    points = gpd.points_from_xy(frame["lon"], frame["lat"])
    return gpd.GeoDataFrame(frame, geometry=points, crs="EPSG:4326")


def incident_count(records: pd.DataFrame) -> int:
    """Incidents (distinct ``incident_id``), not records."""
    return int(records["incident_id"].nunique())


def with_upload(shipped: gpd.GeoDataFrame, uploaded: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, int]:
    """Shipped records and an upload together, each record once: an uploaded
    record with a shipped record's ID (``record_id``) replaces it, as the
    analyst's newer copy. Returns the records and how many were replaced.

    >>> def records(ids, dead):
    ...     return derive(pd.DataFrame({"incident_id": ids, "record_id": ids, "date": ["2024-09-03"] * len(ids),
    ...         "dead": dead, "missing": [0] * len(ids), "lat": [50.8] * len(ids), "lon": [1.6] * len(ids),
    ...         "location": ["Off Calais"] * len(ids), "country": ["France"] * len(ids),
    ...         "setting": ["sea_or_shore"] * len(ids)}))
    >>> both, replaced = with_upload(records(["A", "B"], [1, 2]), records(["B", "C"], [5, 7]))
    >>> sorted(both["record_id"]), int(both["dead"].sum()), replaced
    (['A', 'B', 'C'], 13, 1)
    """
    mine = uploaded[list(shipped.columns)]
    repeated = shipped["record_id"].astype(str).isin(set(mine["record_id"].astype(str)))
    both = pd.concat([shipped[~repeated], mine], ignore_index=True)
    return gpd.GeoDataFrame(both, geometry="geometry", crs="EPSG:4326"), int(repeated.sum())


def doubtful_count(records: pd.DataFrame) -> int:
    """Records whose published point contradicts their own text or country."""
    if "location_doubt" not in records.columns:
        return 0
    return int((records["location_doubt"].astype(str) != "").sum())


def doubt_summary(records: pd.DataFrame | None) -> str:
    """The line under a map that counts doubtful points ("" when there are none).

    >>> _ = doubt_summary(pd.DataFrame({"location_doubt": ["", "published point is 5 km out to sea"]}))
    >>> _.startswith("Location doubtful: 1 of 2 IOM records"), doubt_summary(None)
    (True, '')
    """
    count = 0 if records is None else doubtful_count(records)
    if not count:
        return ""
    return _("Location doubtful: {count} of {total} IOM records (published point contradicts the "
             "record's own location text or country). Drawn where IOM published them, with a dashed outline, "
             "and still counted; popups and the table say why.").format(count=count, total=len(records))


def is_doubtful(records: pd.DataFrame) -> bool:
    """Whether any of these records' published points is doubtful."""
    return "location_doubt" in records.columns and bool((records["location_doubt"].astype(str) != "").any())


def by_marker(records: pd.DataFrame) -> pd.DataFrame:
    """Records ordered for drawing, with ``marker`` (0, 1, ...) and ``records_total``.

    A marker draws the records of one incident published at one point (an
    incident's records at the same point share one circle; a record published
    elsewhere keeps its own point). Largest marker first, so small circles stay
    on top; within a marker, records by ``record_id``. ``records_total`` is how
    many records the incident has in ``records``.

    >>> r = pd.DataFrame({"incident_id": ["B", "A", "A"], "record_id": ["B", "A2", "A1"], "lat": [1, 2, 2],
    ...                   "lon": [1, 2, 2], "dead_missing": [2, 1, 2]})
    >>> by_marker(r)[["record_id", "marker", "records_total"]].values.tolist()
    [['A1', 0, 2], ['A2', 0, 2], ['B', 1, 1]]
    """
    key = records.groupby(["incident_id", "lat", "lon"], sort=False).ngroup().to_numpy()
    position = pd.Series(range(len(records)))
    helper = pd.DataFrame({"key": key, "sum": records["dead_missing"].groupby(key).transform("sum").to_numpy(),
                           "first": position.groupby(key).transform("min").to_numpy(),
                           "record": records["record_id"].astype(str).to_numpy()})
    order = helper.sort_values(["sum", "first", "record"], ascending=[False, True, True], kind="stable").index
    out = records.iloc[order.to_numpy()].copy()
    out["marker"] = pd.factorize(key[order.to_numpy()])[0]
    out["records_total"] = out.groupby("incident_id")["record_id"].transform("size").to_numpy()
    return out


def marker_groups(records: pd.DataFrame) -> list[pd.DataFrame]:
    """:func:`by_marker` split into one frame per marker, in drawing order."""
    if records.empty:
        return []
    return [group for _, group in by_marker(records).groupby("marker", sort=True)]
