"""What a check is and what it finds (the rule pattern of yamllint: an id, a level, one function).

A check's function yields :class:`Problem` values that say only what is wrong and where; the check adds its
id, its severity and its citation, so a family module never repeats them and a finding always carries them.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from toolkit.case.models import Case, signing_date
from toolkit.documents import kinds
from toolkit.law.arguments import provisions
from toolkit.law.citations import cite_all
from toolkit.law.figures import Figures
from toolkit.privacy import mask

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_NAMES: dict[Severity, str] = {"error": "错误", "warning": "警告", "info": "提示"}

Input = TypeVar("Input")


@dataclass(frozen=True)
class Facts:
    """What every fact check reads: the case, its figures, and the documents about to be drafted."""

    case: Case
    figures: Figures
    documents: frozenset[str]

    @property
    def signed(self) -> dt.date:
        """The document date; deadlines and "after the signing date" compare with it."""
        return signing_date(self.case)


@dataclass(frozen=True)
class Problem:
    """What a check function reports: the message, the field when it is not the check's own, and the
    printed citation when it depends on the case (the cap's provision differs by lender)."""

    message: str
    field: str | None = None
    citation: str | None = None


@dataclass(frozen=True)
class Finding:
    """One result of a check, as the report and the CLI show it."""

    id: str
    severity: Severity
    field: str
    message: str
    citation: str | None

    def to_json(self) -> dict[str, str | None]:
        return {
            "id": self.id,
            "severity": self.severity,
            "field": self.field,
            "message": self.message,
            "citation": self.citation,
        }


@dataclass(frozen=True)
class Check(Generic[Input]):
    """A registered check: stable id, severity, Chinese title, the field it concerns, its citation keys
    (in toolkit/law/data/citations.yaml), the documents it applies to (None: all; asked of the document
    registry only when needed, so that defining a check never loads every document kind) and its function."""

    id: str
    severity: Severity
    title: str
    field: str
    citations: tuple[str, ...]
    scope: Callable[[], frozenset[str]] | None
    run: Callable[[Input], Iterable[Problem]]
    arguments: tuple[str, ...] = ()  # names in arguments.yaml whose provisions are cited after ``citations``

    @property
    def documents(self) -> frozenset[str] | None:
        return None if self.scope is None else self.scope()

    def citation_text(self) -> str | None:
        """The check's provisions as printed, joined; None for a check that rests on the case format."""
        keys = (*self.citations, *provisions(*self.arguments))
        return cite_all(keys) if keys else None

    def describe(self) -> dict[str, str | list[str] | None]:
        """The check as ``draft checks`` lists it."""
        return {
            "id": self.id,
            "severity": self.severity,
            "title": self.title,
            "field": self.field,
            "citation": self.citation_text(),
            "documents": None if self.documents is None else [d for d in kinds() if d in self.documents],
        }

    def applies_to(self, documents: frozenset[str]) -> bool:
        return self.documents is None or not self.documents.isdisjoint(documents)

    def findings(self, subject: Input) -> list[Finding]:
        return [
            Finding(
                id=self.id,
                severity=self.severity,
                field=problem.field or self.field,
                message=mask(problem.message),
                citation=problem.citation or self.citation_text(),
            )
            for problem in self.run(subject)
        ]


def check(
    id: str,
    severity: Severity,
    title: str,
    field: str,
    *,
    cites: tuple[str, ...] = (),
    argues: tuple[str, ...] = (),
    documents: tuple[str, ...] | Callable[[], frozenset[str]] | None = None,
) -> Callable[[Callable[[Input], Iterable[Problem]]], Check[Input]]:
    """Decorator: turn a function yielding problems into a :class:`Check` (collected by the registry).

    ``argues``: the arguments of the answer (arguments.yaml) the check warns about, whose provisions it
    cites, so that the answer and the check cannot cite different ones; ``cites``: provisions of its own.
    ``documents``: the names of the documents it applies to, or a function that gives them (such as
    :func:`toolkit.documents.acknowledging`)."""

    def wrap(run: Callable[[Input], Iterable[Problem]]) -> Check[Input]:
        if isinstance(documents, tuple):
            names = frozenset(documents)
            return Check(id, severity, title, field, cites, lambda: names, run, argues)
        return Check(id, severity, title, field, cites, documents, run, argues)

    return wrap
