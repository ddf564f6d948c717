"""The hardship statement and the settlement proposal cannot be used against the client (law.md §5, §6, §8,
§9.9, §9.11). Every expected sentence below is written from law.md, not copied from a rendering:

- §9.11: each letter says "本函系为协商和解而作出的妥协，不构成对债务数额的自认" (with its own noun, 本方案 / 本说明);
  in a pending suit it cites 民诉法解释 第一百零七条 (依照), before suit it says 参照 and an info finding tells
  the lawyer the protection is uncertain; the capped figure appears only as "按法定上限计算，……依法最多可主张";
  the lender's block has its 法定代表人 or 授权代表 line and its 统一社会信用代码 when known.
- §9.9: in a pending suit, withdrawal (the plaintiff bears the 受理费, 诉讼费用交纳办法 第三十四条) or a 调解书
  (borne as the parties agree, 第三十一条); the halving of 第十五条 only where it is certain (普通程序).
- §8: a missed instalment accelerates only the unpaid settlement balance, 15 days after written notice;
  waived items never revive; on acceptance the lender withdraws or agrees a 调解书, stops collection, asks for
  the release of 保全 and reports the account as settled.
- §6: the down payment is due within 7 days of the lender's written acceptance unless a date is given.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from documents_support import drafted, paragraphs, run_draft, sample, table_rows, with_style
from support import DELETE

from toolkit.case.identity import credit_code_check_char
from toolkit.case.models import Case
from toolkit.checks import check_document
from toolkit.documents import kind
from toolkit.law.compute import compute_figures

ARTICLE_107 = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百零七条"
# A credit code whose 18th character is its GB 32100 check character.
CREDIT_CODE = "91500000MA5UCK123" + credit_code_check_char("91500000MA5UCK123")
BEFORE_SUIT = {"court": DELETE, "answer": DELETE}
# 诉前调解: the court is known, nothing is filed and there is no case number yet.
COURT_BEFORE_FILING = {"court.filed_on": DELETE, "court.case_number": DELETE, "proposal.addressee": "court"}


def _text(case: Case, name: str) -> str:
    return "\n".join(paragraphs(case, name))


NOUNS = {"hardship": ("本说明", "说明人"), "settlement": ("本方案", "申请人")}
PENDING = [
    ("to the lender", {}),
    ("to the court", {"proposal.addressee": "court"}),
]
NOT_FILED = [
    ("to the lender", BEFORE_SUIT),
    ("to the court before filing", COURT_BEFORE_FILING),
]


@pytest.mark.parametrize("name", ["hardship", "settlement"])
@pytest.mark.parametrize(("label", "changes"), PENDING, ids=[p[0] for p in PENDING])
def test_reservation_in_a_pending_suit_cites_article_107(name: str, label: str, changes: dict[str, object]) -> None:
    noun, speaker = NOUNS[name]
    result = drafted(sample("case", changes), name)
    text = result.document.text
    assert f"{noun}系为协商和解而作出的妥协，不构成对债务数额的自认。" in text
    assert (
        f"依照{ARTICLE_107}，{speaker}为达成调解协议或者和解协议作出妥协而认可的事实，"
        f"不得在后续的诉讼中作为对{speaker}不利的根据。"
    ) in text
    assert "参照" not in text
    assert "LETTER-BEFORE-SUIT" not in {f.id for f in result.findings}


@pytest.mark.parametrize("name", ["hardship", "settlement"])
@pytest.mark.parametrize(("label", "changes"), NOT_FILED, ids=[p[0] for p in NOT_FILED])
def test_reservation_before_suit_says_by_analogy_and_the_lawyer_is_told(
    name: str, label: str, changes: dict[str, object]
) -> None:
    noun = NOUNS[name][0]
    result = drafted(sample("case", changes), name)
    text = result.document.text
    assert f"{noun}系为协商和解而作出的妥协，不构成对债务数额的自认。参照{ARTICLE_107}的规定，" in text
    assert "依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》" not in text
    uncertain = [f for f in result.findings if f.id == "LETTER-BEFORE-SUIT"]
    assert [f.severity for f in uncertain] == ["info"]
    assert "并不确定" in uncertain[0].message
    # a letter before suit names no suit and no costs of one
    assert "诉讼费用交纳办法" not in text and "撤回对申请人的起诉" not in text


def test_the_capped_figure_is_only_an_argument() -> None:
    """Every sentence that gives what the lender can claim at most says it is a computation under the cap."""
    for name in ("hardship", "settlement"):
        sentences = re.split(r"(?<=。)", _text(sample(), name))
        capped = [s for s in sentences if "依法最多可主张" in s]
        assert all("按法定上限计算" in s for s in capped), capped
        assert not [s for s in sentences if re.search(r"尚欠|欠款|确认.*元|应偿还", s)]
    settlement = _text(sample(), "settlement")
    assert "按法定上限计算至2026年10月20日，被申请人依法最多可主张本金18,000.00元" in settlement


def test_lender_signs_through_its_representative_with_its_credit_code() -> None:
    lines = paragraphs(sample("case", {"lender.credit_code": CREDIT_CODE}), "settlement")
    assert lines[-6:] == [
        "申请人（签名）：",
        "被申请人（盖章）：",
        f"统一社会信用代码：{CREDIT_CODE}",
        "法定代表人或授权代表（签名）：",
        "同意日期： 年 月 日",  # the lender dates its acceptance: the down payment runs from it
        "2026年11月29日",
    ]
    party = f"被申请人：重庆市小米小额贷款有限公司，住所地重庆市渝北区金开大道100号，统一社会信用代码{CREDIT_CODE}。"
    assert party in lines
    assert "法定代表人：张某。" in lines
    # no code known: no code line, still the representative's line
    signature = ["被申请人（盖章）：", "法定代表人或授权代表（签名）：", "同意日期： 年 月 日", "2026年11月29日"]
    assert paragraphs(sample(), "settlement")[-4:] == signature


def test_a_natural_person_lender_signs_alone() -> None:
    assert paragraphs(sample("private-downpayment"), "settlement")[-4:] == [
        "申请人（签名）：",
        "被申请人（签名）：",
        "同意日期： 年 月 日",
        "2026年11月30日",
    ]


def test_costs_under_the_simplified_procedure_do_not_promise_halving() -> None:
    """The sample is 简易程序: already halved under 第十六条; halving again is unverified (law.md §9.9)."""
    text = _text(sample(), "settlement")
    assert (
        "依照《诉讼费用交纳办法》第三十一条、第三十四条，被申请人撤诉的，案件受理费由被申请人负担；"
        "以调解方式结案的，诉讼费用由双方协商负担。"
    ) in text
    assert "减半" not in text


def test_costs_under_the_ordinary_procedure_with_costs_waived() -> None:
    changes = {"court.procedure": "普通程序", "proposal.waive": ["interest", "litigation_costs"]}
    text = _text(sample("case", changes), "settlement")
    assert (
        "依照《诉讼费用交纳办法》第十五条、第三十一条、第三十四条，被申请人撤诉或者以调解方式结案的，案件受理费减半交纳；"
        "被申请人撤诉的，案件受理费由被申请人负担；以调解方式结案的，诉讼费用由双方协商负担，申请人提议由被申请人负担。"
    ) in text


def test_default_clause_accelerates_only_the_unpaid_balance_after_notice() -> None:
    lines = paragraphs(sample(), "settlement")
    clause = lines[lines.index("违约责任") + 1]
    assert clause == (
        "申请人任何一期款项逾期未付的，被申请人可以书面通知申请人；申请人自收到书面通知之日起15日内仍未付清该期款项的，"
        "被申请人有权要求申请人一次性支付本方案项下尚未支付的余款。已减免的款项不因申请人逾期而恢复，"
        "被申请人不得就已减免的款项另行主张。"
    )


def test_lender_obligations_on_acceptance() -> None:
    lines = paragraphs(sample(), "settlement")
    assert lines[lines.index("对方义务") + 1] == (
        "本方案自被申请人书面同意之日起生效。被申请人书面同意本方案后：（一）向北京互联网法院申请撤回对申请人的起诉，"
        "或者同意由人民法院依照本方案制作调解书；（二）停止对申请人的催收；（三）已对申请人的财产申请保全的，"
        "向人民法院申请解除保全；（四）向征信机构报送本笔借款已按本方案结清。"
    )
    # a natural person reports to no credit register; before suit there is no suit to withdraw
    private = _text(sample("private-downpayment"), "settlement")
    assert "征信" not in private
    before = paragraphs(sample("case", BEFORE_SUIT), "settlement")
    obligations = before[before.index("对方义务") + 1]
    assert obligations.startswith("本方案自被申请人书面同意之日起生效。被申请人书面同意本方案后：（一）停止")


def test_down_payment_without_a_date_waits_for_acceptance(tmp_path: Path) -> None:
    """1,000.00 down, 17,000.00 left: 17,000.00 / 12 = 1,416.666… → 1,416.66; the last is
    17,000.00 − 11 × 1,416.66 = 17,000.00 − 15,583.26 = 1,416.74 (law.md §6)."""
    changes = {"proposal.down_payment": "1000.00", "proposal.down_payment_date": DELETE}
    settlement = paragraphs(sample("case", changes), "settlement")
    assert "申请人于被申请人书面同意本方案之日起7日内支付首付款1,000.00元（人民币壹仟元整）。" in settlement
    rows = table_rows(settlement, "分期还款计划", 3)
    assert rows[0] == ("首付", "被申请人书面同意本方案之日起7日内", "1,000.00")
    assert rows[1] == ("第1期", "2027年1月15日", "1,416.66")
    assert rows[-1] == ("第12期", "2027年12月15日", "1,416.74")
    hardship = paragraphs(sample("case", changes), "hardship")
    assert (
        "还款总额为18,000.00元（人民币壹万捌仟元整），于贵公司书面同意本方案之日起7日内首付1,000.00元，余款17,000.00元"
        "自2027年1月15日起分十二期按月偿还，每期1,416.66元，最后一期1,416.74元，至2027年12月15日还清。"
    ) in hardship
    case_file = tmp_path / "case.yaml"
    source = (Path(__file__).resolve().parents[2] / "samples" / "case.yaml").read_text(encoding="utf-8")
    case_file.write_text(
        source.replace("  down_payment: 0 ", "  down_payment: 1000 ").replace("  down_payment_date: 2026-12-15", ""),
        encoding="utf-8",
    )
    report = json.loads(run_draft("check", "--case", case_file, "--json").stdout)
    assert report["figures"]["schedule"][0] == {
        "n": 0,
        "due_date": None,
        "amount": "1000.00",
        "due": "7 days after acceptance",
    }


def test_repayments_are_counted_in_words() -> None:
    one = [{"date": "2026-04-10", "amount": "500.00"}]
    assert "说明人已还款一次，共计500.00元。" in _text(sample("case", {"loan.repayments": one}), "hardship")
    two = [*one, {"date": "2026-04-20", "amount": "300.00"}]
    assert "说明人已还款两次，共计800.00元。" in _text(sample("case", {"loan.repayments": two}), "hardship")


def test_no_form_labels_left_in_the_prose() -> None:
    hardship = _text(sample(), "hardship")
    for label in ("涉及金额", "需要说明人照顾、扶养的家庭成员：", "合计1", "本人"):
        assert label not in hardship
    assert "2026年4月2日，父亲突发脑溢血入院手术，由此产生的支出或损失为86,000.00元。" in hardship
    assert "说明人还需照顾、赡养父亲（术后康复，需长期护理）。" in hardship


@pytest.mark.parametrize("style", ["narrative", "elements"])
def test_the_answer_dates_an_undated_down_payment_on_acceptance_too(style: str) -> None:
    """law.md §6 holds for every document that prints the plan: never the signing date."""
    case = with_style(sample("case", {"proposal.down_payment": "1000.00", "proposal.down_payment_date": DELETE}), style)
    text = _text(case, "answer")
    assert "于原告书面同意本方案之日起7日内首付1,000.00元" in text
    assert "2026年11月29日首付" not in text


@pytest.mark.parametrize(
    ("relation", "verb"),
    [
        ("父亲", "赡养"),
        ("祖母", "赡养"),
        ("岳父", "赡养"),
        ("女儿", "抚养"),
        ("孙子", "抚养"),
        ("妻子", "扶养"),
        ("哥哥", "扶养"),
    ],
)
def test_the_support_verb_fits_the_relation(relation: str, verb: str) -> None:
    """Chinese usage: 赡养 is owed to parents and grandparents, 抚养 to children and grandchildren, 扶养 to a
    spouse (and, in the broad sense, to others); "扶养父亲" in a letter to a court reads as an error."""
    text = _text(sample("case", {"hardship.dependents": [{"relation": relation}]}), "hardship")
    assert f"说明人还需照顾、{verb}{relation}。" in text


def test_the_waived_items_and_the_reduction_add_up() -> None:
    """private-downpayment claims 50,000.00 + 48,500.00 + 5,000.00 + 3,000.00 = 106,500.00 and offers 40,000.00:
    106,500.00 − 40,000.00 = 66,500.00 to be reduced. The waived items (interest, liquidated damages,
    enforcement costs) are 48,500.00 + 5,000.00 + 3,000.00 = 56,500.00, so 66,500.00 − 56,500.00 = 10,000.00
    of the rest must be named too, or the letter's items do not add up to its reduction (law.md §4.4)."""
    text = _text(sample("private-downpayment"), "settlement")
    assert "请求被申请人免除利息、违约金、实现债权的费用（共计56,500.00元），并就其余款项减免10,000.00元。" in text
    assert "请求减免66,500.00元" in text
    # the sample waives every charge: the items alone make the reduction, nothing more is said
    assert "其余款项" not in _text(sample(), "settlement")


