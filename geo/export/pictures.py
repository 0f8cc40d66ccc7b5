"""The route map as a still picture for slides and print: PNG, SVG or PDF.

Drawn offline with geopandas and matplotlib from the shipped vector layers,
in Web Mercator like the web map, with the same layers and colours, a legend,
the credits and a scale bar. Every file carries its parameters and data
versions (PNG text chunks, SVG ``<metadata>``, PDF document info).
"""

from __future__ import annotations

import json
import math
import textwrap
from pathlib import Path
from typing import BinaryIO

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from shapely.geometry import LineString, box  # noqa: E402

from geo import vocab
from geo.export.explainer import ALL_LAYERS, parse_layers  # noqa: E402
from geo.export.meta import export_metadata  # noqa: E402
from geo.i18n import N_, _, format_decimal  # noqa: E402
from geo.maps import style as ms  # noqa: E402
from geo.maps.inset import INSET_TITLE, STRAIT_DETAIL_BOUNDS  # noqa: E402
from geo.model.period import Period  # noqa: E402
from geo.model.scene import Scene  # noqa: E402
from geo.model.stats import NO_DATA, coverage_sentences, figures, headline  # noqa: E402
from geo.vocab import CHAIN_BOUNDS  # noqa: E402

WEB = "EPSG:3857"
SIZES = {"slides": ((19.2, 10.8), 100), "print": ((11.69, 8.27), 300)}  # 1920×1080 px; A4 at 300 dpi
FORMATS = ("png", "svg", "pdf")
LAND_EAST = 15.9  # the shipped countries layer ends at 16° E; keep the frame on it


def _frame(geometries, crs: str = "EPSG:4326") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(geometry=list(geometries), crs=crs).to_crs(WEB)


INSET_SHARE = 0.37  # of the width, on the left: the Strait detail and the legend
PICTURE_BOUNDS = [[47.8, 0.4], [53.6, 11.0]]  # the chain with the whole of the Länder named


