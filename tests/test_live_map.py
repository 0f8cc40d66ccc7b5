"""The in-place map: one document per scene, incidents as a separate payload (issue 12)."""

import json

import pytest

from geo.data import load
from geo.maps.elements import IncidentLayer
from geo.maps.incident_map import build_incident_base, density_cells
from geo.maps.live_map import cached_incident_table, incident_table, map_document, period_payload
from geo.maps.route_map import build_route_map, incident_columns
from geo.model.mapview import MapView, view_from_map, view_from_query
from geo.model.period import Period
from geo.model.scene import build_scene
from tests import builders


@pytest.fixture(scope="module")
def scene():
    return build_scene(load.load_all())


def test_the_table_carries_every_month_with_a_month_per_marker():
    rows = builders.incidents([{"date": "2024-08-02", "dead": 5}, {"date": "2024-09-03", "dead": 1},
                               {"date": "2024-10-04", "dead": 3}])
    table = incident_table(rows)
    columns = json.loads(table.json)
    assert {k: v for k, v in columns.items() if k not in ("month", "months")} == incident_columns(rows)
    assert columns["dm"] == [5, 3, 1]  # largest first, as the map draws them
    assert [columns["months"][m] for m in columns["month"]] == ["2024-08", "2024-10", "2024-09"]
    assert table.months == ("2024-08", "2024-09", "2024-10")


def test_a_month_per_marker_when_an_incident_has_several_records():
    rows = builders.incidents([{"incident_id": "A", "record_id": "A1", "date": "2024-08-02", "dead": 1},
                               {"incident_id": "A", "record_id": "A2", "date": "2024-08-02", "dead": 2},
                               {"incident_id": "B", "record_id": "B", "date": "2024-09-03", "dead": 1}])
    columns = json.loads(incident_table(rows).json)
    assert len(columns["month"]) == len(columns["lat"]) == 2
    assert [columns["months"][m] for m in columns["month"]] == ["2024-08", "2024-09"]


def test_a_period_change_sends_only_its_months():
    assert period_payload(Period("2024-08", "2024-10")) == {
        "months": ["2024-08", "2024-09", "2024-10"], "labels": ["Aug 2024", "Sep 2024", "Oct 2024"]}


def test_the_table_id_changes_with_the_incidents_and_only_then():
    rows = builders.incidents([{"date": "2024-09-03"}, {"date": "2024-09-04", "dead": 2}])
    first = incident_table(rows).table_id
    assert incident_table(rows.copy()).table_id == first
    assert incident_table(rows.iloc[:1]).table_id != first
    assert incident_table(None).table_id != first


def test_the_table_is_made_once_per_content():
    rows = builders.incidents([{"date": "2024-09-03"}, {"date": "2024-09-04", "dead": 2}])
    first = cached_incident_table(rows)
    assert cached_incident_table(rows) is first  # the same frame
    assert cached_incident_table(rows.copy()) is first  # another frame, same values
    changed = rows.copy()
    changed.loc[0, "location"] = "Somewhere else"
    assert cached_incident_table(changed) is not first


def test_hostile_text_in_the_table_stays_escaped_json():
    rows = builders.incidents([{"location": text} for text in builders.HOSTILE])
    text = incident_table(rows).json
    assert "<img" not in text and "</script" not in text
    assert json.loads(text)["locs"][0].startswith("&lt;img")


def test_the_live_route_map_document_has_an_empty_incident_layer_and_no_incidents(scene):
    m = build_route_map(scene, None, live=True)
    incident_layers = [e for e in _descendants(m) if isinstance(e, IncidentLayer)]
    assert len(incident_layers) == 1 and incident_layers[0].count == 0
    doc = map_document(m)
    assert "crIncidents" in doc.html and "leaflet.markercluster.js" in doc.html
    assert doc.map_name in doc.html


@pytest.mark.parametrize("mode", ["clusters", "points", "density"])
def test_the_incidents_base_map_has_one_empty_incident_layer(mode):
    m = build_incident_base(None, mode)
    layers = [e for e in _descendants(m) if isinstance(e, IncidentLayer)]
    assert [e.count for e in layers] == [0]
    assert (layers[0].density != "null") == (mode == "density")
    with pytest.raises(ValueError, match="'heat'"):
        build_incident_base(None, "heat")


def test_every_marker_carries_its_density_cell():
    incidents = load.load_incidents()
    columns = incident_columns(incidents)
    cells = [tuple(columns["cells"][c]) for c in columns["cell"]]
    assert len(cells) == len(columns["lat"]) > 100
    # the cells of the published coordinates (two shipped markers are so near a cell's edge that their
    # rounded coordinates, which the browser draws, fall in the next cell)
    server = density_cells(incidents)
    assert len(set(cells)) == len(server) and set(cells) == set(zip(server["row"], server["col"]))


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
