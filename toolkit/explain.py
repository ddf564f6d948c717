"""The arithmetic behind every figure, step by step, in Chinese, for ``draft explain``.

A lawyer who signs a document must be able to follow each number to its rule: which LPR was in force and
why, which cap applies, each run of days of the capped ledger, how each repayment was applied, how the
answer deadline and the limitation period were counted and moved, how the settlement schedule was split.
The figures themselves come from :func:`toolkit.law.compute.compute_figures` (one place computes them);
this module only shows how they arise, citing the provision of each step. Amounts are printed to the
cent, half up; the unrounded sum is shown where the law rounds only at the end (law.md §4).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal

import chinese_calendar

from toolkit.case.models import Case, received_amount
from toolkit.documents.labels import CLAIM_ITEMS
from toolkit.law.calendar import holidays_known
from toolkit.law.caps import cap_table
from toolkit.law.citations import citation, cite_all
from toolkit.law.deadlines import limitation
from toolkit.law.figures import Figures, Ledger, LedgerPayment, LedgerSegment
from toolkit.law.lpr import LprValue, find_lpr, lpr_table
from toolkit.law.money import cents, cn_date, rate_percent, yuan

WEEKDAYS = "一二三四五六日"
HOLIDAY_NAMES = {holiday.value: holiday.chinese for holiday in chinese_calendar.Holiday}
CHARGES = ("interest", "penalty", "compound_interest", "liquidated_damages", "fees")
SECTION_NUMBERS = "一二三四五六七八九十"


def explain(case: Case, figures: Figures) -> list[str]:
    """Every step, as lines: numbered section headings followed by indented steps."""
    sections = [
        ("认定的本金", _principal(case, figures)),
        ("一年期贷款市场报价利率（LPR）", _lpr(case, figures)),
        ("利率上限", _caps(case, figures)),
        ("利息计算表（依法最多可主张的利息等）", _ledger(case, figures)),
        ("主张与依法最多可主张的比较", _totals(case, figures)),
        ("答辩期限", _deadline(case, figures)),
        ("诉讼时效", _limitation(case, figures)),
        ("分期还款计划", _schedule(case, figures)),
        ("每月可支配收入", _disposable(case, figures)),
        ("数据与缺项提示", _gaps(figures)),
    ]
    lines = ["以下逐步说明每个数额的来历。所列为依法最多可主张的数额，供律师核对，不是法院的认定。"]
    shown = [(title, body) for title, body in sections if body]
    for number, (title, body) in zip(SECTION_NUMBERS, shown, strict=False):
        lines += ["", f"{number}、{title}", *(f"  {line}" for line in body)]
    return lines


def weekday(day: dt.date) -> str:
    """2026-12-05 → 星期六."""
    return f"星期{WEEKDAYS[day.weekday()]}"


def day_off_reason(day: dt.date) -> str:
    """Why a day is not a working day: the statutory holiday it belongs to, or the weekend."""
    if holidays_known(day.year):
        _, name = chinese_calendar.get_holiday_detail(day)
        if name:
            return f"{HOLIDAY_NAMES.get(name, name)}假期"
    return "周末"


def unrounded(x: Decimal) -> str:
    """An amount before rounding: to the cent when exact, else four decimals and … (2,650.5764…)."""
    if x == cents(x):
        return yuan(x)
    shown = x.quantize(Decimal("0.0001"), rounding=ROUND_DOWN)
    return f"{shown:,.4f}" + ("…" if shown != x else "")


def _principal(case: Case, figures: Figures) -> list[str]:
    loan = case.loan
    received = received_amount(loan)
    if received >= loan.principal:
        return [
            f"合同本金 {yuan(loan.principal)} 元，实际到账 {yuan(received)} 元，"
            f"本金按 {yuan(figures.principal_recognized)} 元计。"
        ]
    return [
        f"合同本金 {yuan(loan.principal)} 元，实际到账 {yuan(received)} 元；预先扣除的 "
        f"{yuan(loan.principal - received)} 元是预扣的利息，不是本金，本金按实际到账的 "
        f"{yuan(figures.principal_recognized)} 元认定。"
        f"依据：{cite_all(['civil_code_670', 'private_lending_26'])}",
    ]


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


def _lpr(case: Case, figures: Figures) -> list[str]:
    lines = [_lpr_line("合同成立日", case.loan.contract_date, find_lpr(case.loan.contract_date))]
    filed_on = case.court.filed_on if case.court else None
    if figures.transition_rule and filed_on is not None:
        lines.append(_lpr_line("立案日", filed_on, find_lpr(filed_on)))
    return lines


def _caps(case: Case, figures: Figures) -> list[str]:
    table = cap_table()
    kind = table.lender_kinds[case.lender.kind]
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


def _segment(n: int, s: LedgerSegment, day_count: int) -> str:
    phase = "期内" if s.phase == "in_term" else "逾期"
    agreed = "约定年利率" if s.phase == "in_term" else "约定逾期年利率"
    choice = "约定利率不超过上限，按约定" if s.agreed_rate <= s.cap_rate else "约定利率超过上限，按上限"
    return (
        f"{n}. {cn_date(s.start)}至{cn_date(s.end)}（{phase}）{s.days}天："
        f"{agreed} {rate_percent(s.agreed_rate)}，上限 {rate_percent(s.cap_rate)}，{choice}；"
        f"{yuan(s.principal)} × {rate_percent(s.rate)} × {s.days} ÷ {day_count} = {yuan(s.interest)} 元"
    )


def _payment(p: LedgerPayment) -> str:
    line = (
        f"{cn_date(p.date)} 还款 {yuan(p.amount)} 元：先抵充利息等 {yuan(p.to_charges)} 元，"
        f"再抵充本金 {yuan(p.to_principal)} 元"
    )
    if p.overpaid > 0:
        line += f"，多付 {yuan(p.overpaid)} 元"
    return (
        line + f"；此后本金 {yuan(p.principal_after)} 元，利息等 {yuan(p.charges_after)} 元。"
        f"依据：{cite_all(['civil_code_561'])}"
    )


def _ledger_rows(ledger: Ledger) -> list[str]:
    rows: list[str] = []
    payments = list(ledger.payments)
    for n, segment in enumerate(ledger.segments, 1):
        while payments and payments[0].date <= segment.start:
            rows.append(_payment(payments.pop(0)))
        rows.append(_segment(n, segment, ledger.day_count))
    return rows + [_payment(p) for p in payments]


def _ledger(case: Case, figures: Figures) -> list[str]:
    ledger = figures.ledger
    if ledger is None:
        if case.claims is None:
            return ["案件文件没有 claims（原告的诉讼请求），不计算利息计算表。"]
        why = [f"无法计算：{m.detail}" for m in figures.missing if m.figure == "ledger"]
        return why or ["利率上限无法确定，不计算利息计算表，原因见“数据与缺项提示”。"]
    cap_citation = figures.caps[-1].citation if figures.caps else ""  # the last period cites every rule
    lines = [
        f"自放款日 {cn_date(ledger.start)} 起算至 {cn_date(ledger.as_of)}，"
        f"按一年 {ledger.day_count} 天计息；起算日计入，截止日不计入；每段利率取约定利率与上限中较低者；"
        f"利息 = 本金 × 年利率 × 天数 ÷ {ledger.day_count}。" + (f"依据：{cap_citation}" if cap_citation else "")
    ]
    lines += _ledger_rows(ledger)
    lines += [f"{cn_date(d)} 的还款晚于利息计算截止日，未计入本表。" for d in ledger.ignored_payments]
    accrued = sum((s.interest for s in ledger.segments), Decimal(0))
    addends = " + ".join(yuan(s.interest) for s in ledger.segments) or "0.00"
    lines.append(
        f"各段利息合计：{addends} = {yuan(accrued)} 元（四舍五入前为 {unrounded(accrued)}，"
        "计算中保留全部位数，只在打印时四舍五入到分）"
    )
    repaid = sum((p.to_charges for p in ledger.payments), Decimal(0))
    if repaid:
        owed = yuan(ledger.charges_outstanding)
        lines.append(f"减去还款已抵充的利息等 {yuan(repaid)} 元，尚欠利息等 {owed} 元。")
    return lines


def _totals(case: Case, figures: Figures) -> list[str]:
    claims, ledger = case.claims, figures.ledger
    if claims is None or ledger is None or figures.supportable_total is None:
        return []
    lines = [
        f"依法最多可主张：本金 {yuan(ledger.principal_outstanding)} 元 + 利息等 "
        f"{yuan(ledger.charges_outstanding)} 元 = {yuan(figures.supportable_total)} 元。"
    ]
    if ledger.overpaid > 0:
        lines.append(f"借款人已多付 {yuan(ledger.overpaid)} 元（超过本金和利息等的还款），本金已清偿。")
    parts = " + ".join(f"{CLAIM_ITEMS[item]} {yuan(getattr(claims, item))}" for item in CHARGES)
    charges = figures.claimed_charges or Decimal(0)
    lines.append(f"原告主张的利息等：{parts} = {yuan(charges)} 元。")
    lines.append(
        f"原告主张合计：本金 {yuan(claims.principal)} + 利息等 {yuan(charges)} + 实现债权的费用 "
        f"{yuan(claims.enforcement_costs)}（不计入上限）= {yuan(figures.claimed_total or 0)} 元。"
    )
    verdict = f"{yuan(figures.excess or 0)} 元，为答辩的核心" if (figures.excess or 0) > 0 else "0.00 元（未超出）"
    lines.append(
        f"超出部分 = 主张的本金 {yuan(claims.principal)} + 利息等 {yuan(charges)} − 依法最多可主张 "
        f"{yuan(figures.supportable_total)} = {verdict}。"
    )
    return lines


def _moved(unadjusted: dt.date, day: dt.date, provision: str) -> list[str]:
    """How a period's last day moved off weekends and statutory holidays (or why it did not)."""
    if day == unadjusted:
        lines = [f"{cn_date(day)}（{weekday(day)}）是工作日，不顺延。"]
    else:
        skipped = [unadjusted + dt.timedelta(days=k) for k in range((day - unadjusted).days)]
        listed = "、".join(f"{cn_date(d)}（{weekday(d)}，{day_off_reason(d)}）" for d in skipped)
        lines = [
            f"该日不是工作日，顺延到下一个工作日：跳过 {listed}，落在 {cn_date(day)}（{weekday(day)}）。"
            f"依据：{provision}"
        ]
    if not (holidays_known(unadjusted.year) and holidays_known(day.year)):
        lines.append(f"节假日数据未覆盖 {day.year} 年，只按周末判断是否工作日：请对照国务院办公厅公布的放假安排核对。")
    return lines


