"""Presentation mode: the route map with type sized for a projector, and month steps.

``geo`` never imports streamlit: the page reads state and calls these.
"""

from __future__ import annotations

import folium

from geo.maps.elements import RawText
from geo.maps.popups import esc
from geo.maps.route_map import build_route_map
from geo.model.period import Period, month_span
from geo.model.stats import Figure

PROJECTOR_CSS = """
<style>
.leaflet-container { font-size: 20px; }
.cr-legend { font-size: 18px; max-width: 440px; }
.cr-label span { font-size: 18px; }
.cr-label.region span { font-size: 22px; }
.leaflet-control-layers { font-size: 18px; }
.leaflet-control-attribution { font-size: 14px; }
.cr-inset-title { font-size: 20px; }
</style>
"""


def projector_map(scene, incidents, height: int = 760) -> folium.Map:
    """The route map with larger type for a projector."""
    m = build_route_map(scene, incidents, height=height)
    m.get_root().header.add_child(RawText(PROJECTOR_CSS))
    return m


def step_month(period: Period, span: Period, step: int) -> str:
    """The month ``step`` months from the period's end, kept inside ``span``.

    >>> span = Period("2018-01", "2026-08")
    >>> step_month(Period("2024-09", "2024-09"), span, 1), step_month(Period("2024-01", "2024-12"), span, -1)
    ('2024-10', '2024-11')
    >>> step_month(Period("2026-08", "2026-08"), span, 1)
    '2026-08'
    """
    months = month_span(span.start, span.end)
    index = months.index(period.end) if period.end in months else len(months) - 1
    return months[max(0, min(len(months) - 1, index + step))]


def callouts_html(figures: list[Figure]) -> str:
    """Headline figures as large callouts (escaped HTML)."""
    boxes = "".join(f'<div class="cr-callout"><b>{esc(f.value)}</b><span>{esc(f.label)}</span>'
                    f"<small>{esc(f.source)}</small>"
                    + (f'<small class="cr-coverage">{esc(f.coverage)}</small>' if f.coverage else "")
                    + "</div>" for f in figures)
    return f'<div class="cr-callouts">{boxes}</div>'


CALLOUT_CSS = """
<style>
.cr-callouts { display: flex; flex-wrap: wrap; gap: 12px; margin: 0 0 12px; }
.cr-callout { flex: 1 1 180px; background: rgba(127,127,127,.1); border-radius: 8px; padding: 10px 16px; }
.cr-callout b { display: block; font-size: 3rem; line-height: 1.1; }
.cr-callout span { display: block; font-size: 1.4rem; }
.cr-callout small { display: block; font-size: 1rem; opacity: .75; }
</style>
"""

# Arrow keys anywhere in the app page click the previous/next buttons. The
# component's iframe is same-origin, so it can listen on the parent document;
# the previous run's handler is removed first so keys never fire twice.
KEYS_JS = """
<script>
(function () {
  var doc = window.parent.document, host = window.parent;
  if (host.__crPresentKeys) { doc.removeEventListener('keydown', host.__crPresentKeys); }
  host.__crPresentKeys = function (e) {
    var t = e.target, tag = t && t.tagName;
    if (e.altKey || e.ctrlKey || e.metaKey || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
        || (t && t.isContentEditable)) { return; }
    // Streamlit marks a keyed widget's container with st-key-<key>: the buttons' labels are translated.
    var key = e.key === 'ArrowRight' ? 'present_next' : e.key === 'ArrowLeft' ? 'present_prev' : null;
    if (!key) { return; }
    var button = doc.querySelector('.st-key-' + key + ' button');
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  };
  doc.addEventListener('keydown', host.__crPresentKeys);
})();
</script>
"""
