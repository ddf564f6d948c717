"""Merging shard reports into one ``report.json`` and ``report.csv``, as one unsharded run would write.

Each shard report lists its cases with their position among all inputs; the merge puts them back in that
order. The shards must come from the same batch (same inputs, documents and options, same N, each K
once); a missing shard or a case reported twice is an error, since the merged report would claim a
batch it does not describe.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from toolkit.batch.report import REPORT_VERSION, ReportWriter
from toolkit.batch.shards import Shard
from toolkit.errors import DraftError, UsageError

_SAME = ("inputs", "documents", "options")


class MergeError(DraftError):
    """Shard reports that do not belong together, or do not cover the batch."""


def read_report(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"找不到报告 {path}", "请指定各分片输出文件夹中的 report.shard-K-of-N.json") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise MergeError(f"{path} 不是完整的 JSON 报告", "该分片可能没有运行完毕：请重新运行该分片") from None
    if not isinstance(data, dict) or data.get("version") != REPORT_VERSION or "cases" not in data:
        raise MergeError(f"{path} 不是 draft batch 的报告", "请指定 draft batch 生成的 report*.json")
    if data.get("state", "complete") != "complete":
        raise MergeError(f"{path} 所属的分片没有运行完毕", "请重新运行该分片的同一条命令，让它从中断处完成后再合并")
    return data


def merge_reports(paths: Sequence[Path], out: Path) -> ReportWriter:
    """Write the merged report into ``out``; returns the closed writer (its summary, its paths)."""
    reports = [(path, read_report(path)) for path in paths]
    shards = _check_shards(reports)
    first = reports[0][1]
    cases = sorted((case for _, report in reports for case in report["cases"]), key=lambda case: case["index"])
    for before, after in pairwise(cases):
        if before["index"] == after["index"]:
            raise MergeError(f"案件 {after['case_id']} 出现在两份报告中", "请只合并同一批次、互不重复的分片报告")
    header = {key: first.get(key) for key in ("tool", *_SAME)}
    writer = ReportWriter(out, "report", {**header, "shard": None, "merged_from": [str(p) for p in paths]})
    for case in cases:
        writer.add_json(case)
        writer.summary.add_json(case)
    writer.close({"shards": shards})
    return writer


def _check_shards(reports: list[tuple[Path, dict[str, Any]]]) -> int:
    if not reports:
        raise UsageError("没有指定要合并的报告", "例如：draft batch merge-reports out/report.shard-*.json --out out/")
    first_path, first = reports[0]
    for path, report in reports[1:]:
        for key in _SAME:
            if report.get(key) != first.get(key):
                raise MergeError(f"{path} 与 {first_path} 不是同一批次（{key} 不同）", "请只合并同一条命令各分片的报告")
    shards = [Shard.parse(report["shard"]) if report.get("shard") else None for _, report in reports]
    if any(shard is None for shard in shards):
        raise MergeError("其中有未分片（没有 --shard）的报告", "merge-reports 只合并带 --shard K/N 运行的各分片报告")
    counts = {shard.n for shard in shards if shard}
    if len(counts) != 1:
        raise MergeError("各报告的分片总数 N 不一致", "请只合并同一条命令各分片的报告")
    n = counts.pop()
    found = sorted(shard.k for shard in shards if shard)
    missing = sorted(set(range(1, n + 1)) - set(found))
    if len(found) != len(set(found)):
        raise MergeError("同一个分片的报告给了两次", "每个分片 K 只给一份报告")
    if missing:
        shown = "、".join(f"{k}/{n}" for k in missing)
        raise MergeError(f"缺少分片 {shown} 的报告", "请先运行缺少的分片（--shard K/N），再合并")
    return n
