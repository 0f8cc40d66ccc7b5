"""Drive time as a range, from the km a route spends on each road class and country.

The OpenStreetMap network carries no speed limits, so every speed here is an
assumption of this app, stated on the route map page (:func:`assumptions_table`):
the *fast* end of a range drives every road at its legal (or, on the German
Autobahn, advisory) limit; the *slow* end at a typical loaded-van speed. The
user's *van top speed* caps both ends (a van towing a trailer may not exceed
80 km/h in Germany, 100 with a "Tempo 100" permit). Times never include stops, queues or
border checks.

Changing a speed only re-weights the stored km per class: no path changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.i18n import N_, _, format_decimal
from geo.model.routing import Route

DEFAULT_VAN_KMH = 130.0  # no cap beyond the road limits
VAN_KMH_RANGE = (60.0, 130.0)


@dataclass(frozen=True)
class RoadSpeed:
    road: str
    legal_kmh: float
    typical_kmh: float
    basis: str


SPEEDS = {  # road and basis are shown translated (N_ here, _ in assumptions_table)
    ("motorway", "DE"): RoadSpeed(N_("German Autobahn"), 130, 110,
                                  N_("no general limit; 130 km/h is the advisory speed (Richtgeschwindigkeit)")),
    ("motorway", "FR"): RoadSpeed(N_("French autoroute"), 130, 110, N_("130 km/h limit in dry weather")),
    ("motorway", "BE"): RoadSpeed(N_("Belgian motorway"), 120, 105, N_("120 km/h limit")),
    ("motorway", "NL"): RoadSpeed(N_("Dutch motorway"), 100, 95, N_("100 km/h limit from 6:00 to 19:00 (since 2020)")),
    ("motorway", "LU"): RoadSpeed(N_("Luxembourg motorway"), 130, 110, N_("130 km/h limit in dry weather")),
    ("motorway", "GB"): RoadSpeed(N_("UK motorway"), 113, 100, N_("70 mph limit")),
    ("trunk", "*"): RoadSpeed(N_("Trunk road (dual-carriageway national road)"), 100, 80,
                              N_("limits 90 to 110 km/h by country; through junctions and towns")),
    ("primary", "*"): RoadSpeed(N_("Primary road"), 80, 60,
                                N_("80 or 90 km/h outside towns in France, 100 in Germany; 50 inside towns")),
    ("leg", "*"): RoadSpeed(N_("Straight access or egress leg (off the network)"), 50, 30,
                            N_("town streets; a straight line is shorter than the streets")),
}


def road_speed(road_class: str, cc: str) -> RoadSpeed:
    """The assumed speeds of a road class in a country.

    >>> road_speed("motorway", "NL").legal_kmh, road_speed("trunk", "FR").typical_kmh
    (100, 80)
    """
    return SPEEDS.get((road_class, cc)) or SPEEDS[(road_class, "*")]


def hours(km_by_road, leg_km: float, van_kmh: float, end: str) -> float:
    """Hours over ``(class, country, km)`` parts plus the straight legs, at the
    ``legal_kmh`` or ``typical_kmh`` end, every speed capped at ``van_kmh``.

    >>> parts = [("motorway", "DE", 110.0), ("primary", "FR", 60.0)]
    >>> round(hours(parts, 0.0, 130, "typical_kmh"), 2), round(hours(parts, 0.0, 55, "typical_kmh"), 2)
    (2.0, 3.09)
    """
    if van_kmh <= 0:
        raise ValueError(f"van top speed must be above 0 km/h, instead got: {van_kmh!r}")
    total = sum(km / min(getattr(road_speed(c, cc), end), van_kmh) for c, cc, km in km_by_road)
    return total + leg_km / min(getattr(SPEEDS[("leg", "*")], end), van_kmh)


def hours_range(route: Route, van_kmh: float = DEFAULT_VAN_KMH) -> tuple[float, float]:
    """(fast, slow) hours of a route: at the limits, and at typical van speeds."""
    legs = route.access_km + route.egress_km
    return (hours(route.km_by_road, legs, van_kmh, "legal_kmh"),
            hours(route.km_by_road, legs, van_kmh, "typical_kmh"))


def hours_text(low: float, high: float) -> str:
    """A range of hours as people say it.

    >>> hours_text(3.62, 4.41), hours_text(4.0, 4.04)
    ('3.6–4.4 h', '4.0 h')
    """
    low_text, high_text = format_decimal(low), format_decimal(high)
    return f"{low_text} h" if low_text == high_text else f"{low_text}–{high_text} h"


def assumptions_table(van_kmh: float = DEFAULT_VAN_KMH) -> list[dict]:
    """The speed assumptions as rows for a table on the page, in the reader's language.

    >>> from geo.i18n import use_language
    >>> with use_language("de"):
    ...     list(assumptions_table(80)[0].items())[:2]
    [('Straße', 'Deutsche Autobahn'), ('Schnelles Ende (km/h)', 80)]
    """
    road, fast, slow, basis = _("Road"), _("Fast end (km/h)"), _("Slow end, typical van (km/h)"), _("Basis")
    return [{road: _(speed.road), fast: min(speed.legal_kmh, van_kmh), slow: min(speed.typical_kmh, van_kmh),
             basis: _(speed.basis)} for speed in SPEEDS.values()]


REPORTED_CLAIM = N_("December 2024 press reports quoted the UK Home Secretary, after the Calais Group meeting, "
                    "as saying that boats stored in Germany are \u201cdriven for four or five hours\u201d to the "
                    "coast. This is a reported claim from officials: our sources could not find it in any archived "
                    "page.")
NCA_CLAIM = N_("NCA Director General Graeme Biggar spoke of boats stored \u201cjust a three-hour drive from the "
               "Channel coast\u201d (interview with The Sun, 2024, read via aggregator copies).")


def claim_comparison(low: float, high: float) -> str:
    """How a computed range of hours stands against the two claims, in the reader's language.

    >>> claim_comparison(3.2, 4.3)
    'longer than NCA\u2019s three hours and overlapping the reported four or five hours'
    >>> claim_comparison(2.5, 3.5)
    'including NCA\u2019s three hours and shorter than the reported four or five hours'
    """
    if high < 3:
        nca = _("shorter than NCA\u2019s three hours")
    elif low > 3:
        nca = _("longer than NCA\u2019s three hours")
    else:
        nca = _("including NCA\u2019s three hours")
    if high < 4:
        reported = _("shorter than the reported four or five hours")
    elif low > 5:
        reported = _("longer than the reported four or five hours")
    else:
        reported = _("overlapping the reported four or five hours")
    return _("{nca} and {reported}").format(nca=nca, reported=reported)
