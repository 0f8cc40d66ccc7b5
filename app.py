"""Channel Routes: the small-boat chain from storage in Germany to landings in Kent."""

import streamlit as st

import edge

st.set_page_config(page_title="Channel Routes", page_icon="🗺️", layout="wide")

pages = [
    st.Page("views/route_map.py", title="Route map", icon="🗺️", default=True),
    st.Page("views/incidents.py", title="Incidents", icon="📍", url_path="incidents"),
    st.Page("views/crossings.py", title="Crossings", icon="⛵", url_path="crossings"),
    st.Page("views/compare.py", title="Compare periods", icon="⚖️", url_path="compare"),
    st.Page("views/present.py", title="Presentation", icon="📽️", url_path="presentation"),
    st.Page("views/export.py", title="Export and embed", icon="📤", url_path="embed"),
]
navigation = st.navigation(pages)
with edge.errors_logged_not_shown():  # a visitor sees a message and an id, never a traceback
    st.session_state.period = edge.period_sidebar()
    with st.sidebar:
        st.caption("Data: IOM Missing Migrants Project (minimum estimates) · UK Home Office (OGL v3.0) "
                   "· © OpenStreetMap contributors · GeoNames · Natural Earth · reports as cited.")
    navigation.run()
