"""What a French or German reader sees of the parts translated last: reasons with values, the route map's
drive times and tables, chart notes, the update report."""

from geo import i18n


def test_a_reason_with_a_value_is_shown_in_the_readers_language():
    from geo.data.upload import read_upload
    data = b"date,latitude,longitude,dead,missing\n2024-09-03,50.9,1.6,-1,0\n2024-09-04,5.9,1.6,1,0\n"
    result = read_upload("mine.csv", data)
    with i18n.use_language("de"):
        table = result.issue_table()
        assert list(table.columns) == ["Zeile", "Spalte", "Wert", "Grund"]
        reasons = dict(zip(table["Spalte"], table["Grund"]))
    assert reasons["dead"] == "muss mindestens 0 sein"
    assert reasons["latitude"].startswith("muss mindestens 35 sein: außerhalb Europas, das diese Karte abdeckt")
    with i18n.use_language("fr"):
        assert str(result.issues[0]) == "mine.csv, ligne 2, colonne 'dead': doit être au moins 0 (valeur : '-1')"
        assert "acceptées comme CSV générique" in result.summary()


def test_a_limit_in_a_reason_is_a_number_in_the_readers_format():
    from geo.data.upload import read_upload
    with i18n.use_language("fr"):
        error = read_upload("big.csv", b"date\n" + b"2024-09-03\n" * 200_002).error
    assert error.startswith("big.csv ne peut pas être lu : a plus de 200\u202f000 lignes.")
    with i18n.use_language("de"):
        error = read_upload("big.csv", b"date\n" + b"2024-09-03\n" * 200_002).error
    assert error.startswith("big.csv kann nicht gelesen werden: hat mehr als 200.000 Zeilen.")


def test_a_semicolon_file_says_how_it_was_read_in_german():
    from geo.data.upload import read_upload
    result = read_upload("x.csv", b"date;latitude;longitude;dead;missing\n2024-09-03;50,9;1,6;1;0\n\n")
    with i18n.use_language("de"):
        assert "Gelesen als: getrennt durch Semikolon, Dezimalkommas als Punkte gelesen" in result.summary()


def test_the_drive_times_and_their_tables_in_german():
    from tests.harness import app_page
    at = app_page("views/route_map.py", 120, lang="de", month="2024-09")
    speeds, routes = at.table[0].value, at.table[1].value
    assert list(speeds.columns) == ["Straße", "Schnelles Ende \\(km/h\\)",
                                    "Langsames Ende, typischer Transporter \\(km/h\\)", "Grundlage"]
    assert speeds.iloc[0].tolist()[::3] == ["Deutsche Autobahn",
                                            "kein allgemeines Tempolimit; 130 km/h ist die Richtgeschwindigkeit"]
    assert list(routes.columns)[:6] == ["Herkunft", "Art der Herkunft", "Ziel", "km", "Stunden \\(min\\.\\)",
                                        "Stunden \\(max\\.\\)"]
    assert "Köln" in set(routes["Herkunft"]) and "Stadt" in set(routes["Art der Herkunft"])
    assert all("," in hours for hours in routes["Stunden \\(min\\.\\)"])  # 5,6 not 5.6
    drive = next(m.value for m in at.markdown if "Fahrt, " in m.value)
    assert "Vergleich: länger als die drei Stunden der NCA und überlappend mit den berichteten vier" in drive
    assert "„driven for four or five hours“" in drive and "Zitat auf Englisch" in drive  # the quote as said
    assert "hier berechnet: " in drive and "computed here" not in drive


def test_the_routes_csv_stays_english_for_machines():
    from geo.data import load
    from geo.export.route_table import routes_csv
    from geo.model import scene
    routes = scene.build_scene(load.load_all()).routes
    with i18n.use_language("fr"):
        csv_text = routes_csv(routes).decode()
    assert "\norigin,origin kind,destination,km,hours low,hours high," in csv_text


