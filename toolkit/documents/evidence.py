"""证据目录: the list of the client's evidence, filed with the answer (law.md §9.8).

The rows are the answer's 证据清单, item for item: ``answer.evidence`` when it lists anything (strings,
or ``{name, source, purpose, pages}``), else the default of §9.8 — the contract (the agreed rate and
term), the disbursement record when less was received than written, and the repayment records. The
证明目的 column says what each item shows for the client and admits nothing beyond it (law.md §9: a
repayment record shows what was paid, never what was borrowed or is owed). What the case does not say
(a source, the pages) is left blank for the lawyer to fill in, never guessed (§9.6); so is the client's
role: 被告 once the suit is filed, nothing before (a court alone may be 诉前调解).
"""

from __future__ import annotations

from typing import Any

from toolkit.case.models import Case, EvidenceItem
from toolkit.documents.answer_evidence import default_evidence
from toolkit.documents.base import SIGNING_DATE, DocumentKind, Part
from toolkit.documents.context import base_context
from toolkit.documents.wording import suit_pending
from toolkit.law.figures import Figures

TITLE = "证据目录"
COLUMNS = ("序号", "证据名称", "证据来源", "证明目的", "页码")


def _template(case: Case) -> str:
    return "evidence"


def entries(case: Case) -> list[dict[str, Any]]:
    """The table's rows: 序号, 证据名称, 证据来源, 证明目的, 页码 ("" where the case says nothing)."""
    given = case.answer.evidence if case.answer else None
    listed = list(given) if given else default_evidence(case)
    rows = []
    for n, item in enumerate(listed, start=1):
        entry = EvidenceItem(name=item) if isinstance(item, str) else item
        rows.append(
            {"n": n, "name": entry.name, "source": entry.source or "", "purpose": entry.purpose or "",
             "pages": entry.pages or ""}
        )  # fmt: skip
    return rows


def context(case: Case, figures: Figures) -> dict[str, Any]:
    result = base_context(case, figures)
    result["doc"] = {"title": TITLE, "role": "被告" if suit_pending(case) else "", "entries": entries(case)}
    return result


def parts(case: Case, figures: Figures) -> list[Part]:
    found = [Part.text("标题", TITLE), Part.text("案号"), Part.text("提交人", "提交人：")]
    found += [Part.text(f"表头{column}", column) for column in COLUMNS]
    found += [Part.text(f"证据{row['n']}", row["name"]) for row in entries(case)]
    return [*found, Part.text("提交人签名", "提交人（签名）"), SIGNING_DATE]


KIND = DocumentKind(
    name="evidence",
    title=TITLE,
    requested_by="answer",
    needs={"court": "法院与诉讼信息（法院名称、案号）"},
    template=_template,
    parts=parts,
    context=context,
    order=15,
)
