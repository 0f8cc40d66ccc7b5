"""Drive routes on the shipped motorway network (networkx).

The network is Natural Earth's motorways as generalised for zoom 5 plus the
synthetic connectors (< 1 km) that join its pieces. A city or region centre is
rarely on it, so each route has an *access leg* (centre to nearest road node)
and an *egress leg* (last road node to the launch area), both straight lines,
measured and drawn apart from the road part.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import networkx as nx
import numpy as np
from pyproj import Transformer
from shapely.geometry import LineString, MultiLineString

from geo.measure import geodesic_km

# Assumed average speed of a loaded van over the whole trip, including slower
# sections and the access legs. Documented in the README; not a sourced figure.
VAN_SPEED_KMH = 80.0
_TO_LAEA = Transformer.from_crs("EPSG:4326", "EPSG:3035", always_xy=True)

Node = tuple[float, float]


@dataclass(frozen=True)
class RoadGraph:
    """The road graph and the nodes that a centre may snap to."""

    graph: nx.Graph
    nodes: list[Node]
    node_xy: np.ndarray  # EPSG:3035 metres, for nearest-node search

    def nearest(self, lon: float, lat: float) -> tuple[Node, float]:
        """The road node nearest to a point, and the geodesic km to it."""
        x, y = _TO_LAEA.transform(lon, lat)
        index = int(np.argmin(np.hypot(self.node_xy[:, 0] - x, self.node_xy[:, 1] - y)))
        node = self.nodes[index]
        return node, geodesic_km(lon, lat, node[0], node[1])


def _lines(geometry) -> list[LineString]:
    if isinstance(geometry, MultiLineString):
        return list(geometry.geoms)
    return [geometry] if isinstance(geometry, LineString) else []


def build_road_graph(roads: gpd.GeoDataFrame, connectors: gpd.GeoDataFrame) -> RoadGraph:
    """Graph whose nodes are road vertices and whose edges carry geodesic km.

    >>> from shapely.geometry import LineString
    >>> roads = gpd.GeoDataFrame(geometry=[LineString([(1, 50), (2, 50)])], crs="EPSG:4326")
    >>> joins = gpd.GeoDataFrame(geometry=[LineString([(2, 50), (2, 50.5)])], crs="EPSG:4326")
    >>> g = build_road_graph(roads, joins)
    >>> g.graph.number_of_nodes(), round(nx.shortest_path_length(g.graph, (1.0, 50.0), (2.0, 50.5), "km"))
    (3, 127)
    """
    graph = nx.Graph()
    for source, frame in (("road", roads), ("connector", connectors)):
        for geometry, ref in zip(frame.geometry, frame.get("e_road", [None] * len(frame))):
            for line in _lines(geometry):
                coords = [(round(x, 5), round(y, 5)) for x, y in line.coords]
                for a, b in zip(coords, coords[1:]):
                    if a != b:
                        graph.add_edge(a, b, km=geodesic_km(*a, *b), kind=source, ref=ref)
    # Snap only to the largest piece: the one that reaches the French coast.
    nodes = sorted(max(nx.connected_components(graph), key=len))
    lons, lats = zip(*nodes)
    node_xy = np.column_stack(_TO_LAEA.transform(np.array(lons), np.array(lats)))
    return RoadGraph(graph, nodes, node_xy)


@dataclass(frozen=True)
class Route:
    origin_id: str
    origin: str
    destination_id: str
    destination: str
    access_km: float
    road_km: float
    egress_km: float
    road_path: list[Node]
    access_line: list[Node]
    egress_line: list[Node]
    roads: tuple[str, ...]

    @property
    def total_km(self) -> float:
        return self.access_km + self.road_km + self.egress_km

    def hours(self, speed_kmh: float = VAN_SPEED_KMH) -> float:
        return self.total_km / speed_kmh


def _road_refs(graph: nx.Graph, path: list[Node]) -> tuple[str, ...]:
    refs: list[str] = []
    for a, b in zip(path, path[1:]):
        ref = graph.edges[a, b].get("ref")
        if isinstance(ref, str) and ref and (not refs or refs[-1] != ref):
            refs.append(ref)
    return tuple(refs)


def routes_from(road: RoadGraph, origin, destinations: gpd.GeoDataFrame) -> list[Route]:
    """Shortest routes from one area centre to each destination area centre."""
    start, access_km = road.nearest(origin.centre_lon, origin.centre_lat)
    lengths, paths = nx.single_source_dijkstra(road.graph, start, weight="km")
    routes = []
    for dest in destinations.itertuples(index=False):
        end, egress_km = road.nearest(dest.centre_lon, dest.centre_lat)
        if end not in lengths:
            continue
        routes.append(Route(
            origin_id=origin.area_id, origin=origin.name, destination_id=dest.area_id,
            destination=dest.name, access_km=access_km, road_km=lengths[end], egress_km=egress_km,
            road_path=paths[end], access_line=[(origin.centre_lon, origin.centre_lat), start],
            egress_line=[end, (dest.centre_lon, dest.centre_lat)],
            roads=_road_refs(road.graph, paths[end])))
    return routes


def supply_routes(road: RoadGraph, origins: gpd.GeoDataFrame,
                  destinations: gpd.GeoDataFrame) -> list[Route]:
    """Every origin to every destination, for tables and the drive-time figure."""
    return [route for origin in origins.itertuples(index=False)
            for route in routes_from(road, origin, destinations)]


def nearest_routes(routes: list[Route]) -> list[Route]:
    """For each origin, the route to its nearest destination by distance."""
    best: dict[str, Route] = {}
    for route in routes:
        if route.origin_id not in best or route.total_km < best[route.origin_id].total_km:
            best[route.origin_id] = route
    return list(best.values())
