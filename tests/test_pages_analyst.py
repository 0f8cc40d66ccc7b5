"""AppTest for the analyst pages: every page and filter, URL state, uploads."""

import pytest
from streamlit.testing.v1 import AppTest

import tests.builders as b
from geo.data.load import OUTSIDE_EUROPE
from geo.data.upload import read_upload
from geo.model.period import Period
from tests.builders import shown, shown_table
from tests.harness import app_page

TIMEOUT = 90


def page(path: str, **query) -> AppTest:
    return app_page(path, TIMEOUT, **query)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_incidents_answer_the_readme_question_from_a_link():
    at = page("views/incidents.py", **{"from": "2024-09", "to": "2024-11", "setting": "sea_or_shore"})
    assert not at.exception
    assert metrics(at) == {"Incidents": "17", "Dead": "46", "Missing": "0", "Dead + missing": "46"}
    assert at.selectbox(key="f_setting").value == "sea_or_shore"
    assert "17 incidents in 17 IOM records, 46 dead or missing" in at.text[0].value
    table = shown_table(at.table[-1]) if not shown_table(at.table[-1]).empty else None
    assert table is not None and len(table) == 17


def test_every_filter_changes_the_rows_and_the_url():
    at = page("views/incidents.py", month="2024-09")
    assert metrics(at)["Incidents"] == "3"
    at.selectbox(key="f_setting").set_value("sea_or_shore").run()
    assert at.query_params["setting"] == "sea_or_shore"
    at.multiselect(key="f_cause").set_value(["Drowning"]).run()
    assert at.query_params["cause"] == "Drowning"
    at.multiselect(key="f_country").set_value(["France"]).run()
    at.number_input(key="f_min").set_value(5).run()
    assert not at.exception
    assert metrics(at)["Incidents"] == "1" and metrics(at)["Dead"] == "13" and at.query_params["min"] == "5"
    at.radio(key="f_view").set_value("density").run()
    assert at.query_params["view"] == "density"


def test_table_sorts_and_keeps_the_same_rows():
    at = page("views/incidents.py", month="2024-10")
    rows = len(shown_table(at.table[-1]))
    at.selectbox(key="f_sort").set_value("dead_missing").run()
    table = shown_table(at.table[-1])
    assert len(table) == rows == int(metrics(at)["Incidents"])
    assert list(table["Dead"].astype(int)) == sorted(table["Dead"].astype(int), reverse=True)


def test_details_show_source_quality_in_words():
    at = page("views/incidents.py", month="2024-09")
    details = shown_table(at.table[0]).set_index("Detail")["Value"]
    assert details["Source quality (IOM)"].startswith(("1 –", "2 –", "3 –", "4 –", "5 –", "Mixed"))
    assert at.get("link_button")


@pytest.mark.parametrize("query,warning", [({"setting": "moon"}, "setting"), ({"min": "-1"}, "min"),
                                           ({"country": "Atlantis"}, "country")])
def test_bad_filter_links_get_a_message(query, warning):
    at = page("views/incidents.py", month="2024-09", **query)
    assert not at.exception
    assert any(warning in shown(w.value) for w in at.warning)


def test_a_chart_pick_sets_the_shared_period():
    at = page("views/incidents.py", month="2024-09")
    at.session_state["period_wanted"] = Period("2023-10", "2023-10")
    at.run()
    assert at.selectbox(key="period_month").value == "2023-10"
    assert "Oct 2023" in at.title[0].value and at.query_params["month"] == "2023-10"


def test_upload_shows_accepted_rows_errors_and_keeps_shipped_data():
    data = b.generic_csv([("2024-09-03", 50.8, 1.6, 7, 0, b.HOSTILE[0]), ("2024-09-04", 95, 1.6, 1, 0, "bad")])
    at = page("views/incidents.py", month="2024-09")
    at.session_state["upload_result"] = read_upload("mine.csv", data)
    at.session_state["upload_bytes"] = ("mine.csv", data)
    at.run()
    assert not at.exception
    assert any("1 of 2 rows accepted" in s.value for s in at.success)
    issues = shown_table(at.table[-1])
    assert issues.values.tolist() == [[3, "latitude", "95", f"must be at most 72: {OUTSIDE_EUROPE}"]]
    assert metrics(at)["Incidents"] == "4" and metrics(at)["Dead"] == "29"
    at.radio(key="f_source").set_value("upload").run()
    assert metrics(at)["Incidents"] == "1" and at.query_params["data"] == "upload"
    at.radio(key="f_source").set_value("shipped").run()
    assert metrics(at)["Incidents"] == "3" and metrics(at)["Dead"] == "22"


