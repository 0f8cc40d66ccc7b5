"""What ``make run`` starts: the app (``app.py``), with the landing page's caches filled as the server starts.

Streamlit runs no app code before the first visitor connects, so the first visit after a start used to
load the data, build the routes and draw the map document itself (about 3 s of script). ``st.App``'s
lifespan hook fills those process caches in a background thread instead, while the server already
answers; a visitor who comes sooner waits for the same values (the caches lock per key).

It also serves the in-place map's document and incident table over plain HTTP (``ui.published``), so a
visitor's browser fetches each once and keeps it.
"""

import logging
import threading
from contextlib import asynccontextmanager

import streamlit as st

from ui import published

WARM_THREAD = "channel-routes-warm"


class _NotInScript(logging.Filter):
    """Drops Streamlit's "missing ScriptRunContext" warning for the warm-up thread, which runs no script."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != WARM_THREAD or "ScriptRunContext" not in record.getMessage()


def _warm() -> None:
    from ui.cache import warm
    warm()


@asynccontextmanager
async def lifespan(app):
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_NotInScript())
    threading.Thread(target=_warm, name=WARM_THREAD, daemon=True).start()
    yield None


app = st.App("app.py", lifespan=lifespan, routes=published.routes())
