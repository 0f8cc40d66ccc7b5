"""``python -m bench``: print the table and write it as JSON and Markdown.

Options: ``--sizes 1000,10000`` (synthetic sizes), ``--quick`` (fewer runs),
``--no-browser``, ``--no-app``, ``--out DIR`` (default ``bench/results``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from bench import table
from bench.run import Config, machine
from bench.suite import run_all

RESULTS = Path(__file__).resolve().parent / "results"


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic incident counts, comma-separated")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (smoke runs)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figures")
    parser.add_argument("--no-app", action="store_true", help="skip starting the Streamlit app")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for latest.json and latest.md")
    return parser.parse_args(argv)


def config_from(args: argparse.Namespace) -> Config:
    try:
        sizes = tuple(int(size) for size in args.sizes.split(",") if size.strip())
    except ValueError:
        raise SystemExit(f"Expected --sizes as whole numbers, comma-separated, instead got: {args.sizes!r}") from None
    config = Config(sizes=sizes, use_browser=not args.no_browser, use_app=not args.no_app)
    if args.quick:
        config.server_runs, config.baseline_runs, config.browser_runs = 3, 1, 1
    return config


def main(argv: list[str] | None = None) -> dict:
    args = parse(argv)
    config = config_from(args)
    began = time.perf_counter()
    load_before = machine()["load_average_1_5_15"]
    rows = run_all(config)
    about = machine()
    about["load_average_at_start"] = load_before
    report = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "machine": about,
              "seconds": round(time.perf_counter() - began), "rows": [row.as_dict() for row in rows]}
    print()
    print(table.text(rows))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    heading = (f"Run {report['when']} on {about['nproc']} cores, {about['cpu']}, {about['ram_gb']} GB RAM, "
               f"Python {about['python']}; {report['seconds']} s in all. Load average (1/5/15 min) at start "
               f"{about['load_average_at_start']}, at end {about['load_average_1_5_15']} (shared machine).\n\n")
    (args.out / "latest.md").write_text(heading + table.markdown(rows) + "\n", encoding="utf-8")
    print(f"\nWritten: {args.out / 'latest.json'} and {args.out / 'latest.md'}")
    return report


if __name__ == "__main__":
    main()
