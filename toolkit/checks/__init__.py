"""Checks before output: a registry of checks, each with an id, a severity and a citation.

Fact checks run on the case and its figures before anything is rendered; document checks run on the
rendered document before it is written. ``blocking`` decides which findings stop a document.
"""

from toolkit.checks.base import Check, Finding, Severity
from toolkit.checks.registry import REGISTRY, check_document, get
from toolkit.checks.run import blocking, report, run_fact_checks

__all__ = [
    "REGISTRY",
    "Check",
    "Finding",
    "Severity",
    "blocking",
    "check_document",
    "get",
    "report",
    "run_fact_checks",
]
