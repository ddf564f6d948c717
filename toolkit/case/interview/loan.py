"""The questions about the loan contract: amounts, dates, rates, terms, repayments and interruptions.

Each date is checked against the one it cannot precede (signing ≤ filing, payout ≥ signing, due dates
after payout), and defaults for due dates are dropped when the payout date changes, since due dates
written for another start would no longer fit.
"""

from __future__ import annotations

import datetime as dt

from toolkit.case import typed_input as typed
from toolkit.case.asking import Data, Interviewer, count_between, date_after, positive_amount, rows, shown, was
from toolkit.case.labels import REPAYMENT_KINDS
from toolkit.case.models import Case, disbursement_date
from toolkit.case.typed_input import AnswerError, Choice

REPAYMENTS = tuple(Choice(value, label) for value, label in REPAYMENT_KINDS.items())
DAY_COUNTS = (Choice("365", "按365天计息"), Choice("360", "按360天计息"))
CAP_BASES = (
    Choice("auto", "按出借人类型确定"),
    Choice("lpr4x", "合同成立时一年期LPR的四倍"),
    Choice("financial24", "年利率24%"),
)
INTERRUPTION_KINDS = (Choice("demand", "催收"), Choice("acknowledgment", "借款人承认债务"))


def ask_loan(case: Case | None, iv: Interviewer, court: Data | None) -> Data:
    d = case.loan if case else None
    iv.heading("借款合同")
    filed = court.get("filed_on") if court else None

    def signed_on(answer: str) -> dt.date:
        day = typed.parse_date(answer)
        if filed is not None and day > filed:
            raise AnswerError(f"合同签订日不能晚于立案日（{filed.isoformat()}）")
        return day

    out: Data = {"contract_number": iv.optional("合同编号", was(d, "contract_number"), typed.parse_text)}
    signed = out["contract_date"] = iv.value("合同签订日", was(d, "contract_date"), signed_on)
    principal = out["principal"] = iv.value("合同本金（元，如 1.8万）", was(d, "principal"), positive_amount)
    received = d.disbursed if d and d.disbursed not in (None, d.principal) else principal
    out["disbursed"] = iv.value("实际到账金额（元）", shown(received), typed.parse_amount)
    paid_on = d.disbursed_on if d and d.disbursed_on not in (None, d.contract_date) else signed
    paid_out = out["disbursed_on"] = iv.value("放款日", shown(paid_on), date_after(signed, "合同签订日"))
    same_start = d is not None and paid_out == disbursement_date(d)  # other starts' due dates are no defaults
    rate = typed.show_rate(d.annual_rate) if d else None
    out["annual_rate"] = iv.value("约定年利率（如 23.98% 或 0.2398）", rate, typed.parse_rate)
    overdue = typed.show_rate(d.overdue_rate) if d and d.overdue_rate is not None else None
    out["overdue_rate"] = iv.optional("约定逾期（罚息）年利率", overdue, typed.parse_rate)
    out["term_months"] = iv.value("借款期限（月）", was(d, "term_months"), count_between(1, 600))
    out["repayment"] = iv.choice("还款方式", REPAYMENTS, was(d, "repayment"))
    first = out["first_due_date"] = iv.optional(
        "首期还款日",
        was(d, "first_due_date") if same_start else None,
        date_after(paid_out, "放款日", same_day=False),
        "按期限推算",
    )
    out["final_due_date"] = iv.optional(
        "最后还款日",
        was(d, "final_due_date") if same_start else None,
        date_after(first or paid_out, "首期还款日或放款日"),
        "按期限推算",
    )
    out["overdue_since"] = iv.optional(
        "起诉状所称的逾期起算日", was(d, "overdue_since"), date_after(paid_out, "放款日"), "起诉状未写明"
    )
    out["day_count"] = int(iv.choice("计息天数基准", DAY_COUNTS, was(d, "day_count") or "365"))
    out["rate_cap_basis"] = iv.choice("利率上限依据", CAP_BASES, was(d, "rate_cap_basis") or "auto")
    after_payout = date_after(paid_out, "放款日")
    out["repayments"] = rows(
        iv,
        "借款人已还款记录",
        d.repayments if d else [],
        lambda n, r: {
            "date": iv.value(f"第{n}笔还款日期", was(r, "date"), after_payout),
            "amount": iv.value(f"第{n}笔还款金额（元）", was(r, "amount"), positive_amount),
        },
    )
    out["interruptions"] = rows(
        iv,
        "诉讼时效中断事由（催收、承认债务）",
        d.interruptions if d else [],
        lambda n, r: {
            "date": iv.value(f"第{n}个中断事由的日期", was(r, "date"), after_payout),
            "kind": iv.choice(f"第{n}个中断事由的类型", INTERRUPTION_KINDS, was(r, "kind")),
            "note": iv.optional(f"第{n}个中断事由的说明", was(r, "note"), typed.parse_text),
        },
    )
    return out
