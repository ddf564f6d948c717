"""Section checks: a requested document needs sections of the case file (case format, "Which sections each
document needs"). A missing section is an error for the document that needs it, not for the others.

The fields come from each document kind's ``needs`` (sections, and a few fields inside them).
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.base import Facts, Problem, check
from toolkit.documents import kinds, missing_fields

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


@check("SECTION-MISSING", "error", "缺少所起草文书需要的内容", "court, claims, answer, hardship, proposal")
def missing_sections(facts: Facts) -> Iterator[Problem]:
    for name, kind in kinds().items():
        if name not in facts.documents:
            continue
        for field in missing_fields(facts.case, kind):
            yield Problem(
                f"起草{kind.title}需要 {field}：{_WHAT.get(field, '请参照 samples/case.yaml 填写')}。"
                "请在案件文件中补上（可参照 samples/case.yaml）",
                field,
            )


CHECKS = (missing_sections,)
