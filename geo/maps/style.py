"""Colours, legend, credits and CSS of the route map.

The palette is Okabe-Ito (safe for the common colour-vision deficiencies);
sizes are chosen to read on a projector.
"""

from __future__ import annotations

import math

from geo.i18n import N_, _
from geo.paths import asset_text

SEA = "#dce9f1"
LAND = "#f4f2ec"
LAND_EDGE = "#8f9aa4"

STORAGE = "#CC79A7"
RAID = "#7d3c68"
ROUTE = "#5b3a29"
LAUNCH = "#E69F00"
CORRIDOR = "#009E73"
LANDING = "#009E73"
TSS_LANE = "#6d7f93"
TSS_ZONE = "#c68ac6"
BOUNDARY = "#222222"
SETTING_COLOURS = {"sea_or_shore": "#0072B2", "land_or_inland": "#D55E00"}

BKG_URL = "https://www.bkg.bund.de"  # BKG asks that the notice link here on a web page


def incident_radius(dead_missing: int) -> float:
    """Circle radius in pixels, area proportional to dead + missing.

    >>> incident_radius(1), incident_radius(4), incident_radius(39)
    (5.0, 10.0, 31.2)
    """
    return round(5.0 * math.sqrt(max(dead_missing, 1)), 1)


# A published point that contradicts its own text or country (geo.data.location_check):
# dark dashed outline, paler fill. Kept, counted, and explained in its popup.
DOUBT_STYLE = {"color": "#1f2328", "weight": 2, "dashArray": "3 3", "fillOpacity": 0.35}
DOUBT_LEGEND_TEXT = N_("Location doubtful: published point contradicts its own text")


def doubt_legend() -> str:
    """The legend row of a doubtful location, in the reader's language."""
    return ("<li><i class=\"cr-sw cr-half\" style=\"border:2px dashed #1f2328;border-radius:50%\"></i>"
            f"{_(DOUBT_LEGEND_TEXT)}</li>")


def incident_style(dead_missing: int, setting: str, doubtful: bool = False) -> dict:
    """Leaflet circle options for an incident marker.

    >>> incident_style(4, "sea_or_shore", True)["dashArray"], incident_style(4, "x")["fillColor"]
    ('3 3', '#555555')
    """
    style = {"radius": incident_radius(dead_missing), "color": "#ffffff", "weight": 1.2,
             "fillColor": SETTING_COLOURS.get(setting, "#555555"), "fillOpacity": 0.85}
    return {**style, **DOUBT_STYLE} if doubtful else style


def _swatch(style: str) -> str:
    return f'<i class="cr-sw" style="{style}"></i>'


def legend_html(speed_kmh: float) -> str:
    """The legend as static HTML (no data text), collapsible on small screens."""
    dot = "border-radius:50%"
    sea, land = SETTING_COLOURS["sea_or_shore"], SETTING_COLOURS["land_or_inland"]
    rows = [
        (_swatch(f"background:{STORAGE}80;border:2px solid {STORAGE}"),
         _("Boats stored or seized: outline of the Land, district or city the source names")),
        (_swatch(f"border:2px dashed {RAID}"), _("Only arrests, raids or a purchase offer reported")),
        (_swatch(f"border-top:4px solid {ROUTE};height:0"),
         _("Computed drive route (van top speed {speed} km/h); dashed: off-network leg").format(
             speed=f"{speed_kmh:g}")),
        (_swatch(f"border-top:3px solid {ROUTE};opacity:.4;height:0"), _("Indicative route from a region")),
        (_swatch(f"background:{LAUNCH};opacity:.7"), _("Launch area (reported)")),
        (_swatch(f"border-top:3px dashed {CORRIDOR};height:0"), _("Crossing corridor (straight line)")),
        (_swatch(f"background:{LANDING};{dot}"), _("Landing point in Kent")),
        (_swatch(f"border-top:2px solid {TSS_LANE};height:0"), _("Shipping lanes and zones (TSS)")),
        (_swatch(f"border-top:2px dashed {BOUNDARY};height:0"), _("UK–France boundary (1988)")),
        (f'<i class="cr-sw cr-half" style="background:linear-gradient(90deg,{sea} 50%,{land} 50%);{dot}"></i>',
         _("Dead or missing: at sea or shore / on land")),
    ]
    items = ("".join(f"<li>{swatch}{text}</li>" for swatch, text in rows)
             + doubt_legend())
    return ("<details><summary><b>" + _("Legend") + "</b></summary><ul>" + items + "</ul><small>"
            + _("Circle area ∝ dead + missing (IOM minimum estimates).") + "<br>"
            + _("Sea or land: a keyword heuristic, not IOM data.") + "</small></details>")


MAP_CSS = asset_text("geo.maps", "map.css")
