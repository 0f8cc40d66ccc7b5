"""Uploads: four layouts, row-by-row errors, unreadable files, text kept as text."""

import pytest

import tests.builders as b
from geo.data.load import OUTSIDE_EUROPE
from geo.data.upload import parse_date, read_upload
from geo.paths import ROOT


def test_the_shipped_iom_file_reads_as_global_figures():
    data = (ROOT / "data/incidents/iom_channel_incidents.csv").read_bytes()
    result = read_upload("iom_channel_incidents.csv", data)
    assert (result.layout, result.accepted, result.issues, result.error) == ("IOM Global Figures", 220, [], None)


def test_global_figures_coordinates_are_split_and_bad_ones_named():
    data = b.iom_figures_csv([("T.1", "2024-09-03", 2, 1, "Off Wimereux", "50.77, 1.6"),
                              ("T.2", "2024-09-04", 1, 0, "Calais", "near Calais")])
    result = read_upload("figures.csv", data)
    assert result.layout == "IOM Global Figures" and result.accepted == 1
    row = result.rows.iloc[0]
    assert (row.lat, row.lon, row.dead_missing, row.setting) == (50.77, 1.6, 3, "sea_or_shore")
    assert {(i.row, i.column, i.value) for i in result.issues} == {(3, "Coordinates", "near Calais")}


def test_website_download_dates_and_counts():
    data = b.iom_website_csv([("W.1", "Tue, 01/27/2026 - 12:00", 2, 1, "Off Gravelines", "51.01, 2.12"),
                              ("W.2", "Wed, 13/45/2026 - 12:00", "two", 0, "Calais", "50.95, 1.85")])
    result = read_upload("web.csv", data)
    assert result.layout == "IOM website download" and result.accepted == 1
    assert result.rows.iloc[0].date.strftime("%Y-%m-%d") == "2026-01-27"
    issues = {(i.row, i.column): i for i in result.issues}
    assert set(issues) == {(3, "Incident Date"), (3, "Number Dead")}
    assert issues[(3, "Number Dead")].value == "two" and "not a number" in issues[(3, "Number Dead")].reason
    assert "Tue, 01/27/2026 - 12:00" in issues[(3, "Incident Date")].reason


def test_generic_csv_rejects_out_of_range_rows_and_keeps_the_good():
    data = b.generic_csv([("2024-09-03", 50.8, 1.6, 3, 0, "Off Sangatte"), ("2024-09-04", 95, 1.6, 1, 0, "x"),
                          ("2024-09-05", 50.9, 1.7, -1, 0, "y")])
    result = read_upload("mine.csv", data)
    assert result.layout == "generic CSV" and result.accepted == 1 and result.rejected_rows == 2
    table = result.issue_table()
    assert table.values.tolist() == [[3, "latitude", "95", f"must be at most 72: {OUTSIDE_EUROPE}"],
                                     [4, "dead", "-1", "must be at least 0"]]


def test_geojson_points_and_a_non_point_feature():
    data = b.geojson_points([("2024-09-03", 1.6, 50.8, 2, 0, "Off Wimereux"), ("2024-09-04", None, None, 1, 0, "x")])
    result = read_upload("points.geojson", data)
    assert result.layout == "GeoJSON points" and result.accepted == 1
    assert [(i.row, i.column) for i in result.issues] == [(2, "geometry")]


@pytest.mark.parametrize("name,data", [
    ("empty.csv", b""), ("binary.csv", b"\xff\xfe\x00\x01garbage"), ("broken.geojson", b"{not json"),
    ("list.geojson", b"[1, 2]"), ("other.csv", b"foo;bar\n1;2\n")])
def test_an_unreadable_file_gets_one_message_and_no_rows(name, data):
    result = read_upload(name, data)
    assert result.rows is None and result.accepted == 0
    assert result.error and result.error.startswith(name)


def test_hostile_text_stays_text():
    data = b.generic_csv([("2024-09-03", 50.8, 1.6, 1, 0, b.HOSTILE[0])])
    result = read_upload("x.csv", data)
    assert result.rows.iloc[0].location == b.HOSTILE[0]


def test_dates():
    assert parse_date("2024-02-29") == "2024-02-29" and parse_date("2023-02-29") is None
