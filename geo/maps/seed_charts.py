"""Charts of the story's claims (see :mod:`geo.model.seed_figures`), in the style of
:mod:`geo.maps.charts`: large type, Okabe-Ito colours, incomplete years marked."""

from __future__ import annotations

import altair as alt
import pandas as pd

from geo.i18n import N_, _
from geo.maps import style as ms
from geo.maps.charts import HIGHLIGHT, MUTED, OKABE_ITO, _style
from geo.maps.popups import SETTING_WORDS

INCOMPLETE = N_("incomplete")
COMPLETE = N_("complete")


def dead_missing_by_year(table: pd.DataFrame, title: str) -> alt.Chart:
    """Stacked bars per year: at sea or on the shore, on land; incomplete years
    paler and labelled, so a short year never reads as a safe one."""
    frame = table.assign(setting_words=table["setting"].map(lambda key: _(SETTING_WORDS.get(key, key))),
                         status=table["incomplete"].map({True: _(INCOMPLETE), False: _(COMPLETE)}))
    colours = alt.Scale(domain=[_(SETTING_WORDS[s]) for s in ms.SETTING_COLOURS],
                        range=list(ms.SETTING_COLOURS.values()))
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("dead_missing:Q", title=_("Dead + missing"), stack="zero"),
        color=alt.Color("setting_words:N", title=None, scale=colours),
        opacity=alt.condition("datum.incomplete", alt.value(0.4), alt.value(1.0)),
        tooltip=[alt.Tooltip("year:O", title=_("Year")), alt.Tooltip("setting_words:N", title=_("Where")),
                 alt.Tooltip("dead_missing:Q", title=_("Dead + missing")),
                 alt.Tooltip("total:Q", title=_("Year total")),
                 alt.Tooltip("note:N", title=_("Incomplete because"))])
    totals = frame.drop_duplicates("year")
    labels = alt.Chart(totals).mark_text(dy=-10, fontSize=14).encode(
        x="year:O", y="total:Q", text=alt.Text("label:N")).transform_calculate(
        label="datum.incomplete ? datum.total + '*' : datum.total")
    return _style(alt.layer(bars, labels), title)


def crossings_year_to_date(ytd: pd.DataFrame, title: str) -> alt.Chart:
    """People crossed since 1 January, one line per year; the latest year thick
    and orange, 2024 thick, the others thin."""
    latest = int(ytd["year"].max())
    years = sorted(ytd["year"].unique())
    palette = [HIGHLIGHT if y == latest else "#0072B2" if y == 2024 else MUTED for y in years]
    return _style(alt.Chart(ytd).mark_line().encode(
        x=alt.X("day:T", title=None, axis=alt.Axis(format="%b")),
        y=alt.Y("cumulative:Q", title=_("People crossed since 1 January")),
        color=alt.Color("year:N", title=_("Year"), scale=alt.Scale(domain=years, range=palette)),
        strokeWidth=alt.condition(f"datum.year == {latest} || datum.year == 2024", alt.value(4), alt.value(1.6)),
        tooltip=[alt.Tooltip("date:T", title=_("Date"), format="%d %b %Y"),
                 alt.Tooltip("cumulative:Q", title=_("Since 1 January"), format=",")]), title)


def people_per_boat_by_year(table: pd.DataFrame, title: str) -> alt.Chart:
    """Bars per year with the value on top; an incomplete year is paler."""
    table = table.assign(status_words=table["status"].map(_))
    base = alt.Chart(table).encode(x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)))
    bars = base.mark_bar(color=OKABE_ITO[4]).encode(
        y=alt.Y("people_per_boat:Q", title=_("People per boat")),
        opacity=alt.condition("datum.incomplete", alt.value(0.4), alt.value(1.0)),
        tooltip=[alt.Tooltip("year:O", title=_("Year")), alt.Tooltip("people:Q", title=_("People"), format=","),
                 alt.Tooltip("boats:Q", title=_("Boats"), format=","),
                 alt.Tooltip("people_per_boat:Q", title=_("People per boat")),
                 alt.Tooltip("status_words:N", title=_("Status"))])
    labels = base.mark_text(dy=-10, fontSize=14).encode(y="people_per_boat:Q", text=alt.Text("label:N")) \
        .transform_calculate(label="format(datum.people_per_boat, '.1f') + (datum.incomplete ? '*' : '')")
    return _style(alt.layer(bars, labels), title)
