"""IOM incidents and records (Main ID groups, Incident ID is the record), and
location checks: nothing is dropped, counts count incidents, doubtful points
are kept, counted and explained."""

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import tests.builders as b
from geo.data.load import load_incidents
from geo.data.records import doubt_summary, incident_count, marker_groups
from geo.data.upload import read_upload
from geo.export import downloads
from geo.export.explainer import _incident_data
from geo.maps.incident_map import build_incident_map
from geo.maps.popups import incident_popup
from geo.maps.route_map import incident_columns, incident_features
from geo.maps.style import DOUBT_STYLE
from geo.model import stats
from geo.model.period import Period
from tests.harness import ROOT

TWO_RECORDS = [(("2026.MMP0150", "2026.MMP0150176"), "Tue, 04/01/2026 - 12:00", 2, 0,
                "Off the beach of Petit-Fort-Philippe, Gravelines, France", "51.0260, 2.1031"),
               (("2026.MMP0150", "2026.MMP0150177"), "Tue, 04/01/2026 - 12:00", 1, 3,
                "Off the beach of Petit-Fort-Philippe, Gravelines, France", "51.0260, 2.1031"),
               ("2026.MMP0151", "Wed, 04/02/2026 - 12:00", 1, 0, "Off Wimereux, France", "50.77, 1.60")]
APRIL = Period("2026-04", "2026-04")
# Shipped rows whose published point contradicts their own text or country, checked by hand
# (see the report / docs): Main ID -> start of the reason.
SHIPPED_DOUBTFUL = {
    "2015.MMP00203": "published point is 524 km from the Channel Tunnel terminal (Coquelles)",
    "2015.MMP00207": "published point is 149 km from Marck",
    "2015.MMP00231": "published point is 25 km from the Channel Tunnel terminal (Coquelles)",
    "2015.MMP00240": "published point is 174 km from the Channel Tunnel terminal (Coquelles)",
    "2015.MMP00248": "published point is 107 km from the Channel Tunnel terminal (Coquelles)",
    "2018.MMP01631": "published point is 4.8 km out to sea, but the record is on land",
    "2020.MMP00852": "published point is 32 km from Calais",
    "2021.MMP00198": "published point is 57 km from Calais",
}


@pytest.fixture(scope="module")
def website_upload():
    result = read_upload("iom.csv", b.iom_website_csv(TWO_RECORDS))
    assert result.error is None and result.issues == [] and result.accepted == 3
    return result.rows


def test_a_two_record_incident_in_the_website_layout_keeps_both_records(website_upload):
    rows = website_upload
    assert sorted(rows["record_id"]) == ["2026.MMP0150176", "2026.MMP0150177", "2026.MMP0151"]
    h = stats.headline(None, rows, APRIL)
    assert (h.incidents, h.dead, h.missing) == (2, 4, 3)
    assert incident_count(rows[rows["incident_id"] == "2026.MMP0150"]) == 1


def test_the_download_keeps_every_record_with_both_ids(website_upload):
    back = downloads.read_back(downloads.to_csv(website_upload, "test", uploaded=True))
    assert back[["incident_id", "record_id", "dead", "missing"]].values.tolist() == [
        ["2026.MMP0150", "2026.MMP0150176", 2, 0], ["2026.MMP0150", "2026.MMP0150177", 1, 3],
        ["2026.MMP0151", "2026.MMP0151", 1, 0]]
    features = json.loads(downloads.to_geojson(website_upload, "test", uploaded=True))["features"]
    assert [f["properties"]["record_id"] for f in features][:2] == ["2026.MMP0150176", "2026.MMP0150177"]


def test_one_popup_shows_an_incidents_records_together(website_upload):
    groups = marker_groups(website_upload)
    assert [len(g) for g in groups] == [2, 1]
    popup = incident_popup(groups[0])
    assert "3 dead, 3 missing" in popup and "incident 2026.MMP0150, 2 records." in popup
    assert popup.index("IOM record 2026.MMP0150176") < popup.index("IOM record 2026.MMP0150177")
    for mode in ("clusters", "points"):
        page = build_incident_map(website_upload, None, mode).get_root().render()
        assert page.count("IOM record 2026.MMP0150176") == 1 and "2 records." in page
    columns = incident_columns(website_upload)
    assert columns["n"] == [2, 1] and columns["dead"] == [3, 1] and columns["rids"][:2] == [
        "2026.MMP0150176", "2026.MMP0150177"]


