"""The incidents page's tables as a reader sees them: one incident's details,
the sortable table of records, and the labels that name each incident.

Text from IOM stays as published; field names, settings, dates and the
location check are in the reader's language.
"""

from __future__ import annotations

import pandas as pd

from geo.data.location_check import doubt_text
from geo.i18n import N_, _, format_day, format_number
from geo.maps.popups import counted_text, survivors_text
from geo.model.filters import quality_words
from geo.vocab import SETTING_WORDS

SORTS = {"date": N_("Date"), "dead_missing": N_("Dead + missing"), "dead": N_("Dead"), "missing": N_("Missing"),
         "country": N_("Country"), "cause": N_("Cause")}
TABLE_COLUMNS = {"date": N_("Date"), "location": N_("Place"), "country": N_("Country"), "setting": N_("Setting"),
                 "dead": N_("Dead"), "missing": N_("Missing"), "survivors": N_("Survivors"), "cause": N_("Cause"),
                 "incident_id": N_("IOM incident"), "record_id": N_("IOM record"),
                 "location_doubt": N_("Location check")}
DETAILS = (N_("Date"), N_("Place"), N_("Country"), N_("Setting"), N_("Dead"), N_("Missing"), N_("Survivors"),
           N_("Cause"), N_("Source"), N_("Source quality (IOM)"), N_("IOM incident"), N_("IOM record"),
           N_("Location check"))


def _setting(key: str) -> str:
    return _(SETTING_WORDS.get(key, key))


def details_table(records: pd.DataFrame) -> pd.DataFrame:
    """One IOM incident: a column per record, so its records read together.

    >>> one = pd.DataFrame({"date": pd.to_datetime(["2024-09-03"]), "location": ["Off Wimereux"],
    ...     "country": ["France"], "setting": ["sea_or_shore"], "dead": [2], "missing": [1], "survivors": [None],
    ...     "cause": ["Drowning"], "source": ["Préfecture"], "source_quality": ["4"], "incident_id": ["A"],
    ...     "record_id": ["A1"], "location_doubt": [""]})
    >>> details_table(one).set_index("Detail")["Value"][["Date", "Dead", "Location check"]].tolist()
    ['3 Sep 2024', '2', 'Point agrees with its text and country']
    """
    table = {_("Detail"): [_(name) for name in DETAILS]}
    for n, row in enumerate(records.itertuples(index=False), start=1):
        table[_("Record {n}").format(n=n) if len(records) > 1 else _("Value")] = [
            format_day(row.date.date()), row.location, row.country, _setting(row.setting),
            str(int(row.dead)), str(int(row.missing)), survivors_text(row.survivors), row.cause, row.source,
            quality_words(row.source_quality), row.incident_id, row.record_id,
            _("Doubtful: {reason}").format(reason=doubt_text(row.location_doubt)) if row.location_doubt
            else _("Point agrees with its text and country")]
    return pd.DataFrame(table)


def records_table(rows: pd.DataFrame, sort_key: str, descending: bool) -> pd.DataFrame:
    """Every record, sorted by ``sort_key`` (a key of :data:`SORTS`), with the reader's column names."""
    if sort_key not in SORTS:
        raise ValueError(f"sort key {sort_key!r} is not one of {', '.join(SORTS)}")
    table = rows.sort_values(sort_key, ascending=not descending, kind="stable")[list(TABLE_COLUMNS)].copy()
    table["date"] = table["date"].map(lambda day: format_day(day.date()))
    table["location_doubt"] = table["location_doubt"].map(doubt_text)
    table["setting"] = table["setting"].map(_setting)
    table["survivors"] = table["survivors"].map(lambda v: "" if v is None or v != v else str(int(v)))
    return table.rename(columns={k: _(v) for k, v in TABLE_COLUMNS.items()}).reset_index(drop=True)


def incident_labels(rows: pd.DataFrame) -> dict[str, str]:
    """Each incident's label for a picker: date · place · dead or missing (· records)."""
    labels = {}
    for incident, group in rows.groupby("incident_id", sort=False):
        label = (f"{format_day(group['date'].iloc[0].date())} · {group['location'].iloc[0]} · "
                 + counted_text("dead_or_missing", int(group["dead_missing"].sum())))
        if len(group) > 1:
            label += " · " + _("{count} records").format(count=format_number(len(group)))
        labels[incident] = label
    return labels


def nearest_incident(rows: pd.DataFrame, clicked: dict | None) -> str | None:
    """The incident whose point a map click (``{"lat", "lng"}``) hit, if any.

    >>> rows = pd.DataFrame({"lat": [50.9, 51.0], "lon": [1.8, 1.9], "incident_id": ["A", "B"]})
    >>> nearest_incident(rows, {"lat": 51.0, "lng": 1.9}), nearest_incident(rows, {"lat": 50.0, "lng": 1.0})
    ('B', None)
    """
    if not clicked or rows.empty or "lat" not in clicked:
        return None
    distance = (rows["lat"] - clicked["lat"]) ** 2 + (rows["lon"] - clicked["lng"]) ** 2
    return rows.loc[distance.idxmin(), "incident_id"] if distance.min() < 1e-6 else None
