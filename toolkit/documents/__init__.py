"""The document kinds: each module here that defines ``KIND`` is one kind, found without registration."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Mapping
from typing import Any

from toolkit.case.models import Case
from toolkit.documents.base import DocumentKind
from toolkit.errors import UsageError


@functools.cache
def kinds() -> dict[str, DocumentKind]:
    """Every document kind by name, in the kinds' declared order (then by name)."""
    found: dict[str, DocumentKind] = {}
    for module in pkgutil.iter_modules(__path__):
        kind = getattr(importlib.import_module(f"{__name__}.{module.name}"), "KIND", None)
        if isinstance(kind, DocumentKind):
            if kind.name in found:
                raise RuntimeError(f"two document kinds share the name {kind.name}")
            found[kind.name] = kind
    return dict(sorted(found.items(), key=lambda item: (item[1].order, item[0])))


@functools.cache  # asked by every check that concerns them, for every case
def acknowledging() -> frozenset[str]:
    """The kinds that offer to pay (``acknowledges_debt``: hardship, settlement), which client protection
    concerns (law.md §5)."""
    return frozenset(name for name, kind in kinds().items() if kind.acknowledges_debt)


def kind(name: str) -> DocumentKind:
    try:
        return kinds()[name]
    except KeyError:
        raise UsageError(f"没有名为 {name} 的文书", f"可选：{', '.join(kinds())}") from None


def names_text(separator: str = "、") -> str:
    """answer、hardship、settlement …: the kinds' names, for help texts and hints."""
    return separator.join(kinds())


def sections_hint() -> str:
    """答辩状需要 answer 段落，困难情况说明需要 hardship 段落 …: which section asks for which document."""
    return "，".join(f"{kind.title}需要 {kind.requested_by} 段落" for kind in kinds().values())


def with_options(case: Case, chosen: Mapping[str, str | None]) -> Case:
    """The case as the kinds' options change it (``--style elements`` sets ``answer.style``); an option
    not given (``None``) changes nothing."""
    for kind in kinds().values():
        for option in kind.options:
            if (value := chosen.get(option.name)) is None:
                continue
            if value not in option.choices:
                raise UsageError(f"--{option.name} {value}：不是可选的值", f"可选：{', '.join(option.choices)}")
            case = option.apply(case, value)
    return case


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
