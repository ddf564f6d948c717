"""困难情况说明: the client's statement of hardship, to the lender or to the court (law.md §8).

The statement asks for instalments and waivers, so it acknowledges the debt: after limitation has expired
that gives the defence away (诉讼时效规定 第十四条、第十九条; 民法典 第一百九十二条), which is why the
kind is marked ``acknowledges_debt`` and the LIMITATION-GIVEAWAY check stops it. Its requests are the
settlement proposal's plan, taken from the same figures.
"""

from __future__ import annotations

from typing import Any

from toolkit.case.models import Case, signing_date
from toolkit.documents.base import SIGNING_DATE, DocumentKind, Part
from toolkit.documents.context import base_context
from toolkit.documents.wording import (
    addressed_to_court,
    costs_on_lender,
    installment_terms,
    monthly_shortfall,
    recipient,
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
    result["doc"] = {
        "title": TITLE,
        "to_court": to_court,
        "to": recipient(case, to_court=to_court),
        "overdue": figures.final_due_date < signing_date(case),
        "terms": installment_terms(figures),
        "waivers": waiver_text(proposal.waive) if proposal else "",
        "costs_on_lender": costs_on_lender(case),
        "shortfall": monthly_shortfall(figures),
    }
    return result


def parts(case: Case, figures: Figures) -> list[Part]:
    return [
        Part.text("标题", TITLE),
        Part.text("说明人", "说明人："),
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
    needs=("hardship", "hardship.evidence"),
    template=_template,
    parts=parts,
    context=context,
    acknowledges_debt=True,
)
