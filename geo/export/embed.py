"""The iframe snippet a newsroom pastes into an article to embed the explainer.

The frame is sandboxed: scripts run, but in an opaque origin with no access
to the host page, its cookies or storage. Links in popups open in a new tab
(``allow-popups`` and ``allow-popups-to-escape-sandbox``). The explainer
loads nothing from anywhere, so it works whichever origin serves the host.
"""

from __future__ import annotations

from urllib.parse import urlparse

from geo.maps.popups import esc

SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"


def iframe_snippet(src: str, title: str = "Map: the Channel small-boat route", height_px: int = 900) -> str:
    """A responsive, sandboxed ``<iframe>`` for the exported HTML at ``src``.

    ``src`` is where the publisher uploads the file: an http(s) URL or a path.

    >>> print(iframe_snippet("channel.html", height_px=800))  # doctest: +ELLIPSIS
    <iframe src="channel.html" title="Map: the Channel small-boat route"
      sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy"
      referrerpolicy="no-referrer" style="display:block;...;height:min(800px,90vh);border:0"></iframe>
    >>> iframe_snippet("javascript:alert(1)")
    Traceback (most recent call last):
    ...
    ValueError: Expected an http(s) URL or a relative path for the iframe, instead got: 'javascript:alert(1)'
    """
    parsed = urlparse(src.strip())
    if parsed.scheme not in ("", "http", "https") or (parsed.scheme and not parsed.netloc) or not src.strip():
        raise ValueError(f"Expected an http(s) URL or a relative path for the iframe, instead got: {src!r}")
    if not 200 <= int(height_px) <= 3000:
        raise ValueError(f"Expected a height from 200 to 3000 px, instead got: {height_px!r}")
    return (f'<iframe src="{esc(src.strip())}" title="{esc(title)}"\n  sandbox="{SANDBOX}" loading="lazy"\n'
            f'  referrerpolicy="no-referrer" style="display:block;width:100%;max-width:100%;'
            f'height:min({int(height_px)}px,90vh);border:0"></iframe>')
