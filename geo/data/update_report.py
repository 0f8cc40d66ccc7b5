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
from geo.data.update_diff import date_gaps, new_gaps

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

    return {"Home Office daily (SB_01, provisional)": [old[DAILY]["date"].max(), new[DAILY]["date"].max()],
            "Home Office weekly (SB_02)": [old[WEEKLY]["week_ending"].max(), new[WEEKLY]["week_ending"].max()],
            "Home Office official monthly (IER_02a)": [official(old[MONTHLY]), official(new[MONTHLY])],
            "IOM Missing Migrants Project": [old[INCIDENTS]["Incident Date"].max(),
                                             new[INCIDENTS]["Incident Date"].max()]}


def _incident_counts(old, new, merges) -> dict:
    added = [k for _, m in merges for k in m.added]
    groups = new[new["Incident ID"].isin(added)].groupby("Main ID")["Incident ID"].apply(list).to_dict()
    return {"records": [len(old), len(new)], "incidents_by_main_id": [old["Main ID"].nunique(),
                                                                      new["Main ID"].nunique()],
            "added_records_by_incident": groups,
            "kept_outside_new_file_dates": sum(m.kept_outside for _, m in merges),
            "joined_rows_split": {k: v for _, m in merges for k, v in m.split.items()}}


def _warnings(plan, months: list[dict], iom_months: list[dict], package: dict) -> list[str]:
    from geo.data.update import DAILY, INCIDENTS, WEEKLY

    old, new, changes = plan.old, plan.new, plan.changes
    out = update_diff.fell(months, "people") + update_diff.fell(months, "boats")
    out += [f"IOM {w}" for w in update_diff.fell(iom_months, "dead_and_missing")]
    for rel, unit in ((DAILY, "day"), (WEEKLY, "week")):
        if changes[rel].kept:
            kept = changes[rel].kept
            out.append(f"{len(kept)} {unit}(s) in {rel} are not in the newest workbook and were kept: {_few(kept)}")
    for file, merge in plan.iom_merges:
        for key in merge.vanished:
            row = new[INCIDENTS].loc[new[INCIDENTS]["Incident ID"] == key].iloc[0]
            out.append(f"IOM record {key} (incident {row['Main ID']}, {row['Incident Date']}) is not in "
                       f"{file.file} although it lies within that file's dates: kept, check it with IOM")
        out += [f"IOM row {key} held several records; {file.file} has them as separate records "
                f"({', '.join(parts)}): the joined row was replaced by them" for key, parts in merge.split.items()]
    gaps = [(DAILY, "date", 1, 1, "days"), (WEEKLY, "week_ending", 7, 7, "weeks"),
            (INCIDENTS, "Incident Date", 1, update_diff.IOM_GAP_DAYS, "IOM records")]
    for rel, key, step, least, what in gaps:
        for first, last in new_gaps(date_gaps(list(old[rel][key]), step, least),
                                    date_gaps(list(new[rel][key]), step, least)):
            out.append(f"new gap: no {what} from {first} to {last} (no data, not zero)")
    out += _known_gap_notes(package, new[INCIDENTS], changes[INCIDENTS].added)
    return out


def _known_gap_notes(package: dict, incidents, added: list[str]) -> list[str]:
    from geo.data.update import INCIDENTS

    notes = []
    for resource in package.get("resources", []):
        if resource.get("path") != INCIDENTS:
            continue
        for gap in resource.get("known_gaps", []):
            inside = incidents[incidents["Incident ID"].isin(added)
                               & incidents["Incident Date"].between(gap["start"], gap["end"])]
            if len(inside):
                notes.append(f"{len(inside)} new IOM record(s) fall in the known gap {gap['start']} to {gap['end']}: "
                             "edit known_gaps in datapackage.json")
    return notes


def _few(keys: list[str], limit: int = 6) -> str:
    return ", ".join(keys[:limit]) + (f" and {len(keys) - limit} more" if len(keys) > limit else "")


def _span(keys: list[str]) -> str:
    if not keys:
        return "none"
    return f"{len(keys):,} ({keys[0]} to {keys[-1]})" if len(keys) > 1 else keys[0]


def render_text(report: dict) -> str:
    """The plain-text summary of a report."""
    verb = "would change" if report["dry_run"] else "changed"
    lines = [f"Update of {report['data_dir']} (retrieved {report['retrieved']})"
             + ("; dry run, nothing written" if report["dry_run"] else "")]
    lines += [f"  input: {i['file']} — {i['kind']}" for i in report["inputs"]]
    lines += ["", f"{'table':44} {'added':>7} {'revised':>8} {'unchanged':>10} {'kept*':>6}"]
    for rel, table in report["tables"].items():
        lines.append(f"{rel:44} {table['added']:>7,} {table['revised']:>8,} {table['unchanged']:>10,} "
                     f"{table['kept_absent_from_new_source']:>6,}")
    lines.append("  * kept: in data/ but absent from the new source; kept, never deleted")
    for rel, table in report["tables"].items():
        if table["added"] or table["revised"]:
            lines.append(f"{rel}: added {_span(table['added_keys'])}")
            for key, cells in list(table["revisions"].items())[:SHOWN]:
                shown = "; ".join(f"{c} {a or '(blank)'} → {b or '(blank)'}" for c, (a, b) in cells.items())
                lines.append(f"  revised {key}: {shown}")
            if len(table["revisions"]) > SHOWN:
                lines.append(f"  … and {len(table['revisions']) - SHOWN} more revisions (see the JSON report)")
    lines += _month_lines(report["months_changed"])
    lines += ["", "As of (old → new):"]
    lines += [f"  {name}: {a} → {b}" for name, (a, b) in report["as_of"].items()]
    lines += ["", f"Files {verb}: {', '.join(report['files_changed']) or 'none'}"]
    lines += ["", "Warnings:" if report["warnings"] else "Warnings: none"]
    lines += [f"  - {w}" for w in report["warnings"]]
    return "\n".join(lines) + "\n"


def _month_lines(months: dict) -> list[str]:
    lines = []
    if months["crossings"]:
        lines += ["", "Crossings months whose figures or status changed (old → new):"]
        for m in months["crossings"]:
            status = m["status"][1] if m["status"][0] == m["status"][1] else f"{m['status'][0]} → {m['status'][1]}"
            lines.append(f"  {m['month']}: people {_n(m['people'][0])} → {_n(m['people'][1])}, boats "
                         f"{_n(m['boats'][0])} → {_n(m['boats'][1])} ({status})")
    if months["incidents"]:
        lines += ["", "IOM months whose dead + missing or incidents changed (old → new):"]
        lines += [f"  {m['month']}: dead + missing {_n(m['dead_and_missing'][0])} → {_n(m['dead_and_missing'][1])}, "
                  f"incidents {_n(m['incidents'][0])} → {_n(m['incidents'][1])}" for m in months["incidents"]]
    return lines


def _n(value) -> str:
    return "none" if value is None else f"{value:,}"
