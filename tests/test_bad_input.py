"""Bad-input corpus for the shipped-data loaders, GeoJSON layers and URL values.

Each case is built in code. It must give a clear error that names the file (and
the row and column where there is one) and quotes the value, or be accepted
because it is valid after all. Anything else counts as a crash.
"""

from __future__ import annotations

import pytest

from geo import load
from geo.period import Period, period_from_query
from geo.schema import DataFileError
from tests.builders import SHIPPED
from tests.corpus import record

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
    "duplicate ID": (incidents_file(FIRST, FIRST), (3, "Main ID")),
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


# --- Uploads (geo.upload.read_upload): never raises; one message for an unusable file,
# --- one row issue per refused value, good rows kept.

GOOD = ("2024-09-03", 50.8, 1.6, 3, 0, "Off Sangatte")


def generic(*rows) -> bytes:
    from tests.builders import generic_csv

    return generic_csv([GOOD, *rows])


def geojson(*rows) -> bytes:
    from tests.builders import geojson_points

    return geojson_points([("2024-09-03", 1.6, 50.8, 2, 0, "Off Wimereux"), *rows])


def features(*items) -> bytes:
    import json

    return json.dumps({"type": "FeatureCollection", "features": list(items)}).encode()


LINE = {"type": "Feature", "properties": {"date": "2024-09-03"},
        "geometry": {"type": "LineString", "coordinates": [[1.6, 50.8], [1.7, 50.9]]}}
POINT = {"type": "Feature", "properties": {"date": "2024-09-03", "dead": 1},
         "geometry": {"type": "Point", "coordinates": [1.6, 50.8]}}
EMPTY_POINT = {"type": "Feature", "properties": {"date": "2024-09-03"},
               "geometry": {"type": "Point", "coordinates": []}}
NO_GEOMETRY = {"type": "Feature", "properties": {"date": "2024-09-03"}, "geometry": None}
HEADER = b"date,latitude,longitude,dead,missing,location\n"

# name -> (file name, bytes, expected): "file" = one message naming the file; (row, column) = a row issue
# there while the good row is kept; "accepted" = valid after all.
UPLOAD_CASES = {
    "empty file": ("a.csv", b"", "file"),
    "header only": ("a.csv", HEADER, "file"),
    "semicolons": ("a.csv", generic().replace(b",", b";"), "file"),
    "latin-1": ("a.csv", generic(("2024-09-04", 50.9, 1.7, 1, 0, "Fr\u00e9")).decode().encode("latin-1"), "file"),
    "utf-16": ("a.csv", generic().decode().encode("utf-16"), "file"),
    "utf-8 BOM": ("a.csv", b"\xef\xbb\xbf" + generic(), "accepted"),
    "no coordinate columns": ("a.csv", b"date,dead\n2024-09-03,1\n", "file"),
    "day/month/year date": ("a.csv", generic(("27/01/2026", 50.9, 1.7, 1, 0, "x")), (3, "date")),
    "impossible date": ("a.csv", generic(("2026-02-30", 50.9, 1.7, 1, 0, "x")), (3, "date")),
    "latitude and longitude swapped": ("a.csv", generic(("2024-09-04", 1.7, 50.9, 1, 0, "x")), (3, "latitude")),
    "latitude out of range": ("a.csv", generic(("2024-09-04", 95, 1.7, 1, 0, "x")), (3, "latitude")),
    "latitude NaN": ("a.csv", generic(("2024-09-04", "NaN", 1.7, 1, 0, "x")), (3, "latitude")),
    "projected metres": ("a.csv", generic(("2024-09-04", 6621293, 208987, 1, 0, "x")), (3, "latitude")),
    "negative dead": ("a.csv", generic(("2024-09-04", 50.9, 1.7, -1, 0, "x")), (3, "dead")),
    "dead as words": ("a.csv", generic(("2024-09-04", 50.9, 1.7, "two", 0, "x")), (3, "dead")),
    "duplicate IDs": ("a.csv", b"id,date,lat,lon,dead\nA,2024-09-03,50.8,1.6,1\nA,2024-09-04,50.9,1.7,2\n",
                      (3, "id")),
    "IOM coordinates not a pair": ("a.csv", b"", (3, "Coordinates")),
    "GeoJSON not JSON": ("a.geojson", b"{not json", "file"),
    "GeoJSON truncated": ("a.geojson", geojson()[:40], "file"),
    "GeoJSON not a collection": ("a.geojson", b'{"type": "Point", "coordinates": [1.6, 50.8]}', "file"),
    "GeoJSON no features": ("a.geojson", features(), "file"),
    "GeoJSON line geometry": ("a.geojson", features(POINT, LINE), (2, "geometry")),
    "GeoJSON empty point": ("a.geojson", features(POINT, EMPTY_POINT), (2, "geometry")),
    "GeoJSON null geometry": ("a.geojson", features(POINT, NO_GEOMETRY), (2, "geometry")),
    "GeoJSON points with a bad row": ("a.geojson", geojson(("2024-09-04", 1.7, 50.9, -3, 0, "x")), (2, "dead")),
    "hostile text is text": ("a.csv", generic(("2024-09-04", 50.9, 1.7, 1, 0, "<img src=x onerror=alert(1)>")),
                             "accepted"),
    "IOM website date format": ("a.csv", b"", "accepted"),
}


