"""分期还款和解方案: the client's instalment plan, to the lender (和解) or to the court (调解) (law.md §8).

To the court the proposal asks the court to mediate, on the principle of 民事诉讼法 第九十六条 (not 第九十九条,
which is about agreements being voluntary; law.md §2). Like the hardship statement it acknowledges the
debt, so the LIMITATION-GIVEAWAY check stops it after limitation has expired. The debt is shown as claimed,
with the most the lender can claim under the cap beside it only as an argument ("按法定上限计算，被申请人依法
最多可主张……", never a decision or an admission), under the reservation of law.md §9.11. The terms are
those of §8: the down payment waits for the lender's written acceptance, a missed instalment accelerates only
the unpaid settlement balance after 15 days' written notice, waived items never revive, and the lender's
obligations on acceptance and the costs of the pending suit (§9.9) are stated.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from toolkit.case.models import Case
from toolkit.documents.base import SIGNING_DATE, DocumentKind, Part
from toolkit.documents.context import base_context
from toolkit.documents.letter_wording import (
    RESERVATION,
    cap_basis,
    contract_party,
    costs_paragraph,
    lender_obligations,
    lender_signature,
    reservation,
)
from toolkit.documents.plan_wording import accepted_by, count_in_words, down_payment_due
from toolkit.documents.wording import (
    addressed_to_court,
    cap_scope,
    cap_text,
    claimed_debt,
    costs_on_lender,
    installment_terms,
    lender_is_person,
    monthly_shortfall,
    recipient,
    suit_pending,
    waiver_text,
)
from toolkit.law.figures import Figures
from toolkit.law.money import cents, cn_date, yuan

TITLE = "分期还款和解方案"
# the waivable claim items that carry an amount in the claims (litigation costs have none there)
WAIVED_AMOUNTS = ("interest", "penalty", "compound_interest", "liquidated_damages", "fees", "enforcement_costs")
# Days after the lender's written notice of a missed instalment before it may call in the unpaid balance
# (law.md §8): a term the client offers, not a statutory period.
GRACE_DAYS = 15
LENDER = "被申请人"


def _template(case: Case) -> str:
    return "settlement"


def _waivers(case: Case, reduction: Decimal | None) -> str:
    """利息、违约金（共计56,500.00元），并就其余款项减免10,000.00元: the waived items, and, when the plan pays
    less than the items it does not waive, the rest of the reduction named as such, so that the items and
    the reduction printed after them add up (law.md §4.4)."""
    proposal, claims = case.proposal, case.claims
    if proposal is None:
        return ""
    text = waiver_text(proposal.waive)
    if claims is None or reduction is None or "principal" in proposal.waive:
        return text
    waived = cents(sum((getattr(claims, key) for key in proposal.waive if key in WAIVED_AMOUNTS), Decimal(0)))
    if not 0 < waived < reduction:
        return text
    return f"{text}（共计{yuan(waived)}元），并就其余款项减免{yuan(reduction - waived)}元"


def context(case: Case, figures: Figures) -> dict[str, Any]:
    result = base_context(case, figures)
    proposal = case.proposal
    to_court = addressed_to_court(case)
    terms = installment_terms(figures)
    claimed = figures.claimed_total
    reduction = None
    if proposal is not None and claimed is not None and claimed > proposal.settlement_amount:
        reduction = cents(claimed - proposal.settlement_amount)
    disposable = figures.monthly_disposable
    basis, cap_name = cap_basis(case, figures) if figures.caps else ("", "")
    result["doc"] = {
        "title": TITLE,
        "to_court": to_court,
        "to": recipient(case, to_court=to_court),
        "court_name": case.court.name if case.court else "人民法院",
        "lender_person": lender_is_person(case),
        "terms": terms,
        "waivers": _waivers(case, reduction),
        "costs_on_lender": costs_on_lender(case),
        "reduction": reduction,
        "cap_text": cap_text(figures.caps),
        "cap_scope": cap_scope(figures),
        "cap_citations": figures.cap_citation(),
        "cap_basis": basis,
        "cap_name": cap_name,
        "contract_party": contract_party(case, "被申请人"),
        "affordable": terms is not None and disposable is not None and terms["largest"] <= disposable,
        "shortfall": monthly_shortfall(figures),
        "grace_days": GRACE_DAYS,
        "claimed_debt": claimed_debt(figures),
        "reservation": reservation(case, speaker="申请人", document="本方案"),
        "pending": suit_pending(case),
        "installments": count_in_words(terms["count"]) if terms else None,
        "down_payment_due": down_payment_due(terms["down_payment_date"], LENDER) if terms else None,
        "schedule": _schedule(figures),
        "costs": costs_paragraph(case),
        "obligations": lender_obligations(case),
        "lender_signature": lender_signature(case),
    }
    return result


def _schedule(figures: Figures) -> list[dict[str, Any]]:
    """The schedule table's rows, each with its due date in words (row 0: on acceptance, law.md §6)."""
    return [
        {
            "label": "首付" if row.n == 0 else f"第{row.n}期",
            "due": cn_date(row.due_date) if row.due_date else accepted_by(LENDER),
            "amount": cents(row.amount),
        }
        for row in figures.schedule or ()
    ]


def parts(case: Case, figures: Figures) -> list[Part]:
    found = [
        Part.text("标题", TITLE),
        Part.text("申请人", "申请人"),
        Part.text("被申请人", "被申请人"),
        Part.text("和解保留", f"本方案{RESERVATION}"),
        Part.text("债务现状"),
        Part.text("还款方案"),
        Part.regex("和解金额（小写和大写）", r"支付共计[\d,]+\.\d{2}元（人民币[^）]+）"),
        Part.text("还款计划表", "期数"),
        Part.text("还款计划合计", "合计"),
        Part.text("减免请求"),
        Part.text("理由"),
        Part.text("违约责任"),
        Part.text("对方义务"),
    ]
    if addressed_to_court(case) and case.court is not None:
        found += [Part.text("此致"), Part.text("法院名称", case.court.name)]
    found += [
        Part.text("申请人签名", "申请人（签名）"),
        Part.regex("被申请人签章", r"被申请人（(?:盖章|签名)）"),
    ]
    if case.lender.credit_code:
        found.append(Part.text("被申请人统一社会信用代码", f"统一社会信用代码：{case.lender.credit_code}"))
    if not lender_is_person(case):
        found.append(Part.text("被申请人代表签名", "法定代表人或授权代表（签名）"))
    return [*found, SIGNING_DATE]


KIND = DocumentKind(
    name="settlement",
    title=TITLE,
    requested_by="proposal",
    needs={
        "proposal": "分期还款方案（和解总额、期数、第一期还款日）",
        "claims": "原告的诉讼请求（照起诉状填写各项金额和利息计算截止日）",
    },
    template=_template,
    parts=parts,
    context=context,
    acknowledges_debt=True,
    order=30,
)
