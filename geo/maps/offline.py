"""Leaflet and its plugins from installed packages, never from a CDN.

``python -m geo.maps.offline`` copies the files out of the PyPI packages
``django-js-lib-leaflet`` (Leaflet 1.9.4) and ``XStatic-Leaflet-MarkerCluster``
into ``static/vendor/`` (git-ignored), which Streamlit serves at
``/app/static/vendor/``. Exports inline the same files instead.
"""

from __future__ import annotations

import base64
import re
import shutil
from pathlib import Path

import folium
import js_lib_leaflet
import xstatic.pkg.leaflet_markercluster as markercluster

from geo.paths import VENDOR_DIR

APP_BASE_URL = "/app/static/vendor"
_LEAFLET = Path(js_lib_leaflet.__file__).parent / "static" / "js_lib_leaflet"
_CLUSTER = Path(markercluster.BASE_DIR)

VENDOR_FILES = {
    "leaflet.js": _LEAFLET / "leaflet.js",
    "leaflet.css": _LEAFLET / "leaflet.css",
    "images/layers.png": _LEAFLET / "images/layers.png",
    "images/layers-2x.png": _LEAFLET / "images/layers-2x.png",
    "images/marker-icon.png": _LEAFLET / "images/marker-icon.png",
    "images/marker-icon-2x.png": _LEAFLET / "images/marker-icon-2x.png",
    "images/marker-shadow.png": _LEAFLET / "images/marker-shadow.png",
    "leaflet.markercluster.js": _CLUSTER / "leaflet.markercluster.js",
    "MarkerCluster.css": _CLUSTER / "MarkerCluster.css",
    "MarkerCluster.Default.css": _CLUSTER / "MarkerCluster.Default.css",
}
LEAFLET_JS = [("leaflet", "leaflet.js")]
LEAFLET_CSS = [("leaflet_css", "leaflet.css")]


def install_vendor(dest: Path = VENDOR_DIR) -> list[Path]:
    """Copy the vendor files out of their packages; returns the files written."""
    written = []
    for name, source in VENDOR_FILES.items():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written


def use_local_assets(element: folium.MacroElement, base_url: str = APP_BASE_URL) -> None:
    """Point a map (or plugin) at local Leaflet files only: no jQuery, Bootstrap
    or Font Awesome, which the map does not use."""
    element.default_js = [(name, f"{base_url}/{file}") for name, file in LEAFLET_JS]
    element.default_css = [(name, f"{base_url}/{file}") for name, file in LEAFLET_CSS]


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()


def leaflet_css_inline() -> str:
    """leaflet.css with its images as data URIs, so it needs no other file."""
    css = VENDOR_FILES["leaflet.css"].read_text(encoding="utf-8")
    return re.sub(r"url\(images/([\w.-]+\.png)\)",
                  lambda m: f"url({_data_uri(_LEAFLET / 'images' / m.group(1))})", css)


def leaflet_js_inline() -> str:
    return VENDOR_FILES["leaflet.js"].read_text(encoding="utf-8")


if __name__ == "__main__":
    for path in install_vendor():
        print(f"vendor: {path}")
