"""AppTest: the Export and Presentation pages."""

from streamlit.testing.v1 import AppTest

from geo.data import load
from geo.model import stats
from geo.model.period import Period
from tests.builders import shown
from tests.harness import ROOT

TIMEOUT = 120


def page(path: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(path).run()


def downloads(at: AppTest) -> list:
    return at.get("download_button")


def test_export_page_offers_the_explainer_snippet_and_command():
    at = page("views/export.py", **{"from": "2024-01", "to": "2024-12"})
    assert not at.exception
    assert at.title[0].value == "Export and embed · Jan 2024 – Dec 2024"
    snippet, command = at.code[0].value, at.code[1].value
    assert 'src="channel-routes-2024-01-2024-12.html"' in snippet and 'sandbox="allow-scripts' in snippet
    assert 'title="Map: The Channel small-boat route, Jan 2024 – Dec 2024"' in snippet
    assert command.startswith("python -m geo export --from 2024-01 --to 2024-12 --layers all --format html")
    assert len(downloads(at)) == 1
    assert any("KB, Leaflet included (budget: 1 MB)" in c.value for c in at.caption)


def test_choosing_layers_changes_the_command():
    at = page("views/export.py", month="2024-09")
    at.multiselect(key="export_layers").set_value(["tss", "incidents"]).run()
    assert not at.exception
    assert "--layers tss,incidents" in at.code[1].value
    at.multiselect(key="export_layers").set_value([]).run()
    assert shown(shown(at.warning[0].value)) == "Pick at least one layer to export."


def test_a_bad_embed_url_names_the_value():
    at = page("views/export.py", month="2024-09")
    at.text_input(key="export_url").set_value("javascript:alert(1)").run()
    assert "instead got: 'javascript:alert(1)'" in shown(shown(at.error[0].value))


def test_drawing_the_picture_offers_its_download():
    at = page("views/export.py", month="2024-09")
    at.button(key="draw_picture").click().run()
    assert not at.exception
    assert len(downloads(at)) == 2
    assert len(at.get("image")) == 1  # the PNG preview


def test_presentation_shows_the_month_as_callouts_and_steps():
    at = page("views/present.py", month="2024-09")
    assert not at.exception
    assert any(m.value == "# Sep 2024" for m in at.markdown)
    assert any("4,192" in m.value and "People crossed" in m.value for m in at.markdown)
    at.button(key="present_next").click().run()
    october = stats.headline(load.load_crossings_monthly(), load.load_incidents(), Period("2024-10", "2024-10"))
    assert any(m.value == "# Oct 2024" for m in at.markdown)
    assert any(f"{october.people:,}" in m.value for m in at.markdown)
    assert at.query_params["month"] == ["2024-10"] or at.query_params["month"] == "2024-10"
    at.button(key="present_prev").click().run()
    at.button(key="present_prev").click().run()
    assert any(m.value == "# Aug 2024" for m in at.markdown)


def test_presentation_next_is_disabled_at_the_last_month():
    at = page("views/present.py", month="2026-08")
    assert at.button(key="present_next").disabled
    assert not at.button(key="present_prev").disabled


def test_presentation_says_no_data_for_a_month_iom_does_not_cover():
    at = page("views/present.py", month="2025-11")
    assert not at.exception
    html = " ".join(m.value for m in at.markdown)
    assert "<b>no data</b><span>Dead</span>" in html and "<b>no data</b><span>Missing</span>" in html
    assert "IOM has no records for Nov 2025: known gap 29 Sep 2025 – 26 Jan 2026" in html
