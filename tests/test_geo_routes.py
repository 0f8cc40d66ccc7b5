"""Routing, corridors and the scene built from the shipped data."""

import pandas as pd
import pytest

from geo.data import load
from geo.export import route_table
from geo.measure import geodesic_km, geodesic_line
from geo.model import drive_time, routing
from geo.model.corridors import lanes_crossed
from geo.model.scene import build_scene, ruhr_to_coast
from tests import builders


@pytest.fixture(scope="module")
def scene():
    return build_scene(load.load_all())


def tiny_network() -> routing.RoadGraph:
    """Origin (6, 51) -A1 motorway DE-> (5, 51) <-A2 motorway NL, drawn backwards- (4, 51),
    plus a longer primary detour (6, 51) -> (5, 51.3) -> (4, 51)."""
    return routing.build_road_graph(builders.road_lines(
        ("motorway", "DE", "A1", [(6.0, 51.0), (5.5, 51.0), (5.0, 51.0)]),
        ("motorway", "NL", "A2", [(4.0, 51.0), (4.5, 51.0), (5.0, 51.0)]),
        ("primary", "DE", "B9", [(6.0, 51.0), (5.0, 51.3), (4.0, 51.0)])))


def test_route_on_a_tiny_network_follows_lines_in_driving_order():
    (route,) = routing.routes_from(tiny_network(), next(builders.place("o", 6.0, 51.05).itertuples()),
                                   builders.place("coast", 3.98, 51.0, kind="launch"))
    assert route.road_path == [(6.0, 51.0), (5.5, 51.0), (5.0, 51.0), (4.5, 51.0), (4.0, 51.0)]
    assert route.roads == ("A1", "A2") and route.refs_text == "A1 – A2"
    assert [(c, cc) for c, cc, _ in route.km_by_road] == [("motorway", "DE"), ("motorway", "NL")]
    assert route.road_km == pytest.approx(140.3, abs=0.2)
    assert route.access_km == pytest.approx(5.6, abs=0.1) and not route.long_access and not route.indicative


def test_hours_are_a_range_and_a_slower_van_changes_times_not_paths():
    (route,) = routing.routes_from(tiny_network(), next(builders.place("o", 6.0, 51.0).itertuples()),
                                   builders.place("coast", 4.0, 51.0, kind="launch"))
    fast, slow = drive_time.hours_range(route)
    # 70.2 km of Autobahn at 130 / 110, 70.2 km of Dutch motorway at 100 / 95
    assert fast == pytest.approx(70.15 / 130 + 70.15 / 100, rel=0.01)
    assert slow == pytest.approx(70.15 / 110 + 70.15 / 95, rel=0.01)
    capped = drive_time.hours_range(route, van_kmh=80)
    assert capped[0] == pytest.approx(140.3 / 80, rel=0.01) and capped[0] > slow


def test_region_routes_leave_from_the_population_centre_and_are_indicative():
    region = builders.place("land", 7.0, 52.0, kind="storage_region", route_lon=6.0, route_lat=51.0)
    (route,) = routing.routes_from(tiny_network(), next(region.itertuples()),
                                   builders.place("coast", 4.0, 51.0, kind="launch"))
    assert route.access_line[0] == (6.0, 51.0) and route.access_km == 0 and route.indicative


def test_far_places_get_a_flagged_access_leg():
    (route,) = routing.routes_from(tiny_network(), next(builders.place("o", 6.0, 51.4).itertuples()),
                                   builders.place("coast", 4.0, 51.0, kind="launch"))
    assert route.access_km > 20 and route.long_access
    assert "over 20 km" in route_table.note_of(route)


def _calais() -> tuple[float, float]:
    gazetteer = pd.read_csv(builders.SHIPPED / "places/channel_places_gazetteer_osm.csv")
    row = gazetteer[gazetteer["key"] == "calais"].iloc[0]
    return float(row["lon"]), float(row["lat"])


def _km_to_calais(scene, origin) -> routing.Route:
    lon, lat = _calais()
    (route,) = routing.routes_from(scene.road_graph, origin, builders.place("calais", lon, lat, kind="launch"))
    return route


