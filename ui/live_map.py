"""The Streamlit edge of the in-place map (see geo/maps/live_map.py).

``live_map`` mounts one ``st.components.v2`` component per page visit. The map
document and the incident table (every period's incidents) go to the browser
once per session, as addresses it fetches and keeps where ``serve.py`` serves
them (``ui.published``), else as text; each rerun then sends their ids and the period's months,
and the browser shows that period's incidents in place.
The browser also watches the sidebar's period widgets and shows a newly
picked period's incidents at once, before the rerun's data arrives (which
then finds them shown).
The reader's zoom and centre come back from the browser and go into the URL
(``z=``, ``c=lat,lon``).

``CHANNEL_ROUTES_MAP=st_folium`` brings back the old full re-render with
``st_folium``: the baseline ``bench.inplace`` measures against.
"""

from __future__ import annotations

import html
import os

import folium
import streamlit as st

from geo.maps import live_map as lm
from geo.model.mapview import VIEW_KEYS, view_from_map, view_from_query
from geo.model.period import Period
from ui import published, url_state
from ui.cache import data_span
from ui.widgets import MONTH_KEY, RANGE_KEY, browser_locale

_component = st.components.v2.component("channel_routes_live_map", js=lm.script(), css=lm.style())


def use_st_folium() -> bool:
    """The old path (bench baseline only)."""
    return os.environ.get("CHANNEL_ROUTES_MAP", "") == "st_folium"


def _view_state(key: str, linked: bool):
    """The view to open with: the session's last view of this map, else the
    link's (a bad link shows a message and the default view; an unlinked map opens
    with its document's own view)."""
    memory = f"map_view_{key}"
    slot = st.container()  # always there, so a message that comes and goes does not move the map (a remount)
    if memory not in st.session_state:
        view, message = view_from_query(st.query_params.to_dict()) if linked else (None, None)
        st.session_state[memory] = view
        url_state.keep_link_note("map_view", message, view)
    url_state.show_link_note("map_view", st.session_state[memory], slot)
    return memory


def _noop() -> None:
    return None


SENT = "live_map_sent"  # map key -> ids sent to it (two maps on a page, as on compare, each get their own)
PLAY_BAR_ROOM = 48  # px above the map for the play bar; a bar that wraps (a narrow column) takes it from the map
INLINE = "live_map_inline"  # ids the browser could not fetch: their text goes in the message
DRAWN = "live_map_drawn"  # keys of the maps drawn in this session's browser


def drawn_once(key: str) -> bool:
    """Whether what sits below map ``key`` may be drawn now. A session's first
    run of a page waits for its map (heavy charts would compete with it for
    the browser's one thread); the map reruns the page once it is drawn.
    Without a browser (AppTest) there is nothing to wait for."""
    return key in st.session_state.get(DRAWN, set()) or browser_locale() is None


def _sent(key: str) -> set[str]:
    return st.session_state.setdefault(SENT, {}).setdefault(key, set())


def _carried(key: str, item_id: str, text: str, media_type: str) -> tuple[str | None, str | None]:
    """How an item reaches map ``key`` this run: ``(text, address)``, both ``None`` once sent to it."""
    if item_id in _sent(key):
        return None, None
    url = None if item_id in st.session_state.get(INLINE, set()) else published.address(item_id, text, media_type)
    return (text if url is None else None), url


def _payload(document: lm.MapDocument, table: lm.IncidentTable, period: Period, view, key: str, height: int,
             title: str, linked: bool) -> dict:
    doc, doc_url = _carried(key, document.doc_id, document.html, "text/html; charset=utf-8")
    rows, rows_url = _carried(key, table.table_id, table.json, "application/json")
    sidebar = ({"month": MONTH_KEY, "range": RANGE_KEY, "calendar": lm.period_payload(data_span()[0])}
               if linked else None)
    return {"doc": doc, "doc_url": doc_url, "doc_id": document.doc_id, "map_name": document.map_name,
            "table": rows, "table_url": rows_url, "table_id": table.table_id, "period": lm.period_payload(period),
            "height": height, "title": title, "view": None if view is None else view.as_data(),
            "words": lm.player_words(), "rerun_when_drawn": not drawn_once(key), "sidebar": sidebar}


def live_map(document: lm.MapDocument, table: lm.IncidentTable, period: Period, key: str, height: int,
             title: str, linked: bool = True) -> str | None:
    """Mount (first run) or update (later runs) the in-place map; returns the
    id of the incident the reader just clicked, if any.

    The map document and the incident table each travel once per session and
    map (the page keeps them by id), as an address or as text (:func:`_carried`);
    later runs send their ids and the period's months only. A page that lacks
    one, or could not fetch it, asks for it (``missing``) and the next run
    sends its text. A ``linked`` map is the page's map: its view goes into the
    link (``z=``, ``c=``) and it shows the sidebar's period as soon as the reader
    picks one; an unlinked one (a side of the compare page) does neither."""
    memory = _view_state(key, linked)
    view = st.session_state[memory]
    total = height + PLAY_BAR_ROOM  # the component's height: the bar and the map (live_map.js shares it out)
    data = _payload(document, table, period, view, key, total, title, linked)
    result = _component(data=data, key=key, height=total, on_view_change=_noop,
                        on_missing_change=_noop, on_clicked_change=_noop, on_drawn_change=_noop)
    if getattr(result, "drawn", None):
        st.session_state.setdefault(DRAWN, set()).add(key)
    _sent(key).update((document.doc_id, table.table_id))
    missing = getattr(result, "missing", None)
    if missing in (document.doc_id, table.table_id):
        _sent(key).discard(missing)
        st.session_state.setdefault(INLINE, set()).add(missing)
        st.rerun()
    reported = view_from_map(getattr(result, "view", None))
    if reported is not None:
        st.session_state[memory] = view = reported
    if linked:
        url_state.sync_query({} if view is None else view.to_query(), VIEW_KEYS)
    clicked = getattr(result, "clicked", None)
    return html.unescape(clicked) if isinstance(clicked, str) else None


def st_folium_map(m: folium.Map, key: str, height: int) -> None:
    """The old full re-render (bench baseline)."""
    from streamlit_folium import st_folium
    st_folium(m, height=height, use_container_width=True, returned_objects=[], key=key)
