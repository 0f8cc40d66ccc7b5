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
