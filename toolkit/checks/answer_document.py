"""Checks on the finished answer (law.md §9): they read the rendered text, so they guard a firm's own
template as much as the built-in one. An answer that admits more than the law supports, states a figure
above the claim, concedes an expired claim, cites the wrong cap rule, lists no evidence while evidence
exists, or admits in one place what it disputes in another is not written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal

from toolkit.case.lender_kinds import licensed
from toolkit.case.models import received_amount
from toolkit.checks.base import Problem, check
from toolkit.checks.document import CheckedDocument
from toolkit.documents.answer_forms import FormName, element_form, form_for
from toolkit.documents.answer_positions import decide
from toolkit.law.citations import citation_table
from toolkit.law.money import cents, yuan

_AMOUNT = re.compile(r"(?P<before>.{0,8}?)(?P<figure>\d{1,3}(?:,\d{3})*\.\d{2})元")
_ADMITS = re.compile(r"(?<!有)无异议|(?<![不未])认可")  # not the form's own "有无异议", not 不认可
_CONCEDES = re.compile(r"(?<!有)无异议|予以认可")
_DISPUTES = re.compile(r"有异议|不应支持|不予支持|驳回|调减|减少")
_OWED = re.compile(r"应认定|尚欠|应偿还|应当偿还")
_CHARGES = re.compile(r"利息|罚息|复利|违约金|费用")
_OFFERS = re.compile(r"分期偿还|组织调解|愿意.{0,6}还款")
_CAP_ARTICLES = ("第二十五条", "第二十六条", "第二十八条", "第二十九条", "第三十一条")


def _answer(checked: CheckedDocument) -> bool:
    return checked.document.kind == "answer" and checked.case.claims is not None


def _sentences(checked: CheckedDocument, *, fact_rows: bool = False) -> list[str]:
    """The document's sentences; the element form's 事实和理由 rows left out unless ``fact_rows`` (a fact the
    client confirms there is not an admission of a claim)."""
    case = checked.case
    form = form_for(case) if case.answer is not None and case.answer.style == "elements" else None
    return [sentence for sentence, in_facts in _marked(checked.document.paragraphs, form) if fact_rows or not in_facts]


@functools.lru_cache(maxsize=8)  # the checks of one document ask in turn: split once for all of them
def _marked(paragraphs: tuple[str, ...], form: FormName | None) -> tuple[tuple[str, bool], ...]:
    """Every sentence, with whether it sits in the element form's 事实和理由 rows; the labels of the form's
    rows and the 证据清单 heading are not sentences."""
    facts: set[str] = set()
    stops: set[str] = {"证据清单"}
    if form is not None:
        rows = element_form(form)
        facts = {row.label for row in rows.facts.rows}
        stops |= {row.label for row in rows.claims.rows}
    found: list[tuple[str, bool]] = []
    in_facts = False
    for paragraph in paragraphs:
        if paragraph in facts or paragraph in stops:
            in_facts = paragraph in facts
            continue
        found += ((sentence, in_facts) for sentence in _split(paragraph))
    return tuple(found)


@functools.lru_cache(maxsize=1024)
def _split(paragraph: str) -> tuple[str, ...]:
    """A paragraph's sentences (memoized: a template's fixed paragraphs repeat in every document of a batch)."""
    return tuple(sentence for sentence in re.split(r"[。；]", paragraph) if sentence)


@functools.lru_cache(maxsize=1024)
def _amounts(sentence: str) -> tuple[tuple[str, Decimal], ...]:
    return tuple((m["before"], Decimal(m["figure"].replace(",", ""))) for m in _AMOUNT.finditer(sentence))


@functools.lru_cache(maxsize=4096)
def _says(pattern: re.Pattern[str], sentence: str) -> bool:
    """Whether ``sentence`` holds what ``pattern`` looks for (memoized, as the sentences repeat)."""
    return pattern.search(sentence) is not None


def _admission(sentence: str) -> bool:
    return _says(_ADMITS, sentence) and not _says(_DISPUTES, sentence)


@check(
    "ANSWER-DOC-ADMISSION",
    "error",
    "答辩状认可的数额不超过依法可支持的数额",
    "answer.admitted",
    cites=("cpl_interpretation_92",),
)
def admission_above_law(checked: CheckedDocument) -> Iterator[Problem]:
    """§9.1: no 无异议/予以认可/认可 of an amount above the supportable figure of the item it names."""
    if not _answer(checked):
        return
    pos = decide(checked.case, checked.figures)
    principal = pos.item("principal")
    as_claimed = set(checked.case.answer.admit_as_claimed) if checked.case.answer else set()
    supportable = checked.figures.supportable_total
    for sentence in _sentences(checked):
        if not _admission(sentence):
            continue
        for _, amount in _amounts(sentence):
            if "本金" in sentence:
                ceiling = principal.claimed if "principal" in as_claimed else principal.limit
            elif _CHARGES.search(sentence):
                ceiling = None if as_claimed else pos.charges_limit
            else:
                ceiling = None if as_claimed else supportable
            if ceiling is not None and amount > cents(ceiling):
                yield Problem(
                    f"答辩状写道“{sentence}”：认可的{yuan(amount)}元超过依法可支持的{yuan(ceiling)}元（law.md §9.1）。"
                    "答辩状中的自认对方无需举证：请只以可支持的数额为限认可，或检查模板"
                )


@check(
    "ANSWER-DOC-ABOVE-CLAIM", "error", "答辩状不写出高于诉请的应认定数额", "claims", cites=("cpl_interpretation_92",)
)
def above_claim(checked: CheckedDocument) -> Iterator[Problem]:
    """§9.2: no principal or total printed as 应认定/尚欠/应偿还 above what the complaint claims for it."""
    figures = checked.figures
    if not _answer(checked) or figures.claimed_total is None:
        return
    for sentence in _sentences(checked, fact_rows=True):
        if not _says(_OWED, sentence):
            continue
        claimed = figures.claimed_principal if "本金" in sentence else figures.claimed_total
        for _, amount in _amounts(sentence):
            if claimed is not None and amount > cents(claimed):
                yield Problem(
                    f"答辩状写道“{sentence}”：{yuan(amount)}元高于原告的主张{yuan(claimed)}元（law.md §9.2）。"
                    "答辩状只请求对超过可支持数额的部分不予支持，不替原告认定更高的数额：请检查模板"
                )


@check(
    "ANSWER-DOC-LIMITATION",
    "error",
    "时效已届满的答辩状不认可、不承诺还款，其余理由备位提出",
    "court.filed_on",
    cites=("civil_code_192", "limitation_rules_19"),
)
def limitation_conceded(checked: CheckedDocument) -> Iterator[Problem]:
    """§9.3: no 无异议/予以认可 of a claim, the merits pleaded in the alternative, no offer to pay."""
    if not _answer(checked) or not checked.figures.limitation_expired:
        return
    conceded = [s for s in _sentences(checked) if _says(_CONCEDES, s)]
    if conceded:
        yield Problem(
            f"诉讼时效已届满，答辩状却写道“{conceded[0]}”（law.md §9.3）：时效届满后不得认可任何诉讼请求。请检查模板"
        )
    text = checked.document.text
    if "即使法院认为本案未超过诉讼时效" not in text:
        yield Problem(
            "诉讼时效已届满，答辩状的其他理由必须以“退一步讲，即使法院认为本案未超过诉讼时效，……”备位提出"
            "（law.md §9.3），模板中缺少这一备位表述：请恢复模板中的备位答辩段落"
        )
    offer = next((s for s in _sentences(checked, fact_rows=True) if _says(_OFFERS, s)), None)
    if offer:
        yield Problem(
            f"诉讼时效已届满，答辩状却写道“{offer}”：提出分期、调解或还款即同意履行，会丧失时效抗辩"
            "（诉讼时效规定 第十九条）。请检查模板"
        )


@check(
    "ANSWER-DOC-CAP-RULE",
    "error",
    "答辩状引用与出借人类型相符的利率规则",
    "lender.kind",
    cites=("private_lending_1_2", "financial_trial_opinions_2"),
)
def cap_rule(checked: CheckedDocument) -> Iterator[Problem]:
    """§9.4: the private-lending rules are cited as binding only for a private lender; a licensed lender's
    answer may only ask the court to apply them by analogy (参照)."""
    if not _answer(checked) or not licensed(checked.case.lender.kind):
        return
    title = citation_table().laws["private_lending_rules"]
    cited = re.compile(re.escape(title) + "(" + "|".join(_CAP_ARTICLES) + ")")
    for sentence in _sentences(checked, fact_rows=True):
        for match in cited.finditer(sentence) if title in sentence else ():
            if "参照" not in sentence[max(0, match.start() - 4) : match.start()]:
                yield Problem(
                    f"原告是持牌金融机构，答辩状却把{title}{match.group(1)}作为依据引用（law.md §9.4）：该规定不适用于"
                    "金融机构，利率上限依法发〔2017〕22号第二条；如请求参照适用，须写明“参照”。请检查模板"
                )
                return


@check("ANSWER-DOC-EVIDENCE", "error", "有还款或少付放款时证据清单不为空", "answer.evidence")
def evidence_listed(checked: CheckedDocument) -> Iterator[Problem]:
    """§9.8: the 证据清单 is never 无 while the case holds repayments or a disbursement shortfall."""
    loan = checked.case.loan
    if not _answer(checked) or not (loan.repayments or received_amount(loan) < loan.principal):
        return
    paragraphs = [p.strip() for p in checked.document.paragraphs if p.strip()]
    if "证据清单" not in paragraphs:
        return
    following = paragraphs[paragraphs.index("证据清单") + 1 :][:1]
    if not following or following[0] in ("无", "无。", "此致") or following[0].startswith("答辩人（签名）"):
        yield Problem(
            "证据清单为空，而案件中有还款记录或实际到账少于合同本金，这是答辩人最有力的证据（law.md §9.8）：请检查模板"
        )


@check("ANSWER-DOC-ONE-VOICE", "error", "同一数额不能一处认可、一处争议", "answer")
def one_voice(checked: CheckedDocument) -> Iterator[Problem]:
    """§9.12: a figure admitted in one place and disputed in another."""
    if not _answer(checked):
        return
    sentences = list(_sentences(checked))
    admitted = {amount: s for s in sentences if _admission(s) for _, amount in _amounts(s)}
    for sentence in sentences:
        if _admission(sentence) or not _says(_DISPUTES, sentence):
            continue
        found = _amounts(sentence)
        limits = {amount for before, amount in found if re.search(r"超过|最多可主张|为限", before)}
        for _, amount in found:
            if amount in admitted and amount not in limits:
                yield Problem(
                    f"答辩状一处写“{admitted[amount]}”，另一处写“{sentence}”：同一数额{yuan(amount)}元既认可又争议"
                    "（law.md §9.12）。请统一立场后重新生成"
                )
                return


@check("ANSWER-DOC-ROWS", "error", "要素式答辩状每一行都已填写", "document", cites=("elements_forms",))
def rows_filled(checked: CheckedDocument) -> Iterator[Problem]:
    """§8: every row of the element form is followed by its answer, not by the next row's label."""
    case = checked.case
    if checked.document.kind != "answer" or case.answer is None or case.answer.style != "elements":
        return
    form = element_form(form_for(case))
    headings = {form.claims.title, form.facts.title, "证据清单"}
    rows = set(form.labels()) - headings
    labels = rows | headings
    paragraphs = [text for p in checked.document.paragraphs if (text := p.strip())]
    for index, paragraph in enumerate(paragraphs):
        if paragraph in rows:
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
            if not following or following in labels:
                yield Problem(f"要素式答辩状的“{paragraph}”一行没有填写：请检查模板中该表格行的内容")


CHECKS = (admission_above_law, above_claim, limitation_conceded, cap_rule, evidence_listed, one_voice, rows_filled)