def test_the_corridors_and_the_reports_not_drawn_in_french():
    from tests.harness import app_page
    at = app_page("views/route_map.py", 120, lang="fr", month="2024-09")
    corridors, not_drawn = at.table[2].value, at.table[3].value
    lanes = " ".join(corridors["Voies du DST traversées"])
    assert "direction SO" in lanes and "bound" not in lanes
    assert all("," in km for km in corridors["km en mer"])
    assert list(not_drawn.columns) == ["Lieu", "Pays", "Date", "Éditeur", "Pourquoi non dessiné"]
    assert {"Allemagne", "Pays\\-Bas"} <= set(not_drawn["Pays"])
    assert "une déclaration à l'échelle d'un pays qui ne nomme aucun lieu" in set(not_drawn["Pourquoi non dessiné"])
    assert "25 oct\\. 2024" in set(not_drawn["Date"])
    assert any("Place descriptions" not in c.value and "telles que l'OIM les publie, en anglais" in c.value
               for c in at.caption)


def _datasets():
    from geo.data import load
    return load.load_all()


def test_chart_tooltips_say_status_months_and_why_incomplete_in_the_readers_language():
    import json

    from geo.maps import charts, seed_charts
    from geo.model import crossings, seed_figures
    from geo.model.period import Period
    data = _datasets()
    monthly = crossings.monthly_with_ratio(data.tables["crossings"])
    with i18n.use_language("de"):
        spec = json.dumps(charts.year_on_year(crossings.year_on_year(data.tables["crossings"],
                                                                     Period("2024-09", "2024-10")),
                                              "people", "t").to_dict(), ensure_ascii=False)
        monthly_spec = json.dumps(charts.crossings_monthly(monthly, "people", "t").to_dict(), ensure_ascii=False)
    assert '"month_of_year": "Okt"' in spec and '"Sep"' in spec and '"Oct"' not in spec
    assert '"status_words": "amtlich"' in monthly_spec and '"status_words": "vorläufig"' in monthly_spec
    with i18n.use_language("fr"):
        table = seed_figures.yearly_dead_missing(data.tables["incidents"])
        yearly = seed_figures.people_per_boat_by_year(data.tables["crossings"])
        ppb = json.dumps(seed_charts.people_per_boat_by_year(yearly, "t").to_dict(), ensure_ascii=False)
    notes = " ".join(set(table["note"]))
    assert "aucun enregistrement du 29 sept. 2025 au 26 janv. 2026" in notes and "fin des données le " in notes
    assert '"status_words": "comprend des mois provisoires"' in ppb


