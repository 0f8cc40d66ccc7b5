"""Crossing corridors over the Dover Strait and the shipping lanes they cross.

A corridor is the geodesic between a launch-area centre and a landing-area
centre: a way to show distance and exposure to traffic, not a boat's track.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
from shapely.geometry import LineString, box

from geo.i18n import _, current_language
from geo.measure import geodesic_km, geodesic_line

# The Dover Strait and its approaches (lon/lat): the TSS shown on the map.
STRAIT_WINDOW = box(0.3, 50.1, 2.8, 51.6)
LANE = "separation_lane"


def strait_tss(tss: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The traffic separation scheme features inside the strait window.

    >>> from shapely.geometry import LineString
    >>> tss = gpd.GeoDataFrame({"seamark_type": ["separation_lane", "separation_lane"]},
    ...     geometry=[LineString([(1.4, 50.9), (1.6, 51.0)]), LineString([(5, 53), (5.1, 53)])],
    ...     crs="EPSG:4326")
    >>> len(strait_tss(tss))
    1
    """
    return tss[tss.intersects(STRAIT_WINDOW)].reset_index(drop=True)


@dataclass(frozen=True)
class Corridor:
    launch_id: str
    launch: str
    landing_id: str
    landing: str
    km: float
    line: LineString
    lanes_crossed: tuple[str, ...]

    @property
    def n_lanes(self) -> int:
        return len(self.lanes_crossed)


COMPASS = {"fr": str.maketrans("W", "O"), "de": str.maketrans("E", "O")}  # SO (sud-ouest), NO (Nordost)


def compass(direction: str) -> str:
    """A compass direction in the reader's letters (``SW`` is ``SO`` in French, ``NE`` is ``NO`` in German)."""
    return direction.translate(COMPASS.get(current_language(), {}))


def lanes_text(lanes: tuple[str, ...]) -> str:
    """The lanes crossed as the reader says them (the labels stay English in the data).

    >>> from geo.i18n import use_language
    >>> with use_language("de"):
    ...     lanes_text(("ENE-bound", "SW-bound")), lanes_text(())
    ('Richtung ONO, Richtung SW', 'keine gefunden')
    >>> with use_language("fr"):
    ...     lanes_text(("NE-bound", "SW-bound"))
    'direction NE, direction SO'
    """
    words = []
    for label in lanes:
        if label.endswith("-bound"):
            flow = compass(label.removesuffix("-bound"))
            words.append(_("{flow}-bound").format(flow=flow))
        else:
            words.append(_("lane"))
    return ", ".join(words) or _("none found")


def lanes_crossed(line: LineString, tss: gpd.GeoDataFrame) -> tuple[str, ...]:
    """Flow directions of the separation lanes that a line crosses, west to east order kept.

    >>> from shapely.geometry import LineString
    >>> tss = gpd.GeoDataFrame({"seamark_type": ["separation_lane"], "tss_flow_cardinal": ["NE"]},
    ...     geometry=[LineString([(1.0, 50.9), (2.0, 51.2)])], crs="EPSG:4326")
    >>> lanes_crossed(LineString([(1.5, 50.8), (1.4, 51.2)]), tss)
    ('NE-bound',)
    """
    lanes = tss[(tss["seamark_type"] == LANE) & tss.intersects(line)]
    flows = []
    for flow in lanes.get("tss_flow_cardinal", []):
        label = f"{flow}-bound" if isinstance(flow, str) and flow else "lane"
        if label not in flows:
            flows.append(label)
    return tuple(flows)


def _pairs(launch: gpd.GeoDataFrame, landing: gpd.GeoDataFrame, hub: str) -> list[tuple]:
    pairs = []
    for area in launch.itertuples(index=False):
        by_distance = sorted(landing.itertuples(index=False), key=lambda p: geodesic_km(
            area.centre_lon, area.centre_lat, p.centre_lon, p.centre_lat))
        chosen = [by_distance[0]] + [p for p in by_distance[1:] if p.area_id == hub]
        pairs.extend((area, point) for point in chosen)
    return pairs


def crossing_corridors(launch: gpd.GeoDataFrame, landing: gpd.GeoDataFrame,
                       tss: gpd.GeoDataFrame, hub: str = "dover") -> list[Corridor]:
    """Each launch area to its nearest landing place, and to Dover, where Border
    Force brings most intercepted boats."""
    corridors = []
    for area, point in _pairs(launch, landing, hub):
        start, end = (area.centre_lon, area.centre_lat), (point.centre_lon, point.centre_lat)
        line = geodesic_line(start, end)
        corridors.append(Corridor(
            launch_id=area.area_id, launch=area.name, landing_id=point.area_id, landing=point.name,
            km=geodesic_km(*start, *end), line=line, lanes_crossed=lanes_crossed(line, tss)))
    return corridors
