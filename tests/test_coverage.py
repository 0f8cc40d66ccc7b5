"""Coverage: "no data" is not zero, for IOM, Home Office and uploads."""

import datetime as dt

import pytest

import tests.builders as b
from geo.data import load
from geo.export import explainer as export
from geo.model import coverage as cov
from geo.model import stats
from geo.model.period import Period

GAP_WHY = "IOM has no records for Nov 2025: known gap 29 Sep 2025 – 26 Jan 2026"


@pytest.fixture(scope="module")
def shipped():
    return load.load_crossings_monthly(), load.load_incidents()


@pytest.mark.parametrize(("month", "status"), [
    ("2013-12", "before"), ("2014-01", "covered"), ("2025-08", "covered"), ("2025-09", "partial"),
    ("2025-10", "gap"), ("2025-12", "gap"), ("2026-01", "partial"), ("2026-04", "covered"),
    ("2026-05", "partial"), ("2026-06", "after")])
def test_shipped_iom_months(shipped, month, status):
    assert cov.incidents_coverage(shipped[1]).month(month).status == status


@pytest.mark.parametrize(("month", "status"), [
    ("2017-12", "before"), ("2018-01", "covered"), ("2026-06", "covered"), ("2026-08", "partial"),
    ("2026-09", "after")])
def test_shipped_home_office_months(shipped, month, status):
    assert cov.crossings_coverage(shipped[0]).month(month).status == status


def test_a_month_missing_inside_the_home_office_table_is_a_gap():
    crossings = b.crossings({"2024-01": (5, 1, "official"), "2024-03": (7, 1, "official")})
    month = cov.crossings_coverage(crossings).month("2024-02")
    assert (month.status, month.why) == ("gap", "Home Office has no records for Feb 2024: the month is not in the data")
    h = stats.headline(crossings, None, Period("2024-02", "2024-02"))
    assert h.people is None and [f.value for f in stats.figures(h)[:3]] == ["no data"] * 3


def test_known_gap_is_dropped_when_the_data_has_rows_in_it():
    rows = b.incidents([{"date": "2025-01-05"}, {"date": "2025-11-05"}, {"date": "2026-03-01"}])
    assert cov.incidents_coverage(rows).month("2025-11").status == "covered"


def test_an_upload_covers_its_own_span():
    rows = b.incidents([{"date": "2025-10-05"}, {"date": "2025-12-20"}])
    upload = cov.upload_coverage(rows)
    assert [upload.month(m).status for m in ("2025-09", "2025-10", "2025-11", "2025-12", "2026-01")] == [
        "before", "partial", "covered", "partial", "after"]
    both = cov.combined(cov.iom_style(dt.date(2014, 1, 30), dt.date(2026, 5, 3), [cov.IOM_KNOWN_GAP]), upload,
                        "IOM or your upload")
    assert both.month("2025-11").status == "covered"


def test_month_in_the_gap_says_no_data_never_zero(shipped):
    h = stats.headline(*shipped, Period("2025-11", "2025-11"))
    dead, missing = stats.figures(h)[3:]
    assert (dead.value, missing.value) == ("no data", "no data")
    assert dead.coverage == GAP_WHY and h.dead is None and h.incidents is None
    assert [f.value for f in stats.figures(h)[:2]] == ["2,338", "33"]


def test_month_after_the_iom_copy_ends_says_no_data(shipped):
    dead = stats.figures(stats.headline(*shipped, Period("2026-07", "2026-07")))[3]
    assert (dead.value, dead.coverage) == ("no data", "IOM has no records for Jul 2026: its data ends 3 May 2026")


def test_default_period_says_which_months_iom_covers(shipped):
    h = stats.headline(*shipped, Period("2025-09", "2026-08"))
    assert stats.figures(h)[3].value == "19"
    assert "19 dead, 3 missing in the 6 of 12 months IOM covers (3 in part)." in stats.coverage_sentences(h)
    assert stats.figures(h)[0].coverage == ("with Aug 2026 in part: 20 of 31 days (data ends 20 Aug 2026)")


def test_before_iom_starts_and_before_home_office_starts(shipped):
    h = stats.headline(*shipped, Period("2013-06", "2013-07"))
    assert [f.value for f in stats.figures(h)] == ["no data"] * 5
    assert stats.figures(h)[3].coverage == "IOM has no records for Jun 2013 – Jul 2013: its data starts 1 Jan 2014"


def test_explainer_data_marks_uncovered_months(shipped):
    h = stats.headline(*shipped, Period("2025-09", "2026-08"))
    data = export.coverage_data(h)
    assert data["iom"]["none"]["2025-11"] == GAP_WHY
    assert set(data["iom"]["none"]) == {"2025-10", "2025-11", "2025-12", "2026-06", "2026-07", "2026-08"}
    assert set(data["iom"]["partial"]) == {"2025-09", "2026-01", "2026-05"}
    assert data["ho"]["none"] == {} and set(data["ho"]["partial"]) == {"2026-08"}


def test_incident_chart_draws_uncovered_months_as_gaps_never_zero(shipped):
    from geo.maps import charts
    from geo.model import filters as gf

    incidents = shipped[1]
    series = gf.monthly_series(incidents, Period("2025-08", "2026-08"), Period("2025-11", "2025-11"),
                               cov.incidents_coverage(incidents)).set_index("month")
    assert list(series.index[series["gap"]]) == ["2025-10", "2025-11", "2025-12", "2026-06", "2026-07", "2026-08"]
    assert series.loc[["2025-11", "2026-07"], "dead_missing"].isna().all()
    assert series.loc["2026-07", "why"] == "IOM has no records for Jul 2026: its data ends 3 May 2026"
    assert series.loc["2026-05", "dead_missing"] >= 0 and not series.loc["2026-05", "gap"]
    spec = charts.incidents_monthly(series.reset_index(), "t").to_dict()
    assert "No data (not zero)" in str(spec)
