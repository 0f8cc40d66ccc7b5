"""AppTest: every page runs, and the figures follow the period."""

import pytest
from streamlit.testing.v1 import AppTest

import geo.data.load
import geo.model.routing
from tests.builders import shown
from tests.harness import ROOT

TIMEOUT = 60


def app(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_route_map_runs_with_the_default_period():
    at = app()
    assert not at.exception
    assert "Sep 2025 – Aug 2026" in at.title[0].value
    assert at.radio(key="period_mode").value == "Range"
    assert metrics(at)["People crossed"] == "28,366"


def test_month_in_url_shows_that_months_official_figures():
    at = app(month="2024-09")
    shown = metrics(at)
    assert (shown["People crossed"], shown["Boats"], shown["People per boat"]) == ("4,192", "76", "55.2")
    assert (shown["Dead"], shown["Missing"]) == ("22", "0")
    assert any("UK Home Office, official" in c.value for c in at.caption)


def test_changing_the_month_changes_the_figures_and_the_url():
    at = app(month="2024-09")
    at.selectbox(key="period_month").set_value("2023-09").run()
    assert metrics(at)["People crossed"] == "4,729"
    assert at.query_params["month"] == "2023-09"


def test_range_in_url():
    at = app(**{"from": "2024-01", "to": "2024-12"})
    assert metrics(at)["People crossed"] == "36,816" and metrics(at)["Boats"] == "695"


@pytest.mark.parametrize("bad", ["2024-13", "soon", "<script>alert(1)</script>"])
def test_bad_month_in_url_gets_a_message_and_the_default(bad):
    at = app(month=bad)
    assert not at.exception
    assert any("not a month as YYYY-MM" in shown(w.value) for w in at.warning)
    assert "Sep 2025 – Aug 2026" in at.title[0].value


def test_period_change_does_not_reload_files_or_rebuild_the_graph(monkeypatch):
    import streamlit as st
    st.cache_resource.clear()
    calls = {"read": 0, "graph": 0}
    read_table, build_graph = geo.data.load.read_table, geo.model.routing.build_road_graph

    def counting_read(*args, **kwargs):
        calls["read"] += 1
        return read_table(*args, **kwargs)

    def counting_graph(*args, **kwargs):
        calls["graph"] += 1
        return build_graph(*args, **kwargs)

    monkeypatch.setattr(geo.data.load, "read_table", counting_read)
    monkeypatch.setattr(geo.model.routing, "build_road_graph", counting_graph)
    at = app(month="2024-09")
    first = dict(calls)
    assert first["read"] >= 5 and first["graph"] == 1
    for month in ("2023-09", "2022-09", "2021-09"):
        at.selectbox(key="period_month").set_value(month).run()
    assert not at.exception
    assert calls == first
    st.cache_resource.clear()


GAP_WHY = "IOM has no records for Nov 2025: known gap 29 Sep 2025 – 26 Jan 2026"


def test_a_month_in_the_iom_gap_says_no_data_not_zero():
    at = app(month="2025-11")
    assert not at.exception
    shown_metrics = metrics(at)
    assert (shown_metrics["Dead"], shown_metrics["Missing"]) == ("no data", "no data")
    assert "0" not in (shown_metrics["Dead"], shown_metrics["Missing"])
    assert shown_metrics["People crossed"] == "2,338"
    assert any(GAP_WHY in shown(c.value) for c in at.caption)


def test_a_month_after_the_iom_copy_ends_says_no_data():
    at = app(month="2026-07")
    assert (metrics(at)["Dead"], metrics(at)["Missing"]) == ("no data", "no data")
    assert any("IOM has no records for Jul 2026: its data ends 3 May 2026" in shown(c.value) for c in at.caption)


def test_the_default_period_says_which_months_iom_covers():
    at = app()
    assert metrics(at)["Dead"] == "19"
    captions = [shown(c.value) for c in at.caption]
    assert "19 dead, 3 missing in the 6 of 12 months IOM covers (3 in part)." in captions
    assert any("IOM has no records for Oct 2025 – Dec 2025" in c and "not zero" in c for c in captions)


def test_route_map_answers_the_drive_time_claim_with_a_table(monkeypatch):
    import streamlit as st

    from tests.builders import shown_table
    st.cache_resource.clear()
    calls = {"graph": 0, "routes": 0}
    build_graph, supply_routes = geo.model.routing.build_road_graph, geo.model.routing.supply_routes
    monkeypatch.setattr(geo.model.routing, "build_road_graph",
                        lambda *a: calls.__setitem__("graph", calls["graph"] + 1) or build_graph(*a))
    monkeypatch.setattr(geo.model.routing, "supply_routes",
                        lambda *a: calls.__setitem__("routes", calls["routes"] + 1) or supply_routes(*a))
    at = app(month="2024-09")
    answer = metrics(at)["Ruhr/Cologne area → Dunkirk–Calais coast, driving time"]
    text = " ".join(shown(m.value) for m in at.markdown)
    assert answer.endswith(" h") and f"{answer} of driving" in text
    assert "“driven for four or five hours”" in text and "could not find it in any archived page" in text
    assert "“just a three-hour drive from the Channel coast”" in text
    tables = [shown_table(t) for t in at.table]
    routes = next(t for t in tables if "Roads" in t.columns)
    essen = routes[(routes["Origin"] == "Essen") & (routes["Destination"] == "Calais – Sangatte – Wissant")].iloc[0]
    assert essen["Roads"] == "A40 – A67 – E34 – R1 – E17 – E40 – A16" and 400 * 0.98 <= float(essen["km"]) <= 400 * 1.1
    assert float(essen["Hours (low)"]) < float(essen["Hours (high)"])
    assert any("German Autobahn" in set(t.get("Road", [])) for t in tables)
    at.number_input(key="speed").set_value(80.0).run()
    assert not at.exception
    slower = metrics(at)["Ruhr/Cologne area → Dunkirk–Calais coast, driving time"]
    assert slower != answer and calls == {"graph": 1, "routes": 1}
    st.cache_resource.clear()