def test_the_update_report_in_french_with_locale_numbers_and_its_json_in_english(tmp_path, capsys):
    import json

    import pandas as pd

    from geo import cli
    from tests import builders
    data = builders.copy_of_data(tmp_path / "data")
    ier = tmp_path / "ier_02a.csv"
    pd.DataFrame({"month": ["2026-07"], "people_arrived": [1200], "boats_arrived": [35]}).to_csv(ier, index=False)
    report = tmp_path / "report.json"
    assert cli.main(["update", str(ier), "--data", str(data), "--dry-run", "--report", str(report),
                     "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "essai à blanc, rien n'est écrit" in out and "Avertissements :" in out
    assert "2026-07 : personnes en baisse de 2\u202f316 à 1\u202f200" in out
    assert "personnes 2\u202f316 → 1\u202f200, bateaux 32 → 35 (provisoire → officiel)" in out
    warnings = json.loads(report.read_text(encoding="utf-8"))["warnings"]
    assert "2026-07: people fell from 2,316 to 1,200" in warnings


def test_an_update_error_in_german(tmp_path, capsys):
    from geo import cli
    from tests import builders
    data = builders.copy_of_data(tmp_path / "data")
    odd = tmp_path / "notes.csv"
    odd.write_text("a,b\n1,2\n", encoding="utf-8")
    assert cli.main(["update", str(odd), "--data", str(data), "--lang", "de"]) == 1
    assert "notes.csv: unklar, was diese Datei ist" in capsys.readouterr().err


def test_a_doubtful_location_is_explained_in_german_in_popup_and_table():
    from geo.data.location_check import doubt_text
    from geo.maps.popups import doubt_note
    stored = "published point is 12 km outside France, its country of incident"
    with i18n.use_language("de"):
        note = doubt_note(stored)
    assert "der veröffentlichte Punkt liegt 12 km außerhalb von Frankreich, seinem Land des Vorfalls" in note
    data = _datasets().tables["incidents"]
    doubts = [d for d in data["location_doubt"] if d]
    assert doubts, "the shipped data has doubtful points"
    with i18n.use_language("de"):
        shown = [doubt_text(d) for d in doubts]
    assert not any("published point" in text for text in shown), [t for t in shown if "published" in t][:3]


def test_a_workbook_without_its_sheet_is_refused_in_french(tmp_path, capsys):
    import zipfile

    from geo import cli
    from tests import builders
    data = builders.copy_of_data(tmp_path / "data")
    book = tmp_path / "book.ods"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert cli.main(["update", str(book), "--data", str(data), "--lang", "fr"]) == 1
    err = capsys.readouterr().err
    assert "book.ods" in err and "data/ n'a pas été modifié" in err
    assert "cannot" not in err and "file may be" not in err


def test_a_bad_map_link_and_the_map_tooltips_in_the_readers_language():
    from geo.maps.route_map import TSS_KINDS
    from geo.model.corridors import compass
    from geo.model.mapview import view_from_query
    with i18n.use_language("fr"):
        assert view_from_query({"z": "40", "c": "50.95,1.6"})[1] == (
            "Le zoom du lien '40' n'est pas un nombre de 5 à 13 ; affichage de la vue par défaut.")
        assert i18n._(TSS_KINDS["separation_lane"]) == "DST, voie de circulation" and compass("SW") == "SO"
    with i18n.use_language("de"):
        assert compass("ENE") == "ONO"


def test_a_broken_shipped_layer_is_named_in_french(tmp_path):
    import pytest

    from geo.data.road_network import load_network
    from geo.data.schema import DataFileError
    broken = tmp_path / "roads.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"class": '
                      '"lane", "cc": "DE"}, "geometry": {"type": "LineString", "coordinates": [[7, 51], [6, 51]]}}]}')
    with pytest.raises(DataFileError) as caught:
        load_network(broken, "roads.geojson")
    with i18n.use_language("fr"):
        assert str(caught.value).startswith("roads.geojson, ligne 1, colonne 'class': attendu : l'une des valeurs [")
    with i18n.use_language("de"):
        assert str(caught.value).startswith("roads.geojson, Zeile 1, Spalte 'class'")


def test_an_areas_popup_names_the_report_role_and_date_in_german():
    from geo.maps.popups import _report_item
    from geo.model.places import Report
    fields = {name: "" for name in Report.__dataclass_fields__}
    report = Report(**{**fields, "date": "2022-11-14", "role": "launch", "place": "Gravelines",
                       "publisher": "The Daily Telegraph", "url": "https://example.org/a"})
    with i18n.use_language("de"):
        item = _report_item(report)
    assert "<b>14. Nov. 2022</b> · Ablegen · Gravelines" in item


def test_a_geojson_line_is_refused_in_german():
    from geo.data.upload import read_upload
    data = (b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": '
            b'{"type": "LineString", "coordinates": [[1.6, 50.9], [1.7, 51.0]]}}]}')
    result = read_upload("x.geojson", data)
    with i18n.use_language("de"):
        reasons = list(result.issue_table()["Grund"])
    assert reasons == ["ist kein Point: diese Karte nimmt einen Punkt pro Vorfall (einen MultiPoint aufteilen, für "
                       "eine Linie oder Fläche einen Punkt angeben)"]
