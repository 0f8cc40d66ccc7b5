"""Browser time-to-map in Debian's Chromium, every non-local request blocked.

"Drawn" means: the page's scripts ran (``load``), a Leaflet map exists, and
two animation frames passed, so the canvas or SVG of every layer is painted.
"""

from __future__ import annotations

import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests import harness
from tests.harness import CHROMIUM, CHROMIUM_ARGS, guarded_context  # noqa: F401 - bench.suite launches with these

MARK_DRAWN = """
addEventListener('load', function () {
  requestAnimationFrame(function () { requestAnimationFrame(function () {
    window.__crDrawn = performance.now();
  }); });
});
"""
DRAWN = ("() => window.__crDrawn && document.querySelector('.leaflet-container') "
         "&& document.querySelector('.leaflet-overlay-pane canvas, .leaflet-overlay-pane svg, "
         ".leaflet-marker-icon') ? window.__crDrawn : null")


@dataclass
class BrowserRun:
    median_ms: float | None = None
    runs: list[float] = field(default_factory=list)
    timed_out: float | None = None
    external: list[str] = field(default_factory=list)
    error: str | None = None


def available() -> str | None:
    """None when the browser can run, else why not."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None if Path(CHROMIUM).exists() else f"{CHROMIUM} is missing"


def _context(browser, blocked: list[str]):
    return guarded_context(browser, blocked)


def file_time_to_map(browser, path: Path, runs: int, timeout_s: float) -> BrowserRun:
    """Milliseconds from navigation start to the drawn map, median of ``runs``."""
    result = BrowserRun()
    for _ in range(runs):
        context = _context(browser, result.external)
        context.add_init_script(MARK_DRAWN)
        page = context.new_page()
        try:
            page.goto(path.resolve().as_uri(), wait_until="load", timeout=timeout_s * 1000)
            drawn = page.wait_for_function(DRAWN, timeout=timeout_s * 1000, polling=50).json_value()
            result.runs.append(float(drawn))
        except Exception as error:  # a time limit or a crash: report it and stop this map
            if "Timeout" in type(error).__name__ or "Timeout" in str(error):
                result.timed_out = timeout_s
            else:
                result.error = f"{type(error).__name__}: {str(error)[:200]}"
            break
        finally:
            context.close()
    if result.runs and result.timed_out is None and result.error is None:
        result.median_ms = statistics.median(result.runs)
    return result


def start_app(timeout_s: float = 90) -> tuple[subprocess.Popen, str]:
    """The app on a free port (the tests' harness), once ``/_stcore/health`` answers ``ok``."""
    return harness.start_app(timeout=timeout_s)


def map_drawn_in_frames(page) -> bool:
    """Whether a frame's Leaflet map has its controls and canvas, two animation frames on."""
    for frame in page.frames:
        try:
            if frame.evaluate("() => !!document.querySelector('.leaflet-control-layers') && "
                              "!!document.querySelector('.leaflet-overlay-pane canvas')"):
                frame.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                return True
        except Exception:  # frames come and go while Streamlit renders
            continue
    return False


def app_time_to_map(browser, url: str, runs: int, timeout_s: float) -> BrowserRun:
    """Wall time from navigation to the drawn map inside the st_folium iframe."""
    result = BrowserRun()
    for _ in range(runs):
        context = _context(browser, result.external)
        page = context.new_page()
        began = time.perf_counter()
        try:
            page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
            while not map_drawn_in_frames(page):
                if time.perf_counter() - began > timeout_s:
                    result.timed_out = timeout_s
                    break
                page.wait_for_timeout(25)
            else:
                result.runs.append((time.perf_counter() - began) * 1000)
        finally:
            context.close()
        if result.timed_out:
            break
    if result.runs and result.timed_out is None:
        result.median_ms = statistics.median(result.runs)
    return result


RECORD_FRAMES = """() => {
  window.__crGaps = []; window.__crRecording = true;
  var last = performance.now();
  function tick(now) { window.__crGaps.push(now - last); last = now;
    if (window.__crRecording) { requestAnimationFrame(tick); } }
  requestAnimationFrame(tick);
}"""
STRAIT_VIEW = """() => new Promise(function (done) {
  var name = Object.keys(window).find(function (k) { return k.indexOf('map_') === 0 && window[k].setView; });
  var map = window[name];
  map.once('moveend', function () { requestAnimationFrame(function () { requestAnimationFrame(done); }); });
  map.setView([50.95, 1.6], 9, {animate: false});
})"""
STOP_FRAMES = """() => new Promise(function (done) {
  requestAnimationFrame(function () { requestAnimationFrame(function () {
    window.__crRecording = false; done(Math.max.apply(null, window.__crGaps));
  }); });
})"""


def pan_longest_frame(browser, path: Path, timeout_s: float) -> BrowserRun:
    """The longest frame (ms) while the map, zoomed to the Dover Strait (zoom 9),
    is dragged 300 px and left to redraw: under ~50 ms reads as smooth, over
    ~100 ms as a visible hitch."""
    result = BrowserRun()
    context = _context(browser, result.external)
    context.add_init_script(MARK_DRAWN)
    page = context.new_page()
    page.set_default_timeout(timeout_s * 1000)
    try:
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.wait_for_function(DRAWN, polling=50)
        page.evaluate(STRAIT_VIEW)
        page.evaluate(RECORD_FRAMES)
        page.mouse.move(800, 600)
        page.mouse.down()
        for step in range(1, 21):
            page.mouse.move(800 - 15 * step, 600 - 5 * step)
        page.mouse.up()
        page.wait_for_timeout(300)  # moveend: the canvas redraws the new view (STOP waits for it)
        result.median_ms = float(page.evaluate(STOP_FRAMES))
        result.runs = [result.median_ms]
    except Exception as error:
        if "Timeout" in type(error).__name__ or "Timeout" in str(error):
            result.timed_out = timeout_s
        else:
            result.error = f"{type(error).__name__}: {str(error)[:200]}"
    finally:
        context.close()
    return result
