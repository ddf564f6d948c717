"""Section checks: a requested document needs sections of the case file (case format, "Which sections each
document needs"). A missing section is an error for the document that needs it, not for the others.

The fields, and what each supplies, come from each document kind's ``needs`` (sections, and a few fields
inside them).
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.checks.base import Facts, Problem, check
from toolkit.documents import kinds, missing_fields


@check("SECTION-MISSING", "error", "缺少所起草文书需要的内容", "各文书所需的段落")
def missing_sections(facts: Facts) -> Iterator[Problem]:
    for name, kind in kinds().items():
        if name not in facts.documents:
            continue
        for field in missing_fields(facts.case, kind):
            yield Problem(
                f"起草{kind.title}需要 {field}：{kind.needs[field]}。请在案件文件中补上（可参照 samples/case.yaml）",
                field,
            )


CHECKS = (missing_sections,)
