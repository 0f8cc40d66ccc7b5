"""Storage places are the outlines their sources name, with the kind each source reports."""

import pytest

from geo.data import load
from geo.maps.route_map import build_route_map
from geo.model.places import storage_counts
from geo.model.scene import build_scene


@pytest.fixture(scope="module")
def scene():
    return build_scene(load.load_all())


def _place(scene, area_id):
    return scene.storage.set_index("area_id").loc[area_id]


def test_every_storage_place_is_an_administrative_outline_not_a_circle(scene):
    admin = load.load_layer("basemap/admin_areas.geojson")
    outlines = dict(zip(admin["id"], admin.geometry))
    nrw = _place(scene, "nrw")
    assert nrw.geometry.equals(outlines["DE-NW"]) and nrw.outline_level == "Land"
    assert _place(scene, "essen").geometry.equals(outlines["DE-KRS-05113"])
    assert set(scene.storage.geometry.geom_type) <= {"Polygon", "MultiPolygon"}
    # a buffered point has 65 vertices in a perfect circle; a real outline does not look like that
    assert _place(scene, "lotte").geometry.equals(outlines["DE-GEM-05566048"])


def test_lotte_is_its_own_place_inside_kreis_steinfurt_not_folded_into_nrw(scene):
    lotte = _place(scene, "lotte")
    assert {r.date for r in lotte.reports} == {"2022-07-05", "2023-03-14"}
    assert lotte.kinds == ("seizure", "arrest or raid")
    nrw_places = {r.place for r in _place(scene, "nrw").reports}
    assert nrw_places == {"North Rhine-Westphalia"}


def test_essen_carries_the_purchase_offer_and_the_raid_reports_that_name_it(scene):
    essen = _place(scene, "essen")
    assert essen.kinds == ("arrest or raid", "purchase offer")
    assert {r.publisher.split(" (")[0] for r in essen.reports} >= {"BBC News", "The Guardian"}
    assert any("Gelsenkirchen" in r.quote for r in _place(scene, "gelsenkirchen").reports)


def test_amsterdam_is_not_a_storage_place_and_says_why(scene):
    assert not scene.storage["name"].str.contains("Amsterdam").any()
    schiphol = scene.unmapped.set_index("place").loc["Amsterdam Schiphol Airport"]
    assert "stored in Germany" in schiphol.not_drawn


@pytest.mark.parametrize("place", ["Eupen", "Quesnoy-sur-Deûle", "Watten (canal de l'Aa, inland)"])
def test_places_named_but_not_drawn_are_listed_with_the_reason(scene, place):
    assert "no gazetteer point" in scene.unmapped.set_index("place").loc[place, "not_drawn"]


def test_kinds_come_from_the_sources_event_type(scene):
    counts = storage_counts(scene.storage)
    assert counts["purchase offer"] == 1 and counts["storage"] == 2
    assert _place(scene, "cologne").kinds == ("arrest or raid",)


def test_route_map_credits_bkg_for_the_german_outlines(scene):
    html = build_route_map(scene, None).get_root().render()
    assert "GeoBasis-DE / BKG 2021 (Daten ver\\u00e4ndert)" in html and "https://www.bkg.bund.de" in html
