"""``python -m geo update FILE...``: take new publisher files into ``data/``, offline.

Accepted files, told apart by their content: the Home Office small-boats
time-series workbook (ODS or XLSX, sheets SB_01 and SB_02), the IER_02a
official monthly figures as a CSV (month, people, boats), and IOM Missing
Migrants CSVs in the HDX "Global Figures" or website-download layout.

Nothing is written until the whole new data folder, staged in a temporary
folder beside it, passes the shipped schemas; then the two folders are
swapped. Any bad cell stops the update with the file, row, column and value.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pandas as pd

from geo.data import ho_monthly, update_diff
from geo.data.ho_workbook import Edition, is_official_header, is_workbook, read_official, read_workbook
from geo.data.iom_records import IomFile, merge_records, read_iom
from geo.data.schema import DataFileError
from geo.data.upload import detect_layout
from geo.i18n import LANGS, _, use_language
from geo.paths import data_dir as current_data_dir

DAILY = "crossings/ho_small_boats_daily.csv"
WEEKLY = "crossings/ho_small_boats_weekly.csv"
MONTHLY = "crossings/crossings_monthly.csv"
INCIDENTS = "incidents/iom_channel_incidents.csv"
Progress = Callable[[str], None]


class UpdateError(ValueError):
    """An update that cannot go ahead; the message is one line naming the file."""


@dataclass
class Inputs:
    """The new files, read and checked, by kind."""

    editions: list[Edition] = field(default_factory=list)
    official: list[tuple[str, pd.DataFrame]] = field(default_factory=list)
    iom: list[IomFile] = field(default_factory=list)

    def names(self) -> list[dict]:
        return ([{"file": e.file, "kind": "Home Office time-series workbook",
                  "rows": {"SB_01": len(e.daily), "SB_02": len(e.weekly)}} for e in self.editions]
                + [{"file": n, "kind": "Home Office IER_02a official monthly", "rows": len(f)}
                   for n, f in self.official]
                + [{"file": f.file, "kind": f.layout, "rows": len(f.records), "rows_in_file": f.rows_read,
                    "other_routes_skipped": f.other_routes} for f in self.iom])


def kind_of(path: Path) -> str:
    """``workbook``, ``official`` or ``iom``, from the file's content; raises :class:`UpdateError`."""
    if not path.is_file():
        raise UpdateError(_("{path}: file not found").format(path=path))
    if is_workbook(path):
        return "workbook"
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except UnicodeDecodeError:
        header = []
    if is_official_header(header):
        return "official"
    if detect_layout(header).startswith("IOM"):
        return "iom"
    raise UpdateError(_("{name}: cannot tell what this file is; expected the Home Office small-boats workbook "
                        "(.ods), an IER_02a CSV (month, people, boats) or an IOM Missing Migrants CSV (header "
                        "starts: {header!r})").format(name=path.name, header=", ".join(header[:4])))


def read_inputs(paths: list[Path], incident_columns: list[str], progress: Progress) -> Inputs:
    inputs = Inputs()
    for path in paths:
        kind = kind_of(path)
        if kind == "workbook":
            inputs.editions.append(read_workbook(path))
            edition = inputs.editions[-1]
            progress(f"read {path.name}: Home Office workbook, {len(edition.daily):,} days to "
                     f"{edition.daily['date'].iloc[-1]}, {len(edition.weekly):,} weeks")
        elif kind == "official":
            inputs.official.append((path.name, read_official(path)))
            progress(f"read {path.name}: IER_02a, {len(inputs.official[-1][1])} months")
        else:
            inputs.iom.append(read_iom(path, incident_columns))
            progress(f"read {path.name}: {inputs.iom[-1].layout}, {len(inputs.iom[-1].records)} Channel-route "
                     "records")
    inputs.editions.sort(key=lambda e: e.daily["date"].max())
    return inputs


def read_text_table(data_dir: Path, relative: str) -> pd.DataFrame:
    path = data_dir / relative
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise UpdateError(_("{file}: cannot be read ({error}); rebuild data/ before updating").format(
            file=f"{data_dir.name}/{relative}", error=type(err).__name__)) from None


def csv_text(table: pd.DataFrame, line_end: str = "\n") -> str:
    return table.to_csv(index=False, lineterminator=line_end)


