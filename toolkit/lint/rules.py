"""Every rule of the template linter, by id: its severity and what it means, as the authors' guide lists it.

A finding names one of these rules (:class:`~toolkit.lint.findings.Finding` refuses an id not listed here,
or a severity the rule does not report at); the guide's table of rules (templates/README.md, 四、检查项一览)
is written from this registry by ``python -m toolkit.lint.guide``. Adding a rule means one row here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
SEVERITY_NAMES: dict[str, str] = {"error": "错误", "warning": "警告"}


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str  # what it means, in the words of the guide
    escalates: bool = False  # a warning that is an error when the template cannot be drafted from at all

    def allows(self, severity: Severity) -> bool:
        return severity == self.severity or (self.escalates and severity == "error")

    @property
    def severity_name(self) -> str:
        return "警告或错误" if self.escalates else SEVERITY_NAMES[self.severity]


_RULES = (
    Rule("TEMPLATE-PACKAGE", "error", "文件不是普通的 Word 文档，或含有不安全的内容（见第五节）"),
    Rule("TEMPLATE-COMPILE", "error", "整个模板无法编译（通常伴有其他错误）"),
    Rule(
        "TEMPLATE-UNKNOWN-DOCUMENT",
        "warning",
        "不知道模板用于哪种文书：用 `--document answer` 指定，或在 manifest.yaml 中登记",
    ),
    Rule("LINT-INCOMPLETE", "warning", "因有错误，尚未用示例案件生成检查；改正后再检查一次"),
    Rule("TAG-SYNTAX", "error", "标签写法有误（括号、引号、过滤器写法，或不认识的标签）"),
    Rule(
        "TAG-UNKNOWN-VARIABLE",
        "error",
        "用了不存在的变量或属性，例如 `client.nme`（会提示“是否想写 client.name？”）",
    ),
    Rule("TAG-UNKNOWN-FILTER", "error", "用了不存在或不提供的过滤器"),
    Rule("TAG-UNKNOWN-TEST", "error", "`is …` 判断写错"),
    Rule(
        "TAG-DICT-METHOD",
        "error",
        "`claims.items` 这类名字会取到模板引擎自带的功能而不是数据，应写成 `claims['items']`",
    ),
    Rule("TAG-SPLIT-FORMATTING", "warning", "标签被分成格式不同的几段（见第三节）", escalates=True),
    Rule("TAG-SPLIT-STRUCTURE", "error", "标签跨越超链接、修订或内容控件"),
    Rule("TAG-SPLIT-PARAGRAPH", "error", "标签中间有换段"),
    Rule("TAG-CURLY-QUOTES", "warning", "标签中有中文弯引号"),
    Rule("TAG-FULL-WIDTH", "error", "标签中有全角符号，或用全角括号写了标签"),
    Rule("TAG-UNCLOSED", "error", "标签没有结束符号（`}}`、`%}`）"),
    Rule("TAG-STRAY", "error", "多余的 `}}`、`%}`，会原样出现在文书中"),
    Rule("BLOCK-UNBALANCED", "error", "`if`/`for` 没有对应的 `endif`/`endfor`，或多出一个"),
    Rule("BLOCK-LEVEL", "error", "开始、中间、结束标签一个带 p（或 tr）、一个不带"),
    Rule("BLOCK-SHARED-PARAGRAPH", "error", "`{%p …%}`（`{%tr …%}`）所在段落（行）还有其他内容"),
    Rule("BLOCK-OUTSIDE-TABLE", "error", "`{%tr …%}` 写在了表格外"),
    Rule("BLOCK-ACROSS-CELLS", "error", "句中的 `{% if %}` 与 `{% endif %}` 分在不同单元格，文书会损坏"),
    Rule(
        "BLOCK-ACROSS-PARAGRAPHS",
        "warning",
        "句中的 `{% if %}` 与 `{% endif %}` 分在不同段落：整段条件请用 `{%p if %}`",
    ),
    Rule("WORD-TRACKED-CHANGES", "warning", "模板中有未接受的修订"),
    Rule("RENDER-FAILED", "error", "用示例案件生成时出错，例如把金额过滤器用在了文字上"),
    Rule("RENDER-CHECK", "error", "生成的文书未通过文书检查，例如删去了必备部分“证据清单”"),
    Rule("RENDER-INVALID-XML", "error", "生成的文书 Word 无法打开"),
)


def _by_id(rules: tuple[Rule, ...]) -> dict[str, Rule]:
    registry: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in registry:
            raise RuntimeError(f"two lint rules share the id {rule.id}")
        registry[rule.id] = rule
    return registry


RULES: dict[str, Rule] = _by_id(_RULES)


def rule(rule_id: str) -> Rule:
    """The rule registered under ``rule_id``; an unknown id is a programming error and fails loudly."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise RuntimeError(f"the lint rule {rule_id} is not registered in toolkit/lint/rules.py") from None


def rules_markdown() -> str:
    """The guide's table of rules (四、检查项一览), in registry order."""
    lines = ["| 编号 | 严重程度 | 含义 |", "|---|---|---|"]
    lines += [f"| {r.id} | {r.severity_name} | {r.title} |" for r in RULES.values()]
    return "\n".join(lines) + "\n"
