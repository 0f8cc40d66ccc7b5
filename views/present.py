"""Presentation mode: full-width map, large type, headline callouts; arrow keys step months.

Open it from a link: ``/presentation?month=2024-09``.
"""

import streamlit as st

from geo.i18n import _, current_language
from geo.maps import presentation
from geo.maps.live_map import cached_incident_table
from geo.model import stats
from ui import cache, live_map, widgets

period = st.session_state.period
span, _default = cache.data_span()
data = cache.datasets()
crossings, incidents = data.tables.get("crossings"), data.tables.get("incidents")


def go(step: int) -> None:
    month = presentation.step_month(st.session_state.period, span, step)
    st.session_state.period_mode = "One month"
    st.session_state.period_month = month


st.markdown(presentation.CALLOUT_CSS, unsafe_allow_html=True)
back, title, forward = st.columns([1, 6, 1], vertical_alignment="center")
back.button("◀ " + _("Previous month"), on_click=go, args=(-1,), key="present_prev",
            disabled=period.end <= span.start, width="stretch")
title.markdown(f"# {period.label}")
forward.button(_("Next month") + " ▶", on_click=go, args=(1,), key="present_next",
               disabled=period.end >= span.end, width="stretch")
widgets.show_data_errors("crossings", "incidents")
headline = stats.headline(crossings, incidents, period)
st.markdown(presentation.callouts_html(stats.figures(headline)), unsafe_allow_html=True)
for sentence in stats.coverage_sentences(headline):
    st.caption(sentence)
if live_map.use_st_folium():
    period_incidents = None if incidents is None else stats.incidents_in(incidents, period)
    live_map.st_folium_map(presentation.projector_map(cache.route_scene(), period_incidents), "present_map", 760)
else:  # a step to the next month redraws the incidents in place: no flash on the projector, the view stays
    live_map.live_map(cache.presentation_map_document(current_language()), cached_incident_table(incidents), period,
                      key="present_map", height=760, title=_("Route map of the small-boat chain"))
for note in headline.crossings_notes + headline.incident_notes:
    st.caption(_("Note: {note}").format(note=note))
st.caption(_("← and → step through the months (click outside the map first). Link to this view: "
             "`{link}`.").format(link=f"/presentation?month={period.end}"))
st.iframe(presentation.KEYS_JS, height=1)
