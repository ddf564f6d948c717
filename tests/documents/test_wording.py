"""What each document says in the situations the samples do not show: who it is addressed to, what it asks
for, and the element-form rows that carry the narrative answer's arguments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from documents_support import drafted, paragraphs, sample, with_style
from support import DELETE

from toolkit.documents.wording import cap_text, waiver_text
from toolkit.errors import ChecksFailed
from toolkit.law.compute import compute_figures
from toolkit.law.figures import CapPeriod

SAMPLES = ["case", "private-downpayment", "bank-expired"]


def _text(case_name: str, document: str, changes: dict[str, Any] | None = None, style: str | None = None) -> str:
    case = sample(case_name, changes)
    return "\n".join(paragraphs(with_style(case, style) if style else case, document))


def _row(lines: list[str], label: str, following: str) -> list[str]:
    return lines[lines.index(label) + 1 : lines.index(following)]


def test_settlement_to_the_court_asks_for_mediation_under_article_96() -> None:
    text = _text("private-downpayment", "settlement")
    assert "依据《中华人民共和国民事诉讼法》第九十六条" in text
    assert "申请人恳请法院主持调解" in text
    assert "申请人（本案被告）：王强" in text
    assert "被申请人（本案原告）：赵建国，住上海市浦东新区世纪大道300号。" in text
    assert "此致\n上海市浦东新区人民法院" in text
    assert "被申请人（签名）：" in text  # a natural person signs: no seal, no representative
    assert "法定代表人或授权代表" not in text


def test_settlement_to_the_lender_is_a_settlement_not_a_mediation() -> None:
    text = _text("case", "settlement")
    assert "主持调解" not in text and "第九十六条" not in text
    assert "此致" not in text
    # an entity seals and signs through its representative (law.md §9.11)
    assert "被申请人（盖章）：\n法定代表人或授权代表（签名）：" in text


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
        "诉讼请求金额合计23,000.00元（人民币贰万叁仟元整）。"
    ) in court


def test_hardship_without_a_plan_makes_a_general_request() -> None:
    lines = paragraphs(sample("case", {"proposal": DELETE}), "hardship")
    assert lines[1] == "北京互联网法院："  # a suit is pending: to the court
    request = lines[lines.index("请求事项") + 1]
    assert request == (
        "恳请贵院体谅说明人的实际困难，主持调解，准许说明人分期还款，并减免逾期产生的罚息等费用。"
        "说明人愿意积极筹措资金，与重庆市小米小额贷款有限公司协商确定可行的还款方案。"
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
    # each instalment of 1,500.00 is above −5,200.00: SCHED-UNAFFORDABLE stops both letters (law.md §6) …
    for name in ("hardship", "settlement"):
        with pytest.raises(ChecksFailed, match="SCHED-UNAFFORDABLE"):
            paragraphs(sample("case", changes), name)
    # … unless the lawyer lets it through; the letters then say what the figures say
    allow = ("SCHED-UNAFFORDABLE",)
    hardship = drafted(sample("case", changes), "hardship", allow=allow).document.paragraphs
    assert "说明人家庭每月收入不足以支付必要支出，每月缺口5,200.00元，无力一次性还款。" in hardship
    settlement = drafted(sample("case", changes), "settlement", allow=allow).document.text
    assert "必要支出合计13,700.00元，每月入不敷出5,200.00元，申请人将另行筹措资金履行本方案。" in settlement
    assert "能够按期履行" not in settlement


def test_settlement_does_not_volunteer_a_cap_above_the_claim() -> None:
    # claims 18,000.00 + 721.37 = 18,721.37, below the 20,650.58 the lender could claim under the cap
    changes = {"claims.penalty": "0", "claims.fees": "0", "claims.total": "18721.37"}
    text = _text("case", "settlement", changes)
    assert "依法最多可主张" not in text
    assert (
        "被申请人主张合计18,721.37元，申请人按本方案支付18,000.00元，请求减免721.37元（人民币柒佰贰拾壹元叁角柒分）。"
    ) in text


def test_settlement_without_hardship_section() -> None:
    lines = paragraphs(sample("case", {"hardship": DELETE}), "settlement")
    assert lines[lines.index("理由") + 1] == "申请人目前无力一次性付清，但有还款诚意。"


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
