"""``python -m bench.inplace_probe``: where a month change's time goes (in-place map only).

For each change it records, from the pointer going down on the month option:
the new page title (Streamlit's rerun reached the page), the component's data
(``crDataAt``, set when the map component receives new data; both can come
after the redraw, which starts as soon as the sidebar shows the new period), the start and
end of ``crIncidents.update`` in the map frame (the synchronous JS redraw),
and ``drawnAt`` (two animation frames after the update: the canvas painted).
Options: ``--sizes shipped,10000``, ``--changes N``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from bench.inplace import IDLE, MARK_CLICK, SHIPPED_MONTHS, STRAIT, SYNTHETIC_MONTHS, _drawn_after, synthetic_data_dir
from tests import harness

WATCH_TITLE = """() => { const h = () => document.querySelector('h1');
  new MutationObserver(() => { const t = h() && h().textContent;
    if (t !== window.__crTitle) {
      window.__crTitle = t; window.__crTitleAt = performance.timeOrigin + performance.now(); }
  }).observe(document.body, {subtree: true, childList: true, characterData: true}); }"""
WATCH_TASKS = """() => { window.__crTasks = []; new PerformanceObserver(list => list.getEntries().forEach(e =>
  window.__crTasks.push([performance.timeOrigin + e.startTime, e.duration]))).observe({type: 'longtask'}); }"""
WRAP_UPDATE = """() => { const all = window.crIncidents; if (all.__probed) return; all.__probed = true;
  const update = all.update; all.update = function (columns, month) {
    all.__start = performance.timeOrigin + performance.now(); const out = update.apply(this, arguments);
    all.__end = performance.timeOrigin + performance.now(); return out; }; }"""


def probe(browser, url: str, months: list[str], changes: int) -> list[dict]:
    session = harness.open_session(browser)
    page = session.page
    page.goto(f"{url}/?month={months[0]}")
    frame = harness.map_frame(page, 90000)
    harness.set_map_view(frame, *STRAIT)
    page.evaluate(WATCH_TITLE)
    page.evaluate(WATCH_TASKS)
    rows = []
    for i in range(changes):
        page.wait_for_selector(IDLE, timeout=90000)
        frame = harness.map_frame(page, 90000)
        frame.evaluate(WRAP_UPDATE)
        month = months[1 + i % (len(months) - 1)] if i % 2 == 0 else months[0]
        harness.pick_month(page, month, before_click=lambda p: p.evaluate(MARK_CLICK))
        page.wait_for_function("() => window.__crClick", timeout=90000)
        click = page.evaluate("() => window.__crClick")
        total = _drawn_after(page, click, 90)
        # the map may be drawn before the rerun reaches the page (the sidebar announced the period): wait for it
        page.wait_for_function("(click) => window.__crTitleAt > click && window.crDataAt > click", arg=click,
                               timeout=90000)
        marks = page.evaluate("() => ({title: window.__crTitleAt, data: window.crDataAt})")
        inner = frame.evaluate("() => ({start: crIncidents.__start, end: crIncidents.__end, shown: crIncidents.shown})")
        tasks = page.evaluate("(click) => window.__crTasks.filter(t => t[0] > click - 5)"
                              ".map(t => [Math.round(t[0] - click), Math.round(t[1])])", click)
        rows.append({"tasks": [t for t in tasks if t[0] < total], "title": marks["title"] - click,
                     "data": marks["data"] - click,
                     "update_start": inner["start"] - click, "update_ms": inner["end"] - inner["start"],
                     "total": total, "shown": inner["shown"]})
        page.evaluate("() => { window.__crClick = null; }")
    session.context.close()
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.inplace_probe", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="shipped,10000")
    parser.add_argument("--changes", type=int, default=8)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    workdir = Path(tempfile.mkdtemp(prefix="channel-routes-probe-"))
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=harness.CHROMIUM, args=harness.CHROMIUM_ARGS)
        for size in [s.strip() for s in args.sizes.split(",") if s.strip()]:
            data_dir = None if size == "shipped" else synthetic_data_dir(int(size), workdir)
            months = SHIPPED_MONTHS if size == "shipped" else SYNTHETIC_MONTHS
            process, url = harness.start_app(data_dir, timeout=120)
            try:
                load = [round(v, 1) for v in os.getloadavg()]
                rows = probe(chromium, url, months, args.changes)
            finally:
                process.terminate()
                process.wait(timeout=30)
            print(f"{size}: load {load} -> {[round(v, 1) for v in os.getloadavg()]}")
            for key in ("title", "data", "update_start", "update_ms", "total"):
                values = [r[key] for r in rows]
                print(f"  {key:<13} median {statistics.median(values):7.0f} ms   "
                      + " ".join(f"{v:.0f}" for v in values))
        chromium.close()


if __name__ == "__main__":
    main()
