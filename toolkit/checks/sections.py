"""Section checks: a requested document needs sections of the case file (case format, "Which sections each
document needs"). A missing section is an error for the document that needs it, not for the others."""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.base import DOCUMENTS, Facts, Problem, check

# field → what it supplies, for the message
_WHAT = {
    "court": "法院与诉讼信息（法院名称、案号、立案日、收到起诉状副本之日）",
    "court.served_on": "收到起诉状副本之日（答辩期限由此起算）",
    "claims": "原告的诉讼请求（照起诉状填写各项金额和利息计算截止日）",
    "answer": "答辩状的选择（认可、异议的项目等）",
    "hardship": "困难情况（事由、收支、证据）",
    "hardship.evidence": "困难情况的证据，至少一项（如 医院诊断证明书）",
    "proposal": "分期还款方案（和解总额、期数、第一期还款日）",
}


def _missing(facts: Facts, document: str) -> Iterator[str]:
    """The fields ``document`` needs that the case lacks (client, lender and loan are always present)."""
    case = facts.case
    if document == "answer":
        if case.court is None:
            yield "court"
        elif case.court.served_on is None:
            yield "court.served_on"
        if case.claims is None:
            yield "claims"
        if case.answer is None:
            yield "answer"
    elif document == "hardship":
        if case.hardship is None:
            yield "hardship"
        elif not case.hardship.evidence:
            yield "hardship.evidence"
    elif document == "settlement":
        if case.claims is None and facts.figures.supportable_total is None:
            yield "claims"
        if case.proposal is None:
            yield "proposal"


@check("SECTION-MISSING", "error", "缺少所起草文书需要的内容", "court, claims, answer, hardship, proposal")
def missing_sections(facts: Facts) -> Iterator[Problem]:
    for document in (name for name in DOCUMENTS if name in facts.documents):
        for field in _missing(facts, document):
            yield Problem(
                f"起草{DOCUMENTS[document]}需要 {field}：{_WHAT[field]}。"
                "请在案件文件中补上（可参照 samples/case.yaml）",
                field,
            )


CHECKS = (missing_sections,)
