"""Write a file whole or not at all: a temporary file in the same folder,
then :func:`os.replace`.

A reader never sees half a file, and a failed or interrupted write (disk
full, Ctrl-C, an exception while rendering) leaves the old file, if any,
untouched and no temporary file behind. Errors are :class:`OSError` naming
the path the caller asked for, never the temporary name
(:class:`WriteError`).

A symlink is written through (its target is replaced, the link kept); a
device or pipe such as ``/dev/stdout`` is written directly, as there is no
file to leave half-written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


class WriteError(OSError):
    """Writing ``filename`` failed (disk full, no such folder, permission...)."""


def _is_special(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to write; on a clean exit it replaces ``path``.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_open(folder / "a.txt") as out:
    ...     _ = out.write(b"whole")
    >>> (folder / "a.txt").read_bytes(), sorted(p.name for p in folder.iterdir())
    (b'whole', ['a.txt'])
    >>> try:
    ...     with atomic_open(folder / "a.txt") as out:
    ...         _ = out.write(b"half")
    ...         raise KeyboardInterrupt
    ... except KeyboardInterrupt:
    ...     pass
    >>> (folder / "a.txt").read_bytes(), sorted(p.name for p in folder.iterdir())
    (b'whole', ['a.txt'])
    """
    asked = Path(path)
    if _is_special(asked):
        with _naming(asked, None), open(asked, "wb") as out:
            yield out
        return
    target = Path(os.path.realpath(asked))
    mode = _mode_for(target, asked)
    try:
        handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
    except OSError as error:
        raise WriteError(error.errno, error.strerror or str(error), str(asked)) from None
    try:
        with _naming(asked, temp_name):
            with os.fdopen(handle, "wb") as out:
                yield out
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp_name, mode)
            os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


@contextlib.contextmanager
def _naming(asked: Path, temp_name: str | None) -> Iterator[None]:
    """Re-raise an OSError about the file being written (no file name, or
    the temporary one) as one about ``asked``; leave others alone."""
    try:
        yield
    except OSError as error:
        if isinstance(error, WriteError) or error.filename not in (None, temp_name, str(asked)):
            raise
        raise WriteError(error.errno, error.strerror or str(error), str(asked)) from None


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (see :func:`atomic_open`)."""
    with atomic_open(path) as out:
        out.write(data)


def _mode_for(target: Path, asked: Path) -> int:
    """The permissions the new file gets: those of the file it replaces, else
    what ``open`` would give. A read-only file is refused, as ``open`` would."""
    try:
        existing = os.stat(target).st_mode & 0o7777
    except OSError:
        current = os.umask(0)  # reading the umask means setting it; put it straight back
        os.umask(current)
        return 0o666 & ~current
    if not os.access(target, os.W_OK):
        raise WriteError(errno.EACCES, "Permission denied (the file is read-only)", str(asked))
    return existing
