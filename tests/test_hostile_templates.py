"""Template syntax in every text field is shown as typed by every map, export and download.

Four payloads (:data:`tests.builders.TEMPLATE_PAYLOADS`) go into every free-text
field of a copy of the shipped data and of an upload in each of the four
layouts. If anything compiled that text, the output would hold ``ZZ49ZZ``,
``ZZxxxZZ``, ``ZZabZZ``, the working directory, or a TemplateSyntaxError.
"""

from __future__ import annotations

import html
import io
import json
import os

import pytest
from streamlit_folium import generate_leaflet_string

from geo.data import load
from geo.data.upload import read_upload
from geo.export import downloads
from geo.export import explainer as export
from geo.export import pictures as static_map
from geo.maps import presentation
from geo.maps.elements import to_json
from geo.maps.incident_map import MODES, build_incident_map
from geo.maps.popups import esc
from geo.maps.route_map import build_route_map
from geo.model import stats
from geo.model.period import Period
from geo.model.scene import build_scene
from tests.builders import EVALUATED, TEMPLATE_TEXT, template_copy, template_uploads

PERIOD = Period("2024-01", "2024-12")
CWD_MARK = "cwd-marker-QJ7"


def forms(text: str) -> set[str]:
    """The ways ``text`` may legitimately appear: as is, HTML-escaped, inside JSON."""
    bases = {text, esc(text)}
    encoders = (lambda s: s, html.escape, lambda s: to_json(s)[1:-1],
                lambda s: json.dumps(s)[1:-1])
    return {encode(base) for base in bases for encode in encoders}


def assert_literal(output: str, where: str) -> None:
    """The text is shown as typed (the density grid shows only counts) and never evaluated."""
    shown = any(form in output for form in forms(TEMPLATE_TEXT))
    assert shown or "density" in where, f"{where}: the text is not shown as typed"
    for evaluated in (*EVALUATED, CWD_MARK):
        assert evaluated not in output, f"{where}: {evaluated!r} means data was compiled as a template"


def map_outputs(m) -> dict[str, str]:
    """The page branca renders, and the script streamlit-folium sends to the app's map."""
    return {"page": m.get_root().render(), "st_folium script": generate_leaflet_string(m)}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Shipped data with template text in every free-text field; cwd is a marked folder."""
    base = tmp_path_factory.mktemp("templates")
    data, changed = template_copy(base / "data")
    (base / CWD_MARK).mkdir()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CHANNEL_ROUTES_DATA", str(data))
        mp.chdir(base / CWD_MARK)
        assert os.getcwd().endswith(CWD_MARK)
        datasets = load.load_all(data)
        assert not datasets.errors, datasets.errors
        yield datasets, build_scene(datasets), changed


def test_every_free_text_field_of_the_shipped_data_carries_the_payloads(hostile):
    _, _, changed = hostile
    assert len(changed) >= 60, changed
    for field in ("incidents/iom_channel_incidents.csv: Location of Incident", "places/areas.csv: name",
                  "places/storage_reports.csv: quote", "crossings/ho_small_boats_daily.csv: notes",
                  "maritime/tss_osm_seamarks.geojson: tss_flow_cardinal"):
        assert field in changed
    print(f"\n{len(changed)} text fields carry {TEMPLATE_TEXT}")


def test_maps_of_the_shipped_data_show_template_text_literally(hostile):
    datasets, scene, _ = hostile
    incidents = stats.incidents_in(datasets.tables["incidents"], PERIOD)
    countries = scene.layers.get("countries")
    maps = {"route map": build_route_map(scene, incidents),
            "presentation": presentation.projector_map(scene, incidents),
            "compare": build_incident_map(incidents, countries, "points", fit_to=datasets.tables["incidents"])}
    maps.update({f"incidents {mode}": build_incident_map(incidents, countries, mode) for mode in MODES})
    for name, m in maps.items():
        for kind, output in map_outputs(m).items():
            assert_literal(output, f"{name} ({kind})")


def test_the_explainer_shows_template_text_literally(hostile):
    datasets, scene, _ = hostile
    page = export.export_html(scene, datasets.tables["incidents"], datasets.tables["crossings"], PERIOD)
    assert_literal(page, "explainer")


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_static_pictures_draw_with_template_text(hostile, fmt):
    datasets, scene, _ = hostile
    out = io.BytesIO()
    static_map.save(scene, datasets.tables["incidents"], datasets.tables["crossings"], PERIOD, out, fmt)
    text = out.getvalue().decode("utf-8", errors="replace")
    assert len(text) > 1000
    for evaluated in (*EVALUATED, CWD_MARK):
        assert evaluated not in text


def check_downloads(rows, uploaded: bool) -> None:
    csv_back = downloads.read_back(downloads.to_csv(rows, "hostile rows", uploaded))
    geojson = json.loads(downloads.to_geojson(rows, "hostile rows", uploaded))
    csv_values = {str(v) for v in csv_back.to_numpy().ravel()}
    json_values = {str(v) for f in geojson["features"] for v in f["properties"].values()}
    for name, values in (("CSV", csv_values), ("GeoJSON", json_values)):
        assert any(TEMPLATE_TEXT in v for v in values), name
        assert not any(e in v for v in values for e in (*EVALUATED, CWD_MARK)), name


def test_downloads_of_the_shipped_data_keep_template_text(hostile):
    datasets, _, _ = hostile
    check_downloads(stats.incidents_in(datasets.tables["incidents"], PERIOD), uploaded=False)


@pytest.mark.parametrize("layout", ["IOM Global Figures", "IOM website download", "generic CSV",
                                    "GeoJSON points"])
def test_an_upload_in_every_layout_is_shown_literally_everywhere(hostile, layout):
    _, scene, _ = hostile
    name, data = template_uploads()[layout]
    result = read_upload(name, data)
    assert (result.layout, result.accepted, result.error) == (layout, 1, None), result.issues
    rows = result.rows
    assert TEMPLATE_TEXT in rows.iloc[0]["location"]
    countries = scene.layers.get("countries")
    maps = {f"incidents {mode}": build_incident_map(rows, countries, mode) for mode in MODES}
    maps["compare"] = build_incident_map(rows, countries, "points", fit_to=rows)
    for map_name, m in maps.items():
        for kind, output in map_outputs(m).items():
            assert_literal(output, f"{layout} upload, {map_name} ({kind})")
    check_downloads(rows, uploaded=True)
