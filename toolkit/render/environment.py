"""The one Jinja environment every template is rendered in: sandboxed, strict, autoescaped, bounded.

- Sandboxed: a template cannot reach Python internals (``__class__``, ``__globals__``, ``mro`` …), cannot
  change the data it is given (immutable sandbox), and may call only the plain methods of plain values.
- Strict: an undefined variable is an error that names itself, never a blank in a court document.
- Autoescaped: ``A&B <Co>`` in a case file appears verbatim in Word, not as broken XML; a template can
  neither turn escaping off (``{% autoescape false %}``) nor mark text safe (``|safe`` is not offered).
- ``None`` printed is an error too (a fact the case file does not hold must be handled by the template).
- Bounded (:mod:`toolkit.render.limits`): every loop, call, operator, ``~`` and captured block is
  counted and measured, so a hostile or mistaken template stops with a clear error within seconds.
- One document, one file: ``include``, ``import`` and ``extends`` are refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from decimal import Decimal
from typing import Any, NoReturn

from jinja2 import StrictUndefined, Template, TemplateRuntimeError, TemplateSyntaxError, nodes
from jinja2 import TemplateError as JinjaError
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing
from jinja2.visitor import NodeTransformer

from toolkit.errors import DraftError
from toolkit.render import filters
from toolkit.render.filters import REMOVED_FILTERS
from toolkit.render.limits import RenderBudget, bounded_filters, describe_failure
from toolkit.render.sizes import MAX_VALUE_CHARS, brace_format_size, measure, method_precheck, settle, too_big

# Methods a template may call on plain values; everything else (``encode``, ``translate``,
# ``to_bytes`` …) is refused as unsafe.
_STR_METHODS = (
    "capitalize casefold center count endswith find format format_map index isalnum isalpha isascii isdecimal "
    "isdigit islower isnumeric isspace istitle isupper join ljust lower lstrip partition removeprefix removesuffix "
    "replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title upper zfill"
)
SAFE_METHODS: dict[type, frozenset[str]] = {
    str: frozenset(_STR_METHODS.split()),
    dict: frozenset(["get", "items", "keys", "values"]),
    list: frozenset(["count", "index"]),
    tuple: frozenset(["count", "index"]),
    Decimal: frozenset(["quantize", "to_integral_value", "is_zero", "is_signed", "normalize"]),
    dt.date: frozenset(["isoformat", "strftime", "weekday", "isoweekday"]),
    int: frozenset(),
    float: frozenset(),
    bool: frozenset(),
    bytes: frozenset(),
}

REMOVED_GLOBALS = ("lipsum",)
_DICT_ATTRIBUTES = frozenset(dir(dict))


class NamedUndefined(StrictUndefined):
    """Fails with a Chinese message that names the missing variable, and suggests a near name."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        name, owner = self._undefined_name, self._undefined_obj
        if self._undefined_exception is SecurityError:
            return f"出于安全原因，模板不能访问 {name}（所在对象：{type(owner).__name__}）"
        if self._undefined_hint:
            return self._undefined_hint
        if owner is missing:
            return f"模板使用了不存在的变量 {name}"
        if owner is None:
            return f"模板取用了 {name}，但它所属的项是空的（None）：请先用 {{% if … %}} 判断该项是否存在"
        if isinstance(owner, dict):
            import difflib  # only when a template names a key that is not there: not at every start

            near = difflib.get_close_matches(str(name), [str(k) for k in owner], n=1)
            hint = f"；是否想写 {near[0]}？" if near else f"；可用的有：{', '.join(map(str, list(owner)[:12]))}"
            return f"模板使用了不存在的项 {name}{hint}"
        if not isinstance(name, str):
            return f"模板取用了不存在的第 {name} 项（所在对象：{type(owner).__name__}）"
        return f"模板使用了不存在的属性 {name}（所在对象：{type(owner).__name__}）"


