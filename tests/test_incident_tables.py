"""The incidents page's tables read as a reader expects, in the reader's language."""

import pytest

import tests.builders as b
from geo.export.incident_tables import details_table, incident_labels, records_table
from geo.i18n import use_language


def two_incidents():
    return b.incidents([{"incident_id": "A", "record_id": "A1", "date": "2024-09-03", "dead": 2, "missing": 1},
                        {"incident_id": "A", "record_id": "A2", "date": "2024-09-03", "dead": 1, "missing": 0},
                        {"incident_id": "B", "record_id": "B1", "date": "2024-10-01", "dead": 5, "missing": 0}])


def test_records_sort_by_the_chosen_column_with_the_readers_headers():
    rows = two_incidents()
    with use_language("fr"):
        table = records_table(rows, "dead", descending=True)
    assert list(table.columns)[:3] == ["Date", "Lieu", "Pays"]
    assert table["Morts"].tolist() == [5, 2, 1] and table["Date"].iloc[0] == "1er oct. 2024"


def test_a_sort_key_that_is_not_offered_is_refused_by_name():
    with pytest.raises(ValueError, match="'rows'"):
        records_table(two_incidents(), "rows", descending=False)


def test_an_incident_of_two_records_reads_as_one_with_a_column_per_record():
    rows = two_incidents()
    labels = incident_labels(rows)
    assert labels["A"].endswith("· 4 dead or missing · 2 records") and "records" not in labels["B"]
    details = details_table(rows[rows["incident_id"] == "A"])
    assert list(details.columns) == ["Detail", "Record 1", "Record 2"]
