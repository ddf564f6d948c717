"""Chinese names of the case file's coded values, as the documents print them (a lender kind's name is in
its row of caps.yaml: toolkit.case.lender_kinds)."""

from __future__ import annotations

CLAIM_ITEMS: dict[str, str] = {
    "principal": "本金",
    "interest": "期内利息",
    "penalty": "罚息（逾期利息）",
    "compound_interest": "复利",
    "liquidated_damages": "违约金",
    "fees": "服务费等其他费用",
    "enforcement_costs": "实现债权的费用",
    "litigation_costs": "诉讼费",
}

CHARGE_ITEMS = ("interest", "penalty", "compound_interest", "liquidated_damages", "fees")

REPAYMENT_KINDS: dict[str, str] = {
    "bullet": "到期一次性还本付息",
    "equal_installments": "按月等额本息还款",
    "equal_principal": "按月等额本金还款",
    "interest_first": "按月付息、到期还本",
}

ADDRESSEES: dict[str, str] = {"lender": "出借人", "court": "人民法院"}
