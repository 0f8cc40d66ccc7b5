"""The Dover Strait detail: a second Leaflet map inside the route map.

The route map shows the whole chain, Germany to Kent, at a scale where the
Strait is a few centimetres wide. :class:`StraitInset` adds a control in the
top-left corner holding a second map fitted to the Strait, drawing copies of
the route map's own layers (so popups, tooltips and the layer switches are the
same), and reserves its corner when the main map fits the chain: on a wide map
the chain sits to the right of the detail, on a tall one below it. A dashed
frame on the main map shows where the detail is. The legend starts folded,
the zoom buttons sit bottom right, and the layer list folds on narrow maps, so
no control covers the detail. Why an inset rather than a second map beside
it: docs/route-map.md.
"""

from __future__ import annotations

from geo.i18n import N_, _
from geo.maps.elements import DOTS_FROM, ScriptElement, script_macro, to_json
from geo.paths import asset_text

STRAIT_DETAIL_BOUNDS = [[50.15, 0.85], [51.2, 2.85]]
INSET_TITLE = N_("Dover Strait in detail")

INSET_CSS = asset_text("geo.maps", "inset.css")


class StraitInset(ScriptElement):
    """The Strait detail; add it to the map after every layer and control.

    ``groups`` are (JS name, layer name) of the feature groups to mirror
    (basemap first); the inset map exposes its copies as ``crLayers`` by
    layer name and follows the layer control. ``control`` is the layer
    control's JS name, ``chain`` the bounds the main map fits."""

    _template = script_macro("inset.js")

    def __init__(self, groups: list[tuple[str, str]], control: str, chain: list[list[float]],
                 detail_index: int | None = None):
        super().__init__()
        self._name = "StraitInset"
        self.control = control
        self.groups, self.layer_names = [g for g, _name in groups], [n for _group, n in groups]
        self.chain, self.strait = to_json(chain), to_json(STRAIT_DETAIL_BOUNDS)
        self.title = to_json(_(INSET_TITLE))
        self.detail_index = "null" if detail_index is None else int(detail_index)
        self.dots_from = DOTS_FROM

    @property
    def names(self) -> str:
        return to_json(self.layer_names)

    def keep_only(self, names: set[str]) -> None:
        """Mirror only the groups still on the map (an export may drop layers)."""
        detail = None if self.detail_index == "null" else self.groups[int(self.detail_index)]
        kept = [(g, n) for g, n in zip(self.groups, self.layer_names) if g in names]
        self.groups, self.layer_names = [g for g, _ in kept], [n for _, n in kept]
        self.detail_index = self.groups.index(detail) if detail in self.groups else "null"
