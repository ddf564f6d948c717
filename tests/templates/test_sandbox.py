"""Any template renders safely: sandbox escapes are refused, and runaway templates stop within seconds.

Each attack is typed into a copy of the built-in answer template (as a lawyer's colleague could) and
drafted with ``draft answer --templates DIR``: the command must fail with a clear Chinese message, and
write no file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from templates_support import draft_answer, with_paragraph

from toolkit.errors import DraftError
from toolkit.render.environment import environment
from toolkit.render.limits import MAX_STEPS

ESCAPES = {
    "mro": "{{ ''.__class__.__mro__ }}",
    "cycler-globals": "{{ cycler.__init__.__globals__ }}",
    "template-reference": "{{ self._TemplateReference__context }}",
    "lipsum-globals": "{{ lipsum.__globals__ }}",
    "namespace-globals": "{{ namespace.__init__.__globals__ }}",
    "format-method": "{{ '{0.__class__}'.format(client) }}",
    "format-map": "{{ '{x.__class__}'.format_map({'x': client}) }}",
    "format-filter": "{{ '%s'|format(client.__class__) }}",
    "dict": "{{ client.__dict__ }}",
    "attr-filter": "{{ client|attr('__class__') }}",
    "range-self": "{{ range.__self__ }}",
    "mutate-context": "{{ client.update({'name': 'x'}) }}",
    "subclasses": "{{ ().__class__.__base__.__subclasses__() }}",
    "encode": "{{ client.name.encode() }}",
    "include": "{% include '/etc/passwd' %}",
    "import": "{% import 'os' as os %}",
    "autoescape-off": "{% autoescape false %}{{ client.name }}{% endautoescape %}",
    "safe-filter": "{{ '<w:p/>'|safe }}",
}

RUNAWAYS = {
    "huge-range": "{% for i in range(10**9) %}{{ i }}{% endfor %}",
    "nested-ranges": "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    "string-times": "{{ 'a'*10**9 }}",
    "center": "{{ 'a'|center(10**9) }}",
    "macro-recursion": "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "macro-fanout": "{% macro m(n) %}{% if n %}{{ m(n-1) }}{{ m(n-1) }}{% endif %}{% endmacro %}{{ m(60) }}",
    "list-times": "{% set x = [1]*10**8 %}",
    "concat-doubling": (
        "{% set ns = namespace(s='a'*100000) %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
    ),
    "power-tower": "{{ (9**99)**99 }}",
    "format-width": "{{ '{:>999999999}'.format(1) }}",
    "percent-width": "{{ '%0999999999d' % 1 }}",
    "replace-empty": "{{ ('x'*99999).replace('', 'yyyyyyyyyyyyyyyyyyyy') }}",
    "join-generator": "{{ range(99999)|map('string')|join('x'*1000000) }}",
    "captured-loop": (
        "{% set s %}{% for i in range(99999) %}{% for j in range(999) %}xxxxxxxx{% endfor %}{% endfor %}{% endset %}"
    ),
    "nested-lists": (
        "{% set ns = namespace(a=[1], b=[1]) %}{% for i in range(80) %}"
        "{% set ns.a = [ns.a, ns.a] %}{% set ns.b = [ns.b, ns.b] %}{% endfor %}{{ ns.a == ns.b }}"
    ),
    "string-loop": "{% for c in 'x'*1000000 %}{% endfor %}",
}


def attack_template(tmp_path: Path, attack: str) -> Path:
    folder = tmp_path / "templates"
    with_paragraph(folder, "答辩人：", attack)
    return folder


def assert_refused(tmp_path: Path, attack: str, capsys: pytest.CaptureFixture[str]) -> str:
    out = tmp_path / "out"
    code, stdout, stderr = draft_answer(attack_template(tmp_path, attack), out, capsys)
    assert code != 0, stdout
    assert not out.exists() or not any(out.iterdir())
    assert "Traceback" not in stderr and stderr.startswith("错误：")
    return stderr


@pytest.mark.parametrize("attack", ESCAPES.values(), ids=ESCAPES.keys())
def test_sandbox_escapes_are_refused_without_a_file(
    attack: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    message = assert_refused(tmp_path, attack, capsys)
    assert "模板" in message
    assert any(word in message for word in ("安全", "不存在", "不能", "不认识")), message


@pytest.mark.parametrize("attack", RUNAWAYS.values(), ids=RUNAWAYS.keys())
def test_runaway_templates_are_stopped_without_a_file(
    attack: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # How long the refusal takes is measured by benchmarks/bench_templates.py, not asserted here.
    message = assert_refused(tmp_path, attack, capsys)
    assert any(word in message for word in ("过大", "超过", "递归", "停止")), message


def test_a_character_a_document_cannot_hold_is_refused_without_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lone surrogate written by the template itself (a case file's text is refused before it renders)."""
    message = assert_refused(tmp_path, '{{ "\\ud800" }}', capsys)
    assert "U+D800" in message and "不能写入文书" in message


