"""The answer's arguments in words, shared by both styles so they say the same thing (law.md §9.12).

Each function words one position of :mod:`toolkit.documents.answer_positions`. Nothing here decides a
position; and nothing asserts a fact the lawyer cannot know (§9.6): where the client's case rests on the
other side's lack of proof, the sentence says so.
"""

from __future__ import annotations

from decimal import Decimal

from toolkit.case.labels import CLAIM_ITEMS
from toolkit.case.lender_kinds import lender_kind, licensed
from toolkit.case.models import Case, received_amount
from toolkit.documents.answer_positions import Positions
from toolkit.documents.wording import cap_text
from toolkit.law.arguments import cite_argument
from toolkit.law.citations import cite
from toolkit.law.figures import Figures, Ledger
from toolkit.law.money import cn_date, money, rate_percent, yuan

ALTERNATIVE = "退一步讲，即使法院认为本案未超过诉讼时效，"
ON_LIMITATION = "有异议：已过诉讼时效。"
NOT_DUE = "原告起诉时借款尚未到期，原告不能证明借款已依约提前到期并已通知答辩人的，"


def sued_on(case: Case) -> str:
    """The day the suit interrupted limitation, in words (起诉日 when known, else 立案日, 诉讼时效规定 第十条)."""
    court = case.court
    if court is not None and court.submitted_on is not None:
        return f"{cn_date(court.submitted_on)}提交起诉状"
    return f"{cn_date(court.filed_on)}起诉（立案）" if court and court.filed_on else "起诉"


def limitation(case: Case, figures: Figures) -> list[str]:
    """The limitation defence (民法典 第一百八十八条、第一百九十二条; 诉讼时效规定 第三条), §9.3."""
    period = ["limitation_period"] + (["limitation_period_installments"] if case.loan.repayment != "bullet" else [])
    start = "最后一期还款日" if case.loan.repayment != "bullet" else "最后还款日"
    return [
        f"本案借款的{start}为{cn_date(figures.final_due_date)}。依据{cite_argument(*period)}，诉讼时效期间为三年，"
        f"自{cn_date(figures.limitation_start)}起计算（{_start_reason(figures, start)}），"
        f"至{cn_date(figures.limitation_expires)}届满。原告于{sued_on(case)}，已超过诉讼时效期间。",
        f"依据{cite_argument('limitation_defence')}，诉讼时效期间届满的，义务人可以提出不履行义务的抗辩。答辩人依据"
        f"{cite_argument('limitation_first_instance')}在一审中明确提出诉讼时效抗辩，请求驳回原告的全部诉讼请求。",
        *_events_against(figures),
    ]


def _start_reason(figures: Figures, start: str) -> str:
    """Why the period runs from ``limitation_start``: the due date, or the last event that restarted it while
    it was running (民法典 第一百九十五条; an event after expiry revives nothing, law.md §5)."""
    restarts = [e for e in figures.limitation_events if e.effect == "restart"]
    if not restarts or restarts[-1].date != figures.limitation_start:
        return start
    last = restarts[-1]
    what = {"repayment": "还款", "demand": "催收", "acknowledgment": "承认债务"}[last.kind]
    return f"诉讼时效期间内最后一次中断事由即{cn_date(last.date)}的{what}之日，重新计算"


