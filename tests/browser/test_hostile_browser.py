"""Script-bearing and template text in the data and in uploads is shown literally and never runs."""

import pytest

from tests import builders as b
from tests.builders import HOSTILE, hostile_copy
from tests.harness import ROOT, map_frame, start_app, wait_for_query

pytestmark = pytest.mark.browser

COLLECT_POPUPS_AND_TOOLTIPS = """
() => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const out = {popups: [], tooltips: [], popupImages: 0, hrefs: []};
  map.eachLayer(layer => {
    const bounds = layer.getBounds && layer.getBounds();  // an empty group has no centre
    const at = layer.getLatLng ? layer.getLatLng() : (bounds && bounds.isValid() ? bounds.getCenter() : null);
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
    frame.wait_for_function(INCIDENTS_DRAWN, timeout=60000)
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
    corridors = web.page.locator('[data-testid="stTable"]', has_text="Sea km").first.inner_text()
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


# --- Issue 9: template syntax from data and uploads, in every incident view and on /compare ---------

# Popup and tooltip text of every layer, clustered ones included, read as text without running it.
COLLECT_LAYER_TEXT = """
() => {
  const text = html => new DOMParser().parseFromString(html, 'text/html').body.textContent;
  const out = [];
  const seen = new Set();
  // A group may bind one popup and tooltip function for all its markers (IncidentLayer): a marker
  // without its own is read with its group's, as Leaflet opens it.
  function visit(layer, inherited) {
    if (seen.has(layer)) { return; }
    seen.add(layer);
    const own = [layer.getPopup && layer.getPopup(), layer.getTooltip && layer.getTooltip()];
    const bounds = own.map((bound, i) => bound || inherited[i]);
    for (const bound of bounds) {
      if (!bound) { continue; }
      const content = bound.getContent();
      if (typeof content !== 'function') { out.push(text(String(content))); }
      else if (!layer.getLayers) { out.push(text(content(layer))); }
    }
    if (layer.getLayers) { layer.getLayers().forEach(child => visit(child, bounds)); }
  }
  Object.values(window).filter(v => v instanceof L.Map).forEach(map => map.eachLayer(l => visit(l, [null, null])));
  return out;
}
"""


# A live map (geo/maps/live_map.py) opens with no incidents and draws them when the page sends them.
INCIDENTS_DRAWN = "() => !window.crIncidents || window.crIncidents.draws > 0 || window.crIncidents.shown > 0"


def leaflet_frames(page, count: int = 1, timeout_ms: int = 60000) -> list:
    """The map frames once ``count`` of them have drawn, incidents included (the legend is added last)."""
    deadline = page.evaluate("Date.now()") + timeout_ms
    while page.evaluate("Date.now()") < deadline:
        frames = []
        for frame in page.frames:
            try:
                if frame.locator(".leaflet-container .cr-legend").count() > 0 and frame.evaluate(INCIDENTS_DRAWN):
                    frames.append(frame)
            except Exception:  # frames detach while Streamlit re-renders
                continue
        if len(frames) >= count:
            return frames
        page.wait_for_timeout(250)
    raise AssertionError(f"{count} Leaflet map(s) did not draw within the time limit")


def settled_text(page, frames, count: int) -> tuple[list[str], str]:
    """Popup and tooltip texts and the frames' body text, read again when Streamlit replaces a frame."""
    for _ in range(5):
        try:
            texts = [t for frame in frames for t in frame.evaluate(COLLECT_LAYER_TEXT)]
            return texts, "\n".join(frame.locator("body").inner_text() for frame in frames)
        except Exception as error:  # noqa: BLE001 - only a detached frame is retried
            if "detached" not in str(error):
                raise
            frames = leaflet_frames(page, count)
    raise AssertionError("the map frames kept being replaced")


def assert_template_text_inert(web, count: int, must_show: str | None) -> list[str]:
    """Read the ``count`` map frames' texts; a frame being replaced (a stale one can still be listed beside
    its successor) is read again from the frames that have drawn, ``count`` of them, not as many as were
    listed."""
    texts, bodies = settled_text(web.page, leaflet_frames(web.page, count), count)
    shown = "\n".join(texts + [bodies, web.page.locator("body").inner_text()])
    for evaluated in (*b.EVALUATED, str(ROOT)):
        assert evaluated not in shown, evaluated
    assert "Something went wrong" not in shown and "TemplateSyntaxError" not in shown
    if must_show is not None:
        assert any(must_show in t for t in texts), texts[:5]
    assert web.external == [] and web.errors == [] and web.dialogs == []
    return texts


@pytest.fixture(scope="module")
def template_app(tmp_path_factory):
    data, _ = b.template_copy(tmp_path_factory.mktemp("templates") / "data")
    process, base_url = start_app(data)
    yield base_url
    process.terminate()
    process.wait(timeout=20)


@pytest.mark.parametrize("view", ["clusters", "points", "density"])
def test_incident_views_show_template_text_from_data_literally(template_app, web, view):
    web.page.goto(f"{template_app}/incidents?month=2024-09&view={view}")
    texts = assert_template_text_inert(web, 1, None if view == "density" else b.TEMPLATE_TEXT)
    assert texts  # popups and tooltips were read


def test_an_uploaded_file_is_shown_literally_in_every_view_and_on_compare(template_app, web):
    page = web.page
    page.goto(f"{template_app}/incidents?month=2024-09")
    name, data = b.template_uploads(place="Upload place")["generic CSV"]
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}])
    page.get_by_text("1 of 1 row accepted").wait_for(timeout=60000)
    uploaded = "Upload place" + b.TEMPLATE_TEXT
    assert_template_text_inert(web, 1, uploaded)
    for label in ("Every incident", "Density grid"):
        page.get_by_text(label, exact=True).click()
        wait_for_query(page, f"view={'points' if label == 'Every incident' else 'density'}", 60000)
        assert_template_text_inert(web, 1, None if label == "Density grid" else uploaded)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Compare periods").click()
    page.wait_for_selector("h1:has-text('Compare two periods')", timeout=60000)
    page.get_by_text("Includes your uploaded rows.", exact=False).first.wait_for(timeout=60000)
    assert_template_text_inert(web, 2, uploaded)
