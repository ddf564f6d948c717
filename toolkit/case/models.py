"""The case file, v1, as pydantic models (see the case-format contract).

Unknown keys are refused, money is ``Decimal``, dates are ``date``, and identifiers that look like numbers
must be quoted strings. Every field carries a Chinese description: it feeds ``draft schema`` and editors.

Values are bounded where they enter, so that nothing impossible reaches a computation or a document: an
amount is below :data:`MAX_MONEY` and in whole cents (so are the sums the documents print), a date lies in
:data:`DATE_RANGE`, and text holds no control, non- or invisible character (toolkit.case.text).
"""

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import ROUND_DOWN, Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from toolkit.case.datafiles import Text, no_items, printable
from toolkit.case.lender_kinds import kind_schema, known_lender_kind

ClaimItem = Literal[
    "principal",
    "interest",
    "penalty",
    "compound_interest",
    "liquidated_damages",
    "fees",
    "enforcement_costs",
    "litigation_costs",
]
AdmittedItem = Literal[ClaimItem, "acceleration"]  # acceleration: the loan fell due early (law.md §9.7)
# A code of caps.yaml's lender_kinds (bank, private …): a new kind is a row there (toolkit.case.lender_kinds).
LenderKind = Annotated[str, AfterValidator(known_lender_kind)]

MAX_MONEY = Decimal(10) ** 12  # yuan: no consumer loan comes near; keeps every computation far from overflow
DATE_RANGE = (dt.date(1990, 1, 1), dt.date(2100, 12, 31))  # contracts, payments, court dates, the letters
BIRTH_DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))


def _money(value: Decimal) -> Decimal:
    """An amount of yuan as the case format allows it: finite, below the bound, in whole cents."""
    if not value.is_finite():
        raise ValueError("金额必须是有限的数字：请写成如 18000.00 的数字")
    if value >= MAX_MONEY:
        raise ValueError("金额过大（应小于一万亿元）：请核对是否多写了数字，或把科学计数法（如 1e30）改写成普通数字")
    if value != value.quantize(Decimal("0.01"), rounding=ROUND_DOWN):
        raise ValueError(f"金额 {value} 有超过两位的小数：金额以元为单位，最多写到分（两位小数），请改正")
    return value


def _total_in_bounds(amounts: Iterable[Decimal], what: str) -> None:
    """Sums the documents print stay below the bound too (their amounts in words are spelt up to it)."""
    if sum(amounts, Decimal(0)) >= MAX_MONEY:
        raise ValueError(f"{what}合计过大（应小于一万亿元）：请核对各项金额是否多写了数字")


