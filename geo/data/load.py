"""Load and validate the shipped datasets in ``data/``.

Each table has one schema. A file that fails raises :class:`DataFileError`
naming the file, row, column and value; :func:`load_all` collects those errors
so that the app can serve everything that does not depend on the broken file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.data import road_network
from geo.data.records import derive
from geo.data.schema import Column, DataFileError, Reason, RowIssue, Schema, validate_strict
from geo.i18n import N_
from geo.paths import DATA_DIR
from geo.paths import data_dir as current_data_dir

OUTSIDE_EUROPE = N_("outside Europe, which this map covers: are latitude and longitude swapped, "
                  "or are these projected metres (e.g. EPSG:3857) rather than degrees?")
SETTINGS = frozenset({"sea_or_shore", "land_or_inland"})
COUNT = {"kind": "int", "minimum": 0}

INCIDENTS = Schema("incidents", (
    Column("Main ID"),
    Column("Incident ID"),
    Column("Incident Date", "date"),
    Column("Number of Dead", required=False, default=0, **COUNT),
    Column("Minimum Estimated Number of Missing", required=False, default=0, **COUNT),
    Column("Number of Survivors", required=False, **COUNT),
    Column("Cause of Death", required=False, default="Not stated"),
    Column("Country of Incident", required=False, default="Not stated"),
    Column("Location of Incident", required=False, default=""),
    Column("Information Source", required=False, default=""),
    Column("URL", required=False, default=""),
    Column("Source Quality", required=False, default=""),
    Column("Latitude", "float", minimum=35, maximum=72, hint=OUTSIDE_EUROPE),
    Column("Longitude", "float", minimum=-25, maximum=45, hint=OUTSIDE_EUROPE),
    Column("derived_setting", allowed=SETTINGS),
), unique=("Incident ID",))  # the record; Main ID groups records into one incident

INCIDENT_NAMES = {
    "Main ID": "incident_id", "Incident ID": "record_id", "Incident Date": "date", "Number of Dead": "dead",
    "Minimum Estimated Number of Missing": "missing", "Number of Survivors": "survivors",
    "Cause of Death": "cause", "Country of Incident": "country",
    "Location of Incident": "location", "Information Source": "source", "URL": "url",
    "Source Quality": "source_quality", "Latitude": "lat", "Longitude": "lon",
    "derived_setting": "setting",
}

CROSSINGS_MONTHLY = Schema("crossings_monthly", (
    Column("month", "month"),
    Column("people", **COUNT),
    Column("boats", **COUNT),
    Column("status", allowed=frozenset({"official", "provisional"})),
    Column("days_in_data", "int", minimum=0, maximum=31),
    Column("days_in_month", "int", minimum=28, maximum=31),
), unique=("month",))

AREAS = Schema("areas", (
    Column("area_id"),
    Column("name"),
    Column("kind", allowed=frozenset({"launch", "landing", "storage_region",
                                      "storage_district", "storage_city"})),
    Column("centre_lat", "float", required=False, minimum=-90, maximum=90),
    Column("centre_lon", "float", required=False, minimum=-180, maximum=180),
    Column("centre_source"),
    Column("radius_km", "float", required=False, minimum=0.1, maximum=500),
    Column("radius_basis", required=False, default=""),
    Column("outline_ids", required=False, default=""),
    Column("outline_basis", required=False, default=""),
    Column("route_lat", "float", required=False, minimum=-90, maximum=90),
    Column("route_lon", "float", required=False, minimum=-180, maximum=180),
    Column("route_basis", required=False, default=""),
), unique=("area_id",))

_REPORT_COLUMNS = (
    Column("place"), Column("country"), Column("date"), Column("publisher"), Column("title"),
    Column("url"), Column("quote"), Column("area_id", required=False, default=""),
    Column("lat", "float", required=False, minimum=-90, maximum=90),
    Column("lon", "float", required=False, minimum=-180, maximum=180),
    Column("coord_source", required=False, default=""),
    Column("not_drawn", required=False, default=""),
)
COAST_REPORTS = Schema("coast_reports", (Column("role"), *_REPORT_COLUMNS))
STORAGE_REPORTS = Schema("storage_reports", (
    Column("level"), Column("event_type"), Column("items", required=False, default=""),
    *_REPORT_COLUMNS))


def read_table(path: Path, schema: Schema) -> pd.DataFrame:
    """Read a CSV as text and validate it strictly against ``schema``."""
    name = _display_name(path)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(name, [RowIssue(name, None, None, None, N_("file is missing"))]) from None
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        reason = Reason(N_("cannot be read as UTF-8 CSV ({error})"), error=f"{type(err).__name__}: {err}")
        raise DataFileError(name, [RowIssue(name, None, None, None, reason)]) from None
    return validate_strict(raw, schema, name)


def data_file(relative: str, data_dir: Path | None) -> Path:
    return (data_dir or current_data_dir()) / relative


def _display_name(path: Path) -> str:
    for base in (current_data_dir(), DATA_DIR):
        try:
            return "data/" + str(path.relative_to(base))
        except ValueError:
            continue
    return str(path)


def load_incidents(data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """IOM records (one row per ``Incident ID``, grouped by ``Main ID``) as
    points in EPSG:4326 with short column names and derived columns."""
    table = read_table(data_file("incidents/iom_channel_incidents.csv", data_dir), INCIDENTS)
    return derive(table[list(INCIDENT_NAMES)].rename(columns=INCIDENT_NAMES), data_dir)


def load_crossings_monthly(data_dir: Path | None = None) -> pd.DataFrame:
    return read_table(data_file("crossings/crossings_monthly.csv", data_dir), CROSSINGS_MONTHLY)


def load_areas(data_dir: Path | None = None) -> pd.DataFrame:
    return read_table(data_file("places/areas.csv", data_dir), AREAS)


def load_coast_reports(data_dir: Path | None = None) -> pd.DataFrame:
    return read_table(data_file("places/coast_reports.csv", data_dir), COAST_REPORTS)


def load_storage_reports(data_dir: Path | None = None) -> pd.DataFrame:
    return read_table(data_file("places/storage_reports.csv", data_dir), STORAGE_REPORTS)


def load_road_network(data_dir: Path | None = None) -> pd.DataFrame:
    """The OpenStreetMap road network as one row per line (:mod:`geo.data.road_network`)."""
    path = data_file(road_network.NETWORK_FILE, data_dir)
    return road_network.load_network(path, _display_name(path))


def load_layer(relative: str, data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """A shipped GeoJSON layer in EPSG:4326; a broken file names itself."""
    path = data_file(relative, data_dir)
    name = _display_name(path)
    try:
        json.loads(path.read_text(encoding="utf-8"))
        layer = gpd.read_file(path)
    except FileNotFoundError:
        raise DataFileError(name, [RowIssue(name, None, None, None, N_("file is missing"))]) from None
    except (ValueError, UnicodeDecodeError, OSError) as err:
        reason = Reason(N_("is not valid GeoJSON ({error})"), error=f"{type(err).__name__}: {str(err)[:120]}")
        raise DataFileError(name, [RowIssue(name, None, None, None, reason)]) from None
    if layer.empty or layer.geometry.isna().all():
        raise DataFileError(name, [RowIssue(name, None, "geometry", None, N_("layer has no geometries"))])
    return layer.set_crs("EPSG:4326", allow_override=True)


LAYERS = {
    "countries": "basemap/countries_wide.geojson",
    "admin": "basemap/admin_areas.geojson",
    "borders": "basemap/boundaries_admin0.geojson",
    "land_detail": "basemap/land_detail_dover_gshhg.geojson",
    "seas": "basemap/marine_areas.geojson",
    "roads": "roads/roads_major_ne_z5.geojson",
    "tss": "maritime/tss_osm_seamarks.geojson",
    "boundary": "maritime/uk_fr_territorial_sea_boundary_dover_1988.geojson",
    "towns": "places/places_geonames.geojson",
}

TABLES = {
    "incidents": load_incidents,
    "crossings": load_crossings_monthly,
    "areas": load_areas,
    "coast_reports": load_coast_reports,
    "storage_reports": load_storage_reports,
    "road_network": load_road_network,
}


@dataclass
class Datasets:
    """Everything the app shows. A table or layer that failed is absent and
    its error is in ``errors`` under the same key."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    errors: dict[str, DataFileError] = field(default_factory=dict)

    def has(self, *keys: str) -> bool:
        return all(k in self.tables or k in self.layers for k in keys)


def load_all(data_dir: Path | None = None) -> Datasets:
    data_dir = data_dir or current_data_dir()
    datasets = Datasets()
    for key, loader in TABLES.items():
        try:
            datasets.tables[key] = loader(data_dir)
        except DataFileError as err:
            datasets.errors[key] = err
    for key, relative in LAYERS.items():
        try:
            datasets.layers[key] = load_layer(relative, data_dir)
        except DataFileError as err:
            datasets.errors[key] = err
    return datasets
