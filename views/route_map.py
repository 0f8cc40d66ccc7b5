"""Route map: the whole chain for the selected period, with its headline figures."""

import streamlit as st
from streamlit_folium import st_folium

import edge
from geo import seed_charts, seed_figures, stats
from geo.export_meta import as_of
from geo.load import LAYERS as ROUTE_MAP_LAYERS
from geo.mapbuild import build_route_map
from geo.popups import md_text, text_table
from geo.routing import VAN_SPEED_KMH
from geo.scene import routes_table, ruhr_to_coast


def story_figures(incidents, crossings, daily) -> None:
    """The story's claims, each checkable against a chart with its source and date."""
    st.subheader("The story in figures")
    dates = as_of(crossings, incidents)
    left, right = st.columns(2)
    if incidents is not None:
        table = seed_figures.yearly_dead_missing(incidents)
        left.altair_chart(seed_charts.dead_missing_by_year(table, "Dead and missing per year"), width="stretch")
        left.caption(f"{md_text(seed_figures.deadliest_sentence(table))} Source: IOM Missing Migrants Project, "
                     f"minimum estimates, copy {md_text(dates.get('IOM Missing Migrants Project', ''))}. "
                     "Pale bars marked *: incomplete years (hover for why), not low counts.")
    if crossings is not None:
        yearly = seed_figures.people_per_boat_by_year(crossings)
        right.altair_chart(seed_charts.people_per_boat_by_year(yearly, "People per boat, by year"), width="stretch")
        right.caption("Source: UK Home Office, official IER_02a monthly figures "
                      f"({md_text(dates.get('Home Office official monthly', ''))}), provisional daily sums after "
                      "them. Pale bar marked *: a year not yet complete.")
    if daily is not None and crossings is not None:
        ytd = seed_figures.year_to_date_crossings(daily)
        st.altair_chart(seed_charts.crossings_year_to_date(ytd, "People crossed since 1 January, each year"),
                        width="stretch")
        st.caption(f"{md_text(seed_figures.year_to_date_sentence(ytd, yearly))} Source: UK Home Office daily "
                   f"small-boat arrivals (provisional, {md_text(dates.get('Home Office provisional daily', ''))}); "
                   "yearly totals from the official monthly figures.")


period = st.session_state.period
data = edge.datasets()
scene = edge.route_scene()
crossings, incidents = data.tables.get("crossings"), data.tables.get("incidents")

st.title(f"The Channel small-boat route · {period.label}")
edge.show_data_errors("crossings", "incidents", "areas", "coast_reports", "storage_reports", *ROUTE_MAP_LAYERS)

headline = stats.headline(crossings, incidents, period)
for column, figure in zip(st.columns(5), stats.figures(headline)):
    column.metric(figure.label, figure.value, help=figure.source)
    column.caption(figure.source)
if incidents is not None:
    sea, land, total = seed_figures.setting_split(stats.incidents_in(incidents, period))
    st.markdown(f"**Dead and missing, {md_text(period.label)}: {total:,}**: {sea:,} at sea or on the shore, "
                f"{land:,} on land or inland (IOM Missing Migrants Project, minimum estimates; where: a keyword "
                "heuristic on IOM's location text).")
for note in headline.crossings_notes + headline.incident_notes:
    st.caption(f"Note: {note}")

period_incidents = None if incidents is None else stats.incidents_in(incidents, period)
speed = st.session_state.get("speed", VAN_SPEED_KMH)
route_map = build_route_map(scene, period_incidents, speed_kmh=speed)
st_folium(route_map, height=680, use_container_width=True, returned_objects=[], key="route_map")
st.caption("Storage places are the outlines of the Land, district or city their sources name (filled: boats "
           "stored or seized; dashed: only arrests, raids or a purchase offer); launch areas are stretches of coast "
           "around reported places; corridors are straight lines, not tracks. The inset shows the Dover Strait in "
           "detail. Open a shape for its sources. German outlines © GeoBasis-DE / BKG 2021 (Daten verändert).")

story_figures(incidents, crossings, edge.crossings_extra()[0].get("daily"))

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
    with st.expander(f"{len(scene.unmapped)} reports are not drawn, and why"):
        st.table(text_table(scene.unmapped[["place", "country", "date", "publisher", "not_drawn"]]
                            .rename(columns={"not_drawn": "why not drawn"}).reset_index(drop=True)))
