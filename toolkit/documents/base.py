"""What every document kind declares: the sections it needs, its parts, its context and its file name.

A document kind is one module in ``toolkit.documents`` that defines ``KIND = DocumentKind(...)``; the
registry finds it without any edit elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from toolkit.case.models import Case
from toolkit.files import safe_file_name
from toolkit.law.figures import Figures

Context = dict[str, Any]


@dataclass(frozen=True)
class Part:
    """A required part of a document (law.md §8), found in the rendered text by ``pattern``."""

    name: str
    pattern: re.Pattern[str]

    @classmethod
    def text(cls, name: str, literal: str | None = None) -> Part:
        return cls(name, re.compile(re.escape(literal or name)))

    @classmethod
    def regex(cls, name: str, pattern: str) -> Part:
        return cls(name, re.compile(pattern))


# Every document ends with its date in Chinese (law.md §7): 2026年11月29日
SIGNING_DATE = Part.regex("日期", r"\d{4}年\d{1,2}月\d{1,2}日$")


@dataclass(frozen=True)
class DocumentKind:
    name: str  # "answer", "hardship", "settlement": the CLI's and the report's name
    title: str  # 民事答辩状
    requested_by: str  # the case section whose presence asks for this document (e.g. "proposal")
    needs: tuple[str, ...]  # dotted case fields the document cannot do without (e.g. "court.served_on")
    template: Callable[[Case], str]  # template key in the manifest, e.g. "answer" or "answer-elements"
    parts: Callable[[Case, Figures], list[Part]]  # required parts, in order
    context: Callable[[Case, Figures], Mapping[str, Any]]  # what the template receives
    acknowledges_debt: bool = False  # hardship and settlement: client protection applies (law.md §5)

    def file_name(self, case: Case) -> str:
        """``李明-民事答辩状.docx``: safe on every system, the client's name shortened, never the title."""
        return safe_file_name(case.client.name, tail=f"-{self.title}.docx")
