"""What each document says in the situations the samples do not show: who it is addressed to, what it asks
for, and the element-form rows that carry the narrative answer's arguments."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

import pytest
from documents_support import drafted, paragraphs, sample, with_style
from support import DELETE

from toolkit.documents.answer_elements import CLAIM_ROWS, FACT_ROWS
from toolkit.documents.wording import cap_text, waiver_text
from toolkit.law.compute import compute_figures
from toolkit.law.figures import CapPeriod

SAMPLES = ["case", "private-downpayment", "bank-expired"]


def _text(case_name: str, document: str, changes: dict[str, Any] | None = None, style: str | None = None) -> str:
    case = sample(case_name, changes)
    return "\n".join(paragraphs(with_style(case, style) if style else case, document))


def _row(lines: list[str], label: str, following: str) -> list[str]:
    return lines[lines.index(label) + 1 : lines.index(following)]


def test_element_rows_follow_the_form() -> None:
    """The rows of 法〔2025〕82号's 金融借款合同纠纷 answer form, in its order (law.md §8)."""
    assert CLAIM_ROWS == (
        "对本金有无异议",
        "对利息（期内利息、复利、罚息）有无异议",
        "对提前还款或解除合同有无异议",
        "对担保权利诉请有无异议",
        "对实现债权的费用有无异议",
        "对其他请求有无异议",
        "对标的总额有无异议",
        "答辩依据",
    )
    assert FACT_ROWS == (
        "合同签订情况",
        "合同主体",
        "借款金额",
        "借款期限",
        "借款利率",
        "借款发放时间",
        "还款方式",
        "还款情况",
        "是否逾期",
        "担保情况",
        "免责/减责事由",
        "其他需要说明的内容",
    )


@pytest.mark.parametrize("name", SAMPLES)
def test_every_element_row_is_answered(name: str) -> None:
    lines = paragraphs(with_style(sample(name), "elements"), "answer")
    labels = [*CLAIM_ROWS, "事实和理由（对起诉状事实与理由的确认或者异议）", *FACT_ROWS, "证据清单"]
    for label, following in itertools.pairwise(labels):
        if label.startswith("事实和理由"):
            continue
        assert _row(lines, label, following), f"{name}: {label} is empty"


def test_element_form_carries_the_narrative_arguments() -> None:
    """private-downpayment: 砍头息 (50,000.00 − 47,000.00 = 3,000.00 deducted), the 4 × LPR cap
    (4 × 3.85 % = 15.4 %), each row booked rounded down to the cent (law.md §4.4): 47,000.00 × 0.154 × 214 / 365
    = 4,243.6493… → 4,243.64 up to the repayment of 5,000.00 on 2022-01-15, which pays 4,243.64 of interest and
    756.36 of principal, leaving 46,243.64; then 46,243.64 × 0.154 × 151 / 365 = 2,946.1633… → 2,946.16 to the
    due date 2022-06-15 and 46,243.64 × 0.154 × 1,580 / 365 = 30,827.4040… → 30,827.40 to 2026-10-12:
    33,773.56; supportable 46,243.64 + 33,773.56 = 80,017.20; claimed 50,000.00 + 48,500.00 + 5,000.00 =
    103,500.00; excess 103,500.00 − 80,017.20 = 23,482.80."""
    lines = paragraphs(with_style(sample("private-downpayment"), "elements"), "answer")
    principal = _row(lines, "对本金有无异议", "对利息（期内利息、复利、罚息）有无异议")
    assert principal[0].startswith(
        "有异议。借款合同载明本金50,000.00元，答辩人实际收到47,000.00元，原告预先扣除了3,000.00元"
    )
    assert "本金应认定为47,000.00元（人民币肆万柒仟元整）" in principal[0]
    interest = _row(lines, "对利息（期内利息、复利、罚息）有无异议", "对提前还款或解除合同有无异议")
    assert "原告依法最多可主张利息及费用33,773.56元（人民币叁万叁仟柒佰柒拾叁元伍角陆分）" in interest[1]
    assert "合计以年利率15.4%为上限" in interest[1]
    total = _row(lines, "对标的总额有无异议", "答辩依据")
    assert "依法最多可主张80,017.20元（人民币捌万零壹拾柒元贰角），超出的23,482.80元" in total[0]
    rates = _row(lines, "借款利率", "借款发放时间")
    assert "合同成立时一年期贷款市场报价利率（3.85%）的四倍，即年利率15.4%" in rates[1]
    assert "第九十六条" in _row(lines, "其他需要说明的内容", "证据清单")[-1]


