"""The questions about the parties: the client (the borrower, 我方), the lender (原告) and our agent.

The client's ID number is checked against the birth date and gender already answered (GB 11643-1999),
so the three cannot disagree in the documents.
"""

from __future__ import annotations

from toolkit.case import typed_input as typed
from toolkit.case.asking import Data, Interviewer, was
from toolkit.case.lender_kinds import lender_kinds
from toolkit.case.models import Case
from toolkit.case.typed_input import Choice

GENDERS = (Choice("男", "男"), Choice("女", "女"))


def lender_kind_choices() -> tuple[Choice, ...]:
    """The lender kinds as ``draft new`` and the spreadsheet offer them: each row's ``choice`` in caps.yaml."""
    return tuple(Choice(code, row.choice) for code, row in lender_kinds().items())


def ask_client(case: Case | None, iv: Interviewer) -> Data:
    d = case.client if case else None
    iv.heading("我方当事人（借款人）")
    out: Data = {"name": iv.value("姓名", was(d, "name"), typed.parse_text)}
    gender = out["gender"] = iv.choice("性别", GENDERS, was(d, "gender"))
    birth = out["birth_date"] = iv.value(
        "出生日期（如 1994-03-01 或 1994年3月1日）", was(d, "birth_date"), typed.parse_date
    )
    out["ethnicity"] = iv.optional("民族", was(d, "ethnicity"), typed.parse_text)
    out["id_number"] = iv.value(
        "公民身份号码", was(d, "id_number"), lambda answer: typed.parse_id_number(answer, birth, gender)
    )
    out["occupation"] = iv.optional("职业", was(d, "occupation"), typed.parse_text)
    out["address"] = iv.value("住所地", was(d, "address"), typed.parse_text)
    out["phone"] = iv.optional("联系电话", was(d, "phone"), typed.parse_phone)
    return out


def ask_lender(case: Case | None, iv: Interviewer) -> Data:
    d = case.lender if case else None
    iv.heading("对方当事人（出借人/原告）")
    out: Data = {"name": iv.value("名称或姓名", was(d, "name"), typed.parse_text)}
    out["kind"] = iv.choice("出借人类型", lender_kind_choices(), was(d, "kind"))
    out["credit_code"] = iv.optional("统一社会信用代码", was(d, "credit_code"), typed.parse_credit_code)
    out["representative"] = iv.optional("法定代表人", was(d, "representative"), typed.parse_text)
    out["original_name"] = iv.optional(
        "原债权人（债权经转让时填写）", was(d, "original_name"), typed.parse_text, "未转让"
    )
    out["address"] = iv.optional("住所地", was(d, "address"), typed.parse_text)
    return out


def ask_agent(case: Case | None, iv: Interviewer) -> Data:
    d = case.agent if case else None
    iv.heading("委托诉讼代理人")
    return {
        "name": iv.value("代理人姓名", was(d, "name"), typed.parse_text),
        "firm": iv.optional("律师事务所", was(d, "firm"), typed.parse_text),
        "phone": iv.optional("代理人电话", was(d, "phone"), typed.parse_phone),
    }
