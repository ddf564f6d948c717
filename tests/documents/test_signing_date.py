"""Without ``signing.date`` the documents are dated today, and the deadline checks compare with today.

The sample's answer deadline is 2026-12-07 (served 2026-11-20 + 15 days = Saturday 2026-12-05, moved to
Monday; law.md §5). "Today" is fixed where the toolkit asks for it, so the test does not depend on the day
it runs (the suite's time zone is Asia/Shanghai, see tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from documents_support import drafted, sample
from support import DELETE

from toolkit.case import models
from toolkit.case.models import signing_date


def _today_is(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    fake = type("Today", (dt.date,), {"today": classmethod(lambda cls: day)})
    monkeypatch.setattr(models, "dt", SimpleNamespace(date=fake))


def _undated() -> models.Case:
    case = sample("case", {"signing.date": DELETE})
    assert case.signing.date is None
    return case


def test_the_default_is_today(monkeypatch: pytest.MonkeyPatch) -> None:
    _today_is(monkeypatch, dt.date(2026, 12, 8))
    assert signing_date(_undated()) == dt.date(2026, 12, 8)
    assert signing_date(sample("case")) == dt.date(2026, 11, 29)  # a given date wins


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 12, 3), set()),  # four days before the deadline: nothing to say yet
        (dt.date(2026, 12, 7), {"DEADLINE-NEAR"}),  # the last day
        (dt.date(2026, 12, 8), {"DEADLINE-PASSED"}),  # a day late
    ],
)
def test_deadline_checks_compare_with_today(
    monkeypatch: pytest.MonkeyPatch, today: dt.date, expected: set[str]
) -> None:
    _today_is(monkeypatch, today)
    answer = drafted(_undated(), "answer")
    assert {f.id for f in answer.findings if f.id.startswith("DEADLINE")} == expected
    assert f"{today.year}年{today.month}月{today.day}日" in answer.document.paragraphs[-1]
