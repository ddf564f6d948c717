"""The narrative answer's 答辩请求 and 事实和理由, as headings and paragraphs (2016 文书样式, law.md §8).

Printed from the positions (:mod:`toolkit.documents.answer_positions`) in the words of
:mod:`toolkit.documents.answer_arguments`, in the order the defence is pleaded: limitation first and the
merits in the alternative (§9.3), or payment in full (§9.10). The two tables (利息计算表, 分期还款计划)
stay in the template between ``before_table`` and ``after_table``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from toolkit.case.models import Case, disbursement_date, received_amount
from toolkit.documents import answer_arguments as say
from toolkit.documents.answer_evidence import contract
from toolkit.documents.answer_positions import Positions
from toolkit.law.figures import Figures
from toolkit.law.money import cn_date, money, rate_percent, yuan

Section = dict[str, Any]  # {"heading": str, "paragraphs": [str, ...]}


def requests(case: Case, figures: Figures, pos: Positions) -> list[str]:
    """答辩请求, item by item: what exceeds the supportable figure is not supported (§9.2)."""
    if pos.dismiss_all:
        found = ["请求依法驳回原告的全部诉讼请求。"]
        if pos.expired:
            merits = _merit_requests(pos, figures)
            if merits:
                found.append(
                    say.ALTERNATIVE + "请求" + "；".join(r.removeprefix("请求").rstrip("。") for r in merits) + "。"
                )
    else:
        found = _merit_requests(pos, figures)
    request = say.costs_request(pos)
    if request:
        found.append(request)
    if pos.mediation:
        found.append(f"请求法院主持调解{'，准许答辩人按本答辩状所列方案分期偿还' if pos.installments else ''}。")
    return found or ["请求法院依法审理本案。"]


def _merit_requests(pos: Positions, figures: Figures) -> list[str]:
    found = []
    principal = pos.item("principal")
    limited = principal.contested or principal.stance == "admitted"
    if limited and principal.limit is not None and principal.limit < principal.claimed:
        found.append(f"请求对原告主张的本金超过{money(principal.limit)}的部分不予支持。")
    if pos.charges_excess and pos.charges_limit is not None:
        found.append(
            f"请求对原告主张的利息、罚息及费用合计超过依法最多可主张的{money(pos.charges_limit)}的部分不予支持。"
        )
    if pos.item("liquidated_damages").contested:
        found.append("请求对原告主张的违约金予以适当减少。")
    if pos.item("enforcement_costs").contested:
        found.append(f"请求驳回原告主张的实现债权的费用{money(pos.item('enforcement_costs').claimed)}。")
    if pos.acceleration == "contested":
        found.append("原告不能证明借款已提前到期的，请求驳回其对尚未到期部分的请求。")
    if (figures.excess or 0) > 0 and figures.supportable_total is not None and not pos.expired:
        claimed = (figures.claimed_principal or Decimal(0)) + (figures.claimed_charges or Decimal(0))
        found.append(
            f"综上，原告主张本金及利息、罚息、费用共计{money(claimed)}，依法最多可主张"
            f"{money(figures.supportable_total)}，请求对超出的{money(figures.excess or Decimal(0))}不予支持。"
        )
    return found


def basic_facts(case: Case, figures: Figures, pos: Positions) -> Section:
    """The loan's facts as the client knows them: the contract, the amount received, the dates, the payments."""
    loan = case.loan
    lender = pos.assigned_from or "原告"
    overdue = f"，逾期年利率{rate_percent(loan.overdue_rate)}" if loan.overdue_rate is not None else ""
    lines = [
        f"答辩人与{lender}于{cn_date(loan.contract_date)}签订{contract(case)}，约定借款本金{money(loan.principal)}，"
        f"期内年利率{rate_percent(loan.annual_rate)}{overdue}，借款期限{loan.term_months}个月，最后还款日为"
        f"{cn_date(figures.final_due_date)}。{lender}于{cn_date(disbursement_date(loan))}向答辩人发放借款，"
        f"答辩人实际收到{yuan(received_amount(loan))}元。"
    ]
    paid = sorted(loan.repayments, key=lambda r: r.date)
    if paid:
        total = sum((r.amount for r in paid), Decimal(0))
        each = "；".join(f"{cn_date(r.date)}还款{yuan(r.amount)}元" for r in paid)
        lines.append(f"答辩人已还款{len(paid)}次，合计{yuan(total)}元：{each}。")
    if not pos.dismiss_all:
        lines += say.principal(pos, figures)
    return {"heading": "借款的基本事实", "paragraphs": lines}


def before_table(case: Case, figures: Figures, pos: Positions) -> list[Section]:
    """The sections before the 利息计算表: limitation or payment in full, standing, the principal, the cap."""
    found = [basic_facts(case, figures, pos)]
    if pos.expired:
        found.append(
            {
                "heading": "原告的诉讼请求已超过诉讼时效，答辩人提出诉讼时效抗辩",
                "paragraphs": say.limitation(case, figures),
            }
        )
    if pos.overpaid > 0:
        found.append({"heading": "答辩人已清偿依法可支持的全部款项", "paragraphs": say.overpaid(case, figures, pos)})
    if pos.alternative:
        found.append(
            {
                "heading": "退一步讲，原告的请求也不应全部支持",
                "paragraphs": [say.ALTERNATIVE + "原告的诉讼请求也不应全部支持，理由如下。"],
            }
        )
    if pos.assigned_from:
        found.append({"heading": "原告应当证明债权转让及通知", "paragraphs": say.standing(pos)})
    if pos.deducted > 0:
        found.append(
            {
                "heading": "原告预先扣除利息，计息本金应以实际出借的金额为基数",
                "paragraphs": say.deducted(case, pos),
            }
        )
    if pos.expired:
        principal = say.principal(pos, figures)
        if principal:
            found.append({"heading": "本金", "paragraphs": principal})
    cap = say.cap_rule(case, figures, pos)
    if pos.overpaid == 0:  # paid in full: the table shows it, no "at most 0.00" to argue
        cap += say.charges(pos, figures)
    if any(pos.item(k).claimed > 0 for k in ("interest", "penalty", "compound_interest", "liquidated_damages", "fees")):
        found.append({"heading": "利息、罚息及费用不得超过法定上限", "paragraphs": cap})
    return found


def after_table(case: Case, figures: Figures, pos: Positions) -> list[Section]:
    """The sections after the tables: acceleration, damages, fees, enforcement costs, costs."""
    found = []
    for heading, lines in (
        ("原告应当证明借款已提前到期", say.acceleration(case, figures, pos)),
        ("违约金应予减少", say.damages(pos)),
        ("服务费等费用应计入利率上限", say.fees(pos)),
        ("实现债权的费用", say.enforcement(pos)),
        ("诉讼费用的负担", say.costs(pos)),
    ):
        if lines:
            found.append({"heading": heading, "paragraphs": lines})
    return found


def conclusion(pos: Positions) -> str:
    if pos.expired:
        return "综上所述，原告的诉讼请求已超过诉讼时效，答辩人提出诉讼时效抗辩，恳请法院依法驳回原告的全部诉讼请求。"
    if pos.overpaid > 0:
        return "综上所述，答辩人已清偿依法可支持的全部款项，恳请法院依法驳回原告的全部诉讼请求。"
    if pos.contested_items():
        return "综上所述，原告的诉讼请求中超出法律规定的部分缺乏依据，恳请法院查明事实，依法支持答辩人的答辩请求。"
    return "综上所述，恳请法院查明事实，依法裁判。"
