"""The explainer page's own files (see :mod:`geo.export.explainer`) and the one way its skeleton is filled.

``geo/export/assets/`` holds ``explainer.html``, the page skeleton;
``explainer.css``, the style of the page around the map; and
``explainer.js``, the page script, which reads its data from the
``<script type="application/json" id="cr-data">`` block and never fetches
anything.

The skeleton marks each place that takes text with a slot, ``@@name@@``.
:func:`fill` replaces every slot in one pass with text the caller has already
made safe for where the slot sits (:func:`geo.maps.popups.esc` for text and
attributes, :func:`geo.maps.elements.to_json` for JSON blocks). Nothing is
compiled and a value is never searched for slots, so ``{{ 7*7 }}``, ``${x}``
or another slot's marker in a value stays as typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from geo.paths import asset_text

SLOT = re.compile(r"@@([a-z_]+)@@")


def skeleton() -> str:
    """The page skeleton (``assets/explainer.html``)."""
    return asset_text("geo.export", "explainer.html")


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


def fill(template: str, slots: Mapping[str, str]) -> str:
    """``template`` with each ``@@name@@`` replaced by ``slots[name]``, as it is.

    Every slot needs a text value and every value a slot; a value is inserted
    once and never read again, so markers inside it stay literal.

    >>> fill("<h1>@@title@@</h1><p>@@text@@</p>", {"title": "@@text@@", "text": "{{ 7*7 }}"})
    '<h1>@@text@@</h1><p>{{ 7*7 }}</p>'
    >>> fill("<h1>@@title@@</h1>", {})
    Traceback (most recent call last):
    ...
    ValueError: Expected a value for every slot of the page, instead got none for: 'title'
    """
    if stray := re.search(r"@@\S{0,40}", SLOT.sub("", template)):
        raise ValueError(f"Expected slots written @@name@@ (a-z and _), instead got: {stray.group()!r}")
    wanted = set(SLOT.findall(template))
    if missing := sorted(wanted - slots.keys()):
        raise ValueError(f"Expected a value for every slot of the page, instead got none for: {_quoted(missing)}")
    if unknown := sorted(slots.keys() - wanted):
        raise ValueError(f"Expected values only for slots the page has, instead got: {_quoted(unknown)}")
    if not_text := sorted(name for name, value in slots.items() if not isinstance(value, str)):
        raise ValueError(f"Expected text for every slot, instead got other values for: {_quoted(not_text)}")
    return SLOT.sub(lambda match: slots[match.group(1)], template)


def _quoted(names: list[str]) -> str:
    return ", ".join(repr(name) for name in names)