def _events_against(figures: Figures) -> list[str]:
    """What the limitation events of the lender's case do not do (law.md §5): a demand the client disputes
    must be proved to have reached the client; a demand after expiry interrupts nothing; a payment after
    expiry waives at most what was paid (诉讼时效规定 第十九条: a contested point the lawyer weighs)."""
    lines = []
    for event in figures.limitation_events:
        note = f"（{event.note}）" if event.note else ""
        if event.effect == "disputed":
            lines.append(
                f"原告所称{cn_date(event.date)}的催收{note}，答辩人否认收到。依据{cite_argument('demand_must_arrive')}，"
                "催收的意思表示到达或者应当到达义务人时诉讼时效才中断，原告应当举证证明该催收已经到达答辩人；"
                "不能证明的，该催收不产生中断诉讼时效的效力。"
            )
        elif event.effect == "after_expiry" and event.kind == "demand":
            lines.append(
                f"原告所称{cn_date(event.date)}的催收{note}发生在诉讼时效期间届满之后。依据{cite_argument('interruption_restarts')}，"
                "中断的是正在进行的诉讼时效，已经届满的诉讼时效不因此重新计算。"
            )
    late = [e for e in figures.limitation_events if e.effect == "after_expiry" and e.kind == "repayment"]
    if not late:
        return lines
    paid = sum((e.amount or Decimal(0) for e in late), Decimal(0))
    days = "、".join(cn_date(e.date) for e in late)
    lines.append(
        f"答辩人于{days}还款合计{yuan(paid)}元，发生在诉讼时效期间届满之后，不能使已经届满的诉讼时效重新计算。"
        f"即使该还款被认定为自愿履行，其效力也至多及于已经支付的{yuan(paid)}元，原告的其余诉讼请求仍已超过诉讼时效。"
    )
    return lines


def overpaid(case: Case, figures: Figures, pos: Positions) -> list[str]:
    """Everything the law supports has been paid (§9.10)."""
    paid = sum((r.amount for r in case.loan.repayments), Decimal(0))
    as_of = figures.ledger.as_of if figures.ledger else None
    day = f"截至{cn_date(as_of)}，" if as_of else ""
    return [
        f"答辩人已还款{len(case.loan.repayments)}次，合计{money(paid)}。依据{cite_argument('repayment_order')}，还款先冲抵"
        f"利息费用，再冲抵本金；按法定利率上限计算并冲抵后，{day}答辩人已清偿依法可支持的全部本金和利息费用，"
        f"并多付{money(pos.overpaid)}。原告的全部诉讼请求均不应支持。",
        f"对多付的{yuan(pos.overpaid)}元，答辩人保留另行主张返还的权利。",
    ]


def standing(pos: Positions) -> list[str]:
    """The plaintiff claims an assigned debt: proof of the assignment and of notice (§9.14)."""
    return [
        f"借款合同的出借人为{pos.assigned_from}，原告主张已受让该债权。原告应当举证证明债权转让的事实，"
        f"并证明已将债权转让通知答辩人。依据{cite_argument('assignment_notice')}，债权人转让债权，未通知债务人的，"
        "该转让对债务人不发生效力。原告不能证明的，无权向答辩人主张本案债权。"
    ]


def deducted(case: Case, pos: Positions) -> list[str]:
    """砍头息: the base of the computation is what was received (§3; licensed lenders: 民法典 only, §9.4)."""
    loan = case.loan
    text = (
        f"借款合同载明本金{yuan(loan.principal)}元，答辩人实际收到{yuan(received_amount(loan))}元，"
        f"差额{money(pos.deducted)}系预先扣除的款项。依据{cite_argument('deducted_interest')}，借款的利息不得预先在本金中扣除；"
        "利息预先在本金中扣除的，应当按照实际借款数额返还借款并计算利息。"
    )
    if not licensed(case.lender.kind):
        private = cite_argument("deducted_interest_private")
        text += f"{private}亦规定，预先在本金中扣除利息的，应当将实际出借的金额认定为本金。"
    return [text + f"故计息本金应以实际出借的{yuan(received_amount(loan))}元为基数。"]


