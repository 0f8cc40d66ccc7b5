"""The update report: a JSON-ready dict and its plain-text summary.

Rows added / revised / unchanged per table, months whose totals changed
(old -> new), the "as of" dates before and after, and warnings: a month that
fell, a record or day that vanished from the newer source, a new gap.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from geo.data import update_diff
from geo.data.schema import Reason, reason_text
from geo.data.update_diff import date_gaps, new_gaps
from geo.i18n import N_, N_plural, _, format_number, ngettext

SHOWN = 12  # revisions listed in the text summary per table (the JSON has them all)


def build_report(plan, data_dir: Path, retrieved: dt.date, dry_run: bool, package_text: str) -> dict:
    """Everything the update did or would do (``plan`` is a :class:`geo.data.update.Plan`)."""
    from geo.data.update import DAILY, INCIDENTS, MONTHLY, WEEKLY

    old, new = plan.old, plan.new
    months = update_diff.monthly_changes(old[MONTHLY], new[MONTHLY])
    iom_months = update_diff.iom_month_changes(old[INCIDENTS], new[INCIDENTS])
    report = {
        "data_dir": str(data_dir), "dry_run": dry_run, "retrieved": retrieved.isoformat(),
        "inputs": plan.inputs.names(),
        "tables": {rel: plan.changes[rel].as_json() for rel in (DAILY, WEEKLY, MONTHLY, INCIDENTS)},
        "files_changed": sorted(plan.texts),
        "months_changed": {"crossings": months, "incidents": iom_months},
        "as_of": _as_of(old, new),
        "incidents": _incident_counts(old[INCIDENTS], new[INCIDENTS], plan.iom_merges),
    }
    report["warnings"] = _warnings(plan, months, iom_months, json.loads(package_text))
    return report


def _as_of(old: dict, new: dict) -> dict[str, list]:
    from geo.data.update import DAILY, INCIDENTS, MONTHLY, WEEKLY

    def official(table):
        rows = table.loc[table["status"] == "official", "month"]
        return rows.max() if len(rows) else None

    return {N_("Home Office daily (SB_01, provisional)"): [old[DAILY]["date"].max(), new[DAILY]["date"].max()],
            N_("Home Office weekly (SB_02)"): [old[WEEKLY]["week_ending"].max(), new[WEEKLY]["week_ending"].max()],
            N_("Home Office official monthly (IER_02a)"): [official(old[MONTHLY]), official(new[MONTHLY])],
            N_("IOM Missing Migrants Project"): [old[INCIDENTS]["Incident Date"].max(),
                                             new[INCIDENTS]["Incident Date"].max()]}


def _incident_counts(old, new, merges) -> dict:
    added = [k for _, m in merges for k in m.added]
    groups = new[new["Incident ID"].isin(added)].groupby("Main ID")["Incident ID"].apply(list).to_dict()
    return {"records": [len(old), len(new)], "incidents_by_main_id": [old["Main ID"].nunique(),
                                                                      new["Main ID"].nunique()],
            "added_records_by_incident": groups,
            "kept_outside_new_file_dates": sum(m.kept_outside for _, m in merges),
            "joined_rows_split": {k: v for _, m in merges for k, v in m.split.items()}}


def _warnings(plan, months: list[dict], iom_months: list[dict], package: dict) -> list[Reason]:
    from geo.data.update import DAILY, INCIDENTS, WEEKLY

    old, new, changes = plan.old, plan.new, plan.changes
    out = update_diff.fell(months, "people") + update_diff.fell(months, "boats")
    out += [Reason(N_("IOM {warning}"), warning=w) for w in update_diff.fell(iom_months, "dead_and_missing")]
    kept_words = {DAILY: N_plural("{count} day in {table} is not in the newest workbook and was kept: {keys}",
                                  "{count} days in {table} are not in the newest workbook and were kept: {keys}"),
                  WEEKLY: N_plural("{count} week in {table} is not in the newest workbook and was kept: {keys}",
                                   "{count} weeks in {table} are not in the newest workbook and were kept: {keys}")}
    for rel, template in kept_words.items():
        if changes[rel].kept:
            kept = changes[rel].kept
            out.append(Reason(template, count=len(kept), table=rel, keys=_few(kept)))
    for file, merge in plan.iom_merges:
        for key in merge.vanished:
            row = new[INCIDENTS].loc[new[INCIDENTS]["Incident ID"] == key].iloc[0]
            out.append(Reason(N_("IOM record {key} (incident {incident}, {date}) is not in {file} although it lies "
                                 "within that file's dates: kept, check it with IOM"),
                              key=key, incident=row["Main ID"], date=row["Incident Date"], file=file.file))
        out += [Reason(N_("IOM row {key} held several records; {file} has them as separate records ({parts}): "
                          "the joined row was replaced by them"), key=key, file=file.file, parts=", ".join(parts))
                for key, parts in merge.split.items()]
    gaps = [(DAILY, "date", 1, 1, N_("days")), (WEEKLY, "week_ending", 7, 7, N_("weeks")),
            (INCIDENTS, "Incident Date", 1, update_diff.IOM_GAP_DAYS, N_("IOM records"))]
    for rel, key, step, least, what in gaps:
        for first, last in new_gaps(date_gaps(list(old[rel][key]), step, least),
                                    date_gaps(list(new[rel][key]), step, least)):
            out.append(Reason(N_("new gap: no {what} from {first} to {last} (no data, not zero)"),
                              what=Reason(what), first=str(first), last=str(last)))
    out += _known_gap_notes(package, new[INCIDENTS], changes[INCIDENTS].added)
    return out


def _known_gap_notes(package: dict, incidents, added: list[str]) -> list[Reason]:
    from geo.data.update import INCIDENTS

    notes = []
    for resource in package.get("resources", []):
        if resource.get("path") != INCIDENTS:
            continue
        for gap in resource.get("known_gaps", []):
            inside = incidents[incidents["Incident ID"].isin(added)
                               & incidents["Incident Date"].between(gap["start"], gap["end"])]
            if len(inside):
                notes.append(Reason(N_plural("{count} new IOM record falls in the known gap {start} to {end}: "
                                             "edit known_gaps in datapackage.json",
                                             "{count} new IOM records fall in the known gap {start} to {end}: "
                                             "edit known_gaps in datapackage.json"),
                                    count=len(inside), start=gap["start"], end=gap["end"]))
    return notes


def _few(keys: list[str], limit: int = 6) -> str | Reason:
    if len(keys) <= limit:
        return ", ".join(keys)
    return Reason(N_plural("{keys} and {count} more", "{keys} and {count} more"), keys=", ".join(keys[:limit]),
                  count=len(keys) - limit)


def _span(keys: list[str]) -> str:
    if not keys:
        return _("none")
    return _("{count} ({first} to {last})").format(count=format_number(len(keys)), first=keys[0],
                                                    last=keys[-1]) if len(keys) > 1 else keys[0]


def render_text(report: dict) -> str:
    """The plain-text summary of a report, in the reader's language (the JSON report stays English)."""
    lines = [_("Update of {folder} (retrieved {day})").format(folder=report["data_dir"], day=report["retrieved"])
             + (_("; dry run, nothing written") if report["dry_run"] else "")]
    lines += ["  " + _("input: {file} — {kind}").format(file=i["file"], kind=i["kind"]) for i in report["inputs"]]
    words = (_("table"), _("added"), _("revised"), _("unchanged"), _("kept*"))
    lines += ["", f"{words[0]:44} " + " ".join(f"{word:>10}" for word in words[1:])]
    for rel, table in report["tables"].items():
        counts = (table["added"], table["revised"], table["unchanged"], table["kept_absent_from_new_source"])
        lines.append(f"{rel:44} " + " ".join(f"{format_number(count):>10}" for count in counts))
    lines.append("  " + _("* kept: in data/ but absent from the new source; kept, never deleted"))
    for rel, table in report["tables"].items():
        if table["added"] or table["revised"]:
            lines.append(_("{table}: added {keys}").format(table=rel, keys=_span(table["added_keys"])))
            for key, cells in list(table["revisions"].items())[:SHOWN]:
                blank = _("(blank)")
                shown = "; ".join(f"{c} {a or blank} → {b or blank}" for c, (a, b) in cells.items())
                lines.append("  " + _("revised {key}: {cells}").format(key=key, cells=shown))
            if len(table["revisions"]) > SHOWN:
                hidden = len(table["revisions"]) - SHOWN
                lines.append("  " + ngettext("… and {count} more revision (see the JSON report)",
                                             "… and {count} more revisions (see the JSON report)", hidden).format(
                    count=format_number(hidden)))
    lines += _month_lines(report["months_changed"])
    lines += ["", _("As of (old → new):")]
    lines += [f"  {_(name)}: {a} → {b}" for name, (a, b) in report["as_of"].items()]
    files = ", ".join(report["files_changed"]) or _("none")
    lines += ["", (_("Files that would change: {files}") if report["dry_run"] else _("Files changed: {files}"))
              .format(files=files)]
    lines += ["", _("Warnings:") if report["warnings"] else _("Warnings: none")]
    lines += [f"  - {reason_text(w)}" for w in report["warnings"]]
    return "\n".join(lines) + "\n"


def _month_lines(months: dict) -> list[str]:
    lines = []
    if months["crossings"]:
        lines += ["", _("Crossings months whose figures or status changed (old → new):")]
        for m in months["crossings"]:
            before, after = m["status"]
            old, new = _(before), _(after)
            lines.append("  " + _("{month}: people {old_people} → {new_people}, boats {old_boats} → {new_boats} "
                                  "({status})").format(
                month=m["month"], old_people=_n(m["people"][0]), new_people=_n(m["people"][1]),
                old_boats=_n(m["boats"][0]), new_boats=_n(m["boats"][1]),
                status=new if old == new else f"{old} → {new}"))
    if months["incidents"]:
        lines += ["", _("IOM months whose dead + missing or incidents changed (old → new):")]
        lines += ["  " + _("{month}: dead + missing {old_dead} → {new_dead}, incidents {old_incidents} → "
                           "{new_incidents}").format(
            month=m["month"], old_dead=_n(m["dead_and_missing"][0]), new_dead=_n(m["dead_and_missing"][1]),
            old_incidents=_n(m["incidents"][0]), new_incidents=_n(m["incidents"][1])) for m in months["incidents"]]
    return lines


def _n(value) -> str:
    return _("none") if value is None else format_number(value)