def line_end(path: Path) -> str:
    """The line ending a file already uses, so that a rewrite changes only what changed."""
    with open(path, "rb") as handle:
        return "\r\n" if handle.readline().endswith(b"\r\n") else "\n"


@dataclass
class Plan:
    """New file texts (only files that change) and everything the report says."""

    texts: dict[str, str]
    old: dict[str, pd.DataFrame]
    new: dict[str, pd.DataFrame]
    changes: dict[str, update_diff.TableChange]
    inputs: Inputs
    iom_merges: list = field(default_factory=list)


def plan(data_dir: Path, inputs: Inputs) -> Plan:
    """Merge the inputs into the current tables; pure apart from reading ``data_dir``."""
    old = {rel: read_text_table(data_dir, rel) for rel in (DAILY, WEEKLY, MONTHLY, INCIDENTS)}
    new, changes = dict(old), {}
    for edition in inputs.editions:
        _refuse_older(edition, old[DAILY])
        new[DAILY], _ = update_diff.replace_rows(new[DAILY], edition.daily, "date")
        new[WEEKLY], _ = update_diff.replace_rows(new[WEEKLY], edition.weekly, "week_ending")
    official = ho_monthly.official_months(old[MONTHLY])
    for _, figures in inputs.official:
        official = pd.concat([official[~official["month"].isin(figures["month"])], figures]).sort_values("month")
    new[MONTHLY] = ho_monthly.monthly_table(ho_monthly.provisional_months(new[DAILY]), official).astype(str)
    new[MONTHLY] = new[MONTHLY].replace("<NA>", "")
    merges = []
    for iom_file in inputs.iom:
        new[INCIDENTS], merge = merge_records(new[INCIDENTS], iom_file)
        merges.append((iom_file, merge))
    for rel, key in ((DAILY, "date"), (WEEKLY, "week_ending"), (MONTHLY, "month"), (INCIDENTS, "Incident ID")):
        _, changes[rel] = update_diff.replace_rows(old[rel], new[rel], key)
    if inputs.editions:
        newest = inputs.editions[-1]
        changes[DAILY].kept = sorted(set(new[DAILY]["date"]) - set(newest.daily["date"]))
        changes[WEEKLY].kept = sorted(set(new[WEEKLY]["week_ending"]) - set(newest.weekly["week_ending"]))
    changes[INCIDENTS].kept = sorted({k for _, m in merges for k in m.vanished})
    texts = {rel: csv_text(table, line_end(data_dir / rel)) for rel, table in new.items()}
    texts = {rel: text for rel, text in texts.items() if text.encode() != (data_dir / rel).read_bytes()}
    return Plan(texts, old, new, changes, inputs, merges)


def _refuse_older(edition: Edition, daily: pd.DataFrame) -> None:
    last, current = edition.daily["date"].max(), daily["date"].max()
    if last < current:
        raise UpdateError(_("{file}: this edition ends {last}, before the data in use (to {current}); an older "
                            "edition would undo later revisions, so nothing was changed").format(
            file=edition.file, last=last, current=current))


def validate_folder(folder: Path, shown_as: str) -> None:
    """Every table and layer of a data folder against the shipped schemas; raises :class:`UpdateError`.

    Incidents use the shipped schema keyed by record (``Incident ID``), as IOM's records rule says.
    """
    from geo.data import crossings, load
    from geo.data.iom_records import RECORDS

    tables = {**load.TABLES, "incidents": lambda d: load.read_table(load.data_file(INCIDENTS, d), RECORDS)}
    checks = [*tables.values(), crossings.load_daily, crossings.load_weekly, crossings.load_nationality,
              *(partial(load.load_layer, relative) for relative in load.LAYERS.values())]
    for check in checks:
        try:
            check(folder)
        except DataFileError as err:
            raise UpdateError(str(err).replace(str(folder), shown_as)) from None


def stage(data_dir: Path, texts: dict[str, str], parent: Path) -> Path:
    """A full copy of ``data_dir`` with the new files, inside a new temporary folder under ``parent``."""
    holder = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}-update-", dir=parent))
    staged = holder / data_dir.name
    shutil.copytree(data_dir, staged)
    for relative, text in texts.items():
        (staged / relative).write_bytes(text.encode("utf-8"))
    return staged


