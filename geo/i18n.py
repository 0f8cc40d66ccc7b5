"""The reader's language: English, French or German.

One switch (``?lang=``, the sidebar, ``--lang``) sets the language for a run
with :func:`use_language` or :func:`set_language`; everything a reader sees
goes through :func:`_` (gettext catalogs under ``geo/locales``, compiled in
process on first use) and the ``format_*`` helpers (Babel's locale data), so
no function signature has to carry the language.

Strings defined at import time are marked with :func:`N_` and translated
where they are shown.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_month_names
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal as _babel_decimal
from babel.numbers import get_group_symbol

LANGS = ("en", "fr", "de")
DEFAULT_LANG = "en"
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "de": "Deutsch"}
_CURRENT: ContextVar[str] = ContextVar("channel_routes_lang", default=DEFAULT_LANG)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (import-time text)."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural form for extraction without translating it; :func:`ngettext` picks
    the form where it is shown (``geo.data.schema.Reason`` keeps such a pair with its ``count``)."""
    return singular, plural


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang`` (English is the source language)."""
    if lang == DEFAULT_LANG:
        return gettext.NullTranslations()
    source = resources.files("geo").joinpath("locales", lang, "LC_MESSAGES", "messages.po")
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def current_language() -> str:
    """The language of this run (``en`` unless one was set)."""
    return _CURRENT.get()


def set_language(lang: str) -> None:
    """Set the language for the rest of this thread's run (the Streamlit edge)."""
    if lang not in LANGS:
        raise ValueError(f"Expected one of {', '.join(LANGS)}, instead got: {lang!r}")
    _CURRENT.set(lang)


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    """Translate into ``lang`` inside the block (the CLI, cached exports).

    >>> with use_language("fr"):
    ...     _("Route map")
    'Carte de la route'
    >>> _("Route map")
    'Route map'
    """
    if lang not in LANGS:
        raise ValueError(f"Expected one of {', '.join(LANGS)}, instead got: {lang!r}")
    token = _CURRENT.set(lang)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for ``count`` in the current language."""
    return translations(current_language()).ngettext(singular, plural, count)


def plural_index(count: int) -> int:
    """Which of a message's plural forms the current language uses for ``count``
    (the catalog's ``Plural-Forms`` rule, as :func:`ngettext` applies it).

    >>> [plural_index(n) for n in (0, 1, 2)], [f(n) for f in _in("fr", fn="plural_index") for n in (0, 1, 2)]
    ([1, 0, 1], [0, 0, 1])
    """
    catalog = translations(current_language())
    return catalog.plural(count) if isinstance(catalog, gettext.GNUTranslations) else int(count != 1)


def group_symbol() -> str:
    """The thousands separator :func:`format_number` puts in, for scripts that count in the browser.

    >>> [group_symbol()] + [f() for f in _in("fr", "de", fn="group_symbol")]
    [',', '\u202f', '.']
    """
    return get_group_symbol(current_language())


def format_number(value: float | int) -> str:
    """A count with the locale's grouping.

    >>> [format_number(36816)] + [f(36816) for f in _in("fr", "de")]
    ['36,816', '36\u202f816', '36.816']
    """
    return _babel_decimal(value, format="#,##0", locale=current_language())


def format_decimal(value: float, digits: int = 1) -> str:
    """A decimal with ``digits`` places and the locale's separators.

    >>> [format_decimal(53.0)] + [f(53.0) for f in _in("fr", "de", fn="format_decimal")]
    ['53.0', '53,0', '53,0']
    """
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return _babel_decimal(value, format=pattern, locale=current_language())


def format_month(month: str, width: str = "abbreviated") -> str:
    """A ``YYYY-MM`` month as the locale writes it (``Sep 2024``, ``sept. 2024``).

    >>> [format_month("2024-09")] + [f("2024-09") for f in _in("fr", "de", fn="format_month")]
    ['Sep 2024', 'sept. 2024', 'Sept. 2024']
    """
    skeleton = {"abbreviated": "MMM y", "wide": "MMMM y"}[width]
    return format_date(dt.date.fromisoformat(month + "-01"), skeleton, locale=current_language())


def month_abbreviations() -> list[str]:
    """January to December, abbreviated as the locale writes them on their own (a chart's axis).

    >>> [month_abbreviations()[8]] + [f()[8] for f in _in("fr", "de", fn="month_abbreviations")]
    ['Sep', 'sept.', 'Sep']
    """
    names = get_month_names("abbreviated", context="stand-alone", locale=current_language())
    return [names[number] for number in range(1, 13)]


DAY_PATTERNS = {"en": "d MMM y", "fr": "d MMM y", "de": "d. MMM y"}
FIRST_DAY_PATTERNS = {"fr": "d'er' MMM y"}  # French writes the first of a month as an ordinal: 1er déc.


def format_day(day: dt.date | str) -> str:
    """A day as the locale writes it.

    >>> [format_day("2025-09-29")] + [f("2025-09-29") for f in _in("fr", "de", fn="format_day")]
    ['29 Sep 2025', '29 sept. 2025', '29. Sept. 2025']
    >>> [format_day("2025-12-01")] + [f("2025-12-01") for f in _in("fr", "de", fn="format_day")]
    ['1 Dec 2025', '1er déc. 2025', '1. Dez. 2025']
    """
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    lang = current_language()
    pattern = FIRST_DAY_PATTERNS.get(lang, DAY_PATTERNS[lang]) if day.day == 1 else DAY_PATTERNS[lang]
    return format_date(day, pattern, locale=lang)


def format_when(text: str) -> str:
    """A source's date as the locale writes it, at the precision given (day, month or as it is).

    >>> [format_when("2024-10-25"), format_when("2024-12"), format_when("2024")]
    ['25 Oct 2024', 'Dec 2024', '2024']
    >>> [f("2024-10-25") for f in _in("fr", "de", fn="format_when")]
    ['25 oct. 2024', '25. Okt. 2024']
    """
    text = str(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return format_day(text)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return format_month(text)
    return text


# Places whose name differs in French or German; everything else keeps its own name.
PLACE_NAMES = (N_("Dunkirk"), N_("Dunkirk – Gravelines"), N_("Dover"), N_("Cologne"), N_("Dover Strait"),
               N_("English Channel"), N_("North Rhine-Westphalia"), N_("Lower Saxony"),
               N_("Düsseldorf region"), N_("Osnabrück area"), N_("Somme bay (Cayeux-sur-Mer)"),
               N_("Belgian coast (De Panne – Nieuwpoort)"), N_("Canche – Berck – Authie bay"),
               N_("Amsterdam (Schiphol arrest)"), N_("Kingsdown (near Deal)"), N_("North Sea"),
               N_("Ruhr/Cologne area"), N_("Dunkirk–Calais coast"), N_("near Osnabrück"))


def place_name(name: str) -> str:
    """A place's name in the reader's language where it differs.

    >>> with use_language("de"):
    ...     place_name("Cologne"), place_name("Calais")
    ('Köln', 'Calais')
    """
    return _(name) if name in PLACE_NAMES else name


COUNTRY_CODES = {"Germany": "DE", "France": "FR", "Belgium": "BE", "Netherlands": "NL", "Luxembourg": "LU",
                 "Bulgaria": "BG", "Türkiye": "TR", "United Kingdom": "GB", "UK": "GB"}


def country_name(name: str) -> str:
    """A country's English name in the reader's language (Babel's CLDR names); others unchanged.

    >>> with use_language("de"):
    ...     country_name("Netherlands"), country_name("Atlantis")
    ('Niederlande', 'Atlantis')
    """
    code = COUNTRY_CODES.get(name)
    if code is None or current_language() == DEFAULT_LANG:
        return name
    return Locale.parse(current_language()).territories.get(code, name)


@cache
def _template_pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)))


def english_template(text: str, templates: tuple[str, ...]) -> tuple[str, dict[str, str]] | None:
    """The first of ``templates`` that wrote ``text``, with the values it was given; None if none did.

    >>> english_template("5 km from Calais", ("{km} km from {place}",))
    ('{km} km from {place}', {'km': '5', 'place': 'Calais'})
    """
    for template in templates:
        match = _template_pattern(template).fullmatch(text)
        if match:
            return template, match.groupdict()
    return None


def from_english(text: str, templates: tuple[str, ...], shown=lambda value: value) -> str:
    """Text this app wrote in English from one of ``templates`` (and stored, e.g. in a cached table), in the
    reader's language; ``shown`` turns each value into what the reader sees. Other text comes back unchanged.

    >>> with use_language("de"):
    ...     from_english("5 km from Calais", ("{km} km from {place}",), shown=str.upper)
    '5 km from CALAIS'
    """
    found = english_template(text, templates)
    if found is None:
        return text
    template, values = found
    return _(template).format(**{name: shown(value) for name, value in values.items()})


def lang_from_query(params: Mapping[str, object]) -> tuple[str | None, str | None]:
    """The language a URL asks for, and a message when its value is not one of ours.

    >>> lang_from_query({"lang": "fr"}), lang_from_query({})
    (('fr', None), (None, None))
    >>> lang_from_query({"lang": "es"})[1]
    "Ignored the URL's lang='es': expected en, fr or de. Showing the default language."
    """
    value = params.get("lang")
    if value is None:
        return None, None
    if isinstance(value, list):
        value = value[-1] if value else ""
    if str(value).lower() in LANGS:
        return str(value).lower(), None
    return None, _("Ignored the URL's lang={value!r}: expected en, fr or de. Showing the default "
                   "language.").format(value=str(value))


def lang_from_locale(locale: str | None) -> str:
    """The language of a browser locale (``fr-CA`` -> ``fr``), else English.

    >>> lang_from_locale("de-AT"), lang_from_locale("es-ES"), lang_from_locale(None)
    ('de', 'en', 'en')
    """
    if not locale:
        return DEFAULT_LANG
    try:
        language = Locale.parse(locale.replace("-", "_")).language
    except (ValueError, UnknownLocaleError):
        return DEFAULT_LANG
    return language if language in LANGS else DEFAULT_LANG


def _in(*langs: str, fn: str = "format_number") -> list:
    """Doctest helper: ``fn`` bound to each of ``langs``."""
    def bound(lang: str):
        def call(*args, **kwargs):
            with use_language(lang):
                return globals()[fn](*args, **kwargs)
        return call
    return [bound(lang) for lang in langs]


def vega_locale() -> dict:
    """Vega's number and time locale for the current language, from Babel's data
    (charts then group thousands and name months as the rest of the page does)."""
    locale = Locale.parse(current_language())
    symbols = locale.number_symbols["latn"]
    week = (6, 0, 1, 2, 3, 4, 5)  # Vega starts the week on Sunday, Babel numbers Monday 0
    return {"number": {"decimal": symbols["decimal"], "thousands": symbols["group"], "grouping": [3],
                       "currency": ["", ""]},
            "time": {"dateTime": "%x, %X", "date": "%d/%m/%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
                     "days": [locale.days["format"]["wide"][d] for d in week],
                     "shortDays": [locale.days["format"]["abbreviated"][d] for d in week],
                     "months": [locale.months["format"]["wide"][m] for m in range(1, 13)],
                     "shortMonths": [locale.months["format"]["abbreviated"][m] for m in range(1, 13)]}}
