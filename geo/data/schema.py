"""Column schemas and row-by-row validation with errors that name the place.

Rows are numbered as in a spreadsheet: the header is row 1, so the first data
row is row 2.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd

from geo.i18n import N_, _, format_number, ngettext


class Reason(str):
    """A reason in English that keeps its template and values, so it can be
    shown in the reader's language later (a file is read once for every reader).

    >>> from geo.i18n import use_language
    >>> reason = Reason(N_("must be at least {minimum}{hint}"), minimum="0", hint="")
    >>> with use_language("de"):
    ...     str(reason), reason_text(reason)
    ('must be at least 0', 'muss mindestens 0 sein')

    A template with a plural form (:func:`geo.i18n.N_plural`) takes the form its ``count`` needs:

    >>> from geo.i18n import N_plural
    >>> skipped = Reason(N_plural("{count} blank row skipped", "{count} blank rows skipped"), count=1)
    >>> with use_language("fr"):
    ...     str(skipped), reason_text(skipped)
    ('1 blank row skipped', '1 ligne vide ignorée')
    """

    template: str | tuple[str, str]
    values: dict

    def __new__(cls, template: str | tuple[str, str], **values: object) -> Reason:
        english = {k: f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else v for k, v in values.items()}
        form = template if isinstance(template, str) else template[values["count"] != 1]
        made = super().__new__(cls, form.format(**english))
        made.template, made.values = template, values
        return made


def reason_text(reason: str) -> str:
    """A reason in the reader's language (a plain string is looked up as it is)."""
    if isinstance(reason, Reason):
        template = reason.template
        text = _(template) if isinstance(template, str) else ngettext(*template, reason.values["count"])
        return text.format(**{k: _shown(v) for k, v in reason.values.items()})
    return _(reason)


def _shown(value: object) -> object:
    """A value inside a reason as the reader sees it: counts in the locale's digits."""
    if isinstance(value, Reason):
        return reason_text(value)
    return format_number(value) if isinstance(value, int) and not isinstance(value, bool) else value


def reason_of(err: Exception) -> str:
    """The reason an error carries: its :class:`Reason` if it has one, else its text."""
    return err.args[0] if err.args and isinstance(err.args[0], Reason) else str(err)


@dataclass(frozen=True)
class RowIssue:
    """One bad value: where it is, what it is, and why it was refused."""

    file: str
    row: int | None
    column: str | None
    value: object
    reason: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(_("row {row}").format(row=self.row))
        if self.column is not None:
            where.append(_("column '{column}'").format(column=self.column))
        text = ", ".join(where) + ": " + reason_text(self.reason)
        if self.value is not None:
            text += _(" (value: {value!r})").format(value=self.value)
        return text


class DataFileError(ValueError):
    """A file that cannot be used, with every issue found in it."""

    def __init__(self, file: str, issues: list[RowIssue]):
        self.file = file
        self.issues = issues
        super().__init__(str(self))

    def __str__(self) -> str:
        """The first five issues, in the reader's language when shown (not when raised)."""
        shown = "; ".join(str(i) for i in self.issues[:5])
        hidden = len(self.issues) - 5
        more = (ngettext(" (and {count} more)", " (and {count} more)", hidden).format(count=format_number(hidden))
                if hidden > 0 else "")
        return shown + more


@dataclass(frozen=True)
class Column:
    """What one column must hold.

    ``kind`` is one of ``str``, ``int``, ``float``, ``date`` (YYYY-MM-DD) or
    ``month`` (YYYY-MM). An empty optional cell becomes ``default``.
    """

    name: str
    kind: str = "str"
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None
    allowed: frozenset[str] | None = None
    default: object = None
    hint: str | None = None


@dataclass(frozen=True)
class Schema:
    name: str
    columns: tuple[Column, ...]
    unique: tuple[str, ...] = field(default=())

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _is_blank(raw: object) -> bool:
    if raw is None:
        return True
    if isinstance(raw, float) and math.isnan(raw):
        return True
    return isinstance(raw, str) and raw.strip() in ("", "NA", "NaN", "nan")


