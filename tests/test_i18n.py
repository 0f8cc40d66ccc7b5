"""The reader's language: catalogs complete and current, the switch, formats, every page in each language."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from geo import i18n
from geo.catalogs import TRANSLATED, extracted_messages, missing_and_unused
from tests.harness import app_page

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
    return app_page(path, TIMEOUT, **query)


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_in_each_language(path, lang):
    at = page(path, lang=lang, month="2024-09")
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.sidebar.button_group(key="lang").value == lang
    period_header = {"fr": "Période", "de": "Zeitraum"}[lang]
    assert any(h.value == period_header for h in at.sidebar.header)


def test_route_map_in_french_formats_its_figures():
    at = page("views/route_map.py", lang="fr", month="2024-09")
    assert "sept. 2024" in at.title[0].value


@pytest.mark.parametrize("bad", ["es", "english", ""])
def test_a_lang_outside_the_three_gets_the_usual_message(bad):
    at = page("views/route_map.py", lang=bad)
    assert not at.exception
    assert at.sidebar.button_group(key="lang").value == "en"
    shown_warnings = [w.value.replace("\\", "") for w in at.warning]  # md_text escapes = and .
    assert any("lang=" in w and "expected en, fr or de" in w for w in shown_warnings), shown_warnings


def test_no_message_hides_inside_an_f_string():
    """Babel's extractor does not look inside f-strings: a message there would never be translated."""
    import io
    import re
    import tokenize

    from geo.catalogs import source_files
    marked = re.compile(r"""\b(?:_|N_|ngettext)\(\s*[rbu]?["']""")
    hidden = []
    for path in source_files():
        for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
            if token.type == tokenize.STRING and re.match(r"[rRbB]*[fF]", token.string) and marked.search(token.string):
                hidden.append(f"{path.name}:{token.start[0]}")
    assert not hidden, f"_() with a literal inside an f-string: {hidden}"


@pytest.fixture(scope="module")
def shipped():
    from geo.data import load
    from geo.model import scene
    data = load.load_all()
    return data, scene.build_scene(data)


@pytest.mark.parametrize("lang, people, layer, html_words", [
    ("fr", "36\u202f816", "Couloirs de traversée", ("Lecture", "Récit : suivre la route", "Pas de Calais",
                                                    "officielles\u00a0: jusqu")),
    ("de", "36.816", "Überfahrtskorridore", ("Abspielen", "Erzählung: der Route folgen", "Straße von Dover",
                                            "<b>Datenstand:</b>")),
])
def test_the_explainer_in_french_and_german(shipped, lang, people, layer, html_words):
    from geo.export.explainer import export_html
    from geo.model.period import Period
    data, built = shipped
    with i18n.use_language(lang):
        page = export_html(built, data.tables["incidents"], data.tables["crossings"], Period("2024-01", "2024-12"))
    assert f'<html lang="{lang}">' in page
    assert f'id="cr-people">{people}</b>' in page
    assert json.dumps(layer) in page  # the layer control, as folium writes it in JS
    for word in html_words:
        assert word in page
    # the layer control shows no English name (the inset keys its layer copies by the English name, unseen)
    assert '"Storage places" :' not in page and "Play</button>" not in page


def test_the_cli_writes_the_explainer_in_the_language_asked(tmp_path):
    from geo import cli
    out = tmp_path / "x.html"
    assert cli.main(["export", "--from", "2024-01", "--to", "2024-12", "--lang", "de", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="de">' in page and "36.816" in page and "Die Small-Boat-Route" in page
    assert cli.main(["export", "--from", "2024-01", "--to", "2024-12", "--lang", "es", "--out", str(out)]) == 2


def test_the_slides_picture_in_french(shipped):
    import matplotlib.pyplot as plt

    from geo.export.pictures import draw
    from geo.model.period import Period
    data, built = shipped
    with i18n.use_language("fr"):
        fig = draw(built, data.tables["incidents"], data.tables["crossings"], Period("2024-01", "2024-12"))
    texts = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    plt.close(fig)
    shown = "\n".join(texts)
    assert "La route des small boats dans la Manche" in shown
    assert "Personnes ayant traversé: 36\u202f816" in shown
    assert "Légende" in shown and "Données : " in shown


def test_a_data_error_keeps_file_row_and_column_in_the_readers_language():
    from geo.data.schema import DataFileError, RowIssue
    error = DataFileError("incidents.csv", [RowIssue("incidents.csv", 7, "dead", "x", "is not a whole number")])
    assert str(error) == "incidents.csv, row 7, column 'dead': is not a whole number (value: 'x')"
    with i18n.use_language("fr"):
        assert str(error) == "incidents.csv, ligne 7, colonne 'dead': n'est pas un nombre entier (valeur : 'x')"
    with i18n.use_language("de"):
        assert str(error) == "incidents.csv, Zeile 7, Spalte 'dead': ist keine ganze Zahl (Wert: 'x')"


def test_the_sidebar_switch_changes_the_page_and_the_url():
    at = page("views/route_map.py", month="2024-09")
    assert at.title[0].value.startswith("The Channel small-boat route")
    at.sidebar.button_group(key="lang").set_value("de").run()
    assert at.title[0].value == "Die Small-Boat-Route über den Ärmelkanal · Sept. 2024"
    assert at.query_params["lang"] == "de"
    shown = {m.label: m.value for m in at.metric}
    assert shown["Übergesetzte Personen"] == "4.192" and shown["Personen pro Boot"] == "55,2"


def test_an_unreadable_upload_is_explained_in_the_readers_language():
    from geo.data.upload import read_upload
    with i18n.use_language("fr"):
        error = read_upload("mes-incidents.csv", b"").error
    assert error.startswith("mes-incidents.csv ne peut pas être lu : est vide. Attendu : un CSV (séparé par")


def test_charts_carry_the_locale_and_translated_statuses():
    import pandas as pd

    from geo.maps import charts
    monthly = pd.DataFrame({"month": ["2024-01"], "month_date": pd.to_datetime(["2024-01-01"]), "label": ["x"],
                            "people": [1000], "boats": [10], "people_per_boat": [100.0], "status": ["official"],
                            "picked": [True]})
    with i18n.use_language("fr"):
        spec = charts.crossings_monthly(monthly, "people", "t").to_dict()
    assert spec["config"]["locale"]["number"]["thousands"] == "\u202f"
    assert spec["config"]["locale"]["time"]["shortMonths"][8] == "sept."
    assert "officiel" in spec["encoding"]["color"]["legend"]["labelExpr"]
    assert spec["encoding"]["y"]["title"] == "Personnes"
