"""The route map in Debian's Chromium with every request outside localhost blocked."""

import re

import pytest
from playwright.sync_api import expect

from geo.data import load
from geo.model import stats
from geo.model.period import Period
from geo.vocab import LAYER_NAMES
from tests.harness import map_frame

pytestmark = pytest.mark.browser


def metric_values(page) -> dict[str, str]:
    page.wait_for_selector('[data-testid="stMetric"]', timeout=30000)
    shown = {}
    for metric in page.locator('[data-testid="stMetric"]').all():
        label = metric.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        shown[label] = metric.locator('[data-testid="stMetricValue"]').inner_text().strip()
    return shown


def test_map_shows_all_eight_layers_offline_with_no_errors(app_url, web):
    web.page.goto(f"{app_url}/?month=2024-09")
    frame = map_frame(web.page)
    labels = [t.strip() for t in frame.locator(".leaflet-control-layers label").all_inner_texts()]
    assert labels == list(LAYER_NAMES)
    assert frame.locator(".leaflet-overlay-pane canvas, .leaflet-overlay-pane svg").count() >= 1
    legend = frame.locator(".cr-legend").text_content()
    assert "Landing point in Kent" in legend and "at sea or shore / on land" in legend
    credits = frame.locator(".leaflet-control-attribution").inner_text()
    assert "IOM Missing Migrants Project" in credits and "UK Home Office" in credits
    assert web.page.locator('[data-testid="stException"]').count() == 0
    assert web.errors == []
    assert web.external == []


@pytest.mark.parametrize("month", ["2018-11", "2021-11", "2024-09", "2026-06"])
def test_metrics_for_a_month_match_the_data(app_url, web, month):
    period = Period(month, month)
    expected = stats.figures(stats.headline(load.load_crossings_monthly(), load.load_incidents(), period))
    web.page.goto(f"{app_url}/?month={month}")
    web.page.wait_for_selector(f"h1:has-text('{period.label}')", timeout=30000)
    # the drive section comes once the map has drawn (a session's first visit draws the map first)
    expect(web.page.locator('[data-testid="stMetric"]', has_text="driving time")).to_be_visible(timeout=30000)
    shown = metric_values(web.page)
    assert {f.label: shown.get(f.label) for f in expected} == {f.label: f.value for f in expected}
    assert re.fullmatch(r"\d\.\d–\d\.\d h", shown["Ruhr/Cologne area → Dunkirk–Calais coast, driving time"])
    assert web.external == []


def test_picking_a_month_updates_the_figures_and_the_url(app_url, web):
    web.page.goto(f"{app_url}/?month=2024-09")
    web.page.wait_for_selector("h1:has-text('Sep 2024')", timeout=30000)
    web.page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').click()
    web.page.keyboard.type("Sep 2023")
    web.page.get_by_role("option", name="Sep 2023").click()
    people = web.page.locator('[data-testid="stMetric"]', has_text="People crossed")
    expect(people.locator('[data-testid="stMetricValue"]')).to_have_text("4,729", timeout=30000)
    assert "Sep 2023" in web.page.locator("h1").first.inner_text()
    assert re.search(r"month=2023-09", web.page.url)
    assert web.external == []


def test_a_link_with_markup_in_the_month_shows_it_as_text_and_loads_nothing(app_url, web):
    payload = "![pixel](http://evil.example/pixel.png)"
    web.page.goto(f"{app_url}/?month={payload}")
    warning = web.page.locator('[data-testid="stAlert"]', has_text="is not a month as YYYY-MM").first
    warning.wait_for(timeout=30000)
    assert payload in warning.inner_text()
    assert warning.locator("img").count() == 0
    map_frame(web.page)
    assert web.external == [] and web.errors == []
