"""templates/README.md, the authors' guide, says what is true: its variables, rules and examples."""

from __future__ import annotations

import re

import pytest
from templates_support import ROOT, SAMPLE

from toolkit.case.load import load_case
from toolkit.documents import kind
from toolkit.law.compute import compute_figures
from toolkit.lint.findings import Finding, Location
from toolkit.lint.guide import GUIDE, RULES_BEGIN, RULES_END, generated_part, variables_markdown
from toolkit.lint.rules import RULES, rules_markdown
from toolkit.render.environment import environment

TEXT = GUIDE.read_text(encoding="utf-8")
RULE = re.compile(r'"((?:TAG|BLOCK|RENDER|TEMPLATE|WORD|LINT)-[A-Z-]+[A-Z])"')


def names_only(markdown: str) -> list[str]:
    """The guide's variable trees reduced to their names (indentation kept): example values may change."""
    kept = []
    for line in markdown.splitlines():
        found = re.match(r"^(\s*(?:- )?)([A-Za-z_][\w]*):", line)
        if found:
            kept.append(found.group(1) + found.group(2))
        elif line.startswith(("#", "| `")):
            kept.append(line.split(" → ")[0])
    return kept


def test_the_variables_listed_are_the_variables_templates_receive() -> None:
    listed, received = names_only(generated_part(TEXT)), names_only(variables_markdown())
    assert listed == received, "请运行 python -m toolkit.lint.guide 更新作者指南"
    assert len(listed) > 150


def test_every_rule_the_linter_reports_is_registered_and_none_is_unused() -> None:
    sources = [path for path in (ROOT / "toolkit" / "lint").glob("*.py") if path.name != "rules.py"]
    reported = {rule for path in sources for rule in RULE.findall(path.read_text(encoding="utf-8"))}
    assert len(reported) > 20
    assert reported == set(RULES)


def test_the_guide_lists_the_registered_rules() -> None:
    listed = generated_part(TEXT, RULES_BEGIN, RULES_END)
    assert listed == rules_markdown(), "请运行 python -m toolkit.lint.guide 更新作者指南"
    documented = re.findall(r"^\| ((?:TAG|BLOCK|RENDER|TEMPLATE|WORD|LINT)-[A-Z-]+) \| (\S+) \|", TEXT, re.MULTILINE)
    assert documented == [(rule.id, rule.severity_name) for rule in RULES.values()]


def test_an_unregistered_rule_or_severity_fails_loudly() -> None:
    with pytest.raises(RuntimeError, match="TAG-NEW"):
        Finding("TAG-NEW", "error", "", Location(""))
    with pytest.raises(RuntimeError, match="severity"):
        Finding("TAG-CURLY-QUOTES", "error", "", Location(""))
    assert Finding("TAG-SPLIT-FORMATTING", "error", "", Location("")).severity == "error"  # it escalates


def test_the_examples_render_as_the_guide_says() -> None:
    case = load_case(SAMPLE)
    context = kind("answer").context(case, compute_figures(case))
    examples = re.findall(r"```text\n([^`]+?)\n```\n\n生成为：`([^`]+)`", TEXT)
    assert len(examples) == 2
    for template, expected in examples:
        assert environment().from_string(template).render(context) == expected
