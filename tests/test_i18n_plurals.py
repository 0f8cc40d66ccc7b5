"""Messages that count something take the form their count needs, in English, French and German: no "(s)"."""

import pandas as pd
import pytest

from geo import i18n
from geo.catalogs import extracted_messages
from geo.data.schema import reason_text
from geo.data.upload import read_upload
from geo.export.incident_tables import incident_labels
from tests import builders
from tests.harness import app_page

ONE_BAD_ROW = b"date,latitude,longitude,dead,missing\n2024-09-03,50.9,1.6,1,0\n2024-09-04,50.9,1.6,-1,0\n"


@pytest.mark.parametrize("lang, words", [("en", "1 dead or missing"), ("fr", "1 mort ou disparu"),
                                         ("de", "1 Toter oder Vermisster")])
def test_the_incident_picker_counts_one_death_in_the_singular(lang, words):
    with i18n.use_language(lang):
        label = incident_labels(builders.incidents([{"date": "2024-09-03", "dead": 1, "missing": 0}]))
    assert next(iter(label.values())).endswith(" · " + words)


@pytest.mark.parametrize("lang, summary", [
    ("en", "mine.csv: 1 of 2 rows accepted as generic CSV; 1 row rejected."),
    ("fr", "mine.csv\u00a0: 1 sur 2 lignes acceptées comme CSV générique\u00a0; 1 ligne rejetée."),
    ("de", "mine.csv: 1 von 2 Zeilen als allgemeines CSV angenommen; 1 Zeile abgelehnt.")])
def test_an_upload_summary_counts_each_part_in_its_own_form(lang, summary):
    result = read_upload("mine.csv", ONE_BAD_ROW)
    with i18n.use_language(lang):
        assert result.summary() == summary


def test_one_row_of_one_and_the_blank_rows_skipped():
    result = read_upload("one.csv", b"date,latitude,longitude,dead,missing\n2024-09-03,50.9,1.6,1,0\n,,,,\n")
    assert result.summary().startswith("one.csv: 1 of 1 row accepted as generic CSV; 0 rows rejected.")
    assert "1 blank row skipped" in result.summary()
    with i18n.use_language("fr"):
        assert "1 ligne vide ignorée" in result.summary() and "0 ligne rejetée" in result.summary()
    with i18n.use_language("de"):
        assert "1 leere Zeile übersprungen" in result.summary() and "0 Zeilen abgelehnt" in result.summary()


def test_an_update_note_on_one_record_in_a_known_gap_is_singular():
    from geo.data.update import INCIDENTS
    from geo.data.update_report import _known_gap_notes
    package = {"resources": [{"path": INCIDENTS, "known_gaps": [{"start": "2025-09-29", "end": "2026-01-26"}]}]}
    incidents = pd.DataFrame({"Incident ID": ["a", "b"], "Incident Date": ["2025-10-02", "2024-01-01"]})
    note, = _known_gap_notes(package, incidents, ["a", "b"])
    assert str(note).startswith("1 new IOM record falls in the known gap 2025-09-29 to 2026-01-26:")
    with i18n.use_language("fr"):
        assert reason_text(note).startswith("1 nouvel enregistrement de l'OIM tombe dans la lacune connue")
    with i18n.use_language("de"):
        assert reason_text(note).startswith("1 neuer IOM-Datensatz fällt in die bekannte Lücke")


def test_a_message_used_both_plain_and_with_a_plural_is_refused_by_name(tmp_path):
    (tmp_path / "app.py").write_text('_("{count} boat")\nngettext("{count} boat", "{count} boats", 2)\n')
    with pytest.raises(ValueError, match=r"'\{count\} boat' is plain at \[\('app.py', 1\)\] and plural"):
        extracted_messages(tmp_path)


def test_the_incidents_map_summary_in_french():
    at = app_page("views/incidents.py", 90, lang="fr", **{"from": "2024-09", "to": "2024-11",
                                                        "setting": "sea_or_shore"})
    assert not at.exception
    assert ("Résumé de la carte\u00a0: 17 incidents dans 17 enregistrements OIM, 46 morts ou disparus"
            in at.text[0].value)
    assert "(s)" not in at.text[0].value


def test_the_crossings_table_of_one_month_in_german():
    at = app_page("views/crossings.py", 90, lang="de", month="2024-09")
    assert not at.exception
    assert "Tabelle: 1 Monat, Sept. 2024" in [e.label for e in at.expander]


@pytest.mark.parametrize("lang, one, many", [
    ("fr", "au moins 1 mort ou disparu", "au moins 5 morts ou disparus"),
    ("de", "mindestens 1 Toter oder Vermisster", "mindestens 5 Tote oder Vermisste")])
def test_the_minimum_filter_reads_in_the_form_its_count_takes(lang, one, many):
    from geo.model.filters import IncidentFilters
    with i18n.use_language(lang):
        assert IncidentFilters(min_dead_missing=1).describe().endswith(one)
        assert IncidentFilters(min_dead_missing=5).describe().endswith(many)
