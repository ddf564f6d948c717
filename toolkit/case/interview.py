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
from toolkit.case.models import Case
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
AMOUNT_ITEMS = ("principal", "interest", "penalty", "compound_interest", "liquidated_damages", "fees",
                "enforcement_costs")


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

    def optional(self, label: str, default: str | None, parse: Callable[[str], T]) -> T | None:
        """An answer that may be left out: empty without a default, or 无."""
        hint = "（可填“无”）" if default is not None else "（可留空）"
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
            raise InterviewError(f"{label}：默认值不能使用（{reason}）", "请去掉 --yes 逐项回答，或改正 --from 的案件文件")
        self.tell(f"  ✗ {reason}")


def sample_case() -> Case:
    """The bundled sample, whose facts are the defaults of a new case."""
    if not SAMPLE.is_file():
        raise DraftError("找不到示例案件文件 samples/case.yaml", "请用 --from 指定一份已有的案件文件作为默认值")
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


def date_after(earlier: dt.date | None, what: str, *, same_day: bool = True) -> Callable[[str], dt.date]:
    """A date parser that refuses a day before ``earlier`` (or on it, unless ``same_day``)."""

    def parse(answer: str) -> dt.date:
        day = typed.parse_date(answer)
        if earlier is not None and (day < earlier or (day == earlier and not same_day)):
            relation = "早于" if same_day else "早于或等于"
            raise AnswerError(f"不能{relation}{what}（{earlier.isoformat()}）")
        return day

    return parse


def rows(iv: Interviewer, label: str, defaults: Sequence[T], ask_row: Callable[[int, T | None], Data]) -> list[Data]:
    """A list asked as a count, then each row with the old row (if any) as its defaults."""
    n = iv.count(f"{label}（条数，0 表示没有）", len(defaults))
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
    data["loan"] = _loan(defaults, iv)
    if iv.yes_no("填写原告的诉讼请求吗", defaults.claims is not None):
        data["claims"] = _claims(defaults, iv, data["loan"])
    if iv.yes_no("填写困难情况（用于困难情况说明）吗", defaults.hardship is not None):
        data["hardship"] = _hardship(defaults, iv)
    if iv.yes_no("提出分期还款和解方案吗", defaults.proposal is not None):
        data["proposal"] = _proposal(defaults, iv)
    if "court" in data and iv.yes_no("起草民事答辩状吗", defaults.answer is not None):
        data["answer"] = _answer(defaults, iv, "proposal" in data)
    data["signing"] = _signing(defaults, iv, data.get("proposal"))
    return case_from_data(data, "draft init")


def _client(case: Case, iv: Interviewer) -> Data:
    d = case.client
    iv.heading("我方当事人（借款人）")
    out: Data = {"name": iv.value("姓名", d.name, typed.parse_text)}
    gender = out["gender"] = iv.choice("性别", GENDERS, d.gender)
    birth = out["birth_date"] = iv.value("出生日期（如 1994-03-01 或 1994年3月1日）", shown(d.birth_date),
                                         typed.parse_date)
    out["ethnicity"] = iv.optional("民族", d.ethnicity, typed.parse_text)
    out["id_number"] = iv.value("公民身份号码", d.id_number, lambda a: typed.parse_id_number(a, birth, gender))
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
    out: Data = {"name": iv.value("代理人姓名", d and d.name, typed.parse_text)}
    out["firm"] = iv.optional("律师事务所", d and d.firm, typed.parse_text)
    out["phone"] = iv.optional("代理人电话", d and d.phone, typed.parse_phone)
    return out


def _court(case: Case, iv: Interviewer) -> Data:
    d = case.court
    iv.heading("法院与诉讼")
    out: Data = {"name": iv.value("受理法院全称", d and d.name, typed.parse_court_name)}
    out["case_number"] = iv.optional("案号", d and d.case_number, typed.parse_case_number)
    out["cause"] = iv.value("案由（如 小额借款合同纠纷）", d and d.cause, typed.parse_text)
    procedure = iv.optional("审理程序（普通程序/简易程序/小额诉讼程序）", d and d.procedure,
                            lambda a: typed.parse_choice(a, PROCEDURES))
    out["procedure"] = procedure
    filed = out["filed_on"] = iv.optional("立案日", shown(d and d.filed_on), typed.parse_date)
    out["served_on"] = iv.value("收到起诉状副本之日", shown(d and d.served_on), date_after(filed, "立案日"))
    out["answer_period_days"] = iv.value("答辩期（日）", str(d.answer_period_days if d else 15),
                                         lambda a: typed.parse_count(a, 1, 90))
    return out


