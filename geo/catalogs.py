"""The gettext catalogs: extract the messages from the code and keep the
French and German catalogs in step (``python -m geo.catalogs``).

A test compares :func:`extracted_messages` with each catalog: a message
without a translation, or a translation the code no longer uses, fails it.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "N_plural": (1, 2)}
TRANSLATED = ("fr", "de")


def source_files(root: Path = ROOT) -> list[Path]:
    """The Python files whose text a reader sees."""
    files = [root / "app.py"]
    for folder in ("geo", "ui", "views"):
        files += sorted((root / folder).rglob("*.py"))
    return [path for path in files if path.exists()]


def extracted_messages(root: Path = ROOT) -> dict[str | tuple[str, str], list[tuple[str, int]]]:
    """Every marked message in the code with where it is used.

    A catalog holds one entry per message id, so an id used both plain and with a plural form is refused.
    """
    messages: dict[str | tuple[str, str], list[tuple[str, int]]] = {}
    for path in source_files(root):
        for line, message, _comments, _context in extract_from_file("python", path, keywords=KEYWORDS):
            messages.setdefault(message, []).append((str(path.relative_to(root)), line))
    plain = {m for m in messages if isinstance(m, str)}
    for message, where in messages.items():
        if not isinstance(message, str) and message[0] in plain:
            raise ValueError(f"Expected each message once, plain or with a plural form; {message[0]!r} is "
                             f"plain at {messages[message[0]]} and plural at {where}: reword one of them")
    return messages


def catalog_path(lang: str, root: Path = ROOT) -> Path:
    return root / "geo" / "locales" / lang / "LC_MESSAGES" / "messages.po"


def read_catalog(lang: str, root: Path = ROOT) -> Catalog:
    with catalog_path(lang, root).open("rb") as handle:
        return read_po(handle, locale=lang)


def update_catalog(lang: str, root: Path = ROOT) -> tuple[int, int]:
    """Add new messages (untranslated) and drop unused ones; (added, dropped)."""
    path = catalog_path(lang, root)
    old = read_catalog(lang, root) if path.exists() else Catalog(locale=lang)
    new = Catalog(locale=lang, project="Channel Routes", fuzzy=False)
    for message, locations in extracted_messages(root).items():
        kept = old.get(message if isinstance(message, str) else message[0])
        new.add(message, kept.string if kept else ("" if isinstance(message, str) else ("", "")),
                locations=locations)
    added = sum(1 for m in new if m.id and old.get(m.id) is None)
    dropped = sum(1 for m in old if m.id and new.get(m.id) is None)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, new, width=110, sort_output=True, no_location=True)
    return added, dropped


def missing_and_unused(lang: str, root: Path = ROOT) -> tuple[list[str], list[str]]:
    """Messages the code uses that the catalog does not translate, and
    messages the catalog holds that the code no longer uses."""
    catalog = read_catalog(lang, root)
    used = {m if isinstance(m, str) else m[0] for m in extracted_messages(root)}
    translated = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    missing = sorted(m for m in used if m not in translated or not _complete(translated[m].string))
    unused = sorted(set(translated) - used)
    return missing, unused


def _complete(string: str | tuple[str, ...]) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


if __name__ == "__main__":
    for language in TRANSLATED:
        added, dropped = update_catalog(language)
        print(f"{language}: added {added}, dropped {dropped}")