class _Generator(CodeGenerator):
    """Jinja's code generator, with ``~`` routed through the budget so a concatenation is measured."""

    def fail(self, msg: str, lineno: int) -> NoReturn:
        found = re.match(r"No (filter|test) named '(\w+)'", msg)
        if found and found.group(1) == "filter":
            reason = REMOVED_FILTERS.get(found.group(2), "请用 draft context 查看可用的过滤器")
            msg = f"模板中不认识的过滤器 {found.group(2)}（{reason}）"
        elif found:
            msg = f"模板中不认识的判断 is {found.group(2)}"
        super().fail(msg, lineno)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        escape = "context.eval_ctx.autoescape" if frame.eval_ctx.volatile else repr(bool(frame.eval_ctx.autoescape))
        self.write("environment.budget.concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write(f"), {escape})")


class _AsTemplateError(AbstractContextManager[None]):
    """The template's own code failed: say what, never a traceback (the toolkit's and Jinja's errors as they
    are). A class, not a generator: it is entered for every part of every document."""

    def __exit__(self, kind: object, exc: BaseException | None, traceback: object) -> None:
        if isinstance(exc, Exception) and not isinstance(exc, DraftError | JinjaError):
            raise TemplateRuntimeError(describe_failure(exc)) from None


_as_template_error = _AsTemplateError()


