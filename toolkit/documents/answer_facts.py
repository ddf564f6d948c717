"""The 事实和理由 rows of the element-form answer: each answers the complaint's account of one fact.

A fact the client does not dispute is answered 无异议 with the fact as the client knows it; where the
figures give the client an objection the row says 有异议 and why (law.md §9.15): the amount received short
of the contract (§3), the agreed rate above the cap, an allocation of the repayments other than the law's,
an assigned debt (§9.14), the day from which the client is overdue (§9.7). Guarantee rows say the plaintiff
claims no security: the case format holds no guarantor or collateral yet.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from toolkit.case.labels import CHARGE_ITEMS, REPAYMENT_KINDS
from toolkit.case.lender_kinds import lender_kind
from toolkit.case.models import Case, disbursement_date, received_amount
from toolkit.documents import answer_arguments as say
from toolkit.documents.answer_evidence import contract
from toolkit.documents.answer_forms import FormName, element_form
from toolkit.documents.answer_positions import Positions
from toolkit.documents.letter_wording import reservation
from toolkit.documents.plan_wording import down_payment_due, due_or_acceptance
from toolkit.law.arguments import cite_argument
from toolkit.law.figures import Figures
from toolkit.law.money import cn_date, money, rate_percent, yuan

NO_SECURITY = "无（原告未主张担保）。"
AGREED_RATE = "对约定利率的事实无异议，超过法定上限的部分不应支持。"


@dataclass(frozen=True)
class Answering:
    """What every row reads: the case, its figures, the positions, the legal basis and the form."""

    case: Case
    figures: Figures
    pos: Positions
    basis: tuple[str, ...]
    form: FormName

    def see(self, key: str) -> str:
        """The row that says more, by its label in the form's data: “对借款利率有无异议”."""
        form = element_form(self.form)
        return next(f"“{row.label}”" for row in (*form.claims.rows, *form.facts.rows) if row.key == key)


def _contract(a: Answering) -> list[str]:
    lender = a.pos.assigned_from or "原告"
    return [f"无异议。答辩人与{lender}于{cn_date(a.case.loan.contract_date)}签订{contract(a.case)}。"]


def _parties(a: Answering) -> list[str]:
    case = a.case
    if a.pos.assigned_from:
        return ["有异议。" + say.standing(a.pos)[0]]
    row = lender_kind(case.lender.kind)
    kind = f"（{row.name}）" if row.licensed else ""
    return [f"无异议。出借人：{case.lender.name}{kind}；借款人：{case.client.name}。"]


def _amount(a: Answering) -> list[str]:
    loan = a.case.loan
    if a.pos.deducted > 0:
        return ["有异议。" + say.deducted(a.case, a.pos)[0]]
    return [f"无异议。合同约定借款本金{money(loan.principal)}，答辩人实际收到{yuan(received_amount(loan))}元。"]


def _term(a: Answering) -> list[str]:
    loan = a.case.loan
    start = disbursement_date(loan)
    return [f"无异议。{loan.term_months}个月，自{cn_date(start)}至{cn_date(a.figures.final_due_date)}。"]


def _rate(a: Answering) -> list[str]:
    loan, figures = a.case.loan, a.figures
    overdue = f"，逾期年利率{rate_percent(loan.overdue_rate)}" if loan.overdue_rate is not None else ""
    agreed = f"约定期内年利率{rate_percent(loan.annual_rate)}{overdue}。"
    agreed_rates = [r for r in (loan.annual_rate, loan.overdue_rate) if r is not None]
    above = any(rate > cap.rate for rate in agreed_rates for cap in figures.caps)
    charges = any(a.pos.item(key).claimed > 0 for key in CHARGE_ITEMS)
    objects = above or a.pos.charges_excess
    # after limitation has expired the cap is argued only in the alternative, like everything else (§9.3)
    objection = "对约定利率的事实无异议。" if a.pos.expired else AGREED_RATE
    first = (objection if objects else "无异议。") + agreed
    if not charges:
        return [first]
    rule = say.cap_rule(a.case, figures, a.pos)  # the request the cap rests on (law.md §9.4), as the narrative
    if a.pos.expired:
        rule[0] = say.ALTERNATIVE + ("超过法定上限的部分也不应支持。" if objects else "") + rule[0]
    return [first, *rule]


