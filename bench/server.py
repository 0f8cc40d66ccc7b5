"""Server-side figures: period change time, HTML bytes and peak memory.

Each measurement runs in a forked child (the data is loaded once in the
parent and shared), so a slow baseline can be stopped at a time limit and
its peak memory is its own.
"""

from __future__ import annotations

import multiprocessing as mp
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class ServerRun:
    """What one way of drawing the map did for one data set."""

    median_ms: float | None = None
    runs: int = 0
    html_bytes: int | None = None
    peak_mb: float | None = None
    html_path: str | None = None
    timed_out: float | None = None  # the limit in seconds, when it was hit
    error: str | None = None


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM (Linux >= 4.0)
        return True
    except OSError:
        return False


def _measure(render: Callable[[], str], runs: int, html_path: str | None) -> ServerRun:
    peak_ok = _reset_peak()
    start_kb = _status_kb("VmRSS")
    times, html = [], ""
    for _ in range(runs):
        began = time.perf_counter()
        html = render()
        times.append((time.perf_counter() - began) * 1000)
    peak_kb = _status_kb("VmHWM")
    if html_path:
        Path(html_path).write_text(html, encoding="utf-8")
    peak = (peak_kb - start_kb) / 1024 if peak_ok and peak_kb and start_kb else None
    return ServerRun(statistics.median(times), runs, len(html.encode("utf-8")), peak, html_path)


def _child(conn, render, runs, html_path) -> None:
    try:
        conn.send(_measure(render, runs, html_path))
    except Exception as error:  # reported in the table, not raised
        conn.send(ServerRun(error=f"{type(error).__name__}: {error}"))
    finally:
        conn.close()


def measure(render: Callable[[], str], runs: int, timeout_s: float, html_path: str | None = None) -> ServerRun:
    """Median time of ``runs`` calls of ``render`` (which returns the page
    HTML), its size, and peak RSS growth, in a forked child with a time limit."""
    if runs < 1:
        raise ValueError(f"Expected at least one run, instead got: {runs!r}")
    context = mp.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, render, runs, html_path), daemon=True)
    child.start()
    sender.close()
    try:
        if receiver.poll(timeout_s):
            return receiver.recv()
        return ServerRun(timed_out=timeout_s)
    except EOFError:
        return ServerRun(error=f"the measuring process died (exit code {child.exitcode})")
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
