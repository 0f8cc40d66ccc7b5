"""Every failure of ``python -m geo`` is one line on stderr, never a traceback (issue 16).

The table runs the CLI as a subprocess, as a user would, and checks the exit
code (2 bad argument, 1 I/O and data), exactly one error line (progress lines
``[  0.3 s] ...`` before a late failure are not errors), no "Traceback", the
reason in the line, and no file or temporary file left in the output folder.
All cases start at once in a module fixture, so the table costs about as
much as its slowest few exports. Interrupted writes and unexpected exceptions
are monkeypatched in process below.

The tests run as root here, so ``chmod`` cannot make a folder read-only: the
cases that must fail use places root cannot write either (/proc, /sys, a path
under a regular file, /dev/full, a file-size limit).
"""

from __future__ import annotations

import errno
import os
import re
import resource
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from geo import atomic, cli
from geo.paths import ROOT

PROGRESS = re.compile(r"^\[ *[0-9.]+ s\] |^warning: ")
LONG_NAME = "n" * 300 + ".html"
GOOD = ("--from", "2024-09", "--to", "2024-09")
TITLE = "Ärmelkanal 🚤 \u202emap\u202c ⁄ 海峡"
ODD_NAME = "carte ÉTÉ 🚤 \u202e " + os.fsdecode(b"caf\xe9") + ".html"  # RTL override and a byte not UTF-8


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str | bytes, ...]  # "{dir}" is the case's own empty folder
    code: int
    says: str  # a part of the one error line (or of stderr when code is 0)
    env: dict[str, str] = field(default_factory=dict)
    limit_file_size: int | None = None
    keeps: tuple[str, ...] = ()  # files the case leaves in {dir} on success


def export(*args: str | bytes) -> tuple[str | bytes, ...]:
    return ("export", *args)


CASES = [
    # the seven tracebacks of the issue
    Case("disk full: --out /dev/full", export(*GOOD, "--layers", "tss", "--format", "html", "--out", "/dev/full"), 1,
         "cannot write '/dev/full': No space left on device"),
    Case("--out names a folder", export(*GOOD, "--out", "{dir}"), 2,
         "argument --out: expected a file, instead got a folder"),
    Case("--out under /proc", export(*GOOD, "--out", "/proc/cr-export.html"), 1, "cannot write '/proc/cr-export.html'"),
    Case("--out under /sys (root cannot write it either)", export(*GOOD, "--out", "/sys/cr-export.html"), 1,
         "cannot write '/sys/cr-export.html'"),
    Case("--out file name too long", export(*GOOD, "--out", "{dir}/" + LONG_NAME), 2,
         "the file name is 305 bytes, longer than the 255"),
    Case("period runs to year 9999: cut to the data, with a warning", export("--from", "2026-08", "--to", "9999-12",
         "--layers", "tss", "--out", "{dir}/late.html"), 0, "warning: the data runs from", keeps=("late.html",)),
    Case("CHANNEL_ROUTES_DATA folder does not exist", export(*GOOD, "--out", "{dir}/x.html"), 1,
         "CHANNEL_ROUTES_DATA: the data folder does not exist, instead got: '/no/such/data'",
         env={"CHANNEL_ROUTES_DATA": "/no/such/data"}),
    # the two silent successes of the issue
    Case("--format png --out map.svg", export(*GOOD, "--format", "png", "--out", "{dir}/map.svg"), 2,
         "argument --format: 'png' contradicts the --out suffix '.svg'"),
    Case("a period with no data (2035)", export("--from", "2035-01", "--to", "2035-12", "--out", "{dir}/x.html"), 2,
         "the period 2035-01 to 2035-12 is outside the data (2014-01 to 2026-08)"),
    # argparse's own errors, one line each
    Case("no command", (), 2, "python -m geo: error: the following arguments are required: command"),
    Case("unknown command", ("frobnicate",), 2, "argument command: invalid choice: 'frobnicate'"),
    Case("no arguments", export(), 2, "the following arguments are required: --from, --to, --out"),
    Case("unknown option", export(*GOOD, "--out", "{dir}/x.html", "--colour", "red"), 2,
         "unrecognized arguments: --colour red"),
    Case("unknown format", export(*GOOD, "--format", "gif", "--out", "{dir}/x.gif"), 2,
         "argument --format: invalid choice: 'gif'"),
    Case("month 13", export("--from", "2024-13", "--to", "2024-12", "--out", "{dir}/x.html"), 2,
         "argument --from: expected a month as YYYY-MM, instead got: '2024-13'"),
    Case("from after to", export("--from", "2024-05", "--to", "2024-01", "--out", "{dir}/x.html"), 2,
         "expected a month on or before --to '2024-01'"),
    # empty strings
    Case("empty --from", export("--from", "", "--to", "2024-12", "--out", "{dir}/x.html"), 2, "instead got: ''"),
    Case("empty --out", export(*GOOD, "--out", ""), 2, "argument --out: expected a file name, instead got: ''"),
    Case("empty --title", export(*GOOD, "--title", " ", "--out", "{dir}/x.html"), 2,
         "argument --title: expected some text, instead got: ' '"),
    Case("empty --layers", export(*GOOD, "--layers", ",", "--out", "{dir}/x.html"), 2,
         "argument --layers: expected 'all' or some of"),
    Case("empty --format", export(*GOOD, "--format", "", "--out", "{dir}/x.html"), 2, "invalid choice: ''"),
    Case("empty CHANNEL_ROUTES_DATA", export(*GOOD, "--out", "{dir}/x.html"), 1,
         "CHANNEL_ROUTES_DATA: the data folder does not exist, instead got: ''", env={"CHANNEL_ROUTES_DATA": ""}),
    # --out paths
    Case("--out in a missing folder", export(*GOOD, "--out", "{dir}/no/x.html"), 2, "/no' does not exist"),
    Case("--out under a regular file (root cannot bypass)", export(*GOOD, "--out", "{dir}/plain.txt/x.html"), 2,
         "plain.txt' is a file, not a folder", keeps=("plain.txt",)),
    Case("--out dangling symlink into a missing folder", export(*GOOD, "--out", "{dir}/dangling.html"), 2,
         "/gone' does not exist, instead got:", keeps=("dangling.html",)),
    Case("--out unknown suffix, no --format", export(*GOOD, "--out", "{dir}/x.txt"), 2, "instead got: '.txt'"),
    Case("--out without suffix, no --format", export(*GOOD, "--out", "{dir}/map"), 2, "instead got: ''"),
    Case("--format html --out x.PNG", export(*GOOD, "--format", "html", "--out", "{dir}/x.PNG"), 2,
         "'html' contradicts the --out suffix '.PNG'"),
    Case("--out with a line break is quoted on one line", export(*GOOD, "--out", "{dir}/no\nsuch/x.html"), 2,
         "no\\nsuch' does not exist"),
    Case("file too large mid-write (RLIMIT_FSIZE)", export(*GOOD, "--layers", "tss", "--out", "{dir}/big.html"), 1,
         "big.html': File too large", limit_file_size=64 * 1024),
    Case("unreadable data: CHANNEL_ROUTES_DATA is an empty folder", export(*GOOD, "--out", "{dir}/x.html"), 1,
         "no usable crossings or incidents in the data folder", env={"CHANNEL_ROUTES_DATA": "{dir}"}),
    # odd Unicode
    Case("title not valid UTF-8", export(*GOOD, "--title", b"caf\xe9", "--out", "{dir}/x.html"), 2,
         "argument --title: expected text in UTF-8, instead got: 'caf\\udce9'"),
    Case("Unicode path (and bytes not valid UTF-8) and title", export(*GOOD, "--layers", "tss", "--title", TITLE,
         "--out", os.fsencode("{dir}/" + ODD_NAME)), 0, "wrote", keeps=(ODD_NAME,)),
]


