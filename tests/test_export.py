"""The self-contained explainer: no other origin, CSP, furniture, metadata, escaping."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from geo.data import load
from geo.export.embed import iframe_snippet
from geo.export.explainer import ALL_LAYERS, ExportOptions, export_html, parse_layers
from geo.export.meta import data_versions
from geo.model import scene
from geo.model.period import Period
from geo.vocab import PUBLISHERS
from tests import builders

PERIOD = Period("2024-01", "2024-12")
XML_NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink")


@pytest.fixture(scope="module")
def shipped():
    data = load.load_all()
    return data, scene.build_scene(data)


@pytest.fixture(scope="module")
def page(shipped) -> str:
    data, built = shipped
    return export_html(built, data.tables["incidents"], data.tables["crossings"], PERIOD)


def block(page: str, block_id: str) -> dict:
    match = re.search(rf'<script type="application/json" id="{block_id}">(.*?)</script>', page, re.S)
    assert match, f"no {block_id} block"
    return json.loads(match.group(1))


def inline_scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, re.S)


def test_no_http_reference_except_links_a_reader_clicks(page):
    """Every http(s):// in the file is an <a href> (possibly inside escaped
    popup HTML) or an XML namespace name in Leaflet's code; nothing is loaded."""
    without_comments = re.sub(r"/\*.*?\*/", "", page, flags=re.S)  # Leaflet's licence header
    without_links = re.sub(r'href=(\\?)"[^"\\]*\1"', "href", without_comments)
    references = re.findall(r"https?://[^\s\"'<>\\)]+", without_links)
    assert [r for r in references if r not in XML_NAMESPACES] == []
    assert not re.search(r"(src|srcset|action|poster|data)\s*=\s*\\*[\"']?\s*(https?:)?//", page, re.I)
    assert not re.search(r"url\(\s*[\"']?\s*(https?:)?//", page, re.I)
    assert "@import" not in page
    assert "<link" not in page  # no stylesheet, preload or icon from anywhere


def test_page_has_a_link_a_reader_can_follow(page):
    # The check above must not pass by finding nothing: popups do hold source links.
    assert re.search(r'href=\\*"https://', page)


