"""The Dover Strait detail stays clear of every map control, in the app and the explainer.

Launch areas and incidents in the inset are drawn on a canvas, so their boxes
come from Leaflet (projected to the page); controls are DOM boxes.
"""

from __future__ import annotations

import pytest

from geo.data import load
from geo.export.explainer import export_html
from geo.model import scene
from geo.model.period import Period
from tests.browser.test_export_browser import serve
from tests.harness import map_frame, open_session

pytestmark = pytest.mark.browser
WIDTHS = (1440, 1024, 375)

BOXES_JS = """
() => {
  const map = Object.values(window).find(v => v && v.crInset);
  if (!map) { return null; }
  const inset = map.crInset, frame = inset.getContainer().getBoundingClientRect();
  const shapes = [];
  const clip = (x0, y0, x1, y1) => {
    const a = [Math.max(x0, 0), Math.max(y0, 0), Math.min(x1, frame.width), Math.min(y1, frame.height)];
    if (a[0] < a[2] && a[1] < a[3]) { shapes.push([a[0] + frame.left, a[1] + frame.top, a[2] + frame.left,
                                                  a[3] + frame.top]); }
  };
  const walk = (layer) => {
    if (layer instanceof L.LayerGroup) { layer.eachLayer(walk); return; }
    if (layer instanceof L.CircleMarker) {
      const p = inset.latLngToContainerPoint(layer.getLatLng()), r = layer.getRadius();
      clip(p.x - r, p.y - r, p.x + r, p.y + r);
    } else if (layer.getBounds) {
      const b = layer.getBounds(), a = inset.latLngToContainerPoint(b.getNorthWest()),
            c = inset.latLngToContainerPoint(b.getSouthEast());
      clip(a.x, a.y, c.x, c.y);
    }
  };
  ['Launch areas', 'Incidents'].forEach(n => walk(inset.crLayers[n]));
  const controls = Array.from(document.querySelectorAll('.leaflet-control'))
    .filter(e => !e.classList.contains('cr-inset'))
    .map(e => [e.className, ...(r => [r.left, r.top, r.right, r.bottom])(e.getBoundingClientRect())])
    .filter(c => c[3] > c[1] && c[4] > c[2]);
  return {shapes, controls, inset: [frame.left, frame.top, frame.right, frame.bottom]};
}
"""


def overlaps(boxes: dict) -> list[str]:
    hits = []
    for name, *c in boxes["controls"]:
        for s in boxes["shapes"]:
            if c[0] < s[2] and s[0] < c[2] and c[1] < s[3] and s[1] < c[3]:
                hits.append(f"{name} over a shape at {[round(v) for v in s]}")
    return hits


def check(boxes: dict | None, width: int) -> None:
    assert boxes is not None, "the map has no Strait inset"
    assert len(boxes["shapes"]) >= 7, f"{width} px: launch areas and incidents are not in the inset view"
    assert overlaps(boxes) == [], f"{width} px: {overlaps(boxes)}"


@pytest.fixture(scope="module")
def explainer_url(tmp_path_factory):
    data = load.load_all()
    directory = tmp_path_factory.mktemp("inset")
    page = export_html(scene.build_scene(data), data.tables["incidents"], data.tables["crossings"],
                       Period("2024-01", "2024-12"))
    (directory / "explainer.html").write_text(page, encoding="utf-8")
    server, url = serve(directory)
    yield f"{url}/explainer.html"
    server.shutdown()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_control_covers_the_strait_detail_in_the_explainer(browser, explainer_url, width):
    session = open_session(browser, width, 900)
    try:
        session.page.goto(explainer_url)
        session.page.wait_for_selector("html[data-ready='1']", timeout=30000)
        check(session.page.evaluate(BOXES_JS), width)
        assert session.external == [] and session.errors == []
    finally:
        session.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_control_covers_the_strait_detail_in_the_app(app_url, browser, width):
    session = open_session(browser, width, 1100)
    try:
        session.page.goto(f"{app_url}/?month=2024-10")
        frame = map_frame(session.page)
        frame.locator(".cr-inset").wait_for(timeout=30000)
        check(frame.evaluate(BOXES_JS), width)
        assert session.external == []
    finally:
        session.context.close()
