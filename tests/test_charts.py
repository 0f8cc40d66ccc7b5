"""Charts: right data, colour-blind-safe colours, selections that set the period."""

import pandas as pd

import tests.builders as b
from geo.data import crossings as hc
from geo.maps import charts
from geo.model import crossings as gc
from geo.model import filters as gf
from geo.model.period import Period


def test_incident_chart_highlights_the_period_and_can_pick_months():
    rows = b.incidents([{"date": "2024-09-03", "dead": 13}, {"date": "2024-11-03", "dead": 2}])
    series = gf.monthly_series(rows, Period("2024-08", "2024-12"), Period("2024-09", "2024-10"))
    spec = charts.incidents_monthly(series, "t").to_dict()
    params = spec.get("params", []) + [p for layer in spec["layer"] for p in layer.get("params", [])]
    assert any(p["name"] == charts.PICK for p in params)
    values = next(iter(spec["datasets"].values()))
    assert [v["selected"] for v in values] == [False, True, True, False, False]
    assert charts.HIGHLIGHT in str(spec)


def test_crossings_chart_separates_official_and_provisional():
    monthly = gc.monthly_with_ratio(b.crossings({"2026-05": (100, 2, "official"), "2026-07": (50, 1, "provisional")}))
    spec = charts.crossings_monthly(monthly, "people", "t").to_dict()
    assert spec["encoding"]["color"]["scale"] == {"domain": ["official", "provisional"],
                                                  "range": ["#0072B2", "#E69F00"]}
    assert set(charts.STATUS_COLOURS.values()) <= set(charts.OKABE_ITO)


def test_year_on_year_puts_years_side_by_side():
    monthly = b.crossings({"2023-09": (10, 1, "official"), "2024-09": (20, 1, "official")})
    frame = gc.year_on_year(monthly, Period("2024-09", "2024-09"))
    spec = charts.year_on_year(frame, "people", "t").to_dict()
    assert spec["encoding"]["x"]["field"] == "year"


def test_picked_months_become_a_period():
    event = {"selection": {"pick": [{"month": "2024-11"}, {"month": "2024-09"}, {"month": "<b>"}]}}
    assert charts.picked_period(event) == Period("2024-09", "2024-11")
    assert charts.picked_period(None) is None


def test_preventions_start_in_may_2024():
    weekly = hc.load_weekly()
    long = gc.preventions(weekly)
    assert long["week_ending"].min() == pd.Timestamp("2024-05-05")
    assert set(long["series"]) == {"Arrived in the UK (Home Office)", "Prevented by France (French figures)"}


def test_nationality_quarters_end_at_2023_q3():
    frame = gc.nationality_by_quarter(hc.load_nationality())
    assert frame["Quarter"].max() == "2023 Q3" and frame["Quarter"].min() == "2018 Q1"
    q3 = frame[frame["Quarter"] == "2022 Q3"]["people"].sum()
    assert q3 == 20301  # agrees with the Home Office quarterly total (data README)
