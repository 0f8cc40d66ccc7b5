"""How ``python -m geo`` fails: one line on stderr, never a traceback.

Every subcommand raises :class:`CliError` for a failure it can name (exit 2
for a bad argument, 1 for I/O and data) and writes its files with
:func:`geo.atomic.atomic_open`. :func:`run` is the one top-level handler: it
turns a ``CliError``, an ``OSError``, Ctrl-C, SIGTERM or any unexpected
exception into one line and an exit code. ``CR_DEBUG=1`` shows the traceback of unexpected
exceptions instead.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator

from geo.atomic import WriteError

PROG = "python -m geo"
USAGE, FAILED, INTERRUPTED, TERMINATED = 2, 1, 130, 143
DEBUG_VARIABLE = "CR_DEBUG"


class CliError(Exception):
    """A failure to report as one line: ``code`` 2 for a bad argument, 1 for I/O or data."""

    def __init__(self, message: str, code: int = FAILED, prog: str = PROG) -> None:
        super().__init__(message)
        self.message, self.code, self.prog = message, code, prog


def usage_error(argument: str, message: str) -> CliError:
    """A bad argument (exit 2), worded like argparse's own errors.

    >>> usage_error("--out", "the folder does not exist").message
    'argument --out: the folder does not exist'
    """
    return CliError(f"argument {argument}: {message}", USAGE)


class Parser(argparse.ArgumentParser):
    """argparse whose usage errors are a :class:`CliError` (one line, exit 2)
    instead of the usage text plus a message."""

    def error(self, message: str):
        raise CliError(message, USAGE, self.prog)


def one_line(text: object) -> str:
    """Text on one line: line breaks of any kind become spaces.

    >>> one_line("a\\nb\\r\\nc\\u2028d")
    'a b c d'
    """
    return " ".join(str(text).splitlines())


def describe(error: BaseException) -> str:
    """The line for an exception that is not a :class:`CliError`.

    >>> from geo.atomic import WriteError
    >>> describe(WriteError(28, "No space left on device", "/dev/full"))
    "cannot write '/dev/full': No space left on device"
    >>> describe(PermissionError(13, "Permission denied", "data/x.csv"))
    "cannot use 'data/x.csv': Permission denied"
    >>> describe(ValueError("bad"))
    'internal error: ValueError: bad (run with CR_DEBUG=1 for the traceback)'
    """
    if isinstance(error, OSError):
        place = f" {error.filename!r}" if error.filename is not None else ""
        verb = "write" if isinstance(error, WriteError) else "use"
        return f"cannot {verb}{place}: {error.strerror or error}"
    return f"internal error: {type(error).__name__}: {error} (run with {DEBUG_VARIABLE}=1 for the traceback)"


def _say(prog: str, message: str) -> int:
    print(f"{prog}: error: {one_line(message)}", file=sys.stderr, flush=True)
    return 0


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that ``finally`` blocks (temporary files) run."""


def _terminate(signum, frame) -> None:
    raise Terminated


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(command: Callable[[], int]) -> int:
    """Run ``command`` and return its exit code; every failure is one line on stderr."""
    try:
        with _sigterm_as_interrupt():
            return command()
    except CliError as error:
        _say(error.prog, error.message)
        return error.code
    except KeyboardInterrupt as error:
        stopped = "terminated" if isinstance(error, Terminated) else "interrupted"
        _say(PROG, f"{stopped}; no file was left half-written")
        return TERMINATED if isinstance(error, Terminated) else INTERRUPTED
    except Exception as error:
        if os.environ.get(DEBUG_VARIABLE, "").strip() not in ("", "0"):
            raise
        _say(PROG, describe(error))
        return FAILED
