"""The folium classes the maps use, rendered through :class:`~geo.maps.elements.ScriptElement`.

folium's own ``Map``, ``FeatureGroup``, ``LayerControl`` and ``FitBounds`` are
branca ``MacroElement`` s: their rendered code is compiled again as a jinja
template. Each subclass here keeps folium's template and behaviour but adds
the output as finished text, so no value they carry (options, names, bounds)
can ever reach a template compiler. Builders use these, never folium's.
"""

from __future__ import annotations

import folium
from folium.elements import ElementAddToElement
from folium.map import FitBounds

from geo.maps.elements import ScriptElement


class SafeMap(folium.Map, ScriptElement):
    """``folium.Map`` whose header, div and script are added as finished text."""


class SafeAddTo(ElementAddToElement, ScriptElement):
    """folium's ``ElementAddToElement`` (``layer.addTo(map)``) added as finished text."""


class SafeFeatureGroup(folium.FeatureGroup, ScriptElement):
    """``folium.FeatureGroup`` added as finished text.

    folium's ``Layer.render`` adds a plain ``ElementAddToElement`` when the
    layer is shown; this does the same with :class:`SafeAddTo`.
    """

    def render(self, **kwargs) -> None:
        if self.show:
            self.add_child(SafeAddTo(self.get_name(), self._parent.get_name()), name=self.get_name() + "_add")
        ScriptElement.render(self, **kwargs)


class SafeLayerControl(folium.LayerControl, ScriptElement):
    """``folium.LayerControl`` added as finished text."""


class SafeFitBounds(FitBounds, ScriptElement):
    """``folium.map.FitBounds`` added as finished text."""


def fit_bounds(m: folium.Map, bounds: list[list[float]], **options) -> None:
    """``Map.fit_bounds`` through :class:`SafeFitBounds`.

    >>> m = SafeMap(tiles=None)
    >>> fit_bounds(m, [[50.0, 1.0], [51.0, 2.0]])
    >>> [type(c).__name__ for c in m._children.values()]
    ['SafeFitBounds']
    """
    m.add_child(SafeFitBounds(bounds, **options))
