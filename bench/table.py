"""The results table: one row per figure, ours against each baseline, as text,
Markdown and JSON (the same rows in each)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

WAYS = ("ours", "explore", "markers", "circles")
HEADINGS = {"ours": "Ours", "explore": "explore()", "markers": "folium Marker", "circles": "CircleMarker"}


@dataclass
class Cell:
    """One figure: a number in the row's unit, or a note (time limit, n/a)."""

    value: float | None = None
    note: str | None = None
    limit_s: float | None = None  # the time limit, when the figure hit it

    def text(self, unit: str) -> str:
        if self.value is not None:
            return format_value(self.value, unit)
        return self.note or "—"


@dataclass
class Row:
    section: str
    measure: str
    unit: str
    target: str = ""
    cells: dict[str, Cell] = field(default_factory=dict)

    def ratio(self, way: str) -> str:
        """Ours / baseline, or a bound when the baseline hit its time limit.

        >>> Row("s", "m", "ms", cells={"ours": Cell(10), "explore": Cell(400)}).ratio("explore")
        '0.025×'
        >>> Row("s", "m", "ms", cells={"ours": Cell(500), "explore": Cell(None, "> 60 s", 60)}).ratio("explore")
        '< 0.0083×'
        """
        ours, other = self.cells.get("ours"), self.cells.get(way)
        if ours is None or other is None or ours.value is None:
            return ""
        if other.value:
            return f"{ours.value / other.value:.2g}×"
        if other.limit_s and self.unit == "ms":
            return f"< {ours.value / (other.limit_s * 1000):.2g}×"
        return ""

    def as_dict(self) -> dict:
        row = asdict(self)
        row["ratios"] = {way: self.ratio(way) for way in WAYS[1:] if way in self.cells}
        row["text"] = {way: cell.text(self.unit) for way, cell in self.cells.items()}
        return row


def format_value(value: float, unit: str) -> str:
    """A figure with its unit, in a readable scale.

    >>> format_value(1834.2, "ms"), format_value(12.34, "ms"), format_value(612_345, "bytes")
    ('1.83 s', '12.3 ms', '598 KB')
    """
    if unit == "ms":
        return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.1f} ms"
    if unit == "bytes":
        return f"{value / 1024 ** 2:.1f} MB" if value >= 1024 ** 2 else f"{value / 1024:.0f} KB"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:g} {unit}"


def _columns(rows: list[Row]) -> list[str]:
    header = ["Measure", "Target", "Ours"]
    for way in WAYS[1:]:
        header += [HEADINGS[way], "ours/" + HEADINGS[way]]
    return header


def _cells(row: Row) -> list[str]:
    ours = row.cells.get("ours", Cell())
    line = [row.measure, row.target, ours.text(row.unit)]
    for way in WAYS[1:]:
        cell = row.cells.get(way)
        line += ["—", ""] if cell is None else [cell.text(row.unit), row.ratio(way)]
    return line


def markdown(rows: list[Row]) -> str:
    """The table in Markdown, one sub-heading row per section."""
    header = _columns(rows)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            lines.append(f"| **{section}** |" + " |" * (len(header) - 1))
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in _cells(row)) + " |")
    return "\n".join(lines)


def text(rows: list[Row]) -> str:
    """The table as aligned plain text for the terminal."""
    table = [_columns(rows)] + [_cells(row) for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    out, section = [], None
    for index, line in enumerate(table):
        if index and rows[index - 1].section != section:
            section = rows[index - 1].section
            out.append(f"-- {section}")
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
    return "\n".join(out)