def _disbursed(a: Answering) -> list[str]:
    loan = a.case.loan
    return [f"无异议。{cn_date(disbursement_date(loan))}发放，答辩人实际收到{yuan(received_amount(loan))}元。"]


def _repayment_kind(a: Answering) -> list[str]:
    loan = a.case.loan
    first = (
        f"，首期还款日为{cn_date(loan.first_due_date)}" if loan.first_due_date and loan.repayment != "bullet" else ""
    )
    return [f"无异议。{REPAYMENT_KINDS[loan.repayment]}{first}，最后还款日为{cn_date(a.figures.final_due_date)}。"]


def _repayments(a: Answering) -> list[str]:
    paid = sorted(a.case.loan.repayments, key=lambda r: r.date)
    if not paid:
        return ["无异议。答辩人尚未还款。"]
    total = sum((r.amount for r in paid), Decimal(0))
    each = "；".join(f"{cn_date(r.date)}还款{yuan(r.amount)}元" for r in paid)
    facts = f"答辩人已还款{len(paid)}次，合计{yuan(total)}元：{each}。"
    ledger, pos = a.figures.ledger, a.pos
    if pos.overpaid > 0:
        return ["有异议。" + facts, *say.overpaid(a.case, a.figures, pos)]
    principal = pos.item("principal")
    differs = ledger is not None and (principal.claimed > ledger.principal_outstanding or pos.charges_excess)
    if ledger is None or not differs:
        return ["无异议。" + facts]
    return [
        "有异议。" + facts,
        f"依据{cite_argument('repayment_order')}，还款先冲抵利息费用，再冲抵本金；按法定利率上限计算并冲抵后，截至"
        f"{cn_date(ledger.as_of)}原告依法最多可主张本金{yuan(ledger.principal_outstanding)}元，原告的冲抵方式与此不符。",
    ]


def _overdue(a: Answering) -> list[str]:
    pos, figures = a.pos, a.figures
    if pos.overpaid > 0:
        return [_overdue_until_paid(a)]
    early = f"；借款的最后还款日为{cn_date(figures.final_due_date)}，提前到期见{a.see('acceleration')}"
    bullet = a.case.loan.repayment == "bullet"
    if a.case.loan.overdue_since is None and pos.acceleration != "none" and bullet:
        return [
            f"有异议。原告起诉时借款尚未到期（最后还款日为{cn_date(figures.final_due_date)}），"
            f"提前到期见{a.see('acceleration')}。"
        ]
    if pos.overdue_since is not None:
        if a.case.loan.overdue_since is None:
            due = cn_date(figures.final_due_date)
            return [f"无异议。借款于{due}到期，答辩人未能按期还清，逾期自{due}起算。"]
        return [f"无异议。逾期自{cn_date(pos.overdue_since)}起算。"]
    paid = sorted(a.case.loan.repayments, key=lambda r: r.date)
    if paid:
        last = paid[-1]
        facts = f"答辩人已还款{len(paid)}次，最后一次于{cn_date(last.date)}还款{yuan(last.amount)}元"
    else:
        facts = "答辩人尚未还款"
    return [f"有异议。{facts}；逾期起算日以原告举证为准{early if pos.acceleration != 'none' else ''}。"]


def _overdue_until_paid(a: Answering) -> str:
    """An overpaid loan: nothing is overdue now; when the payment that cleared it came after the day it fell
    due (``overdue_since``, or a bullet loan's final due date: law.md §9.7), the row says so, as the table's
    overdue rows show it (§9.12)."""
    loan, figures = a.case.loan, a.figures
    settled = "按法定利率上限冲抵后，答辩人的还款已清偿依法可支持的全部本金和利息费用，现不存在逾期未还的款项。"
    ledger = figures.ledger
    cleared = next((p.date for p in ledger.payments if p.principal_after == 0), None) if ledger else None
    since = loan.overdue_since or (figures.final_due_date if loan.repayment == "bullet" else None)
    if since is not None and cleared is not None and cleared > since:
        return f"有异议。逾期自{cn_date(since)}起算，答辩人于{cn_date(cleared)}还款，{settled}"
    return f"有异议。借款的最后还款日为{cn_date(figures.final_due_date)}；{settled}"


