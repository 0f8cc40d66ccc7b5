"""Altair charts for the analyst pages: large type for a projector, Okabe-Ito
colours (colour-blind safe), and selections that can set the shared period.

Every chart that can pick months carries a point selection named ``pick``
(click a bar; shift-click adds more) on the field ``month``. The page reads
the picked months and turns them into a period with :func:`picked_period`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import altair as alt
import pandas as pd

from geo.i18n import N_, _, month_abbreviations, vega_locale
from geo.model.period import Period, is_month

MEASURE_LABELS = {"people": N_("People"), "boats": N_("Boats"), "people_per_boat": N_("People per boat")}
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
STATUS_COLOURS = {"official": "#0072B2", "provisional": "#E69F00"}
HIGHLIGHT, MUTED = "#D55E00", "#9aa5b1"
PICK = "pick"
FONT_SIZE = 15


def _style(chart: alt.Chart, title: str) -> alt.Chart:
    return (chart.properties(title=title, height=300, width="container")
            .configure(locale=vega_locale())
            .configure_axis(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE)
            .configure_legend(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, orient="top")
            .configure_title(fontSize=FONT_SIZE + 3, anchor="start"))


def status_words() -> str:
    """A Vega expression naming the Home Office statuses in the reader's language."""
    return json.dumps({status: _(status) for status in STATUS_COLOURS}, ensure_ascii=False) + "[datum.label]"


def with_status_words(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with ``status_words``: its Home Office status in the reader's language (for tooltips)."""
    return frame.assign(status_words=[_(status) if isinstance(status, str) else status for status in frame["status"]])


def _pick() -> alt.Parameter:
    return alt.selection_point(name=PICK, fields=["month"], on="click", clear="dblclick")


def incidents_monthly(series: pd.DataFrame, title: str) -> alt.Chart:
    """Dead + missing per month, the selected period in orange, the rest grey.

    Months the data does not cover (``gap``, from :mod:`geo.model.coverage`: a known
    gap, before the data starts, after it ends) are drawn as full-height light
    grey bands with no bar (missing, not zero); the tooltip says why.
    """
    base = alt.Chart(series)
    bars = base.mark_bar().encode(
        x=alt.X("month_date:T", title=None, axis=alt.Axis(format="%Y", tickCount="year")),
        y=alt.Y("dead_missing:Q", title=_("Dead + missing")),
        color=alt.condition("datum.selected", alt.value(HIGHLIGHT), alt.value(MUTED)),
        tooltip=[alt.Tooltip("label:N", title=_("Month")), alt.Tooltip("dead:Q", title=_("Dead")),
                 alt.Tooltip("missing:Q", title=_("Missing")), alt.Tooltip("incidents:Q", title=_("Incidents"))],
    ).add_params(_pick())
    top = float(series["dead_missing"].max()) if series["dead_missing"].notna().any() else 1.0
    gap = base.transform_filter("datum.gap").transform_calculate(top=f"{top}", bottom="0").mark_bar(
        color="#d9d9d9").encode(
        x="month_date:T", y="top:Q", y2="bottom:Q",
        tooltip=[alt.Tooltip("label:N", title=_("No data (not zero)")), alt.Tooltip("why:N", title=_("Why"))])
    return _style(alt.layer(gap, bars), title)


def crossings_monthly(monthly: pd.DataFrame, measure: str, title: str) -> alt.Chart:
    """People, boats or people per boat by month; official and provisional in
    different colours and shapes (bars vs. hatched-looking lighter bars)."""
    label = _(MEASURE_LABELS[measure])
    status = alt.Color("status:N", title=_("Home Office figures"), legend=alt.Legend(labelExpr=status_words()),
                       scale=alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values())))
    tooltip = [alt.Tooltip("label:N", title=_("Month")), alt.Tooltip(f"{measure}:Q", title=label, format=","),
               alt.Tooltip("status_words:N", title=_("Status"))]
    monthly = with_status_words(monthly)
    x = alt.X("month_date:T", title=None, axis=alt.Axis(format="%Y", tickCount="year"))
    if measure == "people_per_boat":
        chart = alt.Chart(monthly).mark_point(filled=True, size=60).encode(
            x=x, y=alt.Y(f"{measure}:Q", title=label), color=status,
            shape=alt.Shape("status:N", title=_("Home Office figures")), tooltip=tooltip)
    else:
        chart = alt.Chart(monthly).mark_bar().encode(
            x=x, y=alt.Y(f"{measure}:Q", title=label), color=status,
            opacity=alt.condition("datum.status == 'provisional'", alt.value(0.75), alt.value(1.0)),
            tooltip=tooltip)
    return _style(chart.add_params(_pick()), title)


