"""Crossings: Home Office small-boat arrivals by month, year on year, French preventions, nationality."""

import streamlit as st

import edge
from geo.data import crossings as hc
from geo.maps import charts
from geo.maps.popups import md_text, text_table
from geo.model import crossings as gc
from geo.model.period import month_label
from geo.model.stats import coverage_sentences, crossings_in, crossings_notes, headline
from geo.model.stats import figures as stats_figures

period = st.session_state.period
st.title(f"Small-boat crossings · {period.label}")
data = edge.datasets()
edge.show_data_errors("crossings")
monthly = data.tables.get("crossings")
extra, extra_errors = edge.crossings_extra()
for error in extra_errors.values():
    st.error(f"Cannot use {md_text(error.file)}: {md_text(error)}. The chart that needs it is left out.")

if monthly is not None:
    period_headline = headline(monthly, None, period)
    cols = st.columns(4)
    edge.show_figures(stats_figures(period_headline)[:3], cols[:3])
    cols[3].metric("Status", period_headline.crossings_status)
    for note in coverage_sentences(period_headline) + crossings_notes(monthly, period):
        st.caption(f"Note: {note}")

    series = gc.monthly_with_ratio(monthly)
    measures = {"people": "People", "boats": "Boats", "people_per_boat": "People per boat"}
    if "c_measure" not in st.session_state:
        wanted = st.query_params.get("measure", "people")
        st.session_state.c_measure = wanted if wanted in measures else "people"
    measure = st.radio("Measure", list(measures), key="c_measure", format_func=measures.get, horizontal=True)
    edge.sync_query({} if measure == "people" else {"measure": measure}, ("measure",))

    st.subheader(f"{measures[measure]} by month")
    event = st.altair_chart(
        charts.crossings_monthly(series, measure, f"{measures[measure]} per month: official (blue) and "
                                                  "provisional (orange)"),
        on_select="rerun", selection_mode=charts.PICK, key="crossings_chart", width="stretch")
    st.caption("Click a month (shift-click another for a range) to set the period for every page; "
               "double-click clears. Official: Home Office IER_02a. Provisional: sums of the daily "
               "series (SB_01), revised later.")
    edge.apply_chart_pick("crossings_chart", charts.picked_period(event), period)
    rows = crossings_in(series, period)
    table = rows[["label", "people", "boats", "people_per_boat", "status", "days_in_data", "days_in_month"]].copy()
    table["people_per_boat"] = table["people_per_boat"].map(lambda v: "–" if v is None or v != v else f"{v:.1f}")
    table[["people", "boats"]] = table[["people", "boats"]].map(lambda v: f"{v:,}")
    with st.expander(f"Table: the {len(rows)} month(s) of {period.label}"):
        st.table(text_table(table.rename(columns={"label": "Month", "people": "People", "boats": "Boats",
                                       "people_per_boat": "People per boat", "status": "Status",
                                       "days_in_data": "Days with data", "days_in_month": "Days in month"}
                              ).reset_index(drop=True)))

    st.subheader("Year on year")
    yoy = gc.year_on_year(monthly, period)
    months = sorted({m[5:] for m in period.months[-12:]})
    st.altair_chart(charts.year_on_year(yoy, measure, f"{measures[measure]}: the period's calendar months, "
                                                      "each year"), width="stretch")
    totals = yoy.groupby("year").agg(people=("people", "sum"), boats=("boats", "sum"),
                                     months=("month", "size")).reset_index()
    totals["people_per_boat"] = [f"{p / b:.1f}" if b else "–" for p, b in zip(totals["people"], totals["boats"])]
    totals[["people", "boats"]] = totals[["people", "boats"]].map(lambda v: f"{v:,}")
    st.table(text_table(totals.rename(columns={"year": "Year", "people": "People", "boats": "Boats",
                                    "months": "Months with data", "people_per_boat": "People per boat"})))
    st.caption(f"Calendar months compared: {', '.join(month_label('2000-' + m)[:3] for m in months)}. "
               "Picking is not offered on this chart: it compares years, not one period.")

if "weekly" in extra:
    st.subheader("French preventions, weekly")
    weekly = gc.preventions(extra["weekly"])
    st.altair_chart(charts.preventions(weekly, "People arriving in the UK and people prevented by France, "
                                               "per week"), width="stretch")
    st.caption(f"French figures start with the week ending {gc.PREVENTIONS_START}. They are French "
               "operational estimates supplied to the UK (Home Office SB_02). Weekly figures do not "
               "follow the month period: picking is not available on this chart.")

if "nationality" in extra:
    st.subheader("Nationality by quarter")
    nat = gc.nationality_by_quarter(extra["nationality"])
    st.altair_chart(charts.nationality(nat, "People detected arriving by small boat, by nationality "
                                            f"(2018 Q1 to {hc.NATIONALITY_END})"), width="stretch")
    st.caption("Home Office Irregular migration detailed dataset (Irr_D01), which ends at 2023 Q3; later "
               "quarters are not in the shipped data. The seven largest nationalities overall are shown, "
               "the rest as 'Other'. Quarters do not follow the month period.")
st.caption("Data: UK Home Office, Open Government Licence v3.0.")
