"""draft schema: the committed schema is the generated one, accepts the sample and refuses broken files.

The schema is checked with a small validator of the keywords it uses (type, enum, const, properties,
required, additionalProperties, items, anyOf, $ref, bounds, minLength, format date), so the test does
not depend on a JSON Schema package.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from toolkit.case.yamlsource import parse
from toolkit.cli import main
from toolkit.cli.schema import case_schema, schema_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "case.yaml"
COMMITTED = ROOT / "schema" / "case.schema.json"

TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, Decimal),
    "boolean": bool,
    "null": type(None),
}


def problems(value: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "") -> list[str]:
    """Where ``value`` breaks ``schema`` (empty when it conforms)."""
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return problems(value, target, root, path)
    if "anyOf" in schema:
        tries = [problems(value, option, root, path) for option in schema["anyOf"]]
        return [] if any(not found for found in tries) else [f"{path}: 不符合任何一种写法"]
    found: list[str] = []
    kind = schema.get("type")
    expected = TYPES.get(kind or "", object)
    if kind and (not isinstance(value, expected) or (isinstance(value, bool) and kind != "boolean")):
        return [f"{path}: 应为 {kind}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{path}: 不在 {schema['enum']} 中")
    if "const" in schema and value != schema["const"]:
        found.append(f"{path}: 应为 {schema['const']}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            found.append(f"{path}: 太短")
        if schema.get("format") == "date":
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                found.append(f"{path}: 不是日期")
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        bounds = [
            ("minimum", value >= schema.get("minimum", value)),
            ("exclusiveMinimum", "exclusiveMinimum" not in schema or value > schema["exclusiveMinimum"]),
            ("maximum", value <= schema.get("maximum", value)),
        ]
        found += [f"{path}: 越过 {name}" for name, ok in bounds if not ok]
    if isinstance(value, dict):
        found += [f"{path}.{key}: 缺少" for key in schema.get("required", []) if key not in value]
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                found += problems(item, properties[key], root, f"{path}.{key}")
            elif extra is False:
                found.append(f"{path}.{key}: 不认识的字段")
            elif isinstance(extra, dict):
                found += problems(item, extra, root, f"{path}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += problems(item, schema["items"], root, f"{path}[{i}]")
    return found


def sample_data(old: str = "", new: str = "") -> Any:
    """The sample as a YAML-aware editor sees it (dates are strings, numbers numbers), optionally edited."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    return parse(text.replace(old, new), "case.yaml").data


def test_committed_schema_is_the_generated_one() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), "请运行 draft schema --out schema/case.schema.json"


def test_sample_points_at_the_committed_schema() -> None:
    first = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/case.schema.json"
    assert (SAMPLE.parent / first.split("=", 1)[1]).resolve() == COMMITTED


def test_schema_accepts_the_sample() -> None:
    schema = case_schema()
    assert problems(sample_data(), schema, schema) == []


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("  term_months: 2", "  term_month: 2", ".loan.term_month: 不认识的字段"),
        ('id_number: "410105199403012319"', "id_number: 410105199403012319", ".client.id_number: 应为 string"),
        ("kind: microfinance", "kind: loanshark", ".lender.kind: 不在"),
        ("principal: 18000.00                   # 合同", "principal: 一万八  # 合同", ".loan.principal"),
        ("principal: 18000.00                   # 合同", "principal: 0                   # 合同", ".loan.principal"),
        ("version: 1", "version: 2", ".version: 应为 1"),
        ("birth_date: 1994-03-01", "birth_date: 1994-02-30", ".client.birth_date: 不是日期"),
        ("  name: 李明\n", "", ".client.name: 缺少"),
    ],
)
def test_schema_refuses_a_broken_case(old: str, new: str, where: str) -> None:
    schema = case_schema()
    found = problems(sample_data(old, new), schema, schema)
    assert any(where in problem for problem in found), found


def test_amounts_are_numbers_and_identifiers_strings() -> None:
    defs = case_schema()["$defs"]
    assert defs["Loan"]["properties"]["principal"]["type"] == "number"
    assert defs["Loan"]["properties"]["principal"]["exclusiveMinimum"] == 0
    fees = defs["Claims"]["properties"]["fees"]
    assert (fees["type"], fees["minimum"], fees["default"]) == ("number", 0, 0)
    assert defs["Client"]["properties"]["id_number"]["type"] == "string"
    assert "number" not in json.dumps(defs["Lender"]["properties"]["credit_code"])
    assert "string" not in json.dumps(defs["Hardship"]["properties"]["monthly_expenses"]["additionalProperties"])


def test_every_field_has_a_chinese_description() -> None:
    for name, model in case_schema()["$defs"].items():
        for field, spec in model["properties"].items():
            assert any("\u4e00" <= ch <= "\u9fff" for ch in spec.get("description", "")), f"{name}.{field}"


def test_draft_schema_prints_and_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["schema"])
    assert capsys.readouterr().out == schema_text()
    target = tmp_path / "case.schema.json"
    main(["schema", "--out", str(target)])
    assert target.read_text(encoding="utf-8") == schema_text()
    with pytest.raises(SystemExit) as stopped:
        main(["schema", "--out", str(target)])
    assert stopped.value.code == 1 and "已存在" in capsys.readouterr().err
