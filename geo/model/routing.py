"""Drive routes on the shipped OpenStreetMap road network (networkx).

Each line of the network (:mod:`geo.data.road_network`) is one undirected edge
between its two end junctions, carrying its geodesic km. A place's centre is
rarely on a junction, so a route has an *access leg* (centre to the nearest
junction of the main component) and an *egress leg* (last junction to the launch
area centre), straight lines measured apart from the road part. Paths are the
shortest by distance and are made once; drive times come from the km each path
spends on each road class and country (:mod:`geo.model.drive_time`), so changing a
speed never re-routes.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
from pyproj import Transformer

from geo.measure import geodesic_km

_TO_LAEA = Transformer.from_crs("EPSG:4326", "EPSG:3035", always_xy=True)
ACCESS_FLAG_KM = 20.0  # a straight leg longer than this is flagged in tables and tooltips

Node = tuple[float, float]


@dataclass(frozen=True)
class RoadGraph:
    """The road graph, its lines, and the junctions a centre may snap to."""

    graph: nx.Graph  # edge attribute ``line``: index into ``lines``
    lines: list[tuple[list, str, str, str, float]]  # (coords, class, country, ref, km) per line
    nodes: list[Node]
    node_xy: np.ndarray  # EPSG:3035 metres, for nearest-node search

    def nearest(self, lon: float, lat: float) -> tuple[Node, float]:
        """The main-component junction nearest to a point, and the geodesic km to it."""
        x, y = _TO_LAEA.transform(lon, lat)
        index = int(np.argmin(np.hypot(self.node_xy[:, 0] - x, self.node_xy[:, 1] - y)))
        node = self.nodes[index]
        return node, geodesic_km(lon, lat, node[0], node[1])


def build_road_graph(lines: pd.DataFrame) -> RoadGraph:
    """One edge per line between its end points; of parallel lines the shorter is kept.

    >>> lines = pd.DataFrame({"road_class": ["motorway", "primary", "trunk"], "cc": ["DE", "DE", "NL"],
    ...     "ref": ["A1", "B2", ""], "km": [10.0, 14.0, 5.0],
    ...     "coords": [[(0, 0), (1, 0)], [(0, 0), (0.5, 0.5), (1, 0)], [(1, 0), (2, 0)]]})
    >>> g = build_road_graph(lines)
    >>> g.graph.number_of_edges(), nx.shortest_path_length(g.graph, (0.0, 0.0), (2.0, 0.0), "km")
    (2, 15.0)
    """
    coords, kms = lines["coords"].tolist(), lines["km"].astype(float).tolist()
    best: dict[tuple[Node, Node], tuple[float, int]] = {}
    for index, (line, km) in enumerate(zip(coords, kms)):
        a, b = sorted((tuple(line[0]), tuple(line[-1])))
        if a != b and ((a, b) not in best or km < best[(a, b)][0]):
            best[(a, b)] = (km, index)
    graph = nx.Graph()
    graph.add_edges_from((a, b, {"km": km, "line": index}) for (a, b), (km, index) in best.items())
    nodes = sorted(max(nx.connected_components(graph), key=len))
    lons, lats = zip(*nodes)
    node_xy = np.column_stack(_TO_LAEA.transform(np.array(lons), np.array(lats)))
    records = list(zip(coords, lines["road_class"].tolist(), lines["cc"].tolist(), lines["ref"].tolist(), kms))
    return RoadGraph(graph, records, nodes, node_xy)


@dataclass(frozen=True)
class Route:
    origin_id: str
    origin: str
    origin_kind: str
    destination_id: str
    destination: str
    access_km: float
    road_km: float
    egress_km: float
    road_path: list[Node]
    access_line: list[Node]
    egress_line: list[Node]
    roads: tuple[str, ...]
    km_by_road: tuple[tuple[str, str, float], ...]  # (class, country, km) along the path
    indicative: bool = False

    @property
    def total_km(self) -> float:
        return self.access_km + self.road_km + self.egress_km

    @property
    def long_access(self) -> bool:
        return max(self.access_km, self.egress_km) > ACCESS_FLAG_KM

    @property
    def refs_text(self) -> str:
        return " – ".join(self.roads)


def _oriented(coords: list, start: Node) -> list[Node]:
    return list(coords) if tuple(coords[0]) == start else list(reversed(coords))


def _same_road(ref: str, previous: str) -> bool:
    return bool(set(ref.split("/")) & set(previous.split("/")))


def main_refs(runs: list[tuple[str, str, float]], min_km: float = 5.0) -> tuple[str, ...]:
    """The motorway and trunk refs a driver follows, in order: runs shorter than
    ``min_km`` are left out, and ``A2/A67`` after ``A67`` is the same road.

    >>> main_refs([("B231", "primary", 9), ("A40", "motorway", 40), ("A2/A67", "motorway", 8),
    ...            ("A67", "motorway", 30), ("R10", "motorway", 2), ("E34", "motorway", 60)])
    ('A40', 'A2/A67', 'E34')
    """
    refs: list[str] = []
    for ref, road_class, km in runs:
        if ref and road_class in ("motorway", "trunk") and km >= min_km:
            if not refs or not _same_road(ref, refs[-1]):
                refs.append(ref)
    return tuple(refs)


def path_detail(road: RoadGraph, path: list[Node]) -> tuple[list[Node], tuple[str, ...], tuple]:
    """Polyline, main road refs in driving order, and km by road class and country."""
    polyline: list[Node] = [path[0]]
    runs: list[list] = []  # [ref, class, km] of consecutive lines with one ref
    by_road: dict[tuple[str, str], float] = {}
    edges = road.graph.edges
    for a, b in zip(path, path[1:]):
        coords, road_class, cc, ref, km = road.lines[edges[a, b]["line"]]
        polyline.extend(_oriented(coords, a)[1:])
        by_road[(road_class, cc)] = by_road.get((road_class, cc), 0.0) + km
        if runs and runs[-1][0] == ref:
            runs[-1][2] += km
        else:
            runs.append([ref, road_class, km])
    refs = main_refs([tuple(run) for run in runs])
    return polyline, refs, tuple((c, cc, km) for (c, cc), km in sorted(by_road.items()))


def route_start(origin) -> tuple[float, float]:
    """Where a route leaves a place: ``route_lon``/``route_lat`` when it has them (a region's
    population-weighted centre, a city's gazetteer point), otherwise the place's centre."""
    lon, lat = getattr(origin, "route_lon", None), getattr(origin, "route_lat", None)
    if lon is not None and lat is not None and lon == lon and lat == lat:
        return float(lon), float(lat)
    return float(origin.centre_lon), float(origin.centre_lat)


def _path_to(predecessors: dict[Node, list[Node]], end: Node) -> list[Node]:
    """The path from the search's source to ``end`` (only the targets' paths are made)."""
    path = [end]
    while predecessors[path[-1]]:
        path.append(predecessors[path[-1]][0])
    return path[::-1]


def routes_from(road: RoadGraph, origin, destinations) -> list[Route]:
    """Shortest routes from one place to each destination area centre."""
    lon, lat = route_start(origin)
    start, access_km = road.nearest(lon, lat)
    predecessors, lengths = nx.dijkstra_predecessor_and_distance(road.graph, start, weight="km")
    routes = []
    for dest in destinations.itertuples(index=False):
        end, egress_km = road.nearest(dest.centre_lon, dest.centre_lat)
        if end not in lengths:
            continue
        polyline, refs, by_road = path_detail(road, _path_to(predecessors, end))
        routes.append(Route(
            origin_id=origin.area_id, origin=origin.name, origin_kind=origin.kind,
            destination_id=dest.area_id, destination=dest.name, access_km=access_km,
            road_km=lengths[end], egress_km=egress_km, road_path=polyline,
            access_line=[(lon, lat), start], egress_line=[end, (dest.centre_lon, dest.centre_lat)],
            roads=refs, km_by_road=by_road, indicative=origin.kind == "storage_region"))
    return routes


def supply_routes(road: RoadGraph, origins, destinations) -> list[Route]:
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
