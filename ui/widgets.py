"""The shared widgets: language and period in the sidebar, data errors,
figures, the incident source and filters, and what keeps an unexpected error
from reaching a visitor. Caching is in ``ui.cache``, the URL in ``ui.url_state``.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from streamlit.errors import FragmentHandledException

from geo.data.records import with_upload
from geo.i18n import (
    LANGS,
    LANGUAGE_NAMES,
    N_,
    _,
    format_number,
    lang_from_locale,
    lang_from_query,
    ngettext,
    set_language,
)
from geo.maps.popups import md_text
from geo.model.period import Period, month_label, month_span, period_from_query
from ui.cache import data_span, datasets
from ui.upload import uploaded
from ui.url_state import keep_link_note, query_values, show_link_note, sync_query, url_radio

PERIOD_KEYS = ("month", "from", "to")
LOG = logging.getLogger("channel_routes")
if not LOG.handlers:  # Streamlit configures only its own loggers; this one goes to stderr with a time
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(_handler)
PAGE_FAILED = N_("Something went wrong showing this page. Error id: {error_id}. The details are in the server "
               "log; please quote this id if you report it. Other pages and periods still work.")


@contextmanager
def errors_logged_not_shown() -> Iterator[None]:
    """Show a visitor a short message and an error id for an unexpected error;
    its traceback goes to the server log under that id. Streamlit's own
    control flow (``st.rerun``, ``st.stop``, ``st.switch_page``: BaseExceptions)
    passes through untouched."""
    try:
        yield
    except FragmentHandledException:
        raise
    except Exception:
        error_id = secrets.token_hex(4)
        LOG.exception("Error id %s while showing a page", error_id)
        st.error(_(PAGE_FAILED).format(error_id=error_id))


def _init_period_state(span: Period, default: Period) -> None:
    period, message = period_from_query(st.query_params.to_dict(), span, default)
    st.session_state.period_mode = ONE_MONTH if period.is_single else RANGE
    st.session_state.period_month = period.start
    st.session_state.period_range = (period.start, period.end)
    keep_link_note("period", message, period)


ONE_MONTH, RANGE = "One month", "Range"
MONTH_KEY, RANGE_KEY = "period_month", "period_range"  # the sidebar's period widgets (the live map watches them)
PERIOD_MODES = {ONE_MONTH: N_("One month"), RANGE: N_("Range")}


def language_sidebar() -> str:
    """The reader's language: the URL's ``lang`` on a session's first run, else
    the browser's language, else English; then the sidebar selector. Sets it
    for the whole run (geo.i18n) and keeps it in the URL once it is not English."""
    if "lang" not in st.session_state:
        wanted, message = lang_from_query(st.query_params.to_dict())
        st.session_state.lang = wanted or lang_from_locale(browser_locale())
        keep_link_note("lang", message, st.session_state.lang)
    set_language(st.session_state.lang)
    with st.sidebar:
        # a button group, not a select: the sidebar's one select stays the month (tests and bench open it)
        lang = st.segmented_control("Language · Langue · Sprache", LANGS, key="lang", required=True,
                                    format_func=LANGUAGE_NAMES.get) or st.session_state.lang
    set_language(lang)
    show_link_note("lang", lang)
    if lang != "en" or "lang" in st.query_params:
        sync_query({"lang": lang}, ("lang",))
    return lang


def browser_locale() -> str | None:
    """The browser's language, or None where there is no browser (AppTest)."""
    try:
        return st.context.locale
    except Exception:  # AppTest and old front ends have no browser context
        return None


def period_sidebar() -> Period:
    """The shared period filter. Reads the URL once per session, then keeps
    the URL in step with the widgets so a copied link reopens the view."""
    span, default = data_span()
    if "period_mode" not in st.session_state:
        _init_period_state(span, default)
    _apply_wanted_period(span)
    months = month_span(span.start, span.end)
    with st.sidebar:
        st.header(_("Period"))
        mode = st.radio(_("Show"), list(PERIOD_MODES), key="period_mode", horizontal=True,
                        format_func=lambda mode: _(PERIOD_MODES[mode]))
        if mode == ONE_MONTH:
            month = st.selectbox(_("Month"), months[::-1], key=MONTH_KEY, format_func=month_label)
            period = Period(month, month)
        else:
            # value= makes it a two-thumb range slider; without it the browser drew one
            # thumb and sent one month back, which crashed the next run.
            start, end = st.select_slider(_("Months"), options=months, key=RANGE_KEY,
                                          value=(months[0], months[-1]), format_func=month_label)
            period = Period(start, end)
        st.caption(_("Data from {span}. Default: the latest 12 months of Home Office data.").format(span=span.label))
    show_link_note("period", period)
    sync_query(period.to_query(), PERIOD_KEYS)
    return period


WANTED_PERIOD = "period_wanted"


def want_period(period: Period) -> None:
    """Ask for ``period`` on the next run (a chart pick); the sidebar applies it
    before its widgets exist, then the page reruns."""
    st.session_state[WANTED_PERIOD] = period
    st.rerun()


def _apply_wanted_period(span: Period) -> None:
    wanted = st.session_state.pop(WANTED_PERIOD, None)
    if wanted is None:
        return
    start, end = max(wanted.start, span.start), min(wanted.end, span.end)
    if start > end:
        return
    st.session_state.period_mode = ONE_MONTH if start == end else RANGE
    st.session_state.period_month = start
    st.session_state.period_range = (start, end)


