"""The rows of the element-form answer (要素式民事答辩状, 金融借款合同纠纷, 法〔2025〕82号).

The form asks a fixed list of questions (law.md §8); every row is answered from the case and the figures,
or says 无. The arguments are those the narrative answer raises (:func:`toolkit.documents.answer.arguments`),
put in the rows they belong to, with the same figures printed the same way (the ``money`` filter).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from toolkit.case.models import Case, received_amount
from toolkit.documents.labels import CLAIM_ITEMS, LENDER_KINDS, REPAYMENT_KINDS
from toolkit.documents.proposal_terms import cap_citations, cap_scope, cap_text, installment_terms
from toolkit.law.citations import cite, cite_all
from toolkit.law.figures import Figures, Ledger
from toolkit.law.money import cents, cn_date, rate_percent, yuan
from toolkit.render.filters import money

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
FACT_ROWS = (
    "合同签订情况",
    "合同主体",
    "借款金额",
    "借款期限",
    "借款利率",
    "借款发放时间",
    "还款方式",
    "还款情况",
    "是否逾期",
    "担保情况",
    "免责/减责事由",
    "其他需要说明的内容",
)
Stance = Literal["contested", "admitted", "open"]
INTEREST_ITEMS = ("interest", "penalty", "compound_interest")
LIMITATION_NOTE = "原告的本项请求已超过诉讼时效，答辩人提出诉讼时效抗辩（见“免责/减责事由”）。"
SEE_CAP = "已与利息、罚息一并计入法定利率上限（见“对利息（期内利息、复利、罚息）有无异议”）"


@dataclass(frozen=True)
class _Case:
    """What every row reads: the case, its figures, the arguments raised and the legal basis printed."""

    case: Case
    figures: Figures
    raised: Mapping[str, bool]
    legal_basis: list[str]

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
    c = _Case(case, figures, raised, basis)
    claims = [_principal(c), _interest(c), _acceleration(c), ["无。"], _enforcement(c), _others(c), _total(c)]
    claims.append([f"合同约定：双方签订的{_contract(case)}。", f"法律规定：{'；'.join(basis) or '无'}。"])
    facts = [[f"答辩人与原告于{cn_date(case.loan.contract_date)}签订{_contract(case)}。"], _parties(case)]
    facts += [_amount(c), _term(c), _rates(c), _disbursed(case), _repayment_kind(c), _repayments(c)]
    facts += [_overdue(c), ["无。"], _defences(c), _other(c)]
    return {
        "claims": [{"label": label, "lines": lines} for label, lines in zip(CLAIM_ROWS, claims, strict=True)],
        "facts": [{"label": label, "lines": lines} for label, lines in zip(FACT_ROWS, facts, strict=True)],
    }


def _contract(case: Case) -> str:
    number = case.loan.contract_number
    return f"编号为{number}的借款合同" if number else "借款合同"


def _principal(c: _Case) -> list[str]:
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


def _interest(c: _Case) -> list[str]:
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
        f"依据{cap_citations(figures)}，{cap_scope(figures)}合计以{cap_text(figures.caps)}为上限。"
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
    if sum(cents(s.interest) for s in ledger.segments) != cents(accrued):
        text += "（各段四舍五入至分，合计按未经舍入的数额计算）"
    return text + "。天数含起始日、不含截止日。"


def _acceleration(c: _Case) -> list[str]:
    claims = c.case.claims
    if claims is not None and c.figures.final_due_date <= claims.as_of:
        return [f"无。借款期限已于{cn_date(c.figures.final_due_date)}届满，本案不涉及提前还款或解除合同。"]
    return ["无。"]


def _enforcement(c: _Case) -> list[str]:
    claimed = c.claimed("enforcement_costs")
    if claimed == 0:
        return ["无（原告未主张）。"]
    keys = ("enforcement_costs",)
    return c.row([(keys, c.said(keys, f"原告主张实现债权的费用{money(claimed)}", "请求予以驳回"))])


def _others(c: _Case) -> list[str]:
    items: list[tuple[tuple[str, ...], str]] = []
    fees, damages = c.claimed("fees"), c.claimed("liquidated_damages")
    if fees > 0:
        reason = f"该费用未对应任何实际提供的服务，实为以服务费名义变相收取的利息，{SEE_CAP}"
        if c.figures.rate_cap_basis == "financial24":
            reason += f"；依据{cite('civil_commercial_minutes_51')}，该费用可以不予支持或者酌减"
        items.append((("fees",), c.said(["fees"], f"原告主张服务费等其他费用{money(fees)}", reason)))
    if damages > 0:
        reason = SEE_CAP if c.raised["cap"] else "请法院依法审查"
        items.append((("liquidated_damages",), c.said(["liquidated_damages"], f"原告主张违约金{yuan(damages)}元", reason)))
    if c.case.claims is not None and c.case.claims.litigation_costs_on_client:
        keys = ("litigation_costs",)
        if c.stance(keys) == "contested":
            items.append((keys, "原告请求由答辩人负担诉讼费用，答辩人认为不应由答辩人全部负担，请求依法确定诉讼费用的负担。"))
        elif c.stance(keys) == "admitted":
            items.append((keys, "原告请求由答辩人负担诉讼费用，答辩人予以认可。"))
    if not items:
        return ["无。"]
    return c.row(items, limitation=fees + damages > 0)


def _total(c: _Case) -> list[str]:
    figures, raised = c.figures, c.raised
    total = cents(figures.claimed_total or 0)
    debt = cents((figures.claimed_principal or 0) + (figures.claimed_charges or 0))
    claim = f"原告主张的标的总额为{money(total)}"
    beyond = ""
    if raised["excess"] and figures.supportable_total is not None and figures.excess is not None:
        part = "原告主张" if debt == total else "其中"
        beyond = (
            f"{part}本金及利息、罚息、费用共计{money(debt)}，依法最多可主张{money(cents(figures.supportable_total))}，"
            f"超出的{money(cents(figures.excess))}不应支持"
        )
    if raised["limitation"]:
        lines = [f"有异议。{claim}，原告的诉讼请求已超过诉讼时效，请求全部驳回。"]
        return lines + ([f"即使不考虑诉讼时效，{beyond}。"] if beyond else [])
    if beyond:
        return [f"有异议。{beyond}。" if debt == total else f"有异议。{claim}，{beyond}。"]
    answer = c.case.answer
    if answer and answer.contested:
        return [f"有异议。{claim}，对上述有异议的项目，标的总额应相应核减。"]
    present = tuple(key for key in CLAIM_ITEMS if key != "litigation_costs" and c.claimed(key) > 0)
    return c.row([(present, c.said(present, claim))], limitation=False)


def _parties(case: Case) -> list[str]:
    kind = "" if case.lender.kind == "private" else f"（{LENDER_KINDS[case.lender.kind]}）"
    return [f"出借人：{case.lender.name}{kind}；借款人：{case.client.name}。"]


def _amount(c: _Case) -> list[str]:
    loan = c.case.loan
    text = f"合同约定借款本金{money(loan.principal)}，原告实际发放{yuan(received_amount(loan))}元。"
    if c.raised["deducted"]:
        text += f"本金应按实际出借的金额认定为{yuan(c.figures.principal_recognized)}元。"
    return [text]


def _term(c: _Case) -> list[str]:
    loan = c.case.loan
    start = loan.disbursed_on or loan.contract_date
    return [f"{loan.term_months}个月，自{cn_date(start)}至{cn_date(c.figures.final_due_date)}。"]


def _rates(c: _Case) -> list[str]:
    loan, figures, lender = c.case.loan, c.figures, c.case.lender
    overdue = f"，逾期年利率{rate_percent(loan.overdue_rate)}" if loan.overdue_rate is not None else ""
    lines = [f"约定期内年利率{rate_percent(loan.annual_rate)}{overdue}。"]
    if not c.raised["cap"] or not figures.caps:
        return lines
    if figures.rate_cap_basis == "financial24":
        scope = ""
        if lender.kind in ("microfinance", "other_licensed"):
            scope = f"依据{cite('private_lending_scope_reply')}，"
        elif lender.kind in ("bank", "consumer_finance"):
            scope = f"依据{cite('private_lending_1_2')}，"
        kind = LENDER_KINDS[lender.kind] if lender.kind != "private" else "金融机构"
        lines.append(
            f"原告系{kind}，{scope}属于经金融监管部门批准设立的金融机构，本案不适用民间借贷的利率规定。"
            f"依据{cite('financial_trial_opinions_2')}，利息、复利、罚息、违约金和其他费用总计超过年利率24%的部分，应当调减。"
        )
    else:
        when = "起诉时" if figures.transition_rule else "合同成立时"
        lpr = figures.caps[-1].lpr
        lpr_text = f"（{rate_percent(lpr)}）" if lpr is not None else ""
        lines.append(
            f"依据{cite_all(['private_lending_25', 'private_lending_28', 'private_lending_29'])}，"
            f"利息、逾期利息、违约金和其他费用总计不得超过{when}一年期贷款市场报价利率{lpr_text}的四倍，"
            f"即{cap_text(figures.caps)}。"
        )
    if figures.ledger is not None and any(s.agreed_rate > s.cap_rate for s in figures.ledger.segments):
        lines.append("约定利率超过上限的部分不应支持。")
    return lines


def _disbursed(case: Case) -> list[str]:
    loan = case.loan
    return [f"{cn_date(loan.disbursed_on or loan.contract_date)}，发放{yuan(received_amount(loan))}元。"]


def _repayment_kind(c: _Case) -> list[str]:
    loan = c.case.loan
    first = f"，首期还款日为{cn_date(loan.first_due_date)}" if loan.first_due_date and loan.repayment != "bullet" else ""
    return [f"{REPAYMENT_KINDS[loan.repayment]}{first}，最后还款日为{cn_date(c.figures.final_due_date)}。"]


def _repayments(c: _Case) -> list[str]:
    paid = sorted(c.case.loan.repayments, key=lambda r: r.date)
    if not paid:
        return ["答辩人尚未还款。"]
    total = sum((r.amount for r in paid), Decimal(0))
    each = "；".join(f"{cn_date(r.date)}还款{yuan(r.amount)}元" for r in paid)
    lines = [f"答辩人已还款{len(paid)}次，合计{yuan(total)}元：{each}。"]
    ledger = c.figures.ledger
    if ledger is not None and ledger.payments:
        lines.append(
            f"依据{cite('civil_code_561')}，还款先冲抵利息费用，再冲抵本金；按法定利率上限冲抵后，"
            f"截至{cn_date(ledger.as_of)}剩余本金{yuan(ledger.principal_outstanding)}元。"
        )
    return lines


def _overdue(c: _Case) -> list[str]:
    ledger, due = c.figures.ledger, c.figures.final_due_date
    if ledger is not None and ledger.principal_outstanding + ledger.charges_outstanding == 0:
        return ["否。按法定利率上限冲抵后，答辩人已还清借款。"]
    if ledger is not None and due < ledger.as_of:
        return [f"是。借款已于{cn_date(due)}到期，答辩人未能按期还清。"]
    return [f"最后还款日为{cn_date(due)}。"]


def _defences(c: _Case) -> list[str]:
    figures, raised, court = c.figures, c.raised, c.case.court
    lines = []
    if raised["limitation"] and court is not None and court.filed_on is not None:
        lines.append(
            f"诉讼时效抗辩：本案借款的最后还款日为{cn_date(figures.final_due_date)}。诉讼时效期间自"
            f"{cn_date(figures.limitation_start)}起计算（最后还款日、最后一次还款和时效中断事由中最晚的日期），"
            f"三年期间至{cn_date(figures.limitation_expires)}届满。原告于{cn_date(court.filed_on)}提起诉讼，"
            f"已超过诉讼时效期间。依据{cite_all(['civil_code_188', 'civil_code_192'])}，诉讼时效期间届满的，"
            "义务人可以提出不履行义务的抗辩。答辩人明确提出诉讼时效抗辩，请求驳回原告的全部诉讼请求。"
        )
    if raised["deducted"]:
        lines.append(f"预先扣除利息：本金应按实际出借的金额{yuan(figures.principal_recognized)}元认定（见“借款金额”）。")
    if raised["excess"] and figures.excess is not None:
        lines.append(f"利率上限：原告主张超出依法最多可主张数额{money(cents(figures.excess))}，超出部分不应支持。")
    if raised["fees"]:
        lines.append("服务费等费用：实为变相收取的利息，应计入利率上限并予以调减。")
    return lines or ["无。"]


def _other(c: _Case) -> list[str]:
    case, raised = c.case, c.raised
    lines = []
    terms = installment_terms(c.figures)
    if raised["installments"] and terms is not None and case.proposal is not None:
        if case.hardship is not None:
            lines.append(f"答辩人确有困难：{case.hardship.summary}")
        down = ""
        if terms["down_payment"]:
            down = f"，于{cn_date(terms['down_payment_date'])}首付{yuan(terms['down_payment'])}元"
        lines.append(
            f"答辩人愿意在依法核定的债务范围内分期偿还，方案为：偿还总额{money(case.proposal.settlement_amount)}{down}，"
            f"自{cn_date(terms['first_due_date'])}起分{terms['count']}期按月偿还。还款计划如下："
        )
        lines += [
            f"{'首付' if row.n == 0 else f'第{row.n}期'}：{cn_date(row.due_date)}，{yuan(row.amount)}元"
            for row in c.figures.schedule or ()
        ]
        lines.append(f"合计：{yuan(c.figures.schedule_total or 0)}元。")
    if raised["mediation"]:
        lines.append(f"依据{cite('civil_procedure_96')}，答辩人愿意在法院主持下与原告协商解决本案纠纷，恳请法院组织调解。")
    if case.answer is not None:
        lines += case.answer.arguments
    return lines or ["无。"]