def year_on_year(frame: pd.DataFrame, measure: str, title: str) -> alt.Chart:
    """The same calendar months, one line per year (colour and dash by year)."""
    label = _(MEASURE_LABELS[measure])
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    words = dict(zip(months, month_abbreviations()))
    present = [words[m] for m in months if m in set(frame["month_of_year"])]
    frame = with_status_words(frame).assign(month_of_year=frame["month_of_year"].map(words))
    years = sorted(set(frame["year"]))
    palette = (OKABE_ITO * 2)[:len(years)]
    encode = dict(
        x=alt.X("month_of_year:N", sort=present, title=None),
        y=alt.Y(f"{measure}:Q", title=label),
        color=alt.Color("year:N", title=_("Year"), scale=alt.Scale(domain=years, range=palette)),
        tooltip=[alt.Tooltip("label:N", title=_("Month")), alt.Tooltip(f"{measure}:Q", title=label, format=","),
                 alt.Tooltip("status_words:N", title=_("Status"))],
    )
    if len(present) == 1:
        chart = alt.Chart(frame).mark_bar().encode(**{**encode, "x": alt.X("year:N", title=None)})
    else:
        chart = alt.Chart(frame).mark_line(point=True, strokeWidth=3).encode(
            strokeDash=alt.StrokeDash("year:N", legend=None), **encode)
    return _style(chart, title)


def preventions(weekly: pd.DataFrame, title: str) -> alt.Chart:
    colours = ["#0072B2", "#D55E00"]
    chart = alt.Chart(weekly).mark_line(point=True, strokeWidth=2.5).encode(
        x=alt.X("week_ending:T", title=_("Week ending")),
        y=alt.Y("people:Q", title=_("People per week")),
        color=alt.Color("series:N", title=None, scale=alt.Scale(range=colours)),
        strokeDash=alt.StrokeDash("series:N", legend=None),
        tooltip=[alt.Tooltip("week_ending:T", title=_("Week ending")), alt.Tooltip("series:N", title=_("Series")),
                 alt.Tooltip("people:Q", title=_("People"), format=",")])
    return _style(chart, title)


def nationality(frame: pd.DataFrame, title: str) -> alt.Chart:
    order = frame.sort_values("rank")["nationality"].drop_duplicates().tolist()
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("Quarter:N", title=None, axis=alt.Axis(labelAngle=-60)),
        y=alt.Y("people:Q", title=_("People detected")),
        color=alt.Color("nationality:N", title=_("Nationality"), sort=order,
                        scale=alt.Scale(domain=order, range=OKABE_ITO[:len(order)])),
        order=alt.Order("rank:Q"),
        tooltip=[alt.Tooltip("Quarter:N", title=_("Quarter")), alt.Tooltip("nationality:N", title=_("Nationality")),
                 alt.Tooltip("people:Q", title=_("People detected"), format=",")])
    return _style(chart, title)


def picked_period(selection: Mapping | None) -> Period | None:
    """The period spanned by the months picked on a chart, or None.

    >>> picked_period({"selection": {"pick": [{"month": "2024-11"}, {"month": "2024-09"}]}})
    Period(start='2024-09', end='2024-11')
    >>> picked_period({"selection": {"pick": []}}) is None
    True
    """
    if not selection:
        return None
    chosen = (selection.get("selection") or {}).get(PICK) or []
    months = sorted(str(p.get("month")) for p in chosen if isinstance(p, Mapping) and is_month(p.get("month")))
    return Period(months[0], months[-1]) if months else None