def view_box(aspect: float, left_share: float = INSET_SHARE,
             bounds=CHAIN_BOUNDS) -> tuple[float, float, float, float]:
    """The chain's extent in Web Mercator, widened to the picture's aspect,
    with ``left_share`` of the width kept free on the left for the inset."""
    (south, west), (north, east) = bounds
    x0, y0, x1, y1 = _frame([box(west, south, east, north)]).total_bounds
    cx, cy, w, h = (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0
    free = aspect * (1 - left_share)
    w, h = (h * free, h) if w / h < free else (w, w / free)
    full = w / (1 - left_share)
    right = min(cx + w / 2, _frame([box(LAND_EAST, south, LAND_EAST, north)]).total_bounds[0])
    return right - full, cy - h / 2, right, cy + h / 2


def _draw_inset(fig, scene: Scene, incidents, chosen: tuple[str, ...], text: float, strip: float):
    """The Dover Strait in detail, top left, framed, with the same layers; the
    main map marks its frame."""
    (south, west), (north, east) = STRAIT_DETAIL_BOUNDS
    rect = [0.008, 0.33 + strip, INSET_SHARE - 0.02, 0.49]
    ax = fig.add_axes(rect)
    view = view_box(rect[2] * fig.get_figwidth() / (rect[3] * fig.get_figheight()), 0.0, STRAIT_DETAIL_BOUNDS)
    ax.add_patch(plt.Rectangle((view[0], view[1]), view[2] - view[0], view[3] - view[1], color=ms.SEA, zorder=-10))
    _draw_base(ax, scene.layers)
    _draw_layers(ax, scene, incidents, chosen)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for spine in ax.spines.values():
        spine.set_edgecolor("#1f2328")
        spine.set_linewidth(1.5)
    ax.set_title(_(INSET_TITLE), fontsize=text * 1.05, loc="left", fontweight="bold")
    return _frame([box(west, south, east, north)])


def _draw_base(ax, layers: dict) -> None:
    if "countries" in layers:
        layers["countries"].to_crs(WEB).plot(ax=ax, color=ms.LAND, edgecolor=ms.LAND_EDGE, linewidth=0.6)
    if "land_detail" in layers:
        layers["land_detail"].to_crs(WEB).plot(ax=ax, color=ms.LAND, linewidth=0)
    if "borders" in layers:
        layers["borders"].to_crs(WEB).plot(ax=ax, color="#7b8590", linewidth=0.9, linestyle=(0, (5, 4)))
    if "roads" in layers:
        layers["roads"].to_crs(WEB).plot(ax=ax, color="#c9bfae", linewidth=1.0)


def _draw_layers(ax, scene: Scene, incidents: gpd.GeoDataFrame | None, chosen: tuple[str, ...]) -> None:
    if "storage" in chosen and scene.storage is not None:
        _draw_storage(ax, scene.storage)
    if "routes" in chosen and scene.drawn_routes:
        for indicative, alpha in ((True, 0.35), (False, 1.0)):  # regions' indicative routes drawn faint
            lines = [LineString(r.road_path) for r in scene.drawn_routes if r.indicative == indicative]
            if lines:
                _frame(lines).plot(ax=ax, color=ms.ROUTE, linewidth=2.4, alpha=alpha)
    if "launch" in chosen and scene.launch is not None:
        scene.launch.to_crs(WEB).plot(ax=ax, color=ms.LAUNCH, alpha=0.75, edgecolor="#b07800", linewidth=1)
    if "corridors" in chosen and scene.corridors:
        _frame([c.line for c in scene.corridors]).plot(ax=ax, color=ms.CORRIDOR, linewidth=1.6,
                                                       linestyle=(0, (4, 3)))
    if "landing" in chosen and scene.landing is not None:
        scene.landing.to_crs(WEB).plot(ax=ax, color=ms.LANDING, alpha=0.6, edgecolor="#00664a", linewidth=1)
    if "tss" in chosen and scene.tss is not None:
        tss = scene.tss.to_crs(WEB)
        zones = tss[tss.geom_type == "Polygon"]
        if not zones.empty:
            zones.plot(ax=ax, color=ms.TSS_ZONE, alpha=0.35, linewidth=0)
        tss[tss.geom_type != "Polygon"].plot(ax=ax, color=ms.TSS_LANE, linewidth=0.7)
    boundary = scene.layers.get("boundary")
    if "boundary" in chosen and boundary is not None:
        boundary[boundary.geom_type == "LineString"].to_crs(WEB).plot(
            ax=ax, color=ms.BOUNDARY, linewidth=1.4, linestyle=(0, (6, 3, 1, 3)))
    if "incidents" in chosen and incidents is not None and not incidents.empty:
        rows = incidents.sort_values("dead_missing", ascending=False).to_crs(WEB)
        sizes = [(1.5 * ms.incident_radius(v)) ** 2 for v in rows["dead_missing"]]
        colours = [ms.SETTING_COLOURS.get(s, "#555555") for s in rows["setting"]]
        doubtful = (rows.get("location_doubt", pd.Series("", index=rows.index)).fillna("") != "").to_numpy()
        for pick, edge, style in ((~doubtful, "white", "solid"), (doubtful, ms.DOUBT_STYLE["color"], "--")):
            ax.scatter(rows.geometry.x[pick], rows.geometry.y[pick], s=[z for z, p in zip(sizes, pick) if p],
                       c=[c for c, p in zip(colours, pick) if p], edgecolors=edge, linewidths=1.2,
                       linestyles=style, alpha=0.85 if style == "solid" else 0.5, zorder=5)


def _draw_storage(ax, storage: gpd.GeoDataFrame) -> None:
    """Outlines as on the web map: filled where boats were stored or seized, dashed otherwise."""
    for row in storage.to_crs(WEB).itertuples(index=False):
        found = row.kind_shown in ("storage", "seizure")
        colour = ms.STORAGE if found else ms.RAID
        alpha = {"storage_region": 0.10, "storage_district": 0.18}.get(row.kind, 0.45) * (1 if found else 0.5)
        gpd.GeoSeries([row.geometry], crs=WEB).plot(ax=ax, color=colour, alpha=alpha, linewidth=0)
        gpd.GeoSeries([row.geometry], crs=WEB).boundary.plot(ax=ax, color=colour, linewidth=1.2,
                                                             linestyle="-" if found else (0, (4, 3)))


def _legend(ax, chosen: tuple[str, ...], fontsize: float) -> None:
    items = {
        "storage": Patch(facecolor=ms.STORAGE + "73", edgecolor=ms.STORAGE,
                         label=_("Boats stored or seized (outline of the Land, district or city named)")),
        "raids": Patch(facecolor="none", edgecolor=ms.RAID, ls="--",
                       label=_("Only arrests, raids or a purchase offer")),
        "routes": Line2D([], [], color=ms.ROUTE, lw=2.4, label=_("Supply route (motorways)")),
        "launch": Patch(facecolor=ms.LAUNCH, label=_("Launch area (reported)")),
        "corridors": Line2D([], [], color=ms.CORRIDOR, lw=1.6, ls="--", label=_("Crossing corridor (straight line)")),
        "landing": Patch(facecolor=ms.LANDING, alpha=0.6, label=_("Landing point in Kent")),
        "tss": Line2D([], [], color=ms.TSS_LANE, lw=1, label=_("Shipping lanes and zones (TSS)")),
        "boundary": Line2D([], [], color=ms.BOUNDARY, lw=1.4, ls="-.", label=_("UK–France boundary (1988)")),
    }
    handles = [items[k] for k in chosen if k in items]
    if "storage" in chosen:
        handles.insert(1, items["raids"])
    if "incidents" in chosen:
        for setting, words in (
                ("sea_or_shore", N_("Dead or missing at sea or shore (area ∝ number, IOM minimum estimates)")),
                ("land_or_inland", N_("Dead or missing on land (area ∝ number, IOM minimum estimates)"))):
            handles.append(Line2D([], [], marker="o", ls="", markersize=9, markeredgecolor="white",
                                  markerfacecolor=ms.SETTING_COLOURS[setting], label=_(words)))
        handles.append(Line2D([], [], marker="o", ls="", markersize=9, markeredgecolor=ms.DOUBT_STYLE["color"],
                              markerfacecolor="none", label=_("Location doubtful: point contradicts its own text")))
    ax.legend(handles=handles, loc="lower left", fontsize=fontsize, framealpha=0.94, title=_("Legend"),
              title_fontsize=fontsize)


def nice_km(span_km: float) -> int:
    """A round scale-bar length of about a fifth of the width.

    >>> nice_km(640), nice_km(90)
    (100, 10)
    """
    target = span_km / 5
    return max(v for v in (1, 2, 5, 10, 20, 50, 100, 200, 500) if v <= max(target, 1))


def _scale_bar(ax, view: tuple[float, float, float, float], fontsize: float) -> None:
    """A bar true at its own latitude (Web Mercator stretches by 1/cos φ)."""
    x0, y0, x1, y1 = view
    y = y0 + (y1 - y0) * 0.06
    lat = math.degrees(2 * math.atan(math.exp(y / 6378137.0)) - math.pi / 2)
    stretch = 1 / math.cos(math.radians(lat))
    km = nice_km((x1 - x0) / stretch / 1000)
    length = km * 1000 * stretch
    x = x1 - (x1 - x0) * 0.03 - length
    ax.plot([x, x + length], [y, y], color="#222222", lw=4, solid_capstyle="butt", zorder=6)
    label = _("{km} km (at {lat}° N)").format(km=km, lat=format_decimal(lat))
    ax.text(x + length / 2, y + (y1 - y0) * 0.012, label, ha="center", va="bottom",
            fontsize=fontsize, zorder=6)


def _figures_text(crossings, incidents, period: Period) -> str:
    """The figures line, then a line per figure group that covers part of
    the period or none of it (its reason: "no data" is not zero)."""
    h = headline(crossings, incidents, period)
    shown = figures(h)
    lines = ["   ".join(f"{f.label}: {f.value}" for f in shown), *coverage_sentences(h)]
    lines += [f.coverage for f in shown if f.value == _(NO_DATA) and f.label in (_("People crossed"), _("Dead"))]
    return "\n".join(lines)


def draw(scene: Scene, incidents: gpd.GeoDataFrame | None, crossings: pd.DataFrame | None,
         period: Period, layers: tuple[str, ...] = ALL_LAYERS, size: str = "slides",
         title: str = N_("The Channel small-boat route")):
    """The picture as a matplotlib figure (close it after saving)."""
    if size not in SIZES:
        raise ValueError(f"Expected a size from {', '.join(SIZES)}, instead got: {size!r}")
    chosen = parse_layers(",".join(layers))
    (width, height), dpi = SIZES[size]
    text = width * 0.8  # points: readable on a projector and on paper
    fig = plt.figure(figsize=(width, height), dpi=dpi, facecolor="white")
    strip = 0.05  # the credits lines under the map
    ax = fig.add_axes([0, strip, 1, 1 - strip])
    view = view_box(width / (height * (1 - strip)), bounds=PICTURE_BOUNDS)
    ax.add_patch(plt.Rectangle((view[0], view[1]), view[2] - view[0], view[3] - view[1],
                               color=ms.SEA, zorder=-10))
    period_incidents = None if incidents is None else incidents[
        incidents["year_month"].between(period.start, period.end)]
    _draw_base(ax, scene.layers)
    _draw_layers(ax, scene, period_incidents, chosen)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_axis_off()
    frame = _draw_inset(fig, scene, period_incidents, chosen, text, strip)
    frame.boundary.plot(ax=ax, color="#1f2328", linewidth=1.3, linestyle=(0, (4, 3)))
    _legend(ax, chosen, text * 0.8)
    _scale_bar(ax, view, text)
    ax.text(0.012, 0.975, f"{_(title)} · {period.label}", transform=ax.transAxes, fontsize=text * 1.9,
            fontweight="bold", va="top", color="#1f2328")
    ax.text(0.012, 0.915, _figures_text(crossings, incidents, period), transform=ax.transAxes,
            fontsize=text * 1.1, va="top", color="#1f2328",
            bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 4})
    fig.text(0.006, strip / 2, "\n".join(textwrap.wrap(vocab.credits() + " (bkg.bund.de)", 200)),
             fontsize=text * 0.68, ha="left", va="center", color="#30363d")
    return fig


