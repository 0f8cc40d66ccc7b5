"""The reader's language: catalogs complete and current, the switch, formats, every page in each language."""

import pytest
from streamlit.testing.v1 import AppTest

from geo import i18n
from geo.catalogs import TRANSLATED, extracted_messages, missing_and_unused
from tests.harness import ROOT

TIMEOUT = 90
PAGES = ("views/route_map.py", "views/incidents.py", "views/crossings.py", "views/compare.py",
         "views/present.py", "views/export.py")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_and_every_translation_is_used(lang):
    missing, unused = missing_and_unused(lang)
    assert not missing, f"{lang}: messages without a translation: {missing}"
    assert not unused, f"{lang}: translations the code no longer uses: {unused}"


def test_extraction_finds_the_marked_messages():
    messages = extracted_messages()
    assert "Route map" in messages and "Dover Strait" in messages


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_survive_translation(lang):
    import re
    field = re.compile(r"\{[a-z_]*(?:![rs])?\}")
    with i18n.use_language(lang):
        for message in extracted_messages():
            if isinstance(message, str):
                assert sorted(field.findall(i18n._(message))) == sorted(field.findall(message)), message


def test_formats_follow_the_locale():
    shown = {}
    for lang in i18n.LANGS:
        with i18n.use_language(lang):
            shown[lang] = (i18n.format_number(36816), i18n.format_decimal(53.0), i18n.format_month("2024-03"),
                           i18n.place_name("English Channel"))
    assert shown["en"] == ("36,816", "53.0", "Mar 2024", "English Channel")
    assert shown["fr"] == ("36\u202f816", "53,0", "mars 2024", "Manche")
    assert shown["de"] == ("36.816", "53,0", "März 2024", "Ärmelkanal")


def page(path: str, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(path)
    return at.run()


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_in_each_language(path, lang):
    at = page(path, lang=lang, month="2024-09")
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.sidebar.selectbox(key="lang").value == lang
    period_header = {"fr": "Période", "de": "Zeitraum"}[lang]
    assert any(h.value == period_header for h in at.sidebar.header)


def test_route_map_in_french_formats_its_figures():
    at = page("views/route_map.py", lang="fr", month="2024-09")
    assert "sept. 2024" in at.title[0].value


@pytest.mark.parametrize("bad", ["es", "english", ""])
def test_a_lang_outside_the_three_gets_the_usual_message(bad):
    at = page("views/route_map.py", lang=bad)
    assert not at.exception
    assert at.sidebar.selectbox(key="lang").value == "en"
    shown_warnings = [w.value.replace("\\", "") for w in at.warning]  # md_text escapes = and .
    assert any("lang=" in w and "expected en, fr or de" in w for w in shown_warnings), shown_warnings
