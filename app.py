"""Channel Routes: the small-boat chain from storage in Germany to landings in Kent."""

import streamlit as st

from geo import vocab
from geo.i18n import _
from ui import widgets

st.set_page_config(page_title="Channel Routes", page_icon="🗺️", layout="wide")
widgets.language_sidebar()  # before any text: page titles, the sidebar and every page use it

pages = [
    st.Page("views/route_map.py", title=_("Route map"), icon=":material/map:", default=True),
    st.Page("views/incidents.py", title=_("Incidents"), icon=":material/place:", url_path="incidents"),
    st.Page("views/crossings.py", title=_("Crossings"), icon=":material/sailing:", url_path="crossings"),
    st.Page("views/compare.py", title=_("Compare periods"), icon=":material/compare_arrows:", url_path="compare"),
    st.Page("views/present.py", title=_("Presentation"), icon=":material/slideshow:", url_path="presentation"),
    st.Page("views/export.py", title=_("Export and embed"), icon=":material/ios_share:", url_path="embed"),
]
navigation = st.navigation(pages)
with widgets.errors_logged_not_shown():  # a visitor sees a message and an id, never a traceback
    st.session_state.period = widgets.period_sidebar()
    with st.sidebar:
        st.caption(vocab.credits())
    navigation.run()
