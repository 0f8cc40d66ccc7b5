"""``python -m geo export``: the explainer and the slides picture for scripts.

    python -m geo export --from 2024-01 --to 2024-12 --layers incidents,tss \\
        --format html --out channel-2024.html

Prints one progress line per step on stderr and exits 2 with a message naming
the bad value for a bad argument.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from geo.period import Period, is_month

FORMATS = ("html", "png", "svg", "pdf")


def _month(value: str) -> str:
    if not is_month(value):
        raise argparse.ArgumentTypeError(f"expected a month as YYYY-MM, instead got: {value!r}")
    return value


def _layers(value: str) -> tuple[str, ...]:
    from geo.export import parse_layers
    try:
        return parse_layers(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _van_speed(value: str) -> float:
    from geo.drive_time import VAN_KMH_RANGE
    try:
        speed = float(value)
    except ValueError:
        speed = float("nan")
    if not VAN_KMH_RANGE[0] <= speed <= VAN_KMH_RANGE[1]:
        raise argparse.ArgumentTypeError(f"expected km/h from {VAN_KMH_RANGE[0]:g} to {VAN_KMH_RANGE[1]:g}, "
                                         f"instead got: {value!r}")
    return speed


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m geo", description="Channel Routes tools.")
    commands = main.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write the explainer HTML or a picture of the map")
    export.add_argument("--from", dest="start", type=_month, required=True, help="first month, YYYY-MM")
    export.add_argument("--to", dest="end", type=_month, required=True, help="last month, YYYY-MM")
    export.add_argument("--layers", type=_layers, default="all",
                        help="comma-separated: storage,routes,launch,corridors,landing,tss,boundary,incidents "
                             "(default: all)")
    export.add_argument("--format", choices=FORMATS, default=None,
                        help="html, png, svg or pdf (default: from the --out suffix)")
    export.add_argument("--size", choices=("slides", "print"), default="slides",
                        help="pictures: slides (1920×1080) or print (A4 at 300 dpi)")
    export.add_argument("--title", default="The Channel small-boat route")
    export.add_argument("--no-story", action="store_true", help="HTML: leave out the story mode")
    export.add_argument("--out", type=Path, required=True, help="file to write")
    routes = commands.add_parser("routes", help="print the drive routes table (storage places to launch areas)")
    routes.add_argument("--format", choices=("table", "csv", "json"), default="table")
    routes.add_argument("--speed", type=_van_speed, default=None,
                        help="van top speed in km/h, 60 to 130 (default: 130, the road limits)")
    return main


def _step(message: str, started: float) -> None:
    print(f"[{time.perf_counter() - started:5.1f} s] {message}", file=sys.stderr, flush=True)


def _format_of(args, main: argparse.ArgumentParser) -> str:
    if args.format:
        return args.format
    suffix = args.out.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        main.error(f"argument --format: not given and the --out suffix is not one of "
                   f"{', '.join(FORMATS)}, instead got: {args.out.suffix!r}")
    return suffix


def export(args, main: argparse.ArgumentParser) -> int:
    fmt = _format_of(args, main)
    layers = args.layers if isinstance(args.layers, tuple) else _layers(args.layers)
    if args.start > args.end:
        main.error(f"argument --from: expected a month on or before --to {args.end!r}, instead got: {args.start!r}")
    if not args.out.parent.exists():
        main.error(f"argument --out: the folder does not exist, instead got: {str(args.out)!r}")
    period = Period(args.start, args.end)
    started = time.perf_counter()
    from geo import load, scene
    data = load.load_all()
    for error in data.errors.values():
        print(f"warning: cannot use {error.file}: {error}; that part is left out", file=sys.stderr)
    _step(f"loaded the shipped data ({len(data.tables)} tables, {len(data.layers)} layers)", started)
    built = scene.build_scene(data)
    _step("built routes and corridors", started)
    incidents, crossings = data.tables.get("incidents"), data.tables.get("crossings")
    if fmt == "html":
        from geo.export import ExportOptions, export_html
        page = export_html(built, incidents, crossings, period, layers,
                           ExportOptions(title=args.title, story=not args.no_story))
        args.out.write_text(page, encoding="utf-8")
    else:
        from geo.static_map import save
        save(built, incidents, crossings, period, args.out, fmt, layers, args.size)
    size_kb = args.out.stat().st_size / 1024
    _step(f"wrote {args.out} ({fmt}, {size_kb:,.0f} KB, {period.label}, layers: {','.join(layers)})", started)
    return 0


def routes(args, main: argparse.ArgumentParser) -> int:
    from geo import drive_time, load, route_table, scene
    built = scene.build_scene(load.load_all())
    if not built.routes:
        main.exit(1, "error: no routes: the road network, storage or launch places did not load\n")
    van_kmh = drive_time.DEFAULT_VAN_KMH if args.speed is None else args.speed
    writers = {"table": route_table.routes_text, "json": route_table.routes_json,
               "csv": lambda r, v: route_table.routes_csv(r, v).decode("utf-8")}
    sys.stdout.write(writers[args.format](built.routes, van_kmh))
    return 0


def main(argv: list[str] | None = None) -> int:
    main_parser = parser()
    args = main_parser.parse_args(argv)
    if args.command == "export":
        return export(args, main_parser)
    if args.command == "routes":
        return routes(args, main_parser)
    return 2
