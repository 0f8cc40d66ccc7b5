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

from geo.data.area_notes import km_text, note_shown, value_shown
from geo.data.location_check import doubt_text
from geo.i18n import _, format_day, format_number, format_when, ngettext, place_name, plural_index
from geo.model.places import Report
from geo.vocab import SETTING_WORDS

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
    return (f"<li><b>{esc(format_when(report.date))}</b> · {esc(_(report.role))} · {esc(report.place)}<br>"
            f"{link(report.url, report.publisher)}{quote}</li>")


def circle_words(level: str, radius_km: float, basis: str) -> str:
    """How a circle area is drawn, as plain text.

    >>> circle_words("stretch of coast", 3, "3 km around the reported places")
    'Approximate area, stretch of coast: radius 3 km (3 km around the reported places).'
    """
    return _("Approximate area, {level}: radius {radius} km ({basis}).").format(
        level=_(level), radius=value_shown(km_text(radius_km)), basis=note_shown(basis))


def outline_words(level: str, basis: str, kinds: Iterable[str]) -> str:
    """How a storage place is drawn and what its sources report there.

    >>> outline_words("city level", "kreisfreie Stadt Essen", ["arrest or raid", "purchase offer"])
    'Reported here: arrest or raid, purchase offer. A city level claim, drawn as the outline of kreisfreie \
Stadt Essen (BKG VG5000, generalised at 1:5 million).'
    """
    kinds_text = ", ".join(_(kind) for kind in kinds) or _("storage")
    return _("Reported here: {kinds}. A {level} claim, drawn as the outline of {basis} (BKG VG5000, "
             "generalised at 1:5 million).").format(kinds=kinds_text, level=_(level), basis=note_shown(basis))


def area_popup(name: str, drawn_as: str, reports: Iterable[Report]) -> str:
    """Popup for an area: what it is, how it is drawn, and who reported it.

    >>> "&lt;b&gt;" in area_popup("<b>", "city level", [])
    True
    """
    reports = list(reports)
    items = "".join(_report_item(r) for r in reports[:MAX_REPORTS_SHOWN])
    hidden = len(reports) - MAX_REPORTS_SHOWN
    more = ("<li>" + esc(ngettext("… and {count} more", "… and {count} more", hidden).format(count=hidden)) + "</li>"
            if len(reports) > MAX_REPORTS_SHOWN else "")
    quotes = "<p><small>" + esc(_("Quotes as published, in their own language.")) + "</small></p>" if reports else ""
    count = esc(ngettext("{count} sourced report:", "{count} sourced reports:", len(reports)).format(
        count=len(reports)))
    return (f'<div class="cr-pop"><h4>{esc(place_name(name))}</h4><p>{esc(drawn_as)}</p>'
            f"<p>{count}</p><ul>{items}{more}</ul>"
            f"{quotes}</div>")


def survivors_text(value: object) -> str:
    """IOM's survivors figure, or "not stated" (a blank is not zero).

    >>> survivors_text(None), survivors_text(float("nan")), survivors_text(12.0)
    ('not stated', 'not stated', '12')
    """
    return _("not stated") if value is None or value != value else str(int(value))


def records_phrase(here: int, total: int) -> str:
    """How many of an incident's records a popup shows (the map's JS says the same).

    >>> records_phrase(1, 1), records_phrase(2, 2), records_phrase(1, 3)
    ('1 record', '2 records', '1 record here of 3')
    """
    text = _("1 record") if here == 1 else _("{count} records").format(count=here)
    return text if here == total else _("{records} here of {total}").format(records=text, total=total)


def doubt_note(reason: object) -> str:
    """The popup line for a point that contradicts its own text or country, or "".

    >>> doubt_note("published point is 5 km out to sea")
    '<br><b class="cr-doubt">Location doubtful: published point is 5 km out to sea</b>'
    """
    if not reason:
        return ""
    return '<br><b class="cr-doubt">' + esc(_("Location doubtful: {reason}").format(reason=doubt_text(reason))) + "</b>"


def record_block(record) -> str:
    """One IOM record inside an incident popup (escaped)."""
    from geo.model.filters import quality_words  # geo.model.filters imports this module

    words, link_text = popup_words(), _("link")
    return (f"<p>{esc(record.location)} ({esc(record.country)})<br>{counted('dead', int(record.dead))}, "
            f"{counted('missing', int(record.missing))}; {words['survivors']} "
            f"{esc(survivors_text(record.survivors))}; {words['cause']} {esc(record.cause)}<br>{words['source']} "
            f"{esc(record.source)} ({links(record.url, link_text)}); "
            f"{words['quality']} {esc(quality_words(record.source_quality))}<br>{words['record']} "
            f"{esc(record.record_id)}{doubt_note(getattr(record, 'location_doubt', ''))}</p>")


