"""The reader's map view (zoom and centre) in the URL: ``z=9.5&c=50.95,1.6``.

Pure functions, so a copied link reopens the same view and bad values fall
back to the map's default view with a message, like the period does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from geo.i18n import _

MIN_ZOOM, MAX_ZOOM = 5.0, 13.0
LAT_RANGE, LON_RANGE = (47.5, 55.5), (-5.0, 12.0)  # the route map's max bounds
VIEW_KEYS = ("z", "c")
_NUMBER = r"-?\d{1,3}(?:\.\d{1,8})?"
_CENTRE = re.compile(rf"({_NUMBER}),({_NUMBER})")


@dataclass(frozen=True)
class MapView:
    zoom: float
    lat: float
    lon: float

    def to_query(self) -> dict[str, str]:
        """The query-string form, rounded to what a reader can tell apart.

        >>> MapView(9.5, 50.951234, 1.60004).to_query()
        {'z': '9.5', 'c': '50.9512,1.6'}
        """
        return {"z": f"{self.zoom:g}", "c": f"{round(self.lat, 4):g},{round(self.lon, 4):g}"}

    def as_data(self) -> dict:
        """What the map component receives.

        >>> MapView(9.0, 50.9, 1.6).as_data()
        {'z': 9.0, 'c': [50.9, 1.6]}
        """
        return {"z": self.zoom, "c": [self.lat, self.lon]}


def _first(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    return value


def view_from_query(params: Mapping[str, object]) -> tuple[MapView | None, str | None]:
    """Read ``z`` and ``c=lat,lon`` from query parameters; never raises.

    Returns the view (None: the map's default view) and, when the link was
    wrong, a message to show.

    >>> view_from_query({"z": "10", "c": "50.95,1.6"})
    (MapView(zoom=10.0, lat=50.95, lon=1.6), None)
    >>> view_from_query({})
    (None, None)
    >>> view_from_query({"z": "40", "c": "50.95,1.6"})[1]
    "The link's zoom '40' is not a number from 5 to 13; showing the default view."
    >>> view_from_query({"z": "9", "c": "1.6;50.95"})[1]
    "The link's centre '1.6;50.95' is not 'latitude,longitude' inside the map; showing the default view."
    >>> view_from_query({"z": "9"})[1]
    'The link gives a zoom without a centre (c=latitude,longitude); showing the default view.'
    """
    zoom_text, centre_text = (_first(params.get(k)) for k in VIEW_KEYS)
    if zoom_text is None and centre_text is None:
        return None, None
    if zoom_text is None or centre_text is None:
        missing = _("a zoom without a centre (c=latitude,longitude)") if centre_text is None \
            else _("a centre without a zoom (z=5 to 13)")
        return None, _("The link gives {missing}; showing the default view.").format(missing=missing)
    zoom = _zoom(zoom_text)
    if zoom is None:
        return None, _("The link's zoom '{zoom}' is not a number from 5 to 13; showing the default view.").format(
            zoom=zoom_text)
    centre = _centre(centre_text)
    if centre is None:
        return None, _("The link's centre '{centre}' is not 'latitude,longitude' inside the map; showing the "
                       "default view.").format(centre=centre_text)
    return MapView(zoom, *centre), None


def _zoom(text: object) -> float | None:
    """
    >>> _zoom("9.5"), _zoom("nan"), _zoom("4"), _zoom("1e1")
    (9.5, None, None, None)
    """
    if not isinstance(text, str) or not re.fullmatch(_NUMBER, text):
        return None
    zoom = float(text)
    return zoom if MIN_ZOOM <= zoom <= MAX_ZOOM else None


def _centre(text: object) -> tuple[float, float] | None:
    """
    >>> _centre("50.95,1.6"), _centre("10,1.6"), _centre("50.95, 1.6")
    ((50.95, 1.6), None, None)
    """
    match = _CENTRE.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    inside = LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]
    return (lat, lon) if inside else None


def view_from_map(value: object) -> MapView | None:
    """The view the map component reported (``{"z": 9, "c": [lat, lon]}``), or
    None when it is not a valid view inside the map.

    >>> view_from_map({"z": 9, "c": [50.9, 1.6]})
    MapView(zoom=9.0, lat=50.9, lon=1.6)
    >>> view_from_map({"z": "9", "c": "x"}) is None, view_from_map(None) is None
    (True, True)
    """
    if not isinstance(value, Mapping):
        return None
    zoom, centre = value.get("z"), value.get("c")
    numbers = isinstance(zoom, (int, float)) and isinstance(centre, (list, tuple)) and len(centre) == 2 \
        and all(isinstance(v, (int, float)) for v in centre)
    if not numbers:
        return None
    view = MapView(float(zoom), float(centre[0]), float(centre[1]))
    return view_from_query(view.to_query())[0]