def test_csp_allows_only_the_page_own_scripts(page):
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    rules = dict(rule.strip().split(" ", 1) for rule in csp.split(";"))
    assert rules["default-src"] == "'none'" and rules["connect-src"] == "'none'"
    assert rules["img-src"] == "data:" and "unsafe-inline" not in rules["script-src"]
    hashes = set(re.findall(r"'sha256-([^']+)'", rules["script-src"]))
    scripts = inline_scripts(page)
    assert len(scripts) == 3
    assert hashes == {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
    assert page.index("Content-Security-Policy") < page.index("<script")


def test_viewport_allows_pinch_zoom(page):
    viewport = re.search(r'<meta name="viewport" content="([^"]+)">', page).group(1)
    assert "width=device-width" in viewport
    assert "user-scalable" not in viewport and "maximum-scale" not in viewport
    assert page.count('name="viewport"') == 1


def test_furniture_credits_every_publisher_and_dates(page):
    assert "<h1>The Channel small-boat route</h1>" in page
    for publisher in PUBLISHERS:
        assert publisher.replace("&", "&amp;") in page
    assert "Home Office official monthly: to Jun 2026" in page
    assert "IOM Missing Migrants Project: to 3 May 2026" in page  # Babel's day format
    assert "IOM figures are minimum estimates" in page
    alt = re.search(r'<p id="cr-alt" class="sr-only">(.*?)</p>', page).group(1)
    assert "36,816 people crossed in 695 boats" in alt and "82 dead and 3 missing" in alt


def test_default_explainer_is_under_one_megabyte(page):
    assert len(page.encode("utf-8")) < 1_000_000


def test_client_data_holds_the_period_only(page, shipped):
    data, _ = shipped
    client = block(page, "cr-data")
    incidents = data.tables["incidents"]
    in_period = incidents[incidents["year_month"].between(PERIOD.start, PERIOD.end)]
    assert len(client["incidents"]) == len(in_period) == 37
    assert client["months"] == PERIOD.months
    assert client["crossings"]["2024-09"] == [4192, 76, "official"]
    assert [s["title"] for s in client["story"]] == [
        "1. Storage", "2. The road", "3. The beaches", "4. The crossing", "5. Deaths and missing people"]


def test_metadata_names_parameters_and_data_versions(page):
    meta = block(page, "cr-meta")
    assert meta["parameters"]["from"] == "2024-01" and meta["parameters"]["to"] == "2024-12"
    assert meta["parameters"]["layers"] == list(ALL_LAYERS)
    assert meta["data"] == data_versions()
    assert meta["data"]["files"]["crossings/crossings_monthly.csv"].startswith("sha256:")


def test_chosen_layers_only(shipped):
    data, built = shipped
    page = export_html(built, data.tables["incidents"], data.tables["crossings"], PERIOD,
                       ("tss", "boundary"), ExportOptions(story=False))
    assert '"Shipping lanes (TSS)"' in page and '"UK-France boundary"' in page
    assert '"Storage places"' not in page and '"Incidents"' not in page
    assert block(page, "cr-data")["incidents"] == [] and 'id="cr-story"' not in page


def test_hostile_text_from_data_is_inert(shipped):
    data, built = shipped
    hostile = builders.incidents([{"date": "2024-03-01", "location": text, "cause": text, "source": text}
                                  for text in builders.HOSTILE])
    page = export_html(built, hostile, data.tables["crossings"], PERIOD, options=ExportOptions(title="</h1><b>x"))
    assert "</script><script>window.__pwned" not in page
    assert "<img src=x" not in page
    assert "&lt;/h1&gt;&lt;b&gt;x" in page
    assert len(block(page, "cr-data")["incidents"]) == len(builders.HOSTILE)


def test_bad_layer_names_the_value():
    with pytest.raises(ValueError, match="instead got: 'beaches'"):
        parse_layers("tss,beaches")
    assert parse_layers(None) == ALL_LAYERS


def test_iframe_snippet_is_sandboxed_and_titled():
    snippet = iframe_snippet("https://news.example/channel.html", title='Map "A" <b>')
    assert 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' in snippet
    assert "allow-same-origin" not in snippet
    assert 'title="Map &quot;A&quot; &lt;b&gt;"' in snippet
    assert "width:100%" in snippet


def test_explainer_marks_months_iom_does_not_cover(shipped):
    data, built = shipped
    page = export_html(built, data.tables["incidents"], data.tables["crossings"], Period("2025-10", "2026-02"))
    client = block(page, "cr-data")
    assert client["coverage"]["iom"]["none"]["2025-11"] == (
        "IOM has no records for Nov 2025: known gap 29 Sep 2025 – 26 Jan 2026")
    assert set(client["coverage"]["iom"]["partial"]) == {"2026-01"}
    assert '<b id="cr-dead">0</b>' not in page
    assert "in the 2 of 5 months IOM covers (1 in part)" in page


def test_explainer_for_an_uncovered_month_says_no_data(shipped):
    data, built = shipped
    page = export_html(built, data.tables["incidents"], data.tables["crossings"], Period("2025-11", "2025-11"))
    assert '<b id="cr-dead">no data</b>' in page and '<b id="cr-missing">no data</b>' in page
    assert "IOM has no records for Nov 2025: known gap 29 Sep 2025 – 26 Jan 2026 (no data, not zero)." in page


def test_slot_markers_and_template_text_in_a_title_stay_literal(shipped):
    """The skeleton's slots are filled once: a title naming another slot, or
    holding template syntax or a closing script tag, is shown as typed."""
    data, built = shipped
    typed = "@@subtitle@@ {{ 7*7 }} ${x} </script><script>alert(1)</script>"
    page = export_html(built, None, data.tables["crossings"], PERIOD, ("tss",),
                       ExportOptions(title=typed, subtitle="@@title@@", story=False))
    shown = "@@subtitle@@ {{ 7*7 }} ${x} &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"<h1>{shown}</h1>" in page and f"<title>{shown} · {PERIOD.label}</title>" in page
    assert '<p class="cr-sub">@@title@@</p>' in page and '<meta name="description" content="@@title@@">' in page
    assert block(page, "cr-meta")["parameters"]["title"] == typed
    assert page.count("</script>") == 5 and len(inline_scripts(page)) == 3
