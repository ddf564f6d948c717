"""The answer's 证据清单 (law.md §9.8): never 无 while the case holds the client's best evidence.

By default: the contract (the agreed rate and term), the disbursement record when less was received than
written, and the repayment records; ``answer.evidence`` replaces the default when it lists anything. An
item is a string or ``{name, source, purpose, pages}``.
"""

from __future__ import annotations

from decimal import Decimal

from toolkit.case.models import Case, EvidenceItem, received_amount
from toolkit.law.money import yuan


def contract(case: Case) -> str:
    """编号为XM-2026-0310-001的借款合同, or 借款合同 without a number."""
    number = case.loan.contract_number
    return f"编号为{number}的借款合同" if number else "借款合同"


def evidence(case: Case) -> list[str]:
    """The evidence lines as printed: 1. 名称（来源：…；证明目的：…；第…页）."""
    given = case.answer.evidence if case.answer else None
    items = list(given) if given else default_evidence(case)
    return [f"{n}. {_line(item)}" for n, item in enumerate(items, start=1)]


def default_evidence(case: Case) -> list[EvidenceItem]:
    loan = case.loan
    found = [EvidenceItem(name=contract(case), purpose="证明借款合同约定的利率和期限")]
    received = received_amount(loan)
    if received < loan.principal:
        found.append(EvidenceItem(name="银行流水（放款到账记录）", purpose=f"证明答辩人实际收到借款{yuan(received)}元"))
    if loan.repayments:
        total = sum((r.amount for r in loan.repayments), Decimal(0))
        found.append(
            EvidenceItem(name="还款记录", purpose=f"证明答辩人已还款{len(loan.repayments)}次，合计{yuan(total)}元")
        )
    return found


def _line(item: str | EvidenceItem) -> str:
    if isinstance(item, str):
        return item
    details = [f"来源：{item.source}"] if item.source else []
    details += [f"证明目的：{item.purpose}"] if item.purpose else []
    details += [f"第{item.pages}页"] if item.pages else []
    return item.name + (f"（{'；'.join(details)}）" if details else "")
