"""One scenario per rule of law.md §9, in both answer styles, with the wording a lawyer expects and why.

Each scenario starts from a bundled sample and changes the facts the rule turns on; the expected sentences
are derived from law.md (the rule's words, and figures worked by hand where the rounding of law.md §4 does
not change them). Every drafted answer has also passed the document checks of §9.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from documents_support import drafted, paragraphs, sample, with_style

from toolkit.checks import run_fact_checks
from toolkit.law.compute import compute_figures
from toolkit.law.money import yuan

STYLES = ("narrative", "elements")
# 2026-04-10 pays 1,000.00: 31 days' interest first, 18,000.00 × 0.2398 × 31 / 365 = 366.5983… → 366.59 (booked
# rounded down, law.md §4.4), then 633.41 of principal: 17,366.59 of principal left (民法典 第五百六十一条).
REPAID = {"loan.repayments": [{"date": "2026-04-10", "amount": "1000.00"}]}
# Paid far more than principal and capped interest: overpaid (§9.10).
OVERPAID = {
    "loan.repayments": [{"date": "2026-04-10", "amount": "5000.00"}, {"date": "2026-06-10", "amount": "16000.00"}],
    "answer.admitted": [],
}
# A bank loan in 12 monthly instalments to 2027-01-10, sued on 2026-10-20: instalments not yet due (§9.7).
ACCELERATED = {
    "lender.kind": "bank",
    "lender.name": "某某银行股份有限公司北京分行",
    "loan.contract_date": "2026-01-10",
    "loan.disbursed_on": "2026-01-10",
    "loan.repayment": "equal_installments",
    "loan.term_months": 12,
    "loan.first_due_date": "2026-02-10",
    "loan.final_due_date": "2027-01-10",
    "loan.annual_rate": "0.18",
    "loan.overdue_rate": "0.27",
    "loan.repayments": [{"date": "2026-02-10", "amount": "1650.00"}, {"date": "2026-03-10", "amount": "1650.00"}],
    "claims.principal": "15600.00",
    "claims.interest": "1200.00",
    "claims.penalty": "300.00",
    "claims.fees": "0",
    "claims.total": "17100.00",
    "answer.admitted": [],
    "answer.contested": [],
    "answer.request_installments": False,
}


def text(name: str, style: str, changes: dict[str, Any] | None = None, allow: tuple[str, ...] = ()) -> str:
    return "\n".join(drafted(with_style(sample(name, changes), style), "answer", allow=allow).document.paragraphs)


def lines(name: str, style: str, changes: dict[str, Any] | None = None) -> list[str]:
    return paragraphs(with_style(sample(name, changes), style), "answer")


def row(found: list[str], label: str) -> list[str]:
    """The lines of one element-form row: from its label to the next label (a line ending 有无异议 …)."""
    start = found.index(label) + 1
    end = start
    while end < len(found) and not (
        found[end].endswith("有无异议") or found[end] in ("证据清单", "其他需要说明的内容")
    ):
        end += 1
    return found[start:end]


def finding_ids(name: str, changes: dict[str, Any] | None = None) -> set[str]:
    case = sample(name, changes)
    return {f.id for f in run_fact_checks(case, compute_figures(case), ["answer"])}


# §9.1 never admit more than the law supports


@pytest.mark.parametrize("style", STYLES)
def test_admitted_principal_is_limited_to_the_ledger(style: str) -> None:
    """admitted: [principal], claimed 18,000.00, the ledger leaves 17,366.59: admitted only 以17,366.59元为限."""
    found = text("case", style, REPAID)
    assert "答辩人认可的本金以17,366.59元为限。" in found
    assert "超过17,366.59元的部分不应支持" in found
    assert "本金18,000.00元无异议" not in found and "本金18,000.00元，答辩人予以认可" not in found
    assert "ANSWER-ADMIT-ABOVE-LEDGER" in finding_ids("case", REPAID)


@pytest.mark.parametrize("style", STYLES)
def test_admit_as_claimed_is_the_lawyers_knowing_choice(style: str) -> None:
    changes = {**REPAID, "answer.admitted": [], "answer.admit_as_claimed": ["principal"]}
    found = text("case", style, changes)
    assert "本金18,000.00元" in found and ("无异议" in found)
    assert "ANSWER-ADMIT-AS-CLAIMED" in finding_ids("case", changes)


# §9.2 never a figure above the claim; the recognised principal is a base, not a debt


@pytest.mark.parametrize("style", STYLES)
def test_recognised_principal_is_the_base_of_the_computation(style: str) -> None:
    """private-downpayment: 50,000.00 written, 47,000.00 received: 47,000.00 is the base (§3); the principal
    asked is min(claimed 50,000.00, the ledger's principal) and the request is "超过××元的部分不应支持"."""
    found = text("private-downpayment", style)
    assert "计息本金应以实际出借的47,000.00元为基数" in found
    assert "本金应认定为" not in found and "应认定为47,000.00元" not in found
    figures = compute_figures(sample("private-downpayment"))
    assert figures.ledger is not None
    limit = min(Decimal("50000.00"), figures.ledger.principal_outstanding)
    assert f"超过{yuan(limit)}元的部分不" in found


# §9.3 limitation first, everything else in the alternative


@pytest.mark.parametrize("style", STYLES)
def test_expired_limitation_leads_and_the_rest_is_alternative(style: str) -> None:
    """bank-expired: last instalment 2020-06-20 + 3 years = 2023-06-20 < filing 2026-09-01."""
    found = text("bank-expired", style)
    assert "退一步讲，即使法院认为本案未超过诉讼时效" in found
    claims = found.split("事实和理由")[0].replace("有无异议", "")
    assert "无异议" not in claims and "予以认可" not in claims
    assert "分期" not in found and "调解" not in found


def test_expired_narrative_asks_dismissal_first() -> None:
    found = lines("bank-expired", "narrative")
    requests = found[found.index("答辩请求") + 1 : found.index("事实和理由")]
    assert requests[0] == "请求依法驳回原告的全部诉讼请求。"
    assert requests[1].startswith("退一步讲，即使法院认为本案未超过诉讼时效，请求")


def test_expired_element_rows_open_with_the_defence() -> None:
    found = lines("bank-expired", "elements")
    for label in (
        "对本金有无异议",
        "对利息（期内利息、复利、罚息）有无异议",
        "对实现债权的费用有无异议",
        "对标的总额有无异议",
    ):
        assert row(found, label)[0].startswith("有异议：已过诉讼时效。"), label
    assert row(found, "对担保权利诉请有无异议") == ["无（原告未主张）。"]
    assert row(found, "对提前还款或解除合同有无异议")[0].startswith("无（原告未主张）。")


def test_expired_rate_row_states_the_fact_and_argues_the_cap_in_the_alternative() -> None:
    """§9.3: every argument but limitation is pleaded in the alternative, the rate row's too (bank-expired agreed
    18 % and 27 % overdue, above the 24 % cap); the fact itself stays undisputed, as §9.15 has it."""
    rate = row(lines("bank-expired", "elements"), "对借款利率有无异议")
    assert rate[0] == "对约定利率的事实无异议。约定期内年利率18%，逾期年利率27%。"
    assert rate[1].startswith("退一步讲，即使法院认为本案未超过诉讼时效，超过法定上限的部分也不应支持。")


def test_an_admission_after_expiry_is_an_error() -> None:
    assert "ANSWER-ADMIT-BARRED" in finding_ids("bank-expired", {"answer.admitted": ["principal"]})


# §9.4 the right rule for the lender's kind


@pytest.mark.parametrize("style", STYLES)
def test_bank_answer_asks_for_the_24_percent_reduction_and_never_cites_private_lending_as_binding(style: str) -> None:
    changes = {"lender.kind": "bank", "lender.name": "某某银行股份有限公司", "loan.disbursed": "17000.00"}
    found = text("case", style, changes)
    assert "答辩人请求对原告主张的利息、复利、罚息、违约金和其他费用总计超过年利率24%的部分予以调减" in found
    assert "第二十五条" not in found and "第二十六条" not in found
    assert "《中华人民共和国民法典》第六百七十条" in found  # 砍头息 for a licensed lender: 民法典 only


@pytest.mark.parametrize("style", STYLES)
def test_lpr4x_on_a_licensed_lender_is_asked_by_analogy(style: str) -> None:
    changes = {"loan.rate_cap_basis": "lpr4x", "lender.kind": "consumer_finance", "lender.name": "某某消费金融有限公司"}
    found = text("case", style, changes)
    assert "答辩人请求参照《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条确定利率上限" in found
    assert "总计超过年利率24%的部分予以调减" in found  # the 24 % in any event
    # the element form's claim rows come before its rate row, which argues the analogy: they name it in full
    referred = "上述参照的上限" if style == "narrative" else "参照一年期贷款市场报价利率四倍确定的上限"
    assert f"按{referred}计至2026年10月20日" in found


LPR4X_CF = {"loan.rate_cap_basis": "lpr4x", "lender.kind": "consumer_finance", "lender.name": "某某消费金融有限公司"}


def test_lpr4x_for_a_licensed_lender_is_a_request_in_the_letters_and_the_messages_too() -> None:
    """§9.4: 4 × LPR is asked 参照 for a licensed lender, never stated as the law (依据) that binds it, and the
    24 % cap of 法发〔2017〕22号 第二条 is the limit in any event: in the settlement proposal and in the finding."""
    settlement = "\n".join(paragraphs(sample("case", LPR4X_CF), "settlement"))
    assert "参照《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》" in settlement
    assert "依据《最高人民法院关于审理民间借贷案件" not in settlement
    assert (
        "无论是否参照，依据《最高人民法院关于进一步加强金融审判工作的若干意见》（法发〔2017〕22号）第二条" in settlement
    )
    assert "按参照的上限计算至2026年10月20日，被申请人依法最多可主张" in settlement
    case = sample("case", LPR4X_CF)
    above = [f.message for f in run_fact_checks(case, compute_figures(case), ["answer"]) if f.id == "RATE-ABOVE-CAP"]
    assert above and all("参照四倍 LPR 确定的上限" in m and "年利率 24% 才是法定上限" in m for m in above)
    assert not any("依法不予支持" in m for m in above)


# §9.5 a reason for every contested item; §9.6 only what the lawyer knows


@pytest.mark.parametrize("style", STYLES)
def test_each_contested_item_has_its_reason(style: str) -> None:
    found = text("private-downpayment", style)
    assert "原告应当举证证明双方对该费用有约定、该费用已实际支付且数额合理" in found  # 律师费 3,000.00
    assert "第五百八十五条第二款" in found and "根据当事人的请求予以适当减少" in found  # 违约金 5,000.00


@pytest.mark.parametrize("style", STYLES)
def test_fees_rest_on_the_lack_of_proof(style: str) -> None:
    found = text("case", style)
    assert "原告未举证证明该费用对应实际提供的服务" in found
    assert "未对应任何实际提供的服务" not in found


def test_a_contest_without_ground_is_an_error() -> None:
    """Principal 18,000.00 claimed = received = the ledger's, no repayment, no argument: nothing to object with."""
    changes = {"answer.admitted": [], "answer.contested": ["principal"]}
    assert "ANSWER-NO-GROUND" in finding_ids("case", changes)
    assert "ANSWER-NO-GROUND" not in finding_ids("case", {**changes, "answer.arguments": ["原告未提交借款凭证原件。"]})


# §9.7 acceleration and default


@pytest.mark.parametrize("style", STYLES)
def test_acceleration_is_put_to_proof(style: str) -> None:
    found = text("case", style, ACCELERATED)
    assert "原告应当举证证明借款合同约定了提前到期（加速到期）的条件且该条件已经成就" in found
    assert "ANSWER-ACCELERATION" in finding_ids("case", ACCELERATED)


def test_acceleration_row_and_overdue_row() -> None:
    found = lines("case", "elements", ACCELERATED)
    assert row(found, "对提前还款或解除合同有无异议")[0].startswith("有异议。借款的最后还款日为2027年1月10日")
    # instalments: nothing derived; the payments and "以原告举证为准" (law.md §9.7)
    assert row(found, "对是否逾期还款有无异议")[0].startswith(
        "有异议。答辩人已还款2次，最后一次于2026年3月10日还款1,650.00元；逾期起算日以原告举证为准"
    )
    admitted = lines("case", "elements", {**ACCELERATED, "answer.admitted": ["acceleration"]})
    assert row(admitted, "对提前还款或解除合同有无异议")[0].startswith("无异议。")


def test_overdue_row_of_a_bullet_loan_and_a_given_day() -> None:
    """Bullet loan due 2026-05-10: overdue from that day unless the complaint says another."""
    found = lines("case", "elements")
    assert row(found, "对是否逾期还款有无异议") == [
        "无异议。借款于2026年5月10日到期，答辩人未能按期还清，逾期自2026年5月10日起算。"
    ]
    given = lines("case", "elements", {"loan.overdue_since": "2026-05-11"})
    assert row(given, "对是否逾期还款有无异议") == ["无异议。逾期自2026年5月11日起算。"]


# §9.8 evidence


@pytest.mark.parametrize("style", STYLES)
def test_default_evidence_lists_the_clients_best_evidence(style: str) -> None:
    changes = {**REPAID, "answer.evidence": None, "loan.disbursed": "17000.00"}
    found = lines("case", style, changes)
    listed = found[found.index("证据清单") + 1 :][:3]
    assert listed == [
        "1. 编号为XM-2026-0310-001的借款合同（证明目的：证明借款合同约定的利率和期限）",
        "2. 银行流水（放款到账记录）（证明目的：证明答辩人实际收到借款17,000.00元）",
        "3. 还款记录（证明目的：证明答辩人已还款1次，合计1,000.00元）",
    ]


def test_evidence_items_may_be_mappings() -> None:
    item = {"name": "微信转账记录", "source": "答辩人手机", "purpose": "证明已还款1,000元", "pages": "3-5"}
    found = lines("case", "narrative", {"answer.evidence": ["借款合同", item]})
    listed = found[found.index("证据清单") + 1 :][:2]
    assert listed == ["1. 借款合同", "2. 微信转账记录（来源：答辩人手机；证明目的：证明已还款1,000元；第3-5页）"]


# §9.9 costs


@pytest.mark.parametrize("style", STYLES)
def test_costs_follow_the_outcome(style: str) -> None:
    live = text("case", style)
    assert "原告主张超出依法可支持数额的部分所对应的诉讼费用（含保全申请费），应由原告负担" in live
    expired = text("bank-expired", style)
    assert "本案诉讼费用（含保全申请费）应由原告负担" in expired
    none = text("case", style, {"claims.litigation_costs_on_client": False})
    assert "诉讼费用交纳办法" not in none


# §9.10 overpaid


@pytest.mark.parametrize("style", STYLES)
def test_overpaid_loan_is_argued_as_paid_in_full(style: str) -> None:
    found = text("case", style, OVERPAID)
    figures = compute_figures(sample("case", OVERPAID))
    assert figures.ledger is not None and figures.ledger.overpaid > 0
    assert "答辩人已清偿依法可支持的全部本金和利息费用" in found
    assert f"对多付的{yuan(figures.ledger.overpaid)}元，答辩人保留另行主张返还的权利。" in found
    claims = found.split("事实和理由")[0].replace("有无异议", "")
    assert "无异议" not in claims and "分期" not in found and "调解" not in found


@pytest.mark.parametrize("style", STYLES)
def test_overpaid_answer_still_gives_the_reason_the_fees_count_inside_the_cap(style: str) -> None:
    """§9.5 and §9.12: the sample's 1,387.23 of fees are disguised interest in both styles, overpaid or not."""
    found = text("case", style, OVERPAID)
    assert "原告主张服务费等其他费用1,387.23元" in found
    assert "原告未举证证明该费用对应实际提供的服务" in found and "《全国法院民商事审判工作会议纪要》第51条" in found


def test_overpaid_overdue_row_says_since_when_until_the_payment_that_cleared_it() -> None:
    """§9.7: a bullet loan due 2026-05-10 is overdue from that day; OVERPAID's 16,000.00 of 2026-06-10 cleared
    it (§9.10): the row says both, as the table's overdue rows show. Paid 21,000.00 on 2026-04-10 instead, before
    the due date (18,000.00 + 31 days' 366.59 < 21,000.00), the loan was never overdue."""
    late = row(lines("case", "elements", OVERPAID), "对是否逾期还款有无异议")
    assert late[0].startswith("有异议。逾期自2026年5月10日起算，答辩人于2026年6月10日还款，按法定利率上限冲抵后")
    early = {"loan.repayments": [{"date": "2026-04-10", "amount": "21000.00"}], "answer.admitted": []}
    on_time = row(lines("case", "elements", early), "对是否逾期还款有无异议")
    assert on_time[0].startswith("有异议。借款的最后还款日为2026年5月10日；按法定利率上限冲抵后")
    assert "逾期自" not in on_time[0] and "现不存在逾期未还的款项" in on_time[0]


def test_overpaid_narrative_asks_dismissal() -> None:
    found = lines("case", "narrative", OVERPAID)
    assert found[found.index("答辩请求") + 1] == "请求依法驳回原告的全部诉讼请求。"


# §9.12 one voice: both styles take the same positions


@pytest.mark.parametrize(
    ("name", "changes"), [("case", REPAID), ("private-downpayment", None), ("bank-expired", None), ("case", OVERPAID)]
)
def test_both_styles_take_the_same_positions(name: str, changes: dict[str, Any] | None) -> None:
    narrative, elements = text(name, "narrative", changes), text(name, "elements", changes)
    for phrase in ("退一步讲", "以17,366.59元为限", "保留另行主张返还", "计息本金应以实际出借的", "分期偿还"):
        assert (phrase in narrative) == (phrase in elements), phrase


# §9.13 jurisdiction, §9.14 standing


def test_jurisdiction_is_considered_before_answering() -> None:
    assert "JURISDICTION-CHECK" in finding_ids("case")


@pytest.mark.parametrize("style", STYLES)
def test_an_assigned_debt_puts_the_plaintiff_to_proof(style: str) -> None:
    changes = {"lender.original_name": "某某信托有限公司"}
    found = text("case", style, changes)
    assert "原告应当举证证明债权转让的事实，并证明已将债权转让通知答辩人" in found
    assert "未通知债务人的，该转让对债务人不发生效力" in found
    assert "ANSWER-STANDING" in finding_ids("case", changes)


def test_an_assigned_debt_is_argued_under_the_original_lenders_rules_and_contracted_with_it() -> None:
    """§9.14: the cap follows the lender that lent, named as such; and neither letter says the client signed
    with the assignee, whose assignment the answer puts to proof."""
    changes = {"lender.original_name": "某某信托有限公司"}
    answer = text("case", "narrative", changes)
    assert "原债权人某某信托有限公司系小额贷款公司" in answer and "原告系小额贷款公司" not in answer
    hardship = "\n".join(paragraphs(sample("case", changes), "hardship"))
    settlement = "\n".join(paragraphs(sample("case", changes), "settlement"))
    assert "说明人于2026年3月10日与某某信托有限公司签订" in hardship
    assert "申请人于2026年3月10日与某某信托有限公司签订" in settlement


def test_assigned_debt_contests_the_parties_row() -> None:
    found = lines("private-downpayment", "elements", {"lender.original_name": "王某某"})
    assert row(found, "对签订主体有无异议")[0].startswith("有异议。借款合同的出借人为王某某")


# §9.15 fact rows


def test_fact_rows_object_where_the_figures_do() -> None:
    found = lines("private-downpayment", "elements")
    assert row(found, "对借款金额有无异议")[0].startswith(
        "有异议。借款合同载明本金50,000.00元，答辩人实际收到47,000.00元"
    )
    assert (
        row(found, "对借款利率有无异议")[0] == "对约定利率的事实无异议，超过法定上限的部分不应支持。约定期内年利率24%。"
    )
    assert row(found, "对还款情况有无异议")[0].startswith("有异议。答辩人已还款1次，合计5,000.00元")
    plain = lines("case", "elements")
    assert row(plain, "对借款金额有无异议")[0].startswith("无异议。")


@pytest.mark.parametrize("style", STYLES)
def test_a_payment_after_expiry_waives_at_most_what_was_paid(style: str) -> None:
    """law.md §5: a payment after expiry restarts nothing; the answer still leads with limitation and argues
    that the payment waived at most the amount paid. bank-expired's period ran out on 2023-06-20 (last
    instalment 2020-06-20 + 3 years); 500.00 paid on 2024-01-10 is after it."""
    paid = [{"date": "2019-07-20", "amount": "2750.00"}, {"date": "2024-01-10", "amount": "500.00"}]
    found = text("bank-expired", style, {"loan.repayments": paid})
    assert "答辩人于2024年1月10日还款合计500.00元，发生在诉讼时效期间届满之后" in found
    assert "其效力也至多及于已经支付的500.00元" in found
    assert found.index("诉讼时效抗辩") < found.index("其效力也至多及于")


@pytest.mark.parametrize("style", STYLES)
def test_a_disputed_demand_is_put_to_proof(style: str) -> None:
    """law.md §5: a demand the client denies receiving is left out (expiry stays 2023-06-20) and contested:
    the lender must prove it reached the client (诉讼时效规定 第八条 "到达或者应当到达")."""
    demand = [{"date": "2023-05-01", "kind": "demand", "note": "短信催收", "disputed": True}]
    found = text("bank-expired", style, {"loan.interruptions": demand})
    assert "原告所称2023年5月1日的催收（短信催收），答辩人否认收到" in found
    assert "原告应当举证证明该催收已经到达答辩人" in found


# §4.4: a figure taken from the tables adds up as printed. private-downpayment, capped at 4 × 3.85 % = 15.4 %
# (law.md §2), worked by hand, each row rounded down to the cent: 47,000.00 × 0.154 × 214 / 365 = 4,243.649… →
# 4,243.64; 46,243.64 × 0.154 × 151 / 365 = 2,946.163… → 2,946.16; × 1,580 / 365 = 30,827.404… → 30,827.40;
# the table's 合计 4,243.64 + 2,946.16 + 30,827.40 = 38,017.20. The 5,000.00 repaid on 2022-01-15 pays the
# 4,243.64 then due first (民法典 第五百六十一条), so 38,017.20 − 4,243.64 = 33,773.56 may still be claimed.
@pytest.mark.parametrize("style", STYLES)
def test_the_claimable_charges_are_reconciled_with_the_tables_total(style: str) -> None:
    found = text("private-downpayment", style)
    if style == "narrative":
        assert (
            "超过33,773.56元的部分不应支持（利息计算表合计38,017.20元，扣除还款冲抵的4,243.64元后为33,773.56元）"
            in found
        )
    else:
        assert "合计38,017.20元，扣除还款冲抵的4,243.64元后为33,773.56元" in found


def test_without_repayments_the_narrative_points_to_the_table_alone() -> None:
    """The sample repaid nothing: the table's 合计 2,650.57 is the figure itself (721.37 + 1,929.20)."""
    found = text("case", "narrative")
    assert "超过2,650.57元的部分不应支持（计算见利息计算表）" in found and "扣除还款冲抵" not in found
