"""Shared fixtures: the sample case, a way to make variants of it from YAML text, and an environment the
user's machine cannot change.

Every test runs as on a fresh machine in China: no ``DRAFT_LAW_DIR`` (a user's own ``lpr.yaml`` would
change expected figures), no ``DRAFT_TEMPLATES``, a UTF-8 C locale, the time zone Asia/Shanghai, and the
legal tables read afresh (they are cached once per process, so a test that points ``DRAFT_LAW_DIR`` at
its own folder must not leak its table into the next test).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis' deadline and its slow-generation check are timing assertions: on a busy machine they fail
# tests that are right. Speed is measured in benchmarks/, not asserted here.
settings.register_profile("draft", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("draft")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "case.yaml"

_USER_VARIABLES = ("DRAFT_LAW_DIR", "DRAFT_TEMPLATES", "LANGUAGE", "LC_MESSAGES", "LC_NUMERIC", "LC_TIME")
_FIXED = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "Asia/Shanghai", "PYTHONUTF8": "1"}


def clear_cached_tables() -> None:
    """Forget every table a ``toolkit.law`` module cached (LPR, caps, citations, holidays …), and the lender
    kinds the case model reads from caps.yaml."""
    for name, module in list(sys.modules.items()):
        if name == "toolkit.law" or name.startswith("toolkit.law.") or name == "toolkit.case.lender_kinds":
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                    value.cache_clear()


def pytest_configure(config: pytest.Config) -> None:
    """The same environment while tests are collected (a module may compute figures at import)."""
    for variable in _USER_VARIABLES:
        os.environ.pop(variable, None)
    os.environ.update(_FIXED)
    os.environ["DRAFT_CACHE_DIR"] = tempfile.mkdtemp(prefix="draft-cache-")  # never the user's own cache
    time.tzset()


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for variable in _USER_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in _FIXED.items():
        monkeypatch.setenv(variable, value)
    time.tzset()
    clear_cached_tables()
    yield
    monkeypatch.undo()
    time.tzset()
    clear_cached_tables()


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")
