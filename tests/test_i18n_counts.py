"""Counts, dates and feature numbers as a French or German reader reads them: one death is "1 mort",
the date and its counts are spaced the French way, the first of a month is "1er", and a bad GeoJSON
feature is numbered from 1. The map's browser popups and tooltips say exactly what Python says."""

from __future__ import annotations

import pytest

from geo import i18n
from geo.data.records import marker_groups
from geo.maps.popups import area_popup, incident_popup, incident_tooltip
from geo.maps.route_map import build_route_map, incident_columns
from geo.paths import VENDOR_DIR
from tests import builders
from tests.harness import open_session

ONE_DEATH = {"date": "2024-12-01", "dead": 1, "missing": 0}
THIRTEEN = {"date": "2024-09-03", "dead": 12, "missing": 1, "lat": 50.9, "lon": 1.7, "location": "Off Calais"}


def _popup_and_tip(row: dict, lang: str) -> tuple[str, str]:
    records = next(iter(marker_groups(builders.incidents([row]))))
    with i18n.use_language(lang):
        return incident_popup(records), incident_tooltip(records)


def test_one_death_in_french_is_one_mort_on_the_first_of_december():
    popup, tip = _popup_and_tip(ONE_DEATH, "fr")
    assert "<h4>1er déc. 2024\u00a0: 1 mort, 0 disparu</h4>" in popup
    assert "<br>1 mort, 0 disparu; " in popup
    assert tip == "1er déc. 2024\u00a0: 1 mort ou disparu"


def test_thirteen_dead_or_missing_in_french_and_german():
    popup, tip = _popup_and_tip(THIRTEEN, "fr")
    assert tip == "3 sept. 2024\u00a0: 13 morts ou disparus"
    assert "<h4>3 sept. 2024\u00a0: 12 morts, 1 disparu</h4>" in popup
    popup, tip = _popup_and_tip(THIRTEEN, "de")
    assert tip == "3. Sept. 2024: 13 Tote oder Vermisste"
    assert "<h4>3. Sept. 2024: 12 Tote, 1 Vermisster</h4>" in popup
    assert _popup_and_tip(ONE_DEATH, "de")[1] == "1. Dez. 2024: 1 Toter oder Vermisster"
    assert _popup_and_tip(ONE_DEATH, "en")[1] == "1 Dec 2024: 1 dead or missing"


def test_the_browser_gets_the_forms_and_the_rule_never_the_translations_twice():
    with i18n.use_language("fr"):
        columns = incident_columns(builders.incidents([ONE_DEATH, THIRTEEN]))
    assert columns["counts"]["dead"] == ["{count} mort", "{count} morts"]
    assert {n: columns["plural"][n] for n in ("0", "1", "12", "13")} == {"0": 0, "1": 0, "12": 1, "13": 1}
    assert columns["words"]["date_counts"] == "{date}\u00a0: {counts}"
    assert not {"dead", "missing", "dead_or_missing"} & set(columns["words"])


def test_a_density_cell_and_an_areas_report_count_in_french():
    from geo.maps.incident_map import density_features
    incidents = builders.incidents([ONE_DEATH])
    with i18n.use_language("fr"):
        tip = density_features(incidents)[0]["properties"]["t"]
        popup = area_popup("Essen", "city level", [])
    assert tip == "1 mort ou disparu dans 1 incident dans cette cellule"
    assert "<p>0 rapport sourcé\u00a0:</p>" in popup


def test_the_first_of_the_month_in_a_french_sentence():
    with i18n.use_language("fr"):
        assert i18n.format_day("2025-12-01") == "1er déc. 2025"
        assert i18n.format_day("2025-12-02") == "2 déc. 2025"


def test_a_bad_geojson_feature_is_counted_from_one_in_the_csv_words():
    from geo.data.road_network import network_table
    from geo.data.schema import DataFileError
    from geo.data.upload import read_upload
    line = {"type": "Feature", "properties": {"class": "lane", "cc": "DE"},
            "geometry": {"type": "LineString", "coordinates": [[7.0, 51.4], [6.9, 51.4]]}}
    with pytest.raises(DataFileError) as error:
        network_table({"features": [line]}, "roads.geojson")
    upload = read_upload("points.geojson", builders.geojson_points([("2024-09-04", None, None, 1, 0, "x")]))
    with i18n.use_language("fr"):
        assert str(error.value).startswith("roads.geojson, ligne 1, colonne 'class'")
        assert str(upload.issues[0]).startswith("points.geojson, ligne 1, colonne 'geometry'")
    assert str(error.value).startswith("roads.geojson, row 1, column 'class'")


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_the_maps_popups_and_tooltips_equal_pythons(browser, lang, tmp_path):
    """The browser assembles each popup and tooltip from the words, forms and plural rule it receives."""
    from geo.data import load
    from geo.model.scene import build_scene
    incidents = builders.incidents([ONE_DEATH, THIRTEEN, {"dead": 0, "missing": 2, "lat": 50.6, "lon": 1.55}])
    with i18n.use_language(lang):
        html = build_route_map(build_scene(load.load_all()), incidents, VENDOR_DIR.resolve().as_uri())
        page_file = tmp_path / "map.html"
        page_file.write_text(html.get_root().render())
        groups = list(marker_groups(incidents))
        expected = [[incident_popup(g) for g in groups], [incident_tooltip(g) for g in groups]]
    session = open_session(browser)
    try:
        session.page.goto(page_file.as_uri())
        session.page.wait_for_selector(".leaflet-control-layers")
        shown = session.page.evaluate("""() => {
          var group = Object.keys(window).filter(k => k.indexOf('feature_group_') === 0)
            .map(k => window[k]).find(g => g.crPopup), popups = [], tips = [];
          group.eachLayer(l => { popups[l.options.crIndex] = group.crPopup(l.options.crIndex);
                                 tips[l.options.crIndex] = group.crTip(l.options.crIndex); });
          return [popups, tips]; }""")
        assert shown == expected
        assert session.errors == [] and session.external == []
    finally:
        session.context.close()