def _deadline(case: Case, figures: Figures) -> list[str]:
    court = case.court
    if court is None or figures.answer_deadline is None or figures.answer_deadline_unadjusted is None:
        return ["案件文件没有收到起诉状副本之日（court.served_on），不计算答辩期限。"] if court else []
    unadjusted, day = figures.answer_deadline_unadjusted, figures.answer_deadline
    period = citation("civil_procedure_85")
    lines = [
        f"收到起诉状副本之日 {cn_date(court.served_on or day)}，当日不计入；"
        f"加答辩期 {court.answer_period_days} 日，"
        f"期间最后一日为 {cn_date(unadjusted)}（{weekday(unadjusted)}）。"
        f"依据：{cite_all(['civil_procedure_128'])}"
    ]
    lines += _moved(unadjusted, day, period.text + (f"（{period.verify}）" if period.verify else ""))
    lines.append(f"答辩期限：{cn_date(day)}。")
    if case.signing.date is not None:
        late = case.signing.date > day
        where = f"已过答辩期限。依据：{cite_all(['civil_procedure_128_2'])}" if late else "在答辩期限内。"
        lines.append(f"落款日期 {cn_date(case.signing.date)}{where}")
    return lines


def _limitation(case: Case, figures: Figures) -> list[str]:
    loan = case.loan
    candidates = [(figures.final_due_date, "最后还款日", "")]
    if loan.repayments:
        last = max(loan.repayments, key=lambda r: r.date)
        candidates.append((last.date, "最后一次还款", f"{yuan(last.amount)} 元，部分履行即承认债务"))
    if loan.interruptions:
        event = max(loan.interruptions, key=lambda i: i.date)
        kind = "催收" if event.kind == "demand" else "借款人承认债务"
        note = kind + (f"：{event.note}" if event.note else "")
        candidates.append((event.date, "最后一次时效中断事由", note))
    listed = "；".join(f"{name} {cn_date(day)}" + (f"（{why}）" if why else "") for day, name, why in candidates)
    start = figures.limitation_start
    chosen = "、".join(name for day, name, _ in candidates if day == start)
    lines = [
        f"起算日取以下日期中最晚者：{listed}。取 {cn_date(start)}（{chosen}）。依据："
        f"{cite_all(['civil_code_188', 'civil_code_189', 'civil_code_195', 'limitation_rules_14'])}"
    ]
    period = limitation(loan, figures.final_due_date).expires
    leap = "；起算日为2月29日，三年后没有对应日，取2月28日" if (start.month, start.day) == (2, 29) else ""
    lines.append(
        f"加三年：{cn_date(period.unadjusted)}（{weekday(period.unadjusted)}）{leap}。"
        f"依据：{cite_all(['civil_code_188', 'civil_code_202'])}"
    )
    lines += _moved(period.unadjusted, period.day, cite_all(["civil_code_203"]))
    filed_on = case.court.filed_on if case.court else None
    expires = cn_date(figures.limitation_expires)
    if filed_on is None or figures.limitation_expired is None:
        lines.append(f"诉讼时效至 {expires} 届满；没有立案日，无法判断起诉时是否已过。")
    elif figures.limitation_expired:
        lines.append(
            f"立案日 {cn_date(filed_on)} 晚于 {expires}：诉讼时效已届满。"
            "法院不会主动适用，答辩时必须提出，且应在一审提出。"
            f"依据：{cite_all(['civil_code_193', 'limitation_rules_3'])}"
        )
    else:
        lines.append(f"立案日 {cn_date(filed_on)} 不晚于 {expires}：起诉时诉讼时效未届满。")
    return lines


