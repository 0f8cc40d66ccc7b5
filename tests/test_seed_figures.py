"""The story's claims, checked against the shipped data and shown on the route map page."""

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo.data import load
from geo.data.crossings import load_daily
from geo.maps import seed_charts
from geo.model import seed_figures
from tests.harness import ROOT


@pytest.fixture(scope="module")
def deaths():
    return seed_figures.yearly_dead_missing(load.load_incidents())


@pytest.fixture(scope="module")
def yearly():
    return seed_figures.people_per_boat_by_year(load.load_crossings_monthly()).set_index("year")


def test_2024_is_the_deadliest_year_with_75_of_85_at_sea_or_on_the_shore(deaths):
    totals = deaths.drop_duplicates("year").set_index("year")["total"]
    assert totals.idxmax() == 2024 and totals[2024] == 85
    sea = deaths.set_index(["year", "setting"])["dead_missing"]
    assert sea[(2024, "sea_or_shore")] == 75 and sea[(2024, "land_or_inland")] == 10


def test_years_in_the_iom_gap_are_marked_incomplete_not_low(deaths):
    incomplete = set(deaths.loc[deaths["incomplete"], "year"])
    assert incomplete == {2025, 2026}
    assert deaths["year"].min() == 2014


def test_by_1_december_2024_more_crossed_than_in_2023_and_fewer_than_in_2022(yearly):
    ytd = seed_figures.year_to_date_crossings(load_daily())
    assert seed_figures.crossed_by(ytd, "2024-12-01") == 33_684
    assert yearly.loc[2023, "people"] == 29_437 and yearly.loc[2022, "people"] == 45_774
    assert yearly.loc[2023, "people"] < 33_684 < yearly.loc[2022, "people"]


def test_people_per_boat_rises_year_on_year(yearly):
    assert yearly.loc[[2022, 2024, 2025], "people_per_boat"].tolist() == [41.2, 53.0, 61.7]
    assert not yearly.loc[2025, "incomplete"] and yearly.loc[2026, "incomplete"]


def test_charts_mark_incomplete_years(deaths, yearly):
    spec = seed_charts.dead_missing_by_year(deaths, "t").to_dict()
    values = pd.DataFrame(spec["datasets"][next(iter(spec["datasets"]))])
    assert set(values.loc[values["incomplete"], "year"]) == {2025, 2026}
    assert "'*'" in str(spec)


def test_route_map_page_states_the_claims_with_sources():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["from"], at.query_params["to"] = "2024-01", "2024-12"
    at.run()
    assert not at.exception
    text = (" ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)).replace("\\", "")
    assert "85**: 75 at sea or on the shore, 10 on land or inland" in text
    assert "2024 is the deadliest year in this copy: 85 dead and missing, 75 of them at sea" in text
    assert "By 1 Dec 2024, 33,684 people had crossed" in text and "29,437" in text and "45,774" in text
    assert "IOM Missing Migrants Project" in text and "UK Home Office daily" in text
    assert len(at.get("vega_lite_chart")) >= 3
