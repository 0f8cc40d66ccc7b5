"""A link straight to a page opens that page on a freshly started server."""

import pytest
from playwright.sync_api import expect

from tests.harness import start_app

pytestmark = pytest.mark.browser

LINKS = {
    "incidents?month=2024-09": "Deaths and missing on the route to the UK · Sep 2024",
    "crossings?from=2024-01&to=2024-12": "Small-boat crossings · Jan 2024 – Dec 2024",
    "presentation?month=2024-09": "Sep 2024",
    "embed?month=2024-09": "Export",
}


@pytest.mark.parametrize("link", sorted(LINKS))
def test_first_request_to_a_page_on_a_fresh_server(browser, link):
    process, base_url = start_app()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base_url}/{link}")
        expect(page.locator("h1").first).to_contain_text(LINKS[link], timeout=60000)
        expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("Period")
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=20)
