"""ui.published: what serve.py serves at /map-data/ for the in-place map (the browser test is
tests/browser/test_map_data_browser.py)."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.requests import Request

from ui import published


@pytest.fixture
def mounted(monkeypatch):
    monkeypatch.setattr(published, "_items", published.OrderedDict())
    monkeypatch.setattr(published, "_mounted", False)
    assert [route.path for route in published.routes()] == ["/map-data/{item_id}"]
    return published


def get(item_id: str):
    scope = {"type": "http", "method": "GET", "path": published.PREFIX + item_id, "headers": [],
             "path_params": {"item_id": item_id}}
    with ThreadPoolExecutor(1) as worker:  # a loop of its own: the browser tests leave one running here
        return worker.submit(asyncio.run, published._serve(Request(scope))).result()


def test_nothing_is_published_until_the_route_is_mounted(monkeypatch):
    monkeypatch.setattr(published, "_mounted", False)
    monkeypatch.setattr(published, "_items", published.OrderedDict())
    assert published.address("abc", "<p>x</p>", "text/html") is None
    assert get("abc").status_code == 404


def test_an_item_is_served_as_given_with_a_long_cache_life(mounted):
    assert mounted.address("abc", '{"rows": ["Dünkirchen"]}', "application/json") == "/map-data/abc"
    response = get("abc")
    assert response.status_code == 200 and response.body.decode() == '{"rows": ["Dünkirchen"]}'
    assert response.headers["content-type"].startswith("application/json")
    assert "immutable" in response.headers["cache-control"] and "max-age=31536000" in response.headers["cache-control"]


def test_an_unknown_id_is_not_found(mounted):
    mounted.address("abc", "<p>x</p>", "text/html")
    assert get("abd").status_code == 404


def test_only_the_latest_items_are_kept_and_a_reused_one_counts_as_new(mounted):
    for n in range(published.KEEP):
        mounted.address(f"id{n}", str(n), "text/plain")
    mounted.address("id0", "0", "text/plain")  # used again: now the newest
    mounted.address("late", "late", "text/plain")
    assert get("id0").status_code == 200 and get("late").status_code == 200
    assert get("id1").status_code == 404  # the oldest went
