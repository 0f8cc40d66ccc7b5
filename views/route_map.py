"""Route map: the whole chain for the selected period, with its headline figures."""

import streamlit as st

from geo.data.load import LAYERS as ROUTE_MAP_LAYERS
from geo.data.records import doubt_summary
from geo.export.meta import as_of
from geo.export.route_table import routes_csv, routes_shown
from geo.i18n import _, current_language, format_decimal, format_number, place_name
from geo.maps.live_map import cached_incident_table
from geo.maps.popups import md_text, text_table
from geo.maps.route_map import build_route_map
from geo.model import seed_figures, stats
from geo.model.corridors import lanes_text
from geo.model.drive_time import (
    DEFAULT_VAN_KMH,
    NCA_CLAIM,
    REPORTED_CLAIM,
    VAN_KMH_RANGE,
    assumptions_table,
    claim_comparison,
    hours_text,
)
from geo.model.places import unmapped_shown
from geo.model.scene import osnabrueck_note, ruhr_to_coast
from ui import cache, live_map, widgets


def story_figures(incidents, crossings) -> None:
    """The story's claims, each checkable against a chart with its source and date."""
    st.subheader(_("The story in figures"))
    dates = as_of(crossings, incidents)
    charts = cache.story_charts(current_language())
    left, right = st.columns(2)
    if charts["dead"]:
        left.vega_lite_chart(charts["dead"][0], width="stretch")
        left.caption(md_text(charts["dead"][1]) + " " + _(
            "Source: IOM Missing Migrants Project, minimum estimates, copy {date}. Pale bars marked *: "
            "incomplete years (hover for why), not low counts.").format(
            date=md_text(dates.get("IOM Missing Migrants Project", ""))))
    if charts["boats"]:
        right.vega_lite_chart(charts["boats"][0], width="stretch")
        right.caption(_("Source: UK Home Office, official IER_02a monthly figures ({date}), provisional daily "
                        "sums after them. Pale bar marked *: a year not yet complete.").format(
            date=md_text(dates.get("Home Office official monthly", ""))))
    if charts["ytd"]:
        st.vega_lite_chart(charts["ytd"][0], width="stretch")
        st.caption(md_text(charts["ytd"][1]) + " " + _(
            "Source: UK Home Office daily small-boat arrivals (provisional, {date}); yearly totals from the "
            "official monthly figures.").format(date=md_text(dates.get("Home Office provisional daily", ""))))


period = st.session_state.period
data = cache.datasets()
scene = cache.route_scene()
crossings, incidents = data.tables.get("crossings"), data.tables.get("incidents")

st.title(_("The Channel small-boat route · {period}").format(period=period.label))
widgets.show_data_errors("crossings", "incidents", "areas", "coast_reports", "storage_reports", "road_network",
                      *ROUTE_MAP_LAYERS)

figures_box = st.container()  # filled after the map, so the new incidents go out first

speed = st.session_state.get("speed", DEFAULT_VAN_KMH)
if live_map.use_st_folium():
    period_incidents = None if incidents is None else stats.incidents_in(incidents, period)
    live_map.st_folium_map(build_route_map(scene, period_incidents, speed_kmh=speed), "route_map", 680)
else:  # every period's incidents travel once; this run sends the period only
    live_map.live_map(cache.route_map_document(speed, current_language()), cached_incident_table(incidents),
                      period, key="route_map", height=680, title=_("Route map of the small-boat chain"))
    period_incidents = None if incidents is None else stats.incidents_in(incidents, period)
headline = stats.headline(crossings, incidents, period)
with figures_box:
    widgets.show_figures(stats.figures(headline))
    for sentence in stats.coverage_sentences(headline):
        st.caption(sentence)
    if incidents is not None and headline.dead is not None:
        sea, land, total = seed_figures.setting_split(period_incidents)
        st.markdown(_("**Dead and missing, {period}: {total}**: {sea} at sea or on the shore, {land} on land or "
                      "inland (IOM Missing Migrants Project, minimum estimates; where: a keyword heuristic on "
                      "IOM's location text).").format(period=md_text(period.label), total=format_number(total),
                                                       sea=format_number(sea), land=format_number(land)))
    for note in headline.crossings_notes + headline.incident_notes:
        st.caption(_("Note: {note}").format(note=note))
if current_language() != "en":
    st.caption(_("Place descriptions, causes and sources are shown as IOM publishes them, in English."))
if doubt_summary(period_incidents):
    st.caption(md_text(doubt_summary(period_incidents)))