# §9.11 speaks of a settlement proposal "to the lender or to the court": the instalment plan an answer offers
# the court is one, so it carries the same reservation, under the plan, in both styles (§9.12), and the
# answer's legal basis names the provision it cites. After limitation has expired no plan is offered (§9.3).
PLAN_RESERVATION = "上述分期还款方案系为协商和解而作出的妥协，不构成对债务数额的自认。"


@pytest.mark.parametrize("style", ["narrative", "elements"])
def test_the_answers_instalment_plan_carries_the_reservation(style: str) -> None:
    lines = paragraphs(with_style(sample(), style), "answer")
    at = next(index for index, line in enumerate(lines) if line.startswith(PLAN_RESERVATION))
    assert lines[at - 1] in ("18,000.00", "合计：18,000.00元。")  # right under the plan's total (12 × 1,500.00)
    assert (
        f"依照{ARTICLE_107}，答辩人为达成调解协议或者和解协议作出妥协而认可的事实，不得在后续的诉讼中作为对答辩人不利的根据。"
        in lines[at]
    )
    basis = next(line for line in lines if line.startswith(("法律依据：", "法律规定：")))
    assert ARTICLE_107 in basis


@pytest.mark.parametrize("style", ["narrative", "elements"])
def test_an_answer_without_a_plan_has_no_reservation(style: str) -> None:
    text = "\n".join(paragraphs(with_style(sample("bank-expired"), style), "answer"))
    assert "分期还款方案" not in text and ARTICLE_107 not in text


