"""The element-form answer (要素式, 法〔2025〕82号): every row of the form answered, from the positions.

The rows and their labels come from the form's data (:mod:`toolkit.documents.answer_forms`); each row's
key names the function below (claims) or in :mod:`toolkit.documents.answer_facts` (facts) that answers it.
The words are those of the narrative answer (:mod:`toolkit.documents.answer_arguments`), so both styles
take the same positions (law.md §9.12). With limitation expired, every row on a claim made opens with
"有异议：已过诉讼时效。" and argues the rest in the alternative (§9.3).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from toolkit.case.models import Case
from toolkit.documents import answer_arguments as say
from toolkit.documents.answer_evidence import contract
from toolkit.documents.answer_facts import FACT_ANSWERS, Answering
from toolkit.documents.answer_forms import element_form, form_for
from toolkit.documents.answer_positions import Item, Positions
from toolkit.law.figures import Figures, Ledger
from toolkit.law.money import cn_date, money, rate_percent, yuan

NOT_CLAIMED = "无（原告未主张）。"


def element_rows(case: Case, figures: Figures, pos: Positions, basis: list[str]) -> dict[str, Any]:
    """The form's sections, each {"title", "rows": [{"label", "lines"}]}: every row answered, never empty."""
    form = element_form(form_for(case))
    a = Answering(case, figures, pos, tuple(basis), form_for(case))
    answers: dict[str, Callable[[Answering], list[str]]] = {**CLAIM_ANSWERS, **FACT_ANSWERS}
    return {
        "title": form.title,
        "cause": form.cause,
        "claims": _section(form.claims.title, form.claims.rows, answers, a),
        "facts": _section(form.facts.title, form.facts.rows, answers, a),
    }


def _section(title: str, rows: Any, answers: dict[str, Callable[[Answering], list[str]]], a: Answering) -> Any:
    return {"title": title, "rows": [{"label": row.label, "lines": answers[row.key](a) or ["无。"]} for row in rows]}


def _claim_row(a: Answering, claimed: bool, merits: list[str], stance: str = "contested") -> list[str]:
    """A row on a claim: 无（原告未主张） / 有异议：已过诉讼时效 + the merits in the alternative / 有异议 / 无异议
    (``stance`` "admitted") / the merits alone ("open": neither admitted nor contested)."""
    if not claimed:
        return [NOT_CLAIMED]
    if a.pos.expired:
        return [
            say.ON_LIMITATION + f"理由见{a.see('defences')}。",
            *(say.ALTERNATIVE + line for line in merits[:1]),
            *merits[1:],
        ]
    if a.pos.overpaid > 0:
        return [
            "有异议。按法定利率上限冲抵后，答辩人已清偿依法可支持的全部款项，"
            f"本项请求不应支持（见{a.see('repayments')}）。"
        ]
    box = {"admitted": "无异议。", "contested": "有异议。"}.get(stance, "")
    return [box + merits[0], *merits[1:]] if merits else [box or "请法院依法审查。"]


def _stance(items: list[Item], excess: bool = False) -> str:
    if any(item.contested for item in items) or excess:
        return "contested"
    return "admitted" if items and all(item.admitted for item in items) else "open"


def _principal(a: Answering) -> list[str]:
    item = a.pos.item("principal")
    lines = say.principal(a.pos, a.figures)
    if a.pos.deducted > 0 and item.contested:
        lines = [*lines, f"预先扣除利息的理由见{a.see('amount')}。"]
    full = item.stance == "admitted_as_claimed" or (item.admitted and item.limit == item.claimed)
    if full and not a.pos.dismiss_all:
        return [f"无异议。原告主张本金{yuan(item.claimed)}元，答辩人予以认可。"]
    stance = "admitted" if full else "contested" if item.admitted else _stance([item])
    return _claim_row(a, item.claimed > 0, lines, stance)


def _interest(a: Answering) -> list[str]:
    pos = a.pos
    keys = ("interest", "penalty", "compound_interest")
    claimed = [k for k in keys if pos.item(k).claimed > 0]
    lines = say.charges(pos, a.figures, table=False) if claimed else []
    if claimed and pos.charges_excess and a.figures.ledger is not None:
        lines += [calculation(a.figures.ledger), f"利率上限的依据见{a.see('rate')}。"]
    return _claim_row(a, bool(claimed), lines, _stance([pos.item(k) for k in claimed], pos.charges_excess))


