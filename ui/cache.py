"""Cached wrappers around ``geo``: files are read and the route graph is built
once per process (``st.cache_resource``); a period change only filters what is
already in memory. Exports are cached per period, layers and language.

The loading messages are shown in the reader's language, so they are spinners
around the cached calls rather than the decorators' fixed ``show_spinner`` text.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from geo.data import load
from geo.i18n import N_, _, use_language
from geo.maps import live_map as lm
from geo.model import scene
from geo.model.period import Period, default_period

T = TypeVar("T")
LOADING_DATA = N_("Loading the shipped data…")
BUILDING_ROUTES = N_("Building routes and corridors…")
LOADING_HOME_OFFICE = N_("Loading the Home Office weekly, daily and nationality files…")
WRITING_EXPLAINER = N_("Writing the explainer…")
DRAWING_PICTURE = N_("Drawing the picture…")
DRAWING_MAP = N_("Drawing the map…")
_warm: set[tuple] = set()  # process-wide caches already filled: no spinner element on every rerun


def _first_time(message: str, compute: Callable[[], T], *key: object) -> T:
    if (message, *key) in _warm or get_script_run_ctx(suppress_warning=True) is None:  # warm() runs no page
        value = compute()
    else:
        with st.spinner(_(message)):
            value = compute()
    _warm.add((message, *key))
    return value


@st.cache_resource(show_spinner=False)
def _datasets() -> load.Datasets:
    return load.load_all()


def datasets() -> load.Datasets:
    """Every shipped file, read once per process (broken ones as errors)."""
    return _first_time(LOADING_DATA, _datasets)


@st.cache_resource(show_spinner=False)
def _route_scene() -> scene.Scene:
    return scene.build_scene(datasets())


def route_scene() -> scene.Scene:
    """The static route map: areas, corridors, storage places and routes, built once."""
    return _first_time(BUILDING_ROUTES, _route_scene)


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


@st.cache_resource(show_spinner=False)
def _crossings_extra() -> tuple[dict, dict]:
    from geo.data import crossings
    from geo.data.schema import DataFileError
    tables, errors = {}, {}
    for key, loader in (("daily", crossings.load_daily), ("weekly", crossings.load_weekly),
                        ("nationality", crossings.load_nationality)):
        try:
            tables[key] = loader()
        except DataFileError as err:
            errors[key] = err
    return tables, errors


def crossings_extra() -> tuple[dict, dict]:
    """Daily, weekly and nationality tables, and the error of any that failed."""
    return _first_time(LOADING_HOME_OFFICE, _crossings_extra)


@st.cache_data(show_spinner=False, max_entries=16)
def _explainer_html(start: str, end: str, layers: tuple[str, ...], title: str, story: bool, lang: str) -> str:
    from geo.export.explainer import ExportOptions, export_html
    tables = datasets().tables
    with use_language(lang):
        return export_html(route_scene(), tables.get("incidents"), tables.get("crossings"), Period(start, end),
                           layers, ExportOptions(title=title, story=story))


def explainer_html(start: str, end: str, layers: tuple[str, ...], title: str, story: bool, lang: str = "en") -> str:
    """The self-contained explainer for a period and layers (see geo.export.explainer), in ``lang``."""
    with st.spinner(_(WRITING_EXPLAINER)):
        return _explainer_html(start, end, layers, title, story, lang)


@st.cache_data(show_spinner=False, max_entries=8)
def _static_picture(start: str, end: str, layers: tuple[str, ...], fmt: str, size: str, lang: str) -> bytes:
    from geo.export.pictures import save
    tables = datasets().tables
    buffer = io.BytesIO()
    with use_language(lang):
        save(route_scene(), tables.get("incidents"), tables.get("crossings"), Period(start, end), buffer, fmt,
             layers, size)
    return buffer.getvalue()


def static_picture(start: str, end: str, layers: tuple[str, ...], fmt: str, size: str, lang: str = "en") -> bytes:
    """The map as PNG, SVG or PDF bytes (see geo.export.pictures), in ``lang``."""
    with st.spinner(_(DRAWING_PICTURE)):
        return _static_picture(start, end, layers, fmt, size, lang)


@st.cache_data(show_spinner=False, max_entries=4)
def story_charts(lang: str) -> dict[str, tuple[dict, str] | None]:
    """The route map's story charts as Vega-Lite specs, each with its sentence,
    in ``lang``. They do not depend on the period, so a month change reuses them
    (building and serialising them took 160–250 ms of every rerun)."""
    from geo.maps import seed_charts
    from geo.model import seed_figures
    tables, daily = datasets().tables, crossings_extra()[0].get("daily")
    incidents, crossings = tables.get("incidents"), tables.get("crossings")
    charts: dict[str, tuple[dict, str] | None] = {"dead": None, "boats": None, "ytd": None}
    with use_language(lang):
        if incidents is not None:
            table = seed_figures.yearly_dead_missing(incidents)
            charts["dead"] = (seed_charts.dead_missing_by_year(table, _("Dead and missing per year")).to_dict(),
                              seed_figures.deadliest_sentence(table))
        if crossings is not None:
            yearly = seed_figures.people_per_boat_by_year(crossings)
            charts["boats"] = (seed_charts.people_per_boat_by_year(yearly, _("People per boat, by year")).to_dict(), "")
            if daily is not None:
                ytd = seed_figures.year_to_date_crossings(daily)
                title = _("People crossed since 1 January, each year")
                charts["ytd"] = (seed_charts.crossings_year_to_date(ytd, title).to_dict(),
                                 seed_figures.year_to_date_sentence(ytd, yearly))
    return charts


@st.cache_resource(show_spinner=False, max_entries=8)
def _incident_map_document(mode: str, lang: str) -> lm.MapDocument:
    from geo.maps.incident_map import build_incident_base
    with use_language(lang):
        return lm.map_document(build_incident_base(datasets().layers.get("countries"), mode))


def incident_map_document(mode: str, lang: str = "en") -> lm.MapDocument:
    """The incidents map without incidents, rendered once per process, mode and language."""
    return _first_time(DRAWING_MAP, lambda: _incident_map_document(mode, lang), "incidents", mode, lang)


@st.cache_resource(show_spinner=False, max_entries=8)
def _route_map_document(speed_kmh: float, lang: str) -> lm.MapDocument:
    from geo.maps.route_map import build_route_map
    with use_language(lang):
        return lm.map_document(build_route_map(route_scene(), None, speed_kmh=speed_kmh, live=True))


def route_map_document(speed_kmh: float, lang: str = "en") -> lm.MapDocument:
    """The route map without incidents, rendered once per process, speed and language."""
    return _first_time(DRAWING_MAP, lambda: _route_map_document(speed_kmh, lang), "route", speed_kmh, lang)


@st.cache_resource(show_spinner=False, max_entries=4)
def _presentation_map_document(lang: str) -> lm.MapDocument:
    from geo.maps.presentation import projector_map
    with use_language(lang):
        return lm.map_document(projector_map(route_scene(), None, live=True))


def presentation_map_document(lang: str = "en") -> lm.MapDocument:
    """The projector's route map without incidents, rendered once per process and language."""
    return _first_time(DRAWING_MAP, lambda: _presentation_map_document(lang), "presentation", lang)


def warm(lang: str = "en") -> None:
    """Fill the landing page's process caches before anyone asks (``serve.py`` calls it as the server
    starts): the data, the routes, the route map document at the default speed, its story charts and the
    incident table. The first visit then shows no loading message either."""
    from geo.model.drive_time import DEFAULT_VAN_KMH
    route_map_document(DEFAULT_VAN_KMH, lang)  # reads route_scene(), which reads datasets()
    story_charts(lang)
    with use_language(lang):
        lm.cached_incident_table(datasets().tables.get("incidents"))
