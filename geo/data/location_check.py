"""Check each published IOM point against its own location text and country.

The checks only describe; they never move or drop a point. A row that fails
gets a reason in ``location_doubt`` (empty when every check passes), computed
once when the table is loaded (:func:`geo.data.records.derive`).

Thresholds, and why:

- ``PLACE_KM = 20``: a record that names a shipped gazetteer place (GeoNames,
  OSM gazetteer, Natural Earth populated places) is "in", "near" or "off" it.
  The shipped file's "8 km off the coast of Grand-Fort-Philippe" or Eurotunnel
  points 5 km from Calais town are honest; 20 km leaves room for a town's
  extent plus an offshore position, and is still well under the 33 km
  across the Dover Strait, so a point on the wrong side of the Channel fails.
- ``PLACE_KM_AT_SEA = 30``: the same for a record at sea or on the shore:
  IOM writes "13 nautical miles off Dunkirk" (24 km), so 30 km.
- ``LAND_AT_SEA_KM = 1.5``: a record set on land (A16 motorway, a lorry park)
  must not lie out at sea. The coast comes from the GSHHG full-resolution
  land near Dover and Natural Earth elsewhere; 1.5 km absorbs harbours,
  beaches and the coarser outline.
- ``COUNTRY_KM = 5``: a land record must lie in (or within 5 km of, for
  border and coastline error) the polygon of its own ``Country of Incident``.
  Countries with no shipped outline (e.g. Norway) are not checked.

Distances are metres in ETRS89-LAEA (EPSG:3035) for point-to-polygon, and
geodesic (:class:`pyproj.Geod`, WGS84) for point-to-place.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod

from geo.i18n import N_, _, country_name, format_decimal, format_number, from_english, place_name

PLACE_KM = 20.0
PLACE_KM_AT_SEA = 30.0
LAND_AT_SEA_KM = 1.5
COUNTRY_KM = 5.0
METRIC_CRS = "EPSG:3035"
GEOD = Geod(ellps="WGS84")
# Region names that contain a town's name: "Pas-de-Calais" is not Calais.
NOT_PLACES = re.compile(r"(?i)nord[- ]pas[- ]de[- ]calais|pas[- ]de[- ]calais|strait of dover|port of calais")
# Clauses naming where people came from or went, not where they died.
ELSEWHERE = re.compile(r"(?i)\b(?:embarkation|embarked|departed|departing|driving|en route|on the way|"
                       r"travelling|coming|leaving|heading)\b[^,;)]*")
# The Channel Tunnel's French terminal is at Coquelles (a shipped GeoNames place).
TUNNEL = N_("the Channel Tunnel terminal (Coquelles)")
ALIASES = {"Channel Tunnel": TUNNEL, "Eurotunnel": TUNNEL, "EuroTunnel": TUNNEL, "Chunnel": TUNNEL,
           "Dunkerque": "Dunkirk"}
ALIAS_PLACES = {TUNNEL: "Coquelles"}
WORD_SPLIT = re.compile(r"[^\w']+")
ALIAS_PATTERN = re.compile(rf"(?<!\w)({'|'.join(ALIASES)})(?!\w)")
COUNTRY_NAMES = {"United Kingdom of Great Britain and Northern Ireland": "United Kingdom"}
# Why a point is doubtful: stored in English (one table for every reader), shown through doubt_text.
PLACE_FAR = N_("published point is {km} km from {place}, which its location text names")
OUT_TO_SEA = N_("published point is {km} km out to sea, but the record is on land")
OUTSIDE_OUTLINES = N_("published point lies outside the area whose outlines are shipped (it says {country})")
OUTSIDE_COUNTRY = N_("published point is {km} km outside {country}, its country of incident")
DOUBTS = (PLACE_FAR, OUT_TO_SEA, OUTSIDE_OUTLINES, OUTSIDE_COUNTRY)


def doubt_text(doubt: str) -> str:
    """A stored doubt (English reasons joined by "; ") in the reader's language.

    >>> from geo.i18n import use_language
    >>> with use_language("fr"):
    ...     doubt_text("published point is 1.6 km out to sea, but the record is on land; published point is 524 km "
    ...                "from the Channel Tunnel terminal (Coquelles), which its location text names").split(" ; ")
    ['le point publié est à 1,6 km en mer, alors que l’incident est sur terre', 'le point publié est à 524 km de \
Coquelles (terminal du tunnel sous la Manche), que nomme son texte de lieu']
    """
    return _("; ").join(from_english(part, DOUBTS, _doubt_value) for part in str(doubt).split("; ") if part)


def _doubt_value(value: str) -> str:
    if re.fullmatch(r"\d+(\.\d)?", value):
        return format_decimal(float(value), 1) if "." in value else format_number(int(value))
    if value == TUNNEL:
        return _(TUNNEL)
    return country_name(place_name(value))


def fold(text: str) -> str:
    """Text without accents, for matching place names.

    >>> fold("Équihen-Plage"), fold("Düsseldorf")
    ('Equihen-Plage', 'Dusseldorf')
    """
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def named_places(text: str, places: dict[str, tuple[float, float]]) -> list[str]:
    """Gazetteer names a location text mentions (whole words, case as written;
    a name right after a hyphen is part of a longer name).

    >>> gaz = {"Calais": (50.95, 1.85), "Paris": (48.85, 2.35), "Coquelles": (50.93, 1.8)}
    >>> named_places("Off Sangatte, Pas-de-Calais, France", gaz)
    []
    >>> named_places("Calais-Eurotunnel, Le Touquet-Paris-Plage", gaz)
    ['the Channel Tunnel terminal (Coquelles)', 'Calais']
    >>> named_places("M25 highway, United Kingdom (driving from Calais, France)", gaz)
    []
    """
    text = ELSEWHERE.sub(" ", NOT_PLACES.sub(" ", fold(str(text))))
    found = [ALIASES[alias] for alias in ALIAS_PATTERN.findall(text)]
    folded = _folded_names(tuple(places))
    if _first_words(tuple(places)).isdisjoint(WORD_SPLIT.split(text)):  # cheap test: most texts name nothing
        return sorted(set(found), key=found.index)
    found += [folded[match] for match in _names_pattern(tuple(places)).findall(text)]
    return sorted(set(found), key=found.index)


@lru_cache(maxsize=8)
def _first_words(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(WORD_SPLIT.split(fold(n))[0] for n in names)


@lru_cache(maxsize=8)
def _folded_names(names: tuple[str, ...]) -> dict[str, str]:
    return {fold(name): name for name in names}


@lru_cache(maxsize=8)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern:
    """One pattern for every name, longest first (one pass per text, not one per name)."""
    alternatives = sorted({re.escape(fold(n)) for n in names}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])({'|'.join(alternatives)})(?!\w)")


def place_doubt(lat: float, lon: float, names: list[str], places: dict[str, tuple[float, float]],
                limit_km: float = PLACE_KM) -> str:
    """Why a point is far from every place its text names, or "".

    >>> place_doubt(46.2276, 2.2137, [TUNNEL], {"Coquelles": (50.9280, 1.8119)})
    'published point is 524 km from the Channel Tunnel terminal (Coquelles), which its location text names'
    >>> place_doubt(50.93, 1.80, ["Coquelles"], {"Coquelles": (50.9280, 1.8119)})
    ''
    """
    names = [n for n in names if ALIAS_PLACES.get(n, n) in places]  # a gazetteer without the alias's place
    if not names:
        return ""
    points = [places[ALIAS_PLACES.get(n, n)] for n in names]
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    _, _, metres = GEOD.inv([lon] * len(names), [lat] * len(names), lons, lats)
    nearest = int(np.argmin(metres))
    km = metres[nearest] / 1000
    if km <= limit_km:
        return ""
    return PLACE_FAR.format(km=f"{km:.0f}", place=names[nearest])


@lru_cache(maxsize=4)
def reference(data_dir: Path) -> tuple[dict[str, tuple[float, float]], gpd.GeoDataFrame, object, tuple]:
    """Gazetteer (name -> lat, lon), countries and land in EPSG:3035, and the
    lon/lat bounds the country outlines cover; read once per data folder."""
    places: dict[str, tuple[float, float]] = {}
    natural_earth = gpd.read_file(data_dir / "places/populated_places.geojson")
    for name, point in zip(natural_earth["NAME"], natural_earth.geometry):
        places[name] = (point.y, point.x)
    geonames = gpd.read_file(data_dir / "places/places_geonames.geojson")
    for name, point in zip(geonames["name"], geonames.geometry):
        places[name] = (point.y, point.x)
    osm = pd.read_csv(data_dir / "places/channel_places_gazetteer_osm.csv")
    for query, lat, lon in zip(osm["nominatim_query"], osm["lat"], osm["lon"]):
        places.setdefault(query.split(",")[0].strip(), (float(lat), float(lon)))
    from geo.data.load import LAYERS  # the one list of basemap files (imported here: load imports this module)

    countries = gpd.read_file(data_dir / LAYERS["countries"])
    land_detail = gpd.read_file(data_dir / LAYERS["land_detail"])
    bounds = tuple(countries.total_bounds)
    countries = countries.set_crs("EPSG:4326", allow_override=True).to_crs(METRIC_CRS)
    land = shapely.union_all([*countries.geometry, *land_detail.set_crs(
        "EPSG:4326", allow_override=True).to_crs(METRIC_CRS).geometry])
    shapely.prepare(land)
    return places, countries[["ADMIN", "geometry"]], land, bounds


def location_doubts(rows: pd.DataFrame, data_dir: Path | None = None) -> list[str]:
    """One reason per row ("" when the point agrees with its text and country).

    ``rows`` has ``lat``, ``lon``, ``location``, ``country`` and ``setting``.

    >>> rows = pd.DataFrame({"lat": [46.2276, 50.93], "lon": [2.2137, 1.80], "setting": ["land_or_inland"] * 2,
    ...                      "location": ["French entrance to Channel Tunnel, France"] * 2, "country": ["France"] * 2})
    >>> doubts = location_doubts(rows)
    >>> doubts[1], doubts[0].split("; ")[0]
    ('', 'published point is 524 km from the Channel Tunnel terminal (Coquelles), which its location text names')
    """
    from geo.paths import data_dir as current_data_dir

    if rows.empty:
        return []
    try:
        places, countries, land, bounds = reference(Path(data_dir or current_data_dir()))
    except Exception:  # noqa: BLE001 - a broken reference file is reported by its own loader; no checks then
        return [""] * len(rows)
    lat, lon = rows["lat"].to_numpy(float), rows["lon"].to_numpy(float)
    metric = gpd.GeoSeries(gpd.points_from_xy(lon, lat), crs="EPSG:4326").to_crs(METRIC_CRS).values
    reasons: list[list[str]] = [[] for _ in range(len(rows))]
    names = {text: named_places(text, places) for text in pd.unique(rows["location"].astype(str))}
    on_land = (rows["setting"] == "land_or_inland").to_numpy()
    for i, text in enumerate(rows["location"].astype(str)):
        why = place_doubt(lat[i], lon[i], names[text], places, PLACE_KM if on_land[i] else PLACE_KM_AT_SEA)
        if why:
            reasons[i].append(why)
    inside = _inside(lat, lon, bounds)
    _land_at_sea(reasons, _km_outside(metric, land, on_land & inside), on_land & inside)
    _wrong_country(reasons, rows, metric, countries, on_land, inside)
    return ["; ".join(r) for r in reasons]


def _inside(lat: np.ndarray, lon: np.ndarray, bounds: tuple) -> np.ndarray:
    west, south, east, north = bounds
    return (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)


def _km_outside(points: np.ndarray, area: object, pick: np.ndarray) -> np.ndarray:
    """Km from each picked point to ``area`` (0 inside; NaN where not picked): the
    prepared containment test first, the slow distance only for points outside."""
    km = np.full(len(points), np.nan)
    km[pick] = 0.0
    outside = pick.copy()
    outside[pick] = ~shapely.contains_xy(area, shapely.get_x(points[pick]), shapely.get_y(points[pick]))
    km[outside] = shapely.distance(points[outside], area) / 1000
    return km


def _land_at_sea(reasons: list[list[str]], km_from_land: np.ndarray, on_land: np.ndarray) -> None:
    for i in np.flatnonzero(on_land & (km_from_land > LAND_AT_SEA_KM)):
        reasons[i].append(OUT_TO_SEA.format(km=f"{km_from_land[i]:.1f}"))


def _wrong_country(reasons: list[list[str]], rows: pd.DataFrame, metric: np.ndarray,
                   countries: gpd.GeoDataFrame, on_land: np.ndarray, inside: np.ndarray) -> None:
    outlines = dict(zip(countries["ADMIN"], countries.geometry))
    named = rows["country"].astype(str).map(lambda c: COUNTRY_NAMES.get(c, c)).to_numpy()
    for country, outline in outlines.items():
        pick = np.flatnonzero((named == country) & on_land)
        if not len(pick):
            continue
        km = _km_outside(metric, outline, np.isin(np.arange(len(metric)), pick))[pick]
        for i, distance in zip(pick, km):
            if not inside[i]:
                reasons[i].append(OUTSIDE_OUTLINES.format(country=country))
            elif distance > COUNTRY_KM:
                reasons[i].append(OUTSIDE_COUNTRY.format(km=f"{distance:.0f}", country=country))
