"""The questions ``draft init`` asks, section by section, each with a default and checked as it is answered.

Defaults come from a case (``--from``, or the bundled sample), so pressing Enter throughout gives a valid
case. How one question is asked (and ``--yes``, which takes every default) is :mod:`toolkit.case.asking`;
the questions of each section are in the modules beside this one; this module asks them in order and
checks the signing date against every fact the documents state as already happened.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import toolkit
from toolkit.case import typed_input as typed
from toolkit.case.asking import Data, Interviewer, InterviewError, was
from toolkit.case.interview.lawsuit import ask_answer, ask_claims, ask_court
from toolkit.case.interview.loan import ask_loan
from toolkit.case.interview.parties import ask_agent, ask_client, ask_lender
from toolkit.case.interview.settlement import ask_hardship, ask_proposal
from toolkit.case.load import case_from_data, load_case
from toolkit.case.models import Case
from toolkit.case.typed_input import AnswerError
from toolkit.errors import DraftError

__all__ = ["InterviewError", "Interviewer", "interview", "sample_case"]

SAMPLE = Path(toolkit.__file__).resolve().parent.parent / "samples" / "case.yaml"


def sample_case() -> Case:
    """The bundled sample, whose facts are the defaults of a new case."""
    if not SAMPLE.is_file():
        hint = "请用 --from 指定一份已有的案件文件作为默认值"
        raise DraftError("找不到示例案件文件 samples/case.yaml", hint)
    return load_case(SAMPLE)


def interview(defaults: Case, iv: Interviewer) -> Case:
    """Ask for every fact of a case, section by section, and return the validated case."""
    data: Data = {"version": 1}
    data["client"] = ask_client(defaults, iv)
    data["lender"] = ask_lender(defaults, iv)
    if iv.yes_no("有委托诉讼代理人吗", defaults.agent is not None):
        data["agent"] = ask_agent(defaults, iv)
    if iv.yes_no("已经被起诉（收到起诉状副本）了吗", defaults.court is not None):
        data["court"] = ask_court(defaults, iv)
    data["loan"] = ask_loan(defaults, iv, data.get("court"))
    if iv.yes_no("填写原告的诉讼请求吗", defaults.claims is not None):
        data["claims"] = ask_claims(defaults, iv, data["loan"])
    if iv.yes_no("填写困难情况（用于困难情况说明）吗", defaults.hardship is not None):
        data["hardship"] = ask_hardship(defaults, iv)
    if iv.yes_no("提出分期还款和解方案吗", defaults.proposal is not None):
        data["proposal"] = ask_proposal(defaults, iv)
    if "court" in data and iv.yes_no("起草民事答辩状吗", defaults.answer is not None):
        data["answer"] = ask_answer(defaults, iv, "proposal" in data)
    data["signing"] = _signing(defaults, iv, data)
    return case_from_data(data, "draft init")


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
