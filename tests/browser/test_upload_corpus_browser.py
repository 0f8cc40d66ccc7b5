"""Every file of the upload corpus, uploaded on the Incidents page as a user does: each ends in a message.

One app, one page, the files one after another. After a file that loads nothing, the earlier upload
must still be in use (no half-loaded state). Every request outside localhost is blocked and recorded.
"""

from __future__ import annotations

import time
from pathlib import PurePath

import pytest

from tests.builders import generic_csv
from tests.corpus import PAGE, record_page
from tests.harness import IDLE
from tests.upload_corpus import CASES

pytestmark = pytest.mark.browser
TIMEOUT = 30_000
CHUNK = 48  # files per test, so that each test stays well inside the per-test time limit
NAMES = sorted(CASES)
QUIET = "incidents?month=2014-02&view=points"  # few rows to draw, so each upload is quick
BASELINE = generic_csv([("2024-09-20", 50.89, 1.66, 2, 1, "Off Wissant (baseline)")])


def upload(page, name: str, data: bytes):
    """Upload one file; the alert that names it, or None when an exception box came instead."""
    mime = "application/geo+json" if name.endswith(("json",)) else "text/csv"
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}])
    alert = page.locator('[data-testid="stAlert"]', has_text=name).first
    page.locator('[data-testid="stException"]').or_(alert).first.wait_for(timeout=TIMEOUT)
    return None if page.locator('[data-testid="stException"]').count() else alert


def still_in_use(page) -> bool:
    """The note that the earlier upload stays in use (drawn just after the file's own message)."""
    try:
        page.get_by_text("Still in use: your earlier file").first.wait_for(timeout=10_000)
    except Exception:  # noqa: BLE001 - absent: the caller records the failure
        return False
    return True


@pytest.mark.timeout(900)
@pytest.mark.parametrize("first", range(0, len(NAMES), CHUNK))
def test_every_corpus_file_ends_in_a_message(web, app_url, first):
    page = web.page
    page.goto(f"{app_url}/{QUIET}")
    page.get_by_text("Deaths and missing on the route").wait_for(timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)  # settled, as a reader's page is when they pick a file
    assert upload(page, "base.csv", BASELINE) is not None
    started, failures = time.monotonic(), []
    for index in range(first, min(first + CHUNK, len(NAMES))):
        case = NAMES[index]
        file, data, expected = CASES[case]
        name = f"c{index:03d}{PurePath(file).suffix}"
        try:
            alert = upload(page, name, data)
        except Exception as error:  # noqa: BLE001 - a file that never got its message is a failure
            alert, reason = None, f"no message ({type(error).__name__})"
        else:
            reason = "an exception box"
        text = "" if alert is None else alert.inner_text()
        if alert is None or page.get_by_text("Traceback").count():
            failures.append(f"{case} ({name}): {reason}")
            record_page("traceback")
            page.goto(f"{app_url}/{QUIET}")  # a fresh session for the rest
            page.get_by_text("Deaths and missing on the route").wait_for(timeout=60_000)
            upload(page, "base.csv", BASELINE)
            continue
        record_page("message")
        loads_nothing = expected == "file" or expected[0] == "none"
        wanted = "cannot be" if expected == "file" else " accepted as "
        if wanted not in text:
            failures.append(f"{case} ({name}): message {text[:120]!r} lacks {wanted!r}")
        if loads_nothing and not still_in_use(page):
            failures.append(f"{case} ({name}): the earlier upload is no longer in use")
    PAGE["seconds"] += round(time.monotonic() - started)
    assert failures == [], "\n".join(failures)
    assert web.external == [] and web.dialogs == []
