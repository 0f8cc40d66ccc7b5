"""The slides picture: drawn offline, right size, right colours, metadata inside."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from geo.data import load
from geo.export.pictures import save
from geo.maps import style as ms
from geo.model import scene
from geo.model.period import Period

PERIOD = Period("2024-01", "2024-12")


@pytest.fixture(scope="module")
def shipped():
    data = load.load_all()
    return data, scene.build_scene(data)


def draw(shipped, path, fmt="png", layers=("storage", "routes", "launch", "corridors", "landing", "tss",
                                             "boundary", "incidents")):
    data, built = shipped
    return save(built, data.tables["incidents"], data.tables["crossings"], PERIOD, path, fmt, layers)


def share_of(image: Image.Image, hex_colour: str, tolerance: int = 12) -> float:
    pixels = np.asarray(image.convert("RGB")).astype(int)
    target = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])
    return float((np.abs(pixels - target).max(axis=2) <= tolerance).mean())


def test_png_for_slides_is_1920_by_1080_with_the_map_drawn(shipped, tmp_path):
    image = Image.open(draw(shipped, tmp_path / "map.png"))
    assert image.size == (1920, 1080)
    assert share_of(image, ms.SEA) > 0.05       # the sea
    assert share_of(image, ms.LAND) > 0.2        # the land
    assert share_of(image, ms.ROUTE) > 0.0005    # the supply route
    assert share_of(image, ms.SETTING_COLOURS["sea_or_shore"]) > 0.0002  # incidents at sea


def test_png_carries_parameters_and_data_versions(shipped, tmp_path):
    image = Image.open(draw(shipped, tmp_path / "map.png", layers=("tss", "incidents")))
    meta = json.loads(image.text["channel-routes"])
    assert meta["parameters"]["from"] == "2024-01" and meta["parameters"]["layers"] == ["tss", "incidents"]
    assert meta["data"]["files"]["incidents/iom_channel_incidents.csv"].startswith("sha256:")
    assert "IOM Missing Migrants Project" in image.text["Source"]


def test_without_incidents_there_are_no_incident_dots(shipped, tmp_path):
    image = Image.open(draw(shipped, tmp_path / "map.png", layers=("tss",)))
    assert share_of(image, ms.SETTING_COLOURS["sea_or_shore"], tolerance=4) < 0.00005


def test_svg_and_pdf_carry_metadata(shipped, tmp_path):
    svg = draw(shipped, tmp_path / "map.svg", "svg").read_text(encoding="utf-8")
    assert "<metadata>" in svg and "2024-12" in svg and "UK Home Office" in svg
    pdf = draw(shipped, tmp_path / "map.pdf", "pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Subject" in pdf and b"2024-12" in pdf


def test_bad_format_names_the_value(shipped, tmp_path):
    with pytest.raises(ValueError, match="instead got: 'gif'"):
        draw(shipped, tmp_path / "map.gif", "gif")


def test_picture_figures_say_no_data_for_a_month_iom_does_not_cover():
    from geo.data import load
    from geo.export.pictures import _figures_text
    from geo.model.period import Period

    text = _figures_text(load.load_crossings_monthly(), load.load_incidents(), Period("2025-11", "2025-11"))
    assert "Dead: no data   Missing: no data" in text and "Dead: 0" not in text
    assert text.splitlines()[1] == "IOM has no records for Nov 2025: known gap 29 Sep 2025 – 26 Jan 2026"
