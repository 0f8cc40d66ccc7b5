"""Bad-input corpus for the shipped-data loaders, GeoJSON layers and URL values.

Each case is built in code. It must give a clear error that names the file (and
the row and column where there is one) and quotes the value, or be accepted
because it is valid after all. Anything else counts as a crash.
"""

from __future__ import annotations

import pytest

from geo.data import load
from geo.data.schema import DataFileError
from geo.model.period import Period, period_from_query
from tests.builders import SHIPPED
from tests.corpus import record
from tests.upload_corpus import CASES

INCIDENTS = (SHIPPED / "incidents/iom_channel_incidents.csv").read_text(encoding="utf-8")
HEADER, FIRST, *REST = INCIDENTS.splitlines()
CROSSINGS = (SHIPPED / "crossings/crossings_monthly.csv").read_text(encoding="utf-8").splitlines()


def with_cell(line: str, column: str, value: str, header: str = HEADER) -> str:
    import csv
    import io

    names = next(csv.reader([header]))
    cells = next(csv.reader([line]))
    cells[names.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    return out.getvalue()


def incidents_file(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def cell(column: str, value: str) -> bytes:
    return incidents_file(with_cell(FIRST, column, value))


# name -> (bytes of the incidents file, expected: "accepted" or (row, column) of the error; None = file level)
INCIDENT_CASES = {
    "empty file": (b"", None),
    "header only": (incidents_file(), None),
    "semicolon delimiter": (incidents_file(FIRST).replace(b",", b";"), (1, "Main ID")),
    "latin-1 encoding": (cell("Location of Incident", "Boulogne, Pas-de-Calais, Fr\u00e9").decode().encode("latin-1"),
                         None),
    "utf-16 encoding": (incidents_file(FIRST).decode().encode("utf-16"), None),
    "utf-8 with BOM": (b"\xef\xbb\xbf" + incidents_file(FIRST), "accepted"),
    "windows line endings": (incidents_file(FIRST).replace(b"\n", b"\r\n"), "accepted"),
    "extra unknown column": (incidents_file(FIRST + ",x", header=HEADER + ",extra"), "accepted"),
    "missing latitude column": (incidents_file(",".join(FIRST.split(",")), header=HEADER.replace("Latitude", "Lat")),
                                (1, "Latitude")),
    "date as day/month/year": (cell("Incident Date", "30/01/2014"), (2, "Incident Date")),
    "impossible date": (cell("Incident Date", "2024-02-30"), (2, "Incident Date")),
    "latitude and longitude swapped": (incidents_file(with_cell(with_cell(FIRST, "Latitude", "1.87866"),
                                                                "Longitude", "50.9355")), (2, "Latitude")),
    "latitude out of range": (cell("Latitude", "95"), (2, "Latitude")),
    "latitude NaN": (cell("Latitude", "NaN"), (2, "Latitude")),
    "latitude infinite": (cell("Latitude", "inf"), (2, "Latitude")),
    "projected metres as degrees": (incidents_file(with_cell(with_cell(FIRST, "Latitude", "6621293"),
                                                             "Longitude", "208987")), (2, "Latitude")),
    "negative dead": (cell("Number of Dead", "-2"), (2, "Number of Dead")),
    "non-numeric dead": (cell("Number of Dead", "three"), (2, "Number of Dead")),
    "fractional dead": (cell("Number of Dead", "1.5"), (2, "Number of Dead")),
    "negative missing": (cell("Minimum Estimated Number of Missing", "-1"), (2, "Minimum Estimated Number of Missing")),
    "duplicate ID": (incidents_file(FIRST, FIRST), (3, "Incident ID")),
    "blank ID": (cell("Main ID", ""), (2, "Main ID")),
    "unknown setting": (cell("derived_setting", "in_the_air"), (2, "derived_setting")),
    "truncated mid-row": (incidents_file(FIRST, REST[0][: len(REST[0]) // 3]), (3, None)),
    "hostile text is just text": (cell("Location of Incident", "<script>alert(1)</script>"), "accepted"),
}


def classify(run, expected) -> str:
    try:
        run()
    except DataFileError as error:
        text = str(error)
        assert expected != "accepted", f"valid input refused: {text}"
        assert text.startswith(error.file) and error.file.endswith((".csv", ".geojson")), text
        if expected is not None:
            row, column = expected
            first = error.issues[0]
            assert first.row == row, text
            if column is not None:
                assert any(i.column == column for i in error.issues), text
        return "error"
    except Exception as error:  # noqa: BLE001 - anything else is a crash, and fails the case
        record("crashed")
        raise AssertionError(f"crashed with {type(error).__name__}: {error}") from error
    assert expected == "accepted", "bad input was accepted silently"
    return "accepted"


@pytest.mark.parametrize("name", sorted(INCIDENT_CASES))
def test_incidents_file_case(name, tmp_path):
    content, expected = INCIDENT_CASES[name]
    (tmp_path / "incidents").mkdir()
    (tmp_path / "incidents/iom_channel_incidents.csv").write_bytes(content)
    record(classify(lambda: load.load_incidents(tmp_path), expected))


def test_row_error_quotes_the_bad_value(tmp_path):
    (tmp_path / "incidents").mkdir()
    (tmp_path / "incidents/iom_channel_incidents.csv").write_bytes(cell("Number of Dead", "three"))
    with pytest.raises(DataFileError) as caught:
        load.load_incidents(tmp_path)
    message = str(caught.value)
    assert message.startswith(str(tmp_path / "incidents/iom_channel_incidents.csv"))
    assert message.endswith("row 2, column 'Number of Dead': is not a number (int) (value: 'three')")


CROSSING_CASES = {
    "impossible month": ("month", "2024-13"),
    "unknown status": ("status", "estimated"),
    "negative people": ("people", "-5"),
    "days past the month": ("days_in_data", "40"),
    "boats not a number": ("boats", "n/a"),
}


@pytest.mark.parametrize("name", sorted(CROSSING_CASES))
def test_crossings_file_case(name, tmp_path):
    column, value = CROSSING_CASES[name]
    header, first, *_ = CROSSINGS
    (tmp_path / "crossings").mkdir()
    (tmp_path / "crossings/crossings_monthly.csv").write_text(
        "\n".join([header, with_cell(first, column, value, header)]) + "\n", encoding="utf-8")
    record(classify(lambda: load.load_crossings_monthly(tmp_path), (2, column)))


def test_crossings_duplicate_month(tmp_path):
    header, first, *_ = CROSSINGS
    (tmp_path / "crossings").mkdir()
    (tmp_path / "crossings/crossings_monthly.csv").write_text("\n".join([header, first, first]) + "\n")
    record(classify(lambda: load.load_crossings_monthly(tmp_path), (3, "month")))


LAYER_CASES = {
    "invalid JSON": b"{not json",
    "truncated GeoJSON": (SHIPPED / "basemap/countries_wide.geojson").read_bytes()[:5000],
    "no features": b'{"type": "FeatureCollection", "features": []}',
    "only empty geometries": b'{"type": "FeatureCollection", "features": [{"type": "Feature", '
                             b'"properties": {}, "geometry": null}]}',
    "a CSV saved as GeoJSON": b"name,lat,lon\nCalais,50.95,1.85\n",
    "latin-1 bytes": '{"type": "FeatureCollection", "name": "Fr\u00e9"}'.encode("latin-1"),
}


@pytest.mark.parametrize("name", sorted(LAYER_CASES))
def test_geojson_layer_case(name, tmp_path):
    (tmp_path / "basemap").mkdir()
    (tmp_path / "basemap/countries_wide.geojson").write_bytes(LAYER_CASES[name])
    record(classify(lambda: load.load_layer("basemap/countries_wide.geojson", tmp_path), None))


def test_missing_file_names_itself(tmp_path):
    with pytest.raises(DataFileError, match=r"places/areas.csv: file is missing$"):
        load.load_areas(tmp_path)
    record("error")


SPAN, DEFAULT = Period("2014-01", "2026-08"), Period("2025-09", "2026-08")
URL_CASES = [{"month": "2024-13"}, {"month": "abc"}, {"from": "2024-05", "to": "2024-01"}, {"month": "1999-01"},
             {"to": "2024-1"}, {"month": "<script>alert(1)</script>"}, {"from": "9999-01"}, {"month": ""},
             {"month": "2024-00"}, {"from": "2024-01", "to": "２０２４-０２"}, {"month": "2024-09\n"}]


@pytest.mark.parametrize("query", URL_CASES, ids=[repr(q) for q in URL_CASES])
def test_url_value_case(query):
    period, message = period_from_query(query, SPAN, DEFAULT)
    assert period == DEFAULT and message
    record("error")


def test_url_list_value_takes_the_first():
    assert period_from_query({"month": ["2024-01", "2024-02"]}, SPAN, DEFAULT) == (Period("2024-01", "2024-01"), None)
    record("accepted")


# --- Uploads (geo.data.upload.read_upload): never raises; one message for an unusable file,
# --- one row issue per refused value, good rows kept.

HEADER = b"date,latitude,longitude,dead,missing,location\n"


def classify_upload(name: str, data: bytes, expected) -> str:
    """Check one upload against its expected outcome, and that the counts add up."""
    from geo.data.upload import read_upload

    try:
        result = read_upload(name, data)
    except Exception as error:  # noqa: BLE001 - any exception is a crash
        record("crashed")
        raise AssertionError(f"crashed with {type(error).__name__}: {error}") from error
    if result.unexpected:
        record("crashed")
        raise AssertionError(f"crashed: {result.error}")
    if expected == "file":
        assert result.error and result.error.startswith(name) and result.rows is None, result.error
        return "error"
    assert result.error is None, result.error
    refused = {i.row for i in result.issues}
    assert all(i.file == name and i.reason for i in result.issues), result.issues
    assert result.accepted + len(refused) == result.total_rows == result.accepted + result.rejected_rows, (
        result.accepted, result.total_rows, result.issues)
    if expected == "accepted":
        assert not result.issues and result.accepted >= 1, result.issues
        return "accepted"
    *kept, row, column = expected
    assert (result.accepted == 0) if kept else (result.accepted >= 1), result.accepted
    assert any(i.row == row and i.column == column for i in result.issues), result.issues
    return "error"


@pytest.mark.parametrize("name", sorted(CASES))
def test_upload_case(name):
    file_name, content, expected = CASES[name]
    record(classify_upload(file_name, content, expected))


def test_upload_over_the_size_limit_is_refused_before_parsing(monkeypatch):
    import geo.data.upload

    parsed = []
    monkeypatch.setattr(geo.data.upload.pd, "read_csv", lambda *a, **k: parsed.append(1))
    data = HEADER + b"2024-09-03,50.8,1.6,1,0,x\n" * (geo.data.upload.MAX_BYTES // 26 + 1)
    record(classify_upload("big.csv", data, "file"))
    assert "larger than 20 MB" in geo.data.upload.read_upload("big.csv", data).error and parsed == []


def test_upload_over_the_row_limit_is_refused_before_parsing(monkeypatch):
    import geo.data.upload

    monkeypatch.setattr(geo.data.upload, "MAX_ROWS", 10)
    data = HEADER + b"2024-09-03,50.8,1.6,1,0,x\n" * 11
    record(classify_upload("rows.csv", data, "file"))
    assert "more than 10 rows" in geo.data.upload.read_upload("rows.csv", data).error


MIN_CASES = ["²", "٣", "３", "501", "-1", "1e3", "9" * 5000, " 3", "3.0", "", "0x10"]


@pytest.mark.parametrize("value", MIN_CASES, ids=[repr(v[:12]) for v in MIN_CASES])
def test_url_min_case(value):
    from geo.model.filters import filters_from_query

    found, notes = filters_from_query({"min": [value]}, [], [])
    assert found.min_dead_missing == 0 and len(notes) == 1 and "is not a whole number from 0 to 500" in notes[0]
    record("error")
