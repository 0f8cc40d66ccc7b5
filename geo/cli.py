"""``python -m geo export``: the explainer and the slides picture for scripts.

    python -m geo export --from 2024-01 --to 2024-12 --layers incidents,tss \\
        --format html --out channel-2024.html

Prints one progress line per step on stderr. A failure is one line on stderr
naming the argument or path and the reason (see :mod:`geo.clierrors`): exit 2
for a bad argument, 1 for I/O and data; the --out file is written whole or not
at all (:mod:`geo.atomic`).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import time
from pathlib import Path

from geo import paths
from geo.atomic import atomic_open
from geo.clierrors import PROG, CliError, Parser, one_line, run, usage_error
from geo.i18n import LANGS, use_language
from geo.model.period import Period, is_month

FORMATS = ("html", "png", "svg", "pdf")
SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".png": "png", ".svg": "svg", ".pdf": "pdf"}


def _month(value: str) -> str:
    if not is_month(value):
        raise argparse.ArgumentTypeError(f"expected a month as YYYY-MM, instead got: {value!r}")
    return value


def _layers(value: str) -> tuple[str, ...]:
    """The --layers value as keys; read after the cheap checks, as it imports the exporter."""
    from geo.export.explainer import parse_layers
    from geo.vocab import LAYER_KEYS
    if not value.strip(" ,"):
        raise usage_error("--layers", f"expected 'all' or some of {','.join(LAYER_KEYS)}, instead got: {value!r}")
    try:
        return parse_layers(value)
    except ValueError as error:
        raise usage_error("--layers", str(error)) from None


def _text(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError(f"expected some text, instead got: {value!r}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(f"expected text in UTF-8, instead got: {value!r}") from None
    return value


def _out(value: str) -> Path:
    if not value.strip():
        raise argparse.ArgumentTypeError(f"expected a file name, instead got: {value!r}")
    return Path(value)


def _van_speed(value: str) -> float:
    from geo.model.drive_time import VAN_KMH_RANGE
    try:
        speed = float(value)
    except ValueError:
        speed = float("nan")
    if not VAN_KMH_RANGE[0] <= speed <= VAN_KMH_RANGE[1]:
        raise argparse.ArgumentTypeError(f"expected km/h from {VAN_KMH_RANGE[0]:g} to {VAN_KMH_RANGE[1]:g}, "
                                         f"instead got: {value!r}")
    return speed


def parser() -> argparse.ArgumentParser:
    main = Parser(prog=PROG, description="Channel Routes tools.")
    commands = main.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write the explainer HTML or a picture of the map")
    export.set_defaults(handler=export_command)
    export.add_argument("--from", dest="start", type=_month, required=True, help="first month, YYYY-MM")
    export.add_argument("--to", dest="end", type=_month, required=True, help="last month, YYYY-MM")
    export.add_argument("--layers", default="all",
                        help="comma-separated: storage,routes,launch,corridors,landing,tss,boundary,incidents "
                             "(default: all)")
    export.add_argument("--format", type=str.lower, choices=FORMATS, default=None,
                        help="html, png, svg or pdf (default: from the --out suffix)")
    export.add_argument("--size", choices=("slides", "print"), default="slides",
                        help="pictures: slides (1920×1080) or print (A4 at 300 dpi)")
    export.add_argument("--title", type=_text, default="The Channel small-boat route")
    export.add_argument("--no-story", action="store_true", help="HTML: leave out the story mode")
    export.add_argument("--lang", type=str.lower, choices=LANGS, default="en",
                        help="language of the explainer or picture: en, fr or de (numbers and dates follow it)")
    export.add_argument("--out", type=_out, required=True,
                        help="file to write (whole or not at all); a device such as /dev/stdout needs --format")
    from geo.data.update import add_arguments, command
    update = commands.add_parser("update", help="take new Home Office or IOM files into data/, "
                                                "validated, and say what changed")
    add_arguments(update)
    update.set_defaults(handler=command)
    routes = commands.add_parser("routes", help="print the drive routes table (storage places to launch areas)")
    routes.add_argument("--format", choices=("table", "csv", "json"), default="table")
    routes.add_argument("--speed", type=_van_speed, default=None,
                        help="van top speed in km/h, 60 to 130 (default: 130, the road limits)")
    routes.set_defaults(handler=routes_command)
    return main


def _step(message: str, started: float) -> None:
    print(f"[{time.perf_counter() - started:5.1f} s] {message}", file=sys.stderr, flush=True)


def _format_of(fmt: str | None, out: Path) -> str:
    """The format asked for, checked against the --out suffix, or the one the suffix names."""
    named = SUFFIX_FORMATS.get(out.suffix.lower())
    if fmt and named and fmt != named:
        raise usage_error("--format", f"{fmt!r} contradicts the --out suffix {out.suffix!r}; "
                                      f"give --format {named} or an --out ending in .{fmt}")
    if not fmt and not named:
        raise usage_error("--format", f"not given and the --out suffix is not one of "
                                      f"{', '.join(SUFFIX_FORMATS)}, instead got: {out.suffix!r}")
    return fmt or named


def _check_out(out: Path) -> None:
    """Refuse an --out that cannot be a file before spending time on the export."""
    folder = Path(os.path.realpath(out)).parent
    with contextlib.suppress(OSError, ValueError):
        limit, length = os.pathconf(folder, "PC_NAME_MAX"), len(os.fsencode(out.name))
        if length > limit:
            raise usage_error("--out", f"the file name is {length} bytes, longer than the {limit} its "
                                       f"file system allows, instead got: {str(out)!r}")
    if os.path.isdir(out):
        raise usage_error("--out", f"expected a file, instead got a folder: {str(out)!r}")
    if not os.path.lexists(folder):
        raise usage_error("--out", f"the folder {str(folder)!r} does not exist, instead got: {str(out)!r}")
    if not os.path.isdir(folder):
        raise usage_error("--out", f"{str(folder)!r} is a file, not a folder, instead got: {str(out)!r}")


def _data_folder() -> Path:
    raw = os.environ.get("CHANNEL_ROUTES_DATA")
    folder = paths.data_dir()
    if raw is not None and not raw.strip() or not folder.is_dir():
        shown = str(folder) if raw is None else raw
        raise CliError(f"CHANNEL_ROUTES_DATA: the data folder does not exist, instead got: {shown!r}")
    return folder


def _months_with_data(tables: dict) -> list[str]:
    crossings, incidents = tables.get("crossings"), tables.get("incidents")
    months = set() if crossings is None else set(crossings["month"])
    return sorted(months | (set() if incidents is None else set(incidents["year_month"])))


def _period_in_data(asked: Period, data, folder: Path) -> Period:
    """The asked period cut to the data's span (with a warning), or a refusal naming the span."""
    months = _months_with_data(data.tables)
    if not months:
        first = next((f"; first: {one_line(error)}" for error in data.errors.values()), "")
        raise CliError(f"no usable crossings or incidents in the data folder {str(folder)!r}{first}")
    span = Period(months[0], months[-1])
    if asked.start > span.end or asked.end < span.start:
        raise usage_error("--from/--to", f"the period {asked.start} to {asked.end} is outside the data "
                                         f"({span.start} to {span.end})")
    period = Period(max(asked.start, span.start), min(asked.end, span.end))
    if period != asked:
        print(f"warning: the data runs from {span.start} to {span.end}; exporting {period.start} to "
              f"{period.end} instead of {asked.start} to {asked.end}", file=sys.stderr)
    return period


