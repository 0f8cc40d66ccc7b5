"""Smoke test: the bench runs end to end on tiny sizes (no timing asserted)."""

import doctest
import json

import pytest

import bench.synthetic
import bench.table
from bench.__main__ import main
from geo.paths import DATA_DIR


@pytest.mark.parametrize("module", [bench.table, bench.synthetic])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


def test_bench_prints_and_writes_the_table_with_ratios(tmp_path, capsys):
    before = sorted(p.name for p in DATA_DIR.rglob("*"))
    report = main(["--sizes", "20", "--quick", "--no-browser", "--out", str(tmp_path)])
    printed = capsys.readouterr().out
    assert "ours/explore()" in printed and "ours/folium Marker" in printed
    saved = json.loads((tmp_path / "latest.json").read_text())
    assert saved["rows"] == report["rows"] and saved["machine"]["nproc"] >= 1
    rows = {(row["section"], row["measure"]): row for row in saved["rows"]}
    period_change = next(row for key, row in rows.items() if key[1].startswith("(a)") and "Shipped" in key[0])
    assert period_change["cells"]["ours"]["value"] > 0 and period_change["cells"]["explore"]["value"] > 0
    assert period_change["ratios"]["explore"].endswith("×")
    synthetic = [row for key, row in rows.items() if "Synthetic: 20 incidents" in key[0]]
    assert {row["measure"][:3] for row in synthetic} >= {"(a)", "(b)"}
    assert "| **Synthetic: 20 incidents" in (tmp_path / "latest.md").read_text()
    assert sorted(p.name for p in DATA_DIR.rglob("*")) == before, "the bench must never write into data/"


def test_synthetic_incidents_stay_in_the_channel_and_say_they_are_synthetic():
    frame = bench.synthetic.synthetic_incidents(500)
    assert frame.geometry.x.between(0.9, 2.6).all() and frame.geometry.y.between(50.1, 51.3).all()
    assert frame["location"].str.contains("SYNTHETIC").all() and frame["incident_id"].str.startswith("SYN.").all()


def test_a_bad_size_is_a_clear_error():
    with pytest.raises(SystemExit, match="Expected --sizes"):
        main(["--sizes", "ten"])