def show_data_errors(*keys: str) -> bool:
    """Show an error for each broken file a page needs; True when all are fine."""
    errors = datasets().errors
    broken = [errors[k] for k in keys if k in errors]
    for error in broken:
        st.error(_("Cannot use {file}: {error}. The parts of this page that need it are "
                   "left out; everything else still works.").format(file=md_text(error.file), error=md_text(error)))
    return not broken


FILTER_STATE = {"setting": "f_setting", "cause": "f_cause", "country": "f_country", "min": "f_min"}
SOURCES = {"shipped": N_("Shipped IOM data"), "upload": N_("My upload only"), "both": N_("Shipped + my upload")}


def incident_coverage(with_upload: bool):
    """The coverage (geo.model.coverage) of what :func:`incidents_for_view` returned:
    the shipped IOM copy's, an upload's own first-to-last date, or both."""
    from geo.model import coverage
    shipped = coverage.incidents_coverage(datasets().tables.get("incidents"))
    upload = uploaded()
    if not with_upload or upload is None or upload.rows is None:
        return shipped
    mine = coverage.upload_coverage(upload.rows)
    if st.session_state.get("f_source") == "upload" or not shipped.spans:
        return mine
    return coverage.combined(shipped, mine, N_("IOM or your upload"))


def show_figures(figures, columns=None) -> None:
    """Metrics for geo.model.stats figures: "no data" with its reason, or the value
    with the part of the period it covers, under each its source."""
    for column, figure in zip(columns or st.columns(len(figures)), figures):
        column.metric(figure.label, figure.value, help=figure.source)
        column.caption(md_text(f"{figure.source} · {figure.coverage}" if figure.coverage else figure.source))


def incidents_for_view():
    """The incidents the analyst pages show, and whether an upload is part of them.

    The data source lives in the URL as ``data=upload|both`` (only while the
    session holds an upload); shipped data is never changed."""
    shipped = datasets().tables.get("incidents")
    upload = uploaded()
    if upload is None or upload.rows is None:
        if "data" in st.query_params:
            del st.query_params["data"]
        return shipped, False
    choice = url_radio(_("Incidents shown"), SOURCES, param="data", state_key="f_source", default="both")
    if choice == "shipped" or shipped is None and choice == "both":
        return (shipped, False) if choice == "shipped" else (upload.rows, True)
    if choice == "upload":
        return upload.rows, True
    both, replaced = with_upload(shipped, upload.rows)
    if replaced:
        st.caption(ngettext("{count} record of your upload has the ID of a shipped IOM record: yours is shown "
                            "in its place, counted once.",
                            "{count} records of your upload have the IDs of shipped IOM records: yours are shown "
                            "in their place, each counted once.", replaced).format(count=format_number(replaced)))
    return both, True


def incident_filters(incidents):
    """Setting, cause, country and minimum dead + missing, synced with the URL."""
    from geo.model import filters as gf
    causes, countries = gf.cause_choices(incidents), gf.country_choices(incidents)
    if FILTER_STATE["setting"] not in st.session_state:
        params = {k: query_values(k) for k in gf.FILTER_KEYS if k in st.query_params}
        found, notes = gf.filters_from_query(params, causes, countries)
        st.session_state.update({FILTER_STATE["setting"]: found.setting, FILTER_STATE["cause"]: list(found.causes),
                                 FILTER_STATE["country"]: list(found.countries),
                                 FILTER_STATE["min"]: found.min_dead_missing})
        for number, note in enumerate(notes):
            keep_link_note(f"filter{number}", note, found)
    for key, allowed in (("cause", causes), ("country", countries)):
        state = FILTER_STATE[key]
        st.session_state[state] = [v for v in st.session_state.get(state, []) if v in allowed]
    notes_place = st.container()
    first, second, third, fourth = st.columns([1.2, 1.6, 1.4, 0.9])
    setting = first.selectbox(_("Setting"), list(gf.SETTING_CHOICES), key=FILTER_STATE["setting"],
                              format_func=lambda key: _(gf.SETTING_CHOICES[key]))
    chosen_causes = second.multiselect(_("Cause of death"), causes, key=FILTER_STATE["cause"],
                                       placeholder=_("All causes"))
    chosen_countries = third.multiselect(_("Country"), countries, key=FILTER_STATE["country"],
                                         placeholder=_("All countries"))
    minimum = fourth.number_input(_("Min. dead + missing"), min_value=0, max_value=gf.MAX_MINIMUM, step=1,
                                  key=FILTER_STATE["min"])
    chosen = gf.IncidentFilters(setting, tuple(chosen_causes), tuple(chosen_countries), int(minimum))
    for number in range(len(gf.FILTER_KEYS) + 1):
        show_link_note(f"filter{number}", chosen, notes_place)
    sync_query(chosen.to_query(), gf.FILTER_KEYS)
    return chosen


def apply_chart_pick(chart_key: str, picked: Period | None, period: Period) -> None:
    """Set the shared period from a chart pick, once per new pick (a pick that
    stays selected must not undo a later change in the sidebar)."""
    memory = f"{chart_key}_applied"
    if picked is None:
        st.session_state.pop(memory, None)
        return
    if st.session_state.get(memory) == picked:
        return
    st.session_state[memory] = picked
    if picked != period:
        want_period(picked)
