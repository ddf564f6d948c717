"""The questions ``draft init`` asks, one at a time, each with a default and checked as it is answered.

The interview knows nothing of terminals: it is given ``ask`` (prompt → what the person typed) and
``tell`` (a line to show). A wrong answer prints its Chinese reason and the same question comes again;
an empty answer takes the default. Defaults come from a case (``--from``, or the bundled sample), so
pressing Enter throughout gives a valid case. With ``ask=None`` every default is taken (``--yes``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import toolkit
from toolkit.case import typed_input as typed
from toolkit.case.load import case_from_data, load_case
from toolkit.case.models import Case, disbursement_date
from toolkit.case.typed_input import AnswerError, Choice
from toolkit.documents.labels import ADDRESSEES, CLAIM_ITEMS, REPAYMENT_KINDS
from toolkit.errors import DraftError
from toolkit.privacy import mask

T = TypeVar("T")
Ask = Callable[[str], str]
Tell = Callable[[str], None]
Data = dict[str, Any]

SAMPLE = Path(toolkit.__file__).resolve().parent.parent / "samples" / "case.yaml"

GENDERS = (Choice("男", "男"), Choice("女", "女"))
LENDER_KINDS = (
    Choice("bank", "银行"),
    Choice("consumer_finance", "消费金融公司"),
    Choice("microfinance", "小额贷款公司"),
    Choice("other_licensed", "其他地方金融组织（融资担保、典当、融资租赁、商业保理等）"),
    Choice("private", "自然人或非金融企业（民间借贷）"),
)
PROCEDURES = tuple(Choice(name, name) for name in ("普通程序", "简易程序", "小额诉讼程序"))
REPAYMENTS = tuple(Choice(value, label) for value, label in REPAYMENT_KINDS.items())
DAY_COUNTS = (Choice("365", "按365天计息"), Choice("360", "按360天计息"))
CAP_BASES = (
    Choice("auto", "按出借人类型确定"),
    Choice("lpr4x", "合同成立时一年期LPR的四倍"),
    Choice("financial24", "年利率24%"),
)
INTERRUPTION_KINDS = (Choice("demand", "催收"), Choice("acknowledgment", "借款人承认债务"))
ADDRESSEE_CHOICES = tuple(Choice(value, label) for value, label in ADDRESSEES.items())
STYLES = (Choice("narrative", "叙述式"), Choice("elements", "要素式"))
CLAIM_CHOICES = tuple(Choice(value, label) for value, label in CLAIM_ITEMS.items())
AMOUNT_ITEMS = (
    "principal",
    "interest",
    "penalty",
    "compound_interest",
    "liquidated_damages",
    "fees",
    "enforcement_costs",
)


class InterviewError(DraftError):
    """A default cannot be used without asking (``--yes`` with facts that do not fit together)."""


class Interviewer:
    """Asks one question at a time until the answer parses; ``ask=None`` takes every default."""

    def __init__(self, ask: Ask | None, tell: Tell) -> None:
        self.ask = ask
        self.tell = tell

    def heading(self, title: str) -> None:
        if self.ask is not None:
            self.tell(f"\n【{title}】")

    def value(self, label: str, default: str | None, parse: Callable[[str], T]) -> T:
        """A required answer; an empty one takes ``default``."""
        while True:
            raw = self._raw(label, default, "")
            if raw is None:
                self._reject(label, "此项必填：请填写")
                continue
            try:
                return parse(raw)
            except AnswerError as exc:
                self._reject(label, str(exc))

    def optional(
        self, label: str, default: str | None, parse: Callable[[str], T], none_means: str = "没有"
    ) -> T | None:
        """An answer that may be left out: empty without a default, or 无."""
        hint = f"（填“无”表示{none_means}）" if default is not None else f"（留空表示{none_means}）"
        while True:
            raw = self._raw(label, default, hint)
            if raw is None or typed.is_none(raw):
                return None
            try:
                return parse(raw)
            except AnswerError as exc:
                self._reject(label, str(exc))

    def choice(self, label: str, choices: Sequence[Choice], default: str | None) -> str:
        """One option of a numbered list; ``default`` is the option's value."""
        if self.ask is not None:
            self.tell("  " + "  ".join(f"{i}. {c.label}" for i, c in enumerate(choices, 1)))
        shown = next((str(i) for i, c in enumerate(choices, 1) if c.value == default), None)
        return self.value(f"{label}（填编号）", shown, lambda answer: typed.parse_choice(answer, choices))

    def choices(
        self, label: str, choices: Sequence[Choice], default: Sequence[str], taken: Sequence[str] = ()
    ) -> list[str]:
        """Several options of a numbered list (``1,3``), or 无; an option in ``taken`` is refused."""
        if self.ask is not None:
            self.tell("  " + "  ".join(f"{i}. {c.label}" for i, c in enumerate(choices, 1)))
        shown = ",".join(str(i) for i, c in enumerate(choices, 1) if c.value in default) or "无"

        def parse(answer: str) -> list[str]:
            picked = typed.parse_choices(answer, choices)
            if clash := [c.label for c in choices if c.value in picked and c.value in taken]:
                raise AnswerError(f"{'、'.join(clash)} 上面已经选过，不能同时选")
            return picked

        return self.value(f"{label}（填编号，以逗号分隔）", shown, parse)

    def yes_no(self, label: str, default: bool) -> bool:
        return self.value(f"{label}（是/否）", "是" if default else "否", typed.parse_yes_no)

    def count(self, label: str, default: int, high: int = 60) -> int:
        return self.value(label, str(default), lambda answer: typed.parse_count(answer, 0, high))

    def _raw(self, label: str, default: str | None, hint: str) -> str | None:
        prompt = f"{label}{hint} [{default}]" if default is not None else f"{label}{hint}"
        raw = self.ask(mask(prompt)) if self.ask is not None else ""
        return raw if raw.strip() else default

    def _reject(self, label: str, reason: str) -> None:
        if self.ask is None:
            hint = "请去掉 --yes 逐项回答，或改正 --from 的案件文件"
            raise InterviewError(f"{label}：默认值不能使用（{reason}）", hint)
        self.tell(f"  ✗ {reason}")


