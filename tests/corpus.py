"""Tally of the bad-input corpus, printed at the end of the test run."""

from __future__ import annotations

from collections import Counter

TALLY: Counter = Counter()
PAGE: Counter = Counter()


def record(outcome: str) -> None:
    """``outcome`` is ``error`` (a clear error), ``accepted`` (valid after all) or ``crashed``."""
    TALLY["tried"] += 1
    TALLY[outcome] += 1


def record_page(outcome: str) -> None:
    """One corpus file uploaded on the page: ``message`` or ``traceback`` (no message, or an exception box)."""
    PAGE["uploaded"] += 1
    PAGE[outcome] += 1


def summary() -> str | None:
    lines = []
    if TALLY["tried"]:
        lines.append(f"bad inputs tried: {TALLY['tried']}, clear errors: {TALLY['error']}, "
                     f"accepted as valid: {TALLY['accepted']}, crashed: {TALLY['crashed']}")
    if PAGE["uploaded"]:
        lines.append(f"upload corpus through the page: {PAGE['uploaded']} files, ended in a message: "
                     f"{PAGE['message']}, tracebacks or no message: {PAGE['traceback']}, "
                     f"{PAGE['seconds']} s")
    return "; ".join(lines) or None