def _fill(value: str | bytes, folder: Path) -> str | bytes:
    if isinstance(value, bytes):
        return value.replace(b"{dir}", os.fsencode(folder))
    return value.replace("{dir}", str(folder))


def _prepare(case: Case, folder: Path) -> None:
    if "dangling.html" in case.keeps:
        (folder / "dangling.html").symlink_to(folder / "gone" / "x.html")
    if "plain.txt" in case.keeps:
        (folder / "plain.txt").write_text("a file, not a folder")


def _run(case: Case, folder: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, **{k: _fill(v, folder) for k, v in case.env.items()}}
    env.pop("CR_DEBUG", None)
    limit = case.limit_file_size

    def limit_size() -> None:  # Python ignores SIGXFSZ, so an over-long write fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "geo", *(_fill(a, folder) for a in case.args)], cwd=ROOT,
                          env=env, capture_output=True, timeout=300, preexec_fn=limit_size if limit else None)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess, Path]]:
    folders = {case.name: tmp_path_factory.mktemp("case") for case in CASES}
    for case in CASES:
        _prepare(case, folders[case.name])
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = {case.name: pool.submit(_run, case, folders[case.name]) for case in CASES}
        return {name: (run.result(), folders[name]) for name, run in runs.items()}


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not PROGRESS.match(line)]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_failure_is_one_clear_line(case, outcomes):
    done, folder = outcomes[case.name]
    stderr = done.stderr.decode("utf-8", "backslashreplace")
    assert "Traceback" not in stderr
    assert done.returncode == case.code, stderr
    assert case.says in stderr, stderr
    if case.code:
        lines = error_lines(stderr)
        assert len(lines) == 1 and lines[0].startswith("python -m geo"), stderr
    assert sorted(p.name for p in folder.iterdir()) == sorted(case.keeps)


def test_unicode_title_reaches_the_page(outcomes):
    done, folder = outcomes["Unicode path (and bytes not valid UTF-8) and title"]
    assert TITLE in (folder / ODD_NAME).read_text(encoding="utf-8")


