"""``draft templates list | export | check`` and ``draft context``: exit codes, what they print, their JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from templates_support import ANSWER, BUILTIN, SAMPLE, run_cli, with_paragraph

from toolkit.render.templates import builtin_manifest


def test_list_shows_every_builtin_template_and_where_it_comes_from(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["templates", "list"], capsys)
    assert code == 0
    for key in builtin_manifest().templates:
        assert key in out
    assert "内置" in out and "answer (narrative)" in out


def test_list_shows_a_firm_template_replacing_the_builtin_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "answer.docx").write_bytes(ANSWER.read_bytes())
    code, out, _ = run_cli(["templates", "list", "--templates", str(tmp_path), "--json"], capsys)
    rows = {row["key"]: row for row in json.loads(out)}
    assert code == 0
    assert rows["answer"]["source"] == f"自己的模板文件夹 {tmp_path.resolve()}"
    assert rows["answer"]["file"] == str((tmp_path / "answer.docx").resolve())
    assert rows["answer"]["document"] == "answer" and rows["answer"]["style"] == "narrative"
    assert rows["answer-elements"]["source"] == "内置"


def test_list_reads_the_environment_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "answer.docx").write_bytes(ANSWER.read_bytes())
    monkeypatch.setenv("DRAFT_TEMPLATES", str(tmp_path))
    _, out, _ = run_cli(["templates", "list", "--json"], capsys)
    assert {row["key"]: row["source"] for row in json.loads(out)}["answer"].startswith("自己的模板文件夹")


def test_export_copies_a_template_and_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    code, out, _ = run_cli(["templates", "export", "answer", str(folder)], capsys)
    assert code == 0 and (folder / "answer.docx").read_bytes() == ANSWER.read_bytes()
    assert "draft templates check" in out and "--templates" in out
    (folder / "answer.docx").write_bytes(b"my edits")
    code, _, err = run_cli(["templates", "export", "answer", str(folder)], capsys)
    assert code == 1 and "已存在" in err and "--force" in err
    assert (folder / "answer.docx").read_bytes() == b"my edits"
    code, _, _ = run_cli(["templates", "export", "answer", str(folder), "--force"], capsys)
    assert code == 0 and (folder / "answer.docx").read_bytes() == ANSWER.read_bytes()


def test_export_all_copies_every_builtin_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run_cli(["templates", "export", "all", str(tmp_path)], capsys)
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(e.file for e in builtin_manifest().templates.values())


def test_export_of_an_unknown_template_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["templates", "export", "complaint", str(tmp_path)], capsys)
    assert code == 2 and "没有名为 complaint 的内置模板" in err


def test_check_passes_the_builtin_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["templates", "check", str(BUILTIN)], capsys)
    assert code == 0 and "0 个错误" in out


def test_check_fails_a_broken_template_and_says_where_and_how_to_fix_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = with_paragraph(tmp_path, "答辩人：", "答辩人：{{ client.nme }}。")
    code, out, _ = run_cli(["templates", "check", str(path)], capsys)
    assert code == 1
    assert "错误 [TAG-UNKNOWN-VARIABLE] 正文第 2 段：client.nme 不存在" in out
    assert "段落：答辩人：{{ client.nme }}。" in out and "→ 是否想写 client.name？" in out


def test_check_json_has_id_severity_message_location_and_context(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_paragraph(tmp_path, "答辩人：", "答辩人：{{ client.nme }}。")
    code, out, _ = run_cli(["templates", "check", str(tmp_path), "--json"], capsys)
    report = json.loads(out)
    assert code == 1 and report["ok"] is False
    (template,) = report["templates"]
    assert (template["key"], template["document"], template["ok"]) == ("answer", "answer", False)
    finding, incomplete = template["findings"]
    assert incomplete["id"] == "LINT-INCOMPLETE" and incomplete["severity"] == "warning"
    assert finding["id"] == "TAG-UNKNOWN-VARIABLE" and finding["severity"] == "error"
    assert finding["location"] == {
        "part": "word/document.xml",
        "paragraph": 2,
        "table": None,
        "row": None,
        "cell": None,
        "text": "正文第 2 段",
    }
    assert finding["context"] == "答辩人：{{ client.nme }}。" and finding["hint"] == "是否想写 client.name？"


def test_check_of_a_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["templates", "check", str(tmp_path / "none.docx")], capsys)
    assert code == 2 and "找不到" in err


def test_context_json_keeps_amounts_as_strings_and_dates_iso(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["context", "--case", str(SAMPLE), "--doc", "answer", "--json"], capsys)
    data = json.loads(out)
    assert code == 0
    context = data["context"]
    assert context["loan"]["principal"] == "18000.00"  # samples/case.yaml: principal 18000.00
    assert context["loan"]["contract_date"] == "2026-03-10"
    assert context["claims"]["as_of"] == "2026-10-20"
    assert context["client"]["id_number"] != "410105199403012319"  # never printed in full
    assert {"court", "client", "lender", "loan", "claims", "figures", "law", "doc"} <= set(context)


def test_context_lists_the_filters_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(["context", "--case", str(SAMPLE), "--doc", "answer", "--json"], capsys)
    examples = {row["name"]: row for row in json.loads(out)["filters"]}
    assert examples["yuan"]["output"] == "18,000.00"  # 18000 with thousands separator and two decimals
    assert examples["rmb_upper"]["output"] == "人民币壹万捌仟元零伍角"  # 18,000.50: 零 after 元 before 伍角
    assert examples["cn_date"]["output"] == "2026年3月10日"
    assert examples["money"]["output"] == "2,349.43元（人民币贰仟叁佰肆拾玖元肆角叁分）"


def test_context_text_is_a_readable_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["context", "--case", str(SAMPLE), "--doc", "answer"], capsys)
    assert code == 0
    assert "client:\n  name: 李明\n" in out
    assert "  interruptions:  （列表，1 项）\n    - date: 2026-08-01\n      kind: demand\n" in out
    assert "{{ 值|cn_date }}   值为 2026-03-10  →  2026年3月10日" in out


def test_context_of_the_complete_sample_has_every_list_filled(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["context", "--sample", "--doc", "answer", "--json"], capsys)
    context = json.loads(out)["context"]
    assert code == 0
    assert context["loan"]["repayments"] and context["figures"]["ledger"]["payments"]
    assert context["answer"]["arguments"] and context["hardship"]["events"] and context["agent"]


def test_context_needs_a_case_or_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["context", "--doc", "answer"], capsys)
    assert code == 2 and "--case" in err
