"""Unit tests on geo: measurement, validation, loading, periods and figures."""

import pandas as pd
import pytest
import shapely

from geo.data import load
from geo.data.schema import Column, DataFileError, Schema, validate_rows, validate_strict
from geo.measure import area_around, geodesic_km, to_metric
from geo.model import stats
from geo.model.period import Period, period_from_query
from tests import builders

SPAN, DEFAULT = Period("2014-01", "2026-08"), Period("2025-09", "2026-08")


def test_cap_gris_nez_to_south_foreland_is_about_33_km():
    assert geodesic_km(1.5823, 50.8721, 1.3714, 51.1411) == pytest.approx(33, abs=1)


def test_area_around_has_the_stated_radius():
    circle = to_metric(area_around([(1.6, 50.8)], 10.0))
    radius_km = (shapely.area(circle) / 3.14159265) ** 0.5 / 1000
    assert radius_km == pytest.approx(10.0, rel=0.01)


def test_area_around_refuses_no_points():
    with pytest.raises(ValueError, match=r"instead got: \[\]"):
        area_around([], 3)


SCHEMA = Schema("t", (Column("id"), Column("dead", "int", minimum=0), Column("day", "date")), unique=("id",))


def test_validation_names_file_row_column_and_value():
    frame = pd.DataFrame({"id": ["a", "b", "a"], "dead": ["1", "-3", "2"], "day": ["2024-01-01", "2024-01-02", "x"]})
    good, issues = validate_rows(frame, SCHEMA, "upload.csv")
    assert list(good["id"]) == ["a"]
    messages = [str(i) for i in issues]
    assert "upload.csv, row 3, column 'dead': must be at least 0 (value: '-3')" in messages
    assert any(m.startswith("upload.csv, row 4, column 'id': duplicate ID") for m in messages)
    assert any(m.startswith("upload.csv, row 4, column 'day'") for m in messages)


def test_missing_column_is_reported_on_the_header_row():
    with pytest.raises(DataFileError, match=r"t.csv, row 1, column 'day': column is missing"):
        validate_strict(pd.DataFrame({"id": ["a"], "dead": ["1"]}), SCHEMA, "t.csv")


def test_shipped_data_loads_without_errors():
    data = load.load_all()
    assert data.errors == {}
    assert len(data.tables["incidents"]) == 220
    assert data.tables["incidents"]["incident_id"].is_unique
    assert data.tables["incidents"].crs.to_epsg() == 4326


@pytest.mark.parametrize(("year", "people", "boats"), [(2022, 45774, 1110), (2023, 29437, 602), (2024, 36816, 695)])
def test_known_yearly_totals(year, people, boats):
    crossings = load.load_crossings_monthly()
    h = stats.headline(crossings, None, Period(f"{year}-01", f"{year}-12"))
    assert (h.people, h.boats, h.crossings_status) == (people, boats, "official")


def test_months_after_june_2026_are_provisional_and_august_is_partial():
    crossings = load.load_crossings_monthly()
    h = stats.headline(crossings, None, Period("2026-06", "2026-08"))
    assert h.crossings_status == "official and provisional"
    assert "Home Office covers Aug 2026: 20 of 31 days (data ends 20 Aug 2026)." in h.crossings_notes


def test_figures_for_one_month_come_from_the_data():
    incidents = builders.incidents([{"date": "2024-09-03", "dead": 12, "missing": 2},
                                    {"date": "2024-10-01", "dead": 1}])
    crossings = builders.crossings({"2024-09": (4192, 76, "official"), "2024-10": (10, 1, "official")})
    h = stats.headline(crossings, incidents, Period("2024-09", "2024-09"))
    assert (h.people, h.boats, h.dead, h.missing, h.people_per_boat) == (4192, 76, 12, 2, 55.2)


def test_gap_and_end_of_iom_copy_are_said():
    h = stats.headline(None, load.load_incidents(), Period("2025-09", "2026-08"))
    assert ("IOM has no records for Oct 2025 – Dec 2025: known gap 29 Sep 2025 – 26 Jan 2026 (no data, not zero)."
            in h.incident_notes)
    assert ("IOM has no records for Jun 2026 – Aug 2026: its data ends 3 May 2026 (no data, not zero)."
            in h.incident_notes)
    assert h.incident_notes[0] == "IOM figures are minimum estimates and are revised."


@pytest.mark.parametrize(("query", "expected"), [
    ({"month": "2024-09"}, Period("2024-09", "2024-09")),
    ({"from": "2024-01", "to": "2024-12"}, Period("2024-01", "2024-12")),
    ({"from": "2010-01", "to": "2015-06"}, Period("2014-01", "2015-06")),
    ({}, DEFAULT),
])
def test_period_from_query(query, expected):
    assert period_from_query(query, SPAN, DEFAULT) == (expected, None)


@pytest.mark.parametrize("query", [{"month": "2024-13"}, {"month": "abc"}, {"from": "2024-05", "to": "2024-01"},
                                   {"month": "1999-01"}, {"from": ["<script>"]}, {"to": "2024-1"}])
def test_bad_query_gives_default_and_a_message(query):
    period, message = period_from_query(query, SPAN, DEFAULT)
    assert period == DEFAULT
    assert message and "showing Sep 2025 – Aug 2026" in message
