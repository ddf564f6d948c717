"""Runs every legal scenario in scenarios/*.yaml: each is a small case, the figures a lawyer worked out
by hand from law.md, and the arithmetic behind them."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario_support import SCENARIOS, lookup, read_scenario, scenario_case

from toolkit.law.compute import compute_figures
from toolkit.law.report import figures_json


def test_there_are_scenarios() -> None:
    assert len(SCENARIOS) >= 15


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_scenario(path: Path) -> None:
    scenario = read_scenario(path)
    report = figures_json(compute_figures(scenario_case(scenario, path)))
    wrong = {
        key: (lookup(report, key), want) for key, want in scenario["expected"].items() if lookup(report, key) != want
    }
    assert not wrong, f"{scenario['name']}: (got, expected) {wrong}\n{scenario['arithmetic']}"
    # Absent expectations mean none: a spurious gap or a lost stale-LPR warning fails every scenario.
    assert [g["kind"] for g in report["gaps"]] == scenario.get("expected_gaps", []), scenario["name"]
    assert {m["figure"]: m["field"] for m in report["missing"]} == scenario.get("expected_missing", {})
    assert all(set(g) == {"kind", "day", "detail"} and g["day"] and g["detail"] for g in report["gaps"])
    assert all(set(m) == {"figure", "field", "detail"} and m["detail"] for m in report["missing"])
