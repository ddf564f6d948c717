"""The legal provisions the toolkit cites, by key, from ``data/citations.yaml``.

Documents and findings name a provision only through its key, so each citation is written once, in data
a lawyer can check; an unknown key is an error, never an empty citation.
"""

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import model_validator

from toolkit.case.datafiles import DataModel, IsoDate, Text, load_table
from toolkit.errors import LegalDataError


class CitationEntry(DataModel):
    law: Text  # a key of ``laws``
    article: Text | None = None  # 第二十五条; absent when the whole instrument is cited
    about: Text  # what the project uses it for, in Chinese
    verify: Text | None = None  # what a lawyer must check before relying on it


class CitationTable(DataModel):
    description: Text
    last_reviewed: IsoDate
    note: Text | None = None
    laws: dict[str, Text]
    citations: dict[str, CitationEntry]

    @model_validator(mode="after")
    def _laws_exist(self) -> "CitationTable":
        unknown = sorted(k for k, c in self.citations.items() if c.law not in self.laws)
        if unknown:
            raise ValueError(f"这些引用的 law 不在 laws 中：{'、'.join(unknown)}")
        return self


@dataclass(frozen=True)
class Citation:
    """One provision: the instrument's full title, the article, and any point a lawyer must verify."""

    key: str
    title: str
    article: str
    about: str
    verify: str | None

    @property
    def text(self) -> str:
        return self.title + self.article


@functools.cache
def citation_table() -> CitationTable:
    """The citations, loaded once per process (built-in data merged with ``DRAFT_LAW_DIR``)."""
    return load_table("citations.yaml", CitationTable)


def citation(key: str) -> Citation:
    """The provision stored under ``key``; an unknown key is a :class:`LegalDataError`."""
    table = citation_table()
    entry = table.citations.get(key)
    if entry is None:
        raise LegalDataError(
            f"法律依据 {key} 不在 citations.yaml 中",
            "请检查引用的键是否拼写正确，或在 citations.yaml 中补上该条",
        )
    return Citation(key, table.laws[entry.law], entry.article or "", entry.about, entry.verify)


def unknown_keys(keys: Iterable[str]) -> str | None:
    """A data file's check that the keys it cites exist: the unknown ones named, or None."""
    known = citation_table().citations
    unknown = sorted({key for key in keys if key not in known})
    return f"这些键不在 citations.yaml 中：{'、'.join(unknown)}" if unknown else None


def cite(key: str) -> str:
    """The full printed citation, e.g. ``private_lending_25`` → 《…民间借贷…规定》第二十五条 in full."""
    return citation(key).text


def cite_groups(keys: Iterable[str]) -> list[str]:
    """Citations grouped by instrument, in order of first appearance, each article once.

    ``civil_code_188, private_lending_26, civil_code_192`` →
    [《民法典》第一百八十八条、第一百九十二条, 《…规定》第二十六条]."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        item = citation(key)
        articles = groups.setdefault(item.title, [])
        if item.article and item.article not in articles:
            articles.append(item.article)
    return [title + "、".join(articles) for title, articles in groups.items()]


def cite_all(keys: Iterable[str]) -> str:
    """Several citations in one running sentence: articles of one instrument share its title, instruments are
    joined by "、" (see :func:`cite_groups`)."""
    return _cite_all(tuple(keys))


@functools.cache
def _cite_all(keys: tuple[str, ...]) -> str:  # every finding of a check prints the same citations
    return "、".join(cite_groups(keys))


@functools.cache
def printed_citations() -> dict[str, str]:
    """Every citation by key, printed in full (the templates' ``law``), once per process: copy before changing."""
    return {key: cite(key) for key in citation_table().citations}
