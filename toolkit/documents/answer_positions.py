"""What the answer admits, contests and pleads first or in the alternative (law.md §9), decided once.

Both answer styles print from these decisions, so they cannot disagree (§9.12). The rules outrank the case
file's ``answer.admitted``: an item is never admitted while limitation has expired or the loan is overpaid
(§9.3, §9.10); an admitted amount is limited to what the capped ledger supports unless the lawyer admits
it knowingly in ``answer.admit_as_claimed`` (§9.1); an item the figures give a ground against is contested
even when the case file does not list it (§9.15: never 无异议 by default where the figures object).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from toolkit.case.labels import CHARGE_ITEMS
from toolkit.case.lender_kinds import licensed
from toolkit.case.models import Case, received_amount
from toolkit.law.deadlines import suit_day
from toolkit.law.figures import Figures
from toolkit.law.money import cents

Stance = Literal["contested", "admitted", "admitted_as_claimed", "open", "not_claimed"]
# Why an item is contested; the wording of each is in toolkit.documents.answer_arguments.
Ground = Literal[
    "limitation", "overpaid", "shortfall", "repayments", "cap", "reduce", "fees", "proof", "acceleration", "arguments"
]
ACCELERATED = ("principal", "interest", "penalty", "compound_interest")  # what falls due early (§9.7)
AMOUNT_ITEMS = ("principal", *CHARGE_ITEMS, "enforcement_costs")


@dataclass(frozen=True)
class Item:
    """One claim item: what is claimed, the stance taken, its grounds and the most it can be (§9.2)."""

    key: str
    claimed: Decimal
    stance: Stance
    grounds: tuple[Ground, ...]
    limit: Decimal | None  # min(claimed, supportable): "超过××元的部分不应支持" / "以××元为限"

    @property
    def contested(self) -> bool:
        return self.stance == "contested"

    @property
    def admitted(self) -> bool:
        return self.stance in ("admitted", "admitted_as_claimed")


@dataclass(frozen=True)
class Positions:
    """The answer's position on every claimed item, decided once for the text and its checks (§9)."""

    expired: bool  # limitation leads; everything else in the alternative (§9.3)
    overpaid: Decimal  # > 0: everything lawful is paid (§9.10)
    items: dict[str, Item]
    charges_limit: Decimal | None  # min(claimed charges, capped charges), the charges taken together
    charges_excess: bool  # claimed charges above the capped charges
    deducted: Decimal  # principal written − received (§3), 0 when none
    rule: Literal["private", "licensed", "licensed_lpr4x", "private_financial24"]  # the cap's footing (§9.4)
    acceleration: Literal["none", "contested", "admitted"]  # §9.7
    overdue_since: dt.date | None
    assigned_from: str | None  # lender.original_name (§9.14)
    costs: Literal["none", "plaintiff", "proportion", "admitted"]  # §9.9
    installments: bool  # offer the proposal's schedule (never with limitation expired or overpaid)
    mediation: bool

    @property
    def alternative(self) -> bool:
        """Whether the merits are pleaded only in the alternative (退一步讲，即使……)."""
        return self.expired

    @property
    def dismiss_all(self) -> bool:
        return self.expired or self.overpaid > 0

    def contested_items(self) -> list[Item]:
        return [item for item in self.items.values() if item.contested]

    def item(self, key: str) -> Item:
        return self.items[key]


def decide(case: Case, figures: Figures) -> Positions:
    """The answer's positions for ``case`` (law.md §9).

    The fact checks, the context, the required parts and the document checks of one document each ask;
    the case and its figures are immutable, so the last answer is given again for the same two objects."""
    last = _LAST_DECIDED.get("last")
    if last is not None and last[0] is case and last[1] is figures:
        return last[2]
    positions = _decide(case, figures)
    _LAST_DECIDED["last"] = (case, figures, positions)
    return positions


_LAST_DECIDED: dict[str, tuple[Case, Figures, Positions]] = {}


