"""民事答辩状: the answer to the complaint, narrative (2016 文书样式) or element form (法〔2025〕82号).

Which arguments the answer makes is decided here, once, from the figures; the template words them and the
legal basis lists exactly the provisions of the arguments made (law.md §8).
"""

from __future__ import annotations

from typing import Any

from toolkit.case.models import Case, received_amount
from toolkit.documents.answer_elements import CLAIM_ROWS, FACT_ROWS, element_rows
from toolkit.documents.base import SIGNING_DATE, DocumentKind, Part
from toolkit.documents.context import base_context
from toolkit.documents.labels import CHARGE_ITEMS, CLAIM_ITEMS
from toolkit.documents.wording import claimed_debt
from toolkit.law.citations import cite_groups
from toolkit.law.figures import Figures
from toolkit.law.money import cents, cn_date


def _template(case: Case) -> str:
    style = case.answer.style if case.answer else "narrative"
    return "answer-elements" if style == "elements" else "answer"


def arguments(case: Case, figures: Figures) -> dict[str, bool]:
    """The defences this answer raises."""
    answer = case.answer
    contested = set(answer.contested) if answer else set()
    expired = bool(figures.limitation_expired)
    charges_contested = bool(contested & set(CHARGE_ITEMS))
    return {
        "limitation": expired,
        "cap": charges_contested and figures.ledger is not None,
        "excess": charges_contested and (figures.excess or 0) > 0,
        "fees": "fees" in contested and case.claims is not None and case.claims.fees > 0,
        "deducted": received_amount(case.loan) < case.loan.principal,
        "transition": figures.transition_rule,
        "enforcement_costs": "enforcement_costs" in contested
        and case.claims is not None
        and case.claims.enforcement_costs > 0,
        "litigation_costs": "litigation_costs" in contested
        and case.claims is not None
        and case.claims.litigation_costs_on_client,
        # Offering to pay in instalments acknowledges the debt: never beside a limitation defence.
        "installments": bool(answer and answer.request_installments) and case.proposal is not None and not expired,
        "mediation": bool(answer and answer.request_mediation) and not expired,
    }


def legal_basis(case: Case, figures: Figures, raised: dict[str, bool]) -> list[str]:
    """The provisions the raised arguments rest on, grouped by instrument, in the order the answer argues them."""
    keys: list[str] = []
    if raised["limitation"]:
        keys += ["civil_code_188", "civil_code_192", "civil_code_193"]
    if raised["deducted"]:
        keys += ["civil_code_670", "private_lending_26"]
    if raised["cap"]:
        keys += [key for cap in figures.caps for key in cap.references]
    if raised["fees"] and figures.rate_cap_basis == "financial24":
        keys.append("civil_commercial_minutes_51")
    if case.loan.repayments:
        keys.append("civil_code_561")
    if raised["mediation"]:
        keys.append("civil_procedure_96")
    return cite_groups(keys)


def context(case: Case, figures: Figures) -> dict[str, Any]:
    result = base_context(case, figures)
    raised = arguments(case, figures)
    claims = case.claims
    admitted = case.answer.admitted if case.answer else []
    result["doc"] = {
        "title": "民事答辩状",
        "show": raised,
        "legal_basis": legal_basis(case, figures, raised),
        "deducted": cents(case.loan.principal - received_amount(case.loan)),
        "admitted": [
            {"key": key, "name": CLAIM_ITEMS[key], "amount": getattr(claims, key)}
            for key in admitted
            if claims is not None and key != "litigation_costs"
        ],
        "claimed_debt": claimed_debt(figures),
        "limitation_start_text": cn_date(figures.limitation_start),
        "copies": 1,
    }
    if _template(case) == "answer-elements":
        result["doc"]["elements"] = element_rows(case, figures, raised, result["doc"]["legal_basis"])
    return result


def parts(case: Case, figures: Figures) -> list[Part]:
    if _template(case) == "answer-elements":
        return _element_parts(case, figures)
    court = case.court.name if case.court else ""
    raised = arguments(case, figures)
    found = [Part.text("标题", "民事答辩状"), Part.text("答辩人"), Part.text("答辩如下")]
    found += [Part.text("答辩请求"), Part.text("事实和理由")]
    if raised["limitation"]:
        found.append(Part.text("诉讼时效抗辩"))
    if raised["excess"]:
        found.append(Part.text("利息计算表"))
    found += [
        Part.text("证据清单"),
        Part.text("此致"),
        Part.text("法院名称", court),
        Part.regex("附：本答辩状副本", r"附：本答辩状副本\d+份"),
        Part.text("答辩人签名", "答辩人（签名）"),
        SIGNING_DATE,
    ]
    return found


def _element_parts(case: Case, figures: Figures) -> list[Part]:
    """The element form's rows, in the order of 法〔2025〕82号 (law.md §8); the limitation defence, when raised,
    in 免责/减责事由."""
    found = [Part.text("标题", "民事答辩状"), Part.text("案号"), Part.text("答辩人"), Part.text("答辩事项和依据")]
    found += [Part.text(label) for label in CLAIM_ROWS]
    found.append(Part.text("事实和理由"))
    for label in FACT_ROWS:
        found.append(Part.text(label))
        if label == "免责/减责事由" and arguments(case, figures)["limitation"]:
            found.append(Part.text("诉讼时效抗辩"))
    found += [
        Part.text("证据清单"),
        Part.text("答辩人签名", "答辩人（签名）"),
        SIGNING_DATE,
    ]
    return found


KIND = DocumentKind(
    name="answer",
    title="民事答辩状",
    requested_by="answer",
    needs=("court", "court.served_on", "claims", "answer"),
    template=_template,
    parts=parts,
    context=context,
)
