"""Rebuild ``data/`` from the shared, sourced inputs in ``../shared/data``.

Run ``python -m geo.data.build_data --shared ../shared/data``. Files that ship
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
from shapely.geometry import shape
from shapely.ops import unary_union

from geo.data import area_notes as notes
from geo.data.ho_monthly import monthly_table
from geo.i18n import N_
from geo.paths import DATA_DIR

COPIED = {
    "incidents/iom_channel_incidents_merged.csv": "incidents/iom_channel_incidents.csv",
    "crossings/ho_small_boats_daily.csv": "crossings/ho_small_boats_daily.csv",
    "crossings/ho_small_boats_weekly.csv": "crossings/ho_small_boats_weekly.csv",
    "crossings/ho_irr_D01_small_boats_by_nationality_2018Q1-2023Q3.csv":
        "crossings/ho_irr_D01_small_boats_by_nationality_2018Q1-2023Q3.csv",
    "basemap/countries_wide.geojson": "basemap/countries_wide.geojson",
    "basemap/boundaries_admin0.geojson": "basemap/boundaries_admin0.geojson",
    "basemap/land_detail_dover_gshhg.geojson": "basemap/land_detail_dover_gshhg.geojson",
    "basemap/marine_areas.geojson": "basemap/marine_areas.geojson",
    "roads/roads_major_ne_z5.geojson": "roads/roads_major_ne_z5.geojson",
    "roads/osm_motorway_trunk_corridor-primary.geojson": "roads/osm_motorway_trunk_corridor-primary.geojson",
    "maritime/tss_osm_seamarks.geojson": "maritime/tss_osm_seamarks.geojson",
    "maritime/uk_fr_territorial_sea_boundary_dover_1988.geojson":
        "maritime/uk_fr_territorial_sea_boundary_dover_1988.geojson",
    "places/places_geonames.geojson": "places/places_geonames.geojson",
    "places/populated_places.geojson": "places/populated_places.geojson",
    "places/channel_places_gazetteer_osm.csv": "places/channel_places_gazetteer_osm.csv",
}

# area_id: (name, kind, radius_km, why that radius: a template of geo.data.area_notes and its names)
AREAS = {
    "dunkirk_gravelines": ("Dunkirk – Gravelines", "launch", 3.0, notes.AROUND_PLACES, {}),
    "calais_wissant": ("Calais – Sangatte – Wissant", "launch", 3.0, notes.AROUND_PLACES, {}),
    "ambleteuse_boulogne": ("Ambleteuse – Wimereux – Boulogne", "launch", 3.0, notes.AROUND_PLACES, {}),
    "portel_hardelot": ("Le Portel – Équihen – Hardelot", "launch", 3.0, notes.AROUND_PLACES, {}),
    "touquet_berck": ("Canche – Berck – Authie bay", "launch", 3.0, notes.AROUND_PLACES, {}),
    "somme_bay": ("Somme bay (Cayeux-sur-Mer)", "launch", 5.0, notes.AROUND_ONE_PLACE, {}),
    "belgian_coast": ("Belgian coast (De Panne – Nieuwpoort)", "launch", 3.0, notes.AROUND_PLACES, {}),
    "dover": ("Dover", "landing", 2.0, notes.NAMED_PORT, {}),
    "folkestone": ("Folkestone (Sandgate)", "landing", 4.0, notes.TOWN_STANDS_FOR,
                  {"place": "Sandgate"}),
    "kingsdown": ("Kingsdown (near Deal)", "landing", 8.0, notes.NEAREST_TOWN, {"town": "Deal"}),
    "dymchurch": ("Dymchurch", "landing", 8.0, notes.NEAREST_TOWN, {"town": "New Romney"}),
    "dungeness": ("Dungeness", "landing", 8.0, notes.NEAREST_TOWN, {"town": "Lydd"}),
}

# Regions whose indicative routes start at the population-weighted centre of their Natural Earth cities.
REGION_ADM1 = {"nrw": "Nordrhein-Westfalen", "lower_saxony": "Niedersachsen",
               "baden_wuerttemberg": "Baden-Württemberg"}

# Storage places, each drawn as the outline of the administrative unit its
# sources name (ids of basemap/admin_areas.geojson; several ids are joined).
# area_id: (name, level of the claim, outline ids, what the outline is)
STORAGE_AREAS = {
    "nrw": ("North Rhine-Westphalia", "storage_region", ("DE-NW",), notes.LAND.format(land="Nordrhein-Westfalen")),
    "baden_wuerttemberg": ("Baden-Württemberg", "storage_region", ("DE-BW",),
                           notes.LAND.format(land="Baden-Württemberg")),
    "lower_saxony": ("Lower Saxony", "storage_region", ("DE-NI",),
                     notes.LAND_SUPPLIER.format(land="Niedersachsen")),
    "duesseldorf_region": ("Düsseldorf region", "storage_district", ("DE-RB-051",),
                           notes.DISTRICT_ALSO_HOLDS.format(district="Düsseldorf", town="Grevenbroich",
                                                            kreis="Rhein-Kreis Neuss")),
    "osnabrueck_area": ("near Osnabrück", "storage_district", ("DE-KRS-03404", "DE-KRS-03459"),
                        notes.CITY_AND_LANDKREIS.format(city="Osnabrück")),
    "detmold": ("Detmold", "storage_city", ("DE-RB-057",),
                notes.DISTRICT_FOR_CITY.format(district="Detmold", kreis="Kreis Lippe")),
    "essen": ("Essen", "storage_city", ("DE-KRS-05113",), notes.KREISFREIE_STADT.format(city="Essen")),
    "bochum": ("Bochum", "storage_city", ("DE-KRS-05911",), notes.KREISFREIE_STADT.format(city="Bochum")),
    "gelsenkirchen": ("Gelsenkirchen", "storage_city", ("DE-KRS-05513",),
                      notes.KREISFREIE_STADT.format(city="Gelsenkirchen")),
    "cologne": ("Cologne", "storage_city", ("DE-KRS-05315",), notes.KREISFREIE_STADT.format(city="Köln")),
    "osnabrueck": ("Osnabrück", "storage_city", ("DE-KRS-03404",), notes.KREISFREIE_STADT.format(city="Osnabrück")),
    "lotte": ("Lotte (Kreis Steinfurt)", "storage_city", ("DE-GEM-05566048",), notes.GEMEINDE.format(town="Lotte")),
    "bielefeld": ("Bielefeld", "storage_city", ("DE-KRS-05711",), notes.KREISFREIE_STADT.format(city="Bielefeld")),
    "hannover": ("Hannover", "storage_city", ("DE-KRS-03241",),
                 notes.REGION_FOR_CITY.format(region="Hannover")),
}
ADMIN_IDS = sorted({i for _, _, ids, _ in STORAGE_AREAS.values() for i in ids})

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

# Report place -> the storage areas it names. A raid report naming several
# cities belongs to each of them.
RAIDS_DEC_2024 = ("essen", "bochum", "gelsenkirchen")
STORAGE_PLACES = {
    "Essen": ("essen",),
    "North Rhine-Westphalia": ("nrw",),
    "Baden-Württemberg": ("baden_wuerttemberg",),
    "Düsseldorf region": ("duesseldorf_region",),
    "Bochum": RAIDS_DEC_2024,
    "Grevenbroich": (*RAIDS_DEC_2024, "duesseldorf_region"),
    "Osnabrück": ("osnabrueck",),
    "near Osnabrück": ("osnabrueck_area",),
    "Hannover": ("hannover",),
    "Lotte": ("lotte",),
    "Lotte (farm)": ("lotte",),
    "Bielefeld": ("bielefeld",),
    "Cologne": ("cologne",),
    "Detmold": ("detmold",),
    "Lower Saxony (marine supplier)": ("lower_saxony",),
}
AREA_SEPARATOR = " "

# Why a report is not drawn (the country-level default is in _not_drawn).
NOT_DRAWN = {
    "Amsterdam Schiphol Airport": N_("an arrest at Schiphol airport; the source says the boats were stored in "
                                     "Germany, so it is no storage place"),
    "Eupen": N_("no gazetteer point in shared/data/places and no outline of the town shipped"),
    "Quesnoy-sur-Deûle": N_("no gazetteer point in shared/data/places and no outline of the commune shipped"),
    "Kapitan Andreevo border checkpoint": N_("outside the map (Bulgarian-Turkish border) and no gazetteer point"),
    "Watten (canal de l'Aa, inland)": N_("no gazetteer point in shared/data/places"),
    "Cap Gris-Nez (offshore)": N_("an offshore position, not a launch place"),
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


def admin_outlines(shared: Path) -> dict:
    """The shipped subset of ``admin_areas.geojson``: the units storage places use."""
    collection = json.loads((shared / "basemap/admin_areas.geojson").read_text(encoding="utf-8"))
    collection["features"] = [f for f in collection["features"] if f["properties"]["id"] in ADMIN_IDS]
    found = {f["properties"]["id"] for f in collection["features"]}
    if found != set(ADMIN_IDS):
        raise ValueError(f"admin_areas.geojson lacks the outlines {sorted(set(ADMIN_IDS) - found)}")
    return collection


def population_centre(towns: list[tuple[float, float, float]]) -> tuple[float, float]:
    """Mean lon/lat of ``(lon, lat, population)`` points weighted by population.

    >>> population_centre([(6.0, 51.0, 3.0), (8.0, 52.0, 1.0)])
    (6.5, 51.25)
    """
    total = sum(p for _, _, p in towns)
    return (round(sum(x * p for x, _, p in towns) / total, 5), round(sum(y * p for _, y, p in towns) / total, 5))


def _region_route_starts(shared: Path) -> dict[str, tuple[float, float, str]]:
    """Where an indicative route leaves a storage region: the centre of its
    Natural Earth cities weighted by POP_MAX (never the drawn circle's centre)."""
    cities = json.loads((shared / "places/populated_places.geojson").read_text())["features"]
    out = {}
    for area_id, adm1 in REGION_ADM1.items():
        towns = [(*c["geometry"]["coordinates"], float(c["properties"]["POP_MAX"]))
                 for c in cities if c["properties"]["ADM1NAME"] == adm1]
        names = ", ".join(c["properties"]["NAME"] for c in cities if c["properties"]["ADM1NAME"] == adm1)
        out[area_id] = (*population_centre(towns),
                        notes.POPULATION_CENTRE.format(land=adm1, cities=names))
    return out


def _outline_centre(collection: dict, ids: tuple[str, ...]) -> tuple[float, float]:
    parts = [shape(f["geometry"]) for f in collection["features"] if f["properties"]["id"] in ids]
    outline = unary_union(parts)
    point = outline.centroid if outline.contains(outline.centroid) else outline.representative_point()
    return round(point.x, 5), round(point.y, 5)


# City and district claims start their routes at the named city's gazetteer point
# (Natural Earth populated places, else GeoNames); places with none start at the outline's centre.
CITY_STARTS = {"cologne": "Cologne", "essen": "Essen", "bochum": "Bochum", "gelsenkirchen": "Gelsenkirchen",
               "osnabrueck": "Osnabrück", "osnabrueck_area": "Osnabrück", "bielefeld": "Bielefeld",
               "hannover": "Hannover", "duesseldorf_region": "Düsseldorf"}


def _city_route_starts(shared: Path) -> dict[str, tuple[float, float, str]]:
    """Route starts for city and district claims: the named city's gazetteer point."""
    points = {}
    for path, key, source in (("places/places_geonames.geojson", "name", "GeoNames"),
                              ("places/populated_places.geojson", "NAME", "Natural Earth populated places")):
        for f in json.loads((shared / path).read_text(encoding="utf-8"))["features"]:
            lon, lat = f["geometry"]["coordinates"][:2]
            name = f["properties"][key]
            points[name] = (lon, lat, notes.CITY_CENTRE.format(gazetteer=source, city=name))
    return {area_id: points[name] for area_id, name in CITY_STARTS.items() if name in points}


def build_areas(outlines: dict, starts: dict[str, tuple[float, float, str]]) -> pd.DataFrame:
    """Launch and landing circles, then storage outlines with a representative point and,
    for a region, where its indicative routes start."""
    rows = [{"area_id": area_id, "name": name, "kind": kind, "centre_lat": None, "centre_lon": None,
             "centre_source": notes.FROM_REPORTS, "radius_km": radius,
             "radius_basis": basis.format(km=notes.km_text(radius), **names), "outline_ids": "",
             "outline_basis": "", "route_lat": None, "route_lon": None, "route_basis": ""}
            for area_id, (name, kind, radius, basis, names) in AREAS.items()]
    for area_id, (name, kind, ids, basis) in STORAGE_AREAS.items():
        lon, lat = _outline_centre(outlines, ids)
        rows.append({"area_id": area_id, "name": name, "kind": kind, "centre_lat": lat, "centre_lon": lon,
                     "centre_source": notes.OUTLINE_CENTROID,
                     "radius_km": None, "radius_basis": "", "outline_ids": AREA_SEPARATOR.join(ids),
                     "outline_basis": basis, "route_lat": starts.get(area_id, (None, None, ""))[1],
                     "route_lon": starts.get(area_id, (None, None, ""))[0],
                     "route_basis": starts.get(area_id, (None, None, ""))[2]})
    return pd.DataFrame(rows)


def _not_drawn(place: str, level: str) -> str:
    if place in NOT_DRAWN:
        return NOT_DRAWN[place]
    return N_("a country-level statement that names no place") if level == "country" else ""


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
    located["not_drawn"] = [_not_drawn(p, "") if not a else "" for p, a in zip(located["place"], area_ids)]
    return located


def _locate_storage(reports: pd.DataFrame) -> pd.DataFrame:
    located = reports.copy()
    located["area_id"] = [AREA_SEPARATOR.join(STORAGE_PLACES.get(p, ())) for p in located["place"]]
    located["lat"] = located["lon"] = None
    located["coord_source"] = ["admin outline (basemap/admin_areas.geojson)" if a else ""
                               for a in located["area_id"]]
    located["not_drawn"] = [_not_drawn(p, lv) if not a else ""
                            for p, lv, a in zip(located["place"], located["level"], located["area_id"])]
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
    outlines = admin_outlines(shared)
    (out / "basemap/admin_areas.geojson").write_text(
        json.dumps(outlines, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    starts = {**_region_route_starts(shared), **_city_route_starts(shared)}
    build_areas(outlines, starts).to_csv(out / "places/areas.csv", index=False)
    coast = pd.read_csv(shared / "places/launch_areas_reports.csv", dtype=str)
    _locate(coast, COAST_PLACES, refs).to_csv(out / "places/coast_reports.csv", index=False)
    storage = pd.read_csv(shared / "supply/storage_and_supply_reports.csv", dtype=str)
    _locate_storage(storage).to_csv(out / "places/storage_reports.csv", index=False)
    build_crossings_monthly(shared).to_csv(out / "crossings/crossings_monthly.csv", index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args()
    if not (args.shared / "roads").is_dir():
        parser.error(f"argument --shared: not the shared data folder (no roads/ in it), instead got: "
                     f"{str(args.shared.resolve())!r}")
    build(args.shared, args.out)
    print(f"data written to {args.out}")


if __name__ == "__main__":
    main()
