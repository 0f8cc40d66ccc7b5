"""Tally of the bad-input corpus, printed at the end of the test run."""

from __future__ import annotations

from collections import Counter

TALLY: Counter = Counter()


def record(outcome: str) -> None:
    """``outcome`` is ``error`` (a clear error), ``accepted`` (valid after all) or ``crashed``."""
    TALLY["tried"] += 1
    TALLY[outcome] += 1


def summary() -> str | None:
    if not TALLY["tried"]:
        return None
    return (f"bad inputs tried: {TALLY['tried']}, clear errors: {TALLY['error']}, "
            f"accepted as valid: {TALLY['accepted']}, crashed: {TALLY['crashed']}")
