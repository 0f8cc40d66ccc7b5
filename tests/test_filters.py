"""Incident filters, their URL form and the monthly series."""

import pytest

import tests.builders as b
from geo.data.load import load_incidents
from geo.model import filters as gf
from geo.model.period import Period


@pytest.fixture(scope="module")
def shipped():
    return load_incidents()


def sample():
    return b.incidents([
        {"date": "2024-09-03", "dead": 13, "setting": "sea_or_shore", "cause": "Drowning"},
        {"date": "2024-10-05", "dead": 1, "setting": "land_or_inland", "cause": "Violence", "country": "Belgium"},
        {"date": "2024-10-06", "dead": 0, "missing": 2, "cause": "Accidental death,Drowning"},
        {"date": "2023-10-06", "dead": 3},
    ])


def test_each_filter_narrows_the_rows():
    rows, period = sample(), Period("2024-09", "2024-11")
    assert len(gf.apply_filters(rows, period, gf.IncidentFilters())) == 3
    assert len(gf.apply_filters(rows, period, gf.IncidentFilters("sea_or_shore"))) == 2
    assert list(gf.apply_filters(rows, period, gf.IncidentFilters(countries=("Belgium",)))["dead"]) == [1]
    assert len(gf.apply_filters(rows, period, gf.IncidentFilters(min_dead_missing=2))) == 2
    assert len(gf.apply_filters(rows, None, gf.IncidentFilters())) == 4


def test_a_multi_cause_row_matches_each_of_its_causes():
    rows = gf.apply_filters(sample(), None, gf.IncidentFilters(causes=("Drowning",)))
    assert sorted(rows["cause"]) == ["Accidental death,Drowning", "Drowning", "Drowning"]
    assert "Accidental death" in gf.cause_choices(sample())
    assert "Accidental death,Drowning" not in gf.cause_choices(sample())


def test_filters_survive_the_url_round_trip():
    chosen = gf.IncidentFilters("land_or_inland", ("Violence",), ("Belgium", "France"), 2)
    back, notes = gf.filters_from_query(chosen.to_query(), ["Violence"], ["Belgium", "France"])
    assert back == chosen and notes == []


@pytest.mark.parametrize("params,expected_note", [
    ({"setting": "<script>"}, "setting"), ({"country": ["Atlantis"]}, "country"), ({"min": "lots"}, "min")])
def test_bad_url_values_are_dropped_with_a_message(params, expected_note):
    found, notes = gf.filters_from_query(params, ["Drowning"], ["France"])
    assert found == gf.IncidentFilters()
    assert len(notes) == 1 and expected_note in notes[0]


@pytest.mark.parametrize("grade,words", [
    ("1", "lowest"), ("5", "highest"), ("45", "Mixed grades 4 to 5"), ("345", "Mixed grades 3 to 5"),
    ("4.0", "4 – high"), (None, "Not graded"), ("x", "Unknown grade")])
def test_source_quality_in_words(grade, words):
    assert words in gf.quality_words(grade)


def test_every_shipped_grade_has_words(shipped):
    assert not any(gf.quality_words(q).startswith("Unknown") for q in shipped["source_quality"])


def test_monthly_series_marks_the_known_gap_as_missing_not_zero(shipped):
    series = gf.monthly_series(shipped, Period("2025-08", "2026-02"), Period("2025-10", "2025-10"))
    gap = series.set_index("month")
    assert gap.loc["2025-11", "gap"] and gap.loc["2025-11", "dead_missing"] != gap.loc["2025-11", "dead_missing"]
    assert list(series["selected"]).count(True) == 1


def test_the_readme_question_at_sea(shipped):
    at_sea = gf.IncidentFilters("sea_or_shore")
    autumn_2024 = gf.apply_filters(shipped, Period("2024-09", "2024-11"), at_sea)
    autumn_2023 = gf.apply_filters(shipped, Period("2023-09", "2023-11"), at_sea)
    assert (int(autumn_2024["dead"].sum()), int(autumn_2024["missing"].sum()), len(autumn_2024)) == (46, 0, 17)
    assert (int(autumn_2023["dead"].sum()), int(autumn_2023["missing"].sum()), len(autumn_2023)) == (4, 0, 2)


def test_side_by_side_maps_share_one_extent():
    import re

    import pandas as pd

    from geo.maps.incident_map import build_incident_map
    from tests import builders

    a = builders.incidents([{"lat": 50.95, "lon": 1.85}])
    b = builders.incidents([{"lat": 50.40, "lon": 1.56}, {"lat": 51.05, "lon": 2.40}])
    both = pd.concat([a, b])

    def bounds(m) -> list[str]:
        return re.findall(r"fitBounds\(\s*(\[\[.*?\]\])", m.get_root().render(), re.S)

    shared = [bounds(build_incident_map(x, None, "points", fit_to=both)) for x in (a, b)]
    assert shared[0] == shared[1] != []
    assert bounds(build_incident_map(a, None, "points")) != shared[0]