def _rate(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("利率必须是有限的数字：请写成小数，如 0.2398")
    return value


def _quoted(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError('像数字的编号必须加引号写成字符串：请写成 "…"（否则 YAML 会把它当作数字，丢掉前导零）')
    return value


Money = Annotated[Decimal, Field(ge=0), AfterValidator(_money)]
PositiveMoney = Annotated[Decimal, Field(gt=0), AfterValidator(_money)]
Rate = Annotated[Decimal, AfterValidator(_rate), Field(ge=0, le=10)]
Identifier = Annotated[str, BeforeValidator(_quoted), Field(min_length=1), AfterValidator(printable)]


def _within(first: dt.date, last: dt.date) -> Callable[[dt.date], dt.date]:
    """A date's validator: a year mistyped (2206, 1026) is refused where it is written."""

    def plausible(day: dt.date) -> dt.date:
        if not first <= day <= last:
            raise ValueError(
                f"日期 {day.isoformat()} 不在合理范围内（{first.isoformat()} 至 {last.isoformat()}）："
                "请核对年份是否填错"
            )
        return day

    return plausible


Date = Annotated[dt.date, AfterValidator(_within(*DATE_RANGE))]  # every date of a case but the birth date
BirthDate = Annotated[dt.date, AfterValidator(_within(*BIRTH_DATE_RANGE))]


class Section(BaseModel):
    """Every section: unknown keys refused, values frozen. Its dates are :data:`Date` (or
    :data:`BirthDate`), never a bare ``dt.date`` (tests/case/test_date_range.py finds any)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Court(Section):
    name: Text = Field(description="受理法院全称，须以“法院”结尾，如 北京互联网法院")
    case_number: Identifier | None = Field(None, description="案号，如 （2026）京0491民初31875号；立案前可省略")
    cause: Text = Field(description="案由，如 金融借款合同纠纷、小额借款合同纠纷、民间借贷纠纷、信用卡纠纷")
    procedure: Literal["普通程序", "简易程序", "小额诉讼程序"] | None = Field(None, description="审理程序")
    submitted_on: Date | None = Field(
        None, description="起诉日：原告提交起诉状之日，诉讼时效自该日中断（诉讼时效规定第十条）；不知道时以立案日代替"
    )
    filed_on: Date | None = Field(None, description="立案日（过渡规则的基准日；没有起诉日时代替起诉日）")
    served_on: Date | None = Field(None, description="收到起诉状副本之日，答辩期由此起算")
    answer_period_days: int | None = Field(
        None,
        ge=1,
        le=90,
        description="答辩期天数，以应诉通知书为准；普通程序不填时为15日（民事诉讼法第一百二十八条），"
        "简易程序、小额诉讼程序由法院确定，必须填写",
    )


class Client(Section):
    name: Text = Field(description="借款人（答辩人/申请人/说明人）姓名")
    gender: Literal["男", "女"] = Field(description="性别：男 或 女")
    birth_date: BirthDate = Field(description="出生日期，须与身份证号一致")
    ethnicity: Text | None = Field(None, description="民族，如 汉族")
    id_number: Identifier = Field(description="公民身份号码，18位，须加引号；校验码按 GB 11643 核对")
    occupation: Text | None = Field(None, description="职业")
    address: Text = Field(description="住所地")
    phone: Identifier | None = Field(None, description="联系电话，须加引号")


class Lender(Section):
    name: Text = Field(description="出借人（原告/被答辩人/被申请人）名称或姓名")
    kind: LenderKind = Field(description="出借人类型（caps.yaml 的 lender_kinds）", json_schema_extra=kind_schema)
    credit_code: Identifier | None = Field(None, description="统一社会信用代码，18位，须加引号；按 GB 32100 核对")
    representative: Text | None = Field(None, description="法定代表人")
    original_name: Text | None = Field(
        None, description="原债权人名称：债权经转让时填写（kind 填原债权人的类型，law.md §9.14）"
    )
    address: Text | None = Field(None, description="住所地")


class Agent(Section):
    name: Text = Field(description="委托诉讼代理人姓名")
    firm: Text | None = Field(None, description="律师事务所")
    phone: Identifier | None = Field(None, description="联系电话，须加引号")


class Repayment(Section):
    date: Date = Field(description="还款日期")
    amount: PositiveMoney = Field(description="还款金额（元）")


class Interruption(Section):
    date: Date = Field(description="时效中断事由发生之日")
    kind: Literal["demand", "acknowledgment"] = Field(description="demand 催收 | acknowledgment 借款人承认债务")
    note: Text | None = Field(None, description="说明，如 平台催收短信")
    disputed: bool = Field(
        False, description="借款人否认收到或否认该事由：不计入时效计算，答辩状对此提出异议（诉讼时效规定第八条）"
    )


class Loan(Section):
    contract_number: Identifier | None = Field(None, description="合同编号")
    contract_date: Date = Field(description="合同签订日")
    principal: PositiveMoney = Field(description="合同载明的借款本金（元）")
    disbursed: Money | None = Field(None, description="实际到账金额；少于本金即为砍头息；默认等于本金")
    disbursed_on: Date | None = Field(None, description="放款日；默认合同签订日")
    annual_rate: Rate = Field(description="约定期内年利率，小数表示，0.2398 即 23.98%")
    overdue_rate: Rate | None = Field(None, description="约定逾期（罚息）年利率；默认同期内利率")
    term_months: int = Field(ge=1, le=600, description="借款期限（月）")
    repayment: Literal["bullet", "equal_installments", "equal_principal", "interest_first"] = Field(
        description="还款方式：bullet 到期一次还本付息 | equal_installments 等额本息 | "
        "equal_principal 等额本金 | interest_first 先息后本"
    )
    first_due_date: Date | None = Field(None, description="首期还款日")
    final_due_date: Date | None = Field(None, description="最后还款日；默认按期限推算")
    overdue_since: Date | None = Field(
        None, description="起诉状所称的逾期起算日；省略时一次性还本付息的按最后还款日，分期还款的不推算"
    )
    day_count: Literal[365, 360] = Field(365, description="计息天数基准：365 或 360")
    rate_cap_basis: Literal["auto", "lpr4x", "financial24"] = Field(
        "auto", description="利率上限依据：auto 按出借人类型 | lpr4x 四倍LPR | financial24 年24%"
    )
    repayments: list[Repayment] = Field(default_factory=no_items, description="借款人实际还款记录")
    interruptions: list[Interruption] = Field(default_factory=no_items, description="诉讼时效中断事由")

    @model_validator(mode="after")
    def _repayments_in_bounds(self) -> "Loan":
        _total_in_bounds((r.amount for r in self.repayments), "还款")
        return self


class Claims(Section):
    as_of: Date = Field(description="原告主张利息计算至之日")
    principal: Money = Field(Decimal(0), description="主张本金")
    interest: Money = Field(Decimal(0), description="主张期内利息")
    penalty: Money = Field(Decimal(0), description="主张罚息/逾期利息")
    compound_interest: Money = Field(Decimal(0), description="主张复利")
    liquidated_damages: Money = Field(Decimal(0), description="主张违约金")
    fees: Money = Field(Decimal(0), description="服务费、管理费等其他费用（计入利率上限）")
    enforcement_costs: Money = Field(Decimal(0), description="律师费、保全费等实现债权费用（不计入上限）")
    total: Money | None = Field(None, description="诉请总额；填写时须等于以上各项之和")
    litigation_costs_on_client: bool = Field(True, description="原告是否请求由借款人承担诉讼费")

    @model_validator(mode="after")
    def _items_in_bounds(self) -> "Claims":
        _total_in_bounds((v for k, v in self if isinstance(v, Decimal) and k != "total"), "诉请各项")
        return self


class HardshipEvent(Section):
    date: Date = Field(description="困难事由发生日期")
    description: Text = Field(description="困难事由")
    amount: Money | None = Field(None, description="涉及金额（元），如医疗费")


class Dependent(Section):
    relation: Text = Field(description="与借款人关系，如 父亲")
    note: Text | None = Field(None, description="情况说明")


class Hardship(Section):
    summary: Text = Field(description="困难情况概述，一两句话")
    events: list[HardshipEvent] = Field(default_factory=no_items, description="困难事由及日期、金额")
    monthly_income: Money = Field(description="家庭月收入（元）")
    monthly_expenses: dict[Text, Money] = Field(default_factory=dict, description="每月必要支出：名称 → 金额")
    dependents: list[Dependent] = Field(default_factory=no_items, description="需要扶养的家庭成员")
    evidence: list[Text] = Field(default_factory=no_items, description="附件/证据清单，困难情况说明至少一项")

    @model_validator(mode="after")
    def _expenses_in_bounds(self) -> "Hardship":
        _total_in_bounds(self.monthly_expenses.values(), "每月支出")
        return self


class Proposal(Section):
    addressee: Literal["lender", "court"] = Field(description="提交对象：lender 出借人 | court 法院（诉前/诉中调解）")
    settlement_amount: PositiveMoney = Field(description="借款人愿意偿还的总额（元）")
    down_payment: Money = Field(Decimal(0), description="首付款（元），可省略")
    down_payment_date: Date | None = Field(
        None, description="首付款支付日；默认为出借人书面同意方案之日起7日内（不写日期）"
    )
    installments: int = Field(ge=1, le=600, description="分期期数（1至60期）")
    first_due_date: Date = Field(description="第一期还款日，以后每月同日")
    waive: list[ClaimItem] = Field(default_factory=no_items, description="请求减免的项目")


class EvidenceItem(Section):
    name: Text = Field(description="证据名称，如 微信转账记录")
    source: Text | None = Field(None, description="证据来源，如 答辩人手机")
    purpose: Text | None = Field(None, description="证明目的，如 证明已还款1,000元")
    pages: Text | None = Field(None, description="页码，如 3-5")


class Answer(Section):
    style: Literal["narrative", "elements"] = Field(
        "narrative", description="答辩状样式：narrative 叙述式 | elements 要素式（法〔2025〕82号）"
    )
    admitted: list[AdmittedItem] = Field(
        default_factory=no_items,
        description="认可的诉讼请求项目（以依法可支持的数额为限）；acceleration 表示认可借款已提前到期",
    )
    admit_as_claimed: list[ClaimItem] = Field(
        default_factory=no_items, description="明知风险、按原告主张数额认可的项目（law.md §9.1）"
    )
    contested: list[ClaimItem] = Field(default_factory=no_items, description="有异议的诉讼请求项目")
    arguments: list[Text] = Field(default_factory=no_items, description="附加的答辩理由段落")
    request_mediation: bool = Field(True, description="是否请求法院主持调解")
    request_installments: bool = Field(False, description="是否在答辩中提出分期还款方案（proposal）")
    evidence: list[Text | EvidenceItem] | None = Field(
        None, description="答辩证据清单：每项写证据名称，或写 {name, source, purpose, pages}；省略时按还款等事实列出"
    )
    element_form: Literal["auto", "financial_loan", "private_lending"] = Field(
        "auto",
        description="要素式表格：auto 按出借人类型 | financial_loan 金融借款合同纠纷 | private_lending 民间借贷纠纷",
    )


class Signing(Section):
    date: Date | None = Field(None, description="落款日期；默认今天。答辩期等检查以此日为准")
    place: Text | None = Field(None, description="落款地点")


class Case(Section):
    """One dispute, from the side of the borrower the lawyer acts for."""

    version: Literal[1] = Field(description="案件文件格式版本，目前为 1")
    court: Court | None = Field(None, description="法院与诉讼信息")
    client: Client = Field(description="借款人（我方当事人）")
    lender: Lender = Field(description="出借人（对方当事人）")
    agent: Agent | None = Field(None, description="委托诉讼代理人")
    loan: Loan = Field(description="借款合同")
    claims: Claims | None = Field(None, description="原告的诉讼请求（按起诉状填写）")
    hardship: Hardship | None = Field(None, description="困难情况")
    proposal: Proposal | None = Field(None, description="分期还款和解方案")
    answer: Answer | None = Field(None, description="答辩状的选择")
    signing: Signing = Field(default_factory=Signing, description="落款")


def received_amount(loan: Loan) -> Decimal:
    """What the borrower actually received: ``disbursed``, defaulting to the written principal."""
    return loan.principal if loan.disbursed is None else loan.disbursed


def disbursement_date(loan: Loan) -> dt.date:
    """The day the money was paid out: ``disbursed_on``, defaulting to the contract date."""
    return loan.disbursed_on or loan.contract_date


def signing_date(case: Case) -> dt.date:
    """The document date: ``signing.date``, defaulting to today (deadline checks compare with it)."""
    return case.signing.date or dt.date.today()