def render(source: str, **context: Any) -> str:
    return environment().from_string(source).render(**context)


def refusal(source: str, **context: Any) -> str:
    with pytest.raises((JinjaError, DraftError)) as caught:
        render(source, **context)
    return str(caught.value)


@pytest.mark.parametrize(
    "source",
    ["{{ d.name }}", "{{ d.get('name') }}", "{{ d.keys is callable }}", "{{ d['keys'] }}", "{{ d.items() | list }}"],
)
def test_a_dict_item_and_a_dict_method_are_found_as_the_stock_sandbox_finds_them(source: str) -> None:
    """``d.keys`` is the method even when the dict holds a ``keys`` item, ``d.name`` the item: Jinja's order."""
    d = {"name": "李明", "keys": "项"}
    stock = ImmutableSandboxedEnvironment(autoescape=True).from_string(source).render(d=d)
    assert render(source, d=d) == stock


def test_an_unsafe_attribute_is_named_in_chinese() -> None:
    assert refusal("{{ x.__class__ }}", x=1) == "出于安全原因，模板不能访问 __class__（所在对象：int）"


def test_a_missing_key_suggests_the_near_one() -> None:
    assert "是否想写 name" in refusal("{{ client.nme }}", client={"name": "李明"})


def test_a_value_of_the_wrong_kind_names_the_filter() -> None:
    assert refusal("{{ x|money }}", x="李明") == "过滤器 money 需要金额（数字），收到的是 文字（李明）"


@pytest.mark.parametrize(
    ("source", "expected"),
    [("{{ 1/0 }}", "除以了零"), ("{{ 1 - 'a' }}", "不合适的值"), ("{{ [1][5] }}", "不存在"), ("{{ x }}", "空值")],
)
def test_python_errors_inside_a_template_become_template_errors(source: str, expected: str) -> None:
    assert expected in refusal(source, x=None)


def test_printing_nothing_is_refused_even_as_a_literal() -> None:
    assert "空值" in refusal("{{ none }}")


def test_escaping_cannot_be_forgotten() -> None:
    assert render("{{ x }}", x="A&B <Co>") == "A&amp;B &lt;Co&gt;"


def test_ordinary_template_code_still_works() -> None:
    source = (
        "{% set ns = namespace(total=0) %}{% for r in rows if r.amount > 0 %}{% set ns.total = ns.total + r.amount %}"
        "{{ loop.index|cn_number }}{% endfor %}|{{ ns.total }}|{{ '、'.join(names) }}|{{ names|join('，') }}"
        "|{{ '%s-%s' % (1, 2) }}|{{ (rows|first).amount }}|{{ d.items()|list|length }}|{{ 'x'.ljust(3, '*') }}"
    )
    rows = [{"amount": 2}, {"amount": 0}, {"amount": 3}]
    out = render(source, rows=rows, names=["甲", "乙"], d={"a": 1})
    assert out == "一二|5|甲、乙|甲，乙|1-2|2|1|x**"


def test_the_budget_is_fresh_for_every_render() -> None:
    source = f"{{% for i in range({MAX_STEPS - 10}) %}}{{% endfor %}}ok"
    assert [render(source) for _ in range(3)] == ["ok"] * 3  # three times the limit in all, within it per render
