"""The routes table for analysts: page, CSV download and ``python -m geo routes``.

One row per storage place and launch area. The km and road refs come from the
paths (made once); the hours are recomputed for the van top speed asked for.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from geo.data.road_network import ROAD_CREDIT
from geo.export.downloads import defuse
from geo.model import drive_time
from geo.model.routing import ACCESS_FLAG_KM, Route

COLUMNS = ["origin", "origin kind", "destination", "km", "hours low", "hours high", "access km", "egress km",
           "road refs", "note"]
KIND_WORDS = {"storage_region": "region (indicative route)", "storage_district": "district", "storage_city": "city"}


def note_of(route: Route) -> str:
    """Why a row needs care: an indicative region route, a long straight leg."""
    notes = []
    if route.indicative:
        notes.append("indicative: from the region's population-weighted centre")
    if route.long_access:
        notes.append(f"straight access or egress leg over {ACCESS_FLAG_KM:g} km")
    return "; ".join(notes)


def routes_frame(routes: list[Route], van_kmh: float = drive_time.DEFAULT_VAN_KMH) -> pd.DataFrame:
    """The table's rows, in origin then distance order."""
    rows = []
    for r in sorted(routes, key=lambda r: (r.origin, r.total_km)):
        low, high = drive_time.hours_range(r, van_kmh)
        rows.append({"origin": r.origin, "origin kind": KIND_WORDS.get(r.origin_kind, r.origin_kind),
                     "destination": r.destination, "km": round(r.total_km), "hours low": round(low, 1),
                     "hours high": round(high, 1), "access km": round(r.access_km, 1),
                     "egress km": round(r.egress_km, 1), "road refs": r.refs_text, "note": note_of(r)})
    return pd.DataFrame(rows, columns=COLUMNS)


def header_lines(van_kmh: float) -> list[str]:
    """What the numbers are and whom to credit, for the top of every export."""
    return ["Channel Routes: computed drive routes from reported storage places to reported launch areas",
            f"Credit: {ROAD_CREDIT}; places: press and official reports as cited on the map",
            "Licence: road data ODbL 1.0 (https://www.openstreetmap.org/copyright)",
            f"hours low: every road at its speed limit; hours high: typical van speeds; van top speed "
            f"{van_kmh:g} km/h; no stops. Speeds are assumptions of this app, not sourced figures.",
            "Routes are computed shortest paths, not reported routes."]


def routes_csv(routes: list[Route], van_kmh: float = drive_time.DEFAULT_VAN_KMH) -> bytes:
    """CSV bytes with ``# `` header comments (read with :func:`geo.export.downloads.read_back`)."""
    frame = routes_frame(routes, van_kmh)
    for column in ("origin", "destination", "road refs"):
        frame[column] = frame[column].map(defuse)
    comments = "".join(f"# {line}\n" for line in header_lines(van_kmh))
    return (comments + frame.to_csv(index=False)).encode("utf-8")


def routes_json(routes: list[Route], van_kmh: float = drive_time.DEFAULT_VAN_KMH) -> str:
    """``{"metadata": {...}, "routes": [...]}`` with the credit in the metadata."""
    lines = header_lines(van_kmh)
    metadata = {"title": lines[0], "credit": ROAD_CREDIT, "licence": lines[2].removeprefix("Licence: "),
                "notes": lines[3:], "van_top_speed_kmh": van_kmh}
    records = routes_frame(routes, van_kmh).to_dict(orient="records")
    return json.dumps({"metadata": metadata, "routes": records}, ensure_ascii=False, indent=1)


def routes_text(routes: list[Route], van_kmh: float = drive_time.DEFAULT_VAN_KMH) -> str:
    """A plain-text table for a terminal, with the header lines above it."""
    buffer = io.StringIO()
    routes_frame(routes, van_kmh).to_string(buffer, index=False)
    return "\n".join(header_lines(van_kmh)) + "\n\n" + buffer.getvalue() + "\n"
