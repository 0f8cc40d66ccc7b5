"""A period change keeps the map: only the incidents change, the reader's view stays (issue 12)."""


import pytest
from playwright.sync_api import expect

from geo.data import load
from geo.model import stats
from geo.model.period import Period, month_label
from tests.harness import (
    IDLE,
    frame_where,
    map_frame,
    map_view,
    open_session,
    pick_month,
    set_map_view,
    wait_for_query,
)
from ui.live_map import PLAY_BAR_ROOM

pytestmark = pytest.mark.browser

STRAIT = {"z": 10, "c": [50.95, 1.6]}


def incident_count(month: str) -> int:
    return len(stats.incidents_in(load.load_incidents(), Period(month, month)))


def shown_incidents(frame) -> int:
    return frame.evaluate("() => window.crIncidents.shown")


def test_a_month_change_keeps_the_view_and_the_static_layers_and_redraws_the_incidents(app_url, web):
    page = web.page
    page.goto(f"{app_url}/?month=2024-09")
    frame = map_frame(page)
    expect(page.locator("h1")).to_contain_text("Sep 2024", timeout=30000)
    frame.wait_for_function(f"() => window.crIncidents && window.crIncidents.shown === {incident_count('2024-09')}",
                            timeout=30000)
    set_map_view(frame, STRAIT["z"], *STRAIT["c"])
    frame.evaluate("() => { window.__sameDocument = true; }")
    static_before = page.evaluate("() => window.crStaticParses")
    draws_before = frame.evaluate("() => window.crIncidents.draws")
    assert static_before >= 8  # basemap and the seven static route-map layers each ran once

    pick_month(page, "2024-10")
    expect(page.locator("h1")).to_contain_text("Oct 2024", timeout=30000)
    frame.wait_for_function(f"() => window.crIncidents.draws > {draws_before}", timeout=30000)
    after = map_frame(page)

    assert after.evaluate("() => window.__sameDocument") is True  # the same map, not a new one
    assert page.evaluate("() => window.crStaticParses") == static_before
    assert page.evaluate("() => window.crMapDocs") == 1
    assert shown_incidents(after) == incident_count("2024-10") != incident_count("2024-09")
    assert map_view(after) == STRAIT
    assert web.errors == [] and web.external == []


def test_the_view_goes_into_the_link_and_a_copied_link_reopens_it(app_url, web, browser):
    page = web.page
    page.goto(f"{app_url}/?month=2024-09")
    set_map_view(map_frame(page), 9.5, 51.0, 1.7)
    wait_for_query(page, r"z=9\.5&c=51(%2C|,)1\.7")
    assert "month=2024-09" in page.url

    other = browser.new_context()
    try:
        copy = other.new_page()
        copy.goto(page.url)
        frame = map_frame(copy)
        frame.wait_for_function("() => window.crIncidents", timeout=30000)
        assert map_view(frame) == {"z": 9.5, "c": [51.0, 1.7]}
    finally:
        other.close()


def test_the_maps_own_opening_view_is_not_reported_and_a_readers_view_is(app_url, web):
    """The opening view used to be reported as if the reader had moved the map: z= and c= went into
    the URL and the page ran again, racing anything chosen in that instant (an upload)."""
    page = web.page
    page.goto(f"{app_url}/incidents?month=2024-09&view=points")
    frame = incidents_frame(page)
    frame.wait_for_function(f"() => window.crIncidents.shown === {incident_count('2024-09')}", timeout=30000)
    pick_month(page, "2024-10")  # a whole run later: an opening report would be in the URL by now
    frame.wait_for_function(f"() => window.crIncidents.shown === {incident_count('2024-10')}", timeout=30000)
    expect(page.locator("h1")).to_contain_text("Oct 2024", timeout=30000)
    assert "month=2024-10" in page.url and "z=" not in page.url and "c=" not in page.url
    set_map_view(frame, 8, 50.9, 1.7)
    wait_for_query(page, r"z=8&c=50\.9%2C1\.7")
    assert web.errors == [] and web.external == []


def test_a_bad_view_in_the_link_shows_a_message_and_the_default_view(app_url, web):
    web.page.goto(f"{app_url}/?month=2024-09")
    default_zoom = map_view(map_frame(web.page))["z"]  # fitted to the chain beside the Strait inset
    web.page.goto(f"{app_url}/?month=2024-09&z=99&c=50.9,1.6")
    warning = web.page.locator('[data-testid="stAlert"]', has_text="zoom '99' is not a number from 5 to 13")
    warning.first.wait_for(timeout=30000)
    assert map_view(map_frame(web.page))["z"] == default_zoom < 9
    assert web.errors == [] and web.external == []