def _iom_cases() -> None:
    from tests.builders import iom_figures_csv, iom_website_csv

    good = ("M.1", "2024-09-03", 2, 0, "Off Calais", "50.95, 1.85")
    UPLOAD_CASES["IOM coordinates not a pair"] = (
        "a.csv", iom_figures_csv([good, ("M.2", "2024-09-04", 1, 0, "x", "50.95 1.85")]), (3, "Coordinates"))
    UPLOAD_CASES["IOM website date format"] = (
        "a.csv", iom_website_csv([("W.1", "Tue, 01/27/2026 - 12:00", 1, 0, "Off Dunkirk", "51.05, 2.37")]),
        "accepted")


_iom_cases()


def classify_upload(name: str, data: bytes, expected) -> str:
    from geo.upload import read_upload

    try:
        result = read_upload(name, data)
    except Exception as error:  # noqa: BLE001 - any exception is a crash
        record("crashed")
        raise AssertionError(f"crashed with {type(error).__name__}: {error}") from error
    if expected == "file":
        assert result.error and result.error.startswith(name) and result.rows is None, result.error
        return "error"
    if expected == "accepted":
        assert result.error is None and not result.issues and result.accepted >= 1, result.issues
        return "accepted"
    row, column = expected
    assert result.error is None and result.accepted >= 1, result.error
    assert any(i.row == row and i.column == column and i.file == name for i in result.issues), result.issues
    return "error"


@pytest.mark.parametrize("name", sorted(UPLOAD_CASES))
def test_upload_case(name):
    file_name, content, expected = UPLOAD_CASES[name]
    record(classify_upload(file_name, content, expected))


def test_upload_over_the_size_limit_is_refused_before_parsing(monkeypatch):
    import geo.upload

    parsed = []
    monkeypatch.setattr(geo.upload.pd, "read_csv", lambda *a, **k: parsed.append(1))
    data = HEADER + b"2024-09-03,50.8,1.6,1,0,x\n" * (geo.upload.MAX_BYTES // 26 + 1)
    record(classify_upload("big.csv", data, "file"))
    assert "larger than 20 MB" in geo.upload.read_upload("big.csv", data).error and parsed == []


def test_upload_over_the_row_limit_is_refused_before_parsing(monkeypatch):
    import geo.upload

    monkeypatch.setattr(geo.upload, "MAX_ROWS", 10)
    data = HEADER + b"2024-09-03,50.8,1.6,1,0,x\n" * 11
    record(classify_upload("rows.csv", data, "file"))
    assert "more than 10 rows" in geo.upload.read_upload("rows.csv", data).error
