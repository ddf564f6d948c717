"""`draft answer` end to end: a real Word file, read back by python-docx and by LibreOffice; bad input
gives one clear message, a non-zero exit and no file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from support import run_draft as draft

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "case.yaml"
ANSWER = "李明-民事答辩状.docx"


@pytest.fixture(scope="module")
def sample_answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("answer")
    result = draft("answer", "--case", SAMPLE, "--out", out)
    assert result.returncode == 0, result.stderr
    return out / ANSWER


def test_answer_opens_in_python_docx_with_the_court_layout(sample_answer: Path) -> None:
    document = Document(str(sample_answer))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[0] == "民事答辩状"
    assert document.paragraphs[0].alignment == 1  # centred
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋"
    # a date carries invisible word joiners (U+2060) so that it never breaks over two lines
    assert texts[-1].replace("\u2060", "") == "2026年11月29日"
    # the signature and date block stays with the last lines: 此致 … 答辩人（签名） keep with the next line
    block = document.paragraphs[-7:]
    assert all(p.paragraph_format.keep_together for p in block)
    assert all(p.paragraph_format.keep_with_next for p in block[:-1])
    assert "北京互联网法院" in texts[texts.index("此致") + 1]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by .ci/run")
def test_libreoffice_reads_every_required_part(sample_answer: Path, tmp_path: Path) -> None:
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(sample_answer),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / sample_answer.with_suffix(".pdf").name
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = "".join(text.split())
    parts = [
        "民事答辩状",
        "答辩人：李明",
        "答辩如下",
        "答辩请求",
        "事实和理由",
        "利息计算表",
        "证据清单",
        "此致",
        "北京互联网法院",
        "附：本答辩状副本1份",
        "答辩人（签名）",
        "2026年11月29日",
    ]
    position = 0
    for part in parts:  # each part present, after the one before it
        found = flat.find(part, position)
        assert found >= 0, f"{part} missing or out of order"
        position = found + len(part)
    # the figures of law.md §4's worked example, printed with their uppercase words
    for figure in [
        # rows booked rounded down (law.md §4.4): 721.3709… → 721.37, 1,929.2054… → 1,929.20, sum 2,650.57;
        # 18,000.00 + 2,650.57 = 20,650.57; 23,000.00 − 20,650.57 = 2,349.43
        "20,650.57元（人民币贰万零陆佰伍拾元零伍角柒分）",
        "2,349.43元（人民币贰仟叁佰肆拾玖元肆角叁分）",
        "721.37",
        "1,929.20",
        "2,650.57",
    ]:
        assert figure in flat


def test_existing_file_is_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "answer.docx"
    target.write_bytes(b"lawyer's own edits")
    result = draft("answer", "--case", SAMPLE, "--out", target)
    assert result.returncode == 1
    assert "已存在" in result.stderr and "--force" in result.stderr
    assert target.read_bytes() == b"lawyer's own edits"
    assert draft("answer", "--case", SAMPLE, "--out", target, "--force").returncode == 0
    assert target.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == ["answer.docx"]  # no temporary file left


def test_names_from_data_stay_in_the_output_folder(tmp_path: Path, sample_text: str) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(sample_text.replace("  name: 李明\n", "  name: ../../etc/李明\n"), encoding="utf-8")
    out = tmp_path / "out"
    result = draft("answer", "--case", case, "--out", out)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["etc_李明-民事答辩状.docx"]


def test_autoescape_keeps_markup_characters_verbatim(tmp_path: Path, sample_text: str) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(sample_text.replace("重庆市小米小额贷款有限公司", "A&B <Co> 小额贷款有限公司"), encoding="utf-8")
    out = tmp_path / "out"
    assert draft("answer", "--case", case, "--out", out).returncode == 0
    text = "\n".join(p.text for p in Document(str(out / ANSWER)).paragraphs)
    assert "原告A&B <Co> 小额贷款有限公司与答辩人李明" in text


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("  term_months: 2", "  term_monhts: 2"), "loan.term_monhts: 不认识的字段"),
        (("  term_months: 2", "  term_months: 两个月"), "loan.term_months: 应为整数"),
        (('"410105199403012319"', "410105199403012319"), "client.id_number: 像数字的编号必须加引号"),
        (("served_on: 2026-11-20", "served_on: 2026-11-31"), "court.served_on: 不是有效的日期"),
    ],
)
def test_bad_case_file_gives_one_clear_message_and_no_file(
    tmp_path: Path, sample_text: str, edit: tuple[str, str], expected: str
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(sample_text.replace(*edit), encoding="utf-8")
    out = tmp_path / "out"
    result = draft("answer", "--case", case, "--out", out)
    assert result.returncode == 1
    assert expected in result.stderr and f"{case}:" in result.stderr
    assert "Traceback" not in result.stderr and "410105199403012319" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_missing_answer_section_stops_only_the_answer(tmp_path: Path, sample_text: str) -> None:
    start, end = sample_text.index("answer:                                 #"), sample_text.index("signing:")
    case = tmp_path / "case.yaml"
    case.write_text(sample_text[:start] + sample_text[end:], encoding="utf-8")
    out = tmp_path / "out"
    result = draft("answer", "--case", case, "--out", out)
    assert result.returncode == 1 and "answer" in result.stderr
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00v\x00e\x00r", b"- just\n- a list\n"])
def test_empty_binary_or_list_file(tmp_path: Path, content: bytes) -> None:
    case = tmp_path / "case.yaml"
    case.write_bytes(content)
    result = draft("answer", "--case", case, "--out", tmp_path / "out")
    assert result.returncode == 1 and result.stderr.startswith("错误：")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_knowing_override_is_printed_as_the_record(tmp_path: Path) -> None:
    """law.md §5: a hardship statement after limitation has expired is drafted only with --allow, and says so."""
    expired = ROOT / "samples" / "bank-expired.yaml"
    refused = draft("hardship", "--case", expired, "--out", tmp_path)
    assert refused.returncode == 1 and "LIMITATION-GIVEAWAY" in refused.stderr
    assert not any(tmp_path.iterdir())
    allowed = draft("hardship", "--case", expired, "--out", tmp_path, "--allow", "LIMITATION-GIVEAWAY")
    assert allowed.returncode == 0, allowed.stderr
    assert "[已按 --allow 放行的错误] [LIMITATION-GIVEAWAY]" in allowed.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["张丽-困难情况说明.docx"]
