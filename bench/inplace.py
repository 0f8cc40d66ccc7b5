"""``python -m bench.inplace``: a period change in the app, click to incidents redrawn.

Both ways run in the same process, taking turns per data size: today's
baseline (``CHANNEL_ROUTES_MAP=st_folium``, the whole map re-rendered) and the
in-place map (:mod:`geo.maps.live_map`). Each change is timed in the page: from the
pointer going down on the month option to two animation frames after
``crIncidents`` drew the new month (the baseline's new map records the same
mark when its incident layer is built); each click waits until the previous run has
finished (``--back-to-back``: right after the redraw). The map is first zoomed to the Dover
Strait; the view afterwards and the count of static-layer scripts run
(``crStaticParses``, which every static layer script increments) are recorded.
At the shipped size, visits to the route map are timed too (navigation to the drawn map): right
after the server answers, a new reader's (empty browser cache) and a returning reader's (see
:func:`reader_visits`).
Options: ``--changes N`` (default 15), ``--sizes shipped,10000``, ``--visits N``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.browser import map_drawn_in_frames
from bench.synthetic import synthetic_incidents
from tests import harness
from tests.harness import IDLE

WAYS = {"st_folium (today)": {"CHANNEL_ROUTES_MAP": "st_folium"}, "in place": {}}
STRAIT = (10.0, 50.95, 1.6)
SHIPPED_MONTHS = ["2024-09", "2024-10", "2024-08", "2024-11", "2025-01", "2024-07"]
SYNTHETIC_MONTHS = ["2024-09", "2024-10"]
MARK_CLICK = ("() => document.addEventListener('pointerdown', () => { window.__crClick = "
              "performance.timeOrigin + performance.now(); }, {capture: true, once: true})")
DRAWN_AFTER = ("(click) => window.crIncidents && window.crIncidents.drawnAt > click "
               "? window.crIncidents.drawnAt : null")


def synthetic_data_dir(n: int, root: Path) -> Path:
    """A copy of data/ whose incidents file holds ``n`` synthetic rows in each of two months."""
    data = harness.ROOT / "data"
    target = root / f"data-{n}"
    for child in data.iterdir():
        if child.name != "incidents":
            (target / child.name).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(child, target / child.name)
    frames = [synthetic_incidents(n, month, seed=i) for i, month in enumerate(SYNTHETIC_MONTHS)]
    rows = [frame.assign(incident_id=frame["incident_id"] + f".{i}") for i, frame in enumerate(frames)]
    import pandas as pd
    table = pd.concat(rows, ignore_index=True)
    csv = pd.DataFrame({"Main ID": table["incident_id"], "Incident ID": table["incident_id"],
                        "Incident Date": table["date"].dt.strftime("%Y-%m-%d"),
                        "Number of Dead": table["dead"], "Minimum Estimated Number of Missing": table["missing"],
                        "Number of Survivors": table["survivors"], "Cause of Death": table["cause"],
                        "Country of Incident": table["country"], "Location of Incident": table["location"],
                        "Information Source": table["source"], "URL": "", "Source Quality": "",
                        "Latitude": table["lat"].round(5), "Longitude": table["lon"].round(5),
                        "derived_setting": table["setting"]})
    (target / "incidents").mkdir(parents=True)
    csv.to_csv(target / "incidents" / "iom_channel_incidents.csv", index=False)
    return target


def _drawn_after(page, click: float, timeout_s: float) -> float:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                drawn = frame.evaluate(DRAWN_AFTER, click)
            except Exception:  # frames come and go while Streamlit re-renders
                continue
            if drawn:
                return drawn - click
        page.wait_for_timeout(10)
    raise TimeoutError(f"the map did not redraw within {timeout_s:.0f} s")


SHOWN = "() => window.crIncidents ? window.crIncidents.shown : null"


def _shown(page) -> int | None:
    for frame in page.frames:
        try:
            shown = frame.evaluate(SHOWN)
        except Exception:  # frames come and go while Streamlit re-renders
            continue
        if shown is not None:
            return shown
    return None


def period_changes(browser, url: str, months: list[str], changes: int, timeout_s: float,
                   back_to_back: bool = False) -> dict:
    """Open the route map, zoom to the Strait, change the month ``changes`` times.

    Each change starts once the previous run has finished (a reader looks at the
    map before picking again), unless ``back_to_back``: then the next click
    follows the redraw at once and may interrupt the rest of the previous run."""
    session = harness.open_session(browser)
    page = session.page
    page.goto(f"{url}/?month={months[0]}")
    frame = harness.map_frame(page, int(timeout_s * 1000))
    harness.set_map_view(frame, *STRAIT)
    before = harness.map_view(frame)
    static_before = page.evaluate("() => window.crStaticParses || 0")
    times, shown = [], []
    for i in range(changes):
        if not back_to_back:
            page.wait_for_selector(IDLE, timeout=timeout_s * 1000)
        month = months[1 + i % (len(months) - 1)] if i % 2 == 0 else months[0]
        harness.pick_month(page, month, before_click=lambda p: p.evaluate(MARK_CLICK))
        page.wait_for_function("() => window.__crClick", timeout=timeout_s * 1000)
        times.append(_drawn_after(page, page.evaluate("() => window.__crClick"), timeout_s))
        shown.append(_shown(page))
        page.evaluate("() => { window.__crClick = null; }")
    after = harness.map_view(harness.map_frame(page))
    static_after = page.evaluate("() => window.crStaticParses || 0")
    session.context.close()
    return {"ms": times, "shown": shown, "view_before": before, "view_after": after, "static_scripts_per_change":
            (static_after - static_before) / changes, "external": session.external, "errors": session.errors}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _time_to_map(session, url: str, timeout_s: float) -> float:
    """Milliseconds from navigation to the drawn map, in a new page of ``session``."""
    page = session.context.new_page()
    began = time.perf_counter()
    try:
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        while not map_drawn_in_frames(page):
            if time.perf_counter() - began > timeout_s:
                raise RuntimeError(f"no map within {timeout_s} s at {url}")
            page.wait_for_timeout(25)
        return (time.perf_counter() - began) * 1000
    finally:
        page.close()


def reader_visits(chromium, url: str, visits: int, timeout_s: float) -> dict:
    """Visits as readers make them, in contexts that keep the HTTP cache (requests not routed, so not
    slowed by the driver; outside hosts do not resolve and are counted): a new reader's first visit
    (an empty cache, each in its own context) and a returning reader's later ones (one context). The very
    first visit, right after the server answered, is kept apart: it can meet the warm-up still running."""
    new, returning, external = [], [], []
    session = harness.cached_session(chromium)
    after_start = _time_to_map(session, url, timeout_s)  # the server's warm-up may still be running
    session.context.close()
    for _ in range(visits):
        session = harness.cached_session(chromium)
        new.append(_time_to_map(session, url, timeout_s))
        session.context.close()
        external += session.external
    session = harness.cached_session(chromium)
    _time_to_map(session, url, timeout_s)  # the reader's first visit fills the cache
    returning = [_time_to_map(session, url, timeout_s) for _ in range(visits)]
    session.context.close()
    if external or session.external:
        raise RuntimeError(f"requests outside this machine: {external + session.external}")
    return {"after_start_ms": after_start, "new_reader_ms": new, "returning_reader_ms": returning}


def run(sizes: list[str], changes: int, visits: int, timeout_s: float = 90, back_to_back: bool = False) -> dict:
    from playwright.sync_api import sync_playwright
    results = {"load_average_at_start": [round(v, 1) for v in os.getloadavg()], "sizes": {},
               "back_to_back": back_to_back}
    workdir = Path(tempfile.mkdtemp(prefix="channel-routes-inplace-"))
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=harness.CHROMIUM, args=harness.CHROMIUM_ARGS)
        for size in sizes:
            data_dir = None if size == "shipped" else synthetic_data_dir(int(size), workdir)
            months = SHIPPED_MONTHS if size == "shipped" else SYNTHETIC_MONTHS
            for way, env in WAYS.items():
                print(f"[inplace] {size}: {way}", flush=True)
                process, url = harness.start_app(data_dir, timeout=120, extra_env=env)
                try:
                    row = {"load_average": [round(v, 1) for v in os.getloadavg()]}
                    if size == "shipped":
                        row.update(reader_visits(chromium, url, visits, timeout_s))
                    row.update(period_changes(chromium, url, months, changes, timeout_s, back_to_back))
                    if size != "shipped" and not min(row["shown"] or [0]) >= int(size):
                        raise RuntimeError(f"{size} incidents per month, but the map showed {row['shown']}")
                    row["load_average_after"] = [round(v, 1) for v in os.getloadavg()]
                    row["p50_ms"], row["p95_ms"] = statistics.median(row["ms"]), percentile(row["ms"], 0.95)
                    results["sizes"].setdefault(size, {})[way] = row
                finally:
                    process.terminate()
                    process.wait(timeout=30)
        chromium.close()
    results["load_average_at_end"] = [round(v, 1) for v in os.getloadavg()]
    return results


def markdown(results: dict) -> str:
    """The rows for bench/RESULTS.md: each size, both ways, ratio against today's path."""
    lines = [f"Load average (1/5/15 min) at start {results['load_average_at_start']}, at end "
             f"{results['load_average_at_end']}; {os.cpu_count()} cores (shared machine).", "",
             "| Data | Way | Click to incidents redrawn p50 / p95 | vs today (p50) | Zoom, centre after | "
             "Static layer scripts run per change | Visits: right after start / new reader / returning reader "
             "(median) | Load (1 min) |",
             "|---|---|---|---|---|---|---|---|"]
    for size, ways in results["sizes"].items():
        base = ways.get("st_folium (today)", {}).get("p50_ms")
        for way, row in ways.items():
            ratio = f"{base / row['p50_ms']:.1f}× faster" if base and way == "in place" else "baseline"
            view = row["view_after"]
            visits = "—"
            if row.get("new_reader_ms"):
                visits = " / ".join(f"{ms / 1000:.2f} s" for ms in (
                    row["after_start_ms"], statistics.median(row["new_reader_ms"]),
                    statistics.median(row["returning_reader_ms"])))
            lines.append(f"| {size} | {way} | {row['p50_ms']:.0f} / {row['p95_ms']:.0f} ms ({len(row['ms'])} changes) "
                         f"| {ratio} | {view['z']:g}, {view['c'][0]:.2f},{view['c'][1]:.2f} "
                         f"| {row['static_scripts_per_change']:g} | {visits} | {row['load_average'][0]} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.inplace", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="shipped,10000")
    parser.add_argument("--changes", type=int, default=15)
    parser.add_argument("--visits", type=int, default=5)
    parser.add_argument("--back-to-back", action="store_true",
                        help="click the next month as soon as the map redrew, not once the run has finished")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results" / "inplace.json")
    args = parser.parse_args(argv)
    results = run([s.strip() for s in args.sizes.split(",") if s.strip()], args.changes, args.visits,
                  back_to_back=args.back_to_back)
    for size, ways in results["sizes"].items():
        base = ways.get("st_folium (today)", {}).get("p50_ms")
        for way, row in ways.items():
            ratio = f", {base / row['p50_ms']:.1f}x faster" if base and way == "in place" else ""
            print(f"{size:>8} {way:<18} p50 {row['p50_ms']:7.0f} ms  p95 {row['p95_ms']:7.0f} ms{ratio}  "
                  f"view {row['view_before']} -> {row['view_after']}  static scripts/change "
                  f"{row['static_scripts_per_change']:.1f}  load {row['load_average']}")
            if row.get("new_reader_ms"):
                print(f"{'':>8} {'':<18} visits: right after start {row['after_start_ms']:.0f} ms, new reader "
                      f"{statistics.median(row['new_reader_ms']):.0f} ms, returning reader "
                      f"{statistics.median(row['returning_reader_ms']):.0f} ms (medians of {args.visits})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    args.out.with_suffix(".md").write_text(markdown(results), encoding="utf-8")
    print(f"Written: {args.out} and {args.out.with_suffix('.md')}")


if __name__ == "__main__":
    main()