def _no_security(a: Answering) -> list[str]:
    return [NO_SECURITY]


def _defences(a: Answering) -> list[str]:
    case, figures, pos = a.case, a.figures, a.pos
    lines: list[str] = []
    if pos.expired:
        lines += ["有。诉讼时效抗辩：" + say.limitation(case, figures)[0], *say.limitation(case, figures)[1:]]
    if pos.overpaid > 0:
        lines.append(f"有。答辩人已清偿依法可支持的全部款项（见{a.see('repayments')}）。")
    alt = say.ALTERNATIVE if pos.expired else ""
    if pos.deducted > 0:
        lines.append(
            f"{alt}预先扣除利息：计息本金应以实际出借的{yuan(figures.principal_recognized)}元为基数（见{a.see('amount')}）。"
        )
    if pos.charges_excess and pos.charges_limit is not None and pos.overpaid == 0:
        lines.append(
            f"{alt}利率上限：利息、罚息及费用合计超过{yuan(pos.charges_limit)}元的部分不应支持（见{a.see('interest')}）。"
        )
    if not lines:
        return ["无。"]
    if not lines[0].startswith("有。"):
        lines[0] = "有。" + lines[0]
    return lines


PLAN = "上述分期还款方案"  # the noun of the answer's reservation (本方案 in the proposal, 本说明 in the statement)


def plan_reservation(case: Case) -> str:
    """The reservation under the answer's instalment plan, in both styles: an offer to the court is a
    settlement proposal too (law.md §9.11)."""
    return reservation(case, speaker="答辩人", document=PLAN)


def _other(a: Answering) -> list[str]:
    case, pos = a.case, a.pos
    lines: list[str] = []
    if pos.installments and case.proposal is not None and a.figures.schedule:
        if case.hardship is not None:
            lines.append(f"答辩人确有困难：{case.hardship.summary}")
        rows = [row for row in a.figures.schedule if row.n > 0]
        down = next((row for row in a.figures.schedule if row.n == 0), None)
        down_text = f"，{down_payment_due(down.due_date, '原告')}首付{yuan(down.amount)}元" if down else ""
        lines.append(
            f"答辩人愿意在依法核定的债务范围内分期偿还，方案为：偿还总额{money(case.proposal.settlement_amount)}"
            f"{down_text}，自{due_or_acceptance(rows[0].due_date, '原告')}起分{len(rows)}期按月偿还。还款计划如下："
        )
        lines += [
            f"{'首付' if r.n == 0 else f'第{r.n}期'}：{due_or_acceptance(r.due_date, '原告')}，{yuan(r.amount)}元"
            for r in a.figures.schedule
        ]
        lines.append(f"合计：{yuan(a.figures.schedule_total or 0)}元。")
        lines.append(plan_reservation(case))
    if pos.mediation:
        lines.append(
            f"依据{cite_argument('mediation')}，答辩人愿意在法院主持下与原告协商解决本案纠纷，恳请法院组织调解。"
        )
    if case.answer is not None:
        lines += case.answer.arguments
    return lines or ["无。"]


FACT_ANSWERS: dict[str, Callable[[Answering], list[str]]] = {
    "contract": _contract,
    "parties": _parties,
    "amount": _amount,
    "term": _term,
    "rate": _rate,
    "disbursed": _disbursed,
    "repayment_kind": _repayment_kind,
    "repayments": _repayments,
    "overdue": _overdue,
    "security_contract": _no_security,
    "security_parties": _no_security,
    "maximum_security": _no_security,
    "registration": _no_security,
    "guarantee_contract": _no_security,
    "guarantee_kind": _no_security,
    "other_security": _no_security,
    "defences": _defences,
    "other": _other,
}
