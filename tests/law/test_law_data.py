"""The legal data files: contents as law.md states them, strict reading, and the user's own additions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from toolkit.errors import LegalDataError
from toolkit.law.arguments import provisions
from toolkit.law.caps import cap_table
from toolkit.law.citations import citation, citation_table, cite, cite_all, cite_groups
from toolkit.law.lpr import find_lpr, lpr_on, lpr_table


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    return tmp_path


# law.md §1, typed from the page.
LAW_MD_LPR = {
    "2019-08-20": "0.0425",
    "2019-09-20": "0.0420",
    "2019-11-20": "0.0415",
    "2020-02-20": "0.0405",
    "2020-04-20": "0.0385",
    "2021-12-20": "0.0380",
    "2022-01-20": "0.0370",
    "2022-08-22": "0.0365",
    "2023-06-20": "0.0355",
    "2023-08-21": "0.0345",
    "2024-07-22": "0.0335",
    "2024-10-21": "0.0310",
    "2025-05-20": "0.0300",
}


def test_lpr_table_is_law_md_table() -> None:
    table = lpr_table()
    assert {d.isoformat(): str(e.value) for d, e in table.values.items()} == LAW_MD_LPR
    # law.md §1: last_reviewed is the last publication actually checked, 2026-02-20, not a later day.
    assert table.last_reviewed == dt.date(2026, 2, 20)
    assert all(e.reference for e in table.values.values())
    assert "仍然有效" in (table.values[dt.date(2025, 5, 20)].note or "")


@pytest.mark.parametrize(
    ("day", "value", "published"),
    [
        ("2019-08-20", "0.0425", "2019-08-20"),  # the first day
        ("2022-01-19", "0.0380", "2021-12-20"),  # the day before a change
        ("2022-01-20", "0.0370", "2022-01-20"),  # the day of a change
        ("2022-08-21", "0.0370", "2022-01-20"),  # 14.8 % = 4 × 3.70 % ends here
        ("2026-02-20", "0.0300", "2025-05-20"),  # the last publication checked: not stale
    ],
)
def test_lpr_latest_value_on_or_before(day: str, value: str, published: str) -> None:
    found = lpr_on(dt.date.fromisoformat(day))
    assert found.value == Decimal(value)
    assert found.published == dt.date.fromisoformat(published)
    assert not found.stale and found.gap() is None


def test_lpr_before_first_value_names_parameter_and_day() -> None:
    assert find_lpr(dt.date(2019, 8, 19)) is None
    with pytest.raises(LegalDataError) as caught:
        lpr_on(dt.date(2019, 8, 19))
    assert "LPR" in caught.value.message and "2019-08-19" in caught.value.message


def test_lpr_after_last_review_is_stale() -> None:
    """law.md §1: a day after 2026-02-20 gets the last value (3.00 %, 2025-05-20) and a warning that names
    the last publication checked and how to add a newer one."""
    found = lpr_on(dt.date(2026, 2, 21))
    assert found.value == Decimal("0.0300") and found.stale
    gap = found.gap()
    assert gap is not None and gap.kind == "lpr_stale"
    assert "2026-02-20" in gap.detail and "2025-05-20" in gap.detail and "3%" in gap.detail
    assert "lpr.yaml" in gap.detail and "docs/legal-data.md" in gap.detail


# Every provision law.md names, with its printed text.
CITATIONS = {
    "private_lending_1_2": "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第一条第二款",
    "private_lending_25": "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条",
    "private_lending_26": "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十六条",
    "private_lending_28": "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十八条",
    "private_lending_29": "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十九条",
    "private_lending_31_2": "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第三十一条第二款",
    "financial_trial_opinions_2": "《最高人民法院关于进一步加强金融审判工作的若干意见》（法发〔2017〕22号）第二条",
    "private_lending_scope_reply": "《最高人民法院关于新民间借贷司法解释适用范围问题的批复》（法释〔2020〕27号）",
    "civil_commercial_minutes_51": "《全国法院民商事审判工作会议纪要》第51条",
    "civil_code_188": "《中华人民共和国民法典》第一百八十八条",
    "civil_code_189": "《中华人民共和国民法典》第一百八十九条",
    "civil_code_192": "《中华人民共和国民法典》第一百九十二条",
    "civil_code_193": "《中华人民共和国民法典》第一百九十三条",
    "civil_code_195": "《中华人民共和国民法典》第一百九十五条",
    "civil_code_202": "《中华人民共和国民法典》第二百零二条",
    "civil_code_203": "《中华人民共和国民法典》第二百零三条",
    "civil_code_561": "《中华人民共和国民法典》第五百六十一条",
    "civil_code_670": "《中华人民共和国民法典》第六百七十条",
    "limitation_rules_3": "《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第三条",
    "limitation_rules_14": "《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第十四条",
    "limitation_rules_19": "《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第十九条",
    "civil_procedure_85_2": "《中华人民共和国民事诉讼法》第八十五条第二款",
    "civil_procedure_85_3": "《中华人民共和国民事诉讼法》第八十五条第三款",
    "civil_procedure_130_1": "《中华人民共和国民事诉讼法》第一百三十条第一款",
    "civil_procedure_interpretation_266": "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百六十六条",
    "civil_procedure_interpretation_275": "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百七十五条",
    "limitation_rules_8": "《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第八条",
    "limitation_rules_10": "《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第十条",
    "civil_procedure_96": "《中华人民共和国民事诉讼法》第九十六条",
    "civil_procedure_128": "《中华人民共和国民事诉讼法》第一百二十八条",
    "civil_procedure_128_2": "《中华人民共和国民事诉讼法》第一百二十八条第二款",
    "pboc_bill_rules": "中国人民银行《正确填写票据和结算凭证的基本规定》",
    "gb_11643": "《公民身份号码》（GB 11643-1999）",
    "gb_32100": "《法人和其他组织统一社会信用代码编码规则》（GB 32100-2015）",
    "case_number_rules": "《关于人民法院案件案号的若干规定》",
}


@pytest.mark.parametrize(("key", "text"), CITATIONS.items())
def test_every_provision_law_md_names(key: str, text: str) -> None:
    assert cite(key) == text


def test_only_the_points_law_md_leaves_open_are_marked_verify() -> None:
    """law.md §5 verified 民事诉讼法 第八十五条 against the 2023 text. Two articles law.md names without their
    words remain for a lawyer to check (民诉法解释 第三十一条, §9.13; 合同编通则解释 第六十四条, §9.5), and §9.9 leaves
    one point to verify: whether a 简易程序 case, already halved under 诉讼费用交纳办法 第十六条, is halved again
    under 第十五条."""
    flagged = {k for k, c in citation_table().citations.items() if c.verify}
    assert flagged == {"cpl_interpretation_31", "contract_general_interpretation_64", "litigation_fees_15"}


def test_a_citation_carries_its_key_what_it_is_for_and_what_to_verify() -> None:
    entries = citation_table().citations
    flagged = citation("litigation_fees_15")  # one of the three marked verify (above)
    assert (flagged.key, flagged.about, flagged.verify) == (
        "litigation_fees_15",
        entries["litigation_fees_15"].about,
        entries["litigation_fees_15"].verify,
    )
    assert flagged.verify
    plain = citation("civil_code_670")
    assert (plain.key, plain.about, plain.verify) == ("civil_code_670", entries["civil_code_670"].about, None)


def test_unknown_citation_fails_loudly() -> None:
    with pytest.raises(LegalDataError) as caught:
        cite("private_lending_99")
    assert caught.value.message == "法律依据 private_lending_99 不在 citations.yaml 中"
    assert caught.value.hint == "请检查引用的键是否拼写正确，或在 citations.yaml 中补上该条"


def test_cite_all_shares_a_title() -> None:
    assert cite_all(["private_lending_25", "private_lending_28", "civil_code_670"]) == (
        "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条、第二十八条、"
        "《中华人民共和国民法典》第六百七十条"
    )


def test_cite_groups_names_each_article_once_and_a_whole_instrument_by_its_title() -> None:
    # an article cited twice is printed once; an instrument cited as a whole (no article) is its title alone
    assert cite_groups(["private_lending_25", "civil_code_670", "private_lending_25", "gb_32100", "gb_32100"]) == [
        "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条",
        "《中华人民共和国民法典》第六百七十条",
        "《法人和其他组织统一社会信用代码编码规则》（GB 32100-2015）",
    ]
    assert cite_all([]) == ""


def test_an_unknown_argument_says_what_to_check() -> None:
    with pytest.raises(LegalDataError) as caught:
        provisions("no_such_argument")
    assert caught.value.hint == "请检查理由的名称，或在该文件中补上"


def test_arguments_sharing_a_provision_list_it_once() -> None:
    # arguments.yaml: private_cap rests on 民间借贷规定 第二十五条、第二十八条、第二十九条, private_cap_by_analogy
    # on 第二十五条 alone (law.md §2, §9.4)
    assert provisions("private_cap", "private_cap_by_analogy") == (
        "private_lending_25",
        "private_lending_28",
        "private_lending_29",
    )


def test_caps_data() -> None:
    table = cap_table()
    assert table.financial24.rate == Decimal("0.24")
    assert table.lpr4x.multiplier == Decimal(4)
    assert table.transition.new_rules_from == dt.date(2020, 8, 20)
    assert table.transition.rate_before == Decimal("0.24")
    assert {k: r.basis for k, r in table.lender_kinds.items()} == {
        "bank": "financial24",
        "consumer_finance": "financial24",
        "microfinance": "financial24",
        "other_licensed": "financial24",
        "private": "lpr4x",
    }
    assert [k for k, r in table.lender_kinds.items() if r.show_lpr4x_too] == ["microfinance"]
    assert table.disguised_interest_fees.names == ["服务费", "咨询费", "顾问费", "管理费"]


def test_user_folder_adds_a_newer_lpr(user_dir: Path) -> None:
    (user_dir / "lpr.yaml").write_text(
        "last_reviewed: 2027-01-31\n"
        "values:\n"
        "  2027-01-20:\n"
        "    value: 0.0290\n"
        "    reference: 全国银行间同业拆借中心受权公布贷款市场报价利率（LPR）公告（2027年1月20日）\n",
        encoding="utf-8",
    )
    found = lpr_on(dt.date(2027, 1, 25))
    assert (found.value, found.published, found.stale) == (Decimal("0.0290"), dt.date(2027, 1, 20), False)
    assert lpr_on(dt.date(2026, 3, 10)).value == Decimal("0.0300")  # built-in values kept


def test_user_folder_adds_a_citation(user_dir: Path) -> None:
    (user_dir / "citations.yaml").write_text(
        "citations:\n  civil_code_680:\n    law: civil_code\n    article: 第六百八十条\n    about: 借款利率\n",
        encoding="utf-8",
    )
    assert cite("civil_code_680") == "《中华人民共和国民法典》第六百八十条"
    assert cite("civil_code_670") == "《中华人民共和国民法典》第六百七十条"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "values:\n  2027-01-20: {value: 0.029, reference: a}\n  2027-01-20: {value: 0.028, reference: b}\n",
            "写了两次",
        ),
        ("values:\n  2027-01-20: {value: 0.029, reference: a, valeu: 1}\n", "不认识的字段"),
        ("values:\n  2027/01/20: {value: 0.029, reference: a}\n", "YYYY-MM-DD"),
        ("values:\n  2027-02-30: {value: 0.029, reference: a}\n", "日期"),
        ("values:\n  2027-01-20: {value: 2.9%, reference: a}\n", "小数"),
        ("values:\n  2027-01-20: {value: 2.9, reference: a}\n", "小数"),
        ("values:\n  2027-01-20: {value: 0.029}\n", "缺少"),
        ("values:\n  2027-01-20: &a {value: 0.029, reference: a}\n  2027-02-20: *a\n", "锚点"),
        ("values:\n  2027-01-20: !!python/object {value: 0.029}\n", "标签"),
        ("values: [\n", "YAML"),
    ],
)
def test_malformed_user_data_is_refused_with_file_and_line(user_dir: Path, text: str, fragment: str) -> None:
    (user_dir / "lpr.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(LegalDataError) as caught:
        lpr_on(dt.date(2026, 1, 1))
    assert fragment in caught.value.message
    assert f"{user_dir / 'lpr.yaml'}:" in caught.value.message


def test_unknown_file_in_user_folder_is_refused(user_dir: Path) -> None:
    (user_dir / "LPR.yaml").write_text("values: {}\n", encoding="utf-8")
    with pytest.raises(LegalDataError) as caught:
        lpr_on(dt.date(2026, 1, 1))
    assert "LPR.yaml" in caught.value.message


def test_missing_user_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path / "nowhere"))
    with pytest.raises(LegalDataError) as caught:
        cite("civil_code_188")
    assert "DRAFT_LAW_DIR" in caught.value.message


def test_caps_refer_only_to_known_citations(user_dir: Path) -> None:
    (user_dir / "caps.yaml").write_text("financial24:\n  references: [no_such_key]\n", encoding="utf-8")
    with pytest.raises(LegalDataError) as caught:
        cap_table()
    assert "no_such_key" in caught.value.message


def test_a_control_character_in_a_citation_is_refused_where_it_is_written(user_dir: Path) -> None:
    # documents print citations: a backspace would make the document's XML invalid
    (user_dir / "citations.yaml").write_text(
        'citations:\n  civil_code_680:\n    law: civil_code\n    article: "第六百八十\\b条"\n    about: 借款利率\n',
        encoding="utf-8",
    )
    with pytest.raises(LegalDataError) as caught:
        citation_table()
    where = f"{user_dir / 'citations.yaml'}:4: citations.civil_code_680.article"
    assert f"{where}: 第 6 个字符是控制字符" in caught.value.message
