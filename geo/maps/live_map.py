"""A map made once per page visit, whose incidents change in place.

The folium map is rendered once into a finished HTML document
(:func:`map_document`, the same for every period); the app shows it in one
frame that stays put. The incidents travel once too, as one table for every
period (:func:`incident_table`: compact columns plus a month per marker); a
period change sends only its months (:func:`period_payload`), and the page
hands the table and the months to ``crIncidents.update`` (the entry point
every :class:`~geo.maps.elements.IncidentLayer` registers), which shows the
rows of those months. Playback steps through them in the browser.
``live_map.js`` is the browser side.
"""

from __future__ import annotations

import hashlib
import weakref
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd

from geo.data.records import by_marker
from geo.i18n import _, current_language
from geo.maps.elements import to_json
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


@dataclass(frozen=True)
class IncidentTable:
    """Every incident a map can show in any period, as
    :func:`~geo.maps.route_map.incident_columns` with ``month`` (an index into
    ``months``) per marker, serialised once as HTML-safe JSON; ``table_id``
    changes exactly when the text would."""

    json: str
    months: tuple[str, ...]
    table_id: str


def incident_table(incidents: gpd.GeoDataFrame | None) -> IncidentTable:
    """The whole table for the browser, which filters it by period itself.

    >>> table = incident_table(None)
    >>> table.months, '"month":[]' in table.json, len(table.table_id)
    ((), True, 16)
    """
    rows = EMPTY_INCIDENTS if incidents is None or incidents.empty else incidents
    ordered = rows.sort_values("dead_missing", ascending=False, kind="stable")
    columns = incident_columns(ordered)  # keeps this order: its stable sort finds it sorted
    markers = by_marker(ordered).drop_duplicates("marker")  # one row per marker, in the columns' order
    month_of_marker = markers["date"].dt.strftime("%Y-%m") if len(markers) else pd.Series([], dtype=object)
    months = tuple(sorted(set(month_of_marker)))
    columns["month"] = pd.Categorical(month_of_marker, categories=months).codes.tolist()
    columns["months"] = list(months)
    text = to_json(columns)
    digest = hashlib.sha256(f"{current_language()}|{text}".encode()).hexdigest()[:16]
    return IncidentTable(text, months, digest)


_TABLES: dict[tuple, IncidentTable] = {}
_SEEN: dict[tuple[int, str], tuple[weakref.ref, tuple]] = {}


def cached_incident_table(incidents: gpd.GeoDataFrame | None) -> IncidentTable:
    """:func:`incident_table`, made once per content and language: the same
    frame object is known by its id, another one by a hash of its values."""
    if incidents is None:
        return incident_table(None)
    lang, seen = current_language(), _SEEN.get((id(incidents), current_language()))
    if seen is not None and seen[0]() is incidents:
        key = seen[1]
    else:
        values = incidents.drop(columns=incidents.geometry.name)
        key = (int(pd.util.hash_pandas_object(values, index=False).sum()), tuple(values.columns), len(values), lang)
        if len(_SEEN) >= 64:
            _SEEN.clear()
        _SEEN[(id(incidents), lang)] = (weakref.ref(incidents), key)
    if key not in _TABLES:
        if len(_TABLES) >= 16:
            _TABLES.clear()
        _TABLES[key] = incident_table(incidents)
    return _TABLES[key]


def period_payload(period: Period) -> dict:
    """What one period change sends besides the table's id: the months and
    their labels (the browser shows the table's rows in those months, and
    plays them month by month).

    >>> period_payload(Period("2024-08", "2024-09"))
    {'months': ['2024-08', '2024-09'], 'labels': ['Aug 2024', 'Sep 2024']}
    """
    months = list(period.months)
    return {"months": months, "labels": [month_label(m) for m in months]}


def player_words() -> dict[str, str]:
    """The playback bar's words in the reader's language (set as text, never as HTML)."""
    return {"play": _("Play"), "pause": _("Pause"), "month": _("Month"), "speed": _("Speed"),
            "all_months": _("All months"), "slow": _("Slow"), "normal": _("Normal"), "fast": _("Fast")}


def script() -> str:
    """The browser side (an ES module for ``st.components.v2``)."""
    return asset_text("geo.maps", "live_map.js")


def style() -> str:
    """The play bar's CSS (the map itself is styled inside its own frame)."""
    return asset_text("geo.maps", "live_map.css")
