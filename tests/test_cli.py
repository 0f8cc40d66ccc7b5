"""``python -m geo export``: progress lines, outputs, and errors naming the bad value."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from PIL import Image

from geo import cli
from geo.paths import ROOT


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_html_export_from_the_command_line(tmp_path):
    out = tmp_path / "channel.html"
    done = run("export", "--from", "2024-01", "--to", "2024-12", "--layers", "incidents,tss",
               "--format", "html", "--out", str(out))
    assert done.returncode == 0, done.stderr
    steps = [line for line in done.stderr.splitlines() if line.startswith("[")]
    assert len(steps) == 3 and "loaded the shipped data" in steps[0] and f"wrote {out}" in steps[2]
    page = out.read_text(encoding="utf-8")
    meta = json.loads(re.search(r'id="cr-meta">(.*?)</script>', page).group(1))
    assert meta["parameters"]["layers"] == ["incidents", "tss"]


def test_png_export_follows_the_out_suffix(tmp_path, capsys):
    out = tmp_path / "slide.png"
    assert cli.main(["export", "--from", "2024-09", "--to", "2024-09", "--out", str(out)]) == 0
    assert Image.open(out).size == (1920, 1080)
    assert "wrote" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--from", "2024-13", "--to", "2024-12"], "argument --from: expected a month as YYYY-MM, instead got: '2024-13'"),
    (["--from", "2024-01", "--to", "Dec"], "argument --to: expected a month as YYYY-MM, instead got: 'Dec'"),
    (["--from", "2024-05", "--to", "2024-01"], "instead got: '2024-05'"),
    (["--from", "2024-01", "--to", "2024-12", "--layers", "tss,beaches"], "instead got: 'beaches'"),
    (["--from", "2024-01", "--to", "2024-12", "--format", "gif"], "invalid choice: 'gif'"),
])
def test_bad_arguments_name_the_value(tmp_path, capsys, args, message):
    assert cli.main(["export", *args, "--out", str(tmp_path / "x.html")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_unknown_suffix_without_format_is_an_error(tmp_path, capsys):
    assert cli.main(["export", "--from", "2024-01", "--to", "2024-12", "--out", str(tmp_path / "x.txt")]) == 2
    assert "instead got: '.txt'" in capsys.readouterr().err


def test_missing_folder_is_an_error(tmp_path, capsys):
    assert cli.main(["export", "--from", "2024-01", "--to", "2024-12", "--out", str(tmp_path / "no" / "x.html")]) == 2
    assert f"the folder {str(tmp_path / 'no')!r} does not exist" in capsys.readouterr().err


def test_routes_table_as_csv_with_credit_and_a_speed():
    done = run("routes", "--format", "csv", "--speed", "80")
    assert done.returncode == 0, done.stderr
    from geo.export.downloads import read_back
    assert "© OpenStreetMap contributors" in done.stdout.splitlines()[1]
    table = read_back(done.stdout.encode("utf-8"))
    assert list(table.columns) == ["origin", "origin kind", "destination", "km", "hours low", "hours high",
                                   "access km", "egress km", "road refs", "note"]
    cologne = table[(table["origin"] == "Cologne") & (table["destination"] == "Dunkirk – Gravelines")].iloc[0]
    assert 350 < cologne["km"] < 380 and cologne["hours low"] >= cologne["km"] / 80 - 0.1


def test_routes_json_and_table(capsys):
    assert cli.main(["routes", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert "OpenStreetMap" in payload["metadata"]["credit"] and payload["metadata"]["van_top_speed_kmh"] == 130
    regions = [r for r in payload["routes"] if r["origin kind"].startswith("region")]
    assert regions and all(r["note"].startswith("indicative") for r in regions)
    assert cli.main(["routes"]) == 0
    assert "A40 – A67 – E34" in capsys.readouterr().out


@pytest.mark.parametrize("speed", ["fast", "30", "200"])
def test_routes_bad_speed_names_the_value(capsys, speed):
    assert cli.main(["routes", "--speed", speed]) == 2
    assert f"argument --speed: expected km/h from 60 to 130, instead got: {speed!r}" in capsys.readouterr().err
