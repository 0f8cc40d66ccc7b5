"""Our own notes beside each place (why a radius, which outline) are written from one set of templates and
shown in the reader's language; the data file keeps them in English."""

import json

import pandas as pd
import pytest

from geo.data import area_notes, load
from geo.i18n import english_template, use_language
from geo.maps.route_map import static_layers
from geo.model.scene import build_scene
from geo.paths import DATA_DIR

TEMPLATES = {"radius_basis": area_notes.RADIUS_NOTES, "outline_basis": area_notes.OUTLINE_NOTES,
             "route_basis": area_notes.ROUTE_NOTES, "centre_source": area_notes.CENTRE_NOTES}


@pytest.mark.parametrize("column", TEMPLATES)
def test_every_shipped_note_was_written_from_a_template(column):
    notes = pd.read_csv(DATA_DIR / "places/areas.csv", dtype=str, keep_default_na=False)[column]
    written = [note for note in notes if note]
    assert written, column
    assert [note for note in written if english_template(note, TEMPLATES[column]) is None] == []


@pytest.fixture(scope="module")
def scene():
    return build_scene(load.load_all())


def popups(scene, lang: str, layer: str) -> dict[str, str]:
    """Each drawn place's popup HTML in ``lang``, by the place's English name."""
    with use_language(lang):
        features = json.loads(static_layers(scene)[layer])["features"]
    names = scene.storage if layer == "Storage places" else {"Launch areas": scene.launch,
                                                               "Landing points": scene.landing}[layer]
    return dict(zip(names["name"], (f["properties"]["p"] for f in features)))


EXPECTED = {
    "fr": {"Lower Saxony": "Land Niedersachsen, où la source situe l&#x27;entreprise fournisseuse",
           "Düsseldorf region": "Regierungsbezirk Düsseldorf (comprend aussi Grevenbroich, Rhein-Kreis Neuss, "
                                "dont le contour propre n&#x27;est pas fourni)",
           "Hannover": "Region Hannover\u00a0: le contour propre de la ville n&#x27;est pas fourni",
           "Essen": "tracée selon le contour suivant\u00a0: kreisfreie Stadt Essen (ville-arrondissement)"},
    "de": {"Lower Saxony": "Land Niedersachsen, wo die Quelle die Lieferfirma verortet",
           "Detmold": "Regierungsbezirk Detmold: der eigene Umriss der Stadt (Kreis Lippe) ist nicht mitgeliefert",
           "near Osnabrück": "gezeichnet als Umriss: Stadt und Landkreis Osnabrück (BKG VG5000"},
}
ENGLISH = ("where the source places the supplier firm", "outline is not shipped", "also holds", "city and",
           "drawn around", "around the reported", "named point", "stands for")


@pytest.mark.parametrize("lang", EXPECTED)
def test_storage_popups_give_their_outline_in_the_readers_language(scene, lang):
    shown = popups(scene, lang, "Storage places")
    for place, words in EXPECTED[lang].items():
        assert words in shown[place], shown[place]
    assert [p for p in shown.values() if any(english in p for english in ENGLISH)] == []


@pytest.mark.parametrize("lang, kingsdown, somme", [
    ("fr", "8 km\u00a0: absent des répertoires géographiques, tracé autour de la ville répertoriée la plus "
           "proche, Deal", "5 km autour du seul lieu signalé"),
    ("de", "8 km: nicht in den Ortsverzeichnissen, um den nächsten verzeichneten Ort gezogen, Deal",
     "5 km um den einzigen gemeldeten Ort")])
def test_launch_and_landing_popups_give_their_radius_note_in_the_readers_language(scene, lang, kingsdown, somme):
    landing, launch = popups(scene, lang, "Landing points"), popups(scene, lang, "Launch areas")
    assert kingsdown in landing["Kingsdown (near Deal)"]
    assert somme in launch["Somme bay (Cayeux-sur-Mer)"]
    every = list(landing.values()) + list(launch.values())
    assert [p for p in every if any(english in p for english in ENGLISH)] == []


def test_the_areas_file_keeps_the_english_notes():
    areas = pd.read_csv(DATA_DIR / "places/areas.csv", dtype=str, keep_default_na=False).set_index("area_id")
    assert areas.loc["lower_saxony", "outline_basis"] == "Land Niedersachsen, where the source places the supplier firm"
