"""Many incidents are drawn as dots in one pass, on the map and in the Strait detail, with the same
popups and tooltips; few are markers again (issue 12)."""

from __future__ import annotations

import pytest

from geo.data import load
from geo.maps.elements import DOTS_FROM
from geo.maps.live_map import incident_table, map_document
from geo.maps.offline import APP_BASE_URL
from geo.maps.route_map import build_route_map
from geo.model import scene
from tests import builders
from tests.browser.test_export_browser import serve
from tests.harness import ROOT

pytestmark = pytest.mark.browser
MANY, FEW = "2024-09", "2024-10"

STATE = """() => {
  const map = Object.values(window).find(v => v && v.crInset), inset = map.crInset;
  const group = Object.values(window).find(v => v && v.crPopup);
  function count(layer) {
    let markers = 0;
    layer.eachLayer(function walk(l) {
      if (l instanceof L.LayerGroup) { l.eachLayer(walk); } else if (l instanceof L.CircleMarker) { markers += 1; }
    });
    return markers;
  }
  function painted(container) {
    const dots = container.querySelector('canvas.cr-dots');
    if (!dots) { return null; }
    const pixels = dots.getContext('2d').getImageData(0, 0, dots.width, dots.height).data;
    let n = 0;
    for (let i = 3; i < pixels.length; i += 4) { n += pixels[i] > 0 ? 1 : 0; }
    return n;
  }
  const main = map.getContainer().querySelector('.leaflet-map-pane > .leaflet-overlay-pane');
  return {map: {markers: count(group), painted: painted(main)},
          inset: {markers: count(inset.crLayers['Incidents']), painted: painted(inset.getContainer())},
          shown: crIncidents.shown};
}"""
FIRST_DOT = """() => {
  const map = Object.values(window).find(v => v && v.crInset);
  const group = Object.values(window).find(v => v && v.crPopup);
  let dots = null;
  group.eachLayer(l => { if (l instanceof L.CrDots) { dots = l; } });
  const i = dots._shown[dots._shown.length - 3];
  const p = map.latLngToContainerPoint([dots._d.lat[i], dots._d.lon[i]]);
  const box = map.getContainer().getBoundingClientRect();
  const text = html => { const e = document.createElement('div'); e.innerHTML = html; return e.textContent; };
  return {x: box.left + p.x, y: box.top + p.y, tip: text(group.crTip(i)), popup: text(group.crPopup(i))};
}"""


def many_and_few() -> str:
    """A table with DOTS_FROM + 10 incidents in one month (spread over the Strait) and 3 in the next."""
    rows = [{"date": f"{MANY}-03", "lat": 50.7 + (i % 40) * 0.01, "lon": 1.3 + (i // 40) * 0.012}
            for i in range(DOTS_FROM + 10)]
    rows += [{"date": f"{FEW}-05", "lat": 50.9, "lon": 1.5 + i * 0.1} for i in range(3)]
    return incident_table(builders.incidents(rows)).json


@pytest.fixture(scope="module")
def map_url(tmp_path_factory):
    directory = tmp_path_factory.mktemp("dots")
    document = map_document(build_route_map(scene.build_scene(load.load_all()), None, live=True))
    (directory / "map.html").write_text(document.html, encoding="utf-8")
    vendor = directory / APP_BASE_URL.strip("/")
    vendor.parent.mkdir(parents=True)
    vendor.symlink_to(ROOT / "static" / "vendor")
    server, url = serve(directory)
    yield f"{url}/map.html"
    server.shutdown()


def show(page, table: str, month: str) -> dict:
    page.evaluate("([text, month]) => crIncidents.update(JSON.parse(text), [month], null)", [table, month])
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return page.evaluate(STATE)


def test_many_incidents_are_dots_with_popups_and_few_are_markers_again(map_url, web):
    page = web.page
    page.goto(map_url)
    page.wait_for_function("() => window.crIncidents && Object.values(window).some(v => v && v.crInset)")
    page.evaluate("() => { const m = Object.values(window).find(v => v && v.crInset); m.setView([50.85, 1.45], 10, "
                  "{animate: false}); }")
    table = many_and_few()

    many = show(page, table, MANY)
    assert many["shown"] == DOTS_FROM + 10
    assert many["map"]["markers"] == 0 and many["map"]["painted"] > 10000
    assert many["inset"]["markers"] == 0 and many["inset"]["painted"] > 1000

    dot = page.evaluate(FIRST_DOT)  # the top dot: what a reader hovers and clicks
    page.mouse.move(dot["x"], dot["y"])
    assert page.locator(".leaflet-tooltip").inner_text() == dot["tip"]
    page.mouse.click(dot["x"], dot["y"])
    assert page.locator(".leaflet-popup-content").inner_text().replace("\n", "") == dot["popup"].replace("\n", "")

    few = show(page, table, FEW)
    assert few == {"map": {"markers": 3, "painted": None}, "inset": {"markers": 3, "painted": None}, "shown": 3}

    again = show(page, table, MANY)  # (the popup may have panned the map: its dots sit a little elsewhere)
    assert again["map"]["markers"] == 0 and again["map"]["painted"] > 10000
    assert again["inset"] == many["inset"] and again["shown"] == many["shown"]
    assert web.errors == [] and web.external == []