def _acceleration(a: Answering) -> list[str]:
    claims = a.case.claims
    if a.pos.acceleration == "none":
        if claims is not None and a.figures.final_due_date <= claims.as_of:
            return [f"{NOT_CLAIMED}借款期限已于{cn_date(a.figures.final_due_date)}届满，不涉及提前还款或解除合同。"]
        return [NOT_CLAIMED]
    lines = say.acceleration(a.case, a.figures, a.pos)
    return _claim_row(a, True, lines, "admitted" if a.pos.acceleration == "admitted" else "contested")


def _security_claim(a: Answering) -> list[str]:
    return [NOT_CLAIMED]


def _enforcement(a: Answering) -> list[str]:
    item = a.pos.item("enforcement_costs")
    return _claim_row(a, item.claimed > 0, say.enforcement(a.pos), _stance([item]))


def _costs(a: Answering) -> list[str]:
    if a.pos.costs == "none":
        return [NOT_CLAIMED]
    lines = say.costs(a.pos)
    if a.pos.expired:
        return [say.ON_LIMITATION + lines[0]]
    return [("无异议。" if a.pos.costs == "admitted" else "有异议。") + lines[0]]


def _other_claims(a: Answering) -> list[str]:
    pos = a.pos
    keys = [k for k in ("liquidated_damages", "fees") if pos.item(k).claimed > 0]
    costs = a.form == "financial_loan" and pos.costs != "none"
    if not keys:
        return _costs(a) if costs else [NOT_CLAIMED]
    lines = say.damages(pos) + say.fees(pos)
    row = _claim_row(a, True, lines, _stance([pos.item(k) for k in keys]))
    if pos.overpaid > 0:  # why the fees count inside the cap and the damages come down, as the narrative argues
        row += lines
    return row + (say.costs(pos) if costs else [])


def _total(a: Answering) -> list[str]:
    figures, pos = a.figures, a.pos
    total = figures.claimed_total or Decimal(0)
    claim = f"原告主张的标的总额为{money(total)}"
    if pos.expired:
        lines = [f"{say.ON_LIMITATION}{claim}，原告的诉讼请求已超过诉讼时效，请求全部驳回。"]
        if (figures.excess or 0) > 0 and figures.supportable_total is not None:
            lines.append(say.ALTERNATIVE + _beyond(figures))
        return lines
    if pos.overpaid > 0:
        return [f"有异议。{claim}。答辩人已清偿依法可支持的全部款项，原告的全部诉讼请求均不应支持。"]
    if (figures.excess or 0) > 0 and figures.supportable_total is not None:
        return [f"有异议。{claim}，其中{_beyond(figures)}"]
    if pos.contested_items():
        return [f"有异议。{claim}，对上述有异议的项目，标的总额应相应核减。"]
    if all(item.admitted or item.stance == "not_claimed" for item in pos.items.values()):
        return [f"无异议。{claim}。"]
    return [f"{claim}，请法院依法审查。"]


def _beyond(figures: Figures) -> str:
    claimed = (figures.claimed_principal or Decimal(0)) + (figures.claimed_charges or Decimal(0))
    return (
        f"本金及利息、罚息、费用共计{money(claimed)}，"
        f"依法最多可主张{money(figures.supportable_total or Decimal(0))}，"
        f"超出的{money(figures.excess or Decimal(0))}不应支持。"
    )


def _basis(a: Answering) -> list[str]:
    return [f"合同约定：双方签订的{contract(a.case)}。", f"法律规定：{'；'.join(a.basis) or '无'}。"]


CLAIM_ANSWERS: dict[str, Callable[[Answering], list[str]]] = {
    "principal": _principal,
    "interest": _interest,
    "acceleration": _acceleration,
    "security_claim": _security_claim,
    "enforcement_costs": _enforcement,
    "costs": _costs,
    "other_claims": _other_claims,
    "total": _total,
    "basis": _basis,
}


def calculation(ledger: Ledger) -> str:
    """The capped ledger in one line for the element form, which has no table (law.md §4): each run of days,
    its principal, rate and interest, then the total and what the repayments paid of it."""
    pieces = []
    for s in ledger.segments:
        capped = f"（约定年利率{rate_percent(s.agreed_rate)}，按上限计算）" if s.agreed_rate > s.cap_rate else ""
        pieces.append(
            f"{cn_date(s.start)}至{cn_date(s.end)}，{yuan(s.principal)}元×{rate_percent(s.rate)}×{s.days}天"
            f"÷{ledger.day_count}＝{yuan(s.interest)}元{capped}"
        )
    text = f"计算：{'；'.join(pieces)}；合计{yuan(ledger.accrued)}元"
    if ledger.paid_to_charges > 0:
        text += f"，扣除还款冲抵的{yuan(ledger.paid_to_charges)}元后为{yuan(ledger.charges_outstanding)}元"
    return text + "。天数含起始日、不含截止日。"
