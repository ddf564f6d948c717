"""Reading the legal scenarios: a case snippet merged onto base_case.yaml, and the figures expected.

A scenario file holds:

    name: what the scenario shows, in a sentence
    rests_on: the law.md section and provisions
    case: {…}            # merged onto base_case.yaml
    arithmetic: |        # the hand calculation behind every expected figure
      …
    expected:            # report keys (figures_json), dotted for nested ones: ledger.overpaid, schedule.0.amount
      excess: "2349.43"
    expected_gaps: [holidays_missing]     # the kinds of data gaps, in order; absent means none
    expected_missing: {rate_cap: court.filed_on}  # figure left null → the case field it lacks; absent: none
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from toolkit.case.datafiles import merged
from toolkit.case.load import case_from_data
from toolkit.case.models import Case
from toolkit.case.yamlsource import parse, read_text

HERE = Path(__file__).parent
SCENARIOS = sorted((HERE / "scenarios").glob("*.yaml"))
SCENARIO_KEYS = {"name", "rests_on", "case", "arithmetic", "expected", "expected_gaps", "expected_missing"}


def read_scenario(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = parse(read_text(path), path).data
    unknown = set(data) - SCENARIO_KEYS
    assert not unknown, f"{path.name}: unknown keys {unknown}"
    assert {"name", "rests_on", "case", "arithmetic", "expected"} <= set(data), f"{path.name}: incomplete"
    return data


def scenario_case(scenario: dict[str, Any], source: Path) -> Case:
    base = parse(read_text(HERE / "base_case.yaml"), "base_case.yaml").data
    return case_from_data(_drop_nulls(merged(base, scenario["case"])), source)


def _drop_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    return value


def lookup(report: Any, dotted: str) -> Any:
    """``ledger.overpaid`` or ``schedule.0.amount`` in the report."""
    value = report
    for part in dotted.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value
