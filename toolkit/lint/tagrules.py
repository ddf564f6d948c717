"""Rules on single tags: what Word does to a tag as it is typed, and whether Jinja can read it.

Word cuts a tag into runs (spell check, a change of font or language, an edit in the middle), turns
straight quotes into curly ones, and a Chinese input method types full-width punctuation. docxtpl's
cleaning joins the runs of a tag and straightens curly quotes, so some of this still renders; the
rest is reported with the fix a Word user can apply.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from jinja2 import TemplateSyntaxError

from toolkit.lint.findings import Finding, Severity
from toolkit.lint.source import Paragraph, Tag, TemplatePart, stray_marks
from toolkit.render.environment import DraftEnvironment

BLOCKS = {
    "if": "endif",
    "for": "endfor",
    "macro": "endmacro",
    "call": "endcall",
    "filter": "endfilter",
    "with": "endwith",
    "block": "endblock",
}
FULL_WIDTH = {
    "｜": "|", "（": "(", "）": ")", "，": ",", "、": ",", "：": ":", "＝": "=", "．": ".", "。": ".",
    "［": "[", "］": "]", "【": "[", "】": "]", "＋": "+", "－": "-", "＊": "*", "／": "/", "％": "%",
    "！": "!", "＜": "<", "＞": ">", "　": " ", "＂": '"', "＇": "'", "；": ";", "｛": "{", "｝": "}",
    "～": "~", "《": "<", "》": ">",
}  # fmt: skip
_STRINGS = re.compile(r"\"[^\"]*\"|'[^']*'")
_CURLY = "“”‘’"
RETYPE = "请删除这个标签，切换到英文输入法后重新输入（或在 Word 中选中整个标签，清除格式后改正）"
CLEAR_FORMAT = "在 Word 中选中整个标签（从 {{ 或 {% 到 }} 或 %}），按 Ctrl+空格 清除格式，或统一设为一种格式"


def finding(rule: str, severity: Severity, message: str, paragraph: Paragraph, hint: str = "") -> Finding:
    return Finding(rule, severity, message, paragraph.location, paragraph.context, hint)


def tag_findings(part: TemplatePart, patched: str, env: DraftEnvironment) -> tuple[list[Finding], set[int]]:
    """Every rule on single tags, for one part, and the tags Jinja cannot read (by index).

    ``patched`` is the part's XML after docxtpl's cleaning.
    """
    found = list(_stray(part))
    unreadable: set[int] = set()
    expected = Counter(tag.cleaned() for tag in part.tags)
    for index, tag in enumerate(part.tags):
        found += _split(tag, patched, expected)
        characters = list(_characters(tag))
        syntax = [] if characters and characters[-1].id == "TAG-FULL-WIDTH" else list(syntax_findings(tag, env))
        found += characters + syntax
        if syntax or any(f.id == "TAG-FULL-WIDTH" for f in characters):
            unreadable.add(index)
    return found, unreadable


def stand_in(tag: Tag) -> str:
    """A tag Jinja can read in place of an unreadable one, so the rest of the part can still be checked."""
    return {"if": "{% if true %}", "elif": "{% elif true %}", "for": "{% for _ in () %}"}.get(tag.keyword, "{# #}")


def _stray(part: TemplatePart) -> Iterator[Finding]:
    for paragraph, mark in stray_marks(part.paragraphs):
        if any(ch in mark for ch in "｛｝％"):
            yield finding(
                "TAG-FULL-WIDTH", "error", f"“{mark}”像是标签，但用了全角符号，不会被当作标签", paragraph, RETYPE
            )
        elif mark in ("{{", "{%", "{#"):
            yield finding("TAG-UNCLOSED", "error", f"“{mark}”没有对应的结束符号，标签不完整", paragraph, "请补全标签")
        else:
            yield finding(
                "TAG-STRAY", "error", f"多余的“{mark}”：前面没有对应的开始符号，会原样出现在文书中", paragraph
            )


def _split(tag: Tag, patched: str, expected: Counter[str]) -> Iterator[Finding]:
    paragraph = tag.paragraph
    if tag.spans_paragraphs:
        yield finding(
            "TAG-SPLIT-PARAGRAPH",
            "error",
            f"标签 {_show(tag)} 中间有换段（回车），docxtpl 会把前后两段合并成一段",
            paragraph,
            "请在 Word 中删除标签中间的换段符，让整个标签在同一段内",
        )
        return
    runs = [run for run in paragraph.runs if run.start < tag.end and run.end > tag.start]
    if len(runs) < 2:
        return
    if len({id(run.parent) for run in runs}) > 1:
        yield finding(
            "TAG-SPLIT-STRUCTURE",
            "error",
            f"标签 {_show(tag)} 一部分在超链接、修订或内容控件中，另一部分在外面："
            "docxtpl 合并时会删掉这些结构的边界，文书会损坏",
            paragraph,
            "请接受所有修订、删除该处超链接或内容控件，再删除整个标签后重新输入",
        )
        return
    if len({run.formatting for run in runs}) > 1:
        survives = patched.count(_escaped(tag.cleaned())) >= expected[tag.cleaned()]
        outcome = "docxtpl 会把它合并成一个标签，仍能生成" if survives else "docxtpl 无法把它合并成一个标签"
        yield finding(
            "TAG-SPLIT-FORMATTING",
            "warning" if survives else "error",
            f"标签 {_show(tag)} 被 Word 分成了格式不同的几段（如部分加粗、换了字体）：{outcome}；"
            "但填入的文字只用标签第一个字符的格式，标签后同一格式段内的文字也会变成这个格式",
            paragraph,
            CLEAR_FORMAT,
        )


def _characters(tag: Tag) -> Iterator[Finding]:
    if tag.opener == "{#":
        return
    if any(ch in tag.raw for ch in _CURLY):
        yield finding(
            "TAG-CURLY-QUOTES",
            "warning",
            f"标签 {_show(tag)} 中有中文弯引号（“ ” ‘ ’）：docxtpl 会换成英文直引号，仍能生成，但容易出错",
            tag.paragraph,
            "在 Word 的“自动更正选项 → 键入时自动套用格式”中关闭“直引号替换为弯引号”，再用英文输入法重新输入引号",
        )
    code = _STRINGS.sub("''", tag.cleaned())
    wide = sorted({ch for ch in code if ch in FULL_WIDTH})
    if wide:
        fixes = "，".join(f"“{ch}”应为“{FULL_WIDTH[ch]}”" for ch in wide)
        yield finding(
            "TAG-FULL-WIDTH",
            "error",
            f"标签 {_show(tag)} 中有中文（全角）符号：{fixes}",
            tag.paragraph,
            RETYPE,
        )


def probe(tag: Tag) -> str | None:
    """A small template that holds just this tag, completed so that Jinja can parse it on its own."""
    text, keyword = tag.cleaned(), tag.keyword
    if tag.opener == "{#" or keyword in ("raw", "endraw"):
        return None
    if tag.opener == "{{":
        return text
    if keyword in BLOCKS:
        return text + "{% " + BLOCKS[keyword] + " %}"
    if keyword == "set":
        return text if "=" in tag.inner else text + "{% endset %}"
    if keyword in ("elif", "else"):
        return "{% if true %}" + text + "{% endif %}"
    if keyword in (*BLOCKS.values(), "endset"):
        return None
    return text


def syntax_findings(tag: Tag, env: DraftEnvironment) -> Iterator[Finding]:
    source = probe(tag)
    if source is None:
        return
    try:
        env.parse(source)
    except TemplateSyntaxError as exc:
        message, hint = explain_syntax(exc.message or "", tag)
        yield finding("TAG-SYNTAX", "error", f"标签 {_show(tag)} 写法有误：{message}", tag.paragraph, hint)


def explain_syntax(message: str, tag: Tag | None = None) -> tuple[str, str]:
    """Jinja's syntax message, said in Chinese with the usual cause, and the fix."""
    if found := re.search(r"unexpected char '(.)'", message):
        char = found.group(1)
        wide = f"，应为“{FULL_WIDTH[char]}”" if char in FULL_WIDTH else ""
        return f"有不能识别的字符“{char}”{wide}", RETYPE
    if found := re.search(r"unknown tag '(\w+)'", message):
        word = found.group(1)
        if word in ("p", "tr", "tc", "r") and tag is not None:
            return f"不认识的标签“{word}”", f"“{{%”和“{word}”之间不能有空格：应写成 {{%{word} … %}}"
        if word in ("break", "continue"):
            return f"模板不支持 {word}", "请改用 {% for … if 条件 %} 筛选循环的项"
        return f"不认识的标签“{word}”", "常用的标签有 if、elif、else、endif、for、endfor、set"
    if "expected token" in message or "unexpected" in message.lower():
        return f"语法错误（{message}）", "请对照作者指南检查括号、引号和过滤器的写法"
    if message.startswith("模板"):
        return message.removeprefix("模板"), "请删除这个标签"
    return message, "请对照作者指南改正"


def _show(tag: Tag) -> str:
    text = " ".join(tag.raw.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;")
