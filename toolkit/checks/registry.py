"""Every check, by id: the fact checks (before rendering) and the document checks (after rendering).

Adding a check means writing its function in its family module and listing it in that module's ``CHECKS``;
the registry refuses two checks with one id, and a lookup of an unknown id fails loudly.
"""

from __future__ import annotations

from typing import Any

from toolkit.case.models import Case
from toolkit.checks import (
    amounts,
    answer,
    answer_document,
    dates,
    document,
    identity,
    legal_data,
    letter_document,
    letters,
    limitation,
    limitation_events,
    plausibility,
    rates,
    reconcile,
    schedule,
    sections,
)
from toolkit.checks.base import Check, Facts, Finding
from toolkit.checks.document import CheckedDocument
from toolkit.documents.base import Part
from toolkit.errors import UsageError
from toolkit.law.figures import Figures
from toolkit.render.document import RenderedDocument

FACT_CHECKS: tuple[Check[Facts], ...] = (
    *sections.CHECKS,
    *amounts.CHECKS,
    *dates.CHECKS,
    *plausibility.CHECKS,
    *identity.CHECKS,
    *rates.CHECKS,
    *limitation.CHECKS,
    *answer.CHECKS,
    *letters.CHECKS,
    *limitation_events.CHECKS,
    *schedule.CHECKS,
    *legal_data.CHECKS,
)
DOCUMENT_CHECKS: tuple[Check[CheckedDocument], ...] = (
    *document.CHECKS,
    *reconcile.CHECKS,
    *answer_document.CHECKS,
    *letter_document.CHECKS,
)


def _by_id(checks: tuple[Check[Any], ...]) -> dict[str, Check[Any]]:
    registry: dict[str, Check[Any]] = {}
    for item in checks:
        if item.id in registry:
            raise RuntimeError(f"two checks share the id {item.id}")
        registry[item.id] = item
    return registry


REGISTRY: dict[str, Check[Any]] = _by_id((*FACT_CHECKS, *DOCUMENT_CHECKS))


def catalogue() -> list[dict[str, Any]]:
    """Every check as ``draft checks`` lists it, fact checks first, with the stage it runs at."""
    return [{**item.describe(), "stage": "facts"} for item in FACT_CHECKS] + [
        {**item.describe(), "stage": "document"} for item in DOCUMENT_CHECKS
    ]


def check_document(case: Case, figures: Figures, kind_parts: list[Part], rendered: RenderedDocument) -> list[Finding]:
    """Every document check on one rendered document, in registry order."""
    subject = CheckedDocument(case, figures, tuple(kind_parts), rendered)
    return [finding for document_check in DOCUMENT_CHECKS for finding in document_check.findings(subject)]


def get(check_id: str) -> Check[Any]:
    """The check registered under ``check_id``; an unknown id is a :class:`UsageError`."""
    try:
        return REGISTRY[check_id]
    except KeyError:
        raise UsageError(
            f"没有编号为 {check_id} 的检查项",
            "运行 draft checks 查看全部检查项的编号（区分大小写，如 RATE-EXCESS）",
        ) from None
