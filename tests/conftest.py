"""Shared fixtures: the running app, Debian's Chromium, and request blocking.

Browser tests skip only outside CI when Chromium or Playwright is missing; in
CI (``CI=true``) a missing browser is a failure, never a skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import CHROMIUM, CHROMIUM_ARGS, IN_CI, Session, open_session, start_app


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """The app, started once for the session on a free port."""
    process, base_url = start_app()
    yield base_url
    process.terminate()
    process.wait(timeout=20)


def _require_browser():
    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "playwright is not installed"
    if missing is None and not Path(CHROMIUM).exists():
        missing = f"{CHROMIUM} is missing (apt-get install chromium)"
    if missing:
        if IN_CI:
            pytest.fail(f"browser tests must run in CI: {missing}")
        pytest.skip(missing)
    return sync_playwright


@pytest.fixture(scope="session")
def browser():
    sync_playwright = _require_browser()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def web(browser) -> Iterator[Session]:
    session = open_session(browser)
    yield session
    session.context.close()


def pytest_terminal_summary(terminalreporter):
    from tests.corpus import summary

    line = summary()
    if line:
        terminalreporter.write_sep("=", line)
