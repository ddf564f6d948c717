"""The reconciliation checks: every printed total, difference and per-period line recomputed from the
figures the document prints beside it (law.md §4.4). Each break below is one a pencil finds."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest
from checks_support import SAMPLE_FIGURES, variant
from test_document_checks import _docx

from toolkit.case.models import Case
from toolkit.checks import Finding, check_document
from toolkit.documents import kind as document_kind
from toolkit.drafting import Options, draft
from toolkit.law.compute import compute_figures
from toolkit.render.document import RenderedDocument
from toolkit.render.xmltext import read_part

LEDGER_HEADER = ["计息期间", "天数", "计息本金（元）", "约定年利率", "上限年利率", "适用年利率", "利息（元）"]
# the sample's ledger, each row booked rounded down (law.md §4.4): 18,000.00 × 23.98% × 61 ÷ 365 = 721.3709… →
# 721.37; 18,000.00 × 24% × 163 ÷ 365 = 1,929.2054… → 1,929.20; 61 + 163 = 224 days; 721.37 + 1,929.20 = 2,650.57
LEDGER = [
    LEDGER_HEADER,
    ["2026年3月10日至2026年5月10日", "61", "18,000.00", "23.98%", "24%", "23.98%", "721.37"],
    ["2026年5月10日至2026年10月20日", "163", "18,000.00", "35.97%", "24%", "24%", "1,929.20"],
    ["合计", "224", "", "", "", "", "2,650.57"],
]
REPAYMENT_HEADER = [
    "还款日",
    "还款金额（元）",
    "冲抵利息费用（元）",
    "冲抵本金（元）",
    "超额还款（元）",
    "剩余本金（元）",
]


def _found(lines: list[str], table: list[list[str]] | None = None) -> list[Finding]:
    data = _docx(lines, table)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        texts = read_part(package.read("word/document.xml")).paragraphs
    rendered = RenderedDocument(kind="answer", template="answer", docx=data, paragraphs=texts)
    found = check_document(variant(), SAMPLE_FIGURES, [], rendered)
    return [f for f in found if f.id.startswith("DOC-RECONCILE")]


def test_the_sound_ledger_table_passes() -> None:
    assert _found(["利息计算表"], LEDGER) == []


def test_a_total_a_cent_off_is_refused_naming_the_table() -> None:
    # the old rule: rows 721.37 + 1,929.21 printed under a total of the unrounded 2,650.5764… → 2,650.58
    table = [row[:] for row in LEDGER]
    table[2][6], table[3][6] = "1,929.21", "2,650.58"
    (finding,) = _found([], table)
    assert finding.id == "DOC-RECONCILE-TABLE" and finding.severity == "error"
    assert "利息计算表" in finding.message and "第 2 行" in finding.message and "1,929.20" in finding.message


def test_a_total_row_that_does_not_add_up_names_the_column() -> None:
    table = [row[:] for row in LEDGER]
    table[3][6] = "2,650.58"  # 721.37 + 1,929.20 = 2,650.57
    (finding,) = _found([], table)
    assert "“合计”一行第 7 列印的是 2,650.58" in finding.message and "2,650.57" in finding.message
    table[3][6], table[3][1] = "2,650.57", "225"  # 61 + 163 = 224 days
    (finding,) = _found([], table)
    assert "第 2 列印的是 225" in finding.message and "224" in finding.message


def test_a_repayment_table_reconciles_row_by_row() -> None:
    # 500.00 = 366.59 + 133.41 + 0.00; 18,000.00 − 133.41 = 17,866.59; 1,000.00 = 833.80 + 166.20; 17,866.59 − 166.20
    sound = [
        REPAYMENT_HEADER,
        ["2026年4月10日", "500.00", "366.59", "133.41", "0.00", "17,866.59"],
        ["2026年6月20日", "1,000.00", "833.80", "166.20", "0.00", "17,700.39"],
    ]
    assert _found([], sound) == []
    split = [row[:] for row in sound]
    split[1][2] = "366.60"  # 366.60 + 133.41 = 500.01
    (finding,) = _found([], split)
    assert "还款冲抵表" in finding.message and "第 1 行还款 500.00" in finding.message
    balance = [row[:] for row in sound]
    balance[2][5] = "17,700.40"  # 17,866.59 − 166.20 = 17,700.39
    (finding,) = _found([], balance)
    assert "第 2 行剩余本金 17,700.40 ≠ 上一行剩余本金 17,866.59 − 冲抵本金 166.20" in finding.message


def test_a_subtotal_row_sums_its_own_rows() -> None:
    table = [
        ["项目", "每月金额（元）"],
        ["必要支出：房租", "1,800.00"],
        ["必要支出：其他", "500.00"],
        ["必要支出合计", "2,300.01"],
    ]
    (finding,) = _found([], table)
    assert "“必要支出合计”印的是 2,300.01" in finding.message and "2,300.00" in finding.message


@pytest.mark.parametrize(
    ("line", "said"),
    [
        # 18,000.00 + 2,650.57 = 20,650.57, not 20,650.58
        (
            "原告依法最多可主张本金18,000.00元、利息及费用2,650.57元，合计20,650.58元（人民币贰万零陆佰伍拾元零伍角捌分）。",
            "20,650.57",
        ),
        # 38,017.20 − 4,243.64 = 33,773.56, not 33,773.57
        ("合计38,017.20元，扣除还款冲抵的4,243.64元后为33,773.57元。", "33,773.56"),
        # 23,000.00 − 20,650.57 = 2,349.43
        (
            "原告主张本金及利息、罚息、费用共计23,000.00元，依法最多可主张20,650.57元，超出的2,349.42元不应支持。",
            "2,349.43",
        ),
        # 18,000.00 × 24% × 163 ÷ 365 = 1,929.2054… → 1,929.20 (rounded down), not 1,929.21
        ("计算：2026年5月10日至2026年10月20日，18,000.00元×24%×163天÷365＝1,929.21元。", "1,929.20"),
        # 721.37 + 1,929.20 = 2,650.57
        (
            "计算：18,000.00元×23.98%×61天÷365＝721.37元；18,000.00元×24%×163天÷365＝1,929.20元；合计2,650.58元。",
            "2,650.57",
        ),
        # 8,500.00 − 6,500.00 = 2,000.00
        ("申请人家庭月收入8,500.00元，必要支出合计6,500.00元，每月可支配收入2,000.01元。", "2,000.00"),
    ],
)
def test_a_sentence_that_does_not_add_up_is_refused_naming_it(line: str, said: str) -> None:
    (finding,) = _found([line])
    assert finding.id == "DOC-RECONCILE-TEXT" and said in finding.message
    assert finding.message.startswith("民事答辩状中“")


def test_sound_sentences_pass() -> None:
    lines = [
        "原告依法最多可主张本金18,000.00元、利息及费用2,650.57元，合计20,650.57元（人民币贰万零陆佰伍拾元零伍角柒分）。",
        "合计38,017.20元，扣除还款冲抵的4,243.64元后为33,773.56元。",
        "计算：18,000.00元×23.98%×61天÷365＝721.37元；18,000.00元×24%×163天÷365＝1,929.20元；合计2,650.57元。",
        "第1期：2027年1月15日，1,500.00元",
        "第2期：2027年2月15日，1,500.00元",
        "合计：3,000.00元。",
    ]
    assert _found(lines) == []


def test_an_instalment_list_sums_to_its_total() -> None:
    lines = ["首付：2026年12月20日，5,000.00元", "第1期：2027年1月31日，3,888.88元", "合计：8,888.89元。"]
    (finding,) = _found(lines)
    assert "8,888.88" in finding.message


def _sample_answer(case: Case, style: str) -> tuple[Case, RenderedDocument]:
    assert case.answer is not None
    styled = case.model_copy(update={"answer": case.answer.model_copy(update={"style": style})})
    return styled, draft(styled, compute_figures(styled), "answer", Options()).document


@pytest.mark.parametrize("style", ["narrative", "elements"])
def test_a_tampered_real_answer_is_refused(style: str) -> None:
    """The sample's answer drafted (so it passed), then one printed figure changed by a cent."""
    case, rendered = _sample_answer(variant(), style)
    figures = compute_figures(case)
    parts = document_kind("answer").parts(case, figures)
    assert [f for f in check_document(case, figures, parts, rendered) if f.id.startswith("DOC-RECONCILE")] == []
    # 721.37 + 2,891.40 + 1,387.23 = 5,000.00 (the claimed charges of the sample): printed one cent off
    sentence, off = "1,387.23元，合计5,000.00元", "1,387.23元，合计5,000.01元"
    tampered = tuple(text.replace(sentence, off) for text in rendered.paragraphs)
    assert tampered != rendered.paragraphs
    changed = dataclasses.replace(rendered, paragraphs=tampered)
    assert "DOC-RECONCILE-TEXT" in {f.id for f in check_document(case, figures, parts, changed)}
