"""Popup and tooltip HTML built only from escaped text.

Every value from data goes through :func:`html.escape`; links are made only
for ``http``/``https`` URLs. Leaflet then receives finished, inert HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import urlparse

import pandas as pd

from geo.places import Report

SETTING_WORDS = {"sea_or_shore": "At sea or on the shore", "land_or_inland": "On land or inland"}
MAX_REPORTS_SHOWN = 6


def esc(value: object) -> str:
    """Escape any value for HTML text and attributes.

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    >>> esc(None)
    ''
    """
    return "" if value is None else html.escape(str(value), quote=True)


def safe_url(url: object) -> str | None:
    """The URL if it is http(s) with a host, else None.

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)"), safe_url("")
    ('https://example.org/a?b=1', None, None)
    """
    if not isinstance(url, str):
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return None
    return url.strip()


def link(url: object, text: str = "source") -> str:
    """An outbound link a reader clicks, or the escaped text alone.

    >>> link("javascript:alert(1)", "x")
    'x'
    """
    target = safe_url(url)
    if target is None:
        return esc(text)
    return f'<a href="{esc(target)}" target="_blank" rel="noopener noreferrer">{esc(text)}</a>'


def links(urls: object, text: str = "link") -> str:
    """One link per http(s) URL in a field that may hold several (IOM joins them
    with commas or spaces); the text alone when there is none.

    >>> links("https://a.org/x,https://b.org/y")
    '<a href="https://a.org/x" target="_blank" rel="noopener noreferrer">link 1</a>, \
<a href="https://b.org/y" target="_blank" rel="noopener noreferrer">link 2</a>'
    >>> links("javascript:alert(1)")
    'link'
    """
    if not isinstance(urls, str):
        return esc(text)
    parts = [p for p in re.split(r"[\s,]+(?=https?://)", urls.strip()) if safe_url(p)]
    if len(parts) <= 1:
        return link(parts[0] if parts else None, text)
    return ", ".join(link(p, f"{text} {n}") for n, p in enumerate(parts, start=1))


def _report_item(report: Report) -> str:
    quote = f'<br><q>{esc(report.quote)}</q>' if report.quote else ""
    return (f"<li><b>{esc(report.date)}</b> · {esc(report.role)} · {esc(report.place)}<br>"
            f"{link(report.url, report.publisher)}{quote}</li>")


def circle_words(level: str, radius_km: float, basis: str) -> str:
    """How a circle area is drawn, as plain text.

    >>> circle_words("stretch of coast", 3, "3 km around the reported places")
    'Approximate area, stretch of coast: radius 3 km (3 km around the reported places).'
    """
    return f"Approximate area, {level}: radius {radius_km:g} km ({basis})."


def outline_words(level: str, basis: str, kinds: Iterable[str]) -> str:
    """How a storage place is drawn and what its sources report there.

    >>> outline_words("city level", "kreisfreie Stadt Essen", ["arrest or raid", "purchase offer"])
    'Reported here: arrest or raid, purchase offer. A city level claim, drawn as the outline of kreisfreie \
Stadt Essen (BKG VG5000, generalised at 1:5 million).'
    """
    return (f"Reported here: {', '.join(kinds) or 'storage'}. A {level} claim, drawn as the outline of "
            f"{basis} (BKG VG5000, generalised at 1:5 million).")


def area_popup(name: str, drawn_as: str, reports: Iterable[Report]) -> str:
    """Popup for an area: what it is, how it is drawn, and who reported it.

    >>> "&lt;b&gt;" in area_popup("<b>", "city level", [])
    True
    """
    reports = list(reports)
    items = "".join(_report_item(r) for r in reports[:MAX_REPORTS_SHOWN])
    more = f"<li>… and {len(reports) - MAX_REPORTS_SHOWN} more</li>" if len(reports) > MAX_REPORTS_SHOWN else ""
    return (f'<div class="cr-pop"><h4>{esc(name)}</h4><p>{esc(drawn_as)}</p>'
            f"<p>{len(reports)} sourced report(s):</p><ul>{items}{more}</ul></div>")


def incident_popup(row) -> str:
    """Popup for one IOM incident (a row with the short column names)."""
    survivors = "not stated" if row.survivors is None or row.survivors != row.survivors else int(row.survivors)
    return (f'<div class="cr-pop"><h4>{esc(row.date.strftime("%d %b %Y"))}: '
            f"{int(row.dead)} dead, {int(row.missing)} missing</h4>"
            f"<p>{esc(row.location)}</p>"
            f"<p>{esc(SETTING_WORDS.get(row.setting, row.setting))} (keyword heuristic, not IOM data)"
            f"<br>Cause: {esc(row.cause)}<br>Survivors: {esc(survivors)}</p>"
            f"<p>Source: {esc(row.source)} ({links(row.url)})<br>"
            f"IOM Missing Migrants Project, {esc(row.incident_id)}. Minimum estimates.</p></div>")


def incident_tooltip(row) -> str:
    return f"{esc(row.date.strftime('%d %b %Y'))}: {int(row.dead_missing)} dead or missing"


MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=:$])")


def md_text(value: object) -> str:
    """Text that Markdown shows literally (Streamlit renders table cells as Markdown:
    ``![x](http://…)`` there would load an image from a third party).

    >>> md_text("![x](http://evil.example/p.png) `tick` **b**")
    '\\\\!\\\\[x\\\\]\\\\(http\\\\://evil\\\\.example/p\\\\.png\\\\) \\\\`tick\\\\` \\\\*\\\\*b\\\\*\\\\*'
    """
    return MARKDOWN_SPECIAL.sub(r"\\\1", "" if value is None else str(value))


def text_table(rows) -> pd.DataFrame:
    """A table for ``st.table`` whose text cells and headers are shown literally;
    numeric columns are left as numbers."""
    frame = pd.DataFrame(rows).copy()
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = [md_text(v) if isinstance(v, str) else v for v in frame[column]]
    return frame.rename(columns={c: md_text(c) for c in frame.columns if isinstance(c, str)})
