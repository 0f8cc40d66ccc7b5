"""What keeps a period change fast, proved by counting, not timing.

The period-independent layers are serialised once per scene (and van speed);
a period change only encodes the incidents. The compact incident encoding
shows the same popup as ``geo.maps.popups.incident_popup``, escaped, and data text
is never run as a template.
"""

import pytest
from streamlit.testing.v1 import AppTest

import geo.maps.route_map
from geo.data import load
from geo.data.records import marker_groups
from geo.i18n import format_day
from geo.maps.popups import incident_popup
from geo.maps.route_map import build_route_map, incident_columns
from geo.model.scene import build_scene
from geo.paths import VENDOR_DIR
from tests import builders
from tests.harness import ROOT, open_session


@pytest.fixture(scope="module")
def scene():
    return build_scene(load.load_all())


@pytest.fixture
def serialisations(monkeypatch) -> list:
    """Each call of ``serialise_static_layers``, with an empty cache to start."""
    calls = []
    original = geo.maps.route_map.serialise_static_layers

    def counting(scene, speed_kmh):
        calls.append(speed_kmh)
        return original(scene, speed_kmh)

    geo.maps.route_map._STATIC_CACHE.clear()
    monkeypatch.setattr(geo.maps.route_map, "serialise_static_layers", counting)
    yield calls
    geo.maps.route_map._STATIC_CACHE.clear()


def test_static_layers_are_serialised_once_per_scene_and_speed(scene, serialisations):
    for month in ("2024-09", "2023-09", "2021-11"):
        incidents = builders.incidents([{"date": f"{month}-03"}])
        html = build_route_map(scene, incidents).get_root().render()
        assert format_day(incidents["date"].iloc[0].date()) in html
    assert serialisations == [130.0]
    build_route_map(scene, None, speed_kmh=100)
    assert serialisations == [130.0, 100]
    build_route_map(build_scene(load.load_all()), None)
    assert len(serialisations) == 3


def test_period_changes_in_the_app_serialise_the_static_layers_once(serialisations):
    import streamlit as st
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["month"] = "2024-09"
    at.run()
    for month in ("2023-09", "2022-09", "2021-09"):
        at.selectbox(key="period_month").set_value(month).run()
    assert not at.exception
    assert serialisations == [130.0]
    st.cache_resource.clear()


def test_each_period_shows_only_its_incidents(scene):
    rows = [{"date": "2024-09-03", "location": "Only in September"}, {"date": "2023-01-05", "location": "January"}]
    incidents = builders.incidents(rows)
    html = build_route_map(scene, incidents[incidents["year_month"] == "2024-09"]).get_root().render()
    assert "Only in September" in html and "January" not in html


def test_text_in_data_is_never_evaluated_as_a_template(scene):
    incidents = builders.incidents([{"location": "ZZ{{ 7*7 }}{% if 1 %}IF{% endif %}ZZ"}])
    html = build_route_map(scene, incidents).get_root().render()
    assert "ZZ{{ 7*7 }}{% if 1 %}IF{% endif %}ZZ" in html
    assert "ZZ49IFZZ" not in html


def test_incidents_cost_a_bounded_number_of_bytes_each(scene):
    small = builders.incidents([{"location": f"Place {i}"} for i in range(10)])
    large = builders.incidents([{"location": f"Place {i}", "lat": 50 + i / 1e4} for i in range(2010)])
    grows = len(build_route_map(scene, large).get_root().render()) - len(build_route_map(scene, small)
                                                                           .get_root().render())
    assert grows / 2000 < 150, grows / 2000


def test_columns_keep_the_order_sizes_and_colours_of_the_features():
    incidents = builders.incidents([{"dead": 1, "setting": "land_or_inland"}, {"dead": 20, "missing": 5}])
    columns = incident_columns(incidents)
    assert columns["r"] == [25.0, 5.0]
    assert [columns["colours"][code] for code in columns["setting"]] == ["#0072B2", "#D55E00"]


@pytest.mark.browser
def test_the_map_popup_equals_the_python_popup_and_stays_escaped(browser, scene, tmp_path):
    hostile = builders.HOSTILE
    incidents = builders.incidents([
        {"location": hostile[0], "source": hostile[1], "url": hostile[2], "cause": hostile[3]},
        {"location": "Off Calais", "url": "https://example.org/a?b=1&c=2", "survivors": 12.0, "dead": 3},
        {"incident_id": "T.1", "record_id": "T.1.b", "location": "Calais", "setting": "land_or_inland",
         "lat": 51.0207, "lon": 1.836339, "dead": 1, "missing": 2},
        {"incident_id": "T.1", "record_id": "T.1.c", "location": "Off Calais"}])
    page_file = tmp_path / "map.html"
    page_file.write_text(build_route_map(scene, incidents, VENDOR_DIR.resolve().as_uri()).get_root().render())
    session = open_session(browser)
    try:
        session.page.goto(page_file.as_uri())
        session.page.wait_for_selector(".leaflet-control-layers")
        shown = session.page.evaluate("""() => {
          var groups = Object.keys(window).filter(k => k.indexOf('feature_group_') === 0);
          var group = groups.map(k => window[k]).find(g => g.crPopup);
          var out = [];
          group.eachLayer(l => { var box = document.createElement('div');
            box.innerHTML = group.crPopup(l.options.crIndex);
            out[l.options.crIndex] = [box.textContent, Array.from(box.querySelectorAll('a')).map(a => a.href)]; });
          return out;
        }""")
        expected = [incident_popup(records) for records in marker_groups(incidents)]
        parsed = session.page.evaluate("""(pieces) => pieces.map(html => {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          return [doc.body.textContent, Array.from(doc.querySelectorAll('a')).map(a => a.href)]; })""", expected)
        assert shown == parsed
        assert shown[0][1] == ["https://example.org/", "https://example.org/a?b=1&c=2"] and shown[-1][1] == []
        assert "4 dead, 0 missing" in shown[0][0] and "incident T.1, 2 records here of 3" in shown[0][0]
        assert any("1 record here of 3" in text and "Location doubtful: published point is 4.8 km out to sea"
                   in text for text, _ in shown)
        assert session.page.evaluate("() => window.__pwned") is None
        assert session.errors == [] and session.dialogs == [] and session.external == []
    finally:
        session.context.close()


def test_many_incidents_cluster_with_local_files_only(scene, monkeypatch):
    import re
    monkeypatch.setattr(geo.maps.route_map, "CLUSTER_FROM", 3)
    few = build_route_map(scene, builders.incidents([{}, {}])).get_root().render()
    many = build_route_map(scene, builders.incidents([{}, {}, {}])).get_root().render()
    assert "markercluster" not in few
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', many)
    assert "/app/static/vendor/leaflet.markercluster.js" in sources
    assert "/app/static/vendor/MarkerCluster.Default.css" in sources
    assert all(s.startswith("/app/static/vendor/") for s in sources), sources
    assert '"maxZoom": 13' in many  # markercluster needs the map's maxZoom
