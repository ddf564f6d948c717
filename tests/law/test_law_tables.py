"""``draft data``'s listing of the legal tables: what each holds and how far it was checked (law.md §1, §2, §5).

The LPR and cap lines are typed from law.md; the citation counts are read from the data file itself (they
grow as provisions are added); the holiday runs follow the file and the pinned chinese-calendar (2004—2026).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from toolkit.law.holidays import PACKAGE
from toolkit.law.tables import legal_tables

DATA = Path(__file__).resolve().parents[2] / "toolkit" / "law" / "data"


def _by_name() -> dict[str, dict[str, object]]:
    return {table.name: table.to_json() for table in legal_tables()}


def test_the_five_tables_in_order_with_their_sources() -> None:
    tables = [t.to_json() for t in legal_tables()]
    assert [t["name"] for t in tables] == ["lpr.yaml", "caps.yaml", "citations.yaml", "arguments.yaml", "holidays.yaml"]
    assert [t["sources"] for t in tables] == [
        ["toolkit/law/data/lpr.yaml"],
        ["toolkit/law/data/caps.yaml"],
        ["toolkit/law/data/citations.yaml"],
        ["toolkit/law/data/arguments.yaml"],
        [PACKAGE, "toolkit/law/data/holidays.yaml"],
    ]
    for table, name in zip(tables, ["lpr", "caps", "citations", "arguments", "holidays"], strict=True):
        data = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
        assert table["title"] == data["description"] and table["note"] == data.get("note")
        assert table["last_reviewed"] == data["last_reviewed"].isoformat()
        assert set(table) == {"name", "title", "sources", "last_reviewed", "covers", "note"}


def test_lpr_line_as_law_md_gives_it() -> None:
    # law.md §1: 13 changes from 2019-08-20 to 2025-05-20 (3.00 %), checked up to the 2026-02-20 publication.
    assert _by_name()["lpr.yaml"]["covers"] == (
        "13 次变动，2019-08-20 至 2025-05-20；最后一项 3%（2025-05-20 公布），只核对到 2026-02-20 的公布，"
        "之后的日期取最后一项并提示可能过时"
    )


def test_caps_line_as_law_md_gives_it() -> None:
    # law.md §2: five lender kinds, 24 % for financial loans, 4 × LPR for private ones, the 2020-08-20 rule.
    assert _by_name()["caps.yaml"]["covers"] == (
        "出借人类型 5 种；金融借款年利率 24%、民间借贷 4 倍LPR、2020-08-20 的过渡规则"
    )


def test_citations_line_counts_the_file() -> None:
    data = yaml.safe_load((DATA / "citations.yaml").read_text(encoding="utf-8"))
    unverified = sum(1 for entry in data["citations"].values() if entry.get("verify"))
    assert _by_name()["citations.yaml"]["covers"] == (
        f"法律文件 {len(data['laws'])} 部，条款 {len(data['citations'])} 条，其中待律师核对 {unverified} 条"
    )


def test_holiday_runs_built_in() -> None:
    assert _by_name()["holidays.yaml"]["covers"] == (
        f"2004—2026 年：{PACKAGE}；其他年份没有数据，期间最后一日按当日本身计算并提示"
    )


def test_holiday_runs_with_the_lawyer_s_years(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    (tmp_path / "holidays.yaml").write_text(
        "last_reviewed: 2026-12-01\n"
        "years:\n"
        "  2027: {reference: 国务院办公厅关于2027年部分节假日安排的通知, holidays: [2027-01-01]}\n"
        "  2029: {reference: 某通知, holidays: [2029-01-01]}\n"
        "  2030: {reference: 某通知, holidays: [2030-01-01]}\n",
        encoding="utf-8",
    )
    table = _by_name()["holidays.yaml"]
    assert table["covers"] == (
        f"2004—2026 年：{PACKAGE}；2027 年：holidays.yaml；2029—2030 年：holidays.yaml；"
        "其他年份没有数据，期间最后一日按当日本身计算并提示"
    )
    assert table["sources"] == [PACKAGE, "toolkit/law/data/holidays.yaml", str(tmp_path / "holidays.yaml")]


def test_citations_line_counts_the_provisions_to_verify(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFT_LAW_DIR", str(tmp_path))
    (tmp_path / "citations.yaml").write_text(
        "citations:\n  civil_code_680: {law: civil_code, article: 第六百八十条, about: 借款利率, verify: 待核对}\n",
        encoding="utf-8",
    )
    data = yaml.safe_load((DATA / "citations.yaml").read_text(encoding="utf-8"))
    unverified = 1 + sum(1 for entry in data["citations"].values() if entry.get("verify"))
    count = len(data["citations"]) + ("civil_code_680" not in data["citations"])
    assert _by_name()["citations.yaml"]["covers"] == (
        f"法律文件 {len(data['laws'])} 部，条款 {count} 条，其中待律师核对 {unverified} 条"
    )


def test_arguments_line_counts_the_file() -> None:
    data = yaml.safe_load((DATA / "arguments.yaml").read_text(encoding="utf-8"))
    assert _by_name()["arguments.yaml"]["covers"] == (
        f"答辩理由 {len(data['arguments'])} 项，每项引用的条文（citations.yaml 中的键）"
    )
