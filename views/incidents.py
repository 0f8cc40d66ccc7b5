"""Incidents: filtered IOM deaths and missing by month, map, table, chart, downloads, own data."""

import streamlit as st
from streamlit_folium import st_folium

from geo.data.records import doubt_summary, incident_count
from geo.export import downloads, incident_tables
from geo.i18n import _, current_language
from geo.maps import charts
from geo.maps.incident_map import IN_PLACE_MODES, MODES, build_incident_map
from geo.maps.live_map import cached_incident_table
from geo.maps.popups import counted_text, md_text, safe_url, text_table
from geo.model import filters as gf
from geo.model.period import Period
from geo.model.stats import incident_figures, incident_notes
from ui import cache, live_map, upload, url_state, widgets

period = st.session_state.period
st.title(_("Deaths and missing on the route to the UK · {period}").format(period=period.label))
widgets.show_data_errors("incidents")

incidents, with_upload = widgets.incidents_for_view()
if incidents is None:
    upload.upload_section()
    st.stop()

# One container above the map: notes and messages that come and go inside it never move the map,
# so the browser keeps the same map (and the reader's view) from run to run.
with st.container():
    filters = widgets.incident_filters(incidents)
    rows = gf.apply_filters(incidents, period, filters)
    coverage = widgets.incident_coverage(with_upload)
    period_coverage = coverage.period(period)
    for note in incident_notes(incidents, period, coverage):
        st.caption(_("Note: {note}").format(note=note))
    if with_upload:
        st.caption(_("Includes your uploaded rows (session only; not checked by IOM)."))
    else:
        st.caption(_("Have your own incident file? Add it under 'Your own data' at the bottom of this page."))
    if current_language() != "en":
        st.caption(_("Place descriptions, causes and sources are shown as IOM publishes them, in English."))

    widgets.show_figures(incident_figures(incident_count(rows), int(rows["dead"].sum()), int(rows["missing"].sum()),
                                       period_coverage))

    mode = url_state.url_radio(_("Map view"), MODES, param="view", state_key="f_view", default="clusters")
countries = cache.datasets().layers.get("countries")
clicked_id = None
if mode in IN_PLACE_MODES and not live_map.use_st_folium():
    document = cache.incident_map_document(mode, current_language())
    every_period = gf.apply_filters(incidents, None, filters)  # the browser picks the period's rows
    clicked_id = live_map.live_map(document, cached_incident_table(every_period), period, key=f"incident_map_{mode}",
                                   height=540, title=_("Map of the incidents shown"))
    clicked = None
else:
    clicked = st_folium(build_incident_map(rows, countries, mode), height=540, use_container_width=True,
                        returned_objects=["last_object_clicked"], key=f"incident_map_{mode}")
if doubt_summary(rows):
    st.caption(md_text(doubt_summary(rows)))
summary = (_("Map summary: no data, {why}.").format(why=period_coverage.no_data) if period_coverage.is_empty else
           _("Map summary: {incidents} in {records}, {dead_missing}, {period}, {filters}{scope}.").format(
               incidents=counted_text("incident", incident_count(rows)),
               records=counted_text("iom_record", len(rows)),
               dead_missing=counted_text("dead_or_missing", int(rows["dead_missing"].sum())), period=period.label,
               filters=filters.describe(), scope=", " + period_coverage.scope if period_coverage.scope else ""))
if len(rows):
    by_country = rows.groupby("country")["dead_missing"].sum().sort_values(ascending=False)
    summary += " " + _("By country:") + " " + "; ".join(f"{c}: {int(v)}" for c, v in by_country.items()) + "."
st.text(summary)

st.subheader(_("Dead and missing by month"))
span, _default = cache.data_span()
span = Period(min(span.start, incidents["year_month"].min()), max(span.end, incidents["year_month"].max()))
series = gf.monthly_series(gf.apply_filters(incidents, None, filters), span, period, coverage)
event = st.altair_chart(charts.incidents_monthly(series, _("Dead + missing per month (selected period in orange)")),
                        on_select="rerun", selection_mode=charts.PICK, key="incident_chart",
                        width="stretch")
st.caption(_("Click a month (shift-click another to make a range) to set the period; double-click clears. "
             "Grey bands: months the data does not cover (no data, not zero); hover for why."))
widgets.apply_chart_pick("incident_chart", charts.picked_period(event), period)

st.subheader(_("Incident details"))
labels = incident_tables.incident_labels(rows)
picked = (clicked_id if clicked_id in labels
          else incident_tables.nearest_incident(rows, (clicked or {}).get("last_object_clicked")))
if picked:
    st.session_state.f_detail = picked
if labels:
    if st.session_state.get("f_detail") not in labels:
        st.session_state.f_detail = next(iter(labels))
    chosen = st.selectbox(_("Incident (or click one on the map)"), list(labels), key="f_detail",
                          format_func=labels.get)
    records = rows[rows["incident_id"] == chosen].sort_values("record_id", kind="stable")
    st.table(text_table(incident_tables.details_table(records)))
    row = records.iloc[0]
    if safe_url(row.url):
        st.link_button(_("Open the source"), safe_url(row.url))
else:
    st.info(_("No incidents match these filters in this period."))

st.subheader(_("Table"))
left, right = st.columns([2, 1])
sorts = incident_tables.SORTS
sort_key = left.selectbox(_("Sort by"), list(sorts), format_func=lambda k: _(sorts[k]), key="f_sort")
descending = right.toggle(_("Largest / latest first"), value=True, key="f_desc")
st.table(text_table(incident_tables.records_table(rows, sort_key, descending)))

st.subheader(_("Download"))
description = f"IOM incidents, {period.label}, {filters.describe()}"
d1, d2, d3 = st.columns(3)
d1.download_button("CSV", downloads.to_csv(rows, description, with_upload), "incidents.csv", "text/csv",
                   key="dl_csv")
d2.download_button("GeoJSON", downloads.to_geojson(rows, description, with_upload), "incidents.geojson",
                   "application/geo+json", key="dl_geojson")
d3.download_button(_("Credits and licence (TXT)"), downloads.sidecar(description, with_upload), "CREDITS.txt",
                   "text/plain", key="dl_sidecar")
st.caption(_("The CSV starts with '#' lines naming the source and licence; the GeoJSON carries them in "
             "'metadata' and on every feature."))
upload.upload_section()
