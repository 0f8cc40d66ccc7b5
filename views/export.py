"""Export and embed: the explainer HTML, its iframe snippet, and pictures for slides."""

import streamlit as st

from geo.export.embed import iframe_snippet
from geo.i18n import N_, _, current_language, format_number
from geo.maps.popups import md_text
from geo.vocab import LAYER_KEYS
from ui import cache, widgets

FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
SIZES = {"slides": N_("Slides, 1920×1080 px"), "print": N_("Print, A4 landscape at 300 dpi")}
lang = current_language()

period = st.session_state.period
st.title(_("Export and embed · {period}").format(period=period.label))
widgets.show_data_errors("crossings", "incidents", "areas", "coast_reports", "storage_reports")
st.caption(_("Everything here uses the period in the sidebar. Each file names its period, layers and data "
             "versions inside it, and credits every publisher. Files are written in the language chosen in "
             "the sidebar."))

chosen = st.multiselect(_("Layers"), list(LAYER_KEYS), default=list(LAYER_KEYS), key="export_layers",
                        format_func=lambda key: _(LAYER_KEYS[key]))
layers = tuple(k for k in LAYER_KEYS if k in chosen)
title = st.text_input(_("Title"), value=_("The Channel small-boat route"), max_chars=120, key=f"export_title_{lang}")
story = st.checkbox(_("Story mode (storage → road → beaches → crossing → incidents)"), value=True,
                    key="export_story")
if not layers:
    st.warning(_("Pick at least one layer to export."))
    st.stop()
stem = f"channel-routes-{period.start}-{period.end}"

st.header(_("Explainer: one HTML file"))
page = cache.explainer_html(period.start, period.end, layers, title, story, lang)
size_kb = len(page.encode("utf-8")) / 1024
st.download_button(_("Download the explainer (HTML)"), page, file_name=f"{stem}.html", mime="text/html",
                   key="download_html", icon="⬇️")
st.caption(_("{size} KB, Leaflet included (budget: 1 MB). It loads nothing from anywhere else, "
             "works offline, follows dark mode and fits a 320 px phone. It has a month slider with a play "
             "button and, if chosen, a story with next and previous buttons (arrow keys work too).").format(
    size=format_number(round(size_kb))))

st.subheader(_("Embed it in an article"))
where = st.text_input(_("Where you will publish the file (its URL or path)"), value=f"{stem}.html",
                      key="export_url")
try:
    snippet = iframe_snippet(where, title=_("Map: {title}, {period}").format(title=title, period=period.label))
except ValueError as error:
    st.error(md_text(error))
else:
    st.code(snippet, language="html")
    st.caption(_("Copy with the button at the top right of the box. The frame is sandboxed (scripts run, "
                 "but cannot touch your page) and works from any origin."))

with st.expander(_("Preview the explainer")):
    st.iframe(page, height=900)

st.header(_("Picture for slides or print"))
left, right = st.columns(2)
fmt = left.radio(_("Format"), list(FORMATS), horizontal=True, key="export_format", format_func=str.upper)
size = right.radio(_("Size"), list(SIZES), key="export_size", format_func=lambda key: _(SIZES[key]))
wanted = (period.start, period.end, layers, fmt, size, lang)
if st.button(_("Draw the picture"), key="draw_picture"):
    st.session_state.export_picture = wanted
if st.session_state.get("export_picture") == wanted:
    picture = cache.static_picture(*wanted)
    st.download_button(_("Download the picture ({format}, {size} KB)").format(
        format=fmt.upper(), size=format_number(round(len(picture) / 1024))), picture,
                       file_name=f"{stem}-{size}.{fmt}", mime=FORMATS[fmt], key="download_picture", icon="⬇️")
    if fmt == "png":
        st.image(picture, caption=f"{title} · {period.label}")

st.header(_("Same from the command line"))
layer_arg = ",".join(layers) if len(layers) < len(LAYER_KEYS) else "all"
st.code(f"python -m geo export --from {period.start} --to {period.end} --layers {layer_arg} "
        f"--format html --lang {lang} --out {stem}.html", language="sh")
