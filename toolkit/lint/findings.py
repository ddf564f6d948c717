"""What the template linter reports: a finding with an id, a severity, a Chinese message and a place.

A place is what a lawyer can find in Word: the part (body, a header, a footer), the paragraph number,
the table cell when the paragraph is in a table, and the paragraph's visible text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toolkit.lint.rules import SEVERITY_NAMES, Severity, rule

__all__ = ["SEVERITY_NAMES", "Finding", "Location", "Severity", "part_name", "shorten"]


def part_name(part: str) -> str:
    """How a lawyer knows a part of the package: 正文, 页眉（header1.xml）, 页脚（footer1.xml）."""
    if part == "word/document.xml":
        return "正文"
    base = part.rsplit("/", 1)[-1]
    if base.startswith("header"):
        return f"页眉（{base}）"
    if base.startswith("footer"):
        return f"页脚（{base}）"
    return part or "整个文件"


@dataclass(frozen=True)
class Location:
    """A paragraph of a part; ``table``/``row``/``cell`` (1-based) when it sits in a table."""

    part: str
    paragraph: int = 0  # 1-based among the part's paragraphs; 0 for the whole part or file
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    def describe(self) -> str:
        if not self.paragraph:
            return part_name(self.part)
        where = f"{part_name(self.part)}第 {self.paragraph} 段"
        if self.table is not None:
            where += f"（表格 {self.table} 第 {self.row} 行第 {self.cell} 列）"
        return where

    def as_dict(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "paragraph": self.paragraph or None,
            "table": self.table,
            "row": self.row,
            "cell": self.cell,
            "text": self.describe(),
        }


@dataclass(frozen=True)
class Finding:
    """One problem in a template: ``id`` names a registered rule (:mod:`.rules`), ``hint`` the fix."""

    id: str
    severity: Severity
    message: str
    location: Location
    context: str = ""  # the paragraph's visible text, shortened
    hint: str = ""

    def __post_init__(self) -> None:
        if not rule(self.id).allows(self.severity):
            raise RuntimeError(f"the lint rule {self.id} does not report at severity {self.severity}")

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "location": self.location.as_dict(),
            "context": self.context,
        }


def shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