RECORD_UPDATES = """() => { const all = window.crIncidents; all.__titles = [];
  const update = all.update; all.update = function () {
    all.__titles.push(window.parent.document.querySelector('h1').textContent);
    return update.apply(this, arguments); }; }"""


def updates_after(page, frame, change, wanted: int, title: str) -> list[str]:
    """The page titles at each incident redraw caused by ``change(page)``, once the rerun finished."""
    frame.evaluate(RECORD_UPDATES)
    change(page)
    expect(page.locator("h1")).to_contain_text(title, timeout=30000)
    page.wait_for_selector(IDLE, timeout=30000)
    frame.wait_for_function(f"() => window.crIncidents.shown === {wanted}", timeout=30000)
    return frame.evaluate("() => window.crIncidents.__titles")


def pick_with_keyboard(page, month: str) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').click()
    page.keyboard.type(month_label(month))
    page.get_by_role("option", name=month_label(month), exact=True).wait_for()
    page.keyboard.press("Enter")


@pytest.mark.parametrize("pick", [pick_month, pick_with_keyboard], ids=["pointer", "keyboard"])
def test_a_picked_month_is_drawn_at_once_before_the_page_reruns_and_only_once(app_url, web, pick):
    page = web.page
    page.goto(f"{app_url}/?month=2024-09")
    frame = map_frame(page)
    frame.wait_for_function(f"() => window.crIncidents && window.crIncidents.shown === {incident_count('2024-09')}",
                            timeout=30000)
    page.wait_for_selector(IDLE, timeout=30000)
    titles = updates_after(page, frame, lambda p: pick(p, "2024-10"), incident_count("2024-10"), "Oct 2024")
    assert len(titles) == 1 and "Sep 2024" in titles[0]  # drawn from the sidebar, the rerun found it drawn
    assert web.errors == [] and web.external == []


def test_a_range_moved_on_the_slider_is_drawn_at_once(app_url, web):
    page = web.page
    page.goto(f"{app_url}/?from=2024-08&to=2024-10")
    frame = map_frame(page)
    total = sum(incident_count(m) for m in ("2024-08", "2024-09", "2024-10"))
    frame.wait_for_function(f"() => window.crIncidents && window.crIncidents.shown === {total}", timeout=30000)
    page.wait_for_selector(IDLE, timeout=30000)
    end = page.locator('[data-testid="stSidebar"] input[type=range]').nth(1)

    def step_back(p):
        end.focus()
        p.keyboard.press("ArrowLeft")
    wanted = incident_count("2024-08") + incident_count("2024-09")
    titles = updates_after(page, frame, step_back, wanted, "Aug 2024 – Sep 2024")
    assert titles and "Oct 2024" in titles[0]
    assert web.errors == [] and web.external == []


def test_playback_steps_through_the_months_of_the_range_in_place(app_url, web):
    page = web.page
    page.goto(f"{app_url}/?from=2024-08&to=2024-10")
    frame = map_frame(page)
    frame.wait_for_function("() => window.crIncidents && window.crIncidents.draws >= 1", timeout=30000)
    total = sum(incident_count(m) for m in ("2024-08", "2024-09", "2024-10"))
    frame.wait_for_function(f"() => window.crIncidents.shown === {total}", timeout=30000)
    label = page.locator(".cr-play-label")
    expect(label).to_have_text("All months (Aug 2024 – Oct 2024)")
    page.locator(".cr-play-speed").select_option("Fast")
    page.locator(".cr-play-button").click()
    expect(label).to_have_text("Aug 2024")
    assert shown_incidents(frame) == incident_count("2024-08")
    expect(label).to_have_text("Oct 2024", timeout=10000)
    frame.wait_for_function(f"() => window.crIncidents.shown === {incident_count('2024-10')}")
    expect(page.locator(".cr-play-button")).to_have_text("▶ Play", timeout=10000)
    page.locator(".cr-play-all").click()
    frame.wait_for_function(f"() => window.crIncidents.shown === {total}")
    assert page.evaluate("() => window.crMapDocs") == 1
    assert web.errors == [] and web.external == []


def incidents_frame(page):
    """The incidents page's map frame (it has a legend but no layer control)."""
    return frame_where(page, "() => !!(window.crIncidents && document.querySelector('.cr-legend')) "
                             "&& document.readyState === 'complete'", "the incidents map")


