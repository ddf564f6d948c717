"""A complete sample case: every optional section and list filled, so its context holds every key.

The linter checks a template's variables against the context a document kind builds from this case,
and renders the template with it to find the required parts; ``draft context --sample`` prints it for
template authors. A second variant has the limitation period expired, because the parts an answer
needs then (诉讼时效抗辩) differ.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from toolkit.case.load import case_from_data
from toolkit.case.models import Case
from toolkit.documents import kind as document_kind
from toolkit.documents import with_options
from toolkit.documents.context import base_context
from toolkit.law.compute import compute_figures

SOURCE = "完整示例案件"

COMPLETE: dict[str, Any] = {
    "version": 1,
    "court": {
        "name": "北京互联网法院",
        "case_number": "（2026）京0491民初31875号",
        "cause": "小额借款合同纠纷",
        "procedure": "简易程序",
        "filed_on": "2026-10-20",
        "served_on": "2026-11-20",
        "answer_period_days": 15,
    },
    "client": {
        "name": "李明",
        "gender": "男",
        "birth_date": "1994-03-01",
        "ethnicity": "汉族",
        "id_number": "410105199403012319",
        "occupation": "软件工程师",
        "address": "河南省郑州市金水区文化路100号",
        "phone": "13800138000",
    },
    "lender": {
        "name": "重庆市小米小额贷款有限公司",
        "kind": "microfinance",
        "credit_code": "91500112MA60TW3K1A",
        "representative": "张某",
        "address": "重庆市渝北区金开大道100号",
    },
    "agent": {"name": "王某", "firm": "河南某某律师事务所", "phone": "0371-12345678"},
    "loan": {
        "contract_number": "XM-2026-0310-001",
        "contract_date": "2026-03-10",
        "principal": "18000.00",
        "disbursed": "17000.00",
        "disbursed_on": "2026-03-10",
        "annual_rate": "0.2398",
        "overdue_rate": "0.3597",
        "term_months": 2,
        "repayment": "bullet",
        "first_due_date": "2026-05-10",
        "final_due_date": "2026-05-10",
        "day_count": 365,
        "rate_cap_basis": "auto",
        "repayments": [{"date": "2026-04-10", "amount": "500.00"}],
        "interruptions": [{"date": "2026-08-01", "kind": "demand", "note": "平台催收短信"}],
    },
    "claims": {
        "as_of": "2026-10-20",
        "principal": "18000.00",
        "interest": "721.37",
        "penalty": "2891.40",
        "compound_interest": "100.00",
        "liquidated_damages": "200.00",
        "fees": "1387.23",
        "enforcement_costs": "300.00",
        "litigation_costs_on_client": True,
    },
    "hardship": {
        "summary": "因父亲突发脑溢血住院手术，积蓄耗尽，单位又缓发工资，暂时无力一次性还款。",
        "events": [
            {"date": "2026-04-02", "description": "父亲突发脑溢血入院手术", "amount": "86000.00"},
            {"date": "2026-06-01", "description": "单位经营困难缓发工资"},
        ],
        "monthly_income": "8500.00",
        "monthly_expenses": {"房租": "1800.00", "基本生活": "2200.00", "父亲康复护理": "2000.00"},
        "dependents": [{"relation": "父亲", "note": "术后康复，需长期护理"}],
        "evidence": ["医院诊断证明书及住院病历", "医疗费用票据"],
    },
    "proposal": {
        "addressee": "lender",
        "settlement_amount": "18000.00",
        "down_payment": "1000.00",
        "down_payment_date": "2026-12-15",
        "installments": 12,
        "first_due_date": "2027-01-15",
        "waive": ["interest", "penalty", "compound_interest", "liquidated_damages", "fees"],
    },
    "answer": {
        "style": "narrative",
        "admitted": ["principal"],
        "contested": ["interest", "penalty", "compound_interest", "liquidated_damages", "fees", "enforcement_costs",
                      "litigation_costs"],
        "arguments": ["答辩人从未收到原告的催收通知。"],
        "request_mediation": True,
        "request_installments": True,
        "evidence": ["借款合同及还款记录"],
    },
    "signing": {"date": "2026-11-29", "place": "郑州"},
}  # fmt: skip


def _expired() -> dict[str, Any]:
    """The same case brought after the limitation period (three years from 2026-08-01) ran out."""
    data = copy.deepcopy(COMPLETE)
    data["court"] |= {"filed_on": "2029-10-20", "served_on": "2029-11-20"}
    data["claims"]["as_of"] = "2029-10-20"
    data["signing"]["date"] = "2029-11-29"
    data["proposal"] |= {"down_payment_date": "2029-12-15", "first_due_date": "2030-01-15"}
    return data


@functools.cache
def sample_cases() -> tuple[Case, ...]:
    return case_from_data(COMPLETE, SOURCE), case_from_data(_expired(), SOURCE)


def styled(case: Case, style: str | None) -> Case:
    """The case asking for a template's style (a manifest entry's ``style``, the kinds' option of that name)."""
    return with_options(case, {"style": style})


def shared_context() -> dict[str, Any]:
    """What every document kind's template receives for the complete sample case (its own ``doc`` aside)."""
    case = sample_cases()[0]
    return base_context(case, compute_figures(case))


def sample_context(kind_name: str, style: str | None = None, variant: int = 0) -> dict[str, Any]:
    """The context document kind ``kind_name`` gives its template for the complete sample case."""
    case = styled(sample_cases()[variant], style)
    return dict(document_kind(kind_name).context(case, compute_figures(case)))
