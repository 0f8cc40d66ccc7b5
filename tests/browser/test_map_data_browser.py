"""The in-place map's document and incident table come over plain HTTP (ui.published), once per browser:
a returning reader's browser takes them from its cache, and a page that cannot fetch them gets their text
in the next message instead."""

import pytest

from tests.harness import cached_session, map_frame, open_session

pytestmark = pytest.mark.browser

DRAWN = "() => window.crIncidents && window.crIncidents.drawnAt > 0 && window.crIncidents.shown > 0"
FROM_THE_CACHE = """() => performance.getEntriesByType('resource').filter(r => r.name.includes('/map-data/'))
  .map(r => ({transferred: r.transferSize, size: r.decodedBodySize}))"""


def visit(session, url: str) -> dict:
    """Open the route map in a new page of the session; what came over the websocket and by HTTP."""
    page = session.context.new_page()
    page.on("pageerror", lambda error: session.errors.append(str(error)))
    seen = {"frames": [], "map_data": []}
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: seen["frames"].append(len(payload))))
    page.on("response", lambda r: seen["map_data"].append((r.headers.get("content-type", ""),
                                                           r.headers.get("cache-control", "")))
            if "/map-data/" in r.url else None)
    page.goto(f"{url}/?month=2024-09")
    map_frame(page).wait_for_function(DRAWN, timeout=60000)
    seen["page"] = page
    return seen


def test_a_returning_reader_takes_the_map_from_the_browser_cache(app_url, browser):
    session = cached_session(browser)
    try:
        first = visit(session, app_url)
        kinds = sorted(kind.split(";")[0] for kind, _ in first["map_data"])
        assert kinds == ["application/json", "text/html"], first["map_data"]
        assert all("immutable" in cache for _, cache in first["map_data"]), first["map_data"]
        assert max(first["frames"]) < 100_000, sorted(first["frames"])[-3:]  # the 680 KB document is in none
        later = visit(session, app_url)
        cached = later["page"].evaluate(FROM_THE_CACHE)
        assert len(cached) == 2 and all(r["transferred"] == 0 and r["size"] > 10_000 for r in cached), cached
        assert later["page"].evaluate("() => fetch('http://example.org/').then(() => 'answered', () => 'failed')") \
            == "failed"
        assert session.external == ["http://example.org/"] and session.errors == [], (session.external,
                                                                                    session.errors)
    finally:
        session.context.close()


def test_a_page_that_cannot_fetch_the_map_gets_it_in_the_next_message(app_url, browser):
    session = open_session(browser)
    try:
        page, refused = session.page, []
        page.route("**/map-data/**", lambda route: (refused.append(route.request.url), route.fulfill(status=404)))
        frames = []
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
        page.goto(f"{app_url}/?month=2024-09")
        frame = map_frame(page, 60000)
        frame.wait_for_function(DRAWN, timeout=60000)
        assert len(refused) == 2 and max(frames) > 500_000  # both refused, then sent as text
        assert frame.locator(".leaflet-control-layers").count() == 1
        assert session.external == [] and session.errors == []
    finally:
        session.context.close()
