"""Running the fact checks and deciding what blocks output: the behaviour the drafting commands share.

Severity decides (case format): an ``error`` blocks unless its id is allowed explicitly; a ``warning``
blocks only under ``--strict`` (and not when allowed); ``info`` never blocks.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from toolkit.case.models import Case
from toolkit.checks.base import SEVERITIES, Check, Facts, Finding
from toolkit.checks.registry import FACT_CHECKS, get
from toolkit.documents import kind
from toolkit.law.figures import Figures
from toolkit.law.report import figures_json


def run_fact_checks(case: Case, figures: Figures, documents: Collection[str]) -> list[Finding]:
    """Every fact check that applies to ``documents``, errors first, then warnings, then info."""
    for name in documents:
        kind(name)  # an unknown document is a UsageError
    facts = Facts(case, figures, frozenset(documents))
    findings = [finding for item in _applicable(facts.documents) for finding in item.findings(facts)]
    return sorted(findings, key=lambda finding: SEVERITIES.index(finding.severity))


@functools.lru_cache(maxsize=64)
def _applicable(documents: frozenset[str]) -> tuple[Check[Facts], ...]:
    """The fact checks that apply to ``documents``, in registry order (asked once per set of documents)."""
    return tuple(item for item in FACT_CHECKS if item.applies_to(documents))


def blocking(findings: Iterable[Finding], *, strict: bool, allow: Collection[str]) -> list[Finding]:
    """The findings that stop a document: errors not allowed, and under ``strict`` warnings not allowed.

    Every id in ``allow`` must be registered (a typo must not silently let an error through)."""
    for check_id in allow:
        get(check_id)
    stops = {"error", "warning"} if strict else {"error"}
    return [f for f in findings if f.severity in stops and f.id not in allow]


def report(
    case_path: Path | str,
    findings: Iterable[Finding],
    figures: Figures,
    allowed: Collection[str] = (),
    *,
    strict: bool = False,
) -> dict[str, Any]:
    """The JSON check report of the case format, with ``allowed`` recording the overrides used."""
    findings = list(findings)
    return {
        "case": str(case_path),
        "ok": not blocking(findings, strict=strict, allow=allowed),
        "findings": [finding.to_json() for finding in findings],
        "figures": figures_json(figures),
        "allowed": sorted(set(allowed)),
    }
