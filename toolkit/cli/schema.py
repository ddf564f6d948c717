"""``draft schema``: the JSON Schema of the case file, for editor completion and checking.

Generated from the pydantic models, so the field names, choices and Chinese descriptions an editor shows
are the ones the loader enforces. Amounts and rates (``Decimal``) are numbers in the schema, so an editor
accepts ``18000.00``; identifiers stay strings, so an unquoted ID number is flagged as it is by the loader.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from toolkit.case.models import Case
from toolkit.cli.output import writable_folder
from toolkit.files import write_atomic

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_BOUNDS = {"ge": "minimum", "gt": "exclusiveMinimum", "le": "maximum", "lt": "exclusiveMaximum"}


class _CaseSchema(GenerateJsonSchema):
    """Decimals as plain numbers, their bounds as JSON Schema keywords."""

    def decimal_schema(self, schema: core_schema.DecimalSchema) -> JsonSchemaValue:
        result: JsonSchemaValue = {"type": "number"}
        for key, keyword in _BOUNDS.items():
            if schema.get(key) is not None:
                result[keyword] = _number(schema[key])  # type: ignore[literal-required]
        return result

    def encode_default(self, dft: Any) -> Any:
        return _number(dft) if isinstance(dft, Decimal) else super().encode_default(dft)

    def generate(self, schema: CoreSchema, mode: JsonSchemaMode = "validation") -> JsonSchemaValue:
        return {"$schema": DIALECT, **_with_keywords(super().generate(schema, mode))}


def _with_keywords(node: Any) -> Any:
    """Rename the bare ``ge``/``gt``/``le``/``lt`` keys pydantic leaves on annotated decimals."""
    if isinstance(node, list):
        return [_with_keywords(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {_BOUNDS.get(key, key): _with_keywords(value) for key, value in node.items()}
    for keyword in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        if isinstance(result.get(keyword), str | Decimal):
            result[keyword] = _number(Decimal(result[keyword]))
    return result


def _number(value: Decimal | int) -> Any:
    """A JSON number for a schema keyword: an integer when whole (all bounds and defaults are)."""
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else json.loads(f"{value:f}")


def case_schema() -> dict[str, Any]:
    """The JSON Schema of a case file."""
    return Case.model_json_schema(schema_generator=_CaseSchema)


def schema_text() -> str:
    """The schema as the committed file holds it: indented, UTF-8 Chinese, final newline."""
    return json.dumps(case_schema(), ensure_ascii=False, indent=2) + "\n"


@click.command("schema")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="写入该文件（默认输出到屏幕）。",
)
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
def schema(out: Path | None, force: bool) -> None:
    """输出案件文件的 JSON Schema，供编辑器补全和校验。

    \b
    示例：
      draft schema --out case.schema.json
    然后在案件文件第一行写：
      # yaml-language-server: $schema=case.schema.json
    """
    text = schema_text()
    if out is None:
        click.echo(text, nl=False)
        return
    writable_folder(out.parent, "--out")
    write_atomic(out, text.encode("utf-8"), force=force)
    click.echo(f"已写入 {out}")