def test_unreadable_upload_gets_one_message_and_the_page_works():
    at = page("views/incidents.py", month="2024-09")
    at.session_state["upload_result"] = read_upload("junk.csv", b"\xff\xfe\x00")
    at.session_state["upload_bytes"] = ("junk.csv", b"\xff\xfe\x00")
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and "junk" in shown(at.error[0].value) and "cannot be read" in shown(at.error[0].value)
    assert metrics(at)["Incidents"] == "3"


def test_crossings_page_from_a_link():
    at = page("views/crossings.py", **{"from": "2024-09", "to": "2024-11", "measure": "people_per_boat"})
    assert not at.exception
    shown = metrics(at)
    assert (shown["People crossed"], shown["Boats"], shown["People per boat"]) == ("12,510", "229", "54.6")
    assert at.radio(key="c_measure").value == "people_per_boat"
    years = shown_table(at.table[-1]).set_index("Year")
    assert years.loc["2023", "People per boat"] == "52.3" and years.loc["2024", "People per boat"] == "54.6"
    assert any("week ending 5 May 2024" in c.value for c in at.caption)
    assert any("2023 Q3" in c.value for c in at.caption)


def test_crossings_measure_goes_into_the_url():
    at = page("views/crossings.py", month="2026-07")
    assert any("Provisional" in c.value for c in at.caption)
    at.radio(key="c_measure").set_value("boats").run()
    assert at.query_params["measure"] == "boats"


def test_compare_defaults_to_the_readme_question():
    at = page("views/compare.py", month="2024-09", setting="sea_or_shore")
    assert not at.exception
    shown = metrics(at)
    assert (shown["Dead (A)"], shown["Dead (B)"], shown["Missing (A)"], shown["Missing (B)"]) == ("4", "46", "0", "0")
    assert (shown["People per boat (A)"], shown["People per boat (B)"]) == ("52.3", "54.6")
    assert [t.value for t in at.text][:2] == [
        "Map A summary: 2 incidents, 4 dead or missing, Sep 2023 – Nov 2023, at sea or on the shore.",
        "Map B summary: 17 incidents, 46 dead or missing, Sep 2024 – Nov 2024, at sea or on the shore."]


def test_compare_periods_live_in_the_url():
    at = page("views/compare.py", month="2024-09", a_from="2022-01", a_to="2022-12")
    assert metrics(at)["People crossed (A)"] == "45,774"
    at.selectbox(key="b_to").set_value("2024-12").run()
    assert at.query_params["b_to"] == "2024-12" and at.query_params["a_from"] == "2022-01"
    assert metrics(at)["People crossed (B)"] == "15,764" and metrics(at)["Boats (B)"] == "292"


def test_a_range_link_survives_the_next_run():
    at = page("views/incidents.py", **{"from": "2023-09", "to": "2023-11"})
    at.selectbox(key="f_setting").set_value("sea_or_shore").run()
    assert not at.exception
    assert at.select_slider(key="period_range").value == ("2023-09", "2023-11")
    assert metrics(at)["Dead"] == "4" and at.query_params["from"] == "2023-09"


def test_incidents_page_says_no_data_for_a_month_iom_does_not_cover():
    at = page("views/incidents.py", month="2025-11")
    assert not at.exception
    assert (metrics(at)["Dead"], metrics(at)["Missing"], metrics(at)["Incidents"]) == ("no data",) * 3
    assert at.text[0].value.startswith("Map summary: no data, IOM has no records for Nov 2025")


