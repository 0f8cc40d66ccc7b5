"""Export and embed: the explainer HTML, its iframe snippet, and pictures for slides."""

import streamlit as st

import edge
from geo.export.embed import iframe_snippet
from geo.maps.popups import md_text
from geo.vocab import LAYER_KEYS

FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
SIZES = {"slides": "Slides, 1920×1080 px", "print": "Print, A4 landscape at 300 dpi"}

period = st.session_state.period
st.title(f"Export and embed · {period.label}")
edge.show_data_errors("crossings", "incidents", "areas", "coast_reports", "storage_reports")
st.caption("Everything here uses the period in the sidebar. Each file names its period, layers and data "
           "versions inside it, and credits every publisher.")

chosen = st.multiselect("Layers", list(LAYER_KEYS), default=list(LAYER_KEYS), key="export_layers",
                        format_func=LAYER_KEYS.get)
layers = tuple(k for k in LAYER_KEYS if k in chosen)
title = st.text_input("Title", value="The Channel small-boat route", max_chars=120, key="export_title")
story = st.checkbox("Story mode (storage → road → beaches → crossing → incidents)", value=True,
                    key="export_story")
if not layers:
    st.warning("Pick at least one layer to export.")
    st.stop()
stem = f"channel-routes-{period.start}-{period.end}"

st.header("Explainer: one HTML file")
page = edge.explainer_html(period.start, period.end, layers, title, story)
size_kb = len(page.encode("utf-8")) / 1024
st.download_button("Download the explainer (HTML)", page, file_name=f"{stem}.html", mime="text/html",
                   key="download_html", icon="⬇️")
st.caption(f"{size_kb:,.0f} KB, Leaflet included (budget: 1 MB). It loads nothing from anywhere else, "
           "works offline, follows dark mode and fits a 320 px phone. It has a month slider with a play "
           "button and, if chosen, a story with next and previous buttons (arrow keys work too).")

st.subheader("Embed it in an article")
where = st.text_input("Where you will publish the file (its URL or path)", value=f"{stem}.html",
                      key="export_url")
try:
    snippet = iframe_snippet(where, title=f"Map: {title}, {period.label}")
except ValueError as error:
    st.error(md_text(error))
else:
    st.code(snippet, language="html")
    st.caption("Copy with the button at the top right of the box. The frame is sandboxed (scripts run, "
               "but cannot touch your page) and works from any origin.")

with st.expander("Preview the explainer"):
    st.iframe(page, height=900)

st.header("Picture for slides or print")
left, right = st.columns(2)
fmt = left.radio("Format", list(FORMATS), horizontal=True, key="export_format", format_func=str.upper)
size = right.radio("Size", list(SIZES), key="export_size", format_func=SIZES.get)
wanted = (period.start, period.end, layers, fmt, size)
if st.button("Draw the picture", key="draw_picture"):
    st.session_state.export_picture = wanted
if st.session_state.get("export_picture") == wanted:
    picture = edge.static_picture(*wanted)
    st.download_button(f"Download the picture ({fmt.upper()}, {len(picture) / 1024:,.0f} KB)", picture,
                       file_name=f"{stem}-{size}.{fmt}", mime=FORMATS[fmt], key="download_picture", icon="⬇️")
    if fmt == "png":
        st.image(picture, caption=f"{title} · {period.label}")

st.header("Same from the command line")
layer_arg = ",".join(layers) if len(layers) < len(LAYER_KEYS) else "all"
st.code(f"python -m geo export --from {period.start} --to {period.end} --layers {layer_arg} "
        f"--format html --out {stem}.html", language="sh")