# A count beside its word, one entry per word; ``{count}`` is the number.
COUNTED = {"dead": lambda n: ngettext("1 dead", "{count} dead", n),
           "missing": lambda n: ngettext("1 missing", "{count} missing", n),
           "dead_or_missing": lambda n: ngettext("1 dead or missing", "{count} dead or missing", n),
           "incident": lambda n: ngettext("{count} incident", "{count} incidents", n),
           "iom_record": lambda n: ngettext("{count} IOM record", "{count} IOM records", n),
           "cell_incidents": lambda n: ngettext("in {count} incident in this cell", "in {count} incidents in this cell",
                                                n)}
MAP_COUNTED = ("dead", "missing", "dead_or_missing", "cell_incidents")  # the words the map's script counts with


def counted(word: str, count: int) -> str:
    """A count with its word in the form the reader's language uses for it (escaped).

    >>> counted("dead", 1), counted("dead_or_missing", 13)
    ('1 dead', '13 dead or missing')
    """
    return esc(COUNTED[word](count)).format(count=count)


def counted_text(word: str, count: int) -> str:
    """:func:`counted` as plain text (a page's text, a picker's label), the number in the reader's format.

    >>> from geo.i18n import use_language
    >>> with use_language("fr"):
    ...     counted_text("dead_or_missing", 1), counted_text("incident", 1234)
    ('1 mort ou disparu', '1\u202f234 incidents')
    """
    return COUNTED[word](count).format(count=format_number(count))


def count_forms() -> dict[str, list[str]]:
    """Each counted word's plural forms as escaped ``{count}`` templates, in the order
    :func:`geo.i18n.plural_index` numbers them (the map's script picks one per count).

    >>> count_forms()["dead"]
    ['1 dead', '{count} dead']
    """
    examples: dict[int, int] = {}
    for count in range(200):  # the first count of each form
        examples.setdefault(plural_index(count), count)
    return {word: [esc(COUNTED[word](examples[index])) for index in sorted(examples)] for word in MAP_COUNTED}


def date_counts(date: str, counts: str) -> str:
    """A popup's or tooltip's heading: the (escaped) date, then the (escaped) counts.

    >>> date_counts("3 Sep 2024", "13 dead or missing")
    '3 Sep 2024: 13 dead or missing'
    """
    return popup_words()["date_counts"].format(date=date, counts=counts)


def popup_words() -> dict[str, str]:
    """The field names of an incident popup, escaped, in the reader's language
    (the map's script receives the same words, and :func:`count_forms`)."""
    return {key: esc(text) for key, text in {
        "date_counts": _("{date}: {counts}"), "survivors": _("survivors:"), "cause": _("cause:"),
        "source": _("Source:"), "quality": _("source quality:"), "record": _("IOM record"), "link": _("link"),
        "doubtful": _("location doubtful"),
        "heuristic": _("(keyword heuristic, not IOM data)"), "incident": _("IOM Missing Migrants Project, incident"),
        "minimum": _("Minimum estimates.")}.items()}


def incident_popup(records: pd.DataFrame) -> str:
    """Popup for the records of one IOM incident at one point (see
    :func:`geo.data.records.by_marker`): the incident's totals, then each record.
    :class:`geo.maps.elements.IncidentLayer` assembles the same HTML in the browser."""
    first = records.iloc[0]
    total = int(first["records_total"]) if "records_total" in records.columns else len(records)
    words = popup_words()
    counts = f'{counted("dead", int(records["dead"].sum()))}, {counted("missing", int(records["missing"].sum()))}'
    return (f'<div class="cr-pop"><h4>{date_counts(esc(format_day(first["date"].date())), counts)}</h4>'
            + "".join(record_block(r) for r in records.itertuples(index=False))
            + f'<p>{esc(_(SETTING_WORDS.get(first["setting"], first["setting"])))} {words["heuristic"]}'
            f'<br>{words["incident"]} {esc(first["incident_id"])}, '
            f"{esc(records_phrase(len(records), total))}. {words['minimum']}</p></div>")


def incident_tooltip(records: pd.DataFrame) -> str:
    doubtful = "location_doubt" in records.columns and (records["location_doubt"].astype(str) != "").any()
    heading = date_counts(esc(format_day(records["date"].iloc[0].date())),
                          counted("dead_or_missing", int(records["dead_missing"].sum())))
    return heading + (f" · {popup_words()['doubtful']}" if doubtful else "")


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