def file_metadata(fmt: str, meta: dict, title: str) -> dict:
    """Metadata in the keys each matplotlib backend writes."""
    blob = json.dumps(meta, ensure_ascii=False)
    if fmt == "png":
        return {"Title": title, "Software": meta["generator"], "Source": vocab.CREDITS, "channel-routes": blob}
    if fmt == "svg":
        return {"Title": title, "Description": blob, "Rights": vocab.CREDITS, "Creator": meta["generator"]}
    return {"Title": title, "Subject": blob, "Keywords": vocab.CREDITS, "Creator": meta["generator"]}


def save(scene: Scene, incidents, crossings, period: Period, out: Path | BinaryIO, fmt: str = "png",
         layers: tuple[str, ...] = ALL_LAYERS, size: str = "slides") -> Path | BinaryIO:
    """Draw and write the picture with its metadata to a path or a binary
    file object; returns what it wrote to (a path as :class:`Path`)."""
    if fmt not in FORMATS:
        raise ValueError(f"Expected a format from {', '.join(FORMATS)}, instead got: {fmt!r}")
    title = _("The Channel small-boat route") + f" · {period.label}"
    meta = export_metadata(period, tuple(layers), {"size": size, "format": fmt}, crossings, incidents)
    fig = draw(scene, incidents, crossings, period, layers, size)
    try:
        fig.savefig(out, format=fmt, dpi=SIZES[size][1], metadata=file_metadata(fmt, meta, title))
    finally:
        plt.close(fig)
    return out if hasattr(out, "write") else Path(out)
