"""A broken file in data/ names itself; everything that does not need it still works.

Each case damages a temporary copy of data/ and points the app at it with
CHANNEL_ROUTES_DATA.
"""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.builders import copy_of_data, shown
from tests.harness import ROOT


def truncate(path, keep: float = 0.5):
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def drop_column(path, column: str):
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace(column, column + "_renamed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


CASES = {
    "incidents missing": ("incidents/iom_channel_incidents.csv", lambda p: p.unlink(), "file is missing"),
    "crossings truncated": ("crossings/crossings_monthly.csv", truncate, "row "),
    "areas without a column": ("places/areas.csv", lambda p: drop_column(p, "radius_km"), "column is missing"),
    "roads truncated": ("roads/roads_major_ne_z5.geojson", truncate, "is not valid GeoJSON"),
    "road network truncated": ("roads/osm_motorway_trunk_corridor-primary.geojson", truncate,
                               "is not valid GeoJSON"),
    "countries not JSON": ("basemap/countries_wide.geojson", lambda p: p.write_text("<html>"), "is not valid GeoJSON"),
}


@pytest.fixture
def damaged(tmp_path, monkeypatch, request):
    relative, damage, reason = CASES[request.param]
    data = copy_of_data(tmp_path / "data")
    damage(data / relative)
    monkeypatch.setenv("CHANNEL_ROUTES_DATA", str(data))
    st.cache_resource.clear()
    yield relative, reason
    st.cache_resource.clear()


def run(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("damaged", sorted(CASES), indirect=True)
def test_app_starts_names_the_file_and_serves_the_rest(damaged):
    relative, reason = damaged
    at = run(month="2024-09")
    assert not at.exception
    errors = [shown(e.value) for e in at.error]
    assert any(f"data/{relative}" in e and reason in e for e in errors), errors
    figures = {m.label: m.value for m in at.metric}
    assert set(figures) >= {"People crossed", "Boats", "People per boat", "Dead", "Missing"}
    if relative.startswith("crossings"):
        assert figures["People crossed"] == "–" and figures["Dead"] == "22"
    elif relative.startswith("incidents"):
        assert figures["Dead"] == "–" and figures["People crossed"] == "4,192"
    else:
        assert figures["People crossed"] == "4,192" and figures["Dead"] == "22"
    if "road network" in relative or "osm_motorway" in relative:
        assert any("Drive times need the road network" in i.value for i in at.info)