def parse_cell(raw: object, column: Column) -> object:
    """Parse one cell, or raise ValueError with a reason a person can act on.

    >>> parse_cell("12", Column("dead", "int", minimum=0))
    12
    >>> parse_cell("-1", Column("dead", "int", minimum=0))
    Traceback (most recent call last):
    ...
    ValueError: must be at least 0
    >>> parse_cell("2024-02-30", Column("date", "date"))
    Traceback (most recent call last):
    ...
    ValueError: is not a real date in the form YYYY-MM-DD
    """
    if _is_blank(raw):
        if column.required:
            raise ValueError(N_("is empty but required"))
        return column.default
    text = str(raw).strip()
    value = _convert(text, column.kind)
    hint = Reason(": {hint}", hint=Reason(column.hint)) if column.hint else ""
    if column.minimum is not None and value < column.minimum:
        raise ValueError(Reason(N_("must be at least {minimum}{hint}"), minimum=f"{column.minimum:g}", hint=hint))
    if column.maximum is not None and value > column.maximum:
        raise ValueError(Reason(N_("must be at most {maximum}{hint}"), maximum=f"{column.maximum:g}", hint=hint))
    if column.allowed is not None and value not in column.allowed:
        raise ValueError(Reason(N_("must be one of {allowed}"), allowed=", ".join(sorted(column.allowed))))
    return value


def _convert(text: str, kind: str) -> object:
    if kind == "str":
        return text
    if kind in ("int", "float"):
        try:
            number = float(text.replace(",", "")) if kind == "int" else float(text)
        except ValueError:
            raise ValueError(Reason(N_("is not a number ({kind})"), kind=kind)) from None
        if not math.isfinite(number):
            raise ValueError(N_("is not a finite number"))
        if kind == "int":
            if number != int(number):
                raise ValueError(N_("is not a whole number"))
            return int(number)
        return number
    if kind == "date":
        try:
            return dt.date.fromisoformat(text[:10]) if len(text) == 10 else _bad_date()
        except ValueError:
            raise ValueError(N_("is not a real date in the form YYYY-MM-DD")) from None
    if kind == "month":
        try:
            return dt.date.fromisoformat(text + "-01").strftime("%Y-%m") if len(text) == 7 else _bad_date()
        except ValueError:
            raise ValueError(N_("is not a month in the form YYYY-MM")) from None
    raise ValueError(f"unknown column kind {kind!r}")


def _bad_date() -> None:
    raise ValueError("wrong length")


def missing_columns(frame: pd.DataFrame, schema: Schema, file: str) -> list[RowIssue]:
    present = set(frame.columns)
    return [RowIssue(file, 1, c.name, None, N_("column is missing from the header"))
            for c in schema.columns if c.name not in present]


def validate_rows(frame: pd.DataFrame, schema: Schema, file: str) -> tuple[pd.DataFrame, list[RowIssue]]:
    """Parse every cell; return the good rows (parsed) and one issue per bad cell."""
    issues = missing_columns(frame, schema, file)
    if issues:
        return frame.iloc[0:0], issues
    parsed: dict[str, list] = {c.name: [] for c in schema.columns}
    keep: list[int] = []
    seen: dict[str, set] = {name: set() for name in schema.unique}
    for position, record in enumerate(frame[schema.names].itertuples(index=False, name=None)):
        row_number = position + 2
        row_values, row_issues = _parse_record(record, schema, file, row_number)
        for name in schema.unique:
            value = row_values.get(name)
            if value in seen[name]:
                row_issues.append(RowIssue(file, row_number, name, value, N_("duplicate ID")))
            seen[name].add(value)
        if row_issues:
            issues.extend(row_issues)
            continue
        keep.append(position)
        for name, value in row_values.items():
            parsed[name].append(value)
    good = frame.iloc[keep].reset_index(drop=True).assign(**parsed)
    return good, issues


def _parse_record(record: tuple, schema: Schema, file: str, row_number: int) -> tuple[dict, list[RowIssue]]:
    values, issues = {}, []
    for column, raw in zip(schema.columns, record):
        try:
            values[column.name] = parse_cell(raw, column)
        except ValueError as err:
            issues.append(RowIssue(file, row_number, column.name, raw, reason_of(err)))
    return values, issues


def validate_strict(frame: pd.DataFrame, schema: Schema, file: str) -> pd.DataFrame:
    """All rows must pass: used for the shipped data, where a bad row is a broken file."""
    if frame.empty:
        raise DataFileError(file, [RowIssue(file, None, None, None, N_("file has no data rows"))])
    good, issues = validate_rows(frame, schema, file)
    if issues:
        raise DataFileError(file, issues)
    return good