def principal(pos: Positions, figures: Figures) -> list[str]:
    """What the answer says of the principal claimed (§9.1, §9.2, §9.5)."""
    item = pos.item("principal")
    claimed, limit = yuan(item.claimed), item.limit
    if item.stance == "not_claimed":
        return []
    if item.stance == "admitted" and "acceleration" in item.grounds:
        # the admission must not concede that the loan fell due early (§9.7): it is made in the alternative
        upto = yuan(limit if limit is not None else item.claimed)
        alternative = f"即使原告证明借款已提前到期，答辩人认可的本金亦以{upto}元为限"
        lines = [f"原告主张本金{claimed}元。{NOT_DUE}对尚未到期的本金不应支持。{alternative}。"]
        if limit is not None and limit < item.claimed:
            lines.append(f"按法定利率上限冲抵还款后，原告依法最多可主张本金{upto}元，超过{upto}元的部分不应支持。")
        return lines
    if item.stance == "admitted_as_claimed" or (item.stance == "admitted" and limit == item.claimed):
        return [f"答辩人对原告主张的本金{claimed}元无异议。"]
    if item.stance == "admitted" and limit is not None:
        most = (
            f"原告主张本金{claimed}元，按法定利率上限冲抵还款后，原告依法最多可主张本金{yuan(limit)}元，"
            f"超过{yuan(limit)}元的部分不应支持。"
        )
        return [f"答辩人认可的本金以{yuan(limit)}元为限。", most]
    if item.stance == "open" or (item.stance == "admitted" and limit is None):  # no ledger: nothing to admit to
        return [f"原告主张本金{claimed}元，请法院依法审查。"]
    if limit is None or limit >= item.claimed:
        if "acceleration" in item.grounds:
            return [f"原告主张本金{claimed}元。{NOT_DUE}对尚未到期的本金不应支持。"]
        if set(item.grounds) <= {"limitation", "overpaid"}:
            return []  # the defence that disposes of every claim is argued on its own
        return [f"原告主张本金{claimed}元，答辩人有异议。"]
    why = []
    if "shortfall" in item.grounds:
        why.append(f"计息本金应以实际出借的{yuan(figures.principal_recognized)}元为基数")
    if "repayments" in item.grounds:
        why.append(f"答辩人的还款依法先冲抵利息费用、再冲抵本金后，原告依法最多可主张本金{yuan(limit)}元")
    reason = f"{'；'.join(why)}，" if why else ""
    return [f"原告主张本金{claimed}元。{reason}原告主张的本金超过{yuan(limit)}元的部分不应支持。"]


def cap_rule(case: Case, figures: Figures, pos: Positions) -> list[str]:
    """The cap of the lender's kind, and the request to apply it, in the words of its provision (§9.4)."""
    if pos.rule in ("licensed", "licensed_lpr4x"):
        # an assigned debt keeps the rules of the lender that lent (§9.14): that lender is named, not the plaintiff
        lender = f"原债权人{case.lender.original_name}" if case.lender.original_name else "原告"
        lines = [
            f"{lender}系{lender_kind(case.lender.kind).name}，依据{cite(scope_key(case))}，属于经金融监管部门批准设立的"
            "金融机构，其发放贷款引发的纠纷不适用民间借贷的利率规定。"
        ]
        request = (
            f"依据{cite_argument('financial_cap')}，借款人请求对总计超过年利率24%的部分予以调减的，应予支持。"
            "答辩人请求对原告主张的利息、复利、罚息、违约金和其他费用总计超过年利率24%的部分予以调减。"
        )
        if pos.rule == "licensed_lpr4x":
            lines.append(
                f"答辩人请求参照{cite_argument('private_cap_by_analogy')}确定利率上限，即{_lpr4x_cap(figures)}；"
                "下文按此上限计算。无论是否参照，" + request
            )
        else:
            lines.append(request)
        return lines
    if pos.rule == "private_financial24":
        return [
            f"答辩人请求参照{cite_argument('financial_cap')}，对利息、逾期利息、违约金和其他费用总计超过"
            "年利率24%的部分予以调减。"
        ]
    lines = [
        f"依据{cite_argument('private_cap')}，出借人主张的利息、逾期利息、违约金和其他费用总计不得超过{_lpr4x_cap(figures)}，"
        "超过部分不应支持。"
    ]
    if figures.transition_rule:
        lines.append(
            f"本案借款合同成立于2020年8月20日之前。依据{cite_argument('transition')}，自合同成立至2020年8月19日"
            "的利息以年利率24%为上限计算；自2020年8月20日起的利息，按起诉时一年期贷款市场报价利率的四倍计算。"
        )
    return lines


def scope_key(case: Case) -> str:
    """The provision that puts a licensed lender outside the private-lending rules (law.md §2): its row's
    ``scope`` in caps.yaml, which a licensed kind must have."""
    scope = lender_kind(case.lender.kind).scope
    assert scope is not None, "a licensed kind names its scope (toolkit.case.lender_kinds)"
    return scope


