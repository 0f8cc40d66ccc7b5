"""Route map: the whole chain for the selected period, with its headline figures."""

import streamlit as st
from streamlit_folium import st_folium

import edge
from geo import stats
from geo.i18n import _, format_decimal, format_number, place_name
from geo.load import LAYERS as ROUTE_MAP_LAYERS
from geo.mapbuild import build_route_map
from geo.popups import md_text, text_table
from geo.records import doubt_summary
from geo.routing import VAN_SPEED_KMH
from geo.scene import routes_table, ruhr_to_coast

period = st.session_state.period
data = edge.datasets()
scene = edge.route_scene()
crossings, incidents = data.tables.get("crossings"), data.tables.get("incidents")

st.title(_("The Channel small-boat route · {period}").format(period=period.label))
edge.show_data_errors("crossings", "incidents", "areas", "coast_reports", "storage_reports", *ROUTE_MAP_LAYERS)

headline = stats.headline(crossings, incidents, period)
edge.show_figures(stats.figures(headline))
for sentence in stats.coverage_sentences(headline):
    st.caption(sentence)
for note in headline.crossings_notes + headline.incident_notes:
    st.caption(_("Note: {note}").format(note=note))

period_incidents = None if incidents is None else stats.incidents_in(incidents, period)
speed = st.session_state.get("speed", VAN_SPEED_KMH)
route_map = build_route_map(scene, period_incidents, speed_kmh=speed)
st_folium(route_map, height=680, use_container_width=True, returned_objects=[], key="route_map")
if doubt_summary(period_incidents):
    st.caption(md_text(doubt_summary(period_incidents)))
st.caption(_("Areas are approximate: storage places stay at region or city level, launch areas are "
             "stretches of coast around reported places, corridors are straight lines, not tracks. "
             "Open a shape for its sources. Zoom past level 9 for the detailed Dover Strait coast."))

st.subheader(_("How long is the drive?"))
speed = st.number_input(_("Average van speed (km/h)"), min_value=40.0, max_value=130.0, step=5.0,
                        value=VAN_SPEED_KMH, key="speed")
drive = ruhr_to_coast(scene.routes, speed)
if drive:
    st.metric(f"{place_name('Ruhr/Cologne area')} → {place_name('Dunkirk–Calais coast')}",
              f"{format_decimal(drive['min_hours'])}–{format_decimal(drive['max_hours'])} h",
              help=_("Range over Essen, Bochum, Cologne and the Düsseldorf region to the two launch areas."))
    st.markdown(_(
        "**{min_km}–{max_km} km** on the shipped motorway network at an "
        "assumed average of {speed} km/h. Shortest: {short_from} → "
        "{short_to}; longest: {long_from} → "
        "{long_to}. Public reporting says four or five hours (a claim, "
        "not found in an archived source; NCA quotes say 'a three-hour drive'). The Ruhr cities come "
        "out longer because the network is Natural Earth's zoom-5 motorways: it lacks most Ruhr "
        "motorways, so routes detour and start with a straight access leg. Cologne, on the E40, "
        "gives the figure closest to a real drive.").format(
        min_km=format_number(round(drive["min_km"])), max_km=format_number(round(drive["max_km"])),
        speed=format_number(speed) if speed == int(speed) else format_decimal(speed),
        short_from=md_text(place_name(drive["shortest"].origin)),
        short_to=md_text(place_name(drive["shortest"].destination)),
        long_from=md_text(place_name(drive["longest"].origin)),
        long_to=md_text(place_name(drive["longest"].destination))))
    with st.expander(_("Every storage place to every launch area")):
        drives = routes_table(scene.routes, speed)
        drives[["from", "to"]] = drives[["from", "to"]].map(place_name)
        st.dataframe(drives.rename(columns={
            "from": _("From"), "to": _("To"), "access_km": _("Access km"), "road_km": _("Road km"),
            "egress_km": _("To the coast, km"), "total_km": _("Total km"), "hours": _("Hours"),
            "motorways": _("Motorways")}), hide_index=True, width="stretch")
else:
    st.info(_("Drive times need the road network, storage and launch places; one of them did not load (see above)."))

st.subheader(_("Crossing corridors"))
st.table(text_table([{_("From"): place_name(c.launch), _("To"): place_name(c.landing), _("Sea km"): round(c.km, 1),
           _("TSS lanes crossed"): ", ".join(c.lanes_crossed) or _("none found")} for c in scene.corridors]))
st.caption(_("Lanes are OpenStreetMap seamark centre lines of the Dover Strait traffic separation scheme."))
if scene.unmapped is not None and not scene.unmapped.empty:
    with st.expander(_("{count} reports name no place that can be mapped").format(count=len(scene.unmapped))):
        st.table(text_table(scene.unmapped[["place", "country", "date", "publisher"]].reset_index(drop=True)))
