"""Period-change latency with many sessions at once (issue 6, part 4).

``python -m bench.sessions`` starts the app, opens N browser contexts in one
headless Chromium and has each change the month several times. Latency is the
time from the click on a month until that session shows the month's figure.
The baseline is one session alone, run in the same process.
"""

from __future__ import annotations

import argparse
import statistics

from geo.data import load
from tests.harness import CHROMIUM, CHROMIUM_ARGS, open_session, people_value, pick_month, start_app


def _plan(months: list[str], sessions: int, rounds: int) -> list[list[str]]:
    return [[months[(s * 7 + r * 13) % len(months)] for r in range(rounds + 1)] for s in range(sessions)]


WATCH = """
target => {
  window.__t1 = null;
  const seen = () => {
    const metric = [...document.querySelectorAll('[data-testid="stMetric"]')]
      .find(m => m.innerText.includes('People crossed'));
    const value = metric && metric.querySelector('[data-testid="stMetricValue"]');
    if (value && value.innerText.trim() === target && window.__t1 === null) { window.__t1 = performance.now(); }
  };
  new MutationObserver(seen).observe(document.body, {subtree: true, childList: true, characterData: true});
  window.__t0 = performance.now();
}
"""


def _round_latencies(pages, targets, expected, timeout_s: float = 60.0) -> list[float]:
    for page, month in zip(pages, targets):
        pick_month(page, month, before_click=lambda p, target=expected[month]: p.evaluate(WATCH, target))
    latencies = []
    for page, month in zip(pages, targets):
        people_value(page).filter(has_text=expected[month]).wait_for(timeout=timeout_s * 1000)
        page.wait_for_function("window.__t1 !== null", timeout=timeout_s * 1000)
        latencies.append(page.evaluate("(window.__t1 - window.__t0) / 1000"))
    return latencies


def measure(browser, app_url: str, sessions: int, rounds: int) -> list[float]:
    crossings = load.load_crossings_monthly()
    expected = {m: f"{p:,}" for m, p in zip(crossings["month"], crossings["people"])}
    months = sorted(m for m in expected if "2019-01" <= m <= "2026-06")
    plan = _plan(months, sessions, rounds)
    opened = [open_session(browser, 1200, 900) for _ in range(sessions)]
    try:
        for session, months_of_session in zip(opened, plan):
            session.page.goto(f"{app_url}/?month={months_of_session[0]}")
            people_value(session.page).wait_for(timeout=60000)
        latencies = []
        for round_number in range(1, rounds + 1):
            targets = [months_of_session[round_number] for months_of_session in plan]
            latencies += _round_latencies([s.page for s in opened], targets, expected)
        return latencies
    finally:
        for session in opened:
            session.context.close()


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile.

    >>> percentile([1.0, 2.0, 3.0, 4.0], 0.5), percentile([1.0, 2.0, 3.0, 4.0], 0.95)
    (2.0, 4.0)
    """
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def run(sessions: int = 10, rounds: int = 5) -> dict:
    from playwright.sync_api import sync_playwright

    process, app_url = start_app()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            alone = measure(browser, app_url, 1, rounds)
            together = measure(browser, app_url, sessions, rounds)
            browser.close()
    finally:
        process.terminate()
        process.wait(timeout=20)
    p50, baseline = percentile(together, 0.5), statistics.median(alone)
    return {"sessions": sessions, "changes": len(together), "p50_s": p50, "p95_s": percentile(together, 0.95),
            "max_s": max(together), "baseline_p50_s": baseline, "ratio_p50": p50 / baseline}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    result = run(args.sessions, args.rounds)
    print(f"{'measure':34s} {'ours':>9s} {'baseline':>9s} {'ratio':>6s}")
    print(f"{'period change p50, ' + str(result['sessions']) + ' sessions':34s} {result['p50_s']:8.2f}s "
          f"{result['baseline_p50_s']:8.2f}s {result['ratio_p50']:6.2f}")
    print(f"{'period change p95':34s} {result['p95_s']:8.2f}s")
    print(f"{'period change max':34s} {result['max_s']:8.2f}s   ({result['changes']} changes; baseline: 1 session)")


if __name__ == "__main__":
    main()