def test_element_form_fees_argument() -> None:
    lines = paragraphs(with_style(sample(), "elements"), "answer")
    others = _row(lines, "对其他请求有无异议", "对标的总额有无异议")
    assert others[0].startswith("有异议。原告主张服务费等其他费用1,387.23元（人民币壹仟叁佰捌拾柒元贰角叁分）")
    assert "《全国法院民商事审判工作会议纪要》第51条" in others[0]


def test_element_form_without_instalments_or_contest() -> None:
    changes = {
        "answer.contested": [],
        "answer.admitted": ["principal", "interest", "penalty", "fees"],
        "answer.request_installments": False,
        "answer.request_mediation": False,
    }
    lines = paragraphs(with_style(sample("case", changes), "elements"), "answer")
    assert _row(lines, "对标的总额有无异议", "答辩依据") == [
        "无异议。原告主张的标的总额为23,000.00元（人民币贰万叁仟元整），答辩人予以认可。"
    ]
    assert _row(lines, "对利息（期内利息、复利、罚息）有无异议", "对提前还款或解除合同有无异议") == [
        "无异议。原告主张期内利息721.37元、罚息（逾期利息）2,891.40元，答辩人予以认可。"
    ]
    assert _row(lines, "免责/减责事由", "其他需要说明的内容") == ["无。"]
    assert _row(lines, "其他需要说明的内容", "证据清单") == ["无。"]


def test_settlement_to_the_court_asks_for_mediation_under_article_96() -> None:
    text = _text("private-downpayment", "settlement")
    assert "依据《中华人民共和国民事诉讼法》第九十六条" in text
    assert "申请人恳请法院主持调解" in text
    assert "申请人（本案被告）：王强" in text
    assert "被申请人（本案原告）：赵建国，住上海市浦东新区世纪大道300号。" in text
    assert "此致\n上海市浦东新区人民法院" in text
    assert "被申请人（签名或盖章）：" in text  # a natural person signs


def test_settlement_to_the_lender_is_a_settlement_not_a_mediation() -> None:
    text = _text("case", "settlement")
    assert "调解" not in text
    assert "此致" not in text
    assert "被申请人（盖章）：" in text


@pytest.mark.parametrize("name", SAMPLES)
def test_no_document_cites_article_99_for_mediation(name: str) -> None:
    allow = ("LIMITATION-GIVEAWAY",) if name == "bank-expired" else ()
    case = sample(name)
    for document, style in (("answer", "narrative"), ("answer", "elements"), ("hardship", None), ("settlement", None)):
        subject = with_style(case, style) if style else case
        text = drafted(subject, document, allow=allow).document.text
        assert "第九十九条" not in text, (name, document, style)
        assert "14.8%" not in text, (name, document, style)


def test_hardship_addressee_follows_the_proposal() -> None:
    assert paragraphs(sample(), "hardship")[1] == "重庆市小米小额贷款有限公司："
    court = paragraphs(sample("case", {"proposal.addressee": "court"}), "hardship")
    assert court[1] == "北京互联网法院："
    assert "恳请贵院体谅说明人的实际困难，主持调解，准许说明人按以下方案分期还款：" in court
    assert (
        "重庆市小米小额贷款有限公司已就本笔借款向贵院提起诉讼，案号为（2026）京0491民初31875号，"
        "诉请金额合计23,000.00元（人民币贰万叁仟元整）。"
    ) in court


def test_hardship_without_a_plan_makes_a_general_request() -> None:
    lines = paragraphs(sample("case", {"proposal": DELETE}), "hardship")
    assert lines[1] == "北京互联网法院："  # a suit is pending: to the court
    request = lines[lines.index("请求事项") + 1]
    assert request == (
        "恳请贵院体谅说明人的实际困难，主持调解，准许说明人分期还款，并减免逾期产生的罚息等费用，"
        "具体还款方案由双方协商确定。"
    )
    without_suit = paragraphs(
        sample("case", {"proposal": DELETE, "court": DELETE, "claims": DELETE, "answer": DELETE}), "hardship"
    )
    assert without_suit[1] == "重庆市小米小额贷款有限公司："
    assert "提起诉讼" not in "\n".join(without_suit)


