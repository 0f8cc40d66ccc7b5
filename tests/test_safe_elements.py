"""No element can hand rendered text to a template compiler: found, not listed.

branca's ``MacroElement.render`` wraps each macro's output in ``Element(text)``,
which compiles that text as a new jinja template, so data inside it runs on
the server. These tests find every element class defined in ``geo`` and every
element on every map the app builds, and fail on any that could do that.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from collections.abc import Iterator

import pytest
from branca.element import Element, Figure, MacroElement
from jinja2 import Environment, nodes

import geo
from geo.data import load
from geo.export import explainer as export
from geo.maps import presentation
from geo.maps.elements import RawText, ScriptElement
from geo.maps.incident_map import MODES, build_incident_map
from geo.maps.route_map import build_route_map
from geo.model.scene import build_scene
from tests import builders

SAFE_RENDERS = {Element.render, RawText.render, Figure.render, ScriptElement.render}


def geo_modules() -> list:
    names = [info.name for info in pkgutil.walk_packages(geo.__path__, "geo.") if info.name != "geo.__main__"]
    return [importlib.import_module(name) for name in names]


def geo_element_classes() -> list[type]:
    found = {obj for module in geo_modules() for obj in vars(module).values()
             if inspect.isclass(obj) and issubclass(obj, Element) and obj.__module__.startswith("geo.")}
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def template_free(source: str) -> bool:
    """True if jinja would output ``source`` unchanged: plain text, nothing evaluated."""
    body = Environment().parse(source).body
    return all(isinstance(node, nodes.Output) and all(isinstance(n, nodes.TemplateData) for n in node.nodes)
               for node in body)


def why_unsafe(cls: type) -> str | None:
    """Why rendering an instance of ``cls`` could compile its output, or None.

    Walks the method resolution order the way ``render`` does: a class that
    overrides ``render`` must hand on to the next one (``super().render``)
    until one that adds finished text or renders a fixed template once.
    """
    for klass in cls.__mro__:
        render = klass.__dict__.get("render")
        if render is None:
            continue
        if render in SAFE_RENDERS:
            return None
        if render is MacroElement.render:
            return "its render is branca's MacroElement.render, which compiles the output it renders"
        if not any(call in inspect.getsource(render) for call in ("super().render(", "ScriptElement.render(self")):
            return f"{klass.__qualname__}.render neither adds finished text nor hands on to ScriptElement"
    return "no render found"


def why_element_unsafe(element: Element) -> str | None:
    reason = why_unsafe(type(element))
    if reason:
        return reason
    source = getattr(element, "_template_str", None)
    if source is not None and not template_free(source):
        return f"it was made from text compiled as a template: {source[:80]!r}"
    return None


def test_every_element_class_in_geo_adds_finished_text():
    classes = geo_element_classes()
    assert len(classes) >= 8, classes  # the finder works: elements.py, incident_map.py, safe_folium.py
    unsafe = {f"{c.__module__}.{c.__qualname__}": why_unsafe(c) for c in classes if why_unsafe(c)}
    assert not unsafe, unsafe
    print(f"\n{len(classes)} element classes in geo, all adding finished text")


def test_the_checker_catches_branca_compiling_its_output():
    class Plain(MacroElement):
        pass

    class Hidden(ScriptElement):
        def render(self, **kwargs):
            return MacroElement.render(self, **kwargs)

    assert why_unsafe(Plain) and why_unsafe(Hidden)
    assert why_element_unsafe(Element("{{ 7*7 }}")) and not why_element_unsafe(Element("<style>a{}</style>"))
    assert not why_unsafe(ScriptElement) and not why_unsafe(RawText)


def _call_name(node: ast.Call) -> str | None:
    return getattr(node.func, "id", None) or getattr(node.func, "attr", None)


def _our_text(node: ast.AST, asset_param: str | None) -> bool:
    """Literal text, our own asset file (``asset_text`` of literals, or of the
    asset name ``script_macro`` receives), or a sum of those."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _our_text(node.left, asset_param) and _our_text(node.right, asset_param)
    if (isinstance(node, ast.Call) and _call_name(node) == "join" and isinstance(node.func.value, ast.Constant)
            and len(node.args) == 1 and isinstance(node.args[0], ast.GeneratorExp)):
        (loop,) = node.args[0].generators  # "".join(asset_text(..., name) for name in <asset_param>)
        return (isinstance(loop.iter, ast.Name) and loop.iter.id == asset_param and not loop.ifs
                and _our_text(node.args[0].elt, loop.target.id))
    if isinstance(node, ast.Call) and _call_name(node) == "asset_text" and not node.keywords:
        return all(isinstance(a, ast.Constant) or (isinstance(a, ast.Name) and a.id == asset_param)
                   for a in node.args)
    return False


def test_geo_never_compiles_text_it_did_not_write():
    """Template(...), Element(...) and from_string(...) in geo take literal text or our asset files only,
    and every element template read from a file is named by a literal."""
    compilers = {"Template", "Element", "from_string"}
    calls = []
    for module in geo_modules():
        tree = ast.parse(inspect.getsource(module))
        macro = next((n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "script_macro"), None)
        inside_macro = set(map(id, ast.walk(macro))) if macro else set()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            params = macro and ([macro.args.vararg] if macro.args.vararg else macro.args.args)
            name, asset_param = _call_name(node), params[0].arg if id(node) in inside_macro else None
            ours = all(_our_text(a, asset_param) for a in node.args)
            named = name == "script_macro" and not all(isinstance(a, ast.Constant) for a in node.args)
            if named or (name in compilers and not (node.args and ours and not node.keywords)):
                calls.append(f"{module.__name__}:{node.lineno} {ast.unparse(node)[:80]}")
    assert not calls, calls


def test_the_compiler_check_refuses_text_from_elsewhere():
    call = ast.parse('Template("<p>" + asset_text("geo.maps", name))').body[0].value
    assert not all(_our_text(a, None) for a in call.args)
    assert all(_our_text(a, "name") for a in call.args)
    joined = ast.parse('"".join(asset_text("geo.maps", a) for a in names)').body[0].value
    assert _our_text(joined, "names") and not _our_text(joined, "other")
    assert not _our_text(ast.parse('"a" + title').body[0].value, None)


def walk(element: Element) -> Iterator[Element]:
    yield element
    if isinstance(element, Figure):
        for section in (element.header, element.html, element.script):
            yield from walk(section)
    for child in element._children.values():
        yield from walk(child)


@pytest.fixture(scope="module")
def scene():
    return build_scene(load.load_all())


def built_maps(scene) -> dict:
    incidents = builders.incidents([{"location": "Off Wimereux"}, {"lat": 50.9, "lon": 1.8}])
    countries = scene.layers.get("countries")
    maps = {"route map": build_route_map(scene, incidents),
            "presentation": presentation.projector_map(scene, incidents),
            "explainer": export._map(scene, export.ALL_LAYERS)[0],
            "compare": build_incident_map(incidents, countries, "points", fit_to=incidents)}
    maps.update({f"incidents {mode}": build_incident_map(incidents, countries, mode) for mode in MODES})
    return maps


def test_every_element_on_every_map_adds_finished_text(scene):
    checked = 0
    for name, m in built_maps(scene).items():
        for stage in ("built", "rendered"):
            if stage == "rendered":
                m.get_root().render()
            for element in walk(m.get_root()):
                reason = why_element_unsafe(element)
                assert reason is None, f"{name} ({stage}): {type(element).__qualname__} {element.get_name()}: {reason}"
                checked += 1
    print(f"\n{checked} elements checked on 7 maps, before and after rendering")