st.caption(_("Storage places are the outlines of the Land, district or city their sources name (filled: boats "
             "stored or seized; dashed: only arrests, raids or a purchase offer); launch areas are stretches of "
             "coast around reported places; corridors are straight lines, not tracks. The inset shows the Dover "
             "Strait in detail. Open a shape for its sources. German outlines © GeoBasis-DE / BKG 2021 (Daten "
             "verändert)."))

def drive_section(scene) -> None:
    """How long the drive is, against the officials' "four or five hours", with every route behind it."""
    st.subheader(_("How long is the drive?"))
    van_kmh = st.number_input(_("Van top speed (km/h)"), min_value=VAN_KMH_RANGE[0], max_value=VAN_KMH_RANGE[1],
                              step=5.0, value=DEFAULT_VAN_KMH, format="%.0f", key="speed",
                              help=_("Caps every road speed below. 80 km/h: a van towing a trailer in Germany."))
    drive = ruhr_to_coast(scene.routes, van_kmh)
    if not drive:
        st.info(_("Drive times need the road network, storage and launch places; one of them did not load (see "
                  "above)."))
        return
    answer = hours_text(drive["min_hours"], drive["max_hours"])
    st.metric(_("{origin} → {destination}, driving time").format(
        origin=place_name("Ruhr/Cologne area"), destination=place_name("Dunkirk–Calais coast")), answer,
              help=_("Range over Essen, Bochum, Cologne and the Düsseldorf region to the two launch areas."))
    st.markdown(_(
        "**{hours} of driving, {min_km}–{max_km} km**, from the Ruhr/Cologne area (Essen, Bochum, Cologne, the "
        "Düsseldorf region) to the Dunkirk–Calais coast: the fast end drives every road at its limit, the slow "
        "end at typical van speeds, with no stops, queues or breaks. That is {comparison}.").format(
        hours=answer, min_km=format_number(round(drive["min_km"])), max_km=format_number(round(drive["max_km"])),
        comparison=claim_comparison(drive["min_hours"], drive["max_hours"])) + "\n\n"
        f"- {md_text(_(REPORTED_CLAIM))}\n- {md_text(_(NCA_CLAIM))}\n- " + _(
        "A July 2022 Tages-Anzeiger report put the Osnabrück farm “500 Kilometer” from the French "
        "beaches{note}.").format(note=osnabrueck_note(scene.routes)) + "\n\n" + _(
        "Routes are computed shortest paths on OpenStreetMap motorways, trunk and primary roads "
        "(© OpenStreetMap contributors, ODbL), not reported routes. Shortest here: {origin} → {destination} "
        "({roads}).").format(origin=md_text(place_name(drive["shortest"].origin)),
                             destination=md_text(place_name(drive["shortest"].destination)),
                             roads=md_text(drive["shortest"].refs_text)))
    route_tables(scene.routes, van_kmh)


def route_tables(routes, van_kmh: float) -> None:
    """The speeds assumed and every route, with its CSV."""
    st.markdown(_("**Speeds assumed** (the network has no speed limits; these are this app's assumptions):"))
    st.table(text_table(assumptions_table(van_kmh)))
    with st.expander(_("Every storage place to every launch area ({count} routes)").format(count=len(routes)),
                     expanded=True):
        st.caption(_("Regions: indicative, from the population-weighted centre of the Land's cities. A straight "
                     "access or egress leg over 20 km is flagged. Hours (low): every road at its limit; Hours "
                     "(high): typical van speeds."))
        st.table(text_table(routes_shown(routes, van_kmh)))
    st.download_button(_("Routes table (CSV)"), routes_csv(routes, van_kmh), "channel-routes-drives.csv",
                       "text/csv", key="routes_csv")


def corridors_section(scene) -> None:
    """The sea crossings: corridors, the shipping lanes they cross, and the reports not drawn."""
    st.subheader(_("Crossing corridors"))
    st.table(text_table([{_("From"): place_name(c.launch), _("To"): place_name(c.landing),
                          _("Sea km"): format_decimal(c.km), _("TSS lanes crossed"): lanes_text(c.lanes_crossed)}
                         for c in scene.corridors]))
    st.caption(_("Lanes are OpenStreetMap seamark centre lines of the Dover Strait traffic separation scheme."))
    if scene.unmapped is not None and not scene.unmapped.empty:
        with st.expander(_("{count} reports are not drawn, and why").format(count=len(scene.unmapped))):
            st.table(text_table(unmapped_shown(scene.unmapped)))


# A session's first visit draws the map first: everything below it waits until the map has drawn (the
# map then reruns the page once). Always there, so nothing below moves while it waits.
with st.container():
    if live_map.use_st_folium() or live_map.drawn_once("route_map"):
        story_figures(incidents, crossings)
        drive_section(scene)
        corridors_section(scene)