def test_a_natural_person_lender_is_addressed_as_such() -> None:
    lines = paragraphs(sample("private-downpayment", {"proposal.addressee": "lender"}), "hardship")
    assert lines[1] == "赵建国："
    assert "说明人现将借款及家庭困难情况说明如下，恳请您予以体谅：" in lines


def test_income_below_expenses_is_stated_as_a_shortfall() -> None:
    # expenses 9,000.00 + 2,200.00 + 2,000.00 + 500.00 = 13,700.00; income 8,500.00; shortfall 5,200.00
    changes = {
        "hardship.monthly_expenses": {
            "房租": "9000.00",
            "基本生活": "2200.00",
            "父亲康复护理": "2000.00",
            "其他": "500.00",
        }
    }
    hardship = paragraphs(sample("case", changes), "hardship")
    assert "说明人家庭每月收入不足以支付必要支出，每月缺口5,200.00元，无力一次性清偿借款。" in hardship
    settlement = "\n".join(paragraphs(sample("case", changes), "settlement"))
    assert "必要支出合计13,700.00元，每月入不敷出5,200.00元。" in settlement
    assert "能够按期履行" not in settlement


def test_settlement_does_not_volunteer_a_cap_above_the_claim() -> None:
    # claims 18,000.00 + 721.37 = 18,721.37, below the 20,650.58 the lender could claim under the cap
    changes = {"claims.penalty": "0", "claims.fees": "0", "claims.total": "18721.37"}
    text = _text("case", "settlement", changes)
    assert "依法最多可主张" not in text
    assert (
        "被申请人主张合计18,721.37元，申请人按本方案偿还18,000.00元，请求减免721.37元（人民币柒佰贰拾壹元叁角柒分）。"
    ) in text


def test_settlement_without_hardship_section() -> None:
    lines = paragraphs(sample("case", {"hardship": DELETE}), "settlement")
    assert lines[lines.index("理由") + 1] == "申请人目前无力一次性清偿上述债务，但有还款诚意。"


def test_waivers_in_plain_words() -> None:
    assert waiver_text(["fees", "interest", "penalty"]) == "利息、罚息、服务费等费用"
    assert waiver_text(["litigation_costs"]) == ""  # borne by the lender, asked for apart
    assert waiver_text([]) == ""


def test_cap_text_names_an_earlier_cap() -> None:
    """A private loan made before 2020-08-20: 24 % until 2020-08-19, then 4 × the LPR on filing."""
    caps = (
        CapPeriod(
            dt.date(2019, 5, 1), Decimal("0.24"), "lpr4x", None, None, ("private_lending_31_2",), transition=True
        ),
        CapPeriod(
            dt.date(2020, 8, 20),
            Decimal("0.148"),
            "lpr4x",
            Decimal("0.037"),
            dt.date(2022, 1, 20),
            ("private_lending_25",),
        ),
    )
    assert cap_text(caps) == "年利率14.8%（2020年8月20日之前为年利率24%）"
    assert cap_text(caps[:1]) == "年利率24%"
    assert cap_text(()) is None


def test_cap_citations_name_each_article_once() -> None:
    """A transition loan rests on 第三十一条第二款 for both periods and on 第二十五、二十八、二十九条 after."""
    figures = compute_figures(
        sample("private-downpayment", {"loan.contract_date": "2019-06-15", "loan.disbursed_on": "2019-06-15"})
    )
    assert figures.cap_citation() == (
        "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第三十一条第二款、第二十五条、第二十八条、第二十九条"
    )
    assert compute_figures(sample()).cap_citation() == (
        "《最高人民法院关于新民间借贷司法解释适用范围问题的批复》（法释〔2020〕27号）、"
        "《最高人民法院关于进一步加强金融审判工作的若干意见》（法发〔2017〕22号）第二条"
    )


def test_settlement_to_the_court_before_any_suit() -> None:
    """诉前调解: no court section yet, so no 原告/被告 and no case number."""
    changes = {"proposal.addressee": "court", "court": DELETE, "answer": DELETE}
    lines = paragraphs(sample("case", changes), "settlement")
    assert lines[1].startswith("申请人：李明，")
    assert lines[4].startswith("申请人与被申请人因借款合同发生纠纷，申请人确有还款困难，但有还款诚意。")
    assert "原告" not in "\n".join(lines)
    assert lines[lines.index("此致") + 1] == "人民法院"
