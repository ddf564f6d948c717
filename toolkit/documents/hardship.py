"""困难情况说明: the client's statement of hardship, to the lender or to the court (law.md §8).

The statement asks for instalments and waivers, so it acknowledges the debt: after limitation has expired
that gives the defence away (诉讼时效规定 第十四条、第十九条; 民法典 第一百九十二条), which is why the
kind is marked ``acknowledges_debt`` and the LIMITATION-GIVEAWAY check stops it. Its requests are the
settlement proposal's plan, taken from the same figures, and it carries the same reservation (law.md
§9.11): a compromise made to settle, not an admission of any amount.
"""

from __future__ import annotations

from typing import Any

from toolkit.case.models import Case
from toolkit.documents.base import SIGNING_DATE, DocumentKind, Part
from toolkit.documents.context import base_context
from toolkit.documents.letter_wording import RESERVATION, contract_party, reservation
from toolkit.documents.plan_wording import count_in_words, down_payment_due
from toolkit.documents.wording import (
    addressed_to_court,
    costs_on_lender,
    installment_terms,
    monthly_shortfall,
    recipient,
    suit_pending,
    waiver_text,
)
from toolkit.law.figures import Figures

TITLE = "困难情况说明"


def _template(case: Case) -> str:
    return "hardship"


def _to_court(case: Case) -> bool:
    """To the court when the plan says so; without a plan, to the court once a suit is pending."""
    if case.proposal is not None:
        return addressed_to_court(case)
    return case.court is not None


def context(case: Case, figures: Figures) -> dict[str, Any]:
    result = base_context(case, figures)
    proposal = case.proposal
    to_court = _to_court(case)
    to = recipient(case, to_court=to_court)
    terms = installment_terms(figures)
    result["doc"] = {
        "title": TITLE,
        "to_court": to_court,
        "to": to,
        "contract_party": contract_party(case, case.lender.name if to_court else to["you"]),
        "reservation": reservation(case, speaker="说明人", document="本说明"),
        "pending": suit_pending(case),
        "repayments": count_in_words(len(case.loan.repayments)),
        "terms": terms,
        "installments": count_in_words(terms["count"]) if terms else None,
        "down_payment_due": _down_payment_due(case, terms, to_court=to_court, you=to["you"]),
        "dependents": _dependents(case),
        "promise": terms is not None and figures.monthly_disposable is not None,
        "waivers": waiver_text(proposal.waive) if proposal else "",
        "costs_on_lender": costs_on_lender(case),
        "shortfall": monthly_shortfall(figures),
    }
    return result


def _down_payment_due(case: Case, terms: dict[str, Any] | None, *, to_court: bool, you: str) -> str | None:
    """于贵公司书面同意本方案之日起7日内 (to the court: the lender by name), or the date the case gives."""
    if terms is None or terms["down_payment"] is None:
        return None
    return down_payment_due(terms["down_payment_date"], case.lender.name if to_court else you)


_SPOUSES = ("妻", "夫", "配偶")
_ELDERS = ("父", "母", "爷", "奶", "外公", "外婆", "公公", "婆婆")
_YOUNGER = ("子", "女", "孩", "孙")


def _supports(relation: str) -> str:
    """The verb Chinese law uses for whom one supports: 扶养 a spouse (and anyone not named below), 赡养
    parents and grandparents, 抚养 children and grandchildren."""
    for words, verb in ((_SPOUSES, "扶养"), (_ELDERS, "赡养"), (_YOUNGER, "抚养")):
        if any(word in relation for word in words):
            return verb
    return "扶养"


def _dependents(case: Case) -> str:
    """照顾、赡养父亲（术后康复，需长期护理），照顾、抚养女儿（6岁）: whom the client supports ("" for none)."""
    people = case.hardship.dependents if case.hardship else []
    return "，".join(f"照顾、{_supports(d.relation)}{d.relation}" + (f"（{d.note}）" if d.note else "") for d in people)


def parts(case: Case, figures: Figures) -> list[Part]:
    return [
        Part.text("标题", TITLE),
        Part.text("说明人", "说明人："),
        Part.text("和解保留", f"本说明{RESERVATION}"),
        Part.text("借款基本情况"),
        Part.text("困难事由"),
        Part.text("家庭收支状况"),
        Part.text("每月可支配收入"),
        Part.text("请求事项"),
        Part.text("承诺"),
        Part.text("附件"),
        Part.text("说明人签名", "说明人（签名）"),
        SIGNING_DATE,
    ]


KIND = DocumentKind(
    name="hardship",
    title=TITLE,
    requested_by="hardship",
    needs={
        "hardship": "困难情况（事由、收支、证据）",
        "hardship.evidence": "困难情况的证据，至少一项（如 医院诊断证明书）",
    },
    template=_template,
    parts=parts,
    context=context,
    acknowledges_debt=True,
    order=20,
)