def test_the_incidents_map_keeps_its_view_and_a_click_picks_the_incident(app_url, web):
    page = web.page
    page.goto(f"{app_url}/incidents?month=2024-09&view=points")
    frame = incidents_frame(page)
    frame.wait_for_function(f"() => window.crIncidents.shown === {incident_count('2024-09')}", timeout=30000)
    assert "z=" not in page.url  # the map's own opening view is not a reader's view: no report, no rerun
    set_map_view(frame, 9, 50.9, 1.7)
    wait_for_query(page, r"z=9&c=50\.9%2C1\.7")
    pick_month(page, "2024-10")
    frame.wait_for_function(f"() => window.crIncidents.shown === {incident_count('2024-10')}", timeout=30000)
    assert map_view(frame) == {"z": 9, "c": [50.9, 1.7]}
    assert page.evaluate("() => window.crMapDocs") == 1

    details = page.locator('[data-testid="stSelectbox"]', has_text="Incident (or click one on the map)")
    before = details.aria_snapshot()  # the chosen incident, as a screen reader announces it
    markers = frame.evaluate("""() => { const map = window[Object.keys(window).find(k => k.indexOf('map_') === 0
        && window[k].setView)]; const size = map.getSize(), out = [];
      const group = Object.keys(window).map(k => window[k]).find(g => g && g.crPopup);
      map.eachLayer(l => { if (l.options && l.options.crIndex != null) { const p = map.latLngToContainerPoint(
        l.getLatLng()); const box = document.createElement('div');
        box.innerHTML = group.crPopup(l.options.crIndex);
        const top = document.elementFromPoint(p.x, p.y);  // not under the legend or a control
        if (p.x > 40 && p.y > 40 && p.x < size.x - 40 && p.y < size.y - 40 && top && top.tagName === 'CANVAS')
          out.push([box.querySelector('p').firstChild.textContent.replace(/ \\([^()]*\\)$/, '').slice(0, 30),
            p.x, p.y, l.options.radius]); } });
      return out; }""")

    def hit_by(x, y):
        return {place for place, mx, my, r in markers if (mx - x) ** 2 + (my - y) ** 2 <= (r + 2) ** 2}

    target = next((m for m in markers if m[0] not in before and not any(
        p in before for p in hit_by(m[1], m[2]))), None)
    assert target is not None, "no incident on the map differs from the one already shown"
    frame.frame_element().scroll_into_view_if_needed()
    box = frame.frame_element().bounding_box()
    page.mouse.click(box["x"] + target[1], box["y"] + target[2])
    frame.wait_for_function("() => !!document.querySelector('.leaflet-popup')", timeout=10000)  # the click hit
    candidates = hit_by(target[1], target[2])
    for _ in range(150):  # the page reruns; the picker shows the clicked incident once the run has finished
        shown = details.aria_snapshot()
        if any(place in shown for place in candidates):
            break
        page.wait_for_timeout(200)
    assert any(place in shown for place in candidates), (shown, candidates)
    assert web.errors == [] and web.external == []


CHART_SEEN = """() => new MutationObserver(() => {
  if (!window.__chartAt && document.querySelector('[data-testid="stVegaLiteChart"]')) {
    window.__chartAt = performance.timeOrigin + performance.now(); }
}).observe(document, {subtree: true, childList: true})"""


def test_a_first_visit_draws_the_map_before_the_story_charts_below_it(app_url, browser):
    session = open_session(browser)
    try:
        page = session.page
        page.add_init_script(f"({CHART_SEEN})()")
        page.goto(f"{app_url}/?month=2024-09")
        frame = map_frame(page)
        frame.wait_for_function("() => window.crIncidents && window.crIncidents.drawnAt", timeout=30000)
        expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(3, timeout=30000)
        drawn = frame.evaluate("() => window.crIncidents.drawnAt")
        assert page.evaluate("() => window.__chartAt") > drawn
        assert session.errors == [] and session.external == []
    finally:
        session.context.close()


def test_leaving_the_map_page_and_picking_a_month_elsewhere_raises_nothing(app_url, web):
    page = web.page
    page.goto(f"{app_url}/?month=2024-09")
    map_frame(page).wait_for_function("() => window.crIncidents && window.crIncidents.drawnAt", timeout=30000)
    page.get_by_role("link", name="Crossings").click()
    wait_for_query(page, r"/crossings")
    expect(page.locator("iframe.cr-live-map")).to_have_count(0)
    pick_month(page, "2024-10")
    page.wait_for_selector(IDLE, timeout=30000)
    expect(page.locator('[data-testid="stSidebar"] input[role=combobox]')).to_have_value("Oct 2024")
    assert web.errors == [] and web.external == []


CELL_TIPS = """() => { const map = window[Object.keys(window).find(k => k.indexOf('map_') === 0 && window[k].setView)];
  const out = []; map.eachLayer(l => { if (l instanceof L.Rectangle && l.getTooltip()) {
    const box = document.createElement('div'); box.innerHTML = l.getTooltip().getContent();
    out.push([box.textContent, l.options.fillColor]); } });
  return out.sort(); }"""


