"""The README is a front door that tells the truth: every page URL, layer name, make target,
command and link it names exists in the code (as datasette checks its docs)."""

from __future__ import annotations

import re

from geo import vocab
from tests.harness import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_it_stays_a_front_door():
    assert len(README.splitlines()) <= 150
    assert "make run" in README and "make test" in README
    assert not re.search(r"\bI (tried|measured|reverted|found|noticed)\b", README)


def test_every_page_url_is_a_page_of_the_app():
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    paths = {""} | set(re.findall(r'url_path="([^"]+)"', app))
    shown = set(re.findall(r"`/([a-z]*)[?`]", README))
    assert shown and shown <= paths, shown - paths
    assert len(shown) == len(paths)  # and every page is listed


def test_every_layer_name_is_a_layer_of_the_map():
    table_and_text = README.split("## Pages", 1)[1].split("## Command line", 1)[0]
    named = [name for name in re.findall(r"`([A-Z][^`]+)`", table_and_text)]
    assert named == list(vocab.LAYER_NAMES)


def test_every_make_target_and_command_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    assert set(re.findall(r"`make ([a-z-]+)", README)) <= targets
    from geo.cli import parser

    commands = set(parser()._subparsers._group_actions[0].choices)
    assert set(re.findall(r"python -m geo ([a-z]+)", README)) <= commands


def test_every_link_and_picture_exists():
    targets = re.findall(r"\]\(([^)#]+)\)", README)
    assert targets
    assert [t for t in targets if not (ROOT / t).exists()] == []


def test_every_link_in_the_docs_exists():
    """Links in docs/ and bench/ are relative to their own file (a `docs/x.md` link from docs/ is broken)."""
    pages = [*ROOT.glob("docs/*.md"), ROOT / "bench" / "RESULTS.md"]
    broken = [f"{page.relative_to(ROOT)} -> {target}" for page in pages
              for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8"))
              if not target.startswith(("http://", "https://", "mailto:")) and not (page.parent / target).exists()]
    assert len(pages) > 10 and broken == []
