"""Routing, corridors and the scene built from the shipped data."""

import networkx as nx
import pytest

from geo import load, routing
from geo.corridors import lanes_crossed
from geo.measure import geodesic_line
from geo.scene import build_scene, ruhr_to_coast
from tests import builders


@pytest.fixture(scope="module")
def scene():
    return build_scene(load.load_all())


def test_graph_joins_pieces_with_connectors():
    graph = routing.build_road_graph(builders.road_line((6.0, 51.0), (5.0, 51.0)),
                                     builders.road_line((5.0, 51.0), (4.0, 51.0)))
    assert nx.is_connected(graph.graph)
    node, km = graph.nearest(4.0, 51.1)
    assert node == (4.0, 51.0) and km == pytest.approx(11.1, abs=0.2)


def test_every_german_storage_area_has_a_route_to_every_launch_area(scene):
    german = set(scene.storage.loc[scene.storage["country"] == "Germany", "area_id"])
    pairs = {(r.origin_id, r.destination_id) for r in scene.routes}
    assert len(german) >= 8
    assert pairs == {(o, d) for o in german for d in scene.launch["area_id"]}


def test_drawn_routes_go_to_the_french_coast(scene):
    french = set(scene.launch.loc[scene.launch["country"] == "France", "area_id"])
    assert scene.drawn_routes and {r.destination_id for r in scene.drawn_routes} <= french


def test_cologne_to_dunkirk_is_four_to_five_hours_at_the_documented_speed(scene):
    route = next(r for r in scene.routes if r.origin_id == "cologne" and r.destination_id == "dunkirk_gravelines")
    assert routing.VAN_SPEED_KMH == 80
    assert 4.0 <= route.hours() <= 5.0
    assert "E40" in route.roads
    assert route.access_km < 15


def test_ruhr_to_coast_range_is_reported_with_its_ends(scene):
    drive = ruhr_to_coast(scene.routes)
    assert drive["min_km"] < drive["max_km"]
    assert drive["shortest"].origin == "Cologne"
    assert drive["n_routes"] == 8


def test_corridors_cross_the_dover_strait_tss(scene):
    calais = next(c for c in scene.corridors if c.launch_id == "calais_wissant" and c.landing_id == "dover")
    assert 30 < calais.km < 45
    assert set(calais.lanes_crossed) == {"SW-bound", "NE-bound"}


def test_a_line_that_misses_the_lanes_crosses_none(scene):
    inland = geodesic_line((2.5, 50.0), (2.6, 50.1))
    assert lanes_crossed(inland, scene.tss) == ()


def test_storage_places_stay_at_region_or_city_level(scene):
    assert set(scene.storage["level"]) <= {"region level", "district level", "city level"}
    assert all(a.reports for a in scene.storage.itertuples())
