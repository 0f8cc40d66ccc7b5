"""What every export carries about itself: its parameters and the data versions.

Data versions are the shipped files' sizes and SHA-256 prefixes, with the
date ``data/datapackage.json`` was created, so a reader can tell which copy
of the data made a file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pandas as pd

from geo.i18n import N_, _, format_day
from geo.model.period import Period, month_label
from geo.paths import data_dir as current_data_dir

GENERATOR = "Channel Routes (geo.export.explainer)"


def data_versions(data_dir: Path | None = None) -> dict:
    """``{"package_created": ..., "files": {path: "sha256:<12 hex>"}}`` for every described file
    of the data folder in use."""
    data_dir = data_dir or current_data_dir()
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    files = {}
    for resource in package.get("resources", []):
        path = data_dir / resource["path"]
        if path.exists():
            files[resource["path"]] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return {"package_created": package.get("created"), "files": files}


def as_of(crossings: pd.DataFrame | None, incidents: pd.DataFrame | None) -> dict[str, str]:
    """The "as of" dates a reader needs, by dataset."""
    dates = {}
    if crossings is not None and not crossings.empty:
        official = crossings.loc[crossings["status"] == "official", "month"]
        if not official.empty:
            dates[N_("Home Office official monthly")] = _("to {month}").format(month=month_label(official.max()))
        provisional = crossings[crossings["status"] == "provisional"]
        if not provisional.empty:
            last = provisional.iloc[-1]
            dates[N_("Home Office provisional daily")] = _("to {month} ({days} of {total} days)").format(
                month=month_label(last["month"]), days=last["days_in_data"], total=last["days_in_month"])
    if incidents is not None and not incidents.empty:
        dates[N_("IOM Missing Migrants Project")] = _("to {day}").format(day=format_day(incidents["date"].max().date()))
    return dates


def export_metadata(period: Period, layers: tuple[str, ...], options: dict,
                    crossings: pd.DataFrame | None, incidents: pd.DataFrame | None,
                    data_dir: Path | None = None) -> dict:
    """Parameters and data versions, as one JSON-ready dict."""
    return {"generator": GENERATOR,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "parameters": {"from": period.start, "to": period.end, "layers": list(layers), **options},
            "as_of": as_of(crossings, incidents), "data": data_versions(data_dir)}
