"""The generated parts of the authors' guide (templates/README.md): the linter's rules and every variable
a template receives.

The rules come from the linter's registry (:mod:`.rules`); the variables are drawn from the complete
sample case through each document kind, so the guide lists exactly what templates get.
``python -m toolkit.lint.guide`` rewrites the parts between the markers, and a test fails when the guide
drifts from the registry or the context.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from toolkit.bundled import templates_folder
from toolkit.documents import kinds
from toolkit.lint.context_view import filter_examples, tree
from toolkit.lint.rules import rules_markdown
from toolkit.lint.sample import sample_context, shared_context
from toolkit.privacy import mask
from toolkit.render.environment import environment
from toolkit.render.templates import builtin_manifest

GUIDE = templates_folder() / "README.md"
BEGIN = "<!-- 变量一览：以下由 python -m toolkit.lint.guide 生成，请勿手改 -->"
END = "<!-- 变量一览结束 -->"
RULES_BEGIN = "<!-- 检查项一览：以下由 python -m toolkit.lint.guide 生成，请勿手改 -->"
RULES_END = "<!-- 检查项一览结束 -->"


def _block(title: str, values: dict[str, Any]) -> list[str]:
    return [f"### {title}", "", "```text", *(mask(line) for line in tree(values)), "```", ""]


def filters_markdown() -> list[str]:
    lines = ["### 过滤器", "", "| 过滤器 | 用途 | 写法 | 例：值 → 结果 |", "|---|---|---|---|"]
    for row in filter_examples(environment()):
        tag = row["tag"].replace("|", "\\|")
        lines.append(f"| `{row['name']}` | {row['description']} | `{tag}` | {row['value']} → {row['output']} |")
    return [*lines, ""]


def variables_markdown() -> str:
    """The generated section: the filters, what every document shares, then each template's own ``doc``."""
    shared = shared_context()
    lines = filters_markdown() + _block("所有文书共用的变量", shared)
    for key, entry in builtin_manifest().templates.items():
        if entry.document not in kinds():
            continue
        context = sample_context(entry.document, entry.style)
        own = {name: value for name, value in context.items() if name not in shared}
        lines += _block(f"{entry.description or kinds()[entry.document].title}（模板 {key}）", own)
    return "\n".join(lines).rstrip() + "\n"


def generated_part(text: str, begin: str = BEGIN, end: str = END) -> str:
    start, stop = text.index(begin) + len(begin), text.index(end)
    return text[start:stop].strip("\n") + "\n"


def _replaced(text: str, begin: str, end: str, generated: str) -> str:
    start, stop = text.index(begin) + len(begin), text.index(end)
    return text[:start] + "\n\n" + generated + "\n" + text[stop:]


def rewrite(path: Path = GUIDE) -> None:
    text = path.read_text(encoding="utf-8")
    text = _replaced(text, RULES_BEGIN, RULES_END, rules_markdown())
    path.write_text(_replaced(text, BEGIN, END, variables_markdown()), encoding="utf-8")


if __name__ == "__main__":
    rewrite()