# Centre-to-centre road km on the shipped network (issue 11) and the provenance's
# independent references (~km, roads/PROVENANCE_osm_roads.md).
PINNED = {"cologne": (403, 390), "essen": (400, 430), "osnabrueck_area": (533, 560), "hannover": (657, 650)}


@pytest.mark.parametrize("area_id", sorted(PINNED))
def test_storage_places_to_calais_match_real_road_distances(scene, area_id):
    shipped_km, reference_km = PINNED[area_id]
    origin = next(scene.storage[scene.storage["area_id"] == area_id].itertuples())
    route = _km_to_calais(scene, origin)
    assert route.total_km == pytest.approx(shipped_km, rel=0.02)
    assert route.total_km == pytest.approx(reference_km, rel=0.10)
    assert route.access_km < 2


def test_karlsruhe_to_calais_matches_the_issue(scene):
    karlsruhe = next(builders.place("karlsruhe", 8.39999, 48.99999).itertuples())  # Natural Earth point
    assert _km_to_calais(scene, karlsruhe).total_km == pytest.approx(616, rel=0.02)


def test_essen_drives_the_a40_a67_e34_e17_e40_a16(scene):
    route = next(r for r in scene.routes if r.origin_id == "essen" and r.destination_id == "calais_wissant")
    assert route.refs_text == "A40 – A67 – E34 – R1 – E17 – E40 – A16"


def test_every_german_storage_area_has_a_route_to_every_launch_area(scene):
    german = set(scene.storage.loc[scene.storage["country"] == "Germany", "area_id"])
    pairs = {(r.origin_id, r.destination_id) for r in scene.routes}
    assert len(german) >= 8
    assert pairs == {(o, d) for o in german for d in scene.launch["area_id"]}


def test_every_route_is_a_plausible_road_distance(scene):
    """Road km over straight-line km between the route's ends stays in the range
    real motorway trips have (1.1-1.45 here); a broken or detouring graph leaves it."""
    for r in scene.routes:
        crow = geodesic_km(*r.access_line[0], *r.egress_line[-1])
        assert 1.0 < r.total_km / crow < 1.5, (r.origin, r.destination, r.total_km, crow)


def test_no_city_or_district_place_has_a_flagged_access_leg(scene):
    from geo.data.build_data import CITY_STARTS

    local = [r for r in scene.routes if r.origin_kind != "storage_region"]
    assert local and not [r for r in local if r.long_access]
    # A named city leaves from its gazetteer point; Detmold, with none shipped, from its outline's centre.
    assert not [r for r in local if r.origin_id in CITY_STARTS and r.access_km > 2]
    regions = [r for r in scene.routes if r.origin_kind == "storage_region"]
    assert regions and all(r.indicative for r in regions)


def test_drawn_routes_go_to_the_french_coast(scene):
    french = set(scene.launch.loc[scene.launch["country"] == "France", "area_id"])
    assert scene.drawn_routes and {r.destination_id for r in scene.drawn_routes} <= french


def test_ruhr_to_coast_answers_in_hours(scene):
    drive = ruhr_to_coast(scene.routes)
    assert drive["n_routes"] == 8 and drive["min_km"] < drive["max_km"] < 440
    assert 3.0 < drive["min_hours"] < drive["max_hours"] < 4.6
    slower = ruhr_to_coast(scene.routes, van_kmh=80)
    assert slower["min_km"] == drive["min_km"] and slower["min_hours"] > drive["min_hours"]


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


def test_a_bad_road_line_names_its_row_column_and_value():
    from geo.data.road_network import network_table
    from geo.data.schema import DataFileError
    good = {"type": "Feature", "properties": {"class": "motorway", "cc": "DE"},
            "geometry": {"type": "LineString", "coordinates": [[7.0, 51.4], [6.9, 51.4]]}}
    bad = {**good, "properties": {"class": "track", "cc": "DE"}}
    with pytest.raises(DataFileError) as error:
        network_table({"features": [good, bad]}, "data/roads/x.geojson")
    assert "data/roads/x.geojson, row 2, column 'class'" in str(error.value) and "track" in str(error.value)
