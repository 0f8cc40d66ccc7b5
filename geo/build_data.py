"""Rebuild ``data/`` from the shared, sourced inputs in ``../shared/data``.

Run ``python -m geo.build_data --shared ../shared/data``. Files that ship
unchanged are copied byte for byte. The derived tables only join sourced
reports to sourced gazetteer coordinates; nothing here types in a place or a
figure. The editorial choices (which report belongs to which area, and the
uncertainty radius of each area) are the tables below, and
``data/datapackage.json`` documents them.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
from pathlib import Path

import pandas as pd

from geo.ho_monthly import monthly_table
from geo.i18n import N_
from geo.measure import geodesic_km
from geo.paths import DATA_DIR

COPIED = {
    "incidents/iom_channel_incidents_merged.csv": "incidents/iom_channel_incidents.csv",
    "crossings/ho_small_boats_daily.csv": "crossings/ho_small_boats_daily.csv",
    "crossings/ho_small_boats_weekly.csv": "crossings/ho_small_boats_weekly.csv",
    "crossings/ho_irr_D01_small_boats_by_nationality_2018Q1-2023Q3.csv":
        "crossings/ho_irr_D01_small_boats_by_nationality_2018Q1-2023Q3.csv",
    "basemap/countries.geojson": "basemap/countries.geojson",
    "basemap/boundaries_admin0.geojson": "basemap/boundaries_admin0.geojson",
    "basemap/land_detail_dover_gshhg.geojson": "basemap/land_detail_dover_gshhg.geojson",
    "basemap/marine_areas.geojson": "basemap/marine_areas.geojson",
    "roads/roads_major_ne_z5.geojson": "roads/roads_major_ne_z5.geojson",
    "roads/roads_snap_connectors.geojson": "roads/roads_snap_connectors.geojson",
    "maritime/tss_osm_seamarks.geojson": "maritime/tss_osm_seamarks.geojson",
    "maritime/uk_fr_territorial_sea_boundary_dover_1988.geojson":
        "maritime/uk_fr_territorial_sea_boundary_dover_1988.geojson",
    "places/places_geonames.geojson": "places/places_geonames.geojson",
    "places/populated_places.geojson": "places/populated_places.geojson",
    "places/channel_places_gazetteer_osm.csv": "places/channel_places_gazetteer_osm.csv",
}

# area_id: (name, kind, radius_km or None for "derived", basis of the radius)
AREAS = {
    "dunkirk_gravelines": ("Dunkirk – Gravelines", "launch", 3.0, N_("3 km around the reported places")),
    "calais_wissant": ("Calais – Sangatte – Wissant", "launch", 3.0, N_("3 km around the reported places")),
    "ambleteuse_boulogne": ("Ambleteuse – Wimereux – Boulogne", "launch", 3.0,
                            N_("3 km around the reported places")),
    "portel_hardelot": ("Le Portel – Équihen – Hardelot", "launch", 3.0,
                        N_("3 km around the reported places")),
    "touquet_berck": ("Canche – Berck – Authie bay", "launch", 3.0, N_("3 km around the reported places")),
    "somme_bay": ("Somme bay (Cayeux-sur-Mer)", "launch", 5.0, N_("5 km around the one reported place")),
    "belgian_coast": ("Belgian coast (De Panne – Nieuwpoort)", "launch", 3.0,
                      N_("3 km around the reported places")),
    "dover": ("Dover", "landing", 2.0, N_("2 km: the port is a named point")),
    "folkestone": ("Folkestone (Sandgate)", "landing", 4.0, N_("4 km: town centre stands for Sandgate")),
    "kingsdown": ("Kingsdown (near Deal)", "landing", 8.0,
                  N_("8 km: not in the gazetteers, drawn around the nearest gazetteer town, Deal")),
    "dymchurch": ("Dymchurch", "landing", 8.0,
                  N_("8 km: not in the gazetteers, drawn around the nearest gazetteer town, New Romney")),
    "dungeness": ("Dungeness", "landing", 8.0,
                  N_("8 km: not in the gazetteers, drawn around the nearest gazetteer town, Lydd")),
    "nrw": ("North Rhine-Westphalia", "storage_region", None,
            N_("region: reaches the farthest Natural Earth city of the Land")),
    "lower_saxony": ("Lower Saxony", "storage_region", None,
                     N_("region: reaches the farthest Natural Earth city of the Land")),
    "baden_wuerttemberg": ("Baden-Württemberg", "storage_region", None,
                           N_("region: reaches the farthest Natural Earth city of the Land")),
    "duesseldorf_region": ("Düsseldorf region", "storage_district", 30.0, N_("district level: 30 km")),
    "osnabrueck_area": ("Osnabrück area", "storage_district", 30.0,
                        N_("district level: 30 km (one report says 'near Osnabrück')")),
    "essen": ("Essen", "storage_city", 10.0, N_("city level: 10 km")),
    "bochum": ("Bochum", "storage_city", 10.0, N_("city level: 10 km")),
    "cologne": ("Cologne", "storage_city", 10.0, N_("city level: 10 km")),
    "bielefeld": ("Bielefeld", "storage_city", 10.0, N_("city level: 10 km")),
    "hannover": ("Hannover", "storage_city", 10.0, N_("city level: 10 km")),
    "amsterdam": ("Amsterdam (Schiphol arrest)", "storage_city", 15.0,
                  N_("city level: 15 km, to take in Schiphol")),
}

# Natural Earth admin-1 names of the storage regions.
REGION_ADM1 = {"nrw": "Nordrhein-Westfalen", "lower_saxony": "Niedersachsen",
               "baden_wuerttemberg": "Baden-Württemberg"}

# Report place -> (area_id, coordinate reference). "osm:key" is the OSM
# gazetteer, "gn:Name" GeoNames, "ne:Name" Natural Earth populated places.
COAST_PLACES = {
    "Gravelines": ("dunkirk_gravelines", "osm:gravelines"),
    "Grand-Fort-Philippe": ("dunkirk_gravelines", "gn:Grand-Fort-Philippe"),
    "Dunkerque coast to the Belgian border": ("dunkirk_gravelines", "osm:dunkerque"),
    "Leffrinckoucke": ("dunkirk_gravelines", "osm:leffrinckoucke"),
    "Calais (nearby beaches)": ("calais_wissant", "osm:calais"),
    "Sangatte": ("calais_wissant", "gn:Sangatte"),
    "Wissant": ("calais_wissant", "gn:Wissant"),
    "Ambleteuse": ("ambleteuse_boulogne", "osm:ambleteuse"),
    "Wimereux": ("ambleteuse_boulogne", "osm:wimereux"),
    "Boulogne-sur-Mer": ("ambleteuse_boulogne", "osm:boulogne-sur-mer"),
    "Le Portel": ("portel_hardelot", "gn:Le Portel"),
    "Équihen-Plage": ("portel_hardelot", "osm:equihen-plage"),
    "Neufchâtel-Hardelot (Hardelot-Plage)": ("portel_hardelot", "osm:hardelot"),
    "Canche river / estuary (Étaples, near Le Touquet)": ("touquet_berck", "gn:Étaples"),
    "Berck-sur-Mer": ("touquet_berck", "osm:berck-sur-mer"),
    "Baie d'Authie (Fort-Mahon-Plage / Berck)": ("touquet_berck", "gn:Fort-Mahon-Plage"),
    "Cayeux-sur-Mer (Baie de Somme)": ("somme_bay", "osm:cayeux-sur-mer"),
    "De Panne": ("belgian_coast", "osm:de-panne"),
    "Nieuwpoort": ("belgian_coast", "osm:nieuwpoort"),
    "Dover (port; Western Jet Foil processing site)": ("dover", "osm:port-of-dover"),
    "Kingsdown (near Deal/Dover)": ("kingsdown", "gn:Deal"),
    "Folkestone (Sandgate)": ("folkestone", "gn:Folkestone"),
    "Dymchurch": ("dymchurch", "gn:New Romney"),
    "Dungeness": ("dungeness", "gn:Lydd"),
}

STORAGE_PLACES = {
    "Essen": ("essen", "gn:Essen"),
    "North Rhine-Westphalia": ("nrw", None),
    "Baden-Württemberg": ("baden_wuerttemberg", None),
    "Düsseldorf region": ("duesseldorf_region", "gn:Düsseldorf"),
    "Bochum": ("bochum", "gn:Bochum"),
    "Grevenbroich": ("nrw", None),
    "Osnabrück": ("osnabrueck_area", "ne:Osnabrück"),
    "near Osnabrück": ("osnabrueck_area", "ne:Osnabrück"),
    "Hannover": ("hannover", "ne:Hannover"),
    "Lotte": ("nrw", None),
    "Lotte (farm)": ("nrw", None),
    "Bielefeld": ("bielefeld", "ne:Bielefeld"),
    "Cologne": ("cologne", "gn:Köln"),
    "Detmold": ("nrw", None),
    "Lower Saxony (marine supplier)": ("lower_saxony", None),
    "Amsterdam Schiphol Airport": ("amsterdam", "ne:Amsterdam"),
}


def _geojson_points(path: Path, name_key: str) -> dict[str, tuple[float, float]]:
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {f["properties"][name_key]: tuple(f["geometry"]["coordinates"]) for f in features}


def load_gazetteers(shared: Path) -> dict[str, tuple[float, float, str]]:
    """Return ``ref -> (lon, lat, source label)`` for every gazetteer point."""
    refs: dict[str, tuple[float, float, str]] = {}
    with open(shared / "places/channel_places_gazetteer_osm.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            refs["osm:" + row["key"]] = (float(row["lon"]), float(row["lat"]),
                                         f"OpenStreetMap Nominatim ({row['key']})")
    for name, (lon, lat) in _geojson_points(shared / "places/places_geonames.geojson", "name").items():
        refs["gn:" + name] = (lon, lat, f"GeoNames ({name})")
    populated = _geojson_points(shared / "places/populated_places.geojson", "NAME")
    for name, (lon, lat) in populated.items():
        refs["ne:" + name] = (lon, lat, f"Natural Earth populated places ({name})")
    return refs


def _region_centres(shared: Path) -> dict[str, tuple[float, float, float, str]]:
    """Centre and radius of each storage region from Natural Earth only."""
    labels = json.loads((shared / "basemap/admin1_label_points.geojson").read_text())["features"]
    cities = json.loads((shared / "places/populated_places.geojson").read_text())["features"]
    out = {}
    for area_id, adm1 in REGION_ADM1.items():
        towns = [c["geometry"]["coordinates"] for c in cities if c["properties"]["ADM1NAME"] == adm1]
        mean = (sum(t[0] for t in towns) / len(towns), sum(t[1] for t in towns) / len(towns))
        points = [f["geometry"]["coordinates"] for f in labels if f["properties"]["name"] == adm1]
        lon, lat = min(points, key=lambda p: geodesic_km(p[0], p[1], *mean))
        radius = max(geodesic_km(lon, lat, t[0], t[1]) for t in towns)
        out[area_id] = (lon, lat, round(radius, 1),
                        f"Natural Earth admin-1 label point ({adm1})")
    return out


def build_areas(shared: Path) -> pd.DataFrame:
    regions = _region_centres(shared)
    rows = []
    for area_id, (name, kind, radius, basis) in AREAS.items():
        lon = lat = None
        centre_source = "derived from the reported places"
        if area_id in regions:
            lon, lat, radius, centre_source = regions[area_id]
        rows.append({"area_id": area_id, "name": name, "kind": kind, "centre_lat": lat,
                     "centre_lon": lon, "centre_source": centre_source, "radius_km": radius,
                     "radius_basis": basis})
    return pd.DataFrame(rows)


def _locate(reports: pd.DataFrame, mapping: dict, refs: dict) -> pd.DataFrame:
    located = reports.copy()
    area_ids, lats, lons, sources = [], [], [], []
    for place in located["place"]:
        area_id, ref = mapping.get(place, ("", None))
        lon, lat, source = refs[ref] if ref else (None, None, "")
        area_ids.append(area_id)
        lats.append(lat)
        lons.append(lon)
        sources.append(source)
    located["area_id"], located["lat"], located["lon"] = area_ids, lats, lons
    located["coord_source"] = sources
    return located


def build_crossings_monthly(shared: Path) -> pd.DataFrame:
    """Official IER_02a months, then provisional SB_01 sums after them."""
    official = pd.read_csv(shared / "crossings/ho_small_boats_monthly_official_IER02a_2018-01_2026-06.csv")
    provisional = pd.read_csv(shared / "crossings/ho_small_boats_monthly.csv")
    official = official.rename(columns={"people_arrived": "people", "boats_arrived": "boats"})
    return monthly_table(provisional, official)


def build(shared: Path, out: Path = DATA_DIR) -> None:
    for source, target in COPIED.items():
        (out / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shared / source, out / target)
    refs = load_gazetteers(shared)
    build_areas(shared).to_csv(out / "places/areas.csv", index=False)
    coast = pd.read_csv(shared / "places/launch_areas_reports.csv", dtype=str)
    _locate(coast, COAST_PLACES, refs).to_csv(out / "places/coast_reports.csv", index=False)
    storage = pd.read_csv(shared / "supply/storage_and_supply_reports.csv", dtype=str)
    _locate(storage, STORAGE_PLACES, refs).to_csv(out / "places/storage_reports.csv", index=False)
    build_crossings_monthly(shared).to_csv(out / "crossings/crossings_monthly.csv", index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args()
    build(args.shared, args.out)
    print(f"data written to {args.out}")


if __name__ == "__main__":
    main()
