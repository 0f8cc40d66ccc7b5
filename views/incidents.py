"""Incidents: filtered IOM deaths and missing by month, map, table, chart, downloads, own data."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.data.location_check import doubt_text
from geo.data.records import doubt_summary, incident_count
from geo.data.upload import read_upload
from geo.export import downloads
from geo.i18n import N_, _, current_language, format_day, format_number
from geo.maps import charts
from geo.maps.incident_map import IN_PLACE_MODES, MODES, build_incident_map
from geo.maps.live_map import cached_incident_table
from geo.maps.popups import md_text, safe_url, survivors_text, text_table
from geo.model import filters as gf
from geo.model.period import Period
from geo.model.stats import incident_figures, incident_notes
from geo.vocab import SETTING_WORDS
from ui import cache, live_map, url_state, widgets

SORTS = {"date": N_("Date"), "dead_missing": N_("Dead + missing"), "dead": N_("Dead"), "missing": N_("Missing"),
         "country": N_("Country"), "cause": N_("Cause")}
TABLE_COLUMNS = {"date": N_("Date"), "location": N_("Place"), "country": N_("Country"), "setting": N_("Setting"),
                 "dead": N_("Dead"), "missing": N_("Missing"), "survivors": N_("Survivors"), "cause": N_("Cause"),
                 "incident_id": N_("IOM incident"), "record_id": N_("IOM record"),
                 "location_doubt": N_("Location check")}

period = st.session_state.period
st.title(_("Deaths and missing on the route to the UK · {period}").format(period=period.label))
widgets.show_data_errors("incidents")


def upload_section() -> None:
    st.subheader(_("Your own data"))
    st.caption(_("Upload incidents for this session only: the IOM Global Figures file (Coordinates as "
                 "'lat, lon'), the IOM website download (Number Dead, Incident Date like "
                 "'Tue, 01/27/2026 - 12:00'), a CSV with date, latitude, longitude, dead, missing, or "
                 "GeoJSON points. The shipped data is never changed."))
    file = st.file_uploader(_("Incident file (CSV or GeoJSON)"), type=["csv", "geojson", "json"], key="upload_file")
    if file is not None and st.session_state.get("upload_id") != file.file_id:
        st.session_state.upload_id = file.file_id
        attempt = read_upload(file.name, file.getvalue())
        st.session_state.upload_attempt = attempt
        if attempt.rows is not None:  # a file with no usable row leaves the previous upload in place
            st.session_state.upload_bytes = (file.name, file.getvalue())
            st.session_state[widgets.UPLOAD] = attempt
        st.rerun()
    result, attempt = widgets.uploaded(), st.session_state.get("upload_attempt")
    shown = attempt if attempt is not None else result
    if shown is None:
        return
    upload_message(shown, result if result is not shown else None)
    if result is None or result.rows is None or "upload_bytes" not in st.session_state:
        return
    name, data = st.session_state.upload_bytes
    st.download_button(_("Download your file back (unchanged)"), data, file_name=name, key="upload_back")
    if st.button(_("Forget my upload"), key="upload_forget"):
        for key in (widgets.UPLOAD, "upload_id", "upload_bytes", "upload_attempt", "f_source"):
            st.session_state.pop(key, None)
        st.rerun()


def details_table(records: pd.DataFrame) -> pd.DataFrame:
    """One IOM incident: a column per record, so its records read together."""
    details = [_("Date"), _("Place"), _("Country"), _("Setting"), _("Dead"), _("Missing"), _("Survivors"),
               _("Cause"), _("Source"), _("Source quality (IOM)"), _("IOM incident"), _("IOM record"),
               _("Location check")]
    table = {_("Detail"): details}
    for n, row in enumerate(records.itertuples(index=False), start=1):
        table[_("Record {n}").format(n=n) if len(records) > 1 else _("Value")] = [
            format_day(row.date.date()), row.location, row.country, _(SETTING_WORDS.get(row.setting, row.setting)),
            str(int(row.dead)), str(int(row.missing)), survivors_text(row.survivors), row.cause, row.source,
            gf.quality_words(row.source_quality), row.incident_id, row.record_id,
            _("Doubtful: {reason}").format(reason=doubt_text(row.location_doubt)) if row.location_doubt
            else _("Point agrees with its text and country")]
    return pd.DataFrame(table)


def upload_message(result, in_use) -> None:
    """The outcome of the last file: counts that add up and every refused row with its reason."""
    if result.error:
        st.error(md_text(result.error))
    elif result.accepted:
        st.success(md_text(result.summary()))
    else:
        st.warning(md_text(result.summary() + " " + _("Nothing was loaded from this file.")))
    if in_use is not None and in_use.rows is not None:
        st.info(md_text(_("Still in use: your earlier file {file} ({count} rows).").format(
            file=in_use.file, count=in_use.accepted)))
    if result.issues:
        st.markdown("**" + _("Rejected rows ({count} problem(s))").format(count=len(result.issues)) + "**")
        st.table(text_table(result.issue_table()))


def nearest(rows: pd.DataFrame, clicked: dict | None) -> str | None:
    if not clicked or rows.empty or "lat" not in clicked:
        return None
    distance = (rows["lat"] - clicked["lat"]) ** 2 + (rows["lon"] - clicked["lng"]) ** 2
    return rows.loc[distance.idxmin(), "incident_id"] if distance.min() < 1e-6 else None


incidents, with_upload = widgets.incidents_for_view()
if incidents is None:
    upload_section()
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
           _("Map summary: {incidents} incident(s) in {records} IOM record(s), {dead_missing} dead or missing, "
             "{period}, {filters}{scope}.").format(
               incidents=format_number(incident_count(rows)), records=format_number(len(rows)),
               dead_missing=format_number(int(rows["dead_missing"].sum())), period=period.label,
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
by_incident = rows.groupby("incident_id", sort=False)
labels = {incident: f"{format_day(group['date'].iloc[0].date())} · {group['location'].iloc[0]} · "
                    + _("{count} dead or missing").format(count=int(group["dead_missing"].sum()))
                    + (" · " + _("{count} records").format(count=len(group)) if len(group) > 1 else "")
          for incident, group in by_incident}
picked = clicked_id if clicked_id in labels else nearest(rows, (clicked or {}).get("last_object_clicked"))
if picked:
    st.session_state.f_detail = picked
if labels:
    if st.session_state.get("f_detail") not in labels:
        st.session_state.f_detail = next(iter(labels))
    chosen = st.selectbox(_("Incident (or click one on the map)"), list(labels), key="f_detail",
                          format_func=labels.get)
    records = rows[rows["incident_id"] == chosen].sort_values("record_id", kind="stable")
    st.table(text_table(details_table(records)))
    row = records.iloc[0]
    if safe_url(row.url):
        st.link_button(_("Open the source"), safe_url(row.url))
else:
    st.info(_("No incidents match these filters in this period."))

st.subheader(_("Table"))
left, right = st.columns([2, 1])
sort_key = left.selectbox(_("Sort by"), list(SORTS), format_func=lambda k: _(SORTS[k]), key="f_sort")
descending = right.toggle(_("Largest / latest first"), value=True, key="f_desc")
table = rows.sort_values(sort_key, ascending=not descending, kind="stable")[list(TABLE_COLUMNS)].copy()
table["date"] = table["date"].map(lambda day: format_day(day.date()))
table["location_doubt"] = table["location_doubt"].map(doubt_text)
table["setting"] = table["setting"].map(lambda s: _(SETTING_WORDS.get(s, s)))
table["survivors"] = table["survivors"].map(lambda v: "" if v is None or v != v else str(int(v)))
st.table(text_table(table.rename(columns={k: _(v) for k, v in TABLE_COLUMNS.items()}).reset_index(drop=True)))

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
upload_section()
