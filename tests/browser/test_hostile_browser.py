"""Script-bearing text in the data is shown literally and never runs."""

import pytest

from tests.builders import HOSTILE, hostile_copy
from tests.conftest import map_frame, start_app

pytestmark = pytest.mark.browser

COLLECT_POPUPS_AND_TOOLTIPS = """
() => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const out = {popups: [], tooltips: [], popupImages: 0, hrefs: []};
  map.eachLayer(layer => {
    const at = layer.getLatLng ? layer.getLatLng() : (layer.getBounds ? layer.getBounds().getCenter() : null);
    if (layer.getPopup && layer.getPopup() && at) {
      layer.openPopup(at);
      const box = layer.getPopup().getElement().querySelector('.leaflet-popup-content');
      if (box) {
        out.popups.push(box.innerText);
        out.popupImages += box.querySelectorAll('img, script, iframe').length;
        box.querySelectorAll('a').forEach(a => out.hrefs.push(a.getAttribute('href')));
      }
      layer.closePopup();
    }
    if (layer.getTooltip && layer.getTooltip()) {
      layer.openTooltip(at);
      const tip = layer.getTooltip().getElement();
      if (tip) { out.tooltips.push(tip.innerText); }
      layer.closeTooltip();
    }
  });
  return out;
}
"""


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    process, base_url = start_app(hostile_copy(tmp_path_factory.mktemp("hostile") / "data"))
    yield base_url
    process.terminate()
    process.wait(timeout=20)


def test_route_map_shows_hostile_text_literally_and_runs_none_of_it(hostile_app, web):
    web.page.goto(f"{hostile_app}/?from=2024-01&to=2024-12")
    frame = map_frame(web.page)
    found = frame.evaluate(COLLECT_POPUPS_AND_TOOLTIPS)
    incident_popups = [p for p in found["popups"] if "dead" in p and "missing" in p]
    assert incident_popups and all(HOSTILE[0] in p and HOSTILE[1] in p for p in incident_popups)
    assert all(HOSTILE[4] in p for p in incident_popups)  # Markdown and {{ 7*7 }} stay as typed
    assert any(HOSTILE[0] in p and HOSTILE[3] in p for p in found["popups"] if "sourced report" in p)
    assert any(HOSTILE[0] in t for t in found["tooltips"])
    labels = frame.locator(".cr-label.region").all_inner_texts()
    assert labels and all(label.startswith(HOSTILE[0]) for label in labels)
    assert frame.locator(".cr-label img, .leaflet-tooltip img").count() == 0
    assert found["popupImages"] == 0
    assert all(href.startswith(("http://", "https://")) for href in found["hrefs"]), found["hrefs"]
    assert frame.evaluate("window.__pwned") is None
    assert web.page.evaluate("window.__pwned") is None
    assert web.dialogs == [] and web.errors == [] and web.external == []


def test_tables_show_hostile_text_literally(hostile_app, web):
    web.page.goto(f"{hostile_app}/?month=2024-09")
    web.page.get_by_text("reports are not drawn, and why").click()
    table = web.page.locator('[data-testid="stTable"]').last
    table.wait_for(timeout=30000)
    assert HOSTILE[0] in table.inner_text()
    corridors = web.page.locator('[data-testid="stTable"]').first.inner_text()
    assert HOSTILE[0] in corridors
    assert web.page.locator('[data-testid="stTable"] img').count() == 0
    assert web.page.evaluate("window.__pwned") is None and web.dialogs == []


def test_analyst_pages_and_chart_labels_keep_hostile_text_inert(hostile_app, web):
    web.page.goto(f"{hostile_app}/incidents?month=2024-09&view=points")
    table = web.page.locator('[data-testid="stTable"]', has_text=HOSTILE[3]).first
    table.wait_for(timeout=60000)
    assert HOSTILE[0] in table.inner_text()
    web.page.goto(f"{hostile_app}/crossings?from=2022-01&to=2022-12")
    label = web.page.locator('[data-testid="stVegaLiteChart"] text', has_text=HOSTILE[0][:20]).first
    label.wait_for(state="attached", timeout=60000)  # the nationality legend, drawn as SVG text
    assert web.page.locator('[data-testid="stVegaLiteChart"] img').count() == 0
    assert web.page.evaluate("window.__pwned") is None
    assert web.dialogs == [] and web.errors == [] and web.external == []
