"""The exported explainer in Chromium with every request outside localhost blocked.

The file is served by one http.server; a host page that embeds it with the
iframe snippet is served by another, so the two have different origins.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from playwright.sync_api import expect

from geo.data import load
from geo.export.embed import iframe_snippet
from geo.export.explainer import export_html
from geo.model import scene, stats
from geo.model.period import Period
from tests.harness import free_port, open_session

pytestmark = pytest.mark.browser
PERIOD = Period("2024-01", "2024-12")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory) -> tuple[http.server.ThreadingHTTPServer, str]:
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                             functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def data():
    return load.load_all()


@pytest.fixture(scope="module")
def sites(tmp_path_factory, data):
    """(explainer URL, host page URL) on two different localhost ports."""
    export_dir, host_dir = tmp_path_factory.mktemp("export"), tmp_path_factory.mktemp("host")
    page = export_html(scene.build_scene(data), data.tables["incidents"], data.tables["crossings"], PERIOD)
    (export_dir / "explainer.html").write_text(page, encoding="utf-8")
    export_server, export_url = serve(export_dir)
    explainer = f"{export_url}/explainer.html"
    (host_dir / "article.html").write_text(
        "<!DOCTYPE html><html><head><meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"</head><body><h1>A newsroom article</h1>{iframe_snippet(explainer)}</body></html>", encoding="utf-8")
    host_server, host_url = serve(host_dir)
    yield explainer, f"{host_url}/article.html"
    export_server.shutdown()
    host_server.shutdown()


def csp_watch(session) -> list[str]:
    violations = []
    session.page.on("console", lambda m: violations.append(m.text)
                    if "Content Security Policy" in m.text else None)
    return violations


def open_explainer(session, url):
    session.page.goto(url)
    session.page.wait_for_selector("html[data-ready]", timeout=30000)
    return session.page


def expected(data, months: list[str]) -> dict[str, str]:
    h = stats.headline(data.tables["crossings"], data.tables["incidents"], Period(months[0], months[-1]))
    return {"people": f"{h.people:,}", "dead": f"{h.dead:,}", "incidents": h.incidents}


def shown(page) -> dict[str, str]:
    return {"people": page.inner_text("#cr-people"), "dead": page.inner_text("#cr-dead"),
            "incidents": page.evaluate("crExplainer.markers()")}


def test_map_renders_with_zero_external_requests(web, sites):
    violations = csp_watch(web)
    page = open_explainer(web, sites[0])
    assert page.locator(".leaflet-overlay-pane canvas").count() >= 1
    assert page.locator(".leaflet-control-layers label").count() == 8
    assert "UK Home Office (OGL v3.0)" in page.inner_text("footer")
    assert web.external == [] and web.errors == [] and violations == []


def test_slider_filters_markers_and_updates_figures(web, sites, data):
    page = open_explainer(web, sites[0])
    whole = shown(page)
    assert whole == {**expected(data, PERIOD.months), "incidents": 37}
    page.focus("#cr-month")
    page.keyboard.press("Home")
    january = shown(page)
    assert page.inner_text("#cr-month-label") == "Jan 2024"
    assert january == expected(data, ["2024-01"])
    assert january["incidents"] < whole["incidents"] and january["people"] != whole["people"]
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    assert page.inner_text("#cr-month-label") == "Sep 2024"
    assert shown(page) == expected(data, ["2024-09"])
    assert page.inner_text("#cr-people") == "4,192"
    page.click("#cr-whole")
    assert shown(page) == whole
    assert web.external == [] and web.errors == []


def test_play_steps_through_the_months(web, sites):
    page = open_explainer(web, sites[0])
    page.click("#cr-play")
    # wait_for_function would need eval, which the page's CSP forbids: poll the text instead.
    expect(page.locator("#cr-month-label")).to_have_text("Feb 2024", timeout=10000)
    page.click("#cr-play")
    assert page.get_attribute("#cr-play", "aria-pressed") == "false"


def test_story_steps_work_from_the_keyboard(web, sites):
    page = open_explainer(web, sites[0])
    page.focus("#cr-story-start")
    page.keyboard.press("Enter")
    assert page.inner_text("#cr-story-title") == "1. Storage"
    # the storage places in Germany, fitted clear of the Strait inset (the chain view ends near 11.7° E)
    page.wait_for_function("() => CR_MAP.getBounds().getEast() > 14", timeout=15000)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.inner_text("#cr-story-title") == "3. The beaches"
    assert page.inner_text("#cr-story-count") == "3 / 5"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.inner_text("#cr-story-title") == "5. Deaths and missing people"
    # the view moved west, to the coast and the Strait
    page.wait_for_function("() => CR_MAP.getBounds().getEast() < 7", timeout=15000)
    page.keyboard.press("ArrowLeft")
    assert page.inner_text("#cr-story-title") == "4. The crossing"
    page.keyboard.press("Escape")
    assert page.locator("#cr-story").is_hidden()


def test_page_fits_a_375_px_phone(browser, sites):
    session = open_session(browser, width=375, height=740)
    try:
        page = open_explainer(session, sites[0])
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        assert page.locator("#cr-map").bounding_box()["height"] >= 300
        assert page.locator(".leaflet-overlay-pane canvas").count() >= 1
        assert session.external == [] and session.errors == []
    finally:
        session.context.close()


def test_works_in_a_sandboxed_iframe_on_another_origin(web, sites, data):
    violations = csp_watch(web)
    web.page.goto(sites[1])
    frame = web.page.frame_locator("iframe")
    frame.locator("html[data-ready]").wait_for(timeout=30000)
    assert web.page.evaluate("document.querySelector('iframe').contentDocument") is None  # sandboxed
    assert frame.locator(".leaflet-overlay-pane canvas").count() >= 1
    frame.locator("#cr-month").focus()
    web.page.keyboard.press("Home")
    assert frame.locator("#cr-people").inner_text() == expected(data, ["2024-01"])["people"]
    assert web.external == [] and web.errors == [] and violations == []


def callout(page, label: str) -> str:
    box = page.locator(".cr-callout").filter(has_text=label).first
    return box.locator("b").inner_text()


def test_presentation_opens_from_a_link_and_arrow_keys_step_months(app_url, web, data):
    from tests.harness import map_frame

    def shown(month: str) -> int:
        return len(stats.incidents_in(data.tables["incidents"], Period(month, month)))

    web.page.goto(f"{app_url}/presentation?month=2024-09")
    web.page.wait_for_selector("h1:has-text('Sep 2024')", timeout=60000)
    assert callout(web.page, "People crossed") == "4,192"
    frame = map_frame(web.page)
    frame.wait_for_function(f"() => window.crIncidents && window.crIncidents.shown === {shown('2024-09')}",
                            timeout=30000)
    assert frame.evaluate("() => getComputedStyle(document.querySelector('.leaflet-container')).fontSize") == "20px"
    frame.evaluate("() => { window.__sameDocument = true; }")
    web.page.locator("h1").click()  # focus the page, outside the map
    web.page.keyboard.press("ArrowRight")
    web.page.wait_for_selector("h1:has-text('Oct 2024')", timeout=30000)
    october = stats.headline(data.tables["crossings"], data.tables["incidents"], Period("2024-10", "2024-10"))
    expect(web.page.locator(".cr-callout").filter(has_text="People crossed").locator("b")).to_have_text(
        f"{october.people:,}", timeout=30000)
    assert "month=2024-10" in web.page.url
    # the projector's map stays: the incidents are redrawn in place, without a new document
    frame.wait_for_function(f"() => window.crIncidents.shown === {shown('2024-10')}", timeout=30000)
    assert frame.evaluate("() => window.__sameDocument") is True and web.page.evaluate("() => window.crMapDocs") == 1
    web.page.keyboard.press("ArrowLeft")
    web.page.wait_for_selector("h1:has-text('Sep 2024')", timeout=30000)
    web.page.keyboard.press("ArrowLeft")
    web.page.wait_for_selector("h1:has-text('Aug 2024')", timeout=30000)
    assert "month=2024-08" in web.page.url
    assert web.page.locator('[data-testid="stException"]').count() == 0
    assert web.external == [] and web.errors == []


def test_hostile_text_stays_inert_when_every_popup_opens(web, tmp_path, data):
    from tests import builders

    hostile = builders.incidents([{"date": "2024-03-01", "location": text, "cause": text, "source": text,
                                   "url": "javascript:alert(9)"} for text in builders.HOSTILE])
    page_html = export_html(scene.build_scene(data), hostile, data.tables["crossings"], PERIOD)
    (tmp_path / "hostile.html").write_text(page_html, encoding="utf-8")
    server, url = serve(tmp_path)
    try:
        page = open_explainer(web, f"{url}/hostile.html")
        opened = page.evaluate("""() => { let n = 0; CR_INC.eachLayer(l => {
            if (l.getPopup && l.getPopup()) { l.openPopup(); l.openTooltip(); n += 1; } }); return n; }""")
        assert opened == len(builders.HOSTILE)
        shown = page.inner_text(".leaflet-popup-content")  # Leaflet keeps the last popup open
        assert any(text in shown for text in builders.HOSTILE)  # shown as text, not markup
        assert page.locator(".leaflet-popup-content img, .leaflet-popup-content a[href^='javascript']").count() == 0
        page.wait_for_timeout(300)  # let an injected onerror fire if there were one
        assert page.evaluate("window.__pwned === undefined")
        assert web.dialogs == [] and web.errors == [] and web.external == []
    finally:
        server.shutdown()


def test_slider_at_a_month_iom_does_not_cover_shows_no_data(web, tmp_path, data):
    page_html = export_html(scene.build_scene(data), data.tables["incidents"], data.tables["crossings"],
                            Period("2025-08", "2025-12"))
    (tmp_path / "gap.html").write_text(page_html, encoding="utf-8")
    server, url = serve(tmp_path)
    try:
        page = open_explainer(web, f"{url}/gap.html")
        assert "in the 2 of 5 months IOM covers (1 in part)" in page.inner_text("#cr-coverage")
        page.focus("#cr-month")
        page.keyboard.press("Home")
        assert page.inner_text("#cr-month-label") == "Aug 2025"
        assert page.inner_text("#cr-dead") not in ("no data", "0")
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        assert page.inner_text("#cr-month-label") == "Nov 2025"
        assert [page.inner_text(f"#cr-{k}") for k in ("dead", "missing", "incidents")] == ["no data"] * 3
        assert page.inner_text("#cr-coverage") == (
            "IOM has no records for Nov 2025: known gap 29 Sep 2025 – 26 Jan 2026")
        assert page.inner_text("#cr-people") == "2,338"
        assert web.external == [] and web.errors == []
    finally:
        server.shutdown()
