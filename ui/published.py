"""Map documents and incident tables over plain HTTP, for the browser's cache.

The in-place map's document (about 680 KB) and incident table (about 130 KB) are
the same for every visitor until the data, the speed or the language changes,
and each has an id made from its content. ``serve.py`` mounts :func:`routes`; the
page is then sent each item's address (:func:`address`) instead of its text, and
the browser fetches it once and keeps it (``immutable``): a later visit takes it
from the cache instead of through the websocket message that mounts the map.
Under a bare ``streamlit run app.py`` (or AppTest) nothing is mounted,
:func:`address` gives ``None`` and the text travels in the message as before.
"""

from __future__ import annotations

from collections import OrderedDict

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

PREFIX = "/map-data/"
CACHE_CONTROL = "private, max-age=31536000, immutable"  # an id changes exactly when its text does
KEEP = 32  # documents per speed and language, tables per language and upload
_items: OrderedDict[str, tuple[str, str]] = OrderedDict()  # id -> (text, media type)
_mounted = False


async def _serve(request: Request) -> Response:
    item = _items.get(request.path_params["item_id"])
    if item is None:  # a restarted server: the page falls back to the text in its message
        return Response("not found", status_code=404, media_type="text/plain")
    return Response(item[0], media_type=item[1], headers={"Cache-Control": CACHE_CONTROL})


def routes() -> list[Route]:
    """The route ``serve.py`` mounts; from then on items are published."""
    global _mounted
    _mounted = True
    return [Route(PREFIX + "{item_id}", _serve, methods=["GET"])]


def address(item_id: str, text: str, media_type: str) -> str | None:
    """The address at which the browser can fetch ``text`` (kept for the last :data:`KEEP` ids), or
    ``None`` when nothing is mounted."""
    if not _mounted:
        return None
    _items[item_id] = (text, media_type)
    _items.move_to_end(item_id)
    while len(_items) > KEEP:
        _items.popitem(last=False)
    return PREFIX + item_id
