"""Where the shipped data and the offline assets live.

``CHANNEL_ROUTES_DATA`` points the app at another data folder (tests use a
damaged copy of ``data/`` this way).
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
STATIC_DIR = ROOT / "static"
VENDOR_DIR = STATIC_DIR / "vendor"


def data_dir() -> Path:
    """The data folder in use: ``CHANNEL_ROUTES_DATA`` if set, else ``data/``."""
    return Path(os.environ.get("CHANNEL_ROUTES_DATA", DATA_DIR))
