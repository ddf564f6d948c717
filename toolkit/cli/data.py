"""``draft data``: every legal table with its source and how far it was checked."""

from __future__ import annotations

import datetime as dt
import json

import click

from toolkit.cli.output import say
from toolkit.law.tables import LegalTable, legal_tables


@click.command("data")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def data(as_json: bool) -> None:
    """列出全部法律数据（LPR、利率上限、法律依据、节假日）：来源、核对到哪一天、覆盖范围。

    \b
    补充或更正数据：在环境变量 DRAFT_LAW_DIR 指向的文件夹里放同名的 YAML 文件，见 docs/legal-data.md。
    """
    tables = legal_tables()
    if as_json:
        say(json.dumps([table.to_json() for table in tables], ensure_ascii=False, indent=2))
    else:
        say("\n\n".join(_text(table, dt.date.today()) for table in tables))


def _text(table: LegalTable, today: dt.date) -> str:
    age = (today - table.last_reviewed).days
    lines = [
        f"{table.name}　{table.title}",
        f"  核对至：{table.last_reviewed.isoformat()}（距今 {age} 日）"
        if age >= 0
        else f"  核对至：{table.last_reviewed.isoformat()}",
        f"  来源：{' + '.join(table.sources)}",
        f"  内容：{table.covers}",
    ]
    if table.note:
        lines.append(f"  说明：{table.note}")
    return "\n".join(lines)
