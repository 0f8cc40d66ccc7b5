"""Run every measurement and collect the table rows."""

from __future__ import annotations

import os
import platform
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import baselines, browser, server
from bench.table import Cell
from geo.data import load
from geo.maps.offline import APP_BASE_URL
from geo.maps.route_map import build_route_map, static_layers
from geo.model import stats
from geo.model.period import Period, default_period
from geo.model.scene import build_scene
from geo.paths import VENDOR_DIR

MONTH = Period("2024-09", "2024-09")


@dataclass
class Config:
    sizes: tuple[int, ...] = (1_000, 10_000, 100_000)
    server_runs: int = 50
    baseline_runs: int = 5
    browser_runs: int = 5
    server_timeout_s: float = 60
    browser_timeout_s: float = 30
    use_browser: bool = True
    use_app: bool = True
    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="channel-routes-bench-")))


def machine() -> dict:
    """What the figures were measured on."""
    cpu = next((line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    mem_kb = next((int(line.split()[1]) for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), 0)
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem_kb / 1024 ** 2, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "load_average_1_5_15": [round(v, 1) for v in os.getloadavg()]}


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


class Bench:
    """Holds the loaded data and the maps rendered so far (HTML files for the browser)."""

    def __init__(self, config: Config):
        self.config = config
        self.data = load.load_all()
        self.scene = build_scene(self.data)
        self.layers = baselines.baseline_layers(self.scene)
        static_layers(self.scene)  # made once per process, as in the app; children inherit it
        self.incidents = self.data.tables.get("incidents")
        self.default = default_period(list(self.data.tables["crossings"]["month"]))
        self.files: dict[tuple[str, str], Path] = {}

    def renderers(self, incidents, period: Period, asset_base: str) -> dict:
        """Filter, build and render to HTML: ours and each baseline."""
        def pick():
            return stats.incidents_in(incidents, period)
        return {
            "ours": lambda: build_route_map(self.scene, pick(), asset_base).get_root().render(),
            "explore": lambda: baselines.explore_map(self.layers, pick(), asset_base).get_root().render(),
            "markers": lambda: baselines.marker_map(self.layers, pick(), asset_base).get_root().render(),
            "circles": lambda: baselines.marker_map(self.layers, pick(), asset_base, circle=True)
            .get_root().render(),
        }

    def server_runs(self, label: str, incidents, period: Period, runs: dict[str, int]) -> dict:
        """Time, weight and memory of every way; writes file copies for the browser."""
        results = {}
        for way, render in self.renderers(incidents, period, APP_BASE_URL).items():
            results[way] = server.measure(render, runs[way], self.config.server_timeout_s)
            if results[way].median_ms is not None:
                path = self.config.workdir / f"{label}-{way}.html"
                file_render = self.renderers(incidents, period, VENDOR_DIR.resolve().as_uri())[way]
                server.measure(file_render, 1, self.config.server_timeout_s, str(path))
                self.files[(label, way)] = path
        return results


def server_cell(run: server.ServerRun, attribute: str) -> Cell:
    if run.timed_out:
        return Cell(note=f"> {run.timed_out:.0f} s (timed out)", limit_s=run.timed_out)
    if run.error:
        return Cell(note=f"error: {run.error[:60]}")
    return Cell(getattr(run, attribute))


def browser_cell(run: browser.BrowserRun) -> Cell:
    if run.timed_out:
        return Cell(note=f"> {run.timed_out:.0f} s (timed out)", limit_s=run.timed_out)
    if run.error:
        return Cell(note=f"error: {run.error[:60]}")
    if run.external:
        return Cell(run.median_ms, note=f"{len(run.external)} external requests blocked")
    return Cell(run.median_ms)


def export_weight(bench: Bench) -> Cell:
    """HTML bytes of the default explainer export (all layers, story on)."""
    from geo.export.explainer import export_html

    html = export_html(bench.scene, bench.incidents, bench.data.tables.get("crossings"), bench.default)
    return Cell(len(html.encode("utf-8")))


def elapsed(began: float) -> str:
    return f"{time.perf_counter() - began:.0f} s"
