"""``serve.py`` fills the landing page's caches as the server starts (ui.cache.warm), so the first visitor
neither waits for the data, the routes and the map document nor sees their loading messages."""

import streamlit as st

from geo.data import load
from geo.model.drive_time import DEFAULT_VAN_KMH
from ui import cache


def test_warm_fills_the_caches_the_route_map_reads_first(monkeypatch):
    st.cache_resource.clear()
    st.cache_data.clear()
    cache._warm.clear()
    cache.warm()
    assert {(cache.LOADING_DATA,), (cache.BUILDING_ROUTES,),
            (cache.DRAWING_MAP, "route", DEFAULT_VAN_KMH, "en")} <= cache._warm
    loads = []
    monkeypatch.setattr(load, "load_all", lambda: loads.append("load_all"))
    document = cache.route_map_document(DEFAULT_VAN_KMH)
    assert cache.datasets().tables["incidents"] is not None and document.html.startswith("<!DOCTYPE html>")
    assert loads == []  # served from the caches warm() filled

