"""The in-place map: one document per scene, incidents as a separate payload (issue 12)."""

import json

import pytest

from geo.data import load
from geo.maps.elements import IncidentLayer
from geo.maps.incident_map import build_incident_base
from geo.maps.live_map import incident_payload, map_document
from geo.maps.route_map import build_route_map, incident_columns
from geo.model.mapview import MapView, view_from_map, view_from_query
from geo.model.period import Period
from geo.model.scene import build_scene
from tests import builders


@pytest.fixture(scope="module")
def scene():
    return build_scene(load.load_all())


def test_the_payload_carries_the_columns_and_a_month_per_row():
    rows = builders.incidents([{"date": "2024-08-02", "dead": 5}, {"date": "2024-09-03", "dead": 1},
                               {"date": "2024-10-04", "dead": 3}])
    payload = incident_payload(rows, Period("2024-08", "2024-10"))
    columns = json.loads(payload["columns"])
    assert {k: v for k, v in columns.items() if k != "month"} == incident_columns(rows)
    assert columns["dm"] == [5, 3, 1]  # largest first, as the map draws them
    assert [payload["months"][m] for m in columns["month"]] == ["2024-08", "2024-10", "2024-09"]
    assert payload["labels"] == ["Aug 2024", "Sep 2024", "Oct 2024"]


def test_the_payload_id_changes_with_the_incidents_and_only_then():
    rows = builders.incidents([{"date": "2024-09-03"}, {"date": "2024-09-04", "dead": 2}])
    period = Period("2024-09", "2024-09")
    first = incident_payload(rows, period)["data_id"]
    assert incident_payload(rows.copy(), period)["data_id"] == first
    assert incident_payload(rows.iloc[:1], period)["data_id"] != first
    assert incident_payload(None, period)["data_id"] != first


def test_hostile_text_in_the_payload_stays_escaped_json():
    rows = builders.incidents([{"location": text} for text in builders.HOSTILE])
    text = incident_payload(rows, Period("2024-09", "2024-09"))["columns"]
    assert "<img" not in text and "</script" not in text
    assert json.loads(text)["locs"][0].startswith("&lt;img")


def test_the_live_route_map_document_has_an_empty_incident_layer_and_no_incidents(scene):
    m = build_route_map(scene, None, live=True)
    incident_layers = [e for e in _descendants(m) if isinstance(e, IncidentLayer)]
    assert len(incident_layers) == 1 and incident_layers[0].count == 0
    doc = map_document(m)
    assert "crIncidents" in doc.html and "leaflet.markercluster.js" in doc.html
    assert doc.map_name in doc.html


@pytest.mark.parametrize("mode", ["clusters", "points"])
def test_the_incidents_base_map_has_one_empty_incident_layer(mode):
    m = build_incident_base(None, mode)
    assert [e.count for e in _descendants(m) if isinstance(e, IncidentLayer)] == [0]
    with pytest.raises(ValueError, match="'density'"):
        build_incident_base(None, "density")


def test_a_view_round_trips_through_the_link():
    view = MapView(9.5, 50.95, 1.6)
    assert view_from_query(view.to_query()) == (view, None)
    assert view_from_map(view.as_data()) == view
    assert view_from_map({"z": 9, "c": [10.0, 1.6]}) is None  # outside the map


@pytest.mark.parametrize("params", [{"z": "abc", "c": "50.9,1.6"}, {"z": "9", "c": "50.9"},
                                    {"z": "9", "c": "<b>x</b>"}, {"c": "50.9,1.6"}, {"z": ["99"], "c": "50.9,1.6"}])
def test_a_bad_view_in_the_link_gives_a_message_naming_it_and_the_default(params):
    view, message = view_from_query(params)
    assert view is None and "showing the default view" in message


def _descendants(element):
    found = []
    for child in element._children.values():
        found.append(child)
        found.extend(_descendants(child))
    return found
