"""Hostile and odd upload files, built in code; shared by the unit and browser corpus tests.

``CASES`` maps a name to (file name, bytes, expected). Expected is ``"file"`` (one message naming the
file, no rows), ``"accepted"`` (valid after all: no issue, at least one row), ``(row, column)`` (an issue
there while the good row is kept; column None = the whole row) or ``("none", row, column)`` (no row
accepted, the issue listed).
"""

from __future__ import annotations

import gzip
import io
import json
import random
import zipfile

from tests.builders import generic_csv, geojson_points, iom_figures_csv, iom_website_csv

GOOD = ("2024-09-03", 50.8, 1.6, 3, 0, "Off Sangatte")
HEADER = "date,latitude,longitude,dead,missing,location"
CASES: dict[str, tuple[str, bytes, object]] = {}


def generic(*rows) -> bytes:
    return generic_csv([GOOD, *rows])


def plain(*lines: str, header: str = HEADER) -> bytes:
    """Unquoted CSV text: the good row first (row 2), then ``lines`` (row 3 on)."""
    return ("\n".join([header, "2024-09-03,50.8,1.6,3,0,Off Sangatte", *lines]) + "\n").encode()


def bad_cell(column: str, value: str) -> bytes:
    """The good row, then a row whose ``column`` holds ``value``."""
    names = HEADER.split(",")
    cells = ["2024-09-04", "50.9", "1.7", "1", "0", "Off Calais"]
    cells[names.index(column)] = value
    return generic(tuple(cells))


def features(*items) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(items)}).encode()


def point(lon=1.6, lat=50.8, **properties) -> dict:
    return {"type": "Feature", "properties": {"date": "2024-09-03", "dead": 1, **properties},
            "geometry": {"type": "Point", "coordinates": [lon, lat]}}


def with_geometry(geometry) -> dict:
    return {"type": "Feature", "properties": {"date": "2024-09-04", "dead": 1}, "geometry": geometry}


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def add(name: str, file: str, data: bytes, expected) -> None:
    assert name not in CASES, name
    CASES[name] = (file, data, expected)


