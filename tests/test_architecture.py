"""The layout holds: geo/ never imports Streamlit, and imports run one way,
data → model → maps → export (the CLI at the top may use them all)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.harness import ROOT

GEO = ROOT / "geo"
LAYERS = ("data", "model", "maps", "export")  # each may import only those before it


def imports(path: Path) -> set[str]:
    """Every module a file imports, as written (absolute names)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "geo" and parts[1] in LAYERS else None


GEO_FILES = sorted(GEO.rglob("*.py"))


def test_the_layers_exist():
    assert all((GEO / layer / "__init__.py").is_file() for layer in LAYERS)
    assert len(GEO_FILES) > 30


@pytest.mark.parametrize("path", GEO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_geo_never_imports_streamlit(path):
    assert not {m for m in imports(path) if m.split(".")[0] in ("streamlit", "streamlit_folium", "ui", "views")}


def test_only_the_streamlit_side_imports_streamlit():
    """serve.py, app.py, ui/ and views/ are the Streamlit side; ui/ never imports a page."""
    side = [ROOT / "serve.py", ROOT / "app.py", *ROOT.glob("ui/*.py"), *ROOT.glob("views/*.py")]
    assert (ROOT / "ui" / "cache.py").is_file() and (ROOT / "ui" / "url_state.py").is_file()
    assert not [p.name for p in ROOT.glob("ui/*.py") if any(m.split(".")[0] == "views" for m in imports(p))]
    users = {p.relative_to(ROOT).parts[0] for p in ROOT.glob("*.py") if "streamlit" in
             {m.split(".")[0] for m in imports(p)}} - {"app.py", "serve.py"}
    assert not users and all(p.is_file() for p in side)


@pytest.mark.parametrize("path", GEO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_run_one_way(path):
    own = layer_of("geo." + ".".join(path.relative_to(GEO).with_suffix("").parts))
    if own is None:
        return
    later = set(LAYERS[LAYERS.index(own) + 1:])
    wrong = sorted(m for m in imports(path) if layer_of(m) in later)
    assert not wrong, f"{path.relative_to(ROOT)} ({own}) imports from a later layer: {wrong}"


def test_the_check_sees_a_wrong_way_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from geo.maps.popups import esc\nimport streamlit as st\n")
    assert {"geo.maps.popups", "streamlit"} <= imports(bad)
    assert layer_of("geo.maps.popups") == "maps" and layer_of("geo.paths") is None


FOUNDATION = sorted(p for p in GEO.glob("*.py") if p.name not in ("cli.py", "__main__.py", "__init__.py"))


@pytest.mark.parametrize("path", FOUNDATION, ids=lambda p: p.name)
def test_the_foundation_imports_no_layer(path):
    """paths, vocab, measure, atomic and clierrors sit under every layer; only the CLI sits above."""
    assert not sorted(m for m in imports(path) if layer_of(m))


def test_tests_share_one_harness():
    """Tests and bench/ reach the app and Chromium through tests/harness.py, never through conftest."""
    users = sorted(str(p.relative_to(ROOT)) for p in [*ROOT.glob("tests/**/*.py"), *ROOT.glob("bench/*.py")]
                   if any(m.startswith("tests.conftest") for m in imports(p)))
    assert not users


def test_the_makefile_names_files_that_exist():
    """A moved module must not leave `make run` on a fresh machine with a rule for a missing file."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    named = set(re.findall(r"(?<![\w/.])((?:geo|tests|bench)/[\w/]+\.py)", makefile))
    modules = set(re.findall(r"-m ((?:geo|bench)(?:\.\w+)*)", makefile))
    assert named and not [p for p in named if not (ROOT / p).is_file()]
    missing = [m for m in modules if not ((ROOT / m.replace(".", "/")).with_suffix(".py").is_file()
                                          or (ROOT / m.replace(".", "/") / "__init__.py").is_file())]
    assert not missing
