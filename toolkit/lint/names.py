"""Every variable, attribute, filter and test a template uses, checked against the real context.

The tags of a part are put one per line into a small Jinja template and parsed; the tree is walked
with Jinja's scoping (a ``{% for %}`` or macro opens a scope, ``{% if %}`` does not), and each name is
looked up in a context built by the document kind from a complete sample case, so every key the
context can hold is there. A loop variable stands for an item of what it loops over (for a list of
rows: a row with every key any row has). A missing name is reported with the nearest existing one.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes
from jinja2.parser import Parser

from toolkit.lint.values import UNKNOWN, Ref, kind_name, loop_variable, sample_item
from toolkit.render.environment import SAFE_METHODS, DraftEnvironment
from toolkit.render.filters import REMOVED_FILTERS

_LENIENT_TESTS = ("defined", "undefined", "none")
_SAME_SEQUENCE = ("list", "sort", "reverse", "unique", "select", "reject", "selectattr", "rejectattr")
_DICT_METHODS = frozenset(dir(dict))


@dataclass(frozen=True)
class Problem:
    line: int  # line of the tag-per-line template = index of the tag + 1
    rule: str
    message: str
    hint: str = ""


def parse_tags(env: DraftEnvironment, sources: list[str]) -> nodes.Template:
    """The tags of a part, one per line, as one Jinja tree (raises TemplateSyntaxError)."""
    return Parser(env, "\n".join(sources)).parse()


def name_problems(tree: nodes.Template, context: Mapping[str, Any], env: DraftEnvironment) -> list[Problem]:
    walker = _Walker(context, env)
    walker.block(tree.body)
    return walker.problems


class _Walker:
    def __init__(self, context: Mapping[str, Any], env: DraftEnvironment) -> None:
        self.context, self.env = context, env
        self.scopes: list[dict[str, Ref]] = [{}]
        self.problems: list[Problem] = []
        self.lenient = 0

    def report(self, node: nodes.Node, rule: str, message: str, hint: str = "") -> None:
        if rule != "TAG-UNKNOWN-VARIABLE" or not self.lenient:
            self.problems.append(Problem(node.lineno, rule, message, hint))

    # statements

    def block(self, body: list[nodes.Node]) -> None:
        for node in body:
            self.statement(node)

    def scoped(self, bindings: dict[str, Ref], body: list[nodes.Node]) -> None:
        self.scopes.append(dict(bindings))
        self.block(body)
        self.scopes.pop()

    def statement(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child)
        elif isinstance(node, nodes.If):
            self.expr(node.test)
            self.block(node.body)
            for branch in node.elif_:
                self.statement(branch)
            self.block(node.else_)
        elif isinstance(node, nodes.For):
            self.for_loop(node)
        elif isinstance(node, nodes.Assign):
            value = self.expr(node.node)
            self.bind(node.target, value)
        elif isinstance(node, nodes.AssignBlock):
            self.block(node.body)
            self.bind(node.target, Ref("", ""))
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            self.callable_body(node)
        elif isinstance(node, nodes.With):
            values = [self.expr(value) for value in node.values]
            self.scopes.append({})
            for target, value in zip(node.targets, values, strict=False):
                self.bind(target, value)
            self.block(node.body)
            self.scopes.pop()
        elif isinstance(node, nodes.FilterBlock):
            self.expr(node.filter)
            self.block(node.body)
        else:
            for inner in node.iter_child_nodes():
                if isinstance(inner, nodes.Expr):
                    self.expr(inner)
                else:
                    self.statement(inner)

    def for_loop(self, node: nodes.For) -> None:
        item = sample_item(self.expr(node.iter))
        self.scopes.append({"loop": loop_variable(item)})
        self.bind(node.target, item)
        if node.test is not None:
            self.expr(node.test)
        self.block(node.body)
        self.scopes.pop()
        self.block(node.else_)

    def callable_body(self, node: nodes.Macro | nodes.CallBlock) -> None:
        if isinstance(node, nodes.Macro):
            self.scopes[-1][node.name] = Ref(UNKNOWN, node.name)
        else:
            self.expr(node.call)
        for default in node.defaults:
            self.expr(default)
        names = {arg.name: Ref(UNKNOWN, arg.name) for arg in node.args}
        names |= {name: Ref(UNKNOWN, name) for name in ("varargs", "kwargs", "caller")}
        self.scoped(names, node.body)

    def bind(self, target: nodes.Node, value: Ref) -> None:
        if isinstance(target, nodes.Name):
            self.scopes[-1][target.name] = Ref(value.value, target.name, value.origin or value.written)
        elif isinstance(target, nodes.Tuple):
            items = value.value if isinstance(value.value, tuple | list) else ()
            for n, element in enumerate(target.items):
                self.bind(element, Ref(items[n] if n < len(items) else UNKNOWN, ""))
        elif isinstance(target, nodes.NSRef):
            self.lookup(target, target.name)

    # expressions

    def expr(self, node: nodes.Node | None) -> Ref:
        if node is None:
            return Ref(UNKNOWN, "")
        if isinstance(node, nodes.Name):
            return self.lookup(node, node.name)
        if isinstance(node, nodes.Const):
            return Ref(node.value, repr(node.value))
        if isinstance(node, nodes.Getattr):
            return self.attribute(node, self.expr(node.node), node.attr)
        if isinstance(node, nodes.Getitem):
            return self.item(node)
        if isinstance(node, nodes.Filter):
            return self.filtered(node)
        if isinstance(node, nodes.Test):
            return self.tested(node)
        if isinstance(node, nodes.List | nodes.Tuple):
            return Ref([self.expr(item).value for item in node.items], "")
        if isinstance(node, nodes.Call):
            return self.called(node)
        for child in node.iter_child_nodes():
            self.expr(child)
        return Ref(UNKNOWN, "")

    def lookup(self, node: nodes.Node, name: str) -> Ref:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        if name in self.context:
            return Ref(self.context[name], name)
        if name in self.env.globals or name == "self":
            return Ref(UNKNOWN, name)
        known = [*self.context, *(n for scope in self.scopes for n in scope)]
        near = difflib.get_close_matches(name, known, n=1)
        hint = f"是否想写 {near[0]}？" if near else "可用的变量见 draft context --sample 或作者指南"
        self.report(node, "TAG-UNKNOWN-VARIABLE", f"变量 {name} 不存在", hint)
        return Ref(UNKNOWN, name)

    def attribute(self, node: nodes.Node, base: Ref, name: str) -> Ref:
        value, written = base.value, f"{base.written}.{name}"
        if value is UNKNOWN or value is None:
            return Ref(UNKNOWN, written)
        if isinstance(value, dict):
            if name in _DICT_METHODS:
                if name in value:
                    self.report(
                        node,
                        "TAG-DICT-METHOD",
                        f"{written} 取到的是字典自带的方法 {name}，而不是数据项 {name}",
                        f"请写成 {base.written}['{name}']",
                    )
                return Ref(UNKNOWN, written)
            if name in value:
                return Ref(value[name], written)
            self.missing(node, base, name, [str(key) for key in value])
            return Ref(UNKNOWN, written)
        for kind, allowed in SAFE_METHODS.items():
            if isinstance(value, kind) and name in allowed:
                return Ref(UNKNOWN, written)
        if not name.startswith("_") and not callable(getattr(value, name, None)) and hasattr(value, name):
            return Ref(getattr(value, name), written)
        self.missing(node, base, name, [])
        return Ref(UNKNOWN, written)

    def missing(self, node: nodes.Node, base: Ref, name: str, keys: list[str]) -> None:
        owner = base.written or "这一项"
        about = f"（{owner} 是 {base.origin}）" if base.origin and base.origin != base.written else ""
        if isinstance(base.value, list | tuple):
            message = f"{owner}.{name} 不存在：{owner} 是一个列表{about}"
            hint = f"要逐项取用请用 {{% for x in {owner} %}}…{{{{ x.{name} }}}}…{{% endfor %}}"
        elif keys:
            message = f"{owner}.{name} 不存在{about}"
            near = difflib.get_close_matches(name, keys, n=1)
            hint = f"是否想写 {owner}.{near[0]}？" if near else f"{owner} 中可用的有：{', '.join(keys[:15])}"
        else:
            message = f"{owner}.{name} 不存在：{owner} 是{kind_name(base.value)}，没有 {name}{about}"
            hint = "请查看 draft context 显示的变量"
        self.report(node, "TAG-UNKNOWN-VARIABLE", message, hint)

    def item(self, node: nodes.Getitem) -> Ref:
        base = self.expr(node.node)
        if not isinstance(node.arg, nodes.Const):
            self.expr(node.arg)
            if isinstance(node.arg, nodes.Slice):
                return base
            return sample_item(base) if isinstance(base.value, list | tuple) else Ref(UNKNOWN, "")
        key, value = node.arg.value, base.value
        if isinstance(value, dict) and isinstance(key, str):
            if key in value:
                return Ref(value[key], f"{base.written}['{key}']")
            self.missing(node, base, key, [str(k) for k in value])
            return Ref(UNKNOWN, "")
        if isinstance(value, list | tuple) and isinstance(key, int):
            return Ref(value[key], f"{base.written}[{key}]") if -len(value) <= key < len(value) else sample_item(base)
        return Ref(UNKNOWN, "")

    def filtered(self, node: nodes.Filter) -> Ref:
        if node.name not in self.env.filters:
            reason = REMOVED_FILTERS.get(node.name)
            near = difflib.get_close_matches(node.name, list(self.env.filters), n=1)
            hint = (
                f"模板不提供 {node.name}：{reason}"
                if reason
                else (f"是否想写 {near[0]}？" if near else "可用的过滤器见 draft context 或作者指南")
            )
            self.report(node, "TAG-UNKNOWN-FILTER", f"不认识的过滤器 {node.name}", hint)
        lenient = node.name in ("default", "d")
        self.lenient += lenient
        base = self.expr(node.node)
        self.lenient -= lenient
        for arg in (*node.args, *(kw.value for kw in node.kwargs)):
            self.expr(arg)
        if node.name in ("first", "last"):
            return sample_item(base)
        if node.name in _SAME_SEQUENCE or node.name in ("default", "d"):
            return base
        return Ref(UNKNOWN, "")

    def tested(self, node: nodes.Test) -> Ref:
        if node.name not in self.env.tests:
            self.report(
                node, "TAG-UNKNOWN-TEST", f"不认识的判断 is {node.name}", "常用的有 is defined、is none、is number"
            )
        lenient = node.name in _LENIENT_TESTS
        self.lenient += lenient
        self.expr(node.node)
        self.lenient -= lenient
        for arg in (*node.args, *(kw.value for kw in node.kwargs)):
            self.expr(arg)
        return Ref(UNKNOWN, "")

    def called(self, node: nodes.Call) -> Ref:
        result = Ref(UNKNOWN, "")
        if isinstance(node.node, nodes.Getattr):
            base = self.expr(node.node.node)
            self.attribute(node.node, base, node.node.attr)
            if isinstance(base.value, dict) and node.node.attr in ("items", "keys", "values"):
                pairs = list(base.value.items())
                picked = {"items": pairs, "keys": [k for k, _ in pairs], "values": [v for _, v in pairs]}
                result = Ref(picked[node.node.attr], f"{base.written}.{node.node.attr}()")
        elif self.expr(node.node).written == "range":
            result = Ref([0], "range(…)")
        for arg in (*node.args, *(kw.value for kw in node.kwargs), node.dyn_args, node.dyn_kwargs):
            self.expr(arg)
        return result
