"""Filtered incidents as CSV and GeoJSON that carry their credit and licence.

CSV: ``#`` comment lines before the header (read back with :func:`read_back`
or ``pd.read_csv(path, skiprows=4)``) plus a plain-text sidecar for tools that cannot skip comments.
GeoJSON: a top-level ``metadata`` member and ``credit``/``licence`` on every
feature, so a single copied feature still names its source.
"""

from __future__ import annotations

import io
import json

import pandas as pd

from geo.model.filters import quality_words

IOM_CREDIT = ("IOM Missing Migrants Project (missingmigrants.iom.int). Figures are minimum estimates "
              "and are revised.")
IOM_LICENCE = ("IOM Missing Migrants Project data, reuse with attribution; check the terms on "
               "https://missingmigrants.iom.int/ before redistributing.")
SETTING_NOTE = ("setting: keyword heuristic of this app (sea_or_shore / land_or_inland), not IOM data. "
                "incident_id: IOM Main ID; record_id: IOM Incident ID (one row per record). "
                "location_doubt: why this app finds the published point contradicts its own text (point unchanged).")
# incident_id is IOM's Main ID (the incident), record_id its Incident ID (one row each).
EXPORT_COLUMNS = ["incident_id", "record_id", "date", "dead", "missing", "dead_missing", "survivors", "cause",
                  "country", "location", "setting", "source", "url", "source_quality", "source_quality_words",
                  "lat", "lon", "location_doubt"]


def export_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader needs, dates as YYYY-MM-DD, text left as text."""
    out = pd.DataFrame(rows).copy()
    out["source_quality_words"] = [quality_words(q) for q in out["source_quality"]]
    out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
    if "record_id" not in out.columns:
        out["record_id"] = out["incident_id"]
    if "location_doubt" not in out.columns:
        out["location_doubt"] = ""
    out["survivors"] = pd.array([None if v is None or v != v else int(v) for v in out["survivors"]],
                                dtype="Int64")
    return out[EXPORT_COLUMNS].reset_index(drop=True)


def defuse(value: object) -> object:
    """Keep spreadsheet apps from running text as a formula.

    >>> defuse("=HYPERLINK(1)"), defuse("Calais"), defuse(-1.5)
    ("'=HYPERLINK(1)", 'Calais', -1.5)
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def header_lines(description: str, uploaded: bool = False) -> list[str]:
    """Credit, licence and what the rows are."""
    credit = "Your uploaded file (not checked by IOM or this app)" if uploaded else IOM_CREDIT
    return [f"Channel Routes export: {description}", f"Credit: {credit}", f"Licence: {IOM_LICENCE}",
            SETTING_NOTE]


def to_csv(rows: pd.DataFrame, description: str, uploaded: bool = False) -> bytes:
    """CSV bytes with ``# `` header comments.

    >>> import tests.builders as b
    >>> text = to_csv(b.incidents([{"dead": 2}]), "test").decode()
    >>> text.splitlines()[1].startswith("# Credit: IOM Missing Migrants Project")
    True
    """
    comments = "".join(f"# {line}\n" for line in header_lines(description, uploaded))
    frame = export_frame(rows)
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(defuse)
    return (comments + frame.to_csv(index=False)).encode("utf-8")


def read_back(data: bytes) -> pd.DataFrame:
    """Read an exported CSV: skip the leading ``#`` lines (not ``comment="#"``,
    which would also cut any text holding a ``#``)."""
    lines = data.decode("utf-8").splitlines(keepends=True)
    skip = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    return pd.read_csv(io.StringIO("".join(lines[skip:])), dtype={"source_quality": str})


def sidecar(description: str, uploaded: bool = False) -> bytes:
    """The credit and licence as a text file to keep next to the CSV."""
    return ("\n".join(header_lines(description, uploaded)) + "\n").encode("utf-8")


def to_geojson(rows: pd.DataFrame, description: str, uploaded: bool = False) -> bytes:
    """A FeatureCollection of points (EPSG:4326, lon/lat) with credit on every feature."""
    lines = header_lines(description, uploaded)
    credit, licence = lines[1].removeprefix("Credit: "), lines[2].removeprefix("Licence: ")
    features = []
    for record in export_frame(rows).to_dict(orient="records"):
        lon, lat = record.pop("lon"), record.pop("lat")
        record = {k: (None if isinstance(v, float) and v != v else v) for k, v in record.items()}
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": {**record, "credit": credit, "licence": licence}})
    collection = {"type": "FeatureCollection",
                  "metadata": {"title": lines[0], "credit": credit, "licence": licence, "notes": lines[3]},
                  "features": features}
    return json.dumps(collection, ensure_ascii=False, default=_plain).encode("utf-8")


def _plain(value: object) -> object:
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"Expected a JSON value, instead got: {value!r}")
