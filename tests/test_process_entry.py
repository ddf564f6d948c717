"""The process's entry (``python -m toolkit``, the ``draft`` script): a command runs without the cyclic
garbage collector, except ``draft batch``, which drafts its cases with it on (toolkit/__main__.py)."""

from __future__ import annotations

import gc
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import toolkit.__main__ as entry
from toolkit import drafting
from toolkit.batch import batch

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "case.yaml"


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    """The entry leaves the collector off and every object frozen, and Ctrl+C ignored, as a process that
    then ends may: the test process gets its collector and its signal handlers back."""
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    yield
    gc.unfreeze()
    gc.enable()
    for signum, handler in handlers.items():
        signal.signal(signum, handler)


def test_a_signal_once_the_command_is_done_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A Ctrl+C or SIGTERM that comes while the interpreter exits (a batch's last case was just reported)
    would print a traceback from its exit handlers: the finished command ignores both."""
    assert _run(monkeypatch, "answer", "--case", SAMPLE, "--out", tmp_path) == 0
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN


def _run(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["draft", *map(str, args)])
    try:
        entry.run()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def _collector_states(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[bool]:
    """Whether the collector was on at each call of ``module.name`` (filled as the calls come)."""
    seen: list[bool] = []
    real = getattr(module, name)

    def recorded(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, recorded)
    return seen


def test_a_one_case_command_drafts_without_the_collector(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = _collector_states(monkeypatch, drafting, "draft")
    assert _run(monkeypatch, "answer", "--case", SAMPLE, "--out", tmp_path) == 0
    assert seen == [False]
    assert (tmp_path / "李明-民事答辩状.docx").is_file()
    assert gc.get_freeze_count() > 0  # what the process made is left to its end, not walked again at exit


def test_a_batch_drafts_with_the_collector_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = _collector_states(monkeypatch, batch, "draft_batch")
    code = _run(monkeypatch, "batch", SAMPLE, "--docs", "answer", "--out", tmp_path / "out", "--jobs", "1")
    assert code == 0
    assert seen == [True]
