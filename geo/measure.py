"""Measurement on the WGS84 ellipsoid with ``pyproj.Geod``.

Everything is stored in EPSG:4326 (lon, lat). Metric buffers go through a
named projected CRS, UTM zone 31N (EPSG:32631), which covers the Dover Strait.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import LineString, MultiPoint, Point
from shapely.geometry.base import BaseGeometry

WGS84 = Geod(ellps="WGS84")
STORAGE_CRS = "EPSG:4326"
METRIC_CRS = "EPSG:32631"
_TO_METRIC = Transformer.from_crs(STORAGE_CRS, METRIC_CRS, always_xy=True)
_TO_STORAGE = Transformer.from_crs(METRIC_CRS, STORAGE_CRS, always_xy=True)


def geodesic_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Geodesic distance in km between two lon/lat points.

    Examples
    --------
    Cap Gris-Nez to South Foreland, the narrowest point of the strait:

    >>> round(geodesic_km(1.5823, 50.8721, 1.3714, 51.1411))
    33
    """
    _, _, metres = WGS84.inv(lon1, lat1, lon2, lat2)
    return metres / 1000.0


def line_length_km(coords: Sequence[tuple[float, float]]) -> float:
    """Geodesic length in km of a lon/lat polyline.

    >>> round(line_length_km([(1.0, 51.0), (2.0, 51.0), (2.0, 51.0)]), 1)
    70.2
    """
    if len(coords) < 2:
        return 0.0
    lons, lats = zip(*coords)
    return WGS84.line_length(lons, lats) / 1000.0


def geodesic_line(start: tuple[float, float], end: tuple[float, float], points: int = 16) -> LineString:
    """The geodesic from ``start`` to ``end`` (lon, lat) as a LineString.

    >>> len(geodesic_line((1.8, 50.95), (1.31, 51.12), points=5).coords)
    7
    """
    middle = WGS84.npts(start[0], start[1], end[0], end[1], points)
    return LineString([start, *middle, end])


def to_metric(geometry: BaseGeometry) -> BaseGeometry:
    """Reproject a lon/lat geometry to EPSG:32631 metres."""
    return _reproject(geometry, _TO_METRIC)


def to_storage(geometry: BaseGeometry) -> BaseGeometry:
    """Reproject an EPSG:32631 geometry back to lon/lat."""
    return _reproject(geometry, _TO_STORAGE)


def _reproject(geometry: BaseGeometry, transformer: Transformer) -> BaseGeometry:
    return shapely.transform(
        geometry, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


def area_around(points: Sequence[tuple[float, float]], radius_km: float) -> BaseGeometry:
    """The area within ``radius_km`` of the hull of ``points`` (lon, lat).

    One point gives a circle; several give a rounded stretch of coast.

    >>> circle = area_around([(1.6, 50.8)], 3.0)
    >>> round(shapely.area(to_metric(circle)) / 1e6)
    28
    """
    if not points:
        raise ValueError(f"Expected at least one (lon, lat) point, instead got: {points!r}")
    hull = MultiPoint([Point(p) for p in points]).convex_hull
    return to_storage(to_metric(hull).buffer(radius_km * 1000.0, quad_segs=16))
