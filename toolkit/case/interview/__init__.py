"""The questions ``draft init`` asks, section by section, each with a default and checked as it is answered.

Defaults come from the case being edited (``--from``) and from nothing else: a new case starts empty, so
it never carries another client's facts; only the format's own defaults (a 15-day answer period, 365-day
years) are offered. How one question is asked (and ``--yes``, which takes every default) is
:mod:`toolkit.case.asking`;
the questions of each section are in the modules beside this one; this module asks them in order and
checks the signing date against every fact the documents state as already happened.
"""

from __future__ import annotations

import datetime as dt

from toolkit.case import typed_input as typed
from toolkit.case.asking import Data, Interviewer, InterviewError, was
from toolkit.case.interview.lawsuit import ask_answer, ask_claims, ask_court
from toolkit.case.interview.loan import ask_loan
from toolkit.case.interview.parties import ask_agent, ask_client, ask_lender
from toolkit.case.interview.settlement import ask_hardship, ask_proposal
from toolkit.case.load import case_from_data
from toolkit.case.models import Case
from toolkit.case.typed_input import AnswerError

__all__ = ["InterviewError", "Interviewer", "interview"]


def interview(defaults: Case | None, iv: Interviewer) -> Case:
    """Ask for every fact of a case, section by section, and return the validated case.

    ``defaults`` is the case being edited; ``None`` for a new case, whose questions have no answers yet."""
    data: Data = {"version": 1}
    data["client"] = ask_client(defaults, iv)
    data["lender"] = ask_lender(defaults, iv)
    if iv.yes_no("有委托诉讼代理人吗", _has(defaults, "agent")):
        data["agent"] = ask_agent(defaults, iv)
    if iv.yes_no("已经被起诉（收到起诉状副本）了吗", _has(defaults, "court")):
        data["court"] = ask_court(defaults, iv)
    data["loan"] = ask_loan(defaults, iv, data.get("court"))
    if iv.yes_no("填写原告的诉讼请求吗", _has(defaults, "claims")):
        data["claims"] = ask_claims(defaults, iv, data["loan"])
    if iv.yes_no("填写困难情况（用于困难情况说明）吗", _has(defaults, "hardship")):
        data["hardship"] = ask_hardship(defaults, iv)
    if iv.yes_no("提出分期还款和解方案吗", _has(defaults, "proposal")):
        data["proposal"] = ask_proposal(defaults, iv)
    if "court" in data and iv.yes_no("起草民事答辩状吗", _has(defaults, "answer")):
        data["answer"] = ask_answer(defaults, iv, "proposal" in data)
    data["signing"] = _signing(defaults, iv, data)
    return case_from_data(data, "draft init")


def _has(case: Case | None, section: str) -> bool | None:
    """Whether the edited case has ``section``; ``None`` (ask without a default) for a new case."""
    return None if case is None else getattr(case, section) is not None


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


def _signing(case: Case | None, iv: Interviewer, data: Data) -> Data:
    iv.heading("落款")
    signing = case.signing if case else None
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
        "date": iv.optional("落款日期", was(signing, "date"), signed_on, "起草当天"),
        "place": iv.optional("落款地点", was(signing, "place"), typed.parse_text),
    }
