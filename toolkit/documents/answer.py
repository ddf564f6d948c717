"""民事答辩状: the answer to the complaint, narrative (2016 文书样式) or element form (法〔2025〕82号).

What the answer admits and contests is decided once (:mod:`toolkit.documents.answer_positions`); both
styles print it, and the legal basis lists exactly the provisions of the arguments made (law.md §8, §9).
An instalment plan offered to the court carries the reservation of a settlement letter (law.md §9.11):
the offer is a compromise, not an admission of the amount it pays.
"""

from __future__ import annotations

from typing import Any

from toolkit.case.labels import CHARGE_ITEMS
from toolkit.case.lender_kinds import licensed
from toolkit.case.models import Case
from toolkit.documents import answer_narrative as narrative
from toolkit.documents.answer_arguments import scope_key
from toolkit.documents.answer_elements import element_rows
from toolkit.documents.answer_evidence import evidence
from toolkit.documents.answer_facts import PLAN, plan_reservation
from toolkit.documents.answer_forms import element_form, form_for
from toolkit.documents.answer_positions import Positions, decide
from toolkit.documents.base import SIGNING_DATE, DocumentKind, KindOption, Part
from toolkit.documents.context import base_context
from toolkit.documents.letter_wording import RESERVATION
from toolkit.law.arguments import provisions
from toolkit.law.citations import cite_groups
from toolkit.law.figures import Figures

PLAN_RESERVATION = Part.text("和解保留", f"{PLAN}{RESERVATION}")  # under an instalment plan, in both styles


def _template(case: Case) -> str:
    style = case.answer.style if case.answer else "narrative"
    return "answer-elements" if style == "elements" else "answer"


def show(case: Case, figures: Figures, pos: Positions) -> dict[str, bool]:
    """Which parts of the template print (the sections themselves come from the positions)."""
    ledger = figures.ledger
    principal = pos.item("principal")
    return {
        "limitation": pos.expired,
        "ledger": ledger is not None and (pos.charges_excess or pos.overpaid > 0 or "repayments" in principal.grounds),
        "payments": ledger is not None and bool(ledger.payments),
        "installments": pos.installments and bool(figures.schedule),
        "mediation": pos.mediation,
    }


def legal_basis(case: Case, figures: Figures, pos: Positions) -> list[str]:
    """The provisions the arguments rest on (each argument's in arguments.yaml), grouped by instrument, in the
    order the answer argues them."""
    argued: list[str] = []
    keys: list[str] = []
    if pos.expired:
        argued += ["limitation_period", "limitation_defence", "limitation_first_instance"]
        argued += ["limitation_period_installments"] if case.loan.repayment != "bullet" else []
    if pos.assigned_from:
        argued.append("assignment_notice")
    if pos.deducted > 0:
        argued += ["deducted_interest"] + ([] if licensed(case.lender.kind) else ["deducted_interest_private"])
    keys += provisions(*argued)
    argued = []
    if any(pos.item(key).claimed > 0 for key in CHARGE_ITEMS):  # the cap section is printed (§9.4)
        if pos.rule in ("licensed", "licensed_lpr4x"):
            keys.append(scope_key(case))  # the lender kind's row of caps.yaml
            argued.append("financial_cap")
        elif pos.rule == "private":
            keys += [key for cap in figures.caps for key in cap.references]  # the cap's own, from caps.yaml
        else:
            argued.append("financial_cap")
    if pos.item("liquidated_damages").contested:
        argued += ["damages_reduce", "damages_excessive"]
    if "fees" in pos.item("fees").grounds:
        argued.append("disguised_fees")
    if pos.item("enforcement_costs").contested:
        argued.append("enforcement_costs_proof")
    if case.loan.repayments:
        argued.append("repayment_order")
    if pos.costs in ("plaintiff", "proportion"):
        argued.append("litigation_costs")
    if pos.mediation:
        argued.append("mediation")
    if show(case, figures, pos)["installments"]:
        argued.append("no_admission")
    return cite_groups([*keys, *provisions(*argued)])


def context(case: Case, figures: Figures) -> dict[str, Any]:
    result = base_context(case, figures)
    pos = decide(case, figures)
    basis = legal_basis(case, figures, pos)
    shown = show(case, figures, pos)
    result["doc"] = {
        "title": "民事答辩状",
        "show": shown,
        "requests": narrative.requests(case, figures, pos),
        "before_table": narrative.before_table(case, figures, pos),
        "after_table": narrative.after_table(case, figures, pos),
        "hardship_summary": case.hardship.summary if case.hardship and pos.installments else None,
        "reservation": plan_reservation(case) if shown["installments"] else None,
        "conclusion": narrative.conclusion(pos),
        "legal_basis": basis,
        "evidence": evidence(case),
        "copies": 1,
    }
    if _template(case) == "answer-elements":
        result["doc"]["elements"] = element_rows(case, figures, pos, basis)
    return result


def parts(case: Case, figures: Figures) -> list[Part]:
    if _template(case) == "answer-elements":
        return _element_parts(case, figures)
    court = case.court.name if case.court else ""
    pos = decide(case, figures)
    found = [Part.text("标题", "民事答辩状"), Part.text("答辩人"), Part.text("答辩如下")]
    found += [Part.text("答辩请求"), Part.text("事实和理由")]
    if pos.expired:
        found += [Part.text("诉讼时效抗辩"), Part.text("备位答辩", "退一步讲")]
    shown = show(case, figures, pos)
    if shown["ledger"]:
        found.append(Part.text("利息计算表"))
    if shown["installments"]:
        found.append(PLAN_RESERVATION)
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
    """Every row of the case's element form, in the form's order (law.md §8); the limitation defence, when
    raised, under 免责/减责事由."""
    form = element_form(form_for(case))
    found = [Part.text("标题", form.title), Part.text("案号"), Part.text("答辩人"), Part.text(form.claims.title)]
    found += [Part.text(row.label) for row in form.claims.rows]
    found.append(Part.text(form.facts.title))
    for row in form.facts.rows:
        found.append(Part.text(row.label))
        if row.key == "defences" and figures.limitation_expired:
            found.append(Part.text("诉讼时效抗辩"))
    if show(case, figures, decide(case, figures))["installments"]:
        found.append(PLAN_RESERVATION)
    found += [
        Part.text("证据清单"),
        Part.text("答辩人签名", "答辩人（签名）"),
        SIGNING_DATE,
    ]
    return found


def _styled(case: Case, style: str) -> Case:
    """The case with ``answer.style`` set from ``--style`` (a case without an answer section is left as it is)."""
    if case.answer is None:
        return case
    return case.model_copy(update={"answer": case.answer.model_copy(update={"style": style})})


KIND = DocumentKind(
    name="answer",
    title="民事答辩状",
    requested_by="answer",
    needs={
        "court": "法院与诉讼信息（法院名称、案号、立案日、收到起诉状副本之日）",
        "court.served_on": "收到起诉状副本之日（答辩期限由此起算）",
        "claims": "原告的诉讼请求（照起诉状填写各项金额和利息计算截止日）",
        "answer": "答辩状的选择（认可、异议的项目等）",
    },
    template=_template,
    parts=parts,
    context=context,
    order=10,
    summary="起草民事答辩状（叙述式或要素式）",
    options=(
        KindOption(
            "style",
            ("narrative", "elements"),
            "narrative 叙述式（默认，或按案件文件 answer.style）| elements 要素式",
            _styled,
        ),
    ),
)
