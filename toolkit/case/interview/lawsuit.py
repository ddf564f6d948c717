"""The questions about the lawsuit: the court and its dates, the plaintiff's claims, and our answer.

The claims are copied from the complaint item by item; a total, when given, must equal their sum, so a
misread complaint is caught here rather than in the documents. The answer may not both admit and contest
the same item.
"""

from __future__ import annotations

from decimal import Decimal

from toolkit.case import typed_input as typed
from toolkit.case.asking import Data, Interviewer, count_between, date_after, shown, texts, was
from toolkit.case.labels import CHARGE_ITEMS, CLAIM_ITEMS
from toolkit.case.models import Case
from toolkit.case.typed_input import AnswerError, Choice

PROCEDURES = tuple(Choice(name, name) for name in ("普通程序", "简易程序", "小额诉讼程序"))
STYLES = (Choice("narrative", "叙述式"), Choice("elements", "要素式"))
CLAIM_CHOICES = tuple(Choice(value, label) for value, label in CLAIM_ITEMS.items())
ADMIT_CHOICES = (*CLAIM_CHOICES, Choice("acceleration", "借款提前到期"))
AMOUNT_ITEMS = ("principal", *CHARGE_ITEMS, "enforcement_costs")


def ask_court(case: Case | None, iv: Interviewer) -> Data:
    d = case.court if case else None
    iv.heading("法院与诉讼")
    out: Data = {"name": iv.value("受理法院全称", was(d, "name"), typed.parse_court_name)}
    out["case_number"] = iv.optional("案号", was(d, "case_number"), typed.parse_case_number)
    out["cause"] = iv.value("案由（如 小额借款合同纠纷）", was(d, "cause"), typed.parse_text)
    out["procedure"] = iv.optional(
        "审理程序（普通程序/简易程序/小额诉讼程序）",
        was(d, "procedure"),
        lambda answer: typed.parse_choice(answer, PROCEDURES),
    )
    submitted = out["submitted_on"] = iv.optional(
        "起诉日（原告提交起诉状之日，诉讼时效自该日中断）", was(d, "submitted_on"), typed.parse_date, "不知道"
    )
    filed = out["filed_on"] = iv.optional("立案日", was(d, "filed_on"), date_after(submitted, "起诉日"))
    out["served_on"] = iv.value("收到起诉状副本之日", was(d, "served_on"), date_after(filed or submitted, "立案日"))
    # law.md §5: 15 days by default only in 普通程序; in 简易/小额 the court sets the period (应诉通知书)
    period = was(d, "answer_period_days") or ("15" if out["procedure"] == "普通程序" else None)
    out["answer_period_days"] = iv.optional(
        "答辩期（日，以应诉通知书为准）", period, count_between(1, 90), "未写明：普通程序按15日，其他须补填"
    )
    return out


def ask_claims(case: Case | None, iv: Interviewer, loan: Data) -> Data:
    d = case.claims if case else None
    iv.heading("原告的诉讼请求（照起诉状填写）")
    after_payout = date_after(loan["disbursed_on"], "放款日")
    out: Data = {"as_of": iv.value("利息主张计算至之日", was(d, "as_of"), after_payout)}
    for item in AMOUNT_ITEMS:
        out[item] = iv.value(f"主张的{CLAIM_ITEMS[item]}（元）", was(d, item) or "0", typed.parse_amount)
    items_sum = sum((out[item] for item in AMOUNT_ITEMS), Decimal(0))

    def total(answer: str) -> Decimal:
        value = typed.parse_amount(answer)
        if value != items_sum:
            raise AnswerError(
                f"各项之和为 {typed.show_amount(items_sum)}，与总额 {typed.show_amount(value)} 不一致：请核对起诉状"
            )
        return value

    out["total"] = iv.optional("诉请总额（元）", shown(items_sum), total)
    costs = d.litigation_costs_on_client if d else True
    out["litigation_costs_on_client"] = iv.yes_no("原告请求由我方承担诉讼费吗", costs)
    return out


def ask_answer(case: Case | None, iv: Interviewer, has_proposal: bool) -> Data:
    d = case.answer if case else None
    iv.heading("民事答辩状")
    out: Data = {"style": iv.choice("答辩状样式", STYLES, was(d, "style") or "narrative")}
    admitted = out["admitted"] = iv.choices(
        "认可的诉讼请求项目（以依法可支持的数额为限）", ADMIT_CHOICES, d.admitted if d else []
    )
    out["admit_as_claimed"] = iv.choices(
        "明知风险、按原告主张数额认可的项目", CLAIM_CHOICES, d.admit_as_claimed if d else []
    )
    out["contested"] = iv.choices("有异议的诉讼请求项目", CLAIM_CHOICES, d.contested if d else [], admitted)
    out["arguments"] = texts(iv, "附加答辩理由", d.arguments if d else [], "第{}段答辩理由")
    out["request_mediation"] = iv.yes_no("请求法院主持调解吗", d.request_mediation if d else True)
    out["request_installments"] = has_proposal and iv.yes_no(
        "在答辩状中提出上面的分期还款方案吗", d.request_installments if d else True
    )
    old_evidence = [e if isinstance(e, str) else e.name for e in (d.evidence or [])] if d else []
    out["evidence"] = texts(iv, "答辩证据清单", old_evidence, "第{}项答辩证据", "沿用困难情况的附件") or None
    return out
