"""Checks on the answer's positions before it is drafted (law.md §9): what it admits, what it contests and
on what ground, and what the lawyer must weigh first (jurisdiction, acceleration, an assigned debt).

An answer is evidence against its author (民诉法解释 第九十二条): these findings tell the lawyer what the
answer now says and why, so nothing is admitted or objected to without the lawyer seeing it.
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.case.labels import CLAIM_ITEMS
from toolkit.checks.base import Facts, Problem, check
from toolkit.documents.answer_positions import decide
from toolkit.law.money import cn_date, yuan


def _answering(facts: Facts) -> bool:
    return facts.case.answer is not None and facts.case.claims is not None


@check(
    "ANSWER-ADMIT-ABOVE-LEDGER",
    "warning",
    "认可的数额超过依法可支持的数额：答辩状只以该数额为限认可",
    "answer.admitted",
    cites=("cpl_interpretation_92",),
    documents=("answer",),
)
def admitted_above_ledger(facts: Facts) -> Iterator[Problem]:
    """§9.1: an admitted item whose claim exceeds the capped ledger is admitted only up to the ledger."""
    if not _answering(facts):
        return
    pos = decide(facts.case, facts.figures)
    for item in pos.items.values():
        if item.stance == "admitted" and item.limit is not None and item.limit < item.claimed:
            yield Problem(
                f"answer.admitted 列有{CLAIM_ITEMS[item.key]}，但原告主张的{yuan(item.claimed)}元超过依法可支持的"
                f"{yuan(item.limit)}元（还款按法定上限冲抵后已清偿一部分）。答辩状只认可“以{yuan(item.limit)}元为限”，"
                f"超过部分不应支持。如确要按主张数额认可（自认不能撤回），请写入 answer.admit_as_claimed"
            )


@check(
    "ANSWER-ADMIT-AS-CLAIMED",
    "warning",
    "按原告主张的数额认可：自认后对方无需举证",
    "answer.admit_as_claimed",
    cites=("cpl_interpretation_92",),
    documents=("answer",),
)
def admitted_as_claimed(facts: Facts) -> Iterator[Problem]:
    """§9.1: the lawyer admits the claimed amount knowingly; the finding names the risk."""
    if not _answering(facts):
        return
    pos = decide(facts.case, facts.figures)
    for item in pos.items.values():
        if item.stance == "admitted_as_claimed" and item.limit is not None and item.limit < item.claimed:
            yield Problem(
                f"答辩状按原告主张的{yuan(item.claimed)}元认可{CLAIM_ITEMS[item.key]}，高于依法可支持的"
                f"{yuan(item.limit)}元：答辩状中的自认，原告无需再举证，事后难以推翻。请确认当事人明知这一后果"
            )


@check(
    "ANSWER-ADMIT-BARRED",
    "error",
    "诉讼时效已届满或已超额还款时，答辩状不认可任何诉讼请求",
    "answer.admitted",
    cites=("cpl_interpretation_92", "civil_code_192", "limitation_rules_19"),
    documents=("answer",),
)
def admitted_while_barred(facts: Facts) -> Iterator[Problem]:
    """§9.3, §9.10: with limitation expired or the loan overpaid, any admitted claim item is an error."""
    answer = facts.case.answer
    if not _answering(facts) or answer is None:
        return
    pos = decide(facts.case, facts.figures)
    listed = [k for k in (*answer.admitted, *answer.admit_as_claimed) if k in CLAIM_ITEMS]
    if not listed or not pos.dismiss_all:
        return
    why = "诉讼时效已届满" if pos.expired else f"答辩人已多付{yuan(pos.overpaid)}元"
    names = "、".join(dict.fromkeys(CLAIM_ITEMS[k] for k in listed))
    yield Problem(
        f"{why}，答辩状请求驳回全部诉讼请求，不认可任何一项；案件文件却认可了{names}。答辩状已按不认可起草；"
        "如当事人确要认可，请先权衡自认的后果，再用 --allow ANSWER-ADMIT-BARRED 生成"
    )


@check(
    "ANSWER-NO-GROUND",
    "error",
    "有异议的项目必须有理由",
    "answer.contested",
    argues=("enforcement_costs_proof",),
    documents=("answer",),
)
def contested_without_ground(facts: Facts) -> Iterator[Problem]:
    """§9.5: an item contested with no ground in the figures and no ``answer.arguments`` objects without reason."""
    if not _answering(facts):
        return
    pos = decide(facts.case, facts.figures)
    for item in pos.contested_items():
        if not item.grounds:
            yield Problem(
                f"answer.contested 列有{CLAIM_ITEMS[item.key]}（原告主张{yuan(item.claimed)}元），但按案件数据找不到"
                "异议理由（未超过法定上限、无预先扣息、无还款冲抵差额），answer.arguments 也为空：答辩状会只写“有异议”"
                "而没有理由。请在 answer.arguments 写明理由，或从 answer.contested 中删去该项"
            )


@check(
    "ANSWER-ACCELERATION",
    "info",
    "原告在借款到期前起诉：主张提前到期",
    "loan.final_due_date",
    documents=("answer",),
)
def acceleration(facts: Facts) -> Iterator[Problem]:
    """§9.7: the lender sued before the final due date, so it claims instalments not yet due."""
    if not _answering(facts):
        return
    pos = decide(facts.case, facts.figures)
    due = cn_date(facts.figures.final_due_date)
    if pos.acceleration == "contested":
        yield Problem(
            f"原告起诉时借款尚未到期（最后还款日 {due}）：答辩状要求原告举证证明合同约定的提前到期条件已成就并已通知"
            "答辩人。如当事人认可提前到期，请在 answer.admitted 中加入 acceleration"
        )
    elif pos.acceleration == "admitted":
        yield Problem(
            f"原告起诉时借款尚未到期（最后还款日 {due}），answer.admitted 含 acceleration：答辩状认可提前到期"
        )


@check(
    "JURISDICTION-CHECK",
    "info",
    "答辩前先考虑管辖异议",
    "court.name",
    cites=("civil_procedure_130_2", "civil_procedure_130_1", "cpl_interpretation_31", "cpl_interpretation_18_2"),
    documents=("answer",),
)
def jurisdiction(facts: Facts) -> Iterator[Problem]:
    """§9.13: answering on the merits without objecting accepts the court's jurisdiction."""
    court = facts.case.court
    if court is None or facts.case.answer is None:
        return
    yield Problem(
        f"提交答辩状前请先考虑{court.name}是否有管辖权：未提出管辖异议并应诉答辩的，视为受诉法院有管辖权；"
        "管辖异议应当在答辩期内提出。借款合同中的格式管辖条款对消费者未作合理提示的，可以主张无效；"
        "合同对履行地没有约定的，给付货币的以接收货币一方所在地为合同履行地"
    )


@check(
    "ANSWER-STANDING",
    "info",
    "债权经转让：原告须证明转让及通知",
    "lender.original_name",
    argues=("assignment_notice",),
    documents=("answer",),
)
def standing(facts: Facts) -> Iterator[Problem]:
    """§9.14: the answer puts the plaintiff to proof of the assignment and of notice to the client."""
    original = facts.case.lender.original_name
    if original is None or facts.case.answer is None:
        return
    yield Problem(
        f"原债权人为{original}：答辩状要求原告证明债权转让及已通知答辩人。利率上限和诉讼时效按原债权人的类型适用，"
        "请确认 lender.kind 填的是原债权人的类型"
    )


CHECKS = (
    admitted_above_ledger,
    admitted_as_claimed,
    admitted_while_barred,
    contested_without_ground,
    acceleration,
    jurisdiction,
    standing,
)
