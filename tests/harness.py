"""Start the app and reach Debian's Chromium: shared by tests and bench."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# No host but this machine resolves: a context that keeps the HTTP cache (so cannot route requests, see
# cached_session) still gets no answer from outside, and counts what it asked.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'  # the page's run has finished
LOCAL_PREFIXES = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "file:", "about:")
IN_CI = os.environ.get("CI", "").lower() == "true"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(base_url: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    """Poll Streamlit's health endpoint until it answers ``ok``; no blind sleep."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as reply:
                if reply.read().decode().strip() == "ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not become healthy within {timeout:.0f} s")


def start_app(data_dir: Path | None = None, timeout: float = 60.0,
              extra_env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """The app on a free port, once ``/_stcore/health`` answers ``ok``."""
    port = free_port()
    env = {**os.environ, **(extra_env or {})}
    if data_dir is not None:
        env["CHANNEL_ROUTES_DATA"] = str(data_dir)
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(base_url, process, timeout)
    except RuntimeError:
        process.kill()
        raise
    return process, base_url


@dataclass
class Session:
    """A browser page whose requests outside localhost are blocked and recorded."""

    page: object
    context: object
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def guarded_context(browser, blocked: list[str], width: int = 1400, height: int = 1000):
    """A browser context that lets only local requests through and records the rest in ``blocked``."""
    context = browser.new_context(viewport={"width": width, "height": height})

    def guard(route):
        url = route.request.url
        if url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", guard)
    return context


def cached_session(browser, width: int = 1400, height: int = 1000) -> Session:
    """A session whose pages share the browser's HTTP cache, as a returning reader's do. Routing requests
    turns that cache off, so non-local requests are counted as they go out (``CHROMIUM_ARGS`` resolves no
    outside host, so they fail) instead of being stopped by a route."""
    session = Session(page=None, context=browser.new_context(viewport={"width": width, "height": height}))
    session.context.on("request", lambda request: None if request.url.startswith(LOCAL_PREFIXES)
                        else session.external.append(request.url))
    session.page = session.context.new_page()
    session.page.on("pageerror", lambda error: session.errors.append(str(error)))
    return session


def open_session(browser, width: int = 1400, height: int = 1000) -> Session:
    session = Session(page=None, context=None)
    session.context = guarded_context(browser, session.external, width, height)
    page = session.context.new_page()
    page.on("pageerror", lambda error: session.errors.append(str(error)))

    def on_dialog(dialog):
        session.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    session.page = page
    return session


def frame_where(page, script: str, what: str, timeout_ms: int = 30000):
    """The first frame in which ``script`` (a JS function) returns true, polled while Streamlit
    re-renders (frames come and go); ``what`` names it in the failure."""
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate(script):
                    return frame
            except Exception:  # frames detach while Streamlit re-renders
                continue
        page.wait_for_timeout(200)
    raise AssertionError(f"{what} did not draw within the time limit")


def map_frame(page, timeout_ms: int = 30000):
    """The map's frame (the in-place map's iframe, or st_folium's) once its Leaflet map has drawn."""
    return frame_where(page, "() => !!document.querySelector('.leaflet-control-layers')", "the Leaflet map",
                       timeout_ms)


def pick_month(page, month: str, before_click=None) -> None:
    """Choose one month in the sidebar as a user does: open, type, click.
    ``before_click(page)`` runs just before the option is clicked (bench timing)."""
    from geo.model.period import month_label

    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').click()
    page.keyboard.type(month_label(month))
    option = page.get_by_role("option", name=month_label(month), exact=True)
    if before_click is not None:
        option.wait_for()
        before_click(page)
    option.click()


def people_value(page):
    """The 'People crossed' metric value on the route map page."""
    metric = page.locator('[data-testid="stMetric"]', has_text="People crossed")
    return metric.locator('[data-testid="stMetricValue"]')


def leaflet_map(frame) -> str:
    """A JS expression for the frame's folium map object (``map_<id>``)."""
    return "window[Object.keys(window).find(k => k.indexOf('map_') === 0 && window[k] && window[k].setView)]"


def map_view(frame) -> dict:
    """The map's zoom and centre as ``{"z": zoom, "c": [lat, lon]}``."""
    return frame.evaluate(f"() => {{ const m = {leaflet_map(frame)}; const c = m.getCenter(); "
                          "return {z: m.getZoom(), c: [c.lat, c.lng]}; }")


def set_map_view(frame, zoom: float, lat: float, lon: float) -> None:
    """Move the map as a reader would (a touch first: until the reader touches the map, the live map treats
    a move followed by a resize as the frame settling and keeps its opening view), and wait until it has
    settled. A zoom still animating (the map's opening fit) would end after the move and undo it, so the
    move waits for it."""
    frame.wait_for_function(f"() => !{leaflet_map(frame)}._animatingZoom", timeout=30000)
    frame.evaluate(f"() => new Promise(done => {{ const m = {leaflet_map(frame)}; "
                   f"m.getContainer().dispatchEvent(new PointerEvent('pointerdown', {{bubbles: true}})); "
                   f"m.once('moveend', () => requestAnimationFrame(() => done())); "
                   f"m.setView([{lat}, {lon}], {zoom}, {{animate: false}}); }})")


def wait_for_query(page, pattern: str, timeout_ms: int = 30000) -> None:
    """Wait until the page's URL matches the regular expression ``pattern``. The app changes its URL with
    history.replaceState; ``page.wait_for_url`` waits for a navigation and its load event as well, and
    timed out when the URL already matched."""
    page.wait_for_function("(pattern) => new RegExp(pattern).test(window.location.href)", arg=pattern,
                           timeout=timeout_ms)


def app_page(path: str, timeout: float = 90, **query):
    """A page of the app run by Streamlit's AppTest (no browser), opened from a link with ``query``."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(path)
    return at.run()