def expected_cells(month: str, lang: str = "en") -> list[list[str]]:
    """The density grid's cells as the server draws them for ``month`` (tooltip, colour)."""
    from geo.i18n import use_language
    from geo.maps.incident_map import DENSITY_COLOURS, density_cells, density_level, density_tip
    rows = stats.incidents_in(load.load_incidents(), Period(month, month))
    with use_language(lang):
        return sorted([density_tip(int(c.dead_missing), int(c.incidents)).replace("&nbsp;", "\u00a0"),
                       DENSITY_COLOURS[density_level(c.dead_missing)]] for c in density_cells(rows).itertuples())


def test_the_density_grid_is_summed_in_place_and_keeps_the_view(app_url, web):
    page = web.page
    page.goto(f"{app_url}/incidents?month=2024-09&view=density")
    frame = incidents_frame(page)
    september, october = expected_cells("2024-09"), expected_cells("2024-10")
    assert september != october and len(september) >= 2
    frame.wait_for_function(f"() => window.crIncidents.shown === {incident_count('2024-09')}", timeout=30000)
    assert frame.evaluate(CELL_TIPS) == september
    set_map_view(frame, 9, 50.9, 1.7)
    wait_for_query(page, r"z=9&c=50\.9%2C1\.7")
    pick_month(page, "2024-10")
    frame.wait_for_function(f"() => window.crIncidents.shown === {incident_count('2024-10')}", timeout=30000)
    assert frame.evaluate(CELL_TIPS) == october
    assert map_view(frame) == {"z": 9, "c": [50.9, 1.7]} and page.evaluate("() => window.crMapDocs") == 1
    assert web.errors == [] and web.external == []


def compare_frames(page) -> list:
    """The compare page's two map frames (A, B), once both have drawn."""
    page.locator("iframe.cr-live-map").nth(1).wait_for(timeout=60000)
    frames = [page.locator("iframe.cr-live-map").nth(i).element_handle().content_frame() for i in range(2)]
    for frame in frames:
        frame.wait_for_function("() => window.crIncidents && window.crIncidents.drawnAt > 0", timeout=60000)
    return frames


def markers_shown(start: str, end: str) -> int:
    from geo.maps.route_map import incident_columns
    from geo.model.filters import IncidentFilters, apply_filters
    rows = apply_filters(load.load_incidents(), Period(start, end), IncidentFilters(setting="sea_or_shore"))
    return len(incident_columns(rows)["lat"])


def test_compare_redraws_a_side_in_place_and_ignores_the_sidebar(app_url, web):
    page = web.page
    page.goto(f"{app_url}/compare?month=2024-09&setting=sea_or_shore&a_from=2023-09&a_to=2023-11")
    side_a, side_b = compare_frames(page)
    side_a.wait_for_function(f"() => crIncidents.shown === {markers_shown('2023-09', '2023-11')}", timeout=30000)
    side_b.wait_for_function(f"() => crIncidents.shown === {markers_shown('2024-09', '2024-11')}", timeout=30000)
    set_map_view(side_a, 9, 50.9, 1.7)
    for frame in (side_a, side_b):
        frame.evaluate("() => { window.__sameDocument = true; window.__draws = crIncidents.draws; }")

    page.locator('[data-testid="stSelectbox"]', has_text="From").first.click()
    page.keyboard.type("Sep 2022")
    page.get_by_role("option", name="Sep 2022", exact=True).click()
    wait_for_query(page, "a_from=2022-09")
    side_a.wait_for_function(f"() => crIncidents.shown === {markers_shown('2022-09', '2023-11')}", timeout=30000)
    page.wait_for_selector(IDLE, timeout=30000)
    pick_month(page, "2024-10")  # the sidebar's period does not apply on this page
    wait_for_query(page, "month=2024-10")
    page.wait_for_selector(IDLE, timeout=30000)
    assert [f.evaluate("() => [window.__sameDocument, crIncidents.draws - window.__draws]") for f in
            (side_a, side_b)] == [[True, 1], [True, 0]]
    assert map_view(side_a) == {"z": 9, "c": [50.9, 1.7]} and "z=" not in page.url
    # in a half-width column the play bar wraps; it takes its room from the map, whose foot stays in view
    heights = page.evaluate("""() => [...document.querySelectorAll('iframe.cr-live-map')].map(f => {
      const bar = f.parentElement.querySelector('.cr-play');
      return [bar.offsetHeight, bar.offsetHeight + parseFloat(getComputedStyle(bar).marginBottom) + f.offsetHeight];
    })""")
    assert all(bar > 40 and total <= 420 + PLAY_BAR_ROOM for bar, total in heights), heights
    assert web.errors == [] and web.external == []
