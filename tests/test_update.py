"""`python -m geo update`: real Home Office workbooks, IOM records, and nothing changed on bad input."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from geo import cli
from geo.data import ho_monthly
from geo.data.ho_workbook import read_workbook
from geo.data.update import DAILY, INCIDENTS, MONTHLY, WEEKLY, UpdateError, csv_text, run
from tests import builders
from tests.builders import SHIPPED, edited_workbook, ods_number, ods_text

DEC = "small_boats_time_series_12_December_2025.ods"
JUN, JUL, AUG = (f"small_boats_time_series_as_of_2026-{d}.ods" for d in ("06-18", "07-28", "08-21"))
RETRIEVED = dt.date(2026, 8, 21)


@pytest.fixture(scope="module")
def raw() -> Path:
    folder = builders.shared_raw()
    if folder is None:
        if os.environ.get("CI") == "true":
            pytest.fail("../shared/data/raw/home_office is missing beside the clone")
        pytest.skip("the real Home Office workbooks (../shared/data/raw/home_office) are not here")
    return folder


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def data_as_of(tmp_path: Path, workbook: Path, official_until: str) -> Path:
    """A copy of data/ whose daily, weekly and monthly tables are those of an older workbook."""
    data = builders.copy_of_data(tmp_path / "data")
    edition = read_workbook(workbook)
    (data / DAILY).write_bytes(csv_text(edition.daily, "\r\n").encode())
    (data / WEEKLY).write_bytes(csv_text(edition.weekly, "\r\n").encode())
    shipped = pd.read_csv(SHIPPED / MONTHLY, dtype=str, keep_default_na=False)
    official = ho_monthly.official_months(shipped)
    monthly = ho_monthly.monthly_table(ho_monthly.provisional_months(edition.daily),
                                       official[official["month"] <= official_until])
    (data / MONTHLY).write_text(csv_text(monthly), encoding="utf-8")
    return data


def official_csv(tmp_path: Path, rows: pd.DataFrame) -> Path:
    path = tmp_path / "ier_02a.csv"
    rows.rename(columns={"people": "people_arrived", "boats": "boats_arrived"}).to_csv(path, index=False)
    return path


def test_dec_2025_to_aug_2026_reproduces_the_shipped_tables_byte_for_byte(raw, tmp_path):
    data = data_as_of(tmp_path, raw / DEC, official_until="2025-09")
    shipped_monthly = pd.read_csv(SHIPPED / MONTHLY, dtype=str, keep_default_na=False)
    ier = official_csv(tmp_path, ho_monthly.official_months(shipped_monthly))
    report = run([raw / AUG, ier], data, RETRIEVED)
    for relative in (DAILY, WEEKLY, MONTHLY):
        assert (data / relative).read_bytes() == (SHIPPED / relative).read_bytes(), relative
    daily = report["tables"][DAILY]
    assert (daily["added"], daily["revised"], daily["unchanged"]) == (252, 0, 2902)
    assert daily["added_keys"][0] == "2025-12-12" and daily["added_keys"][-1] == "2026-08-20"
    assert report["as_of"]["Home Office daily (SB_01, provisional)"] == ["2025-12-11", "2026-08-20"]
    assert report["as_of"]["Home Office official monthly (IER_02a)"] == ["2025-09", "2026-06"]
    official_now = {m["month"]: m["status"] for m in report["months_changed"]["crossings"]}
    assert official_now["2025-10"] == ["provisional", "official"]
    assert report["written"] and report["warnings"] == []


def test_the_descriptor_gets_hashes_coverage_retrieval_and_file_names(raw, tmp_path):
    data = data_as_of(tmp_path, raw / DEC, official_until="2025-09")
    run([raw / AUG], data, RETRIEVED)
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    for path, resource in resources.items():
        body = (data / path).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(body).hexdigest(), path
        assert resource["bytes"] == len(body), path
    daily = resources[DAILY]
    assert daily["temporal"] == {"start": "2018-01-01", "end": "2026-08-20"} and daily["rows"] == 3154
    assert daily["retrieved"] == f"2026-08-21 ({AUG})"
    assert [s["title"].split(",")[0] for s in daily["sources"]] == [AUG]
    assert package["updated"] == {"date": "2026-08-21", "by": "python -m geo update", "files": [AUG]}
    assert "2026-08 holds 20 of 31 days" in resources[MONTHLY]["processing"]


def direct_comparison(old: Path, new: Path, sheet: str) -> tuple[set, set]:
    """Days (or weeks) added and revised, read straight from the two workbooks with pandas."""
    def read(path):
        frame = pd.read_excel(path, sheet_name=sheet, engine="calamine", dtype=str).fillna("")
        return {str(row[0])[:10]: tuple(row[1:]) for row in frame.itertuples(index=False)}

    before, after = read(old), read(new)
    return set(after) - set(before), {d for d in set(after) & set(before) if after[d] != before[d]}


def test_jun_to_jul_2026_reports_what_a_direct_comparison_shows(raw, tmp_path):
    data = data_as_of(tmp_path, raw / JUN, official_until="2026-03")
    report = run([raw / JUL], data, RETRIEVED, dry_run=True)
    for relative, sheet in ((DAILY, "SB_01"), (WEEKLY, "SB_02")):
        added, revised = direct_comparison(raw / JUN, raw / JUL, sheet)
        table = report["tables"][relative]
        assert set(table["added_keys"]) == added and set(table["revisions"]) == revised
    assert len(report["tables"][DAILY]["added_keys"]) == 42  # 2026-06-12 to 2026-07-23
    assert report["as_of"]["Home Office daily (SB_01, provisional)"] == ["2026-06-11", "2026-07-23"]


def test_a_revised_day_is_listed_and_its_month_changes(raw, tmp_path):
    data = builders.copy_of_data(tmp_path / "data")
    revised = edited_workbook(raw / AUG, tmp_path / "revised.ods", "SB_01", "2026-08-17", ods_number(240))
    report = run([revised], data, RETRIEVED)
    assert report["tables"][DAILY]["revisions"] == {"2026-08-17": {"migrants_arrived": ["250", "240"]}}
    assert report["months_changed"]["crossings"] == [
        {"month": "2026-08", "people": [1697, 1687], "boats": [20, 20], "status": ["provisional", "provisional"]}]
    assert "2026-08: people fell from 1,697 to 1,687" in report["warnings"]
    assert "2026-08-17,240,3,0," in (data / DAILY).read_text(encoding="utf-8")


def text_cell(raw: Path, tmp_path: Path) -> Path:
    return edited_workbook(raw / AUG, tmp_path / "text.ods", "SB_01", "2026-08-17", ods_text("about 250"))


def missing_sheet(raw: Path, tmp_path: Path) -> Path:
    return edited_workbook(raw / AUG, tmp_path / "nosheet.ods", "SB_02", "", drop_sheet=True)


def truncated(raw: Path, tmp_path: Path) -> Path:
    body = (raw / AUG).read_bytes()
    (tmp_path / "cut.ods").write_bytes(body[: len(body) // 2])
    return tmp_path / "cut.ods"


SHEET_ROW = (dt.date(2026, 8, 17) - dt.date(2018, 1, 1)).days + 2  # header in row 1, 2018-01-01 in row 2


@pytest.mark.parametrize("damage, message", [
    (text_cell, f"text.ods, sheet SB_01, row {SHEET_ROW}, column 'Migrants arrived': is not a number (int) "
                "(value: 'about 250')"),
    (missing_sheet, "nosheet.ods: has no sheet 'SB_02'"),
    (truncated, "cut.ods: cannot be read as a spreadsheet, the file may be truncated or damaged"),
])
def test_a_damaged_workbook_changes_nothing_and_names_the_problem(raw, tmp_path, capsys, damage, message):
    data = builders.copy_of_data(tmp_path / "data")
    before = snapshot(data)
    workbook = damage(raw, tmp_path)
    code = cli.main(["update", str(workbook), "--data", str(data), "--report", str(tmp_path / "r.json")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and err[-1].startswith("python -m geo update: error: ") and message in err[-1]
    assert "Traceback" not in "\n".join(err)
    assert snapshot(data) == before and not (tmp_path / "r.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".data-update")) == []


def test_an_older_edition_is_refused(raw, tmp_path):
    data = builders.copy_of_data(tmp_path / "data")
    before = snapshot(data)
    with pytest.raises(UpdateError, match="ends 2025-12-11, before the data in use"):
        run([raw / DEC], data, RETRIEVED)
    assert snapshot(data) == before


def test_dry_run_prints_the_report_and_writes_nothing(raw, tmp_path, capsys, monkeypatch):
    data = data_as_of(tmp_path, raw / JUL, official_until="2026-03")
    before = snapshot(data)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["update", str(raw / AUG), "--data", str(data), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "dry run, nothing written" in out and "crossings/ho_small_boats_daily.csv" in out
    assert "added 28 (2026-07-24 to 2026-08-20)" in out
    assert snapshot(data) == before and not (tmp_path / "update-report.json").exists()


def test_the_data_folder_follows_channel_routes_data(raw, tmp_path, monkeypatch):
    data = data_as_of(tmp_path, raw / JUL, official_until="2026-03")
    monkeypatch.setenv("CHANNEL_ROUTES_DATA", str(data))
    report = run([raw / AUG], retrieved=RETRIEVED)
    assert report["data_dir"] == str(data.resolve())
    assert (data / DAILY).read_bytes() == (SHIPPED / DAILY).read_bytes()


def test_official_figures_make_a_provisional_month_official(tmp_path):
    data = builders.copy_of_data(tmp_path / "data")
    ier = official_csv(tmp_path, pd.DataFrame({"month": ["2026-07"], "people": [2400], "boats": [35]}))
    report = run([ier], data, RETRIEVED)
    assert report["months_changed"]["crossings"] == [
        {"month": "2026-07", "people": [2316, 2400], "boats": [32, 35], "status": ["provisional", "official"]}]
    assert "2026-07,2400,35,official,2316,32,31,31" in (data / MONTHLY).read_text(encoding="utf-8")
    assert report["files_changed"] == [MONTHLY]


def test_a_file_of_unknown_kind_is_named(tmp_path):
    data = builders.copy_of_data(tmp_path / "data")
    odd = tmp_path / "notes.csv"
    odd.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(UpdateError, match="notes.csv: cannot tell what this file is"):
        run([odd], data, RETRIEVED)


# --- IOM records ------------------------------------------------------------------------------------

def shipped_iom_rows(since: str) -> list[dict]:
    table = pd.read_csv(SHIPPED / INCIDENTS, dtype=str, keep_default_na=False)
    keep = table[table["Incident Date"] >= since].drop(columns=["year_month", "derived_setting", "record_source"])
    return keep.to_dict("records")


def test_iom_update_keys_records_groups_incidents_and_keeps_a_vanished_record(tmp_path):
    data = builders.copy_of_data(tmp_path / "data")
    rows = [r for r in shipped_iom_rows("2026-01-01") if r["Main ID"] != "2026.MMP0118"]  # vanishes
    for row in rows:
        if row["Main ID"] == "2026.MMP0160":
            row["Number of Dead"] = "5"
    template = dict(rows[-1], **{"Main ID": "2026.MMP0300", "Incident Date": "2026-06-02",
                                 "Location of Incident": "Off the beach of Wissant, France",
                                 "Cause of Death": "Drowning", "Coordinates": "50.887, 1.662",
                                 "Latitude": "", "Longitude": ""})
    rows += [dict(template, **{"Incident ID": "2026.MMP0300101", "Number of Dead": "2"}),
             dict(template, **{"Incident ID": "2026.MMP0300102", "Number of Dead": "1"}),
             dict(template, **{"Incident ID": "2026.MMP0301", "Migration Route": "Western Balkans"})]
    new = tmp_path / "iom.csv"
    new.write_bytes(builders.iom_records_csv(rows))
    report = run([new], data, RETRIEVED)
    table = report["tables"][INCIDENTS]
    assert table["added_keys"] == ["2026.MMP0300101", "2026.MMP0300102"]
    assert table["revisions"]["2026.MMP0160"]["Number of Dead"] == ["4", "5"]
    assert table["revisions"]["2026.MMP0160"]["Total Number of Dead and Missing"] == ["4", "5"]
    assert report["incidents"]["added_records_by_incident"] == {"2026.MMP0300": ["2026.MMP0300101",
                                                                                 "2026.MMP0300102"]}
    assert report["incidents"]["records"] == [220, 222]
    assert report["incidents"]["incidents_by_main_id"] == [220, 221]
    assert table["kept_keys"] == ["2026.MMP0118"]
    assert any("2026.MMP0118" in w and "kept" in w for w in report["warnings"])
    assert report["months_changed"]["incidents"][-1] == {"month": "2026-06", "dead_and_missing": [None, 3],
                                                         "incidents": [None, 1]}
    written = pd.read_csv(data / INCIDENTS, dtype=str, keep_default_na=False).set_index("Incident ID")
    assert "2026.MMP0118" in written.index and "2026.MMP0301" not in written.index
    added = written.loc["2026.MMP0300101"]
    assert (added["Latitude"], added["Longitude"], added["year_month"], added["Month"]) == (
        "50.887", "1.662", "2026-06", "June")
    assert added["derived_setting"] == "sea_or_shore" and added["record_source"] == "update:iom.csv"


def test_iom_website_download_with_the_older_route_label(tmp_path):
    data = builders.copy_of_data(tmp_path / "data")
    new = tmp_path / "website.csv"
    new.write_bytes(builders.iom_website_csv([("2026.MMP0400", "Tue, 06/09/2026 - 12:00", 1, 2,
                                               "Canal near Grande-Synthe, France", "51.01, 2.30")]))
    report = run([new], data, RETRIEVED)
    assert report["inputs"][0]["kind"] == "IOM website download"
    row = pd.read_csv(data / INCIDENTS, dtype=str, keep_default_na=False).iloc[-1]
    assert (row["Incident ID"], row["Incident Date"], row["Migration Route"]) == (
        "2026.MMP0400", "2026-06-09", "Mainland Europe to the UK")
    assert (row["Number of Dead"], row["Total Number of Dead and Missing"], row["derived_setting"]) == (
        "1", "3", "land_or_inland")


def test_a_bad_iom_cell_names_file_row_column_and_value(tmp_path, capsys):
    data = builders.copy_of_data(tmp_path / "data")
    before = snapshot(data)
    body = builders.iom_website_csv([("2026.MMP0400", "Tue, 06/09/2026 - 12:00", 1, 0, "Off Calais", "51.0, 1.8"),
                                     ("2026.MMP0401", "Wed, 06/10/2026 - 12:00", 1, 0, "Off Calais", "51.0, 1.8")])
    (tmp_path / "website.csv").write_bytes(body.replace(b"12:00\",1,0,,Drowning,\"Off Calais\",English Channel "
                                                         b"to the UK,\"51.0, 1.8\",https://example.org/2026.MMP0401",
                                                         b"12:00\",two,0,,Drowning,\"Off Calais\",English Channel "
                                                         b"to the UK,\"51.0, 1.8\",https://example.org/2026.MMP0401"))
    assert cli.main(["update", str(tmp_path / "website.csv"), "--data", str(data), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "website.csv, row 3, column 'Number Dead': is not a number (int) (value: 'two')" in err
    assert snapshot(data) == before


def test_a_joined_row_gives_way_to_its_separate_records(tmp_path):
    data = builders.copy_of_data(tmp_path / "data")
    rows = shipped_iom_rows("2026-04-01")
    joined = next(r for r in rows if "," in r["Incident ID"])
    first, second = (part.strip() for part in joined["Incident ID"].split(","))
    rows = [r for r in rows if r is not joined] + [dict(joined, **{"Incident ID": first, "Number of Dead": "1"}),
                                                   dict(joined, **{"Incident ID": second, "Number of Dead": "1"})]
    (tmp_path / "split.csv").write_bytes(builders.iom_records_csv(rows))
    report = run([tmp_path / "split.csv"], data, RETRIEVED)
    assert report["incidents"]["joined_rows_split"] == {joined["Incident ID"]: [first, second]}
    written = pd.read_csv(data / INCIDENTS, dtype=str, keep_default_na=False)
    assert joined["Incident ID"] not in set(written["Incident ID"])
    assert written.loc[written["Main ID"] == joined["Main ID"], "Number of Dead"].tolist() == ["1", "1"]
    assert report["months_changed"]["incidents"] == []  # 2 dead before, 1 + 1 after


def test_the_same_iom_file_again_changes_nothing(tmp_path):
    data = builders.copy_of_data(tmp_path / "data")
    before = snapshot(data)
    shutil.copy(SHIPPED / INCIDENTS, tmp_path / "same.csv")
    report = run([tmp_path / "same.csv"], data, RETRIEVED)
    assert report["files_changed"] == [] and report["tables"][INCIDENTS]["unchanged"] == 220
    assert snapshot(data) == before


def test_a_broken_table_elsewhere_in_data_stops_the_update_before_anything_is_written(tmp_path):
    data = builders.copy_of_data(tmp_path / "data")
    areas = (data / "places/areas.csv").read_text(encoding="utf-8").splitlines()
    areas[1] = areas[1].replace(",launch,", ",beach,", 1)
    (data / "places/areas.csv").write_text("\n".join(areas) + "\n", encoding="utf-8")
    before = snapshot(data)
    ier = official_csv(tmp_path, pd.DataFrame({"month": ["2026-07"], "people": [2400], "boats": [35]}))
    with pytest.raises(UpdateError, match=r"data/places/areas.csv, row 2, column 'kind': must be one of .*'beach'"):
        run([ier], data, RETRIEVED)
    assert snapshot(data) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_new_stretch_without_iom_records_is_reported_as_a_gap(tmp_path):
    data = builders.copy_of_data(tmp_path / "data")
    new = tmp_path / "website.csv"
    new.write_bytes(builders.iom_website_csv([("2026.MMP0900", "Tue, 12/01/2026 - 12:00", 1, 0,
                                               "Off Calais, France", "51.0, 1.8")]))
    report = run([new], data, RETRIEVED, dry_run=True)
    assert "new gap: no IOM records from 2026-05-04 to 2026-11-30 (no data, not zero)" in report["warnings"]
    assert not any("2025-09-29" in w for w in report["warnings"])  # the known gap is not new


def test_a_bad_coordinate_is_named_in_the_coordinates_column(tmp_path):
    new = tmp_path / "figures.csv"
    new.write_bytes(builders.iom_figures_csv([("2026.MMP0500", "2026-06-03", 1, 0, "Off Calais", "51.0, 1.8"),
                                              ("2026.MMP0501", "2026-06-04", 1, 0, "Off Calais", "1.8, 51.0")]))
    with pytest.raises(UpdateError, match=r"figures.csv, row 3, column 'Coordinates': must be at most 45.*"
                                          r"\(value: '1.8, 51.0'\)"):
        run([new], builders.copy_of_data(tmp_path / "data"), RETRIEVED, dry_run=True)


def test_the_shipped_edition_again_changes_nothing(raw, tmp_path):
    data = builders.copy_of_data(tmp_path / "data")
    before = snapshot(data)
    report = run([raw / AUG], data, RETRIEVED)
    assert report["files_changed"] == [] and not report["written"]
    assert report["tables"][DAILY]["unchanged"] == 3154 and report["tables"][WEEKLY]["unchanged"] == 450
    assert snapshot(data) == before