class BudgetedTemplate(Template):
    """A template whose every render runs under the budget and fails as a template error, never a traceback."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        return "".join(self.generate(*args, **kwargs))

    def pieces(self, context: Mapping[str, Any]) -> list[str]:
        """The whole render, under the budget its caller has started, as the pieces the compiled code yields
        (the template's fixed text as ``str``, each printed value escaped, as ``Markup``): joined, what
        ``render`` gives, without the generator layers between the compiled code and the join."""
        budget: RenderBudget = self.environment.budget  # type: ignore[attr-defined]
        with _as_template_error:
            return budget.output(self.root_render_func(self.new_context(dict(context))))

    def generate(self, *args: Any, **kwargs: Any) -> Iterator[str]:
        budget: RenderBudget = self.environment.budget  # type: ignore[attr-defined]
        owner = not budget.active
        if owner:
            budget.start()
        try:
            with _as_template_error:
                yield from super().generate(*args, **kwargs)
        finally:
            if owner:
                budget.stop()


_UNSUPPORTED: dict[type[nodes.Node], str] = {
    nodes.Include: "模板不能用 {% include %} 引用其他文件",
    nodes.Import: "模板不能用 {% import %} 引用其他文件",
    nodes.FromImport: "模板不能用 {% from … import %} 引用其他文件",
    nodes.Extends: "模板不能用 {% extends %} 继承其他文件",
    nodes.ScopedEvalContextModifier: "模板不能关闭自动转义（{% autoescape %}）",
    nodes.EvalContextModifier: "模板不能关闭自动转义（{% autoescape %}）",
}


class _Guard(NodeTransformer):
    """Refuse what a document template must not do; put loops and literal lists under the budget."""

    def __init__(self, name: str | None) -> None:
        self.name = name

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        if type(node) in _UNSUPPORTED:
            raise TemplateSyntaxError(_UNSUPPORTED[type(node)], node.lineno, self.name)
        return super().visit(node, *args, **kwargs)

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        if any(isinstance(child, nodes.Const) and child.value is None for child in node.nodes):
            raise TemplateSyntaxError("模板输出了空值（none）", node.lineno, self.name)
        return self.generic_visit(node)

    def visit_For(self, node: nodes.For) -> nodes.Node:
        if node.recursive:
            raise TemplateSyntaxError("模板不能使用递归循环（recursive）", node.lineno, self.name)
        self.generic_visit(node)
        body_chars = sum(len(data.data) for child in node.body for data in child.find_all(nodes.TemplateData))
        node.iter = _budget_call("loop", node.iter, nodes.Const(body_chars))
        return node

    def visit_List(self, node: nodes.List | nodes.Dict) -> nodes.Node:
        """A literal list or dict is measured: nesting one in another cannot grow without bound."""
        self.generic_visit(node)
        return _budget_call("check_value", node)

    visit_Dict = visit_List

    def visit_Tuple(self, node: nodes.Tuple) -> nodes.Node:
        self.generic_visit(node)
        return _budget_call("check_value", node) if node.ctx == "load" else node


def _budget_call(method: str, *args: Any) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(f"budget.{method}"), list(args), [], None, None, lineno=args[0].lineno)


class DraftEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with a render budget: loops, calls, operators and filters stop when time or size runs out."""

    code_generator_class = _Generator
    template_class = BudgetedTemplate
    intercepted_binops = frozenset(["*", "**", "+", "-", "/", "//", "%"])

    def __init__(self, budget: RenderBudget) -> None:
        self.budget = budget
        super().__init__(
            autoescape=True,
            undefined=NamedUndefined,
            finalize=self._finalize,
            keep_trailing_newline=True,
            auto_reload=False,
            cache_size=64,
        )
        self.concat = budget.join  # type: ignore[method-assign]
        table = {k: v for k, v in self.filters.items() if k not in REMOVED_FILTERS}
        # The toolkit's own filters print one fact each (a fixed-size text): only Jinja's are bounded.
        self.filters = {**bounded_filters(table, budget), **filters.FILTERS}
        self.globals = {k: v for k, v in self.globals.items() if k not in REMOVED_GLOBALS}
        self.globals["range"] = budget.range

    def _finalize(self, value: Any) -> Any:
        if value is None:
            raise TemplateRuntimeError("模板输出了空值（None）：请在模板中用 {% if … %} 处理该项不存在的情形")
        self.budget.tick()
        if measure(value) > MAX_VALUE_CHARS:
            raise too_big("输出的内容")
        return value

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``client.name`` on a dict: its item, looked up first, as the sandbox would find it after failing
        to find a dict attribute of that name (an exception a lookup, hundreds per document)."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if not callable(value):
            return True
        for kind, allowed in SAFE_METHODS.items():
            if isinstance(obj, kind):
                return attr in allowed
        return True

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return self.budget.binop(operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = __self.budget
        if getattr(__obj, "__self__", None) is budget:
            return __obj(*args)
        budget.step()
        args = tuple(map(settle, args))
        method_precheck(__obj, args, kwargs)
        return budget.check_value(super().call(__context, __obj, *args, **kwargs))

    def getitem(self, obj: Any, argument: Any) -> Any:
        value = super().getitem(obj, argument)
        return self.budget.check_value(value) if isinstance(argument, slice) else value

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        template: str = value.__self__
        mapping = value.__name__ == "format_map"
        budget = self.budget

        def checked(*args: Any, **kwargs: Any) -> str:
            named = args[0] if mapping and args and isinstance(args[0], dict) else kwargs
            if brace_format_size(template, () if mapping else args, named) > MAX_VALUE_CHARS:
                raise too_big("格式化的文字")
            result: str = budget.check_value(wrapper(*args, **kwargs))
            return result

        return checked

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        try:
            tree = super()._parse(source, name, filename)
        except RecursionError:
            raise TemplateSyntaxError("模板中的表达式嵌套过深", 1, name, filename) from None
        guarded: nodes.Template = _Guard(name).visit(tree)
        return guarded

    def _generate(
        self, source: nodes.Template, name: str | None, filename: str | None, defer_init: bool = False
    ) -> str:
        try:
            return super()._generate(source, name, filename, defer_init)
        except (RecursionError, MemoryError):
            raise TemplateSyntaxError("模板过于复杂（嵌套过深）", 1, name, filename) from None

    def _compile(self, source: str, filename: str) -> Any:
        try:
            return super()._compile(source, filename)
        except (RecursionError, MemoryError, SyntaxError):
            raise TemplateSyntaxError("模板过于复杂（循环或条件嵌套过深）", 1, None, filename) from None


@functools.cache
def environment() -> DraftEnvironment:
    """One environment per process: it compiles each template source once and serves many documents."""
    return DraftEnvironment(RenderBudget())
