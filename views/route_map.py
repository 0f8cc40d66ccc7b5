"""Route map: the whole chain for the selected period, with its headline figures."""

import streamlit as st

import edge
import edge_map
from geo import stats
from geo.live_map import incident_payload
from geo.load import LAYERS as ROUTE_MAP_LAYERS
from geo.mapbuild import build_route_map
from geo.popups import md_text, text_table
from geo.routing import VAN_SPEED_KMH
from geo.scene import routes_table, ruhr_to_coast

period = st.session_state.period
data = edge.datasets()
scene = edge.route_scene()
crossings, incidents = data.tables.get("crossings"), data.tables.get("incidents")

st.title(f"The Channel small-boat route · {period.label}")
edge.show_data_errors("crossings", "incidents", "areas", "coast_reports", "storage_reports", *ROUTE_MAP_LAYERS)

figures_box = st.container()  # filled after the map, so the new incidents go out first

period_incidents = None if incidents is None else stats.incidents_in(incidents, period)
speed = st.session_state.get("speed", VAN_SPEED_KMH)
if edge_map.use_st_folium():
    edge_map.st_folium_map(build_route_map(scene, period_incidents, speed_kmh=speed), "route_map", 680)
else:
    edge_map.live_map(edge_map.route_map_document(speed), incident_payload(period_incidents, period),
                      key="route_map", height=680, title="Route map of the small-boat chain")
headline = stats.headline(crossings, incidents, period)
with figures_box:
    for column, figure in zip(st.columns(5), stats.figures(headline)):
        column.metric(figure.label, figure.value, help=figure.source)
        column.caption(figure.source)
    for note in headline.crossings_notes + headline.incident_notes:
        st.caption(f"Note: {note}")
st.caption("Areas are approximate: storage places stay at region or city level, launch areas are "
           "stretches of coast around reported places, corridors are straight lines, not tracks. "
           "Open a shape for its sources. Zoom past level 9 for the detailed Dover Strait coast.")

st.subheader("How long is the drive?")
speed = st.number_input("Average van speed (km/h)", min_value=40.0, max_value=130.0, step=5.0,
                        value=VAN_SPEED_KMH, key="speed")
drive = ruhr_to_coast(scene.routes, speed)
if drive:
    st.metric("Ruhr/Cologne area → Dunkirk–Calais coast",
              f"{drive['min_hours']:.1f}–{drive['max_hours']:.1f} h",
              help="Range over Essen, Bochum, Cologne and the Düsseldorf region to the two launch areas.")
    st.markdown(
        f"**{drive['min_km']:.0f}–{drive['max_km']:.0f} km** on the shipped motorway network at an "
        f"assumed average of {speed:g} km/h. Shortest: {md_text(drive['shortest'].origin)} → "
        f"{md_text(drive['shortest'].destination)}; longest: {md_text(drive['longest'].origin)} → "
        f"{md_text(drive['longest'].destination)}. Public reporting says four or five hours (a claim, "
        "not found in an archived source; NCA quotes say 'a three-hour drive'). The Ruhr cities come "
        "out longer because the network is Natural Earth's zoom-5 motorways: it lacks most Ruhr "
        "motorways, so routes detour and start with a straight access leg. Cologne, on the E40, "
        "gives the figure closest to a real drive.")
    with st.expander("Every storage place to every launch area"):
        st.dataframe(routes_table(scene.routes, speed), hide_index=True, width="stretch")
else:
    st.info("Drive times need the road network, storage and launch places; one of them did not load (see above).")

st.subheader("Crossing corridors")
st.table(text_table([{"From": c.launch, "To": c.landing, "Sea km": round(c.km, 1),
           "TSS lanes crossed": ", ".join(c.lanes_crossed) or "none found"} for c in scene.corridors]))
st.caption("Lanes are OpenStreetMap seamark centre lines of the Dover Strait traffic separation scheme.")
if scene.unmapped is not None and not scene.unmapped.empty:
    with st.expander(f"{len(scene.unmapped)} reports name no place that can be mapped"):
        st.table(text_table(scene.unmapped[["place", "country", "date", "publisher"]].reset_index(drop=True)))