def sample_case() -> Case:
    """The bundled sample, whose facts are the defaults of a new case."""
    if not SAMPLE.is_file():
        hint = "请用 --from 指定一份已有的案件文件作为默认值"
        raise DraftError("找不到示例案件文件 samples/case.yaml", hint)
    return load_case(SAMPLE)


def shown(value: object | None) -> str | None:
    """A default as a person would type it."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return typed.show_amount(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def was(model: object | None, field: str) -> str | None:
    """The default for ``field``: its value in ``model`` (a section that may be absent), as typed."""
    return None if model is None else shown(getattr(model, field))


def date_after(earlier: dt.date | None, what: str, *, same_day: bool = True) -> Callable[[str], dt.date]:
    """A date parser that refuses a day before ``earlier`` (or on it, unless ``same_day``)."""

    def parse(answer: str) -> dt.date:
        day = typed.parse_date(answer)
        if earlier is not None and (day < earlier or (day == earlier and not same_day)):
            relation = "早于" if same_day else "早于或等于"
            raise AnswerError(f"不能{relation}{what}（{earlier.isoformat()}）")
        return day

    return parse


def count_between(low: int, high: int) -> Callable[[str], int]:
    return lambda answer: typed.parse_count(answer, low, high)


def rows(
    iv: Interviewer,
    label: str,
    defaults: Sequence[T],
    ask_row: Callable[[int, T | None], Data],
    zero_means: str = "没有",
) -> list[Data]:
    """A list asked as a count, then each row with the old row (if any) as its defaults."""
    n = iv.count(f"{label}（条数，0 表示{zero_means}）", len(defaults))
    return [ask_row(i + 1, defaults[i] if i < len(defaults) else None) for i in range(n)]


def interview(defaults: Case, iv: Interviewer) -> Case:
    """Ask for every fact of a case, section by section, and return the validated case."""
    data: Data = {"version": 1}
    data["client"] = _client(defaults, iv)
    data["lender"] = _lender(defaults, iv)
    if iv.yes_no("有委托诉讼代理人吗", defaults.agent is not None):
        data["agent"] = _agent(defaults, iv)
    if iv.yes_no("已经被起诉（收到起诉状副本）了吗", defaults.court is not None):
        data["court"] = _court(defaults, iv)
    data["loan"] = _loan(defaults, iv, data.get("court"))
    if iv.yes_no("填写原告的诉讼请求吗", defaults.claims is not None):
        data["claims"] = _claims(defaults, iv, data["loan"])
    if iv.yes_no("填写困难情况（用于困难情况说明）吗", defaults.hardship is not None):
        data["hardship"] = _hardship(defaults, iv)
    if iv.yes_no("提出分期还款和解方案吗", defaults.proposal is not None):
        data["proposal"] = _proposal(defaults, iv)
    if "court" in data and iv.yes_no("起草民事答辩状吗", defaults.answer is not None):
        data["answer"] = _answer(defaults, iv, "proposal" in data)
    data["signing"] = _signing(defaults, iv, data)
    return case_from_data(data, "draft init")


def _client(case: Case, iv: Interviewer) -> Data:
    d = case.client
    iv.heading("我方当事人（借款人）")
    out: Data = {"name": iv.value("姓名", d.name, typed.parse_text)}
    gender = out["gender"] = iv.choice("性别", GENDERS, d.gender)
    birth = out["birth_date"] = iv.value(
        "出生日期（如 1994-03-01 或 1994年3月1日）", was(d, "birth_date"), typed.parse_date
    )
    out["ethnicity"] = iv.optional("民族", d.ethnicity, typed.parse_text)
    out["id_number"] = iv.value(
        "公民身份号码", d.id_number, lambda answer: typed.parse_id_number(answer, birth, gender)
    )
    out["occupation"] = iv.optional("职业", d.occupation, typed.parse_text)
    out["address"] = iv.value("住所地", d.address, typed.parse_text)
    out["phone"] = iv.optional("联系电话", d.phone, typed.parse_phone)
    return out


def _lender(case: Case, iv: Interviewer) -> Data:
    d = case.lender
    iv.heading("对方当事人（出借人/原告）")
    out: Data = {"name": iv.value("名称或姓名", d.name, typed.parse_text)}
    out["kind"] = iv.choice("出借人类型", LENDER_KINDS, d.kind)
    out["credit_code"] = iv.optional("统一社会信用代码", d.credit_code, typed.parse_credit_code)
    out["representative"] = iv.optional("法定代表人", d.representative, typed.parse_text)
    out["address"] = iv.optional("住所地", d.address, typed.parse_text)
    return out


def _agent(case: Case, iv: Interviewer) -> Data:
    d = case.agent
    iv.heading("委托诉讼代理人")
    return {
        "name": iv.value("代理人姓名", was(d, "name"), typed.parse_text),
        "firm": iv.optional("律师事务所", was(d, "firm"), typed.parse_text),
        "phone": iv.optional("代理人电话", was(d, "phone"), typed.parse_phone),
    }


def _court(case: Case, iv: Interviewer) -> Data:
    d = case.court
    iv.heading("法院与诉讼")
    out: Data = {"name": iv.value("受理法院全称", was(d, "name"), typed.parse_court_name)}
    out["case_number"] = iv.optional("案号", was(d, "case_number"), typed.parse_case_number)
    out["cause"] = iv.value("案由（如 小额借款合同纠纷）", was(d, "cause"), typed.parse_text)
    out["procedure"] = iv.optional(
        "审理程序（普通程序/简易程序/小额诉讼程序）",
        was(d, "procedure"),
        lambda answer: typed.parse_choice(answer, PROCEDURES),
    )
    filed = out["filed_on"] = iv.optional("立案日", was(d, "filed_on"), typed.parse_date)
    out["served_on"] = iv.value("收到起诉状副本之日", was(d, "served_on"), date_after(filed, "立案日"))
    period = was(d, "answer_period_days") or "15"
    out["answer_period_days"] = iv.value("答辩期（日）", period, count_between(1, 90))
    return out


def _loan(case: Case, iv: Interviewer, court: Data | None) -> Data:
    d = case.loan
    iv.heading("借款合同")
    filed = court.get("filed_on") if court else None

    def signed_on(answer: str) -> dt.date:
        day = typed.parse_date(answer)
        if filed is not None and day > filed:
            raise AnswerError(f"合同签订日不能晚于立案日（{filed.isoformat()}）")
        return day

    out: Data = {"contract_number": iv.optional("合同编号", d.contract_number, typed.parse_text)}
    signed = out["contract_date"] = iv.value("合同签订日", was(d, "contract_date"), signed_on)
    principal = out["principal"] = iv.value("合同本金（元，如 1.8万）", was(d, "principal"), _positive)
    received = d.disbursed if d.disbursed not in (None, d.principal) else principal
    out["disbursed"] = iv.value("实际到账金额（元）", shown(received), typed.parse_amount)
    paid_on = d.disbursed_on if d.disbursed_on not in (None, d.contract_date) else signed
    paid_out = out["disbursed_on"] = iv.value("放款日", shown(paid_on), date_after(signed, "合同签订日"))
    same_start = paid_out == disbursement_date(d)  # due dates written for another start are no defaults
    out["annual_rate"] = iv.value("约定年利率（如 23.98% 或 0.2398）", typed.show_rate(d.annual_rate), typed.parse_rate)
    overdue = typed.show_rate(d.overdue_rate) if d.overdue_rate is not None else None
    out["overdue_rate"] = iv.optional("约定逾期（罚息）年利率", overdue, typed.parse_rate)
    out["term_months"] = iv.value("借款期限（月）", str(d.term_months), count_between(1, 600))
    out["repayment"] = iv.choice("还款方式", REPAYMENTS, d.repayment)
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
    out["day_count"] = int(iv.choice("计息天数基准", DAY_COUNTS, str(d.day_count)))
    out["rate_cap_basis"] = iv.choice("利率上限依据", CAP_BASES, d.rate_cap_basis)
    after_payout = date_after(paid_out, "放款日")
    out["repayments"] = rows(
        iv,
        "借款人已还款记录",
        d.repayments,
        lambda n, r: {
            "date": iv.value(f"第{n}笔还款日期", was(r, "date"), after_payout),
            "amount": iv.value(f"第{n}笔还款金额（元）", was(r, "amount"), _positive),
        },
    )
    out["interruptions"] = rows(
        iv,
        "诉讼时效中断事由（催收、承认债务）",
        d.interruptions,
        lambda n, r: {
            "date": iv.value(f"第{n}个中断事由的日期", was(r, "date"), after_payout),
            "kind": iv.choice(f"第{n}个中断事由的类型", INTERRUPTION_KINDS, was(r, "kind")),
            "note": iv.optional(f"第{n}个中断事由的说明", was(r, "note"), typed.parse_text),
        },
    )
    return out


def _claims(case: Case, iv: Interviewer, loan: Data) -> Data:
    d = case.claims
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


def _hardship(case: Case, iv: Interviewer) -> Data:
    d = case.hardship
    iv.heading("困难情况")
    out: Data = {"summary": iv.value("困难情况概述（一两句话）", was(d, "summary"), typed.parse_text)}
    out["events"] = rows(
        iv,
        "困难事由",
        d.events if d else [],
        lambda n, e: {
            "date": iv.value(f"第{n}个困难事由的日期", was(e, "date"), typed.parse_date),
            "description": iv.value(f"第{n}个困难事由", was(e, "description"), typed.parse_text),
            "amount": iv.optional(f"第{n}个困难事由涉及的金额（元）", was(e, "amount"), typed.parse_amount),
        },
    )
    out["monthly_income"] = iv.value("家庭月收入（元）", was(d, "monthly_income"), typed.parse_amount)
    old_expenses = list(d.monthly_expenses.items()) if d else []
    expenses = rows(
        iv,
        "每月必要支出",
        old_expenses,
        lambda n, e: {
            "name": iv.value(f"第{n}项支出名称（如 房租）", e[0] if e else None, typed.parse_text),
            "amount": iv.value(f"第{n}项支出金额（元/月）", shown(e[1] if e else None), typed.parse_amount),
        },
    )
    out["monthly_expenses"] = {row["name"]: row["amount"] for row in expenses}
    out["dependents"] = rows(
        iv,
        "需要扶养的家庭成员",
        d.dependents if d else [],
        lambda n, p: {
            "relation": iv.value(f"第{n}位家庭成员与借款人的关系", was(p, "relation"), typed.parse_text),
            "note": iv.optional(f"第{n}位家庭成员的情况", was(p, "note"), typed.parse_text),
        },
    )
    evidence = rows(
        iv,
        "附件/证据",
        d.evidence if d else [],
        lambda n, x: {"item": iv.value(f"第{n}项附件/证据", x, typed.parse_text)},
    )
    out["evidence"] = [row["item"] for row in evidence]
    return out


def _proposal(case: Case, iv: Interviewer) -> Data:
    d = case.proposal
    iv.heading("分期还款和解方案")
    out: Data = {"addressee": iv.choice("提交对象", ADDRESSEE_CHOICES, was(d, "addressee") or "lender")}
    settlement = out["settlement_amount"] = iv.value("愿意偿还的总额（元）", was(d, "settlement_amount"), _positive)

    def down(answer: str) -> Decimal:
        value = typed.parse_amount(answer)
        if value >= settlement:
            raise AnswerError("首付款应小于还款总额")
        return value

    out["down_payment"] = iv.value("首付款（元，没有填 0）", was(d, "down_payment") or "0", down)
    if out["down_payment"] > 0:
        out["down_payment_date"] = iv.optional("首付款支付日", was(d, "down_payment_date"), typed.parse_date)
    out["installments"] = iv.value("分期期数（1至60）", was(d, "installments") or "12", count_between(1, 60))
    out["first_due_date"] = iv.value("第一期还款日（以后每月同日）", was(d, "first_due_date"), typed.parse_date)
    out["waive"] = iv.choices("请求减免的项目", CLAIM_CHOICES, d.waive if d else [])
    return out


def _answer(case: Case, iv: Interviewer, has_proposal: bool) -> Data:
    d = case.answer
    iv.heading("民事答辩状")
    out: Data = {"style": iv.choice("答辩状样式", STYLES, was(d, "style") or "narrative")}
    admitted = out["admitted"] = iv.choices("认可的诉讼请求项目", CLAIM_CHOICES, d.admitted if d else [])
    out["contested"] = iv.choices("有异议的诉讼请求项目", CLAIM_CHOICES, d.contested if d else [], admitted)
    arguments = rows(
        iv,
        "附加答辩理由",
        d.arguments if d else [],
        lambda n, x: {"text": iv.value(f"第{n}段答辩理由", x, typed.parse_text)},
    )
    out["arguments"] = [row["text"] for row in arguments]
    out["request_mediation"] = iv.yes_no("请求法院主持调解吗", d.request_mediation if d else True)
    out["request_installments"] = has_proposal and iv.yes_no(
        "在答辩状中提出上面的分期还款方案吗", d.request_installments if d else True
    )
    old_evidence = (d.evidence or []) if d else []
    evidence = rows(
        iv,
        "答辩证据清单",
        old_evidence,
        lambda n, x: {"item": iv.value(f"第{n}项答辩证据", x, typed.parse_text)},
        "沿用困难情况的附件",
    )
    out["evidence"] = [row["item"] for row in evidence] or None
    return out


def _past_events(data: Data) -> list[tuple[dt.date, str]]:
    """The facts the documents state as already happened, which the signing date cannot precede."""
    loan, court, hardship = data["loan"], data.get("court") or {}, data.get("hardship") or {}
    events = [
        (loan["contract_date"], "合同签订日"),
        (loan["disbursed_on"], "放款日"),
        *((r["date"], "还款日期") for r in loan["repayments"]),
        *((i["date"], "时效中断日期") for i in loan["interruptions"]),
        (court.get("filed_on"), "立案日"),
        (court.get("served_on"), "收到起诉状副本之日"),
        *((e["date"], "困难事由日期") for e in hardship.get("events", [])),
    ]
    return [(day, name) for day, name in events if day is not None]


def _signing(case: Case, iv: Interviewer, data: Data) -> Data:
    iv.heading("落款")
    first_due = data["proposal"]["first_due_date"] if "proposal" in data else None
    latest = max(_past_events(data), default=None)

    def signed_on(answer: str) -> dt.date:
        day = typed.parse_date(answer)
        if latest is not None and day < latest[0]:
            day_text = latest[0].isoformat()
            raise AnswerError(f"落款日期不能早于{latest[1]}（{day_text}）：文书所写的事实须已发生")
        if first_due is not None and day >= first_due:
            raise AnswerError(f"落款日期应早于和解方案的第一期还款日（{first_due.isoformat()}）")
        return day

    return {
        "date": iv.optional("落款日期", was(case.signing, "date"), signed_on, "起草当天"),
        "place": iv.optional("落款地点", case.signing.place, typed.parse_text),
    }


def _positive(answer: str) -> Decimal:
    value = typed.parse_amount(answer)
    if value <= 0:
        raise AnswerError("金额应大于 0")
    return value
