"""The self-contained explainer: one HTML file, no request to any other origin.

``export_html(scene, incidents, crossings, period, layers, options) -> str``
returns a page holding Leaflet (inlined from the installed package), the map
of the chosen layers, the period's incidents and monthly crossings, a month
slider with a play button, an optional story mode, the credits and the
"as of" dates. A Content-Security-Policy meta tag allows only the page's own
inline scripts (by sha256 hash), inline styles and ``data:`` images.

The page's skeleton, CSS and script are files in ``assets/`` (see
:mod:`geo.export.page`); this module computes what goes into the skeleton.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import asdict, dataclass

import folium
import geopandas as gpd
import pandas as pd

from geo import vocab
from geo.export import page as export_page
from geo.export.meta import as_of, export_metadata
from geo.export.story import chain_bounds, story_steps
from geo.i18n import N_, _, current_language, format_number
from geo.maps import style as ms
from geo.maps.elements import to_json
from geo.maps.inset import StraitInset
from geo.maps.offline import leaflet_css_inline, leaflet_js_inline
from geo.maps.popups import esc, link
from geo.maps.route_map import build_route_map, incident_features
from geo.model.period import Period, month_label
from geo.model.scene import Scene
from geo.model.stats import HOME_OFFICE, IOM, NO_DATA, Headline, coverage_sentences, figures, headline, incidents_in
from geo.vocab import ALL_LAYERS, LAYER_KEYS


@dataclass(frozen=True)
class ExportOptions:
    """What a reader sees besides the map; every field has a sensible default."""

    title: str = N_("The Channel small-boat route")
    subtitle: str | None = None
    story: bool = True
    play_ms: int = 1200


def parse_layers(value: str | None) -> tuple[str, ...]:
    """Layer keys from a comma-separated list; ``None``/``all`` means every layer.

    >>> parse_layers("incidents, tss")
    ('incidents', 'tss')
    >>> parse_layers("beaches")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: Expected layers from storage, ... instead got: 'beaches'
    """
    if value is None or value.strip().lower() in ("", "all"):
        return ALL_LAYERS
    keys = tuple(k.strip().lower() for k in value.split(",") if k.strip())
    for key in keys:
        if key not in LAYER_KEYS:
            raise ValueError(f"Expected layers from {', '.join(LAYER_KEYS)}, instead got: {key!r}")
    return keys


def script_hash(source: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def content_security_policy(scripts: list[str]) -> str:
    hashes = " ".join(script_hash(s) for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
            "base-uri 'none'; form-action 'none'")


def _without_comments(css: str) -> str:
    """CSS without its comments (they hold bug-tracker URLs and cost bytes).

    >>> _without_comments("a { /* see https://x.org */ color: red; }")
    'a {  color: red; }'
    """
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def _incident_data(incidents: gpd.GeoDataFrame | None) -> list[dict]:
    """Incident features tagged with month, dead and missing for the slider."""
    if incidents is None or incidents.empty:
        return []
    features = []
    for month, rows in incidents.groupby("year_month", sort=True):
        for feature_ in incident_features(rows):
            feature_["properties"]["m"] = month
            features.append(feature_)
    return sorted(features, key=lambda f: -f["properties"]["s"]["radius"])


def _crossing_data(crossings: pd.DataFrame | None, period: Period) -> dict:
    if crossings is None:
        return {}
    rows = crossings[crossings["month"].between(period.start, period.end)]
    return {r.month: [int(r.people), int(r.boats), r.status] for r in rows.itertuples(index=False)}


def _map(scene: Scene, layers: tuple[str, ...]) -> tuple[folium.Map, dict[str, str | None]]:
    """The route map without its incidents (the page script adds them) and
    without the layers not chosen; returns the map and the JS names it uses."""
    m = build_route_map(scene, None, asset_base="", height="100%")
    wanted = {LAYER_KEYS[k] for k in layers}
    names: dict[str, str | None] = {"map": m.get_name(), "incidents": None, "control": None}
    for key, child in list(m._children.items()):
        layer_name = getattr(child, "layer_key", getattr(child, "layer_name", None))
        if isinstance(child, folium.FeatureGroup) and layer_name in vocab.LAYER_NAMES:
            if layer_name not in wanted:
                del m._children[key]
            elif layer_name == "Incidents":
                names["incidents"] = child.get_name()
        elif isinstance(child, folium.LayerControl):
            names["control"] = child.get_name()
    kept = {child.get_name() for child in m._children.values()}
    for child in m._children.values():
        if isinstance(child, StraitInset):
            child.keep_only(kept)
    return m, names


def _figure_boxes(h) -> str:
    ids = ["cr-people", "cr-boats", "cr-ppb", "cr-dead", "cr-missing"]
    boxes = []
    for fig_id, figure in zip(ids, figures(h)):
        source = (f'{esc(_(HOME_OFFICE))}, <span class="cr-status">{esc(_(h.crossings_status))}</span>'
                  if figure.source.startswith(_(HOME_OFFICE)) else esc(figure.source))
        boxes.append(f'<div class="cr-fig"><span>{esc(figure.label)}</span><b id="{fig_id}">'
                     f'{esc(figure.value)}</b><small>{source}</small></div>')
    count = "–" if h.incidents is None else format_number(h.incidents)
    incidents, label = esc(_("Incidents")), esc(_("Headline figures"))
    boxes.append(f'<div class="cr-fig"><span>{incidents}</span><b id="cr-incidents">{count}</b>'
                 f'<small>{esc(_(IOM))}</small></div>')
    return f'<section class="cr-figs" aria-live="polite" aria-label="{label}">{"".join(boxes)}</section>'


def _controls(period: Period, story: bool) -> str:
    n = len(period.months)
    words = {key: esc(text) for key, text in (("story", _("Story: follow the route")), ("play", _("Play")),
                                               ("month", _("Month")), ("whole", _("Whole period")))}
    story_button = (f'<button type="button" id="cr-story-start">{words["story"]}</button>' if story else "")
    return (f'<div class="cr-controls"><button type="button" id="cr-play" aria-pressed="false">▶ '
            f'{words["play"]}</button><label class="sr-only" for="cr-month">{words["month"]}</label>'
            f'<input type="range" id="cr-month" min="0" max="{n - 1}" step="1" value="{n - 1}"'
            f'{" disabled" if n == 1 else ""}>'
            f'<output id="cr-month-label" for="cr-month" aria-live="polite">{esc(period.label)}</output>'
            f'<button type="button" id="cr-whole" disabled>{words["whole"]}</button>{story_button}</div>')


def story_panel() -> str:
    """The story's panel and buttons in the reader's language."""
    w = {key: esc(text) for key, text in (("story", _("Story")), ("prev", _("Previous")), ("next", _("Next")),
                                           ("close", _("Close story")),
                                           ("keys", _("Arrow keys step through the story; Esc closes it.")))}
    return (f'<section class="cr-story" id="cr-story" hidden aria-live="polite" aria-label="{w["story"]}">'
            f'<h2 id="cr-story-title"></h2><p id="cr-story-text"></p><nav>'
            f'<button type="button" id="cr-prev">← {w["prev"]}</button>'
            f'<button type="button" id="cr-next">{w["next"]} →</button><span id="cr-story-count"></span>'
            f'<button type="button" id="cr-story-end">{w["close"]}</button></nav>'
            f'<small>{w["keys"]}</small></section>')


def _text_alternative(scene: Scene, h, period: Period) -> str:
    n = lambda frame: 0 if frame is None else len(frame)  # noqa: E731
    c_cov, i_cov = h.crossings_coverage, h.incident_coverage
    people = (_("no Home Office data ({why})").format(why=c_cov.no_data) if c_cov and c_cov.is_empty else
              _("no Home Office figures") if h.people is None else
              _("{people} people crossed in {boats} boats (UK Home Office, {status}{scope})").format(
                  people=format_number(h.people), boats=format_number(h.boats), status=_(h.crossings_status),
                  scope=", " + c_cov.scope if c_cov and c_cov.scope else ""))
    deaths = (_("no IOM data ({why})").format(why=i_cov.no_data) if i_cov and i_cov.is_empty else
              _("no IOM figures") if h.dead is None else
              _("{incidents} incidents with {dead} dead and {missing} missing (IOM Missing Migrants Project, "
                "minimum estimates{scope})").format(
                  incidents=format_number(h.incidents), dead=format_number(h.dead),
                  missing=format_number(h.missing), scope=", " + i_cov.scope if i_cov and i_cov.scope else ""))
    return _("Map of the English Channel small-boat route, {period}. Storage, seizures, raids and a "
             "purchase offer are reported at {storage} places in Germany, drawn as the outlines of the "
             "Länder, districts and cities named; {routes} supply routes "
             "computed on OpenStreetMap motorways run through the Netherlands or Belgium to "
             "{launch} launch areas on the French coast; "
             "{corridors} straight-line crossing corridors cross the Dover Strait shipping lanes "
             "to {landing} landing points in Kent. In this period {people}; {deaths}. The figures "
             "above the map give the same numbers as text and follow the month slider.").format(
        period=period.label, storage=n(scene.storage), routes=len(scene.drawn_routes), launch=n(scene.launch),
        corridors=len(scene.corridors), landing=n(scene.landing), people=people, deaths=deaths)


def _footer(h, dates: dict[str, str]) -> str:
    notes = "".join(f"<li>{esc(note)}</li>" for note in h.crossings_notes + h.incident_notes)
    if current_language() != "en":  # data text stays as published: say in which language
        notes += "<li>" + esc(_("Place descriptions, causes and sources are shown as IOM publishes them, in "
                                "English.")) + "</li>"
    outlines = esc(_("German administrative outlines:"))
    publishers = "".join(f"<li>{esc(_(p))}</li>" for p in vocab.PUBLISHERS) + (
        f"<li>{outlines} "
        f"{link(ms.BKG_URL, '© GeoBasis-DE / BKG 2021 (Daten verändert)')}, "
        f"{link('https://www.govdata.de/dl-de/by-2-0', 'dl-de/by-2-0')}, VG5000 (Stand 01.01.2021)</li>")
    as_of_text = " · ".join(esc(_("{label}: {value}").format(label=_(k), value=v)) for k, v in dates.items())
    as_of_word, credits_word, map_data = esc(_("Data as of")), esc(_("Credits.")), esc(_("Map data and figures:"))
    return (f"<footer><p><b>{as_of_word}</b> {as_of_text}</p><ul>{notes}</ul>"
            f"<p id='cr-credits'><b>{credits_word}</b> {map_data}</p>"
            f"<ul>{publishers}</ul><p>"
            + esc(_("Storage places are the outlines of the Länder, districts and cities their sources name; "
                    "launch and landing areas are circles around reported places; never exact pins. Corridors "
                    "are straight lines, not tracks. The inset shows the Dover Strait in detail. Made with "
                    "Leaflet and Channel Routes; no file or font is loaded from anywhere else.")) + "</p></footer>")


def coverage_data(h: Headline) -> dict:
    """What the slider needs to say "no data": per dataset, the period's months
    without data and the partial months, each with its reason, and the
    whole-period coverage sentences."""
    def months(period_coverage) -> dict:
        months_ = () if period_coverage is None else period_coverage.months
        return {"none": {m.month: m.why for m in months_ if not m.has_data},
                "partial": {m.month: _("{name} covers {detail}.").format(name=_(period_coverage.name), detail=m.why)
                            for m in months_
                            if m.status == "partial"}}
    sentences = coverage_sentences(h) + [f.coverage + _(" (no data, not zero).") for f in figures(h)
                                         if f.value == _(NO_DATA) and f.label in (_("People crossed"), _("Dead"))]
    return {"ho": months(h.crossings_coverage), "iom": months(h.incident_coverage), "period": sentences}


def _coverage_line(client: dict) -> str:
    text = esc(" ".join(client["coverage"]["period"]))
    return f'<p id="cr-coverage" class="cr-coverage" aria-live="polite">{text}</p>'


def _client_data(scene, incidents, crossings, period, layers, options, h: Headline) -> dict:
    return {"months": period.months, "labels": [month_label(m) for m in period.months],
            "period_label": period.label, "crossings": _crossing_data(crossings, period),
            "coverage": coverage_data(h),
            "incidents": _incident_data(incidents_in(incidents, period)) if "incidents" in layers
            and incidents is not None else [],
            "has_incidents": incidents is not None, "play_ms": options.play_ms,
            "bounds": chain_bounds(), "max_bounds": [[44.0, -12.0], [58.0, 20.0]],
            "story": story_steps(scene, incidents, crossings, period) if options.story else [],
            "locale": {"en": "en-GB", "fr": "fr-FR", "de": "de-DE"}[current_language()], "words": client_words()}


def client_words() -> dict[str, str]:
    """The words the page script writes, in the reader's language (plain text, set as textContent)."""
    return {"no_data": _(NO_DATA), "official": _("official"), "provisional": _("provisional"),
            "both": _("official and provisional"), "all": _("(all)"), "play": _("Play"), "pause": _("Pause"),
            "credits": _("Data:"), "credits_link": _("credits below the map")}


