"""The built wheel works where a user installs it: a fresh venv outside the checkout, run from an empty folder.

Every other test runs from the checkout, where templates/, samples/ and schema/ lie beside the code; this
one catches a wheel that forgets them (or any module). It builds the wheel as `pip wheel` does, installs
it with its dependencies into a new venv (when the package index cannot be reached, the dependencies
already installed for this test run are lent to the venv instead, and the wheel alone is installed), then
drafts the sample answer, lists and exports the templates and starts a blank case, from an empty folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(command: list[str | Path], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env={**env, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=lambda: os.umask(0o022),
    )


def _build_wheel(dist: Path) -> Path:
    pip_wheel: list[str | Path] = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", dist, ROOT]
    built = _run(pip_wheel, dist.parent)
    if built.returncode != 0:  # no index for the build backend: build with the setuptools at hand
        built = _run([*pip_wheel, "--no-build-isolation"], dist.parent)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("draft_toolkit-*.whl")
    return wheel


def _install(wheel: Path, env_dir: Path) -> Path:
    venv.create(env_dir)  # no pip inside: this run's pip installs into it (pip --python), which is faster
    python = env_dir / "bin" / "python"
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--python", python, "install", "-q"]
    installed = _run([*pip, wheel], env_dir)
    if installed.returncode != 0:  # offline: the wheel alone, its dependencies lent by this test run
        only = _run([*pip, "--no-deps", wheel], env_dir)
        assert only.returncode == 0, installed.stderr + only.stderr
        purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
        site = Path(_run([python, "-c", purelib], env_dir).stdout.strip())
        lent = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
        (site / "zz-lent-dependencies.pth").write_text("\n".join(sorted(lent)) + "\n", encoding="utf-8")
    return env_dir / "bin" / "draft"


def test_the_wheel_installed_outside_the_checkout_drafts_from_an_empty_folder(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "empty"
    dist.mkdir()
    work.mkdir()
    draft = _install(_build_wheel(dist), tmp_path / "venv")

    def ok(*args: str) -> str:
        result = _run([draft, *args], work)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        return result.stdout + result.stderr

    where = _run([draft.parent / "python", "-c", "import toolkit; print(toolkit.__file__)"], work).stdout
    assert str(ROOT) not in where and "site-packages" in where  # the installed copy, not the checkout

    listed = ok("templates", "list")
    assert "answer" in listed and "内置" in listed and "缺失" not in listed
    ok("templates", "export", "answer", "my-templates")
    assert (work / "my-templates" / "answer.docx").read_bytes()[:2] == b"PK"

    ok("init", "示例.yaml", "--from", "samples/case.yaml", "--yes")
    text = (work / "示例.yaml").read_text(encoding="utf-8")
    schema_ref = text.splitlines()[0].split("=", 1)[1]
    assert (work / schema_ref).resolve().is_file()  # the editor finds the installed schema
    assert "已生成" in ok("answer", "--case", "示例.yaml", "--out", "out")
    (document,) = (work / "out").glob("*-民事答辩状.docx")
    assert document.name == "李明-民事答辩状.docx" and document.read_bytes()[:2] == b"PK"
    assert document.stat().st_mode & 0o777 == 0o644  # umask 022

    ok("init", "新案件.yaml", "--yes")
    refused = _run([draft, "check", "--case", "新案件.yaml"], work)
    assert refused.returncode == 1 and "client.name: 尚未填写" in refused.stderr, refused.stderr
    assert "Traceback" not in refused.stderr
    assert sorted(path.name for path in work.iterdir()) == ["my-templates", "out", "新案件.yaml", "示例.yaml"]
