"""How ``draft init`` asks one question: with a default, checked as it is answered, asked again if wrong.

The asking knows nothing of terminals: it is given ``ask`` (prompt → what the person typed) and ``tell``
(a line to show). A wrong answer prints its Chinese reason and the same question comes again; an empty
answer takes the default. With ``ask=None`` every default is taken (``--yes``), and a default that does
not parse is an :class:`InterviewError`, since there is nobody to ask again. Prompts are masked, so an ID
number given as a default is never echoed in full.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from toolkit.case import typed_input as typed
from toolkit.case.typed_input import AnswerError, Choice
from toolkit.errors import DraftError
from toolkit.privacy import mask

T = TypeVar("T")
Ask = Callable[[str], str]
Tell = Callable[[str], None]
Data = dict[str, Any]


class InterviewError(DraftError):
    """A default cannot be used without asking (``--yes`` with facts that do not fit together)."""


class Interviewer:
    """Asks one question at a time until the answer parses; ``ask=None`` takes every default."""

    def __init__(self, ask: Ask | None, tell: Tell) -> None:
        self.ask = ask
        self.tell = tell

    def heading(self, title: str) -> None:
        if self.ask is not None:
            self.tell(f"\n【{title}】")

    def value(self, label: str, default: str | None, parse: Callable[[str], T]) -> T:
        """A required answer; an empty one takes ``default``."""
        while True:
            raw = self._raw(label, default, "")
            if raw is None:
                self._reject(label, "此项必填：请填写")
                continue
            try:
                return parse(raw)
            except AnswerError as exc:
                self._reject(label, str(exc))

    def optional(
        self, label: str, default: str | None, parse: Callable[[str], T], none_means: str = "没有"
    ) -> T | None:
        """An answer that may be left out: empty without a default, or 无."""
        hint = f"（填“无”表示{none_means}）" if default is not None else f"（留空表示{none_means}）"
        while True:
            raw = self._raw(label, default, hint)
            if raw is None or typed.is_none(raw):
                return None
            try:
                return parse(raw)
            except AnswerError as exc:
                self._reject(label, str(exc))

    def choice(self, label: str, choices: Sequence[Choice], default: str | None) -> str:
        """One option of a numbered list; ``default`` is the option's value."""
        if self.ask is not None:
            self.tell("  " + "  ".join(f"{i}. {c.label}" for i, c in enumerate(choices, 1)))
        shown = next((str(i) for i, c in enumerate(choices, 1) if c.value == default), None)
        return self.value(f"{label}（填编号）", shown, lambda answer: typed.parse_choice(answer, choices))

    def choices(
        self, label: str, choices: Sequence[Choice], default: Sequence[str], taken: Sequence[str] = ()
    ) -> list[str]:
        """Several options of a numbered list (``1,3``), or 无; an option in ``taken`` is refused."""
        if self.ask is not None:
            self.tell("  " + "  ".join(f"{i}. {c.label}" for i, c in enumerate(choices, 1)))
        shown = ",".join(str(i) for i, c in enumerate(choices, 1) if c.value in default) or "无"

        def parse(answer: str) -> list[str]:
            picked = typed.parse_choices(answer, choices)
            if clash := [c.label for c in choices if c.value in picked and c.value in taken]:
                raise AnswerError(f"{'、'.join(clash)} 上面已经选过，不能同时选")
            return picked

        return self.value(f"{label}（填编号，以逗号分隔）", shown, parse)

    def yes_no(self, label: str, default: bool | None) -> bool:
        """A yes/no answer; ``default=None`` (a new case) must be answered."""
        shown = None if default is None else "是" if default else "否"
        return self.value(f"{label}（是/否）", shown, typed.parse_yes_no)

    def count(self, label: str, default: int, high: int = 60) -> int:
        return self.value(label, str(default), lambda answer: typed.parse_count(answer, 0, high))

    def _raw(self, label: str, default: str | None, hint: str) -> str | None:
        prompt = f"{label}{hint} [{default}]" if default is not None else f"{label}{hint}"
        raw = self.ask(mask(prompt)) if self.ask is not None else ""
        return raw if raw.strip() else default

    def _reject(self, label: str, reason: str) -> None:
        if self.ask is None:
            hint = "请去掉 --yes 逐项回答，或改正 --from 的案件文件"
            raise InterviewError(f"{label}：默认值不能使用（{reason}）", hint)
        self.tell(f"  ✗ {reason}")


def rows(
    iv: Interviewer,
    label: str,
    defaults: Sequence[T],
    ask_row: Callable[[int, T | None], Data],
    zero_means: str = "没有",
) -> list[Data]:
    """A list asked as a count, then each row with the old row (if any) as its defaults."""
    n = iv.count(f"{label}（条数，0 表示{zero_means}）", len(defaults))
    return [ask_row(i + 1, defaults[i] if i < len(defaults) else None) for i in range(n)]


def texts(iv: Interviewer, label: str, defaults: Sequence[str], item: str, zero_means: str = "没有") -> list[str]:
    """A list of lines of text, asked as :func:`rows`; ``item`` names one, ``{}`` standing for its number."""
    answers = rows(
        iv, label, defaults, lambda n, x: {"text": iv.value(item.format(n), x, typed.parse_text)}, zero_means
    )
    return [row["text"] for row in answers]


def shown(value: object | None) -> str | None:
    """A default as a person would type it."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return typed.show_amount(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def was(model: object | None, field: str) -> str | None:
    """The default for ``field``: its value in ``model`` (a section that may be absent), as typed."""
    return None if model is None else shown(getattr(model, field))


def date_after(earlier: dt.date | None, what: str, *, same_day: bool = True) -> Callable[[str], dt.date]:
    """A date parser that refuses a day before ``earlier`` (or on it, unless ``same_day``)."""

    def parse(answer: str) -> dt.date:
        day = typed.parse_date(answer)
        if earlier is not None and (day < earlier or (day == earlier and not same_day)):
            relation = "早于" if same_day else "早于或等于"
            raise AnswerError(f"不能{relation}{what}（{earlier.isoformat()}）")
        return day

    return parse


def count_between(low: int, high: int) -> Callable[[str], int]:
    return lambda answer: typed.parse_count(answer, low, high)


def positive_amount(answer: str) -> Decimal:
    value = typed.parse_amount(answer)
    if value <= 0:
        raise AnswerError("金额应大于 0")
    return value
