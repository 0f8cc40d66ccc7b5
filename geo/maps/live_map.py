"""A map made once per page visit, whose incidents change in place.

The folium map is rendered once into a finished HTML document
(:func:`map_document`, the same for every period); the app shows it in one
frame that stays put. A period or filter change sends only
:func:`incident_payload`: compact columns plus a month code per row, which the
page hands to ``crIncidents.update`` (the entry point every
:class:`~geo.maps.elements.IncidentLayer` registers). Playback filters those
columns by month in the browser. ``live_map.js`` is the browser side.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd

from geo.i18n import _, current_language
from geo.maps.route_map import EMPTY_INCIDENTS, incident_columns
from geo.model.period import Period, month_label
from geo.paths import asset_text


@dataclass(frozen=True)
class MapDocument:
    """A rendered map: the whole HTML document, the JS name of its Leaflet map
    and an id that changes exactly when the document does."""

    html: str
    map_name: str
    doc_id: str


def map_document(m: folium.Map) -> MapDocument:
    """Render ``m`` once into a finished document.

    >>> from geo.maps.route_map import base_map
    >>> doc = map_document(base_map())
    >>> doc.html.startswith("<!DOCTYPE html>"), doc.map_name.startswith("map_"), len(doc.doc_id)
    (True, True, 16)
    """
    html = m.get_root().render()
    return MapDocument(html, m.get_name(), hashlib.sha256(html.encode()).hexdigest()[:16])


def incident_payload(incidents: gpd.GeoDataFrame | None, period: Period) -> dict:
    """What one period change sends: the period's incidents as
    :func:`~geo.maps.route_map.incident_columns` with ``month`` (an index into
    ``months``) per row, already serialised (one JSON string travels through
    Streamlit far faster than the same data as nested lists), the months and
    their labels for playback, and an id that changes when the incidents do.

    >>> payload = incident_payload(None, Period("2024-08", "2024-09"))
    >>> payload["months"], payload["labels"], json.loads(payload["columns"])["month"]
    (['2024-08', '2024-09'], ['Aug 2024', 'Sep 2024'], [])
    """
    rows = EMPTY_INCIDENTS if incidents is None or incidents.empty else incidents
    ordered = rows.sort_values("dead_missing", ascending=False, kind="stable")
    columns = incident_columns(ordered)  # keeps this order: its stable sort finds it sorted
    months = list(period.months)
    month_of_row = ordered["date"].dt.strftime("%Y-%m") if len(ordered) else pd.Series([], dtype=object)
    columns["month"] = pd.Categorical(month_of_row, categories=months).codes.tolist()
    ids = "\n".join(columns["ids"])
    key = f"{period}|{current_language()}|{len(ids)}|{ids}|{sum(columns['dm'])}"  # labels follow the language
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return {"columns": json.dumps(columns, separators=(",", ":"), ensure_ascii=False), "months": months,
            "labels": [month_label(m) for m in months], "data_id": digest}


def player_words() -> dict[str, str]:
    """The playback bar's words in the reader's language (set as text, never as HTML)."""
    return {"play": _("Play"), "pause": _("Pause"), "month": _("Month"), "speed": _("Speed"),
            "all_months": _("All months"), "slow": _("Slow"), "normal": _("Normal"), "fast": _("Fast")}


def script() -> str:
    """The browser side (an ES module for ``st.components.v2``)."""
    return asset_text("geo.maps", "live_map.js")
