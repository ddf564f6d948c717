"""PDF copies of written .docx files, made by LibreOffice in one headless run for many files.

Starting LibreOffice costs seconds, so every file of a call is converted by one process. Each call gets a
profile folder of its own (``-env:UserInstallation``), so parallel batch workers and a lawyer's open
LibreOffice never share or lock one. The files are linked into a private folder under numbered names
first: two clients of the same name in different case folders cannot collide there. Every PDF is checked
(it exists and starts with ``%PDF``) before it is put next to its .docx, through the same no-overwrite
rule as the documents (``--force`` to replace).

Fonts: templates name 仿宋/宋体 (body) and 黑体 (headings), which a Linux machine seldom has; LibreOffice then
falls back to whatever fontconfig offers first, often a 黑体-like sans. Each conversion therefore runs with
a fontconfig file of its own (``FONTCONFIG_FILE``; the system's and the user's settings are included
unchanged, nothing is written outside the private folder) that names, after each of those families, the
serif or sans CJK face Debian ships (Noto Serif CJK SC / Noto Sans CJK SC, package fonts-noto-cjk), for
CJK and Latin text alike. A machine that has the real 仿宋 keeps it: the names are accepted after it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from toolkit.errors import DraftError, OutputError
from toolkit.files import write_atomic
from toolkit.render.xmlscan import escaped

# The families the templates name, and the face that stands in for each when the machine lacks it.
SERIF_FACE = "Noto Serif CJK SC"
SANS_FACE = "Noto Sans CJK SC"
SERIF_FAMILIES = ("仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312", "宋体", "SimSun", "新宋体", "Times New Roman")
SANS_FAMILIES = ("黑体", "SimHei")
BASE_SECONDS = 120  # start-up, profile creation, fonts
SECONDS_PER_FILE = 10
_PROGRAMS = ("soffice", "libreoffice")


class PdfConversionError(DraftError):
    """LibreOffice is missing, failed, timed out, or gave no valid PDF for a document."""


def find_soffice() -> str:
    for name in _PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    raise PdfConversionError(
        "找不到 LibreOffice（soffice），无法生成 PDF；.docx 文书已生成",
        "请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui），或去掉 --pdf",
    )


def pdf_path(docx: Path) -> Path:
    return docx.with_suffix(".pdf")


def convert_to_pdf(paths: Sequence[Path], *, force: bool = False) -> list[Path]:
    """A PDF beside each .docx in ``paths`` (same name, ``.pdf``), in the same order."""
    if not paths:
        return []
    targets = [pdf_path(path) for path in paths]
    existing = [str(target) for target in targets if target.exists()]
    if existing and not force:
        raise OutputError(f"PDF 已存在，未覆盖：{'、'.join(existing)}", "如确需覆盖，请加 --force")
    program = find_soffice()
    with tempfile.TemporaryDirectory(prefix="draft-pdf-") as work:
        folder = Path(work)
        inputs = folder / "in"
        inputs.mkdir()
        staged = [_stage(path, inputs / f"{number:06d}.docx") for number, path in enumerate(paths)]
        _run(program, folder, staged, len(paths))
        produced = [_valid_pdf(folder / "out" / f"{n:06d}.pdf", source) for n, source in enumerate(paths)]
    for target, data in zip(targets, produced, strict=True):
        write_atomic(target, data, force=force)
    return targets


def _stage(source: Path, link: Path) -> Path:
    try:
        os.symlink(source.resolve(), link)
    except OSError:
        shutil.copyfile(source, link)
    return link


def _run(program: str, folder: Path, files: list[Path], count: int) -> None:
    profile = (folder / "profile").as_uri()
    command = [
        program,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(folder / "out"),
        *map(str, files),
    ]
    timeout = BASE_SECONDS + SECONDS_PER_FILE * count
    env = {**os.environ, "HOME": str(folder), "FONTCONFIG_FILE": str(font_config(folder))}
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True
        )
    except OSError as exc:
        raise PdfConversionError(f"无法启动 LibreOffice（{exc.strerror}）", "请检查 LibreOffice 是否安装完整") from None
    try:
        _, error = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise PdfConversionError(
            f"LibreOffice 转换 {count} 份文书超过 {timeout} 秒仍未完成，已停止",
            "请检查 LibreOffice 能否正常运行（soffice --headless --version），或分批转换",
        ) from None
    if process.returncode != 0:
        detail = error.decode("utf-8", "replace").strip().splitlines()[-1:] or ["无输出"]
        raise PdfConversionError(
            f"LibreOffice 转换失败（退出码 {process.returncode}：{detail[0]}）",
            "请检查 LibreOffice 是否安装完整；.docx 文书已生成，可用 Word 另存为 PDF",
        )


def font_config(folder: Path) -> Path:
    """A fontconfig file in ``folder``: the system's configuration, then each template family followed by
    the Debian face that replaces it (``accept``: after the family itself, so an installed 仿宋 still wins)."""
    system = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    aliases = [(family, SERIF_FACE) for family in SERIF_FAMILIES] + [(family, SANS_FACE) for family in SANS_FAMILIES]
    lines = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        "<fontconfig>",
        f'  <include ignore_missing="yes">{escaped(system)}</include>',
        *(
            f'  <alias binding="strong"><family>{escaped(family)}</family>'
            f"<accept><family>{escaped(face)}</family></accept></alias>"
            for family, face in aliases
        ),
        "</fontconfig>",
    ]
    path = folder / "fonts.conf"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _valid_pdf(produced: Path, source: Path) -> bytes:
    try:
        data = produced.read_bytes()
    except OSError:
        raise PdfConversionError(
            f"LibreOffice 没有为 {source.name} 生成 PDF", "请用 Word 或 LibreOffice 打开该 .docx 检查是否损坏"
        ) from None
    if not data.startswith(b"%PDF"):
        raise PdfConversionError(f"为 {source.name} 生成的文件不是 PDF", "请用 Word 或 LibreOffice 打开该 .docx 检查")
    return data