def _bytes_and_encodings() -> None:
    french = generic(("2024-09-04", 50.9, 1.7, 1, 0, "Fréthun, près de Calais"))
    add("empty file", "a.csv", b"", "file")
    add("only spaces", "a.csv", b"   \t  ", "file")
    add("only newlines", "a.csv", b"\n\r\n\n", "file")
    add("header only", "a.csv", (HEADER + "\n").encode(), "file")
    add("header only with CRLF", "a.csv", (HEADER + "\r\n").encode(), "file")
    add("utf-8 BOM", "a.csv", b"\xef\xbb\xbf" + generic(), "accepted")
    add("two BOMs", "a.csv", b"\xef\xbb\xbf\xef\xbb\xbf" + generic(), "accepted")
    add("utf-16 LE with BOM", "a.csv", b"\xff\xfe" + french.decode().encode("utf-16-le"), "accepted")
    add("utf-16 BE with BOM", "a.csv", b"\xfe\xff" + french.decode().encode("utf-16-be"), "accepted")
    add("utf-16 without BOM", "a.csv", french.decode().encode("utf-16-le"), "file")
    add("utf-32", "a.csv", french.decode().encode("utf-32"), "file")
    add("latin-1", "a.csv", french.decode().encode("latin-1"), "accepted")
    add("windows-1252 with euro and quotes", "a.csv",
        generic(("2024-09-04", 50.9, 1.7, 1, 0, "“Calais” €")).decode().encode("cp1252"), "accepted")
    add("byte undefined in every encoding tried", "a.csv", generic() + b"2024-09-04,50.9,1.7,1,0,\x81\x8d\n",
        "file")
    add("binary junk", "a.csv", random.Random(9).randbytes(3000), "file")
    add("NUL bytes in the text", "a.csv", generic().replace(b"Off", b"O\x00f"), "file")
    add("control characters", "a.csv", b"\x01\x02\x03\x04\x05\x06" * 50, "file")
    add("xlsx bytes as CSV", "a.csv", zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}),
        "file")
    add("ods bytes as CSV", "a.csv", zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
        "file")
    add("old xls bytes as CSV", "a.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "file")
    add("gzip of a good CSV", "a.csv", gzip.compress(generic()), "file")
    add("zip bomb", "a.csv", zipped({"bomb.csv": b"0" * 5_000_000}), "file")
    add("PDF as CSV", "a.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "file")
    add("PNG as CSV", "a.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40, "file")
    add("HTML page as CSV", "a.csv", b"<!DOCTYPE html><html><body><p>Not found</p></body></html>\n", "file")


def _lines_and_quoting() -> None:
    add("windows line endings", "a.csv", generic().replace(b"\n", b"\r\n"), "accepted")
    add("old Mac line endings", "a.csv", generic().replace(b"\n", b"\r"), "accepted")
    add("mixed line endings", "a.csv", plain("2024-09-04,50.9,1.7,1,0,x").replace(b"\n", b"\r\n", 1), "accepted")
    add("newline inside a quoted cell", "a.csv", generic(("2024-09-04", 50.9, 1.7, 1, 0, "Off\nCalais")),
        "accepted")
    add("comma inside a quoted cell", "a.csv", generic(("2024-09-04", 50.9, 1.7, 1, 0, "Calais, France")),
        "accepted")
    add("doubled quotes inside a cell", "a.csv", generic(("2024-09-04", 50.9, 1.7, 1, 0, 'the "Jungle"')),
        "accepted")
    add("unclosed quote in the last cell", "a.csv", plain('2024-09-04,50.9,1.7,1,0,"Off Calais'), "accepted")
    add("blank lines between rows", "a.csv", plain("", "", "2024-09-04,50.9,1.7,1,0,x", ""), "accepted")
    add("rows of empty cells (Excel)", "a.csv", plain(",,,,,", ",,,,,"), "accepted")
    add("spaces around values", "a.csv", plain(" 2024-09-04 , 50.9 , 1.7 , 1 , 0 , x "), "accepted")
    add("header in other case with spaces", "a.csv",
        plain(header=" Date , Latitude , LONGITUDE ,Dead,Missing,Location"), "accepted")
    add("zero-width space in a header name", "a.csv", plain(header="\u200bdate,latitude\u200b,longitude,dead,missing,"
                                                                   "location"), "accepted")
    add("duplicate header name", "a.csv", plain(header="date,latitude,longitude,dead,date,location"), "file")
    add("blank header names", "a.csv", b"date,latitude,longitude,,\n2024-09-03,50.8,1.6,,\n", "accepted")
    add("extra unknown columns", "a.csv", b"date,latitude,longitude,notes\n2024-09-03,50.8,1.6,hello\n", "accepted")
    add("row with too many cells", "a.csv", plain("2024-09-04,50.9,1.7,1,0,x,extra,more"), (3, None))
    add("row with too few cells", "a.csv", plain("2024-09-04,50.9"), (3, None))
    add("every row too short", "a.csv", (HEADER + "\n2024-09-03,50.8\n2024-09-04\n").encode(), ("none", 2, None))
    add("very long cell", "a.csv", bad_cell("location", "x" * 20_000), (3, "location"))
    add("cell beyond the CSV field limit", "a.csv", plain('2024-09-04,50.9,1.7,1,0,"' + "y" * 200_000 + '"'),
        "file")
    add("a thousand columns", "a.csv", (HEADER + "," + ",".join(f"c{i}" for i in range(1000)) + "\n"
                                        + "2024-09-03,50.8,1.6,3,0,x" + ",v" * 1000 + "\n").encode(), "accepted")
    add("blank lines before the header", "a.csv", b"\n\n" + plain(), "accepted")
    add("comment lines before the header", "a.csv", b"# exported by hand; see notes\n# second line\n" + plain(),
        "accepted")
    add("a single column", "a.csv", b"date\n2024-09-03\n", "file")
    add("semicolons inside a comma file", "a.csv", plain("2024-09-04,50.9,1.7,1,0,Calais; beach; north"),
        "accepted")


def _locales() -> None:
    french = ("date;latitude;longitude;dead;missing;location\r\n"
              "03.09.2024;50,8;1,6;3;0;Au large de Wimereux\r\n2024-09-04;50,95;1,85;1;0;Fréthun\r\n")
    add("Excel France: semicolons, decimal commas, Windows-1252, CRLF", "a.csv", french.encode("cp1252"),
        "accepted")
    add("semicolons with decimal points", "a.csv", plain().replace(b",", b";"), "accepted")
    add("semicolons with quoted cells", "a.csv", generic().replace(b",", b";"), "accepted")
    add("tab-separated", "a.csv", plain().replace(b",", b"\t"), "accepted")
    add("bar-separated", "a.csv", plain().replace(b",", b"|"), "accepted")
    add("decimal comma in a comma file", "a.csv", bad_cell("latitude", "50,9"), (3, "latitude"))
    add("German thousands dot in a count", "a.csv",
        b"date;latitude;longitude;dead\n2024-09-03;50,8;1,6;3\n2024-09-04;50,9;1,7;1.000\n", "accepted")
    add("decimal comma in a count", "a.csv", b"date;latitude;longitude;dead\n2024-09-03;50,8;1,6;3\n"
                                             b"2024-09-04;50,9;1,7;1,5\n", (3, "dead"))
    add("German date", "a.csv", plain("04.09.2024,50.9,1.7,1,0,x"), "accepted")
    add("ambiguous day/month date", "a.csv", plain("04/09/2024,50.9,1.7,1,0,x"), (3, "date"))
    add("IOM figures with semicolons and decimal commas", "a.csv",
        iom_figures_csv([("M.1", "2024-09-03", 2, 0, "Off Calais", "50.95, 1.85")]).replace(b",", b";")
        .replace(b'"50.95; 1.85"', b'"50.95, 1.85"'), "accepted")


def _numbers() -> None:
    for value in ("NaN", "inf", "-inf", "0x32", "50.8°", "50°48'N", "95", "-0", "0", "90", "true", ""):
        add(f"latitude {value!r}", "a.csv", bad_cell("latitude", value), (3, "latitude"))
    for value in ("200", "\u22121.6", "1,7"):
        add(f"longitude {value!r}", "a.csv", bad_cell("longitude", value), (3, "longitude"))
    add("latitude and longitude swapped", "a.csv", generic(("2024-09-04", 1.7, 50.9, 1, 0, "x")), (3, "latitude"))
    add("projected metres", "a.csv", generic(("2024-09-04", 6621293, 208987, 1, 0, "x")), (3, "latitude"))
    add("latitude with 4000 digits", "a.csv", bad_cell("latitude", "50." + "1" * 4000), "accepted")
    add("full-width digits", "a.csv", bad_cell("latitude", "５０.９"), "accepted")
    for value in ("inf", "1e400", "-1", "3.5", "two", "true", "²", str(2**64), "1" + "0" * 30, "9" * 5000,
                  "10001"):
        add(f"dead {value[:24]!r}", "a.csv", bad_cell("dead", value), (3, "dead"))
    for value in ("-0", "1e1", "3.0", " 3 ", "1,000", "٣"):
        add(f"dead {value!r} (a whole number after all)", "a.csv", bad_cell("dead", value), "accepted")
    add("missing negative", "a.csv", bad_cell("missing", "-1"), (3, "missing"))
    add("survivors as words", "a.csv", b"date,latitude,longitude,survivors\n2024-09-03,50.8,1.6,2\n"
                                       b"2024-09-04,50.9,1.7,many\n", (3, "survivors"))


def _dates() -> None:
    for value in ("9999-12-31", "10000-01-01", "0001-01-01", "1677-09-21", "2262-04-12", "2024-02-30",
                  "27/01/2026", "45538", "", "2024-13-01", "yesterday"):
        add(f"date {value!r}", "a.csv", bad_cell("date", value), (3, "date"))
    for value in ("2024-09-04T12:00:00Z", "2024-9-4", "Wed, 09/04/2024 - 12:00", "2024-09-04 12:00:00"):
        add(f"date {value!r} (accepted form)", "a.csv", bad_cell("date", value), "accepted")


def _text() -> None:
    for label, value in (("right-to-left override", "\u202eefil\u202c Calais"), ("zero-width joiners",
                         "Cal\u200dais\u200b"), ("emoji", "🚤 Calais"), ("bell character", "Calais\x07"),
                         ("HTML", "<img src=x onerror=alert(1)>"), ("spreadsheet formula", "=HYPERLINK(\"x\")"),
                         ("Markdown image", "![x](http://example.org/x.png)"), ("Arabic", "كاليه")):
        add(f"text: {label}", "a.csv", bad_cell("location", value), "accepted")
    add("very long header name", "a.csv", plain(header=HEADER + "," + "h" * 3000).replace(b"Sangatte\n",
                                                                                         b"Sangatte,v\n"),
        "accepted")


def _layouts() -> None:
    good = ("M.1", "2024-09-03", 2, 0, "Off Calais", "50.95, 1.85")
    figures, website = iom_figures_csv([good]).decode(), iom_website_csv([
        ("W.1", "Tue, 01/27/2026 - 12:00", 1, 0, "Off Dunkirk", "51.05, 2.37")]).decode()
    add("generic without date", "a.csv", b"latitude,longitude,dead\n50.8,1.6,1\n", "file")
    add("generic without latitude", "a.csv", b"date,longitude,dead\n2024-09-03,1.6,1\n", "file")
    add("generic without longitude", "a.csv", b"date,latitude,dead\n2024-09-03,50.8,1\n", "file")
    add("no coordinate columns", "a.csv", b"date,dead\n2024-09-03,1\n", "file")
    add("IOM figures without Coordinates", "a.csv", figures.replace("Coordinates", "Coords").encode(), "file")
    add("IOM figures without Incident Date", "a.csv", figures.replace("Incident Date", "When").encode(), "file")
    add("IOM website without Coordinates", "a.csv", website.replace("Coordinates", "Where").encode(), "file")
    add("IOM website without Incident Date", "a.csv", website.replace("Incident Date", "When").encode(), "file")
    add("IOM figures coordinates not a pair", "a.csv", iom_figures_csv([good, ("M.2", "2024-09-04", 1, 0, "x",
                                                                                "50.95 1.85")]), (3, "Coordinates"))
    add("IOM figures coordinates as WKT", "a.csv", iom_figures_csv([good, ("M.2", "2024-09-04", 1, 0, "x",
                                                                           "POINT(1.85 50.95)")]), (3, "Coordinates"))
    add("IOM figures coordinates empty", "a.csv", iom_figures_csv([good, ("M.2", "2024-09-04", 1, 0, "x", "")]),
        (3, "Coordinates"))
    add("IOM figures coordinates without a space", "a.csv", iom_figures_csv([("M.1", "2024-09-03", 2, 0, "x",
                                                                             "50.95,1.85")]), "accepted")
    add("IOM website date format", "a.csv", website.encode(), "accepted")
    add("IOM website bad date", "a.csv",
        iom_website_csv([("W.1", "Tue, 01/27/2026 - 12:00", 1, 0, "x", "51.05, 2.37"),
                         ("W.2", "Wed, 13/45/2026 - 12:00", 1, 0, "x", "51.05, 2.37")]), (3, "Incident Date"))
    add("this app's own CSV download", "a.csv", _own_download(), "accepted")


def _own_download() -> bytes:
    from geo.export.downloads import to_csv
    from tests.builders import incidents

    return to_csv(incidents([{"dead": 2}]), "test")


def _geojson() -> None:
    add("GeoJSON not JSON", "a.geojson", b"{not json", "file")
    add("GeoJSON truncated", "a.geojson", geojson_points([("2024-09-03", 1.6, 50.8, 2, 0, "x")])[:40], "file")
    add("GeoJSON trailing comma", "a.geojson", features(point())[:-2] + b",]}", "file")
    add("GeoJSON a bare Point geometry", "a.geojson", b'{"type": "Point", "coordinates": [1.6, 50.8]}', "file")
    add("GeoJSON top-level array", "a.geojson", json.dumps([point()]).encode(), "file")
    add("GeoJSON no features member", "a.geojson", b'{"type": "FeatureCollection"}', "file")
    add("GeoJSON empty features", "a.geojson", features(), "file")
    add("GeoJSON features an object", "a.geojson", b'{"type": "FeatureCollection", "features": {"a": 1}}', "file")
    add("GeoJSON features a string", "a.geojson", b'{"type": "FeatureCollection", "features": "x"}', "file")
    add("GeoJSON nested too deeply", "a.geojson", b"[" * 100_000 + b"]" * 100_000, "file")
    add("GeoJSON a Feature alone", "a.geojson", json.dumps(point()).encode(), "accepted")
    add("GeoJSON a LineString Feature alone", "a.geojson", json.dumps(with_geometry(
        {"type": "LineString", "coordinates": [[1.6, 50.8], [1.7, 50.9]]})).encode(), ("none", 1, "geometry"))
    add("GeoJSON nested collection", "a.geojson", features(point(), json.loads(features(point()))), (2, "feature"))
    for label, item in (("a number", 7), ("null", None), ("a string", "x"), ("without type", {"properties": {}})):
        add(f"GeoJSON feature {label}", "a.geojson", features(point(), item), (2, "feature"))
    for label, geometry in (
            ("null", None), ("a list", [1.6, 50.8]), ("a string", "POINT(1.6 50.8)"),
            ("LineString", {"type": "LineString", "coordinates": [[1.6, 50.8], [1.7, 50.9]]}),
            ("Polygon", {"type": "Polygon", "coordinates": [[[1.6, 50.8], [1.7, 50.9], [1.6, 50.9], [1.6, 50.8]]]}),
            ("MultiPoint", {"type": "MultiPoint", "coordinates": [[1.6, 50.8]]}),
            ("GeometryCollection", {"type": "GeometryCollection", "geometries": []}),
            ("Point without coordinates", {"type": "Point"}), ("Point with empty coordinates",
                                                               {"type": "Point", "coordinates": []}),
            ("Point with null coordinates", {"type": "Point", "coordinates": None}),
            ("Point with one nested pair", {"type": "Point", "coordinates": [[1.6, 50.8]]}),
            ("Point with four numbers", {"type": "Point", "coordinates": [1.6, 50.8, 0, 0]})):
        add(f"GeoJSON geometry {label}", "a.geojson", features(point(), with_geometry(geometry)), (2, "geometry"))
    add("GeoJSON 3D point", "a.geojson", features(point(), with_geometry({"type": "Point",
                                                                       "coordinates": [1.7, 50.9, 12.5]})), "accepted")
    add("GeoJSON coordinates as numeric strings", "a.geojson", features(point("1.7", "50.9")), "accepted")
    add("GeoJSON coordinates not numbers", "a.geojson", features(point(), point("a", "b")), (2, "latitude"))
    add("GeoJSON coordinates booleans", "a.geojson", features(point(), point(True, False)), (2, "latitude"))
    add("GeoJSON coordinates NaN", "a.geojson", features(point(), point(float("nan"), float("nan"))),
        (2, "latitude"))
    add("GeoJSON latitude 1e400", "a.geojson", features(point()).replace(b"]}}]", b"]}}, " + json.dumps(
        point()).replace("50.8", "1e400").encode() + b"]"), (2, "latitude"))
    add("GeoJSON latitude and longitude swapped", "a.geojson", features(point(), point(50.9, 1.7)), (2, "latitude"))
    add("GeoJSON properties null", "a.geojson", features(point(), {**with_geometry(point()["geometry"]),
                                                                   "properties": None}), (2, "date"))
    add("GeoJSON properties a list", "a.geojson", features(point(), {**point(), "properties": [1, 2]}),
        (2, "properties"))
    add("GeoJSON properties a string", "a.geojson", features(point(), {**point(), "properties": "x"}),
        (2, "properties"))
    add("GeoJSON nested property values", "a.geojson", features(point(location={"name": ["Calais"]})), "accepted")
    add("GeoJSON count too large for 64 bits", "a.geojson", features(point(), point(dead=10**30)), (2, "dead"))
    add("GeoJSON date past 9999", "a.geojson", features(point(), point(date="10000-01-01")), (2, "date"))
    for label, crs in (("EPSG:4326", "urn:ogc:def:crs:EPSG::4326"), ("CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84")):
        add(f"GeoJSON crs {label}", "a.geojson", json.dumps({"type": "FeatureCollection", "crs": {
            "type": "name", "properties": {"name": crs}}, "features": [point()]}).encode(), "accepted")
    add("GeoJSON crs EPSG:3857", "a.geojson", json.dumps({"type": "FeatureCollection", "crs": {
        "type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
        "features": [point(208987, 6621293)]}).encode(), "file")
    add("GeoJSON crs junk", "a.geojson", json.dumps({"type": "FeatureCollection", "crs": 5,
                                                     "features": [point()]}).encode(), "file")
    add("GeoJSON with BOM", "a.geojson", b"\xef\xbb\xbf" + features(point()), "accepted")
    add("GeoJSON in UTF-16", "a.geojson", features(point()).decode().encode("utf-16"), "accepted")
    add("GeoJSON named .csv", "a.csv", features(point()), "accepted")
    add("CSV named .geojson", "a.geojson", plain(), "file")
    add("CSV named .json", "a.json", plain(), "file")
    add("GeoJSON with a bad row", "a.geojson", geojson_points([("2024-09-03", 1.6, 50.8, 2, 0, "x"),
                                                               ("2024-09-04", 1.7, 50.9, -3, 0, "x")]), (2, "dead"))


for _build in (_bytes_and_encodings, _lines_and_quoting, _locales, _numbers, _dates, _text, _layouts, _geojson):
    _build()
