"""The route map as rendered HTML: layers, offline assets, credits, escaping."""

import json
import re

import pytest

from geo.data import load
from geo.maps.route_map import build_route_map, incident_features
from geo.model.scene import build_scene
from geo.vocab import LAYER_NAMES, PUBLISHERS
from tests import builders


@pytest.fixture(scope="module")
def scene():
    return build_scene(load.load_all())


@pytest.fixture(scope="module")
def html(scene):
    incidents = builders.incidents([{"location": builders.HOSTILE[0], "source": builders.HOSTILE[1],
                                     "url": builders.HOSTILE[2], "cause": builders.HOSTILE[3]}])
    return build_route_map(scene, incidents).get_root().render()


def test_all_eight_layers_are_named_in_the_layer_control(html):
    for name in LAYER_NAMES:
        assert f'"{name}"' in html or f"'{name}'" in html, name


def test_loads_only_local_leaflet(html):
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/app/static/vendor/") for s in sources), sources
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()


def test_credits_name_every_publisher(html):
    for publisher in PUBLISHERS:
        assert json.dumps(publisher)[1:-1] in html, publisher


def test_hostile_text_is_escaped_and_cannot_close_the_script(html):
    assert "<img src=x" not in html
    assert "</script><script>window.__pwned" not in html
    assert "&lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;" in html.replace("\\u0026", "&")
    assert 'href=\\"javascript:' not in html and 'href="javascript:' not in html


def test_incidents_are_sized_by_dead_plus_missing_and_coloured_by_setting():
    incidents = builders.incidents([{"dead": 1, "setting": "land_or_inland"}, {"dead": 20, "missing": 5}])
    styles = [f["properties"]["s"] for f in incident_features(incidents)]
    assert styles[0]["radius"] == 25.0 and styles[0]["fillColor"] == "#0072B2"
    assert styles[1]["radius"] == 5.0 and styles[1]["fillColor"] == "#D55E00"


def test_a_missing_dataset_leaves_its_layer_empty_not_broken(scene):
    html = build_route_map(scene, None).get_root().render()
    assert all(name in html for name in LAYER_NAMES)


def test_tss_and_route_tooltips_name_their_source(html):
    assert "Source: © OpenStreetMap contributors, seamarks" in html
    assert "Roads: © OpenStreetMap contributors (ODbL)" in html
    assert "computed shortest route, not a reported one" in html


def test_region_routes_are_drawn_faint_and_called_indicative(scene):
    from geo.maps.route_map import route_tooltip, serialise_static_layers
    region = next(r for r in scene.drawn_routes if r.origin_id == "nrw")
    assert "indicative" in route_tooltip(region, 130)
    routes = json.loads(serialise_static_layers(scene, 130)["Supply routes"])["features"]
    faint = [f for f in routes if "indicative" in f["properties"]["t"]]
    solid = [f for f in routes if "indicative" not in f["properties"]["t"]]
    assert faint and solid
    assert {f["properties"]["s"]["opacity"] for f in faint} == {0.4}
    assert {f["properties"]["s"]["opacity"] for f in solid} == {0.85}
