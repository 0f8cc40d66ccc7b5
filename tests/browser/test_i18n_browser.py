"""French and German in Chromium: the route map and the explainer, with every request outside localhost blocked."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from geo import i18n
from geo.data import load
from geo.export.explainer import export_html
from geo.model import scene
from geo.model.period import Period
from geo.vocab import LAYER_NAMES
from tests.browser.test_export_browser import serve
from tests.harness import LOCAL_PREFIXES, map_frame

pytestmark = pytest.mark.browser
PERIOD = Period("2024-01", "2024-12")
PEOPLE_2024 = {"fr": ("Personnes ayant traversé", "36\u202f816"), "de": ("Übergesetzte Personen", "36.816")}


def translated_layers(lang: str) -> list[str]:
    with i18n.use_language(lang):
        return [i18n._(name) for name in LAYER_NAMES]


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_route_map_in_french_and_german(app_url, web, lang):
    label, people = PEOPLE_2024[lang]
    web.page.goto(f"{app_url}/?lang={lang}&from={PERIOD.start}&to={PERIOD.end}")
    metric = web.page.locator('[data-testid="stMetric"]', has_text=label)
    expect(metric.locator('[data-testid="stMetricValue"]')).to_have_text(people, timeout=60000)
    frame = map_frame(web.page)
    labels = [t.strip() for t in frame.locator(".leaflet-control-layers label").all_inner_texts()]
    assert labels == translated_layers(lang)
    legend = frame.locator(".cr-legend").inner_text()
    assert {"fr": "Légende", "de": "Legende"}[lang] in legend
    assert web.errors == [] and web.external == []


def test_the_browser_language_is_the_default(browser, app_url):
    blocked: list[str] = []

    def guard(route):
        if route.request.url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context = browser.new_context(locale="de-DE", viewport={"width": 1400, "height": 1000})
    context.route("**/*", guard)
    page = context.new_page()
    page.goto(f"{app_url}/?month=2024-09")
    expect(page.locator("h1").first).to_contain_text("Die Small-Boat-Route", timeout=60000)
    context.close()
    assert blocked == []


@pytest.fixture(scope="module")
def explainers(tmp_path_factory):
    data = load.load_all()
    built = scene.build_scene(data)
    folder = tmp_path_factory.mktemp("i18n-export")
    for lang in ("fr", "de"):
        with i18n.use_language(lang):
            page = export_html(built, data.tables["incidents"], data.tables["crossings"], PERIOD)
        (folder / f"{lang}.html").write_text(page, encoding="utf-8")
    server, url = serve(folder)
    yield url
    server.shutdown()


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_explainer_in_french_and_german(explainers, web, lang):
    web.page.goto(f"{explainers}/{lang}.html")
    web.page.wait_for_selector("html[data-ready='1']", timeout=30000)
    assert web.page.locator("html").get_attribute("lang") == lang
    assert web.page.locator("#cr-people").inner_text() == PEOPLE_2024[lang][1]  # written by the page script
    labels = [t.strip() for t in web.page.locator(".leaflet-control-layers label").all_inner_texts()]
    assert labels == translated_layers(lang)
    web.page.locator("#cr-month").fill("8")  # September 2024
    expect(web.page.locator("#cr-month-label")).to_have_text({"fr": "sept. 2024", "de": "Sept. 2024"}[lang])
    expect(web.page.locator("#cr-people")).to_have_text({"fr": "4\u202f192", "de": "4.192"}[lang])
    assert web.errors == [] and web.external == []


def test_crossings_charts_draw_in_german(app_url, web):
    web.page.goto(f"{app_url}/crossings?lang=de&from=2024-01&to=2024-12")
    expect(web.page.locator("h1").first).to_contain_text("Überfahrten in Small Boats", timeout=60000)
    charts = web.page.locator('[data-testid="stVegaLiteChart"]')
    expect(charts.first).to_be_visible(timeout=60000)
    expect(charts.first.locator("canvas, svg").first).to_be_attached(timeout=30000)
    assert web.errors == [] and web.external == []
