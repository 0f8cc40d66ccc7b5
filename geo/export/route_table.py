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
from geo.i18n import N_, _, format_decimal, format_number, place_name
from geo.model import drive_time
from geo.model.routing import ACCESS_FLAG_KM, Route

COLUMNS = ["origin", "origin kind", "destination", "km", "hours low", "hours high", "access km", "egress km",
           "road refs", "note"]
HEADERS = dict(zip(COLUMNS, [N_("Origin"), N_("Kind of origin"), N_("Destination"), N_("km"), N_("Hours (low)"),
                             N_("Hours (high)"), N_("Access km"), N_("Egress km"), N_("Roads"), N_("Note")]))
KIND_WORDS = {"storage_region": N_("region (indicative route)"), "storage_district": N_("district"),
              "storage_city": N_("city")}
INDICATIVE = N_("indicative: from the region's population-weighted centre")
LONG_LEG = N_("straight access or egress leg over {km} km")


def note_of(route: Route, translate=lambda text: text) -> str:
    """Why a row needs care: an indicative region route, a long straight leg (English unless ``translate``)."""
    notes = []
    if route.indicative:
        notes.append(translate(INDICATIVE))
    if route.long_access:
        notes.append(translate(LONG_LEG).format(km=f"{ACCESS_FLAG_KM:g}"))
    return "; ".join(notes)


def in_table_order(routes: list[Route]) -> list[Route]:
    return sorted(routes, key=lambda r: (r.origin, r.total_km))


def routes_frame(routes: list[Route], van_kmh: float = drive_time.DEFAULT_VAN_KMH) -> pd.DataFrame:
    """The table's rows, in origin then distance order."""
    rows = []
    for r in in_table_order(routes):
        low, high = drive_time.hours_range(r, van_kmh)
        rows.append({"origin": r.origin, "origin kind": KIND_WORDS.get(r.origin_kind, r.origin_kind),
                     "destination": r.destination, "km": round(r.total_km), "hours low": round(low, 1),
                     "hours high": round(high, 1), "access km": round(r.access_km, 1),
                     "egress km": round(r.egress_km, 1), "road refs": r.refs_text, "note": note_of(r)})
    return pd.DataFrame(rows, columns=COLUMNS)


def routes_shown(routes: list[Route], van_kmh: float = drive_time.DEFAULT_VAN_KMH) -> pd.DataFrame:
    """The table as a reader sees it on the page: headers, kinds, places, notes and numbers in the reader's
    language (the CSV, JSON and terminal table keep :func:`routes_frame`'s English columns).

    >>> from geo.model.routing import Route
    >>> route = Route("cologne", "Cologne", "storage_city", "dunkirk", "Dunkirk", 1.2, 249.7, 0.5, [], [], [],
    ...               ("A 4",), (("motorway", "DE", 249.7),))
    >>> from geo.i18n import use_language
    >>> with use_language("de"):
    ...     routes_shown([route]).iloc[0, :4].tolist()
    ['Köln', 'Stadt', 'Dünkirchen', '251']
    """
    frame = routes_frame(routes, van_kmh)
    shown = pd.DataFrame({
        "origin": frame["origin"].map(place_name), "origin kind": frame["origin kind"].map(_),
        "destination": frame["destination"].map(place_name), "km": frame["km"].map(format_number),
        "hours low": frame["hours low"].map(format_decimal), "hours high": frame["hours high"].map(format_decimal),
        "access km": frame["access km"].map(format_decimal), "egress km": frame["egress km"].map(format_decimal),
        "road refs": frame["road refs"],
        "note": [note_of(r, _) for r in in_table_order(routes)]})
    return shown.rename(columns={c: _(HEADERS[c]) for c in COLUMNS})


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
