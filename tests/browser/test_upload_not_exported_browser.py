"""An uploaded file stays in its session: it never ends up in an export."""

import pytest
from playwright.sync_api import expect

from tests import builders as b

pytestmark = pytest.mark.browser
MARKER = "UPLOAD-ONLY-7f3a Off Sangatte"


def test_uploaded_rows_are_not_in_the_explainer(app_url, web):
    page = web.page
    page.goto(f"{app_url}/incidents?month=2024-09")
    upload = b.generic_csv([("2024-09-20", 50.89, 1.66, 9, 0, MARKER)])
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": "mine.csv", "mimeType": "text/csv", "buffer": upload}])
    page.get_by_text("1 of 1 row accepted").wait_for(timeout=60000)
    expect(page.locator('[data-testid="stTable"]', has_text=MARKER).first).to_be_visible(timeout=60000)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Export and embed").click()
    page.wait_for_selector("h1:has-text('Export and embed')", timeout=60000)
    with page.expect_download(timeout=60000) as download:
        page.get_by_role("button", name="Download the explainer (HTML)").click()
    html = open(download.value.path(), encoding="utf-8").read()
    assert "UPLOAD-ONLY-7f3a" not in html
    assert "IOM Missing Migrants Project" in html
    assert web.external == [] and web.errors == []
