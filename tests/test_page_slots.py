"""The explainer's skeleton is filled by one pass over named slots, never by a template compiler."""

from __future__ import annotations

import pytest

from geo.export.page import SLOT, fill, page_css, page_script, skeleton

HOSTILE = "@@b@@ {{ 7*7 }} ${x} {% raw %} {0} %(a)s </script>"


def test_a_value_is_inserted_as_it_is_and_never_read_again():
    page = fill("<p>@@a@@</p><script>@@b@@</script>", {"a": HOSTILE, "b": "@@a@@"})
    assert page == f"<p>{HOSTILE}</p><script>@@a@@</script>"


def test_a_slot_used_twice_gets_the_same_value():
    assert fill("@@a@@-@@a@@", {"a": "x"}) == "x-x"


@pytest.mark.parametrize(("template", "slots", "message"), [
    ("<h1>@@title@@</h1>@@footer@@", {"title": "t"}, "none for: 'footer'"),
    ("<h1>@@title@@</h1>", {"title": "t", "subtitle": "s"}, "only for slots the page has, instead got: 'subtitle'"),
    ("<h1>@@title@@</h1>", {"title": None}, "other values for: 'title'"),
    ("<h1>@@Title@@</h1>", {}, "instead got: '@@Title@@</h1>'"),
])
def test_a_missing_unknown_or_misspelt_slot_is_named(template, slots, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        fill(template, slots)


def test_the_shipped_skeleton_is_one_page_with_named_slots_only():
    page = skeleton()
    assert page.startswith("<!DOCTYPE html>\n") and page.rstrip().endswith("</body></html>")
    assert {"title", "csp", "data", "meta", "page_js"} <= set(SLOT.findall(page))
    assert "{{" not in page and "{%" not in page


def test_the_page_files_are_read_and_hold_no_slots():
    script = page_script("map_1", "feature_group_2", None)
    assert script.startswith("var CR_MAP = map_1, CR_INC = feature_group_2, CR_CTRL = null;\n(function () {")
    assert "cr-data" in script and ".cr-map" in page_css()
    assert not SLOT.search(script) and not SLOT.search(page_css())
