"""The code stays clean: ruff (lint and format) and mypy --strict on toolkit/, as CI runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "toolkit", "tests", "benchmarks"],
        [sys.executable, "-m", "ruff", "format", "--check", "toolkit", "tests", "benchmarks", "tools"],
        [sys.executable, "-m", "mypy", "toolkit"],
    ],
    ids=["ruff", "ruff-format", "mypy"],
)
def test_static_checks(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_float_in_toolkit() -> None:
    offenders = [
        f"{path}:{n}"
        for path in (ROOT / "toolkit").rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "float(" in line
    ]
    assert offenders == []