def test_compare_says_no_data_for_a_side_iom_does_not_cover():
    at = page("views/compare.py", a_from="2025-10", a_to="2025-12")
    assert (metrics(at)["Dead (A)"], metrics(at)["Missing (A)"]) == ("no data", "no data")
    assert metrics(at)["Dead (B)"] not in ("no data", "0")


def test_crossings_page_says_no_data_before_home_office_starts():
    at = page("views/crossings.py", month="2015-03")
    assert not at.exception
    assert metrics(at)["People crossed"] == "no data"
    assert any("Home Office has no records for Mar 2015: its data starts 1 Jan 2018" in shown(c.value)
               for c in at.caption)


@pytest.mark.parametrize("path", ["views/incidents.py", "views/compare.py"])
def test_a_link_with_an_odd_minimum_gets_a_message_and_the_default(path):
    at = page(path, month="2024-09", min="²")
    assert not at.exception
    assert any("min '²' is not a whole number from 0 to 500; using 0" in shown(w.value) for w in at.warning)
    assert at.number_input(key="f_min").value == 0


@pytest.mark.parametrize("path,param,bad,key,default", [
    ("views/incidents.py", "view", "heatmap", "f_view", "clusters"),
    ("views/crossings.py", "measure", "deaths", "c_measure", "people")])
def test_a_bad_choice_in_a_link_gets_a_message_and_the_default(path, param, bad, key, default):
    at = page(path, month="2024-09", **{param: bad})
    assert not at.exception
    assert at.radio(key=key).value == default and param not in at.query_params
    assert [w for w in at.warning if f"The link's {param} '{bad}' is not one of" in shown(w.value)
            and f"showing {default}" in shown(w.value)]


def test_the_upload_source_choice_lives_in_the_url_and_a_bad_one_gets_a_message():
    data = b.generic_csv([("2024-09-03", 50.8, 1.6, 7, 0, "Calais")])
    at = page("views/incidents.py", month="2024-09")
    at.session_state["upload_result"] = read_upload("mine.csv", data)
    at.query_params["data"] = "mine"  # read once the session holds an upload
    at.run()
    assert at.radio(key="f_source").value == "both" and "data" not in at.query_params
    assert [w for w in at.warning if "The link's data 'mine' is not one of shipped, upload, both" in shown(w.value)]
    at.radio(key="f_source").set_value("shipped").run()
    assert at.query_params["data"] == "shipped" and metrics(at)["Incidents"] == "3"


def test_an_upload_that_repeats_shipped_records_counts_each_once():
    from geo.data.load import load_all
    shipped = load_all().tables["incidents"]
    september = shipped[shipped["year_month"] == "2024-09"].iloc[0]
    upload = b.iom_figures_csv([((september["incident_id"], september["record_id"]), "2024-09-03",
                                 int(september["dead"]) + 100, 0, "Off Calais", "50.95, 1.85")])
    at = page("views/incidents.py", month="2024-09")
    before = metrics(at)
    at.session_state["upload_result"] = read_upload("iom.csv", upload)
    at.run()
    after = metrics(at)
    assert after["Incidents"] == before["Incidents"]
    assert int(after["Dead"]) == int(before["Dead"]) + 100  # the shipped record's dead are replaced, not added
    assert [c for c in at.caption if "1 record of your upload has the ID of a shipped IOM record" in c.value]


def test_a_link_message_stays_through_reruns_until_the_reader_changes_that_setting():
    """The in-place map reruns the page when it reports its view: that must not hide the link's message."""
    at = page("views/incidents.py", month="2099-01", view="heatmap", setting="moon")
    for _rerun in range(2):
        shown_warnings = " ".join(shown(w.value) for w in at.warning)
        assert "2099-01" in shown_warnings and "'heatmap'" in shown_warnings and "'moon'" in shown_warnings
        at.run()
    at.radio(key="f_view").set_value("points").run()
    shown_warnings = " ".join(shown(w.value) for w in at.warning)
    assert "'heatmap'" not in shown_warnings and "2099-01" in shown_warnings and "'moon'" in shown_warnings
    at.selectbox(key="f_setting").set_value("land_or_inland").run()
    assert "'moon'" not in " ".join(shown(w.value) for w in at.warning)