def _lpr4x_cap(figures: Figures) -> str:
    when = "起诉时" if figures.transition_rule else "合同成立时"
    lpr = figures.caps[-1].lpr if figures.caps else None
    lpr_text = f"（{rate_percent(lpr)}）" if lpr is not None else ""
    return f"{when}一年期贷款市场报价利率{lpr_text}的四倍，即{cap_text(figures.caps) or '该上限'}"


def charges(pos: Positions, figures: Figures, *, table: bool = True) -> list[str]:
    """The charges against the capped ledger, taken together (法发〔2017〕22号 第二条; 民间借贷规定 第二十九条)."""
    named = [
        key
        for key in ("interest", "penalty", "compound_interest", "liquidated_damages", "fees")
        if pos.item(key).claimed > 0
    ]
    if not named:
        return []
    listed = "、".join(f"{CLAIM_ITEMS[key]}{yuan(pos.item(key).claimed)}元" for key in named)
    total = sum((pos.item(key).claimed for key in named), Decimal(0))
    admitted = [key for key in named if pos.item(key).admitted]
    lines: list[str] = []
    if admitted:
        sum_admitted = sum((pos.item(key).claimed for key in admitted), Decimal(0))
        as_claimed = all(pos.item(key).stance == "admitted_as_claimed" for key in admitted)
        names = "、".join(CLAIM_ITEMS[key] for key in admitted)
        if as_claimed or pos.charges_limit is None or sum_admitted <= pos.charges_limit:
            amounts = "、".join(f"{CLAIM_ITEMS[k]}{yuan(pos.item(k).claimed)}元" for k in admitted)
            lines.append(f"答辩人对原告主张的{amounts}无异议。")
        else:
            lines.append(f"答辩人认可的{names}以依法最多可主张的利息及费用合计{yuan(pos.charges_limit)}元为限。")
    if pos.charges_excess and pos.charges_limit is not None and figures.ledger is not None:
        # the narrative has argued the analogy above; an element form's claim rows come before its rate row
        referred = "上述参照的上限" if table else "参照一年期贷款市场报价利率四倍确定的上限"
        cap = referred if pos.rule == "licensed_lpr4x" else "法定利率上限"
        see = _see_table(figures.ledger) if table else ""
        lines.append(
            f"原告主张{listed}，合计{yuan(total)}元。按{cap}计至{cn_date(figures.ledger.as_of)}，原告依法最多可主张"
            f"利息及费用{money(pos.charges_limit)}，超过{yuan(pos.charges_limit)}元的部分不应支持{see}。"
        )
    elif any(pos.item(key).contested and "acceleration" not in pos.item(key).grounds for key in named):
        # Under the cap the figure would only tell the court the lender could have asked for more: left out.
        lines.append(f"原告主张{listed}，合计{yuan(total)}元，超出法定利率上限的部分不应支持。")
    if any("acceleration" in pos.item(key).grounds for key in named):
        lines.append(f"{NOT_DUE}对尚未到期部分的利息、罚息不应支持。")
    elif not admitted and any(pos.item(key).stance == "open" for key in named):
        lines.append(f"原告主张{listed}，请法院依法审查，超出法定利率上限的部分不应支持。")
    return lines


def _see_table(ledger: Ledger) -> str:
    """Where the figure comes from: the 利息计算表, and, when repayments paid some of it, how its total becomes
    the figure (the table's 合计 less what the 还款冲抵表 applied to the charges), so that it adds up as printed."""
    if ledger.paid_to_charges <= 0:
        return "（计算见利息计算表）"
    return (
        f"（利息计算表合计{yuan(ledger.accrued)}元，扣除还款冲抵的{yuan(ledger.paid_to_charges)}元后为"
        f"{yuan(ledger.charges_outstanding)}元）"
    )


