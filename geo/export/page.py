"""The explainer page's own files (see :mod:`geo.export.explainer`).

``geo/export/assets/explainer.css`` styles the page around the map and
``explainer.js`` is the page script: it reads its data from the
``<script type="application/json" id="cr-data">`` block and never fetches
anything.
"""

from __future__ import annotations

from geo.paths import asset_text


def page_css() -> str:
    """The page's stylesheet (``assets/explainer.css``)."""
    return asset_text("geo.export", "explainer.css")


def page_script(map_name: str, incidents_name: str | None, control_name: str | None) -> str:
    """The page script (``assets/explainer.js``) after one line naming the JS
    variables folium gave the map, its incidents group and its layer control
    (folium declares the layer control with ``let``, so the script cannot
    look it up on ``window``).

    >>> page_script("map_1", None, "layer_control_2").splitlines()[0]
    'var CR_MAP = map_1, CR_INC = null, CR_CTRL = layer_control_2;'
    """
    glue = f"var CR_MAP = {map_name}, CR_INC = {incidents_name or 'null'}, CR_CTRL = {control_name or 'null'};"
    return glue + "\n" + asset_text("geo.export", "explainer.js")
