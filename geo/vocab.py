"""The shared vocabulary: layer keys and names, setting words, credits and map
extents. Every map, page, export and test takes them from here."""

from __future__ import annotations

# Layer keys (URLs, the CLI's --layers) and the names a reader sees in the layer control.
LAYER_KEYS = {"storage": "Storage places", "routes": "Supply routes", "launch": "Launch areas",
              "corridors": "Crossing corridors", "landing": "Landing points", "tss": "Shipping lanes (TSS)",
              "boundary": "UK-France boundary", "incidents": "Incidents"}
ALL_LAYERS = tuple(LAYER_KEYS)
LAYER_NAMES = tuple(LAYER_KEYS.values())

# derived_setting values (a keyword heuristic on IOM's location text, not IOM data) in words.
SETTING_WORDS = {"sea_or_shore": "At sea or on the shore", "land_or_inland": "On land or inland"}

PUBLISHERS = (
    "IOM Missing Migrants Project (minimum estimates)",
    "UK Home Office (OGL v3.0)",
    "© OpenStreetMap contributors (ODbL)",
    "GeoNames (CC BY 4.0)",
    "Natural Earth",
    "© GeoBasis-DE / BKG 2021 (Daten verändert), dl-de/by-2-0",
    "GSHHG (LGPL-3.0)",
    "France–UK 1988 treaty",
    "press and official reports as cited",
)
CREDITS = "Data: " + " · ".join(PUBLISHERS)

# [[south, west], [north, east]]: the whole chain (Germany to Kent), and the Channel coast.
CHAIN_BOUNDS = [[48.4, 0.4], [53.0, 10.6]]
CHANNEL_BOUNDS = [[49.8, 0.2], [51.6, 3.2]]