@pytest.mark.parametrize("style", ["narrative", "elements"])
def test_an_answer_whose_template_drops_the_reservation_is_refused(style: str) -> None:
    case = with_style(sample(), style)
    figures = compute_figures(case)
    document = drafted(case, "answer").document
    kept = tuple(line for line in document.paragraphs if not line.startswith(PLAN_RESERVATION))
    found = check_document(case, figures, kind("answer").parts(case, figures), replace(document, paragraphs=kept))
    assert [(f.id, f.severity) for f in found if "和解保留" in f.message] == [("DOC-PARTS", "error")]


def test_a_letter_to_the_court_before_filing_speaks_of_no_suit() -> None:
    """诉前调解 with the court known (COURT_BEFORE_FILING): nothing is filed, so there is no 本案原告/被告, no
    “…纠纷一案” and no 本案诉讼费 (there are no costs of a suit not brought), even if the plan waives
    litigation costs; the letter still goes to that court."""
    changes = {**COURT_BEFORE_FILING, "proposal.waive": ["interest", "penalty", "fees", "litigation_costs"]}
    case = sample("case", changes)
    settlement, hardship = paragraphs(case, "settlement"), paragraphs(case, "hardship")
    for text in ("\n".join(settlement), "\n".join(hardship)):
        assert "本案" not in text and "一案" not in text and "诉讼费" not in text
    assert any(line.startswith("申请人与被申请人因借款合同发生纠纷，申请人确有还款困难") for line in settlement)
    assert settlement[settlement.index("此致") + 1] == "北京互联网法院"
