"""Compare two periods side by side: crossings, deaths and missing, and both maps."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from geo.data.records import incident_count
from geo.i18n import _, current_language, format_day
from geo.maps.incident_map import build_incident_map
from geo.maps.live_map import cached_incident_table
from geo.maps.popups import counted_text, md_text, text_table
from geo.model import filters as gf
from geo.model.period import Period, month_label, month_span
from geo.model.stats import figures, headline, incident_figures, incident_notes
from ui import cache, live_map, url_state, widgets

DEFAULTS = {"a": Period("2023-09", "2023-11"), "b": Period("2024-09", "2024-11")}

st.title(_("Compare two periods"))
widgets.show_data_errors("crossings", "incidents")
data = cache.datasets()
crossings = data.tables.get("crossings")
span, _default = cache.data_span()
incidents, with_upload = widgets.incidents_for_view()
if incidents is not None:
    span = Period(min(span.start, incidents["year_month"].min()), max(span.end, incidents["year_month"].max()))
months = month_span(span.start, span.end)


def period_picker(side: str, column) -> Period:
    """Two month selects for one side, read from and written to ``?a_from=..&a_to=..``."""
    keys = (f"{side}_from", f"{side}_to")
    if keys[0] not in st.session_state:
        start, end = (st.query_params.get(k) for k in keys)
        if start in months and end in months and start <= end:
            st.session_state[keys[0]], st.session_state[keys[1]] = start, end
        else:
            if start is not None or end is not None:
                url_state.keep_link_note(keys[0], _("The link's period {side} ({start} to {end}) is not a valid "
                                                    "range in the data; showing {default}.").format(
                    side=side.upper(), start=start, end=end, default=DEFAULTS[side].label), DEFAULTS[side])
            st.session_state[keys[0]], st.session_state[keys[1]] = DEFAULTS[side].start, DEFAULTS[side].end
    url_state.show_link_note(keys[0], Period(st.session_state[keys[0]], st.session_state[keys[1]]))
    column.markdown("**" + _("Period {side}").format(side=side.upper()) + "**")
    first, second = column.columns(2)
    start = first.selectbox(_("From"), months, key=keys[0], format_func=month_label)
    end = second.selectbox(_("To"), months, key=keys[1], format_func=month_label)
    if start > end:
        column.warning(_("'From' is after 'To': the two months are swapped."))
        start, end = end, start
    return Period(start, end)


left, right = st.columns(2)
periods = {"a": period_picker("a", left), "b": period_picker("b", right)}
url_state.sync_query({f"{s}_{k}": getattr(p, "start" if k == "from" else "end")
                 for s, p in periods.items() for k in ("from", "to")},
                ("a_from", "a_to", "b_from", "b_to"))
filters = widgets.incident_filters(incidents) if incidents is not None else gf.IncidentFilters()
st.caption(_("Incident filters: {filters}. The sidebar period does not apply on this page.").format(
    filters=md_text(filters.describe())))
countries = data.layers.get("countries")

rows_by_side = {side: None if incidents is None else gf.apply_filters(incidents, period, filters)
                for side, period in periods.items()}
coverage = widgets.incident_coverage(with_upload)
shared_extent = None if incidents is None else pd.concat(list(rows_by_side.values()))  # same view for A and B
every_period = None if incidents is None else cached_incident_table(gf.apply_filters(incidents, None, filters))

for (side, period), column in zip(periods.items(), (left, right)):
    h = headline(crossings, None, period)
    rows = rows_by_side[side]
    with column:
        st.subheader(f"{side.upper()}: {period.label}")
        widgets.show_figures([replace(f, label=f"{f.label} ({side.upper()})") for f in figures(h)[:3]])
        if rows is None:
            continue
        side_coverage = coverage.period(period)
        count, dead, missing = incident_figures(incident_count(rows), int(rows["dead"].sum()),
                                                int(rows["missing"].sum()), side_coverage)[:3]
        widgets.show_figures([replace(f, label=f"{f.label} ({side.upper()})") for f in (dead, missing, count)])
        for note in incident_notes(incidents, period, coverage)[1:]:
            st.caption(_("Note: {note}").format(note=note))
        if live_map.use_st_folium():
            live_map.st_folium_map(build_incident_map(rows, countries, "points", fit_to=shared_extent),
                                   f"compare_map_{side}", 420)
        else:  # both sides open on the same view; a new period redraws a side's incidents in place
            live_map.live_map(cache.incident_map_document("points", current_language()), every_period, period,
                              key=f"compare_map_{side}", height=420, title=_("Map of the incidents shown"),
                              linked=False)
        st.text(_("Map {side} summary: no data, {why}.").format(side=side.upper(), why=side_coverage.no_data)
                if side_coverage.is_empty else
                _("Map {side} summary: {incidents}, {dead_missing}, {period}, {filters}.").format(
                    side=side.upper(), incidents=counted_text("incident", incident_count(rows)),
                    dead_missing=counted_text("dead_or_missing", int(rows["dead_missing"].sum())),
                    period=period.label, filters=filters.describe()))
        if len(rows):
            table = rows[["date", "location", "dead", "missing"]].copy()
            table["date"] = table["date"].map(lambda day: format_day(day.date()))
            st.table(text_table(table.rename(columns={"date": _("Date"), "location": _("Place"), "dead": _("Dead"),
                                           "missing": _("Missing")})))
st.caption(_("IOM figures are minimum estimates. Home Office provisional months are revised later.") + " "
           + (_("Includes your uploaded rows.") + " " if with_upload else "")
           + _("Data: IOM Missing Migrants Project · UK Home Office (OGL v3.0) · Natural Earth."))