def swap(staged: Path, data_dir: Path) -> None:
    """Put the staged folder in place of ``data_dir``; on failure the old folder is put back."""
    holder = staged.parent
    previous = holder / "previous"
    os.replace(data_dir, previous)
    try:
        os.replace(staged, data_dir)
    except OSError:
        os.replace(previous, data_dir)
        raise
    shutil.rmtree(holder, ignore_errors=True)


def run(paths: list[Path], data_dir: Path | None = None, retrieved: dt.date | None = None,
        dry_run: bool = False, progress: Progress = lambda message: None) -> dict:
    """Update ``data_dir`` (default: the data folder in use) from ``paths``; returns the report."""
    from geo.data.update_package import updated_package
    from geo.data.update_report import build_report

    data_dir = Path(data_dir or current_data_dir()).resolve()
    retrieved = retrieved or dt.datetime.now(dt.UTC).date()
    if not paths:
        raise UpdateError(_("no files given: name the downloaded workbook, IER_02a CSV or IOM CSV"))
    if not (data_dir / "datapackage.json").is_file():
        raise UpdateError(_("{folder}: not a data folder (no datapackage.json)").format(folder=data_dir))
    old_package = (data_dir / "datapackage.json").read_text(encoding="utf-8")
    columns = list(read_text_table(data_dir, INCIDENTS).columns)
    try:
        inputs = read_inputs(paths, columns, progress)
    except DataFileError as err:
        raise UpdateError(str(err)) from None
    the_plan = plan(data_dir, inputs)
    progress(f"merged: {len(the_plan.texts)} table(s) change")
    report = build_report(the_plan, data_dir, retrieved, dry_run, old_package)
    parent = Path(tempfile.gettempdir()) if dry_run else data_dir.parent
    staged = stage(data_dir, the_plan.texts, parent)
    try:
        package = updated_package(old_package, staged, the_plan, retrieved)
        (staged / "datapackage.json").write_text(package, encoding="utf-8")
        progress("validating the whole new data folder against the shipped schemas")
        validate_folder(staged, data_dir.name)
        if not dry_run and the_plan.texts:
            swap(staged, data_dir)
            progress(f"wrote {data_dir} ({', '.join(sorted(the_plan.texts))}, datapackage.json)")
    finally:
        shutil.rmtree(staged.parent, ignore_errors=True)
    report["written"] = bool(not dry_run and the_plan.texts)
    return report


def add_arguments(parser) -> None:
    """The ``update`` subcommand's arguments (for :mod:`geo.cli`)."""
    parser.add_argument("files", nargs="+", type=Path,
                        help="downloaded files: Home Office workbook (.ods), IER_02a CSV, IOM CSV")
    parser.add_argument("--dry-run", action="store_true", help="print the report, write nothing")
    parser.add_argument("--report", type=Path, default=None,
                        help="JSON report file (default: update-report.json here; none with --dry-run)")
    parser.add_argument("--retrieved", type=dt.date.fromisoformat, default=None,
                        help="date the files were downloaded, YYYY-MM-DD (default: today, UTC)")
    parser.add_argument("--data", type=Path, default=None,
                        help="data folder to update (default: CHANNEL_ROUTES_DATA or data/)")
    parser.add_argument("--lang", type=str.lower, choices=LANGS, default="en",
                        help="language of the printed report and the error line: en, fr or de (the JSON report, "
                             "the progress lines and data/ stay English)")


def command(args) -> int:
    """Run the update; one line on stderr and exit 1 when it cannot go ahead."""
    with use_language(getattr(args, "lang", "en")):
        return _command(args)


def _command(args) -> int:
    import json
    import sys
    import time

    from geo.atomic import write_atomic
    from geo.clierrors import CliError, one_line
    from geo.data.update_report import render_text

    started = time.perf_counter()

    def progress(message: str) -> None:
        print(f"[{time.perf_counter() - started:5.1f} s] {message}", file=sys.stderr, flush=True)

    try:
        report = run(args.files, args.data, args.retrieved, args.dry_run, progress)
        target = args.report or (None if args.dry_run else Path("update-report.json"))
        if target is not None:
            write_atomic(target, (json.dumps(report, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
            progress(f"wrote the JSON report to {target}")
    except (UpdateError, DataFileError, OSError) as err:
        raise CliError(_("{error}; data/ was not changed").format(error=one_line(err))) from err
    print(render_text(report), end="")
    return 0
