"""Helpers shared by the tests of every folder (tests/ is on sys.path through its conftest.py)."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DELETE = object()  # as a value in ``edited``: remove the key


def kind_names() -> list[str]:
    """Every registered document kind, in ``draft all``'s order: the tests' list of kinds."""
    from toolkit.documents import kinds

    return list(kinds())


def letter_names() -> list[str]:
    """The kinds that offer to pay and so acknowledge the debt (law.md §5, client protection)."""
    from toolkit.documents import kinds

    return [name for name, kind in kinds().items() if kind.acknowledges_debt]


def run_draft(*args: str | Path, cwd: Path | None = None, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """``draft …`` as a user runs it (``python -m toolkit``), capturing what it prints."""
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=timeout,
    )


def run_cli(args: list[str], capsys: Any) -> tuple[int, str, str]:
    """Run ``draft`` in-process (faster than :func:`run_draft`): (exit code, stdout, stderr)."""
    from toolkit.cli import main

    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return int(code or 0), out.out, out.err


def edited(data: dict[str, Any], changes: dict[str, Any] | None) -> dict[str, Any]:
    """A deep copy of case data with dotted-path changes (``{"loan.disbursed": "16000"}``); a value of
    ``DELETE`` removes the key."""
    data = copy.deepcopy(data)
    for dotted, value in (changes or {}).items():
        *parents, last = dotted.split(".")
        node = data
        for key in parents:
            node = node[key]
        if value is DELETE:
            del node[last]
        else:
            node[last] = value
    return data