def damages(pos: Positions) -> list[str]:
    """Liquidated damages: a request to reduce them (民法典 第五百八十五条第二款), §9.5."""
    item = pos.item("liquidated_damages")
    if not item.contested:
        return []
    return [
        f"原告主张违约金{yuan(item.claimed)}元。依据{cite_argument('damages_reduce')}，约定的违约金过分高于造成的损失的，"
        f"人民法院可以根据当事人的请求予以适当减少；依据{cite_argument('damages_excessive')}，"
        "约定的违约金超过造成损失的百分之三十的，一般可以认定为过分高于造成的损失。答辩人请求对违约金予以适当减少，"
        "且违约金应与利息一并计入法定利率上限。"
    ]


def fees(pos: Positions) -> list[str]:
    """Fees: disguised interest for a licensed lender (九民纪要 第51条); always inside the cap (§9.5, §9.6)."""
    item = pos.item("fees")
    if not item.contested:
        return []
    text = (
        f"原告主张服务费等其他费用{money(item.claimed)}。原告未举证证明该费用对应实际提供的服务，"
        "该费用应视为以服务费名义变相收取的利息，与利息、罚息一并计入法定利率上限。"
    )
    if "fees" in item.grounds:
        text += (
            f"依据{cite_argument('disguised_fees')}，金融机构以收取服务费、咨询费、顾问费、管理费等为名变相收取"
            "利息的，人民法院可以根据提供服务的实际情况确定借款人应否支付或者酌减相关费用。"
        )
    return [text]


def enforcement(pos: Positions) -> list[str]:
    """Enforcement costs: the plaintiff's burden of proof (民诉法解释 第九十条); else inside the cap (§9.5)."""
    item = pos.item("enforcement_costs")
    if not item.contested:
        if item.admitted:
            return [f"答辩人对原告主张的实现债权的费用{yuan(item.claimed)}元无异议。"]
        return []
    return [
        f"原告主张实现债权的费用{money(item.claimed)}。依据{cite_argument('enforcement_costs_proof')}，原告应当举证证明双方"
        "对该费用有约定、该费用已实际支付且数额合理；不能证明的，该项请求应予驳回。即使原告能够证明，该费用也应作为"
        "“其他费用”与利息、罚息一并计入法定利率上限。"
    ]


def acceleration(case: Case, figures: Figures, pos: Positions) -> list[str]:
    """Sued before the final due date (§9.7)."""
    if pos.acceleration == "none":
        return []
    due = cn_date(figures.final_due_date)
    if pos.acceleration == "admitted":
        return [f"借款的最后还款日为{due}。答辩人对借款提前到期无异议。"]
    return [
        f"借款的最后还款日为{due}，原告起诉时借款期限尚未届满，原告主张的款项包括尚未到期的部分。原告应当举证证明"
        "借款合同约定了提前到期（加速到期）的条件且该条件已经成就，并证明已将宣布提前到期的通知送达答辩人；"
        "不能证明的，对尚未到期部分的请求不应支持。"
    ]


def costs(pos: Positions) -> list[str]:
    """Who bears the litigation costs (诉讼费用交纳办法 第二十九条; 保全申请费: 第六条、第十条), §9.9."""
    basis = cite_argument("litigation_costs")
    if pos.costs == "plaintiff":
        return [
            f"依据{basis}，诉讼费用由败诉方负担。原告的诉讼请求依法不应支持，本案诉讼费用（含保全申请费）应由原告负担。"
        ]
    if pos.costs == "proportion":
        return [
            f"依据{basis}，诉讼费用由败诉方负担，部分胜诉、部分败诉的，按具体情况分担。原告主张超出依法可支持数额的部分"
            "所对应的诉讼费用（含保全申请费），应由原告负担，不应由答辩人全部负担。"
        ]
    if pos.costs == "admitted":
        return ["答辩人对原告请求由答辩人负担诉讼费用无异议。"]
    return []


def costs_request(pos: Positions) -> str | None:
    if pos.costs == "plaintiff":
        return "请求判令本案诉讼费用（含保全申请费）由原告负担。"
    if pos.costs == "proportion":
        return (
            "请求依法按比例确定诉讼费用的负担，"
            "原告主张超出依法可支持数额部分所对应的诉讼费用（含保全申请费）由原告负担。"
        )
    return None
