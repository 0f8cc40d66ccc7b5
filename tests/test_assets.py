"""Browser code lives in files: every asset is read by some module, and no module keeps a template in a string."""

from __future__ import annotations

import ast
from pathlib import Path

from geo.paths import ROOT, asset_text

GEO = ROOT / "geo"


def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(GEO.rglob("*.py"))}


def _assets_read(trees: dict[Path, ast.Module]) -> set[tuple[str, str]]:
    """(package, file) of every ``asset_text("pkg", "file")`` and ``script_macro("file")`` call."""
    read = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if name == "asset_text" and len(texts) == 2:
                read.add((texts[0], texts[1]))
            elif name == "script_macro":
                read.update(("geo.maps", text) for text in texts)
    return read


def test_every_asset_file_is_read_by_some_module():
    trees = _trees()
    shipped = {(".".join(path.parent.parent.relative_to(ROOT).parts), path.name)
               for path in GEO.glob("*/assets/*") if path.is_file()}
    read = _assets_read(trees)
    assert {("geo.maps", "incident_layer.js"), ("geo.maps", "inset.css"), ("geo.export", "explainer.js")} <= shipped
    assert not shipped - read, f"asset files no module reads: {sorted(shipped - read)}"
    assert not read - shipped, f"modules read asset files that do not exist: {sorted(read - shipped)}"
    for package, name in read:
        assert asset_text(package, name).strip(), (package, name)


def _docstrings(tree: ast.Module) -> set[int]:
    owners = [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef)))]
    return {id(owner.body[0].value) for owner in owners
            if owner.body and isinstance(owner.body[0], ast.Expr) and isinstance(owner.body[0].value, ast.Constant)}


def test_no_module_keeps_js_css_or_html_in_a_multi_line_string():
    """A string of three lines or more that is not a docstring is a template that belongs in assets/."""
    found = []
    for path, tree in _trees().items():
        docs = _docstrings(tree)
        found += [f"{path.relative_to(ROOT)}:{node.lineno} {node.value[:50]!r}" for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and node.value.count("\n") >= 3 and id(node) not in docs]
    assert not found, found
