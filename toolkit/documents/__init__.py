"""The document kinds: each module here that defines ``KIND`` is one kind, found without registration."""

from __future__ import annotations

import functools
import importlib
import pkgutil

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


def kind(name: str) -> DocumentKind:
    try:
        return kinds()[name]
    except KeyError:
        raise UsageError(f"没有名为 {name} 的文书", f"可选：{', '.join(kinds())}") from None