def test_the_explainer_counts_incidents_and_sums_records(website_upload):
    features = _incident_data(website_upload)
    assert len(features) == 2 and sorted(f["properties"]["i"] for f in features) == ["2026.MMP0150",
                                                                                    "2026.MMP0151"]
    assert sum(f["properties"]["d"] for f in features) == 4 and sum(f["properties"]["x"] for f in features) == 3


def test_the_global_figures_layout_keeps_both_records():
    rows = [(("A.1", "A.11"), "2024-09-03", 2, 0, "Off Wimereux", "50.77, 1.6"),
            (("A.1", "A.12"), "2024-09-03", 1, 0, "Off Wimereux", "50.77, 1.6")]
    result = read_upload("figures.csv", b.iom_figures_csv(rows))
    assert result.accepted == 2 and incident_count(result.rows) == 1 and int(result.rows["dead"].sum()) == 3


def test_a_generic_or_geojson_upload_groups_by_id_only_when_given():
    generic = read_upload("g.csv", b"id,record_id,date,lat,lon,dead\nA,A1,2024-09-03,50.8,1.6,1\n"
                                   b"A,A2,2024-09-03,50.8,1.6,2\n")
    assert generic.accepted == 2 and incident_count(generic.rows) == 1
    points = read_upload("p.geojson", b.geojson_points([("2024-09-03", 1.6, 50.8, 1, 0, "x")] * 2))
    assert points.accepted == 2 and incident_count(points.rows) == 2


def test_a_shipped_file_with_a_second_record_loads_and_counts_once(tmp_path):
    data = b.copy_of_data(tmp_path / "data")
    path = data / "incidents/iom_channel_incidents.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    extra = table.iloc[[-1]].assign(**{"Incident ID": table.iloc[-1]["Incident ID"] + "-b", "Number of Dead": "4"})
    pd.concat([table, extra]).to_csv(path, index=False)
    incidents = load_incidents(data)
    assert len(incidents) == len(table) + 1 and incident_count(incidents) == incident_count(load_incidents())
    month = Period(incidents["year_month"].iloc[-1], incidents["year_month"].iloc[-1])
    before = stats.headline(None, load_incidents(), month)
    after = stats.headline(None, incidents, month)
    assert after.incidents == before.incidents and after.dead == before.dead + 4


def test_shipped_records_and_incidents_and_the_doubtful_rows():
    incidents = load_incidents()
    assert len(incidents) == 220 and incident_count(incidents) == 220 and incidents["record_id"].is_unique
    flagged = incidents[incidents["location_doubt"] != ""]
    assert set(flagged["incident_id"]) == set(SHIPPED_DOUBTFUL)
    for row in flagged.itertuples(index=False):
        assert row.location_doubt.startswith(SHIPPED_DOUBTFUL[row.incident_id]), row.location_doubt
    assert "214" not in flagged.set_index("incident_id").loc["2015.MMP00203", "location_doubt"]  # no sea claim


def test_a_doubtful_point_is_kept_counted_drawn_apart_and_explained():
    rows = b.incidents([{"location": "Calais, France", "setting": "land_or_inland", "lat": 51.0207,
                         "lon": 1.836339, "dead": 2}, {}])
    assert stats.headline(None, rows, Period("2024-09", "2024-09")).dead == 3
    doubtful = incident_features(rows)[0]
    assert doubtful["geometry"]["coordinates"] == (1.8363, 51.0207)  # never moved
    assert doubtful["properties"]["s"]["dashArray"] == DOUBT_STYLE["dashArray"]
    assert "Location doubtful: published point is 4.8 km out to sea" in doubtful["properties"]["p"]
    assert "dashArray" not in incident_features(rows)[1]["properties"]["s"]
    assert incident_columns(rows)["doubt"] == [1, 0]
    assert doubt_summary(rows).startswith("Location doubtful: 1 of 2 IOM records")
    for mode in ("clusters", "points"):
        assert "Location doubtful: published point contradicts" in build_incident_map(rows, None, mode) \
            .get_root().render()


@pytest.mark.parametrize("path", ["views/incidents.py", "views/route_map.py"])
def test_pages_count_doubtful_rows_under_the_map(path):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["from"], at.query_params["to"] = "2015-01", "2015-12"
    at.switch_page(path)
    at.run()
    assert not at.exception
    notes = [b.shown(c.value) for c in at.caption if "Location doubtful" in c.value]
    assert notes and notes[0].startswith("Location doubtful: 5 of "), notes
