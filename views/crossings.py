"""Crossings: Home Office small-boat arrivals by month, year on year, French preventions, nationality."""

import streamlit as st

from geo.data import crossings as hc
from geo.i18n import N_, _, format_day, format_decimal, format_month, format_number, ngettext
from geo.maps import charts
from geo.maps.popups import md_text, text_table
from geo.model import crossings as gc
from geo.model.stats import coverage_sentences, crossings_in, crossings_notes, headline
from geo.model.stats import figures as stats_figures
from ui import cache, url_state, widgets

MEASURES = {"people": N_("People"), "boats": N_("Boats"), "people_per_boat": N_("People per boat")}

period = st.session_state.period
st.title(_("Small-boat crossings · {period}").format(period=period.label))
data = cache.datasets()
widgets.show_data_errors("crossings")
monthly = data.tables.get("crossings")
extra, extra_errors = cache.crossings_extra()
for error in extra_errors.values():
    st.error(_("Cannot use {file}: {error}. The chart that needs it is left out.").format(
        file=md_text(error.file), error=md_text(error)))

if monthly is not None:
    period_headline = headline(monthly, None, period)
    cols = st.columns(4)
    widgets.show_figures(stats_figures(period_headline)[:3], cols[:3])
    cols[3].metric(_("Status"), _(period_headline.crossings_status))
    for note in coverage_sentences(period_headline) + crossings_notes(monthly, period):
        st.caption(_("Note: {note}").format(note=note))

    series = gc.monthly_with_ratio(monthly)
    measure = url_state.url_radio(_("Measure"), MEASURES, param="measure", state_key="c_measure", default="people")

    st.subheader(_("{measure} by month").format(measure=_(MEASURES[measure])))
    event = st.altair_chart(
        charts.crossings_monthly(series, measure, _("{measure} per month: official (blue) and provisional "
                                                    "(orange)").format(measure=_(MEASURES[measure]))),
        on_select="rerun", selection_mode=charts.PICK, key="crossings_chart", width="stretch")
    st.caption(_("Click a month (shift-click another for a range) to set the period for every page; "
                 "double-click clears. Official: Home Office IER_02a. Provisional: sums of the daily "
                 "series (SB_01), revised later."))
    widgets.apply_chart_pick("crossings_chart", charts.picked_period(event), period)
    rows = crossings_in(series, period)
    table = rows[["label", "people", "boats", "people_per_boat", "status", "days_in_data", "days_in_month"]].copy()
    table["people_per_boat"] = table["people_per_boat"].map(lambda v: "–" if v is None or v != v else format_decimal(v))
    table[["people", "boats"]] = table[["people", "boats"]].map(format_number)
    table["status"] = table["status"].map(_)
    with st.expander(ngettext("Table: the {count} month of {period}", "Table: the {count} months of {period}",
                              len(rows)).format(count=format_number(len(rows)), period=period.label)):
        st.table(text_table(table.rename(columns={"label": _("Month"), "people": _("People"), "boats": _("Boats"),
                                       "people_per_boat": _("People per boat"), "status": _("Status"),
                                       "days_in_data": _("Days with data"), "days_in_month": _("Days in month")}
                              ).reset_index(drop=True)))

    st.subheader(_("Year on year"))
    yoy = gc.year_on_year(monthly, period)
    months = sorted({m[5:] for m in period.months[-12:]})
    st.altair_chart(charts.year_on_year(yoy, measure, _("{measure}: the period's calendar months, each year").format(
        measure=_(MEASURES[measure]))), width="stretch")
    totals = yoy.groupby("year").agg(people=("people", "sum"), boats=("boats", "sum"),
                                     months=("month", "size")).reset_index()
    totals["people_per_boat"] = [format_decimal(p / b) if b else "–" for p, b in zip(totals["people"], totals["boats"])]
    totals[["people", "boats"]] = totals[["people", "boats"]].map(format_number)
    st.table(text_table(totals.rename(columns={"year": _("Year"), "people": _("People"), "boats": _("Boats"),
                                    "months": _("Months with data"), "people_per_boat": _("People per boat")})))
    st.caption(_("Calendar months compared: {months}. Picking is not offered on this chart: it compares years, "
                 "not one period.").format(months=", ".join(format_month("2000-" + m, "wide")[:-5] for m in months)))

if "weekly" in extra:
    st.subheader(_("French preventions, weekly"))
    weekly = gc.preventions(extra["weekly"])
    st.altair_chart(charts.preventions(weekly, _("People arriving in the UK and people prevented by France, "
                                                 "per week")), width="stretch")
    st.caption(_("French figures start with the week ending {start}. They are French "
                 "operational estimates supplied to the UK (Home Office SB_02). Weekly figures do not "
                 "follow the month period: picking is not available on this chart.").format(
                     start=format_day(gc.PREVENTIONS_START)))

if "nationality" in extra:
    st.subheader(_("Nationality by quarter"))
    nat = gc.nationality_by_quarter(extra["nationality"])
    st.altair_chart(charts.nationality(nat, _("People detected arriving by small boat, by nationality "
                                              "(2018 Q1 to {end})").format(end=hc.NATIONALITY_END)), width="stretch")
    st.caption(_("Home Office Irregular migration detailed dataset (Irr_D01), which ends at 2023 Q3; later "
                 "quarters are not in the shipped data. The seven largest nationalities overall are shown, "
                 "the rest as 'Other'. Quarters do not follow the month period."))
st.caption(_("Data: UK Home Office, Open Government Licence v3.0."))