def _schedule(case: Case, figures: Figures) -> list[str]:
    proposal, rows = case.proposal, figures.schedule
    if proposal is None:
        return []
    if rows is None:
        return [m.detail for m in figures.missing if m.figure == "schedule"]
    base = proposal.settlement_amount - proposal.down_payment
    n = proposal.installments
    regular = [row for row in rows if row.n > 0]
    each = regular[0].amount
    lines = [
        f"基数 = 和解总额 {yuan(proposal.settlement_amount)} − 首付款 {yuan(proposal.down_payment)}"
        f" = {yuan(base)} 元。",
        f"每期 = {yuan(base)} ÷ {n} = {unrounded(base / n)}，向下取整到分为 {yuan(each)} 元。",
    ]
    if n > 1:
        lines.append(
            f"最后一期 = {yuan(base)} − {n - 1} × {yuan(each)} = {yuan(regular[-1].amount)} 元"
            "（最后一期承担余数，各期之和恰为基数）。"
        )
    lines.append(
        f"还款日：第一期 {cn_date(proposal.first_due_date)}，以后每月同日，当月没有该日的取月末日。"
        f"依据：{cite_all(['civil_code_202'])}"
    )
    for row in rows:
        label = "首付款" if row.n == 0 else f"第{row.n}期"
        lines.append(f"{label}  {cn_date(row.due_date)}  {yuan(row.amount)} 元")
    lines.append(f"合计 {yuan(figures.schedule_total or 0)} 元。")
    return lines


def _disposable(case: Case, figures: Figures) -> list[str]:
    hardship = case.hardship
    if hardship is None or figures.monthly_disposable is None:
        return []
    expenses = hardship.monthly_expenses.items()
    spent = " + ".join(f"{name} {yuan(amount)}" for name, amount in expenses) or "0.00"
    lines = [f"月收入 {yuan(hardship.monthly_income)} −（{spent}）= {yuan(figures.monthly_disposable)} 元。"]
    regular = [row.amount for row in figures.schedule or () if row.n > 0]
    if regular:
        top = max(regular)
        fits = cents(top) <= cents(figures.monthly_disposable)
        lines.append(
            f"每期最多 {yuan(top)} 元，{'不超过' if fits else '超过'}每月可支配收入"
            f"{'' if fits else '：方案难以负担，出借人和法院可能不接受'}。"
        )
    return lines


def _gaps(figures: Figures) -> list[str]:
    lines = [gap.detail for gap in figures.gaps]
    return lines + [m.detail for m in figures.missing if m.figure not in ("rate_cap", "ledger", "schedule")]
