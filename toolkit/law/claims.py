"""What the lender claims, against what the capped ledger supports (law.md §4).

Charges are interest, penalty, compound interest, liquidated damages and fees together: the rate caps
count them together (法发〔2017〕22号 第二条; 民间借贷规定 第二十九条). Enforcement costs stand outside
the cap and are shown apart.
"""

from __future__ import annotations

from decimal import Decimal

from toolkit.case.models import Claims


def claimed_charges(claims: Claims) -> Decimal:
    """interest + penalty + compound_interest + liquidated_damages + fees."""
    return claims.interest + claims.penalty + claims.compound_interest + claims.liquidated_damages + claims.fees


def claimed_total(claims: Claims) -> Decimal:
    """principal + charges + enforcement_costs."""
    return claims.principal + claimed_charges(claims) + claims.enforcement_costs


def excess(claims: Claims, supportable_total: Decimal) -> Decimal:
    """How far principal and charges claimed exceed what can be supported: max(0, claimed − supportable)."""
    return max(Decimal(0), claims.principal + claimed_charges(claims) - supportable_total)
