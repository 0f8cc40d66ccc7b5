"""What ``make run`` starts: the app (``app.py``), answering once the landing page's caches are filled.

Streamlit runs no app code before the first visitor connects, so the first visit after a start used to
load the data, build the routes and draw the map document itself (about 3 s of script). ``st.App``'s
lifespan hook fills those process caches first (``ui.cache.warm``, in its own thread); the server takes
requests once it has, so the first visitor finds them ready. A failure there is logged and the server
starts anyway: the pages show their own data errors.

It also serves the in-place map's document and incident table over plain HTTP (``ui.published``), so a
visitor's browser fetches each once and keeps it.
"""

import asyncio
import logging
import threading
from contextlib import asynccontextmanager

import streamlit as st

from ui import published

WARM_THREAD = "channel-routes-warm"
log = logging.getLogger("channel_routes.serve")


class _NotInScript(logging.Filter):
    """Drops Streamlit's "missing ScriptRunContext" warning for the warm-up thread, which runs no script."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != WARM_THREAD or "ScriptRunContext" not in record.getMessage()


def _warm(loop: asyncio.AbstractEventLoop, done: asyncio.Future) -> None:
    try:
        from ui.cache import warm
        warm()
    except Exception:  # noqa: BLE001 - the pages report data errors themselves; the server must start
        log.exception("warming the caches failed; the first visit fills them")
    finally:
        loop.call_soon_threadsafe(done.set_result, None)


@asynccontextmanager
async def lifespan(app):
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_NotInScript())
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    threading.Thread(target=_warm, args=(loop, done), name=WARM_THREAD, daemon=True).start()
    await done
    yield None


app = st.App("app.py", lifespan=lifespan, routes=published.routes())
