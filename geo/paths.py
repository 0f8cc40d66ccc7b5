"""Where the shipped data and the offline assets live.

``CHANNEL_ROUTES_DATA`` points the app at another data folder (tests use a
damaged copy of ``data/`` this way). The browser-side files a package ships
(JS, CSS, HTML skeletons) sit in its ``assets/`` folder and are read with
:func:`asset_text`.
"""

import os
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
STATIC_DIR = ROOT / "static"
VENDOR_DIR = STATIC_DIR / "vendor"


def data_dir() -> Path:
    """The data folder in use: ``CHANNEL_ROUTES_DATA`` if set, else ``data/``."""
    return Path(os.environ.get("CHANNEL_ROUTES_DATA", DATA_DIR))


def asset_text(package: str, name: str) -> str:
    """The text of ``<package>/assets/<name>``, read with :mod:`importlib.resources`.

    >>> asset_text("geo.maps", "live_map.js").startswith("//")
    True
    """
    return resources.files(package).joinpath("assets", name).read_text(encoding="utf-8")
