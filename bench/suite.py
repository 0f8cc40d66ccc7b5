"""The whole bench: shipped data, synthetic scaling, browser; returns the rows."""

from __future__ import annotations

import statistics
import time

from bench import browser
from bench.run import MONTH, Bench, Config, browser_cell, elapsed, export_weight, server_cell
from bench.synthetic import synthetic_incidents
from bench.table import Cell, Row

SHIPPED = "Shipped data"
TARGETS = {"a": "< 100 ms", "b": "< 600 KB", "app": "< 3 s", "file": "< 1 s", "a100k": "< 2 s",
           "b100k": "< 15 MB"}


def _log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def _fill(row: Row, results: dict, attribute: str) -> None:
    for way, run in results.items():
        row.cells[way] = server_cell(run, attribute)


def shipped_rows(bench: Bench) -> dict[str, Row]:
    cfg = bench.config
    rows = {
        "a": Row(SHIPPED, f"(a) period change, one month ({MONTH.label}), server", "ms", TARGETS["a"]),
        "b": Row(SHIPPED, f"(b) route map HTML excl. Leaflet, default period ({bench.default.label})",
                 "bytes", TARGETS["b"]),
        "export": Row(SHIPPED, "(b) default explainer export HTML", "bytes", "< 15 MB"),
        "app_cold": Row(SHIPPED, "(c) app page to drawn map, first visit after start", "ms", TARGETS["app"]),
        "app_warm": Row(SHIPPED, "(c) app page to drawn map, later visits (median)", "ms", TARGETS["app"]),
        "file": Row(SHIPPED, "(c) standalone route map file to drawn map", "ms", TARGETS["file"]),
        "pan": Row(SHIPPED, "(d) longest frame, drag at zoom 9 incl. redraw", "ms", "< 50 ms"),
        "mem": Row(SHIPPED, "peak memory during (a)", "MB"),
    }
    runs = {"ours": cfg.server_runs, "explore": cfg.baseline_runs, "markers": cfg.baseline_runs,
            "circles": cfg.baseline_runs}
    month = bench.server_runs("month", bench.incidents, MONTH, runs)
    _fill(rows["a"], month, "median_ms")
    _fill(rows["mem"], month, "peak_mb")
    one = dict.fromkeys(runs, 1)
    _fill(rows["b"], bench.server_runs("default", bench.incidents, bench.default, one), "html_bytes")
    rows["export"].cells["ours"] = export_weight(bench)
    return rows


def scaling_rows(bench: Bench, n: int) -> dict[str, Row]:
    cfg = bench.config
    section = f"Synthetic: {n:,} incidents, all in the period shown"
    big = n >= 100_000
    rows = {
        "a": Row(section, "(a) period change, server", "ms", TARGETS["a100k"] if big else ""),
        "b": Row(section, "(b) route map HTML excl. Leaflet", "bytes", TARGETS["b100k"] if big else ""),
        "file": Row(section, "(c) standalone route map file to drawn map", "ms"),
        "pan": Row(section, "(d) longest frame, drag at zoom 9 incl. redraw", "ms", "< 50 ms"),
        "mem": Row(section, "peak memory during (a)", "MB"),
    }
    ours = max(3, min(cfg.server_runs, 20_000 // n))
    others = max(1, min(cfg.baseline_runs, 3_000 // n))
    runs = {"ours": ours, "explore": others, "markers": others, "circles": others}
    results = bench.server_runs(f"synthetic-{n}", synthetic_incidents(n, MONTH.start), MONTH, runs)
    _fill(rows["a"], results, "median_ms")
    _fill(rows["b"], results, "html_bytes")
    _fill(rows["mem"], results, "peak_mb")
    return rows


def browser_rows(bench: Bench, file_rows: dict[str, Row], pan_rows: dict[str, Row],
                 app_rows: tuple[Row, Row] | None) -> None:
    missing = browser.available()
    if missing:
        for row in [*file_rows.values(), *pan_rows.values(), *(app_rows or ())]:
            row.cells["ours"] = Cell(note=f"n/a ({missing})")
        return
    from playwright.sync_api import sync_playwright

    cfg = bench.config
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=browser.CHROMIUM, args=browser.CHROMIUM_ARGS)
        for path in list(bench.files.values())[:2]:  # warm the browser up; not counted
            browser.file_time_to_map(chromium, path, 1, cfg.browser_timeout_s)
        for label in file_rows:
            _file_rows(chromium, cfg, {way: path for (name, way), path in bench.files.items() if name == label},
                       label, file_rows[label], pan_rows[label])
        if app_rows:
            _app_rows(chromium, cfg, app_rows)
        chromium.close()


def _file_rows(chromium, cfg: Config, paths: dict, label: str, row: Row, pan_row: Row) -> None:
    """Time-to-map taking turns between the ways (no order bias), then one drag each."""
    n = int(label.split("-")[1]) if label.startswith("synthetic") else 1
    runs = {way: browser.BrowserRun() for way in paths}
    for _ in range(max(1, min(cfg.browser_runs, 3_000 // n))):
        for way, path in paths.items():
            if runs[way].timed_out is None and runs[way].error is None:
                _log(f"browser: {label} {way}")
                run = browser.file_time_to_map(chromium, path, 1, cfg.browser_timeout_s)
                runs[way].runs += run.runs
                runs[way].external += run.external
                runs[way].timed_out, runs[way].error = run.timed_out, run.error
    for way, run in runs.items():
        if run.runs and run.timed_out is None and run.error is None:
            run.median_ms = statistics.median(run.runs)
            row.cells[way] = browser_cell(run)
            pans = [browser.pan_longest_frame(chromium, paths[way], cfg.browser_timeout_s)
                    for _ in range(min(3, len(run.runs)))]
            pan = pans[-1]
            if all(p.median_ms is not None for p in pans):
                pan.median_ms = statistics.median(p.median_ms for p in pans)
            pan_row.cells[way] = browser_cell(pan)
        else:
            row.cells[way] = browser_cell(run)
            pan_row.cells[way] = Cell(note="n/a (map did not draw in time)")


def _app_rows(chromium, cfg: Config, rows: tuple[Row, Row]) -> None:
    process, url = browser.start_app()
    try:
        _log("browser: app page")
        rows[0].cells["ours"] = browser_cell(browser.app_time_to_map(chromium, url, 1, cfg.browser_timeout_s))
        rows[1].cells["ours"] = browser_cell(
            browser.app_time_to_map(chromium, url, cfg.browser_runs, cfg.browser_timeout_s))
    finally:
        process.terminate()
        process.wait(timeout=20)


def run_all(config: Config) -> list[Row]:
    began = time.perf_counter()
    bench = Bench(config)
    _log(f"data loaded; shipped-data figures ({elapsed(began)})")
    shipped = shipped_rows(bench)
    scaled = {}
    for n in config.sizes:
        _log(f"synthetic {n:,} incidents ({elapsed(began)})")
        scaled[n] = scaling_rows(bench, n)
    if config.use_browser:
        file_rows = {"default": shipped["file"], **{f"synthetic-{n}": rows["file"] for n, rows in scaled.items()}}
        pan_rows = {"default": shipped["pan"], **{f"synthetic-{n}": rows["pan"] for n, rows in scaled.items()}}
        app_rows = (shipped["app_cold"], shipped["app_warm"]) if config.use_app else None
        browser_rows(bench, file_rows, pan_rows, app_rows)
    _log(f"done in {elapsed(began)}")
    return [*shipped.values(), *(row for rows in scaled.values() for row in rows.values())]
