"""Benchmarks for the route map: ``python -m bench`` (or ``make bench``).

Measures period changes on the server, page weight, browser time-to-map and
scaling to synthetic incident sets, each against the usual way of drawing the
same layers (``GeoDataFrame.explore()`` and folium with one marker per
incident) run in the same process, and prints ours / baseline ratios.
"""
