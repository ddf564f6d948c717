"""Every message a person reads on the command line is Chinese, with click's exit codes (2 for usage).

One test per kind of message: an unknown option or command (with "did you mean"), a missing or wrong
value, a file where a folder is expected and a folder where a file is expected, ``--out`` of an unknown
type, and the ``--help`` boilerplate. The expected words are written here by hand, not copied from output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import run_cli

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "case.yaml"


def _error(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code, out, err = run_cli(args, capsys)
    assert "Traceback" not in out + err and "Error:" not in err and "Usage:" not in err, err
    return code, err


def test_an_unknown_option_says_so_and_suggests_the_right_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _error(["answer", "--case", str(SAMPLE), "--otu", "out"], capsys)
    assert code == 2
    assert "错误：没有选项 --otu。" in err and "您是不是要输入 '--out'？" in err
    assert "用法: draft answer [选项]" in err and "运行 draft answer --help 查看用法。" in err


def test_an_unknown_command_suggests_the_right_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _error(["anser"], capsys)
    assert code == 2 and "没有命令 anser。" in err and "'answer'" in err


def test_a_missing_option_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _error(["answer"], capsys)
    assert code == 2 and "缺少必填的选项 '--case'" in err


def test_a_value_outside_the_choices_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _error(["answer", "--case", str(SAMPLE), "--style", "short"], capsys)
    assert code == 2 and "'--style' 的值不对" in err and "不是可选的值之一" in err and "'elements'" in err


def test_a_value_of_the_wrong_type_names_the_type(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _error(["batch", str(SAMPLE), "--out", "out", "--jobs", "x"], capsys)
    assert code == 2 and "'--jobs' 的值不对：'x' 不是有效的整数。" in err


def test_a_file_where_a_folder_is_expected_says_it_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    code, err = _error(["answer", "--case", str(SAMPLE), "--templates", str(afile)], capsys)
    assert code == 2 and f"文件夹 {afile} 是一个文件，不是文件夹" in err
    code, err = _error(["answer", "--case", str(SAMPLE), "--out", str(afile / "sub")], capsys)
    assert code == 2 and f"{afile} 是一个文件，不是文件夹" in err
    for args in (["templates", "export", "answer", str(afile / "sub")], ["init", str(afile / "new.yaml"), "--yes"]):
        code, err = _error(args, capsys)
        assert code == 2 and f"{afile} 是一个文件，不是文件夹，无法在其中写入" in err, err
    assert sorted(tmp_path.iterdir()) == [afile]  # nothing written


def test_a_folder_where_a_file_is_expected_says_it_is_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _error(["init", str(tmp_path)], capsys)
    assert code == 2 and f"文件 {tmp_path} 是一个文件夹，不是文件" in err


def test_out_of_an_unknown_type_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _error(["answer", "--case", str(SAMPLE), "--out", str(tmp_path / "answer.txt")], capsys)
    assert code == 2 and "不支持的文件类型 .txt" in err and ".pdf" in err
    assert list(tmp_path.iterdir()) == []


def test_help_boilerplate_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["answer", "--help"], capsys)
    assert code == 0
    assert out.startswith("用法: draft answer [选项]") and "选项:" in out and "显示此帮助并退出。" in out
    assert "Show this message" not in out and "[required]" not in out and "[必填]" in out
    code, out, _ = run_cli(["--help"], capsys)
    assert code == 0 and "用法: draft [选项] 命令 [参数]..." in out and "显示版本并退出。" in out


def test_english_is_chosen_only_by_an_english_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from toolkit.cli import chinese

    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert chinese.wants_english()
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert not chinese.wants_english()
    assert chinese.ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 2).startswith(
        "（您是不是要输入其中之一"
    )