def export_html(scene: Scene, incidents: gpd.GeoDataFrame | None, crossings: pd.DataFrame | None,
                period: Period, layers: tuple[str, ...] = ALL_LAYERS,
                options: ExportOptions | None = None) -> str:
    """The explainer page as one HTML string (UTF-8), needing no other file.

    ``incidents`` may hold every incident: only the period's are kept.
    ``layers`` are keys of :data:`LAYER_KEYS`.
    """
    options = options or ExportOptions()
    layers = parse_layers(",".join(layers))
    h = headline(crossings, incidents, period)
    m, names = _map(scene, layers)
    figure = m.get_root()
    figure.render()
    scripts = {"leaflet_js": leaflet_js_inline(),
               "map_js": "L_NO_TOUCH = false; L_DISABLE_3D = false;\n" + figure.script.render(),
               "page_js": export_page.page_script(names["map"], names["incidents"], names["control"])}
    client = _client_data(scene, incidents, crossings, period, layers, options, h)
    meta = export_metadata(period, layers, asdict(options), crossings, incidents)
    subtitle = options.subtitle or _("{period}: where boats are stored, the roads to the coast, the launch "
                                     "beaches, the crossing and the people who died or went missing.").format(
        period=period.label)
    title = _(options.title) if options.title == ExportOptions.title else options.title
    return export_page.fill(export_page.skeleton(), {
        "lang": current_language(), "csp": content_security_policy(list(scripts.values())),
        "title": esc(title), "period": esc(period.label), "subtitle": esc(subtitle),
        "parameters": esc(json.dumps(meta["parameters"])),
        "leaflet_css": _without_comments(leaflet_css_inline()), "map_css": ms.MAP_CSS,
        "page_css": export_page.page_css(), "map_name": names["map"],
        "figures": _figure_boxes(h), "coverage": _coverage_line(client), "controls": _controls(period, options.story),
        "story": story_panel() if options.story else "", "map_label": esc(_("Map")), "map": figure.html.render(),
        "text_alternative": esc(_text_alternative(scene, h, period)), "footer": _footer(h, as_of(crossings, incidents)),
        "data": to_json(client), "meta": to_json(meta), **scripts})