def _render(fmt: str, args, built, data, period: Period, layers: tuple[str, ...]) -> bytes:
    incidents, crossings = data.tables.get("incidents"), data.tables.get("crossings")
    if fmt == "html":
        from geo.export.explainer import (
            ExportOptions,
            export_html,
        )
        return export_html(built, incidents, crossings, period, layers,
                           ExportOptions(title=args.title, story=not args.no_story)).encode("utf-8")
    from geo.export.pictures import save
    picture = io.BytesIO()
    save(built, incidents, crossings, period, picture, fmt, layers, args.size)
    return picture.getvalue()


def export_command(args: argparse.Namespace) -> int:
    _check_out(args.out)
    fmt = _format_of(args.format, args.out)
    if args.start > args.end:
        raise usage_error("--from", f"expected a month on or before --to {args.end!r}, instead got: {args.start!r}")
    layers = _layers(args.layers)
    folder = _data_folder()
    started = time.perf_counter()
    with atomic_open(args.out) as out:
        from geo.data import load
        from geo.model import scene
        data = load.load_all(folder)
        period = _period_in_data(Period(args.start, args.end), data, folder)
        for error in data.errors.values():
            print(f"warning: cannot use {error.file}: {one_line(error)}; that part is left out", file=sys.stderr)
        _step(f"loaded the shipped data ({len(data.tables)} tables, {len(data.layers)} layers)", started)
        built = scene.build_scene(data)
        _step("built routes and corridors", started)
        with use_language(args.lang):
            page = _render(fmt, args, built, data, period, layers)
        out.write(page)
    _step(f"wrote {args.out} ({fmt}, {len(page) / 1024:,.0f} KB, {period.label}, layers: {','.join(layers)})",
          started)
    return 0


def routes_command(args: argparse.Namespace) -> int:
    from geo.data import load
    from geo.export import route_table
    from geo.model import drive_time, scene
    built = scene.build_scene(load.load_all())
    if not built.routes:
        raise CliError("no routes: the road network, storage or launch places did not load")
    van_kmh = drive_time.DEFAULT_VAN_KMH if args.speed is None else args.speed
    writers = {"table": route_table.routes_text, "json": route_table.routes_json,
               "csv": lambda r, v: route_table.routes_csv(r, v).decode("utf-8")}
    sys.stdout.write(writers[args.format](built.routes, van_kmh))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m geo``; returns the exit code (every failure is one line on stderr).

    Each subcommand's parser sets ``handler``; a handler returns 0 or raises
    :class:`~geo.clierrors.CliError` and writes files with :func:`~geo.atomic.atomic_open`.
    """
    return run(lambda: _dispatch(argv))


def _dispatch(argv: list[str] | None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except CliError as error:  # name the subcommand, as argparse does for its own errors
        error.prog = f"{PROG} {args.command}" if error.prog == PROG else error.prog
        raise
