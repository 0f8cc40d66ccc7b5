"""Read the shipped OpenStreetMap road network into one table of lines.

``data/roads/osm_motorway_trunk_corridor-primary.geojson`` (© OpenStreetMap
contributors, ODbL 1.0) holds every motorway and trunk road from the Somme to
Hannover plus the primary roads on the corridors, noded so that lines meet at
bit-identical end points. Each feature becomes one row: its class, country,
ref, geodesic length and coordinates. The file is read with ``json`` (not
GDAL) and the lengths are computed in one vectorised call, so the network loads
in well under a second.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
from pyproj import Geod

from geo.data.schema import DataFileError, Reason, RowIssue
from geo.i18n import N_

NETWORK_FILE = "roads/osm_motorway_trunk_corridor-primary.geojson"
ROAD_CLASSES = frozenset({"motorway", "trunk", "primary"})
COUNTRIES = frozenset({"DE", "NL", "BE", "LU", "FR", "GB"})
ROAD_CREDIT = "Roads: © OpenStreetMap contributors (ODbL), OSM data of August 2021"
_GEOD = Geod(ellps="WGS84")


def clean_ref(ref: object) -> str:
    """An OSM ``ref`` as drivers read it: ``A 1;A 61`` becomes ``A1/A61``.

    >>> clean_ref("A 1;A 61"), clean_ref("E40"), clean_ref(None), clean_ref("B 56; B 266")
    ('A1/A61', 'E40', '', 'B56/B266')
    """
    if not isinstance(ref, str):
        return ""
    parts = [re.sub(r"^([A-Z]+) (\d)", r"\1\2", p.strip()) for p in ref.split(";")]
    return "/".join(p for p in parts if p)


def line_km(coords: list[list[tuple[float, float]]]) -> np.ndarray:
    """Geodesic length in km of each polyline, in one pyproj call.

    >>> [round(float(v), 1) for v in line_km([[(1.0, 50.0), (2.0, 50.0)], [(1.0, 50.0), (1.0, 50.5), (1.0, 51.0)]])]
    [71.7, 111.2]
    """
    lengths = np.array([len(c) for c in coords])
    flat = np.array([xy for c in coords for xy in c], dtype=float)
    _, _, metres = _GEOD.inv(flat[:-1, 0], flat[:-1, 1], flat[1:, 0], flat[1:, 1])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    inside = np.ones(len(flat) - 1, dtype=bool)
    inside[(starts + lengths - 1)[:-1]] = False  # the step from one line's end to the next line's start
    steps = np.where(inside, metres, 0.0)
    return np.add.reduceat(steps, starts) / 1000 if len(steps) else np.zeros(len(coords))


def _issue(name: str, row: int | None, column: str | None, value: object, reason: str) -> DataFileError:
    return DataFileError(name, [RowIssue(name, row, column, value, reason)])


def network_table(collection: dict, name: str = NETWORK_FILE) -> pd.DataFrame:
    """Rows of ``road_class, cc, ref, km, coords``; a bad feature is named as the "row" it is,
    counted from 1 as a reader counts (the words of the CSV errors, and of uploaded GeoJSON).

    >>> fc = {"type": "FeatureCollection", "features": [{"type": "Feature",
    ...     "properties": {"class": "motorway", "cc": "DE", "ref": "A 40"},
    ...     "geometry": {"type": "LineString", "coordinates": [[7.0, 51.4], [6.9, 51.4]]}}]}
    >>> table = network_table(fc)
    >>> table.loc[0, "ref"], round(float(table.loc[0, "km"]), 1)
    ('A40', 7.0)
    """
    columns: dict[str, list] = {"road_class": [], "cc": [], "ref": [], "coords": []}
    for number, feature in enumerate(collection.get("features") or [], start=1):
        props, geometry = feature.get("properties") or {}, feature.get("geometry") or {}
        coords = geometry.get("coordinates")
        if geometry.get("type") != "LineString" or not isinstance(coords, list) or len(coords) < 2:
            raise _issue(name, number, "geometry", geometry.get("type"), N_("expected a LineString of 2+ points"))
        if props.get("class") not in ROAD_CLASSES:
            raise _issue(name, number, "class", props.get("class"), Reason(N_("expected one of {allowed}"),
                                                                         allowed=str(sorted(ROAD_CLASSES))))
        if props.get("cc") not in COUNTRIES:
            raise _issue(name, number, "cc", props.get("cc"), Reason(N_("expected one of {allowed}"),
                                                                   allowed=str(sorted(COUNTRIES))))
        columns["road_class"].append(props["class"])
        columns["cc"].append(props["cc"])
        columns["ref"].append(clean_ref(props.get("ref")))
        columns["coords"].append(coords)
    if not columns["coords"]:
        raise _issue(name, None, "geometry", None, N_("layer has no road lines"))
    try:
        km = line_km(columns["coords"])
    except (TypeError, ValueError) as err:
        raise _issue(name, None, "geometry", None, Reason(N_("has coordinates that are not number pairs ({error})"),
                                                           error=str(err))) from None
    return pd.DataFrame({**columns, "km": km}, dtype=object).astype({"km": float})


def load_network(path: Path, name: str) -> pd.DataFrame:
    """The shipped network as :func:`network_table` rows, or a named error."""
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _issue(name, None, None, None, N_("file is missing")) from None
    except (ValueError, UnicodeDecodeError) as err:
        raise _issue(name, None, None, None, Reason(N_("is not valid GeoJSON ({error})"),
                                                     error=f"{type(err).__name__}: {str(err)[:120]}")) from None
    if not isinstance(collection, dict):
        raise _issue(name, None, None, None, N_("is not a GeoJSON FeatureCollection"))
    return network_table(collection, name)
