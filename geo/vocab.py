"""The shared vocabulary: layer keys and names, setting words, credits and map
extents. Every map, page, export and test takes them from here."""

from __future__ import annotations

from geo.i18n import N_, _

# Layer keys (URLs, the CLI's --layers) and the names a reader sees in the layer control.
# The names are English (folium's layer ids); a reader sees _(name).
LAYER_KEYS = {"storage": N_("Storage places"), "routes": N_("Supply routes"), "launch": N_("Launch areas"),
              "corridors": N_("Crossing corridors"), "landing": N_("Landing points"),
              "tss": N_("Shipping lanes (TSS)"), "boundary": N_("UK-France boundary"), "incidents": N_("Incidents")}
ALL_LAYERS = tuple(LAYER_KEYS)
LAYER_NAMES = tuple(LAYER_KEYS.values())

# derived_setting values (a keyword heuristic on IOM's location text, not IOM data) in words.
SETTING_WORDS = {"sea_or_shore": N_("At sea or on the shore"), "land_or_inland": N_("On land or inland")}

PUBLISHERS = (
    N_("IOM Missing Migrants Project (minimum estimates)"),
    N_("UK Home Office (OGL v3.0)"),
    N_("© OpenStreetMap contributors (ODbL)"),
    "GeoNames (CC BY 4.0)",
    "Natural Earth",
    "© GeoBasis-DE / BKG 2021 (Daten verändert), dl-de/by-2-0",
    "GSHHG (LGPL-3.0)",
    N_("France–UK 1988 treaty"),
    N_("press and official reports as cited"),
)
CREDITS = "Data: " + " · ".join(PUBLISHERS)  # English: file metadata and machine-readable credits


def credits() -> str:
    """:data:`CREDITS` in the reader's language."""
    return _("Data: {publishers}").format(publishers=" · ".join(_(p) for p in PUBLISHERS))


# [[south, west], [north, east]]: the whole chain (Germany to Kent), and the Channel coast.
CHAIN_BOUNDS = [[48.4, 0.4], [53.0, 10.6]]
CHANNEL_BOUNDS = [[49.8, 0.2], [51.6, 3.2]]
