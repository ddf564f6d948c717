"""What every document kind declares: the sections it needs, its parts, its context and its file name.

A document kind is one module in ``toolkit.documents`` that defines ``KIND = DocumentKind(...)``; the
registry finds it without any edit elsewhere. Everything that names the documents is drawn from these
declarations: the drafting commands and their help, ``draft all``'s order, the batch's list, the
"which section is missing" messages, the linter's and the authors' guide's lists.
"""

import functools
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
    @functools.lru_cache(maxsize=256)  # the same parts for every case: made once
    def text(cls, name: str, literal: str | None = None) -> "Part":
        return cls(name, re.compile(re.escape(literal or name)))

    @classmethod
    def regex(cls, name: str, pattern: str) -> "Part":
        return cls(name, re.compile(pattern))


# Every document ends with its date in Chinese (law.md §7): 2026年11月29日
SIGNING_DATE = Part.regex("日期", r"\d{4}年\d{1,2}月\d{1,2}日$")


@dataclass(frozen=True)
class KindOption:
    """An option of a kind's own drafting command (the answer's ``--style``): its value changes the case
    before drafting, as the lawyer would by editing the case file."""

    name: str  # "style": the command's option --style
    choices: tuple[str, ...]
    help: str
    apply: Callable[[Case, str], Case]


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document, as its module declares it: everything the toolkit needs to draft it."""

    name: str  # "answer", "hardship", "settlement": the CLI's and the report's name
    title: str  # 民事答辩状
    requested_by: str  # the case section whose presence asks for this document (e.g. "proposal")
    needs: Mapping[str, str]  # dotted case fields the document cannot do without → what each supplies
    template: Callable[[Case], str]  # template key in the manifest, e.g. "answer" or "answer-elements"
    parts: Callable[[Case, Figures], list[Part]]  # required parts, in order
    context: Callable[[Case, Figures], Mapping[str, Any]]  # what the template receives
    acknowledges_debt: bool = False  # hardship and settlement: client protection applies (law.md §5)
    order: int = 100  # place in ``draft all``, the batch and every list (smaller first; then by name)
    summary: str = ""  # one line for ``draft --help``; default 起草<title>
    options: tuple[KindOption, ...] = ()  # the kind's own options of its drafting command

    @property
    def command_help(self) -> str:
        """``draft --help``'s line for the kind's command: 起草困难情况说明."""
        return self.summary or f"起草{self.title}"

    def file_name(self, case: Case) -> str:
        """``李明-民事答辩状.docx``: safe on every system, the client's name shortened, never the title."""
        return safe_file_name(case.client.name, tail=f"-{self.title}.docx")
