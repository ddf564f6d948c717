"""The rows of the element-form answer (要素式民事答辩状, 金融借款合同纠纷, 法〔2025〕82号).

The form asks a fixed list of questions (law.md §8); every row is answered from the case and the figures,
or says 无. The arguments are those the narrative answer raises (:func:`toolkit.documents.answer.arguments`),
put in the rows they belong to, with the same figures printed the same way (the ``money`` filter).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal

from toolkit.case.models import Case, received_amount
from toolkit.documents.answer_facts import FACT_ROWS, Answering, contract, fact_rows
from toolkit.documents.labels import CLAIM_ITEMS
from toolkit.documents.wording import cap_scope, cap_text, claimed_debt
from toolkit.law.citations import cite
from toolkit.law.figures import Figures, Ledger
from toolkit.law.money import cents, cn_date, rate_percent, yuan
from toolkit.render.filters import money

__all__ = ["CLAIM_ROWS", "FACT_ROWS", "element_rows"]

CLAIM_ROWS = (
    "对本金有无异议",
    "对利息（期内利息、复利、罚息）有无异议",
    "对提前还款或解除合同有无异议",
    "对担保权利诉请有无异议",
    "对实现债权的费用有无异议",
    "对其他请求有无异议",
    "对标的总额有无异议",
    "答辩依据",
)
Stance = Literal["contested", "admitted", "open"]
INTEREST_ITEMS = ("interest", "penalty", "compound_interest")
LIMITATION_NOTE = "原告的本项请求已超过诉讼时效，答辩人提出诉讼时效抗辩（见“免责/减责事由”）。"
SEE_CAP = "已与利息、罚息一并计入法定利率上限（见“对利息（期内利息、复利、罚息）有无异议”）"


class _Claims(Answering):
    """The reading of the case the claim rows share: what is claimed, and the stance taken on it."""

    def claimed(self, key: str) -> Decimal:
        return getattr(self.case.claims, key) if self.case.claims is not None else Decimal(0)

    def stance(self, keys: Iterable[str]) -> Stance:
        """Contested when any item is, admitted when all are, else open (the court is asked to review)."""
        answer, keys = self.case.answer, set(keys)
        if answer and keys & set(answer.contested):
            return "contested"
        if answer and keys <= set(answer.admitted):
            return "admitted"
        return "open"

    def said(self, keys: Iterable[str], claim: str, reason: str = "") -> str:
        """One claimed item and what the answer says of it: 原告主张本金18,000.00元，答辩人予以认可。"""
        stance = self.stance(keys)
        if stance == "admitted":
            return f"{claim}，答辩人予以认可。"
        if stance == "open":
            return f"{claim}，请法院依法审查。"
        return f"{claim}，{reason}。" if reason else f"{claim}。"

    def row(
        self, items: list[tuple[tuple[str, ...], str]], details: Iterable[str] = (), *, limitation: bool = True
    ) -> list[str]:
        """A claim row: 有异议/无异议 first (the form's box), one sentence per item, the details (reasons,
        calculation), then the limitation note when limitation is raised."""
        stances = {self.stance(keys) for keys, _ in items}
        box = "有异议。" if "contested" in stances else "无异议。" if stances == {"admitted"} else ""
        lines = [sentence for _, sentence in items] + list(details)
        lines[0] = box + lines[0]
        return [*lines, LIMITATION_NOTE] if limitation and self.raised["limitation"] else lines


def element_rows(case: Case, figures: Figures, raised: Mapping[str, bool], basis: list[str]) -> dict[str, Any]:
    """{"claims": [...], "facts": [...]}: each row a label and its lines (one paragraph each, never empty)."""
    c = _Claims(case, figures, raised)
    claims = [_principal(c), _interest(c), _acceleration(c), ["无。"], _enforcement(c), _others(c), _total(c)]
    claims.append([f"合同约定：双方签订的{contract(case)}。", f"法律规定：{'；'.join(basis) or '无'}。"])
    facts = fact_rows(c)
    return {
        "claims": [{"label": label, "lines": lines} for label, lines in zip(CLAIM_ROWS, claims, strict=True)],
        "facts": [{"label": label, "lines": lines} for label, lines in zip(FACT_ROWS, facts, strict=True)],
    }


def _principal(c: _Claims) -> list[str]:
    claimed = c.claimed("principal")
    if claimed == 0:
        return ["无（原告未主张本金）。"]
    if c.raised["deducted"]:
        loan = c.case.loan
        lines = [
            f"有异议。借款合同载明本金{yuan(loan.principal)}元，答辩人实际收到{yuan(received_amount(loan))}元，"
            f"原告预先扣除了{money(cents(loan.principal - received_amount(loan)))}。"
            f"依据{cite('civil_code_670')}、{cite('private_lending_26')}，预先在本金中扣除的利息不是本金，"
            f"本金应认定为{money(cents(c.figures.principal_recognized))}。"
        ]
        return [*lines, LIMITATION_NOTE] if c.raised["limitation"] else lines
    ledger, reason = c.figures.ledger, ""
    if ledger is not None and ledger.principal_outstanding < claimed:
        reason = f"按法定利率上限冲抵还款后，剩余本金为{yuan(ledger.principal_outstanding)}元（见“还款情况”）"
    return c.row([(("principal",), c.said(["principal"], f"原告主张本金{yuan(claimed)}元", reason))])


def _interest(c: _Claims) -> list[str]:
    claimed = tuple(key for key in INTEREST_ITEMS if c.claimed(key) > 0)
    if not claimed:
        return ["无（原告未主张期内利息、复利、罚息）。"]
    named = "、".join(f"{CLAIM_ITEMS[key]}{yuan(c.claimed(key))}元" for key in claimed)
    ledger, figures = c.figures.ledger, c.figures
    over = ledger is not None and (figures.claimed_charges or 0) > ledger.charges_outstanding
    if not c.raised["cap"] or ledger is None or not over:
        # Under the cap the figure would only show the lender could have asked for more: left out.
        reason = "超出法定利率上限的部分不应支持"
        return c.row([(claimed, c.said(claimed, f"原告主张{named}", reason))])
    details = [
        f"{cap_scope(figures)}合计以{cap_text(figures.caps)}为上限（依据见“借款利率”）。"
        f"按此上限计至{cn_date(ledger.as_of)}，原告依法最多可主张利息及费用{money(cents(ledger.charges_outstanding))}；"
        f"原告主张的利息、罚息及费用合计{yuan(figures.claimed_charges or 0)}元，超出上限的部分不应支持。",
        _calculation(ledger),
    ]
    return c.row([(claimed, c.said(claimed, f"原告主张{named}"))], details)


def _calculation(ledger: Ledger) -> str:
    """The ledger in one line: each run of days, its rate and interest, then the total (law.md §4)."""
    pieces = []
    for s in ledger.segments:
        capped = f"（约定年利率{rate_percent(s.agreed_rate)}，按上限计算）" if s.agreed_rate > s.cap_rate else ""
        pieces.append(
            f"{cn_date(s.start)}至{cn_date(s.end)}，{yuan(s.principal)}元×{rate_percent(s.rate)}×{s.days}天"
            f"÷{ledger.day_count}＝{yuan(s.interest)}元{capped}"
        )
    accrued = sum((s.interest for s in ledger.segments), Decimal(0))
    text = f"计算：{'；'.join(pieces)}；合计{yuan(accrued)}元"
    paid = sum((p.to_charges for p in ledger.payments), Decimal(0))
    if paid > 0:
        text += f"，扣除还款冲抵的{yuan(paid)}元后为{yuan(ledger.charges_outstanding)}元"
    return text + "。天数含起始日、不含截止日。"


def _acceleration(c: _Claims) -> list[str]:
    claims = c.case.claims
    if claims is not None and c.figures.final_due_date <= claims.as_of:
        return [f"无。借款期限已于{cn_date(c.figures.final_due_date)}届满，本案不涉及提前还款或解除合同。"]
    return ["无。"]


def _enforcement(c: _Claims) -> list[str]:
    claimed = c.claimed("enforcement_costs")
    if claimed == 0:
        return ["无（原告未主张）。"]
    keys = ("enforcement_costs",)
    return c.row([(keys, c.said(keys, f"原告主张实现债权的费用{money(claimed)}", "请求予以驳回"))])


def _others(c: _Claims) -> list[str]:
    items: list[tuple[tuple[str, ...], str]] = []
    fees, damages = c.claimed("fees"), c.claimed("liquidated_damages")
    cap_note = SEE_CAP if c.raised["cap"] else "应与利息、罚息一并计入法定利率上限"
    if fees > 0:
        reason = f"该费用未对应任何实际提供的服务，实为以服务费名义变相收取的利息，{cap_note}"
        if c.figures.rate_cap_basis == "financial24":
            reason += f"；依据{cite('civil_commercial_minutes_51')}，该费用可以不予支持或者酌减"
        items.append((("fees",), c.said(["fees"], f"原告主张服务费等其他费用{money(fees)}", reason)))
    if damages > 0:
        reason = SEE_CAP if c.raised["cap"] else "请法院依法审查"
        keys = ("liquidated_damages",)
        items.append((keys, c.said(keys, f"原告主张违约金{yuan(damages)}元", reason)))
    if c.case.claims is not None and c.case.claims.litigation_costs_on_client:
        keys = ("litigation_costs",)
        claim = "原告请求由答辩人负担诉讼费用"
        if c.stance(keys) == "contested":
            items.append((keys, f"{claim}，答辩人认为不应由答辩人全部负担，请求依法确定诉讼费用的负担。"))
        elif c.stance(keys) == "admitted":
            items.append((keys, f"{claim}，答辩人予以认可。"))
    if not items:
        return ["无。"]
    return c.row(items, limitation=fees + damages > 0)


def _total(c: _Claims) -> list[str]:
    figures, raised = c.figures, c.raised
    total = cents(figures.claimed_total or 0)
    debt = claimed_debt(figures)
    claim = f"原告主张的标的总额为{money(total)}"
    beyond = ""  # 本金及利息、罚息、费用共计…，依法最多可主张…，超出的…不应支持
    if raised["excess"] and figures.supportable_total is not None and figures.excess is not None:
        beyond = (
            f"本金及利息、罚息、费用共计{money(debt)}，依法最多可主张{money(cents(figures.supportable_total))}，"
            f"超出的{money(cents(figures.excess))}不应支持"
        )
    if raised["limitation"]:
        lines = [f"有异议。{claim}，原告的诉讼请求已超过诉讼时效，请求全部驳回。"]
        return lines + ([f"即使不考虑诉讼时效，原告主张的{beyond}。"] if beyond else [])
    if beyond:
        return [f"有异议。原告主张{beyond}。" if debt == total else f"有异议。{claim}，其中{beyond}。"]
    answer = c.case.answer
    if answer and answer.contested:
        return [f"有异议。{claim}，对上述有异议的项目，标的总额应相应核减。"]
    present = tuple(key for key in CLAIM_ITEMS if key != "litigation_costs" and c.claimed(key) > 0)
    return c.row([(present, c.said(present, claim))], limitation=False)
