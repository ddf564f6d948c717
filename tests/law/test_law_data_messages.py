"""Each message of a malformed legal data file in the user's folder, word for word: the file, the line,
the field, and what to write instead (docs/legal-data.md tells the lawyer how to add an LPR or a citation)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from toolkit.case.datafiles import MAX_BYTES, WORDING
from toolkit.case.messages import message
from toolkit.errors import LegalDataError
from toolkit.law.caps import cap_table
from toolkit.law.citations import citation_table
from toolkit.law.holidays import holiday_table
from toolkit.law.lpr import lpr_on, lpr_table

HINT = "请对照 docs/legal-data.md 改正该数据文件"
KINDS = "bank、consumer_finance、microfinance、other_licensed、private"
RATE = "利率写成小数，如 0.0300 表示 3.00%"


TABLES = {
    "lpr.yaml": lpr_table,
    "caps.yaml": cap_table,
    "citations.yaml": citation_table,
    "holidays.yaml": holiday_table,
}


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        (
            "lpr.yaml",
            "values:\n  2027-01-20: {value: 0.029, reference: a, valeu: 1}\n",
            "2: values.2027-01-20.valeu: 不认识的字段：可能是拼写错误，请改正或删除",
        ),
        (
            "lpr.yaml",
            "values:\n  2027-02-30: {value: 0.029, reference: a}\n",
            "2: values.2027-02-30: 不是有效的日期：请写成 YYYY-MM-DD，如 2025-05-20，并确认该日存在",
        ),
        (
            "lpr.yaml",
            "values:\n  2027-01-20: {value: 2.9%, reference: a}\n",
            f"2: values.2027-01-20.value: 应为数字：{RATE}",
        ),
        (
            "lpr.yaml",
            "values:\n  2027-01-20: {value: 2.9, reference: a}\n",
            f"2: values.2027-01-20.value: 数值超出合理范围：{RATE}",
        ),
        (
            "lpr.yaml",
            "values:\n  2027-01-20: {value: 0.029}\n",
            "2: values.2027-01-20.reference: 缺少必填项：请补上该字段",
        ),
        ("lpr.yaml", "last_reviewed: soon\n", "1: last_reviewed: 日期应写成 YYYY-MM-DD，如 2025-05-20"),
        (
            "caps.yaml",
            "lender_kinds:\n  bank: {basis: lpr5x}\n",
            "2: lender_kinds.bank.basis: 取值不在可选范围内：可选 lpr4x、financial24",
        ),
        ("caps.yaml", "financial24:\n  rate: [1]\n", f"2: financial24.rate: 应为数字：{RATE}"),
        ("caps.yaml", "financial24:\n  rate: 0\n", f"2: financial24.rate: 数值超出合理范围：{RATE}"),
        # a new kind is a row of its own; a licensed one must name the provision that excludes it
        (
            "caps.yaml",
            "lender_kinds:\n  pawnshop: {description: 典当行, name: 典当行, choice: 典当行, licensed: true,"
            " basis: financial24, references: [financial_trial_opinions_2]}\n",
            "2: lender_kinds.pawnshop: licensed: true 的出借人类型须写 scope："
            "排除民间借贷规定的条文（citations.yaml 中的键）",
        ),
        (
            "caps.yaml",
            "financial24:\n  references: [no_such_key]\n",
            "1: (顶层): references 中这些键不在 citations.yaml 中：no_such_key",
        ),
        # every unknown key named once, sorted; the scope of a lender kind is a key too
        (
            "caps.yaml",
            "financial24:\n  references: [zz_key, aa_key, zz_key]\n",
            "1: (顶层): references 中这些键不在 citations.yaml 中：aa_key、zz_key",
        ),
        (
            "caps.yaml",
            "lender_kinds:\n  bank: {scope: no_scope_key}\n",
            "1: (顶层): references 中这些键不在 citations.yaml 中：no_scope_key",
        ),
        ("lpr.yaml", "values: [1]\n", "1: values: 应为“键: 值”的映射：请参照内置数据文件的写法"),
        (
            "lpr.yaml",
            "values:\n  2027-01-20: {value: 0.029, reference: ''}\n",
            "2: values.2027-01-20.reference: 应为一段文字，不能为空",
        ),
        (
            "citations.yaml",
            "citations:\n  x: {law: civil_code, article: [1], about: a}\n",
            "2: citations.x.article: 应为一段文字，不能为空",
        ),
        (
            "citations.yaml",
            "citations:\n  y: {law: no_law, about: a}\n  x: {law: no_law, about: b}\n",
            "1: (顶层): 这些引用的 law 不在 laws 中：x、y",
        ),
        (
            "caps.yaml",
            "lender_kinds:\n  bank: {show_lpr4x_too: maybe}\n",
            "2: lender_kinds.bank.show_lpr4x_too: 应为 true 或 false",
        ),
        (
            "caps.yaml",
            "disguised_interest_fees:\n  names: 服务费\n",
            "2: disguised_interest_fees.names: 应为列表（每项以 - 开头，或写成 [甲, 乙]）",
        ),
        (
            "caps.yaml",
            "lender_kinds:\n  bank: {show_lpr4x_too: [1]}\n",
            "2: lender_kinds.bank.show_lpr4x_too: 应为 true 或 false",
        ),
        (
            "lpr.yaml",
            "values:\n  2027-01-20: 0.029\n",
            "2: values.2027-01-20: 应为“键: 值”的映射：请参照内置数据文件的写法",
        ),
        # a year of holidays.yaml is a number from 2000 to 2200
        ("holidays.yaml", "years:\n  twenty: {reference: a}\n", f"2: years.twenty: 应为数字：{RATE}"),
        ("holidays.yaml", "years:\n  1999: {reference: a}\n", f"2: years.1999: 数值超出合理范围：{RATE}"),
        ("holidays.yaml", "years:\n  2201: {reference: a}\n", f"2: years.2201: 数值超出合理范围：{RATE}"),
    ],
)
def test_each_message_names_file_line_and_field(user_dir: Path, name: str, text: str, problem: str) -> None:
    (user_dir / name).write_text(text, encoding="utf-8")
    with pytest.raises(LegalDataError) as caught:
        TABLES[name]()
    assert caught.value.message == f"法律数据文件有误：\n{user_dir / name}:{problem}"
    assert caught.value.hint == HINT


@pytest.mark.parametrize(
    ("content", "message", "hint"),
    [
        (b"values: {}\n\xff\xfe", "文件不是 UTF-8 编码", "请在编辑器中以 UTF-8 编码另存后重试"),
        (
            b"#" * (MAX_BYTES + 1),
            "文件过大（超过 1 MB），不像法律数据文件",
            "请改正 DRAFT_LAW_DIR 中的该文件，或移走它以只使用内置数据",
        ),
    ],
)
def test_a_file_that_is_not_data(user_dir: Path, content: bytes, message: str, hint: str) -> None:
    (user_dir / "lpr.yaml").write_bytes(content)
    with pytest.raises(LegalDataError) as caught:
        lpr_on(dt.date(2026, 1, 1))
    assert caught.value.message.startswith(f"{user_dir / 'lpr.yaml'}: ") and message in caught.value.message
    assert caught.value.hint == hint


def test_a_file_of_the_size_limit_is_read(user_dir: Path) -> None:
    (user_dir / "lpr.yaml").write_bytes(b"#" * (MAX_BYTES - 11) + b"\nvalues: {}")
    assert str(lpr_on(dt.date(2026, 3, 10)).value) == "0.0300"


def test_a_file_with_a_byte_order_mark_is_read(user_dir: Path) -> None:
    (user_dir / "lpr.yaml").write_bytes("\ufeffvalues: {}\n".encode())
    assert str(lpr_on(dt.date(2026, 3, 10)).value) == "0.0300"


def test_a_folder_named_like_a_data_file_is_refused(user_dir: Path) -> None:
    (user_dir / "lpr.yaml").mkdir()
    with pytest.raises(LegalDataError) as caught:
        lpr_on(dt.date(2026, 3, 10))
    assert "这是一个文件夹，不是法律数据文件" in caught.value.message


def test_missing_folder_and_unknown_files(user_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFT_LAW_DIR", str(user_dir / "nowhere"))
    with pytest.raises(LegalDataError) as caught:
        cap_table()
    assert caught.value.message == f"环境变量 DRAFT_LAW_DIR 指向的文件夹不存在：{user_dir / 'nowhere'}"
    assert caught.value.hint == "请改正 DRAFT_LAW_DIR，或删除该环境变量以只使用内置数据"
    monkeypatch.setenv("DRAFT_LAW_DIR", f"  {user_dir}  ")
    (user_dir / "LPR.yaml").write_text("values: {}\n", encoding="utf-8")
    (user_dir / "holidays.yml").write_text("x: 1\n", encoding="utf-8")
    with pytest.raises(LegalDataError) as caught:
        cap_table()
    assert caught.value.message == f"{user_dir} 中有不认识的数据文件：LPR.yaml、holidays.yml"
    assert caught.value.hint.startswith("数据文件只能命名为 ")


def test_any_other_problem_is_named_with_pydantic_s_words() -> None:
    error = {"type": "too_long", "loc": ("values",), "msg": "List should have at most 3 items", "input": None}
    said = message(error, ("values",), WORDING)  # type: ignore[arg-type]
    assert said == "格式不对（List should have at most 3 items）：请对照内置数据文件改正"


@pytest.mark.parametrize(
    ("year", "problem"),
    [
        # 2098-12-31 is not in 2099; 2099-01-01 is listed twice
        (
            "{reference: a, holidays: [2098-12-31, 2099-01-01, 2099-01-01, 2099-01-02]}",
            "years.2099.holidays 中的 2098-12-31 不在 2099 年内；years.2099.holidays 中的 2099-01-01 写了两次",
        ),
        (
            "{reference: a, workdays: [2100-01-02, 2100-01-03]}",
            "years.2099.workdays 中的 2100-01-02、2100-01-03 不在 2099 年内",
        ),
        # 2099-01-03 is a Saturday, 2099-01-05 a Monday
        (
            "{reference: a, holidays: [2099-01-03], workdays: [2099-01-03, 2099-01-05]}",
            "years.2099：2099-01-03 不能既是放假日又是调休上班日；"
            "years.2099.workdays 中的 2099-01-05 不是星期六或星期日：只列调休上班的周末",
        ),
        (
            "{reference: a, workdays: [2099-01-05, 2099-01-06]}",
            "years.2099.workdays 中的 2099-01-05、2099-01-06 不是星期六或星期日：只列调休上班的周末",
        ),
        # two dates listed twice, and two weekend days both off and make-up working days: each list joined by 、
        (
            "{reference: a, holidays: [2099-01-01, 2099-01-02, 2099-01-01, 2099-01-02]}",
            "years.2099.holidays 中的 2099-01-01、2099-01-02 写了两次",
        ),
        (
            "{reference: a, holidays: [2099-01-03, 2099-01-04], workdays: [2099-01-03, 2099-01-04]}",
            "years.2099：2099-01-03、2099-01-04 不能既是放假日又是调休上班日",
        ),
    ],
)
def test_a_wrong_holiday_schedule_word_for_word(user_dir: Path, year: str, problem: str) -> None:
    (user_dir / "holidays.yaml").write_text(f"last_reviewed: 2098-12-01\nyears:\n  2099: {year}\n", encoding="utf-8")
    with pytest.raises(LegalDataError) as caught:
        holiday_table()
    assert caught.value.message == f"法律数据文件有误：\n{user_dir / 'holidays.yaml'}:1: (顶层): {problem}"
