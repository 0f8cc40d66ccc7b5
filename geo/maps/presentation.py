"""Presentation mode: the route map with type sized for a projector, and month steps.

``geo`` never imports streamlit: the page reads state and calls these.
"""

from __future__ import annotations

import folium

from geo.maps.popups import esc
from geo.maps.route_map import build_route_map
from geo.model.period import Period, month_span
from geo.model.stats import Figure
from geo.paths import asset_text

PROJECTOR_CSS = asset_text("geo.maps", "projector.css")


def projector_map(scene, incidents, height: int = 760, live: bool = False) -> folium.Map:
    """The route map with larger type for a projector (``live``: see :func:`~geo.maps.route_map.build_route_map`).
    The larger type goes after the map's own CSS, which it overrides."""
    return build_route_map(scene, incidents, height=height, live=live, extra_css=PROJECTOR_CSS)


def step_month(period: Period, span: Period, step: int) -> str:
    """The month ``step`` months from the period's end, kept inside ``span``.

    >>> span = Period("2018-01", "2026-08")
    >>> step_month(Period("2024-09", "2024-09"), span, 1), step_month(Period("2024-01", "2024-12"), span, -1)
    ('2024-10', '2024-11')
    >>> step_month(Period("2026-08", "2026-08"), span, 1)
    '2026-08'
    """
    months = month_span(span.start, span.end)
    index = months.index(period.end) if period.end in months else len(months) - 1
    return months[max(0, min(len(months) - 1, index + step))]


def callouts_html(figures: list[Figure]) -> str:
    """Headline figures as large callouts (escaped HTML)."""
    boxes = "".join(f'<div class="cr-callout"><b>{esc(f.value)}</b><span>{esc(f.label)}</span>'
                    f"<small>{esc(f.source)}</small>"
                    + (f'<small class="cr-coverage">{esc(f.coverage)}</small>' if f.coverage else "")
                    + "</div>" for f in figures)
    return f'<div class="cr-callouts">{boxes}</div>'


CALLOUT_CSS = "<style>\n" + asset_text("geo.maps", "callouts.css") + "</style>\n"

KEYS_JS = "<script>\n" + asset_text("geo.maps", "present_keys.js") + "</script>\n"
