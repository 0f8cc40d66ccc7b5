"""Chromium against the running app: analyst pages, filters, downloads, uploads.

Every request outside localhost is blocked and recorded; there must be none.
"""

from __future__ import annotations

import json

import pytest

import tests.builders as b
from geo.export.downloads import read_back
from tests.harness import frame_where

pytestmark = pytest.mark.browser
TIMEOUT = 60_000


def metric(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]', has_text=label).first
    return box.locator('[data-testid="stMetricValue"]').inner_text(timeout=TIMEOUT).strip()


def wait_metric(page, label: str, value: str) -> None:
    page.locator('[data-testid="stMetric"]', has_text=label).first.locator(
        '[data-testid="stMetricValue"]', has_text=value).wait_for(timeout=TIMEOUT)


def open_incidents(web, app_url: str, query: str):
    page = web.page
    page.goto(f"{app_url}/incidents?{query}")
    page.get_by_text("Deaths and missing on the route").wait_for(timeout=TIMEOUT)
    page.locator('[data-testid="stMetric"]').first.wait_for(timeout=TIMEOUT)
    return page


def settle(page) -> None:
    """Wait until Streamlit has finished running (the map's first report reruns the page)."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=TIMEOUT)
    page.wait_for_timeout(300)


def leaflet_frame(page):
    return frame_where(page, "() => !!(document.querySelector('.leaflet-container') "
                             "&& document.querySelector('.cr-legend'))", "the incident map", TIMEOUT)


def test_filter_by_keyboard_updates_metrics_table_map_and_link(web, app_url):
    page = open_incidents(web, app_url, "from=2024-09&to=2024-11")
    wait_metric(page, "Incidents", "17")
    frame = leaflet_frame(page)
    assert frame.locator(".marker-cluster, path.leaflet-interactive").count() > 0 or \
        frame.locator("canvas").count() > 0
    settle(page)
    setting = page.locator('[data-testid="stSelectbox"]', has_text="Setting").locator("input")
    setting.focus()
    page.keyboard.press("ArrowDown")
    page.get_by_role("option", name="On land or inland").wait_for(timeout=TIMEOUT)
    page.keyboard.type("inland")  # matches one option only, so Enter picks it
    page.keyboard.press("Enter")
    wait_metric(page, "Incidents", "0")
    assert "setting=land_or_inland" in page.url
    page.get_by_text("No incidents match these filters in this period.").wait_for(timeout=TIMEOUT)
    page.get_by_text("Map summary: 0 incidents").wait_for(timeout=TIMEOUT)
    assert web.external == [] and web.errors == []


def test_table_matches_metrics_and_downloads_read_back(web, app_url):
    page = open_incidents(web, app_url, "from=2024-09&to=2024-11&setting=sea_or_shore")
    wait_metric(page, "Dead", "46")
    assert metric(page, "Incidents") == "17"
    page.get_by_text("Map summary: 17 incidents in 17 IOM records, 46 dead or missing").wait_for(timeout=TIMEOUT)
    from playwright.sync_api import expect
    expect(page.locator('[data-testid="stTable"]').nth(1).locator("tbody tr")).to_have_count(17, timeout=TIMEOUT)
    with page.expect_download(timeout=TIMEOUT) as csv_download:
        page.get_by_role("button", name="CSV").click()
    csv_bytes = open(csv_download.value.path(), "rb").read()
    assert csv_bytes.startswith(b"# Channel Routes export: IOM incidents, Sep 2024")
    frame = read_back(csv_bytes)
    assert len(frame) == 17 and frame["dead"].sum() == 46 and set(frame["setting"]) == {"sea_or_shore"}
    with page.expect_download(timeout=TIMEOUT) as geo_download:
        page.get_by_role("button", name="GeoJSON").click()
    collection = json.loads(open(geo_download.value.path(), encoding="utf-8").read())
    assert len(collection["features"]) == 17
    assert "IOM Missing Migrants Project" in collection["metadata"]["credit"]
    assert sum(f["properties"]["dead"] for f in collection["features"]) == 46
    assert web.external == []


UPLOADS = [
    ("figures.csv", "text/csv", "IOM Global Figures",
     b.iom_figures_csv([("U.1", "2024-09-20", 2, 1, "Off Wissant (upload)", "50.89, 1.66"),
                        ("U.2", "2024-09-21", 1, 0, "Calais", "somewhere")])),
    ("website.csv", "text/csv", "IOM website download",
     b.iom_website_csv([("W.1", "Fri, 09/20/2024 - 12:00", 2, 1, "Off Wissant (upload)", "50.89, 1.66"),
                        ("W.2", "Sat, 09/21/2024 - 12:00", "two", 0, "Calais", "50.95, 1.85")])),
    ("generic.csv", "text/csv", "generic CSV",
     b.generic_csv([("2024-09-20", 50.89, 1.66, 2, 1, "Off Wissant (upload)"),
                    ("2024-09-21", 95, 1.6, 1, 0, "Calais")])),
    ("points.geojson", "application/geo+json", "GeoJSON points",
     b.geojson_points([("2024-09-20", 1.66, 50.89, 2, 1, "Off Wissant (upload)"),
                       ("2024-09-21", None, None, 1, 0, "Calais")])),
]


@pytest.mark.parametrize("name,mime,layout,data", UPLOADS, ids=[u[0] for u in UPLOADS])
def test_upload_each_format_lists_bad_rows_and_shows_good_ones(web, app_url, name, mime, layout, data):
    page = open_incidents(web, app_url, "month=2024-09")
    wait_metric(page, "Incidents", "3")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}])
    page.get_by_text(f"1 of 2 rows accepted as {layout}; 1 row rejected.").wait_for(timeout=TIMEOUT)
    wait_metric(page, "Incidents", "4")
    assert metric(page, "Dead + missing") == "25"
    page.get_by_text("Rejected rows (").wait_for(timeout=TIMEOUT)
    issues = page.locator('[data-testid="stTable"]', has_text="Reason").first
    issues.wait_for(timeout=TIMEOUT)
    first_issue = issues.locator("tbody tr").first.locator("td").all_inner_texts()
    assert first_issue[0].strip() in ("2", "3")  # spreadsheet row 3, or GeoJSON feature 2
    page.locator('[data-testid="stTable"]', has_text="Off Wissant (upload)").first.wait_for(timeout=TIMEOUT)
    with page.expect_download(timeout=TIMEOUT) as back:
        page.get_by_role("button", name="Download your file back (unchanged)").click()
    assert open(back.value.path(), "rb").read() == data
    assert web.external == [] and web.errors == []


def test_unreadable_upload_gets_one_message_and_hostile_text_stays_text(web, app_url):
    page = open_incidents(web, app_url, "month=2024-09")
    uploader = page.locator('[data-testid="stFileUploader"] input[type="file"]')
    uploader.set_input_files(files=[{"name": "junk.csv", "mimeType": "text/csv", "buffer": b"\xff\xfe\x00junk"}])
    page.get_by_text("junk.csv cannot be read").wait_for(timeout=TIMEOUT)
    assert metric(page, "Incidents") == "3"
    hostile = b.generic_csv([("2024-09-20", 50.89, 1.66, 1, 0, b.HOSTILE[0])])
    uploader.set_input_files(files=[{"name": "hostile.csv", "mimeType": "text/csv", "buffer": hostile}])
    wait_metric(page, "Incidents", "4")
    page.locator('[data-testid="stTable"]', has_text='onerror="window.__pwned=1').first.wait_for(timeout=TIMEOUT)
    assert page.evaluate("window.__pwned") is None
    assert web.dialogs == [] and web.external == []


def test_crossings_and_compare_pages_draw_offline(web, app_url):
    page = web.page
    page.goto(f"{app_url}/crossings?from=2024-09&to=2024-11")
    wait_metric(page, "People per boat", "54.6")
    page.locator('[data-testid="stVegaLiteChart"]').nth(3).wait_for(timeout=TIMEOUT)  # four charts
    page.get_by_text("People arriving in the UK and people prevented by France", exact=False).first.wait_for(
        timeout=TIMEOUT)
    page.goto(f"{app_url}/compare?month=2024-09&setting=sea_or_shore")
    wait_metric(page, "Dead (B)", "46")
    assert metric(page, "People per boat (A)") == "52.3"
    page.get_by_text("Map A summary: 2 incidents, 4 dead or missing").wait_for(timeout=TIMEOUT)
    assert web.external == [] and web.errors == []


def test_picking_months_on_a_chart_sets_the_shared_period(web, app_url):
    page = web.page
    page.goto(f"{app_url}/crossings?month=2024-09")
    page.get_by_role("heading", name="Small-boat crossings · Sep 2024").wait_for(timeout=TIMEOUT)
    settle(page)
    page.locator("[aria-label*='Month: Mar 2023;']").first.click()
    page.get_by_role("heading", name="Small-boat crossings · Mar 2023").wait_for(timeout=TIMEOUT)
    assert "month=2023-03" in page.url
    settle(page)
    page.locator("[aria-label*='Month: May 2023;']").first.click(modifiers=["Shift"])
    page.get_by_role("heading", name="Small-boat crossings · Mar 2023 – May 2023").wait_for(timeout=TIMEOUT)
    assert "from=2023-03" in page.url and "to=2023-05" in page.url
    assert web.external == [] and web.errors == []
