"""The LPR in force on each relevant day, and the interest-rate cap built on it (law.md, rates and caps).

For each LPR used, the lines say when it was published, until when it applied and where it comes from;
for each cap period, whether it is the transition rate for old private loans, a multiple of the LPR, or
the 24 % line for financial lenders, each with its citation.
"""

from __future__ import annotations

import datetime as dt

from toolkit.case.lender_kinds import lender_kind
from toolkit.case.models import Case
from toolkit.law.caps import cap_table
from toolkit.law.citations import cite_all
from toolkit.law.figures import Figures
from toolkit.law.lpr import LprValue, find_lpr, lpr_table
from toolkit.law.money import cn_date, rate_percent


def lpr_lines(case: Case, figures: Figures) -> list[str]:
    lines = [_lpr_line("合同成立日", case.loan.contract_date, find_lpr(case.loan.contract_date))]
    filed_on = case.court.filed_on if case.court else None
    if figures.transition_rule and filed_on is not None:
        lines.append(_lpr_line("立案日", filed_on, find_lpr(filed_on)))
    return lines


def cap_lines(case: Case, figures: Figures) -> list[str]:
    table = cap_table()
    kind = lender_kind(case.lender.kind)
    chosen = case.loan.rate_cap_basis
    source = (
        f"案件文件指定 rate_cap_basis: {chosen}（不按出借人类型）"
        if chosen != "auto"
        else f"出借人类型为{kind.description}（{case.lender.kind}）"
    )
    lines = [f"{source}；利息、复利、罚息、违约金和其他费用合计计入上限。"]
    multiplier = table.lpr4x.multiplier
    for period in figures.caps:
        if period.transition:
            last_old_day = table.transition.new_rules_from - dt.timedelta(days=1)
            lines.append(
                f"{cn_date(period.start)}起至{cn_date(last_old_day)}：2020年8月20日之前成立的民间借贷，"
                f"此段按年利率 {rate_percent(period.rate)} 为上限。依据：{period.citation}"
            )
        elif period.lpr is not None:
            when = "立案日" if figures.transition_rule else "合同成立时"
            lines.append(
                f"自{cn_date(period.start)}起：上限 = {multiplier} × {when}一年期LPR "
                f"{rate_percent(period.lpr)} = {rate_percent(period.rate)}。依据：{period.citation}"
            )
        else:
            lines.append(
                f"自{cn_date(period.start)}起：金融借款上限为年利率 {rate_percent(period.rate)}。"
                f"依据：{period.citation}"
            )
    if figures.transition_rule:
        lines.append(f"未纳入计算：{table.transition.not_modelled}。")
    if figures.alternative_lpr4x_cap is not None:
        lpr = rate_percent(figures.lpr_at_contract or 0)
        lines.append(
            f"另：部分法院对小额贷款公司适用四倍LPR，即 {multiplier} × {lpr} = "
            f"{rate_percent(figures.alternative_lpr4x_cap)}，供律师选择；采用时在案件文件中写 "
            f"rate_cap_basis: lpr4x。依据：{cite_all(table.lpr4x.references)}"
        )
    lines += [f"无法确定：{m.detail}" for m in figures.missing if m.figure == "rate_cap"]
    if not figures.caps:
        lines.append("利率上限无法确定，原因见“数据与缺项提示”。")
    return lines


def _lpr_line(purpose: str, day: dt.date, found: LprValue | None) -> str:
    if found is None:
        first = min(lpr_table().values)
        return f"{purpose} {cn_date(day)} 早于LPR首次公布之日（{cn_date(first)}），没有可用的LPR。"
    later = min((d for d in lpr_table().values if d > found.published), default=None)
    if later is not None:
        until = f"至 {cn_date(later - dt.timedelta(days=1))} 为止（{cn_date(later)} 公布了新值）"
    else:
        until = f"此后表中没有新值（LPR表核对至 {cn_date(found.last_reviewed)}）"
    line = (
        f"{purpose} {cn_date(day)} 适用的一年期LPR为 {rate_percent(found.value)}：该值于 "
        f"{cn_date(found.published)} 公布，自公布之日起适用，在下一次发布之前有效，{until}。"
        f"来源：{found.reference}"
    )
    return line + ("。注意：该日晚于LPR表的核对日，其后可能已有新的报价，请核对。" if found.stale else "")
