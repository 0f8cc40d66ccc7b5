"""Ten sessions at once, each changing its own period: no cross-talk, no errors."""

import pytest
from playwright.sync_api import expect

from geo.data import load
from geo.model.period import month_label
from tests.harness import open_session, people_value, pick_month

pytestmark = pytest.mark.browser

SESSIONS = 10
ROUNDS = 3


def people_by_month() -> dict[str, str]:
    crossings = load.load_crossings_monthly()
    return {m: f"{p:,}" for m, p in zip(crossings["month"], crossings["people"])}


def test_ten_sessions_each_see_their_own_period(app_url, browser):
    expected = people_by_month()
    months = sorted(m for m in expected if "2019-01" <= m <= "2026-06")
    plan = [[months[(s * 7 + r * 13) % len(months)] for r in range(ROUNDS + 1)] for s in range(SESSIONS)]
    sessions = [open_session(browser, 1200, 900) for _ in range(SESSIONS)]
    try:
        for session, months_of_session in zip(sessions, plan):
            session.page.goto(f"{app_url}/?month={months_of_session[0]}")
        for round_number in range(ROUNDS + 1):
            if round_number:
                for session, months_of_session in zip(sessions, plan):
                    pick_month(session.page, months_of_session[round_number])
            for session, months_of_session in zip(sessions, plan):
                month = months_of_session[round_number]
                session.page.wait_for_selector(f"h1:has-text('{month_label(month)}')", timeout=60000)
                expect(people_value(session.page)).to_have_text(expected[month], timeout=60000)
                assert f"month={month}" in session.page.url
        for session in sessions:
            assert session.errors == [] and session.external == []
            assert session.page.locator('[data-testid="stException"]').count() == 0
    finally:
        for session in sessions:
            session.context.close()
