"""The element forms of 法〔2025〕82号 as data: one file per form, its title, sections and rows in order.

The rows' labels and order live in ``toolkit/law/data/answer-form-*.yaml`` (read by the strict loader,
overridable from ``DRAFT_LAW_DIR``), so a lawyer corrects a label against the official form without a code
change (law.md §8). A row's ``key`` names what answers it; an unknown key is a data error.
"""

import functools
from typing import Literal

from pydantic import field_validator

from toolkit.case.datafiles import DataModel, IsoDate, Text, load_table
from toolkit.case.lender_kinds import licensed
from toolkit.case.models import Case

FormName = Literal["financial_loan", "private_lending"]
FILES: dict[FormName, str] = {
    "financial_loan": "answer-form-financial-loan.yaml",
    "private_lending": "answer-form-private-lending.yaml",
}
ROW_KEYS = frozenset(
    {
        # 答辩事项 (the claims)
        "principal", "interest", "acceleration", "security_claim", "enforcement_costs", "costs",
        "other_claims", "total", "basis",
        # 事实和理由 (the complaint's account of the facts)
        "contract", "parties", "amount", "term", "rate", "disbursed", "repayment_kind", "repayments",
        "overdue", "security_contract", "security_parties", "maximum_security", "registration",
        "guarantee_contract", "guarantee_kind", "other_security", "defences", "other",
    }
)  # fmt: skip


class FormRow(DataModel):
    key: Text
    label: Text

    @field_validator("key")
    @classmethod
    def _known(cls, key: str) -> str:
        if key not in ROW_KEYS:
            raise ValueError(f"未知的行 key：{key}（可用：{'、'.join(sorted(ROW_KEYS))}）")
        return key


class FormSection(DataModel):
    title: Text
    rows: tuple[FormRow, ...]


class ElementForm(DataModel):
    description: Text
    verify: Text
    last_reviewed: IsoDate
    title: Text
    cause: Text
    claims: FormSection
    facts: FormSection

    def labels(self) -> list[str]:
        return [row.label for row in (*self.claims.rows, *self.facts.rows)]


@functools.cache
def element_form(name: FormName) -> ElementForm:
    """The form named ``name``, loaded once per process."""
    return load_table(FILES[name], ElementForm)


def form_for(case: Case) -> FormName:
    """民间借贷纠纷 for a private lender, 金融借款合同纠纷 for a licensed one; ``answer.element_form`` overrides."""
    chosen = case.answer.element_form if case.answer else "auto"
    if chosen != "auto":
        return chosen
    return "financial_loan" if licensed(case.lender.kind) else "private_lending"
