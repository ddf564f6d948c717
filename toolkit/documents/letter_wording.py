"""What the hardship statement and the settlement proposal say so that neither can be used against the client.

Both letters acknowledge the debt (law.md §5), so each carries the reservation of law.md §9.11: it is a
compromise made to settle, not an admission of any amount. In a pending suit it cites 民诉法解释 第一百零七条
(concessions made in the suit to reach a settlement may not be used against the party later); before suit
that provision does not apply directly, so the letter says 参照 and a finding tells the lawyer that the
protection is uncertain. The proposal's costs paragraph (§9.9), the lender's obligations on acceptance and
its signature block (§8, §9.11) are worded here too, once, and what both letters say of the contract and
the cap: whom the client signed with (an assigned debt's original lender, §9.14), and the cap as the law
sets it for the lender's kind or as the lawyer asks it by analogy (§9.4).
"""

from __future__ import annotations

from toolkit.case.lender_kinds import licensed
from toolkit.case.models import Case
from toolkit.documents.answer_positions import decide
from toolkit.documents.wording import cap_scope, cap_text, lender_is_person, suit_pending
from toolkit.law.arguments import cite_argument
from toolkit.law.citations import cite_all
from toolkit.law.figures import Figures

# The sentence law.md §9.11 requires, with the letter's own noun in front (本方案, 本说明).
RESERVATION = "系为协商和解而作出的妥协，不构成对债务数额的自认"
ACCEPTED_ON = "同意日期：　　　　年　　月　　日"


def reservation(case: Case, *, speaker: str, document: str) -> str:
    """The reservation paragraph: 本方案系为协商和解而作出的妥协，不构成对债务数额的自认。依照/参照 …第一百零七条 …"""
    article = cite_argument("no_admission")
    if suit_pending(case):
        protection = (
            f"依照{article}，{speaker}为达成调解协议或者和解协议作出妥协而认可的事实，"
            f"不得在后续的诉讼中作为对{speaker}不利的根据"
        )
    else:
        protection = (
            f"参照{article}的规定，{speaker}为达成和解作出妥协而认可的事实，不得在此后的诉讼中作为对{speaker}不利的根据"
        )
    return (
        f"{document}{RESERVATION}。{protection}。未能达成和解的，{document}对{speaker}不产生约束力，"
        f"{speaker}保留提出全部抗辩的权利。"
    )


def contract_party(case: Case, lender: str) -> str:
    """Whom the client signed the contract with: the original lender of an assigned debt, whose assignment the
    answer puts to proof (law.md §9.14), never the assignee; otherwise ``lender`` as the letter names it."""
    return case.lender.original_name or lender


def cap_basis(case: Case, figures: Figures) -> tuple[str, str]:
    """(the sentence that states the cap, the name of what the figures are computed under). The lender's own
    cap is stated 依据 its provisions; a cap the lawyer asks by analogy (law.md §9.4: 4 × LPR for a licensed
    lender, 24 % for a private one) 参照 them, and for a licensed lender the 24 % cap of 法发〔2017〕22号 第二条
    follows as the limit in any event."""
    rule = decide(case, figures).rule
    caps = f"{cap_scope(figures)}合计以{cap_text(figures.caps)}"
    if rule == "licensed_lpr4x":
        rule_24 = f"依据{cite_argument('financial_cap')}，利息、复利、罚息、违约金和其他费用总计以年利率24%为上限"
        always = f"无论是否参照，{rule_24}"
        return f"参照{figures.cap_citation()}，{caps}为限；{always}。", "参照的上限"
    if rule == "private_financial24":
        return f"参照{figures.cap_citation()}，{caps}为限。", "参照的上限"
    return f"依据{figures.cap_citation()}，{caps}为上限。", "法定上限"


def lender_signature(case: Case) -> list[str]:
    """The lender's block under the proposal: a person signs; an entity seals, with its credit code when
    known and a line for its 法定代表人 or 授权代表 (law.md §9.11). Either dates its acceptance: the down
    payment falls due within 7 days of it (law.md §6)."""
    if lender_is_person(case):
        return ["被申请人（签名）：", ACCEPTED_ON]
    lines = ["被申请人（盖章）："]
    if case.lender.credit_code:
        lines.append(f"统一社会信用代码：{case.lender.credit_code}")
    return [*lines, "法定代表人或授权代表（签名）：", ACCEPTED_ON]


def costs_paragraph(case: Case) -> str | None:
    """In a pending suit, who bears the 受理费 when it ends by withdrawal or by a 调解书 (law.md §9.9;
    诉讼费用交纳办法 第十五条、第三十一条、第三十四条). The halving of 第十五条 is stated only under 普通程序: a
    简易程序 case is already halved (第十六条), and whether it is halved again is unverified (law.md: verify),
    so the letter does not promise it."""
    proposal = case.proposal
    if proposal is None or not suit_pending(case):
        return None
    proposed = "，申请人提议由被申请人负担" if "litigation_costs" in proposal.waive else ""
    if case.court is not None and case.court.procedure == "普通程序":
        keys = ["litigation_fees_15", "litigation_fees_31", "litigation_fees_34"]
        halved = "被申请人撤诉或者以调解方式结案的，案件受理费减半交纳；"
    else:
        keys, halved = ["litigation_fees_31", "litigation_fees_34"], ""
    return (
        f"依照{cite_all(keys)}，{halved}被申请人撤诉的，案件受理费由被申请人负担；"
        f"以调解方式结案的，诉讼费用由双方协商负担{proposed}。"
    )


def lender_obligations(case: Case) -> str:
    """What the lender undertakes once it accepts in writing (law.md §8), as one paragraph."""
    items = []
    if suit_pending(case) and case.court is not None:
        items.append(f"向{case.court.name}申请撤回对申请人的起诉，或者同意由人民法院依照本方案制作调解书")
    items += ["停止对申请人的催收", "已对申请人的财产申请保全的，向人民法院申请解除保全"]
    if licensed(case.lender.kind):
        items.append("向征信机构报送本笔借款已按本方案结清")
    numbered = "；".join(f"（{_ORDINALS[i]}）{item}" for i, item in enumerate(items))
    return f"本方案自被申请人书面同意之日起生效。被申请人书面同意本方案后：{numbered}。"


_ORDINALS = "一二三四五六七八九"
