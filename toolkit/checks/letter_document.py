"""Checks on a finished hardship statement or settlement proposal (law.md §5, §6, §9.11): the reservation is
there, no sentence acknowledges a figure as owed, and the letter promises to perform only a plan the client
can pay (or one the lawyer has let through with ``--allow SCHED-UNAFFORDABLE``).

A letter that fails is refused: each of these is a defect of the template or of the wording, and a letter
that hurts the client must not reach the lender.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.checks.base import Problem, check
from toolkit.checks.document import CheckedDocument
from toolkit.documents import acknowledging
from toolkit.documents.letter_wording import RESERVATION
from toolkit.documents.wording import suit_pending

_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?元")
# Words by which a letter would say the client owes a figure: 尚欠、欠款、确认、认可、承认、应偿还……
# (not a bare 欠: a hardship event may well be 拖欠房租)
_OWED = re.compile(r"尚欠|仍欠|所欠|欠款|欠付|确认|认可|承认|自认|应当?(?:偿还|归还|清偿)|应还|债务余额")
_CAPPED = "依法最多可主张"
# the figure computed under the cap, the law's or one asked by analogy (law.md §9.4): an argument, not a debt
_AS_ARGUMENT = re.compile("按(?:法定|参照的)上限计算")
# A promise to perform the plan, and a statement that the client can.
_PROMISE = re.compile(r"严格按照|足额还款|保证按期|将按照?(?:上述|本)?(?:方案|约定)")
_CAN_PAY = re.compile(r"能够按期履行|不超过[^。]*每月可支配收入")


def _sentences(checked: CheckedDocument) -> Iterator[str]:
    for paragraph in checked.document.paragraphs:
        yield from (s for s in re.split(r"(?<=[。！？])", paragraph) if s.strip())


def _letter(checked: CheckedDocument) -> bool:
    return checked.document.kind in acknowledging()


@check(
    "DOC-RESERVATION",
    "error",
    "函件载明和解保留：妥协不构成对债务数额的自认",
    "document",
    argues=("no_admission",),
)
def reservation_present(checked: CheckedDocument) -> Iterator[Problem]:
    """Both letters, whoever reads them, say they are made to settle; in a pending suit they cite 第一百零七条,
    before suit they invoke it by analogy (参照)."""
    if not _letter(checked):
        return
    text = checked.document.text
    if re.search(f"本(?:方案|说明|函){RESERVATION}", text) is None:
        yield Problem(
            f"{checked.title}缺少和解保留声明“本方案（本说明）{RESERVATION}”：请检查模板中 doc.reservation 一段"
        )
        return
    wanted = "依照" if suit_pending(checked.case) else "参照"
    if re.search(f"{wanted}《[^》]*民事诉讼法〉的解释》第一百零七条", text) is None:
        stage = "诉讼中" if wanted == "依照" else "尚未起诉"
        yield Problem(f"{checked.title}的和解保留应以“{wanted}”引用民诉法解释第一百零七条（{stage}）：请检查模板")


@check("DOC-NO-ACKNOWLEDGED-FIGURE", "error", "函件没有承认任何数额为所欠债务", "document")
def no_acknowledged_figure(checked: CheckedDocument) -> Iterator[Problem]:
    """No sentence with an amount says the client owes it; the capped figure appears only as an argument
    ("按法定上限计算，被申请人依法最多可主张……", law.md §9.11; 按参照的上限计算 for a cap asked by analogy, §9.4)."""
    if not _letter(checked):
        return
    for sentence in _sentences(checked):
        if not _AMOUNT.search(sentence):
            continue
        owed = _OWED.search(sentence)
        if owed is not None:
            yield Problem(f"{checked.title}中“{sentence}”以“{owed.group(0)}”表述数额，可能被出借人用作承认债务：请改写")
        elif _CAPPED in sentence and _AS_ARGUMENT.search(sentence) is None:
            yield Problem(
                f"{checked.title}中“{sentence}”写出依法最多可主张的数额，却没有以“按法定上限计算”（或“按参照的上限计算”）"
                "表明只是论证：请改写"
            )


@check(
    "DOC-PROMISE",
    "error",
    "只在方案可负担（或律师明确放行）时承诺按期履行",
    "document",
)
def promise_only_when_affordable(checked: CheckedDocument) -> Iterator[Problem]:
    """A promise to pay needs the figures to judge it (income and expenses, a schedule); a statement that the
    client *can* pay needs the plan to fit the monthly disposable income. An unaffordable plan reaches this
    check only through ``--allow SCHED-UNAFFORDABLE``, so the promise is then the lawyer's decision."""
    if not _letter(checked):
        return
    figures = checked.figures
    disposable, schedule = figures.monthly_disposable, figures.schedule
    largest = max((row.amount for row in schedule or () if row.n > 0), default=None)
    known = disposable is not None and largest is not None
    fits = known and largest is not None and disposable is not None and largest <= disposable
    for sentence in _sentences(checked):
        if _CAN_PAY.search(sentence) and not fits:
            yield Problem(
                f"{checked.title}称当事人能够按期履行（“{sentence}”），但每期金额超过每月可支配收入或无从核对"
            )
        elif _PROMISE.search(sentence) and not known:
            yield Problem(
                f"{checked.title}承诺按期还款（“{sentence}”），但案件文件没有收支或还款计划可供核对：请删去承诺或补充"
            )


CHECKS = (reservation_present, no_acknowledged_figure, promise_only_when_affordable)
