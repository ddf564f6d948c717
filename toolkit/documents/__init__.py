"""The document kinds: each module here that defines ``KIND`` is one kind, found without registration."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from typing import Any

from toolkit.case.models import Case
from toolkit.documents.base import DocumentKind
from toolkit.errors import UsageError


@functools.cache
def kinds() -> dict[str, DocumentKind]:
    """Every document kind by name, in a stable order (answer, hardship, settlement, then any others)."""
    found: dict[str, DocumentKind] = {}
    for module in pkgutil.iter_modules(__path__):
        kind = getattr(importlib.import_module(f"{__name__}.{module.name}"), "KIND", None)
        if isinstance(kind, DocumentKind):
            found[kind.name] = kind
    order = ["answer", "hardship", "settlement"]
    return dict(sorted(found.items(), key=lambda item: (order.index(item[0]) if item[0] in order else 99, item[0])))


def acknowledging() -> frozenset[str]:
    """The kinds that offer to pay (``acknowledges_debt``: hardship, settlement), which client protection
    concerns (law.md §5)."""
    return frozenset(name for name, kind in kinds().items() if kind.acknowledges_debt)


def kind(name: str) -> DocumentKind:
    try:
        return kinds()[name]
    except KeyError:
        raise UsageError(f"没有名为 {name} 的文书", f"可选：{', '.join(kinds())}") from None


def requested(case: Case) -> list[str]:
    """The documents a case file asks for: those whose ``requested_by`` section it has."""
    return [name for name, kind in kinds().items() if getattr(case, kind.requested_by) is not None]


def missing_fields(case: Case, kind: DocumentKind) -> list[str]:
    """The fields ``kind`` needs that ``case`` lacks (empty lists count as lacking); a field inside a missing
    section is not repeated."""
    missing: list[str] = []
    for field in kind.needs:
        if any(field.startswith(f"{section}.") for section in missing):
            continue
        value: Any = case
        for name in field.split("."):
            value = getattr(value, name, None)
        if value is None or value == [] or value == ():
            missing.append(field)
    return missing