def _decide(case: Case, figures: Figures) -> Positions:
    answer, claims, ledger = case.answer, case.claims, figures.ledger
    expired = bool(figures.limitation_expired)
    overpaid = cents(ledger.overpaid) if ledger is not None else Decimal(0)
    claimed_charges = cents(figures.claimed_charges or 0)
    capped_charges = cents(ledger.charges_outstanding) if ledger is not None else None
    charges_excess = capped_charges is not None and claimed_charges > capped_charges
    charges_limit = None if capped_charges is None else min(claimed_charges, capped_charges)
    accelerated = _acceleration(case, figures)
    items: dict[str, Item] = {}
    for key in AMOUNT_ITEMS:
        claimed = cents(getattr(claims, key)) if claims is not None else Decimal(0)
        item = _item(case, figures, key, claimed, expired, overpaid, charges_excess, charges_limit)
        if accelerated == "contested" and key in ACCELERATED and (item.contested or item.stance == "admitted"):
            # an admitted item is then admitted only in the alternative (§9.7)
            item = Item(key, claimed, item.stance, (*item.grounds, "acceleration"), item.limit)
        elif accelerated == "contested" and item.stance == "open" and key in ACCELERATED:
            item = Item(key, claimed, "contested", ("acceleration",), item.limit)
        items[key] = item
    return Positions(
        expired=expired,
        overpaid=overpaid,
        items=items,
        charges_limit=charges_limit,
        charges_excess=charges_excess,
        deducted=cents(case.loan.principal - received_amount(case.loan)),
        rule=_rule(case, figures),
        acceleration=accelerated,
        overdue_since=None if overpaid > 0 else figures.overdue_since,
        assigned_from=case.lender.original_name,
        costs=_costs(case, figures, expired or overpaid > 0),
        installments=bool(answer and answer.request_installments)
        and case.proposal is not None
        and not expired
        and overpaid == 0,
        mediation=bool(answer and answer.request_mediation) and not expired and overpaid == 0,
    )


def _item(
    case: Case,
    figures: Figures,
    key: str,
    claimed: Decimal,
    expired: bool,
    overpaid: Decimal,
    charges_excess: bool,
    charges_limit: Decimal | None,
) -> Item:
    if claimed == 0:
        return Item(key, claimed, "not_claimed", (), None)
    grounds = _grounds(case, figures, key, claimed, charges_excess)
    limit = _limit(figures, key, claimed, charges_limit)
    if expired or overpaid > 0:
        first: Ground = "limitation" if expired else "overpaid"
        return Item(key, claimed, "contested", (first, *grounds), limit)
    answer = case.answer
    if answer is not None and key in answer.admit_as_claimed:
        return Item(key, claimed, "admitted_as_claimed", (), limit)
    if answer is not None and key in answer.admitted:
        return Item(key, claimed, "admitted", (), limit)
    listed = answer is not None and key in answer.contested
    if grounds or listed:
        if not grounds and answer is not None and answer.arguments:
            grounds = ("arguments",)
        return Item(key, claimed, "contested", grounds, limit)
    return Item(key, claimed, "open", (), limit)


def _grounds(case: Case, figures: Figures, key: str, claimed: Decimal, charges_excess: bool) -> tuple[Ground, ...]:
    """The grounds the figures give against ``key`` (law.md §9.5)."""
    ledger = figures.ledger
    if key == "principal":
        found: list[Ground] = []
        if received_amount(case.loan) < case.loan.principal and claimed > cents(figures.principal_recognized):
            found.append("shortfall")
        if ledger is not None and ledger.payments and claimed > cents(ledger.principal_outstanding):
            found.append("repayments")
        return tuple(found)
    if key == "enforcement_costs":
        return ("proof",)
    extra: tuple[Ground, ...] = ()
    if key == "liquidated_damages":
        extra = ("reduce",)
    if key == "fees" and licensed(case.lender.kind):
        extra = ("fees",)
    cap: tuple[Ground, ...] = ("cap",) if charges_excess else ()
    return cap + extra


def _limit(figures: Figures, key: str, claimed: Decimal, charges_limit: Decimal | None) -> Decimal | None:
    """min(claimed, supportable) for the item (§9.2); charges share one limit, taken together."""
    ledger = figures.ledger
    if key == "principal":
        return None if ledger is None else min(claimed, cents(ledger.principal_outstanding))
    if key in CHARGE_ITEMS:
        return charges_limit
    return None


def _rule(case: Case, figures: Figures) -> Literal["private", "licensed", "licensed_lpr4x", "private_financial24"]:
    if licensed(case.lender.kind):
        return "licensed_lpr4x" if figures.rate_cap_basis == "lpr4x" else "licensed"
    return "private_financial24" if figures.rate_cap_basis == "financial24" else "private"


def _acceleration(case: Case, figures: Figures) -> Literal["none", "contested", "admitted"]:
    """Sued before the final due date: the lender claims instalments not yet due (§9.7)."""
    court = case.court
    sued = suit_day(court)
    if sued is None or sued >= figures.final_due_date:
        return "none"
    answer = case.answer
    return "admitted" if answer is not None and "acceleration" in answer.admitted else "contested"


def _costs(case: Case, figures: Figures, dismiss_all: bool) -> Literal["none", "plaintiff", "proportion", "admitted"]:
    """Who should bear the litigation costs (诉讼费用交纳办法 第二十九条, law.md §9.9)."""
    claims, answer = case.claims, case.answer
    if claims is None or not claims.litigation_costs_on_client:
        return "none"
    if dismiss_all or (figures.supportable_total is not None and figures.supportable_total <= 0):
        return "plaintiff"
    if answer is not None and "litigation_costs" in (*answer.admitted, *answer.admit_as_claimed):
        return "admitted"
    return "proportion"
