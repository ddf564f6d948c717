"""The check report as a person reads it: the figures with Chinese labels, then the findings by severity,
each with where it is (file:line: field), what to do and the provision it rests on."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from toolkit.checks.base import SEVERITIES, SEVERITY_NAMES, Finding
from toolkit.documents import kind
from toolkit.documents.plan_wording import accepted_by
from toolkit.law.figures import Figures, PeriodEnd
from toolkit.law.money import cn_date, rate_percent, yuan

LineOf = Callable[[str], int | None]
_BASIS = {"financial24": "金融借款年利率24%", "lpr4x": "一年期LPR的四倍"}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def money(value: Decimal | None) -> str:
    return "无法计算" if value is None else f"{yuan(value)} 元"


def _if_rest_day(end: PeriodEnd | None) -> str:
    """The later day for a last day no holiday data covers (law.md §5), else nothing."""
    if end is None or end.if_rest_day is None:
        return ""
    return f"（{end.day.year} 年放假安排未知，按该日本身；如为休息日则为 {cn_date(end.if_rest_day)}）"


def _rows(figures: Figures) -> Iterator[tuple[str, str]]:
    yield "认定本金", money(figures.principal_recognized)
    if figures.lpr_at_contract is not None:
        yield "合同成立时一年期LPR", rate_percent(figures.lpr_at_contract)
    cap = "无法计算" if figures.rate_cap is None else rate_percent(figures.rate_cap)
    yield "年利率上限", f"{cap}（{_BASIS[figures.rate_cap_basis]}）"
    ledger = figures.ledger
    if ledger is not None:
        yield "计算截至", cn_date(ledger.as_of)
        yield "尚欠本金", money(ledger.principal_outstanding)
        yield "依法可主张的利息及费用", money(ledger.charges_outstanding)
        if ledger.overpaid:
            yield "多付金额", money(ledger.overpaid)
    yield "依法最多可主张合计", money(figures.supportable_total)
    if figures.claimed_total is not None:
        yield "原告主张本金", money(figures.claimed_principal)
        yield "原告主张利息及费用", money(figures.claimed_charges)
        yield "原告主张总额", money(figures.claimed_total)
        yield "超出依法可主张部分", money(figures.excess)
    if figures.answer_deadline is not None:
        yield "答辩期限届满日", cn_date(figures.answer_deadline) + _if_rest_day(figures.answer_deadline_end)
    yield "诉讼时效届满日", cn_date(figures.limitation_expires) + _if_rest_day(figures.limitation_end)
    if figures.limitation_expired is not None:
        yield "起诉时诉讼时效已届满", "是" if figures.limitation_expired else "否"
    schedule = figures.schedule
    if schedule:
        installments = [row for row in schedule if row.n > 0]
        down = [row for row in schedule if row.n == 0]
        if down:
            due = down[0].due_date
            yield "首付款", f"{money(down[0].amount)}（{accepted_by('出借人') if due is None else cn_date(due)}）"
        first, last = (installments[0].due_date, installments[-1].due_date) if installments else (None, None)
        if first is not None and last is not None:  # only the down payment may lack a date
            largest = max(row.amount for row in installments)
            period = f"{cn_date(first)} 至 {cn_date(last)}"
            yield "分期还款", f"{len(installments)} 期，{period}，每期最高 {money(largest)}"
        yield "和解方案合计", money(figures.schedule_total)
    if figures.monthly_disposable is not None:
        yield "每月可支配收入", money(figures.monthly_disposable)


def _finding_lines(finding: Finding, where: str, allowed: bool) -> Iterator[str]:
    mark = "（已用 --allow 放行）" if allowed else ""
    yield f"  [{finding.id}] {where}{finding.field}{mark}"
    yield f"      {finding.message}"
    if finding.citation:
        yield f"      依据：{finding.citation}"


def text_report(
    case_path: Path | str,
    findings: Sequence[Finding],
    figures: Figures,
    *,
    stopped: Collection[Finding],
    allowed: Collection[str] = (),
    line_of: LineOf | None = None,
) -> str:
    """The readable report of ``draft check``."""
    rows = list(_rows(figures))
    width = max(_width(label) for label, _ in rows)
    lines = [f"案件文件：{case_path}", "", "数额（供律师核对，不代表法院的裁判结果）"]
    lines += [f"  {label}{' ' * (width - _width(label))}  {value}" for label, value in rows]
    counts = {severity: sum(1 for f in findings if f.severity == severity) for severity in SEVERITIES}
    lines += ["", "检查结果：" + "，".join(f"{SEVERITY_NAMES[s]} {counts[s]} 项" for s in SEVERITIES)]
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if group:
            lines += ["", f"{SEVERITY_NAMES[severity]}："]
        for finding in group:
            line = line_of(finding.field) if line_of else None
            where = f"{case_path}:{line}: " if line else ""
            lines += _finding_lines(finding, where, finding.id in allowed)
    lines += ["", _conclusion(findings, stopped)]
    return "\n".join(lines)


def _conclusion(findings: Sequence[Finding], stopped: Collection[Finding]) -> str:
    if stopped:
        return (
            f"结论：有 {len(stopped)} 项须先处理，文书不会生成。改正案件文件后重新检查；"
            "确需保留某项时，用 --allow 检查编号 明确放行（会记录在报告中）。"
        )
    if any(f.severity == "warning" for f in findings):
        return "结论：可以起草；请逐条核对上面的警告。"
    return "结论：未发现需要处理的问题。"


def checks_table(rows: Sequence[dict[str, Any]]) -> str:
    """``draft checks``: every check with its severity, title, field, documents and provision."""
    lines: list[str] = []
    for stage, heading in (("facts", "起草前核对案件事实"), ("document", "生成后、写入前核对文书")):
        lines += ["", heading] if lines else [heading]
        for row in (r for r in rows if r["stage"] == stage):
            documents = "、".join(kind(d).title for d in row["documents"]) if row["documents"] else "全部文书"
            lines.append(f"  {row['id']:<27}{SEVERITY_NAMES[row['severity']]}  {row['title']}")
            lines.append(f"      字段：{row['field']}；适用：{documents}")
            if row["citation"]:
                lines.append(f"      依据：{row['citation']}")
    return "\n".join(lines)