def _loan(case: Case, iv: Interviewer) -> Data:
    d = case.loan
    iv.heading("借款合同")
    out: Data = {"contract_number": iv.optional("合同编号", d.contract_number, typed.parse_text)}
    signed = out["contract_date"] = iv.value("合同签订日", shown(d.contract_date), typed.parse_date)
    principal = out["principal"] = iv.value("合同本金（元，如 18000 或 1.8万）", shown(d.principal), _positive)
    out["disbursed"] = iv.value("实际到账金额（元）", shown(d.disbursed or principal), typed.parse_amount)
    paid_out = out["disbursed_on"] = iv.value("放款日", shown(d.disbursed_on or signed),
                                              date_after(signed, "合同签订日"))
    out["annual_rate"] = iv.value("约定年利率（如 23.98% 或 0.2398）", typed.show_rate(d.annual_rate),
                                  typed.parse_rate)
    out["overdue_rate"] = iv.optional("约定逾期（罚息）年利率", d.overdue_rate and typed.show_rate(d.overdue_rate),
                                      typed.parse_rate)
    out["term_months"] = iv.value("借款期限（月）", str(d.term_months), lambda a: typed.parse_count(a, 1, 600))
    out["repayment"] = iv.choice("还款方式", REPAYMENTS, d.repayment)
    first = out["first_due_date"] = iv.optional("首期还款日", shown(d.first_due_date),
                                                date_after(paid_out, "放款日", same_day=False))
    out["final_due_date"] = iv.optional("最后还款日", shown(d.final_due_date),
                                        date_after(first or paid_out, "首期还款日或放款日"))
    out["day_count"] = int(iv.choice("计息天数基准", DAY_COUNTS, str(d.day_count)))
    out["rate_cap_basis"] = iv.choice("利率上限依据", CAP_BASES, d.rate_cap_basis)
    out["repayments"] = rows(iv, "借款人已还款记录", d.repayments, lambda n, r: {
        "date": iv.value(f"第{n}笔还款日期", shown(r and r.date), date_after(paid_out, "放款日")),
        "amount": iv.value(f"第{n}笔还款金额（元）", shown(r and r.amount), _positive),
    })
    out["interruptions"] = rows(iv, "诉讼时效中断事由（催收、承认债务）", d.interruptions, lambda n, r: {
        "date": iv.value(f"第{n}个中断事由的日期", shown(r and r.date), date_after(paid_out, "放款日")),
        "kind": iv.choice(f"第{n}个中断事由的类型", INTERRUPTION_KINDS, r and r.kind),
        "note": iv.optional(f"第{n}个中断事由的说明", r and r.note, typed.parse_text),
    })
    return out


def _claims(case: Case, iv: Interviewer, loan: Data) -> Data:
    d = case.claims
    iv.heading("原告的诉讼请求（照起诉状填写）")
    out: Data = {"as_of": iv.value("利息主张计算至之日", shown(d and d.as_of),
                                   date_after(loan["disbursed_on"], "放款日"))}
    for item in AMOUNT_ITEMS:
        old = getattr(d, item) if d else Decimal(0)
        out[item] = iv.value(f"主张的{CLAIM_ITEMS[item]}（元）", shown(old), typed.parse_amount)
    items_sum = sum((out[item] for item in AMOUNT_ITEMS), Decimal(0))

    def total(answer: str) -> Decimal:
        value = typed.parse_amount(answer)
        if value != items_sum:
            raise AnswerError(f"各项之和为 {typed.show_amount(items_sum)}，与总额 {typed.show_amount(value)} 不一致：请核对起诉状")
        return value

    out["total"] = iv.optional("诉请总额（元）", shown(items_sum), total)
    out["litigation_costs_on_client"] = iv.yes_no("原告请求由我方承担诉讼费吗", d.litigation_costs_on_client if d else True)
    return out


