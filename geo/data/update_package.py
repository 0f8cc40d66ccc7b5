"""The data descriptor after an update: hashes, sizes, rows, coverage, retrieval and sources.

Every resource gets its size and SHA-256 from the staged folder; the tables an
update changed also get new coverage dates, retrieval date, processing note
and the names of the publisher files they were read from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

MARK = " Updated by `python -m geo update`"


def file_hash(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def updated_package(old_text: str, staged: Path, plan, retrieved: dt.date) -> str:
    """The new ``datapackage.json`` text for the staged folder (``plan`` is a :class:`geo.data.update.Plan`)."""
    from geo.data.update import DAILY, INCIDENTS, MONTHLY, WEEKLY

    package = json.loads(old_text)
    inputs = plan.inputs
    workbooks = [e.file for e in inputs.editions]
    official = [name for name, _ in inputs.official]
    fed = {DAILY: workbooks, WEEKLY: workbooks, MONTHLY: workbooks + official,
           INCIDENTS: [f.file for f in inputs.iom]}
    for resource in package.get("resources", []):
        path = staged / resource["path"]
        if not path.is_file():
            continue
        resource["bytes"] = path.stat().st_size
        resource["hash"] = file_hash(path)
        relative = resource["path"]
        if relative in plan.texts:
            _describe(resource, relative, plan, fed[relative], retrieved, inputs)
    names = [item["file"] for item in inputs.names()]
    package["updated"] = {"date": retrieved.isoformat(), "by": "python -m geo update", "files": names}
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def _describe(resource: dict, relative: str, plan, files: list[str], retrieved: dt.date, inputs) -> None:
    from geo.data.update import DAILY, INCIDENTS, MONTHLY, WEEKLY

    table = plan.new[relative]
    key = {DAILY: "date", WEEKLY: "week_ending", MONTHLY: "month", INCIDENTS: "Incident Date"}[relative]
    resource["rows"] = len(table)
    resource["temporal"] = {"start": str(table[key].min()), "end": str(table[key].max())}
    resource["retrieved"] = f"{retrieved.isoformat()} ({', '.join(files)})"
    kept = plan.changes[relative].kept
    titles = {DAILY: "table SB_01", WEEKLY: "table SB_02", MONTHLY: "table SB_01 (sums)"}
    new_sources = [{"title": f"{name}, {_what(name, relative, inputs, titles)}, read by `python -m geo update` "
                             f"(retrieved {retrieved.isoformat()})"} for name in files]
    if relative in (DAILY, WEEKLY) and not kept:
        resource["sources"] = new_sources
    else:
        replaced = ("SB_01",) if relative == MONTHLY and inputs.editions else ()
        replaced += ("IER_02a",) if relative == MONTHLY and inputs.official else ()
        old = [s for s in resource.get("sources", []) if not any(word in s.get("title", "") for word in replaced)]
        resource["sources"] = old + [s for s in new_sources if s not in old]
    resource["processing"] = _processing(resource.get("processing", ""), relative, table, files)


def _what(name: str, relative: str, inputs, titles: dict) -> str:
    if any(name == n for n, _ in inputs.official):
        return "Home Office 'Illegal entry routes to the UK', table IER_02a"
    if any(name == f.file for f in inputs.iom):
        return ("IOM Missing Migrants Project, rows with route 'Mainland Europe to the UK' "
                "(or 'English Channel to the UK')")
    return ("Home Office time series 'Migrants detected crossing the English Channel in small boats', "
            f"{titles[relative]}")


def _processing(old: str, relative: str, table, files: list[str]) -> str:
    from geo.data.update import DAILY, MONTHLY, WEEKLY

    names = ", ".join(files)
    if relative == DAILY:
        revised = int((table["notes"].str.strip() == "Revised").sum())
        return (f"Read by `python -m geo update` from the workbook {names}, sheet SB_01; '-' left blank (no data, "
                f"not 0). Provisional; 'Revised' on {revised} days.")
    if relative == WEEKLY:
        with_prevention = table.loc[table["migrants_prevented_france"] != "", "week_ending"]
        start = with_prevention.min() if len(with_prevention) else "none"
        return (f"Read by `python -m geo update` from the workbook {names}, sheet SB_02; '-' left blank. "
                f"Prevention columns start with the week ending {start}.")
    if relative == MONTHLY:
        official = table.loc[table["status"] == "official", "month"]
        last = table.iloc[-1]
        span = f"{official.min()} to {official.max()}" if len(official) else "no month"
        return (f"Built by geo/ho_monthly.py (`python -m geo update`, from {names}): for {span} people and boats "
                "are the official IER_02a values (status 'official'); later months are calendar-month sums of the "
                "provisional daily SB_01 series (status 'provisional'). people_provisional / boats_provisional "
                f"keep the SB_01 sums for every month. {last['month']} holds {last['days_in_data']} of "
                f"{last['days_in_month']} days.")
    base = old.split(MARK)[0].rstrip()
    return (f"{base}{MARK} from {names}: records keyed by Incident ID and grouped by Main ID, newer values win, "
            "records absent from a newer file kept; year_month, totals, coordinates and derived_setting "
            "recomputed.")
