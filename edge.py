"""The Streamlit edge: cached wrappers around ``geo`` and the shared period.

Only this module, ``app.py`` and ``pages/`` import streamlit. Files are read
and the route graph is built once per process (``st.cache_resource``); a
period change only filters what is already in memory.
"""

from __future__ import annotations

import streamlit as st

from geo import load, scene
from geo.period import Period, default_period, month_label, month_span, period_from_query

PERIOD_KEYS = ("month", "from", "to")


@st.cache_resource(show_spinner="Loading the shipped data…")
def datasets() -> load.Datasets:
    return load.load_all()


@st.cache_resource(show_spinner="Building routes and corridors…")
def route_scene() -> scene.Scene:
    return scene.build_scene(datasets())


def data_span() -> tuple[Period, Period]:
    """The span a user can pick from, and the default period (the latest 12
    months of Home Office data, or of IOM data when the crossings file is broken)."""
    tables = datasets().tables
    crossing_months = [] if "crossings" not in tables else list(tables["crossings"]["month"])
    incident_months = [] if "incidents" not in tables else list(tables["incidents"]["year_month"])
    months = sorted(set(crossing_months + incident_months))
    if not months:
        fallback = Period("2018-01", "2026-08")
        return fallback, fallback
    return Period(months[0], months[-1]), default_period(crossing_months or incident_months)


def _init_period_state(span: Period, default: Period) -> None:
    period, message = period_from_query(st.query_params.to_dict(), span, default)
    st.session_state.period_mode = "One month" if period.is_single else "Range"
    st.session_state.period_month = period.start
    st.session_state.period_range = (period.start, period.end)
    st.session_state.period_message = message


def _write_query(period: Period) -> None:
    wanted = period.to_query()
    current = {k: st.query_params.get(k) for k in PERIOD_KEYS if k in st.query_params}
    if current != wanted:
        for key in PERIOD_KEYS:
            if key in st.query_params:
                del st.query_params[key]
        st.query_params.update(wanted)


def period_sidebar() -> Period:
    """The shared period filter. Reads the URL once per session, then keeps
    the URL in step with the widgets so a copied link reopens the view."""
    span, default = data_span()
    if "period_mode" not in st.session_state:
        _init_period_state(span, default)
    months = month_span(span.start, span.end)
    with st.sidebar:
        st.header("Period")
        mode = st.radio("Show", ["One month", "Range"], key="period_mode", horizontal=True)
        if mode == "One month":
            month = st.selectbox("Month", months[::-1], key="period_month", format_func=month_label)
            period = Period(month, month)
        else:
            # value= marks it a range slider: with the range only in session state,
            # Streamlit 1.67 returns a single month after any rerun (a crash here).
            start, end = st.select_slider("Months", options=months, key="period_range",
                                          value=(months[0], months[-1]), format_func=month_label)
            period = Period(start, end)
        st.caption(f"Data from {span.label}. Default: the latest 12 months of Home Office data.")
    message = st.session_state.get("period_message")
    if message:
        st.warning(message)
        st.session_state.period_message = None
    _write_query(period)
    return period


def show_data_errors(*keys: str) -> bool:
    """Show an error for each broken file a page needs; True when all are fine."""
    errors = datasets().errors
    broken = [errors[k] for k in keys if k in errors]
    for error in broken:
        st.error(f"Cannot use {error.file}: {error}. The parts of this page that need it are "
                 "left out; everything else still works.")
    return not broken


@st.cache_data(show_spinner="Writing the explainer…", max_entries=16)
def explainer_html(start: str, end: str, layers: tuple[str, ...], title: str, story: bool) -> str:
    """The self-contained explainer for a period and layers (see geo.export)."""
    from geo.export import ExportOptions, export_html
    tables = datasets().tables
    return export_html(route_scene(), tables.get("incidents"), tables.get("crossings"), Period(start, end),
                       layers, ExportOptions(title=title, story=story))


@st.cache_data(show_spinner="Drawing the picture…", max_entries=8)
def static_picture(start: str, end: str, layers: tuple[str, ...], fmt: str, size: str) -> bytes:
    """The map as PNG, SVG or PDF bytes (see geo.static_map)."""
    import io

    from geo.static_map import save
    tables = datasets().tables
    buffer = io.BytesIO()
    save(route_scene(), tables.get("incidents"), tables.get("crossings"), Period(start, end), buffer, fmt,
         layers, size)
    return buffer.getvalue()
