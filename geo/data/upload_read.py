"""Turn an uploaded file's bytes into rows of text cells, saying how it was read.

The encoding (UTF-8, UTF-16 with a byte-order mark, or Windows-1252 as Excel
writes in France and Germany) and the delimiter (comma, semicolon, tab or bar)
are detected, not assumed. A row that cannot be a record (wrong number of
cells, a GeoJSON feature that is not a point) is refused with its reason here;
rows are numbered as in a spreadsheet (header = row 1), GeoJSON features from 1.
A file that cannot be read at all raises ``ValueError`` with a reason a person
can act on.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field

from geo.data.schema import Reason, RowIssue
from geo.i18n import N_, N_plural

DELIMITERS = {",": N_("comma"), ";": N_("semicolon"), "\t": N_("tab"), "|": N_("bar")}
MAX_CELL = 5_000
INVISIBLE = "\ufeff\u200b\u200c\u200d\u200e\u200f\u2060"
SIGNATURES = {b"PK\x03\x04": N_("is a ZIP archive (an .xlsx or .ods workbook?): save it as CSV first"),
              b"\xd0\xcf\x11\xe0": N_("is an old Excel (.xls) workbook: save it as CSV first"),
              b"\x1f\x8b": N_("is gzip-compressed: unpack it first"), b"%PDF": N_("is a PDF, not a table")}
DECIMAL_COMMA = re.compile(r"^\s*[+-]?\d*,\d+\s*$")
THOUSANDS_DOTS = re.compile(r"^\s*\d{1,3}(\.\d{3})+\s*$")


@dataclass
class RawTable:
    """Text cells by column name, the row number of each record, and the rows refused while reading."""

    header: list[str]
    records: list[dict[str, str]]
    numbers: list[int]
    issues: list[RowIssue] = field(default_factory=list)
    total: int = 0
    read_as: list[str] = field(default_factory=list)
    decimal_comma: bool = False


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of the file and, when not plain UTF-8, the encoding used.

    >>> decode("Fréthun".encode("cp1252")), decode("x".encode("utf-16"))
    (('Fréthun', 'Windows-1252'), ('x', 'UTF-16'))
    """
    for magic, reason in SIGNATURES.items():
        if data.startswith(magic):
            raise ValueError(reason)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "UTF-16"
    elif b"\x00" in data[:4096]:
        raise ValueError(N_("is not a text file (it holds binary data)"))
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), None
        except UnicodeDecodeError:
            text, encoding = data.decode("cp1252", errors="strict"), "Windows-1252"
    controls = sum(1 for ch in text[:20_000] if ord(ch) < 32 and ch not in "\t\r\n")
    if controls > 0.01 * min(len(text), 20_000):
        raise ValueError(N_("is not a text file (it holds binary data)"))
    return text, encoding


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header into most columns and the rows into as many.

    >>> sniff_delimiter("date;lat;lon\\n2024-09-03;50,8;1,6\\n"), sniff_delimiter("a,b\\n1,2\\n")
    (';', ',')
    """
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [len(cells) for cells in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:  # the reading proper reports it
            continue
        if not widths or widths[0] < 2:
            continue
        score = (sum(w == widths[0] for w in widths), widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def decimal_point(value: object, coordinate: bool) -> object:
    """A number written with a decimal comma, as Python reads it; in a count, dots are thousands.

    >>> decimal_point("50,8", True), decimal_point("1.000", False), decimal_point("50.8", True)
    ('50.8', '1000', '50.8')
    """
    text = str(value)
    if DECIMAL_COMMA.match(text):
        return text.replace(",", ".")
    return text.replace(".", "") if not coordinate and THOUSANDS_DOTS.match(text) else value


def clean_name(name: str) -> str:
    """A header name without surrounding spaces or invisible characters (BOM, zero-width)."""
    return "".join(ch for ch in name if ch not in INVISIBLE).strip()


def read_csv_text(text: str, file: str) -> RawTable:
    """Rows of a delimited text. Leading '#' comment lines (as in this app's own downloads) and blank
    rows are skipped, rows of the wrong width refused; numbers are the file's own row numbers."""
    lines = text.splitlines(keepends=True)
    skip = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")), len(lines))
    delimiter = sniff_delimiter("".join(lines[skip:]))
    try:
        rows = list(enumerate(csv.reader(lines[skip:], delimiter=delimiter), start=skip + 1))
    except csv.Error as err:
        raise ValueError(Reason(N_("cannot be split into cells ({error})"), error=str(err))) from None
    filled = [(n, r) for n, r in rows if any(cell.strip() for cell in r)]
    if not filled:
        raise ValueError(N_("is empty"))
    (_, first), body = filled[0], filled[1:]
    if not body:
        raise ValueError(N_("has a header but no data rows"))
    header = _unique([clean_name(c) for c in first])
    table = RawTable(header, [], [], total=len(body), decimal_comma=delimiter != ",")
    for number, cells in body:
        problem = _row_problem(file, number, header, cells, delimiter)
        if problem:
            table.issues.append(problem)
            continue
        table.records.append(dict(zip(header, cells)))
        table.numbers.append(number)
    if delimiter != ",":
        table.read_as.append(Reason(N_("{delimiter}-separated, decimal commas read as points"),
                                    delimiter=Reason(DELIMITERS[delimiter])))
    if len(rows) > len(filled):
        table.read_as.append(Reason(N_plural("{count} blank row skipped", "{count} blank rows skipped"),
                                    count=len(rows) - len(filled)))
    return table


def _unique(header: list[str]) -> list[str]:
    """Header names; a blank one is named by its position, a repeated one refuses the file."""
    names = []
    for position, name in enumerate(header, start=1):
        if name in names:
            raise ValueError(Reason(N_("has two columns named {name!r} (the second is column {position}): "
                                       "rename or remove one, so that it is clear which to use"),
                                    name=name, position=position))
        names.append(name or f"(column {position})")
    return names


def _row_problem(file: str, number: int, header: list[str], cells: list[str], delimiter: str) -> RowIssue | None:
    if len(cells) != len(header):
        line = delimiter.join(cells)
        return RowIssue(file, number, None, _short(line),
                        Reason(N_("has {cells} cells where the header has {columns} columns"),
                               cells=len(cells), columns=len(header)))
    for name, cell in zip(header, cells):
        if len(cell) > MAX_CELL:
            return RowIssue(file, number, name, _short(cell),
                            Reason(N_("is longer than {limit} characters"), limit=MAX_CELL))
    return None


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


GEOGRAPHIC = ("CRS84", "4326")


def read_geojson_text(text: str, file: str) -> RawTable:
    """Point features as rows (properties plus longitude and latitude); other features refused."""
    try:
        document = json.loads(text)
    except RecursionError:
        raise ValueError(N_("is nested too deeply to be GeoJSON")) from None
    features = _features(document)
    header: list[str] = []
    table = RawTable(header, [], [], total=len(features))
    for number, feature in enumerate(features, start=1):
        cells, problem = _feature_cells(feature, file, number)
        if problem:
            table.issues.append(problem)
            continue
        header.extend(k for k in cells if k not in header)
        table.records.append(cells)
        table.numbers.append(number)
    if not header:
        header.extend(["longitude", "latitude"])
    return table


def _features(document: object) -> list:
    if not isinstance(document, dict) or document.get("type") not in ("FeatureCollection", "Feature"):
        raise ValueError(N_("is not a GeoJSON FeatureCollection or Feature"))
    crs = document.get("crs")
    if crs is not None:
        name = str((crs.get("properties") or {}).get("name", crs) if isinstance(crs, dict) else crs)
        if not any(code in name for code in GEOGRAPHIC):
            raise ValueError(Reason(N_("declares the coordinate system {name!r}; only longitude and latitude "
                                       "in WGS 84 (EPSG:4326), as GeoJSON requires, can be used"), name=_short(name)))
    if document["type"] == "Feature":
        return [document]
    features = document.get("features")
    if not isinstance(features, list):
        raise ValueError(N_("has no list of 'features'"))
    if not features:
        raise ValueError(N_("has no features"))
    return features


def _feature_cells(feature: object, file: str, number: int) -> tuple[dict[str, str], RowIssue | None]:
    """A feature's properties as text cells, or why it cannot be an incident."""
    def refuse(column: str, value: object, reason: str) -> tuple[dict, RowIssue]:
        return {}, RowIssue(file, number, column, _short(json.dumps(value, default=str)), reason)

    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return refuse("feature", feature, N_("is not a GeoJSON Feature object"))
    properties = feature.get("properties")
    if properties is None:
        properties = {}
    if not isinstance(properties, dict):
        return refuse("properties", properties, N_("is not an object of named values"))
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        why = N_("is missing (null)") if geometry is None else N_("is not a geometry object")
        return refuse("geometry", geometry, why)
    if geometry.get("type") != "Point":
        return refuse("geometry", geometry.get("type"), N_("is not a Point: this map takes one point per "
                                                           "incident (split a MultiPoint, give a line or area as "
                                                           "its point)"))
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list) or len(coordinates) not in (2, 3):
        return refuse("geometry", coordinates, N_("is not a [longitude, latitude] pair"))
    cells = {clean_name(str(k)): _text(v) for k, v in properties.items()}
    cells["longitude"], cells["latitude"] = _text(coordinates[0]), _text(coordinates[1])
    return cells, None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list, bool)):
        return json.dumps(value)
    return str(value)