def test_year_9999_is_cut_to_the_data(outcomes):
    done, folder = outcomes["period runs to year 9999: cut to the data, with a warning"]
    assert "exporting 2026-08 to 2026-08 instead of 2026-08 to 9999-12" in done.stderr.decode()
    assert "Aug 2026" in (folder / "late.html").read_text(encoding="utf-8")


def test_a_symlink_is_written_through(tmp_path):
    link = tmp_path / "link.html"
    link.symlink_to(tmp_path / "target.html")
    atomic.write_atomic(link, b"whole")
    assert link.is_symlink() and (tmp_path / "target.html").read_bytes() == b"whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "target.html"]


# In process: a writer that fails or is interrupted after part of the file is on disk.

@pytest.fixture
def quick_render(monkeypatch):
    monkeypatch.setattr(cli, "_render", lambda *args: b"<html>" + b"x" * 100_000)


def test_read_only_folder(tmp_path, capsys, quick_render):
    """chmod is no barrier to root (as in this container): root writes, others get one line."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code = cli.main(["export", *GOOD, "--out", str(folder / "x.html")])
    finally:
        folder.chmod(0o700)
    if os.geteuid() == 0:
        assert code == 0 and [p.name for p in folder.iterdir()] == ["x.html"]
    else:
        assert code == 1 and error_lines(capsys.readouterr().err) == [
            f"python -m geo: error: cannot write {str(folder / 'x.html')!r}: Permission denied"]
        assert not list(folder.iterdir())


def _fail_in_fsync(monkeypatch, error: BaseException) -> None:
    def fsync(descriptor: int) -> None:
        assert os.fstat(descriptor).st_size > 100_000  # the half-written temporary file is on disk
        raise error
    monkeypatch.setattr(atomic.os, "fsync", fsync)


@pytest.mark.parametrize("error, code, line", [
    (KeyboardInterrupt(), 130, "python -m geo: error: interrupted; no file was left half-written"),
    (OSError(errno.ENOSPC, "No space left on device"), 1, "python -m geo: error: cannot write '{out}': No space "
                                                           "left on device"),
])
def test_interrupted_write_leaves_the_old_file(tmp_path, capsys, monkeypatch, quick_render, error, code, line):
    out = tmp_path / "x.html"
    out.write_text("the old explainer")
    _fail_in_fsync(monkeypatch, error)
    assert cli.main(["export", *GOOD, "--out", str(out)]) == code
    assert error_lines(capsys.readouterr().err) == [line.format(out=out)]
    assert out.read_text() == "the old explainer" and [p.name for p in tmp_path.iterdir()] == ["x.html"]


def test_sigterm_mid_export_leaves_nothing(tmp_path):
    """``kill`` while the export runs: the temporary file is removed, one line, exit 143."""
    out = tmp_path / "x.html"
    export_run = subprocess.Popen([sys.executable, "-m", "geo", "export", *GOOD, "--out", str(out)], cwd=ROOT,
                                  stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".*.part")) and export_run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # polling for the temporary file the export opens before loading the data
    export_run.send_signal(signal.SIGTERM)
    stderr = export_run.communicate(timeout=120)[1]
    assert export_run.returncode == 143, stderr
    assert error_lines(stderr) == ["python -m geo: error: terminated; no file was left half-written"]
    assert not list(tmp_path.iterdir())


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    out = tmp_path / "x.html"
    out.write_text("old")
    out.chmod(0o640)
    atomic.write_atomic(out, b"new")
    assert out.read_bytes() == b"new" and out.stat().st_mode & 0o777 == 0o640


def test_a_read_only_file_is_not_replaced(tmp_path):
    """As ``open`` would; root may write any file (as in this container)."""
    out = tmp_path / "x.html"
    out.write_text("old")
    out.chmod(0o444)
    if os.geteuid() == 0:
        atomic.write_atomic(out, b"new")
        assert out.read_bytes() == b"new" and out.stat().st_mode & 0o777 == 0o444
    else:
        with pytest.raises(atomic.WriteError, match="read-only"):
            atomic.write_atomic(out, b"new")
        assert out.read_text() == "old"


def test_unexpected_exception_is_one_line(tmp_path, capsys, monkeypatch):
    def broken(*args):
        raise ZeroDivisionError("division by zero\nsecond line")
    monkeypatch.setattr(cli, "_render", broken)
    monkeypatch.delenv("CR_DEBUG", raising=False)
    assert cli.main(["export", *GOOD, "--out", str(tmp_path / "x.html")]) == 1
    assert error_lines(capsys.readouterr().err) == [
        "python -m geo: error: internal error: ZeroDivisionError: division by zero second line "
        "(run with CR_DEBUG=1 for the traceback)"]
    assert not list(tmp_path.iterdir())


def test_cr_debug_shows_the_traceback(tmp_path, monkeypatch):
    def broken(*args):
        raise ZeroDivisionError("boom")
    monkeypatch.setattr(cli, "_render", broken)
    monkeypatch.setenv("CR_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        cli.main(["export", *GOOD, "--out", str(tmp_path / "x.html")])
    assert not list(tmp_path.iterdir())
