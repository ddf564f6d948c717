"""Rules on blocks: ``{% if %}``/``{% for %}`` pairs, and the paragraph and row tags of docxtpl.

docxtpl replaces the whole paragraph holding a ``{%p … %}`` tag (the whole table row for ``{%tr``,
the cell for ``{%tc``, the run for ``{%r``) with the bare tag. So an opening and its closing tag must
have the same level, a ``{%tr`` must be in a table row, and nothing else may share the paragraph (or
row) with such a tag: that text would silently disappear from every document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from toolkit.lint.findings import Finding
from toolkit.lint.source import Paragraph, Tag, TemplatePart
from toolkit.lint.tagrules import BLOCKS, finding

_CLOSERS = {end: start for start, end in BLOCKS.items()}
_MIDDLE = {"elif": ("if",), "else": ("if", "for")}
_SCOPE = {"p": "段落", "tr": "表格行", "tc": "单元格", "r": "文字段"}


@dataclass
class _Open:
    tag: Tag
    keyword: str


def block_findings(part: TemplatePart) -> Iterator[Finding]:
    yield from _pairs(part.tags)
    for tag in part.tags:
        yield from _placement(tag, part)


def _spelled(tag: Tag, keyword: str) -> str:
    return f"{{%{tag.level} {keyword} %}}" if tag.level else f"{{% {keyword} %}}"


def _pairs(tags: tuple[Tag, ...]) -> Iterator[Finding]:
    stack: list[_Open] = []
    for tag in tags:
        keyword = tag.keyword
        if keyword == "set" and "=" not in tag.inner:
            stack.append(_Open(tag, "set"))
        elif keyword in BLOCKS:
            stack.append(_Open(tag, keyword))
        elif keyword in _MIDDLE:
            if not stack or stack[-1].keyword not in _MIDDLE[keyword]:
                yield finding("BLOCK-UNBALANCED", "error", f"{tag.raw} 前面没有对应的 if", tag.paragraph)
            elif stack[-1].tag.level != tag.level:
                yield _level_mismatch(stack[-1].tag, tag, keyword)
        elif keyword in _CLOSERS or keyword == "endset":
            opening = _CLOSERS.get(keyword, "set")
            if not stack:
                yield finding(
                    "BLOCK-UNBALANCED",
                    "error",
                    f"多余的 {tag.raw}：前面没有对应的 {opening}",
                    tag.paragraph,
                    "请删除它",
                )
                continue
            top = stack.pop()
            if top.keyword != opening:
                yield finding(
                    "BLOCK-UNBALANCED",
                    "error",
                    f"{tag.raw} 与 {top.tag.location_text()} 的 {top.tag.raw} 不配对",
                    tag.paragraph,
                    f"{top.tag.raw} 应以 {_spelled(top.tag, BLOCKS.get(top.keyword, 'endset'))} 结束",
                )
                stack.append(top)
            elif top.tag.level != tag.level:
                yield _level_mismatch(top.tag, tag, keyword)
            else:
                yield from _span(top.tag, tag)
    for left in stack:
        closing = _spelled(left.tag, BLOCKS.get(left.keyword, "endset"))
        yield finding(
            "BLOCK-UNBALANCED",
            "error",
            f"{left.tag.raw} 没有对应的 {closing}",
            left.tag.paragraph,
            f"请在该部分末尾加上 {closing}",
        )


def _level_mismatch(opening: Tag, other: Tag, keyword: str) -> Finding:
    return finding(
        "BLOCK-LEVEL",
        "error",
        f"{opening.raw}（{opening.location_text()}）与 {other.raw} 的写法不一致："
        "开始、中间和结束标签必须同为 {%p …%}、同为 {%tr …%} 或同为普通的 {% …%}",
        other.paragraph,
        f"请改为 {_spelled(opening, keyword)}",
    )


def _span(opening: Tag, closing: Tag) -> Iterator[Finding]:
    """An inline block (no level) that runs across paragraphs or table cells."""
    if opening.level or opening.paragraph is closing.paragraph:
        return
    first, last = opening.paragraph.location, closing.paragraph.location
    if (first.table, first.row, first.cell) != (last.table, last.row, last.cell):
        yield finding(
            "BLOCK-ACROSS-CELLS",
            "error",
            f"{opening.raw} 与 {closing.raw} 不在同一个单元格（或一个在表格内、一个在表格外），生成的文书会损坏",
            opening.paragraph,
            "整段的条件请用 {%p if %}…{%p endif %}，整行的循环请用 {%tr for %}…{%tr endfor %}",
        )
    else:
        yield finding(
            "BLOCK-ACROSS-PARAGRAPHS",
            "warning",
            f"{opening.raw} 与 {closing.raw} 不在同一段：条件不成立时，前后两段会被合并成一段",
            opening.paragraph,
            f"若要整段显示或隐藏，请把 {opening.raw} 和结束标签各放在单独一段，并写成 {{%p … %}}",
        )


def _placement(tag: Tag, part: TemplatePart) -> Iterator[Finding]:
    level, paragraph = tag.level, tag.paragraph
    if not level:
        return
    if level in ("tr", "tc") and not paragraph.in_table:
        yield finding(
            "BLOCK-OUTSIDE-TABLE",
            "error",
            f"{tag.raw} 只能写在表格的单元格里（docxtpl 会用它替换整个{_SCOPE[level]}）",
            paragraph,
            "表格外的整段条件或循环请用 {%p … %}",
        )
        return
    others = _sharing(tag, part)
    if others:
        yield finding(
            "BLOCK-SHARED-PARAGRAPH",
            "error",
            f"{tag.raw} 所在的{_SCOPE[level]}还有其他内容“{others}”："
            f"docxtpl 会用标签替换整个{_SCOPE[level]}，这些内容不会出现在文书中",
            paragraph,
            f"请把 {tag.raw} 单独放在一个{_SCOPE[level]}中（{_SCOPE[level]}里只有这个标签）",
        )


def _sharing(tag: Tag, part: TemplatePart) -> str:
    """The other text in the paragraph (row, cell, run) that docxtpl replaces with ``tag``."""
    location = tag.paragraph.location
    if tag.level == "tr":
        scope = [p for p in part.paragraphs if (p.location.table, p.location.row) == (location.table, location.row)]
    elif tag.level == "tc":
        scope = [p for p in part.paragraphs if _cell_of(p) == _cell_of(tag.paragraph)]
    else:
        scope = [tag.paragraph]
    text = "".join(_without(p.text, tag) if p is tag.paragraph else p.text for p in scope)
    if tag.level == "r":
        run = next((r for r in tag.paragraph.runs if r.start <= tag.start < r.end), None)
        text = _without(run.text, tag, run.start) if run else ""
    return text.strip()[:30]


def _cell_of(paragraph: Paragraph) -> tuple[int | None, int | None, int | None]:
    location = paragraph.location
    return location.table, location.row, location.cell


def _without(text: str, tag: Tag, offset: int = 0) -> str:
    start = max(tag.start - offset, 0)
    return text[:start] + text[start + len(tag.raw) :]