def _hardship(case: Case, iv: Interviewer) -> Data:
    d = case.hardship
    iv.heading("困难情况")
    out: Data = {"summary": iv.value("困难情况概述（一两句话）", d and d.summary, typed.parse_text)}
    out["events"] = rows(iv, "困难事由", d.events if d else [], lambda n, e: {
        "date": iv.value(f"第{n}个困难事由的日期", shown(e and e.date), typed.parse_date),
        "description": iv.value(f"第{n}个困难事由", e and e.description, typed.parse_text),
        "amount": iv.optional(f"第{n}个困难事由涉及的金额（元）", shown(e and e.amount), typed.parse_amount),
    })
    out["monthly_income"] = iv.value("家庭月收入（元）", shown(d and d.monthly_income), typed.parse_amount)
    expenses = rows(iv, "每月必要支出", list(d.monthly_expenses.items()) if d else [], lambda n, e: {
        "name": iv.value(f"第{n}项支出名称（如 房租）", e and e[0], typed.parse_text),
        "amount": iv.value(f"第{n}项支出金额（元/月）", shown(e and e[1]), typed.parse_amount),
    })
    out["monthly_expenses"] = {row["name"]: row["amount"] for row in expenses}
    out["dependents"] = rows(iv, "需要扶养的家庭成员", d.dependents if d else [], lambda n, p: {
        "relation": iv.value(f"第{n}位家庭成员与借款人的关系", p and p.relation, typed.parse_text),
        "note": iv.optional(f"第{n}位家庭成员的情况", p and p.note, typed.parse_text),
    })
    out["evidence"] = [row["item"] for row in rows(iv, "附件/证据", d.evidence if d else [], lambda n, x: {
        "item": iv.value(f"第{n}项附件/证据", x, typed.parse_text)})]
    return out


def _proposal(case: Case, iv: Interviewer) -> Data:
    d = case.proposal
    iv.heading("分期还款和解方案")
    out: Data = {"addressee": iv.choice("提交对象", ADDRESSEE_CHOICES, d.addressee if d else "lender")}
    settlement = out["settlement_amount"] = iv.value("愿意偿还的总额（元）", shown(d and d.settlement_amount), _positive)

    def down(answer: str) -> Decimal:
        value = typed.parse_amount(answer)
        if value >= settlement:
            raise AnswerError("首付款应小于还款总额")
        return value

    out["down_payment"] = iv.value("首付款（元，没有填 0）", shown(d.down_payment if d else Decimal(0)), down)
    if out["down_payment"] > 0:
        out["down_payment_date"] = iv.optional("首付款支付日", shown(d and d.down_payment_date), typed.parse_date)
    out["installments"] = iv.value("分期期数（1至60）", str(d.installments if d else 12),
                                   lambda a: typed.parse_count(a, 1, 60))
    out["first_due_date"] = iv.value("第一期还款日（以后每月同日）", shown(d and d.first_due_date), typed.parse_date)
    out["waive"] = iv.choices("请求减免的项目", CLAIM_CHOICES, d.waive if d else [])
    return out


def _answer(case: Case, iv: Interviewer, has_proposal: bool) -> Data:
    d = case.answer
    iv.heading("民事答辩状")
    out: Data = {"style": iv.choice("答辩状样式", STYLES, d.style if d else "narrative")}
    admitted = out["admitted"] = iv.choices("认可的诉讼请求项目", CLAIM_CHOICES, d.admitted if d else [])
    out["contested"] = iv.choices("有异议的诉讼请求项目", CLAIM_CHOICES, d.contested if d else [], admitted)
    out["arguments"] = [row["text"] for row in rows(iv, "附加答辩理由", d.arguments if d else [], lambda n, x: {
        "text": iv.value(f"第{n}段答辩理由", x, typed.parse_text)})]
    out["request_mediation"] = iv.yes_no("请求法院主持调解吗", d.request_mediation if d else True)
    out["request_installments"] = has_proposal and iv.yes_no(
        "在答辩状中提出上面的分期还款方案吗", d.request_installments if d else True)
    evidence = rows(iv, "答辩证据清单（0 表示沿用困难情况的附件）", (d.evidence or []) if d else [], lambda n, x: {
        "item": iv.value(f"第{n}项答辩证据", x, typed.parse_text)})
    out["evidence"] = [row["item"] for row in evidence] or None
    return out


def _signing(case: Case, iv: Interviewer, proposal: Data | None) -> Data:
    d = case.signing
    iv.heading("落款")
    first_due = proposal["first_due_date"] if proposal else None

    def signed_on(answer: str) -> dt.date:
        day = typed.parse_date(answer)
        if first_due is not None and day >= first_due:
            raise AnswerError(f"落款日应早于和解方案的第一期还款日（{first_due.isoformat()}）")
        return day

    return {"date": iv.optional("落款日期（留空为起草当天）", shown(d.date), signed_on),
            "place": iv.optional("落款地点", d.place, typed.parse_text)}


def _positive(answer: str) -> Decimal:
    value = typed.parse_amount(answer)
    if value <= 0:
        raise AnswerError("金额应大于 0")
    return value
