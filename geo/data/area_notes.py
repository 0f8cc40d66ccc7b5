"""The notes this app writes beside each place in ``data/places/areas.csv``.

They are our words, not a publisher's: :mod:`geo.data.build_data` writes them
in English from these templates (the CSV is data and stays English), and
:func:`note_shown` turns a stored note back into the reader's language with
the same templates. Names of Länder, Kreise and towns stay as published;
numbers take the reader's format. A new kind of note needs a template here
(``tests/test_area_notes.py`` fails on a shipped note no template matches).
"""

from __future__ import annotations

import re

from geo.i18n import N_, format_decimal, format_number, from_english

# radius_basis: why a launch or landing circle has its radius.
AROUND_PLACES = N_("{km} km around the reported places")
AROUND_ONE_PLACE = N_("{km} km around the one reported place")
NAMED_PORT = N_("{km} km: the port is a named point")
TOWN_STANDS_FOR = N_("{km} km: town centre stands for {place}")
NEAREST_TOWN = N_("{km} km: not in the gazetteers, drawn around the nearest gazetteer town, {town}")
RADIUS_NOTES = (AROUND_PLACES, AROUND_ONE_PLACE, NAMED_PORT, TOWN_STANDS_FOR, NEAREST_TOWN)

# outline_basis: which administrative unit a storage place is drawn as (unit words as BKG publishes them).
# The longer template of each pair comes first: "Land {land}" would also match the supplier note.
LAND_SUPPLIER = N_("Land {land}, where the source places the supplier firm")
LAND = N_("Land {land}")
DISTRICT_ALSO_HOLDS = N_("Regierungsbezirk {district} (also holds {town}, {kreis}, whose own outline is not shipped)")
DISTRICT_FOR_CITY = N_("Regierungsbezirk {district}: the city's own {kreis} outline is not shipped")
REGION_FOR_CITY = N_("Region {region}: the city's own outline is not shipped")
CITY_AND_LANDKREIS = N_("city and Landkreis {city}")
KREISFREIE_STADT = N_("kreisfreie Stadt {city}")
GEMEINDE = N_("Gemeinde {town}")
OUTLINE_NOTES = (LAND_SUPPLIER, LAND, DISTRICT_ALSO_HOLDS, DISTRICT_FOR_CITY, REGION_FOR_CITY,
                 CITY_AND_LANDKREIS, KREISFREIE_STADT, GEMEINDE)

# route_basis and centre_source: where routes leave and where the label sits. No page shows these (they are
# in the CSV for analysts), so they are not marked for translation.
CITY_CENTRE = "city centre: {gazetteer}, '{city}'"
POPULATION_CENTRE = "population-weighted centre (POP_MAX) of the Natural Earth cities of {land}: {cities}"
ROUTE_NOTES = (CITY_CENTRE, POPULATION_CENTRE)
FROM_REPORTS = "derived from the reported places"
OUTLINE_CENTROID = "the outline's centroid (a representative point if it falls outside)"
CENTRE_NOTES = (FROM_REPORTS, OUTLINE_CENTROID)

NUMBER = re.compile(r"\d+(\.\d+)?")


def km_text(radius_km: float) -> str:
    """A radius as the notes write it.

    >>> km_text(3.0), km_text(2.5)
    ('3', '2.5')
    """
    return f"{radius_km:g}"


def value_shown(value: str) -> str:
    """A note's value as the reader sees it: a number in the reader's format, a name as it is.

    >>> from geo.i18n import use_language
    >>> with use_language("de"):
    ...     value_shown("2.5"), value_shown("8"), value_shown("Köln")
    ('2,5', '8', 'Köln')
    """
    if NUMBER.fullmatch(value):
        return format_decimal(float(value), len(value.split(".")[1])) if "." in value else format_number(int(value))
    return value


def note_shown(note: object) -> str:
    """A stored radius or outline note in the reader's language ("" for none).

    >>> from geo.i18n import use_language
    >>> with use_language("de"):
    ...     note_shown("Land Niedersachsen, where the source places the supplier firm")
    'Land Niedersachsen, wo die Quelle die Lieferfirma verortet'
    >>> with use_language("fr"):
    ...     note_shown("2.5 km around the reported places")
    '2,5 km autour des lieux signalés'
    """
    if not isinstance(note, str) or not note:
        return ""
    return from_english(note, RADIUS_NOTES + OUTLINE_NOTES, shown=value_shown)
