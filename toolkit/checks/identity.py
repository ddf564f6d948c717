"""Identity checks: the ID number (GB 11643), the credit code (GB 32100), the case number and the court
name, each printed at the head of a document where a typo is costly. No message echoes an ID number."""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.case.identity import case_number_ok, credit_code_problems, id_number_problems
from toolkit.checks.base import Facts, Problem, check
from toolkit.privacy import mask_id


@check("ID-CHECKSUM", "error", "身份证号码校验（校验码、出生日期、性别）", "client.id_number", cites=("gb_11643",))
def id_number(facts: Facts) -> Iterator[Problem]:
    """The check digit, and the birth date and gender digit against ``client`` (law.md §7)."""
    client = facts.case.client
    for problem in id_number_problems(client.id_number, client.birth_date, client.gender):
        yield Problem(f"身份证号码 {mask_id(client.id_number)}：{problem}")


@check("CREDIT-CHECKSUM", "error", "统一社会信用代码校验", "lender.credit_code", cites=("gb_32100",))
def credit_code(facts: Facts) -> Iterator[Problem]:
    """The lender's credit code, when given, must pass its check character (GB 32100)."""
    code = facts.case.lender.credit_code
    if code is None:
        return
    for problem in credit_code_problems(code):
        yield Problem(problem)


@check("CASE-NUMBER", "warning", "案号格式", "court.case_number", cites=("case_number_rules",))
def case_number(facts: Facts) -> Iterator[Problem]:
    """（年份）+ 法院代字 + 类型代字 + 编号 + 号, e.g. （2026）京0491民初31875号."""
    court = facts.case.court
    if court is None or court.case_number is None or case_number_ok(court.case_number):
        return
    yield Problem(
        f"案号“{court.case_number}”不符合“（年份）法院代字 类型代字 编号 号”的格式，"
        "如 （2026）京0491民初31875号：请对照传票或起诉状副本上的案号逐字核对"
    )


@check("COURT-NAME", "error", "法院名称应以“法院”结尾", "court.name")
def court_name(facts: Facts) -> Iterator[Problem]:
    """The court's full name is printed after 此致 and in the heading; it ends with 法院 (case format)."""
    court = facts.case.court
    if court is not None and not court.name.endswith("法院"):
        yield Problem(f"法院名称“{court.name}”不是全称（应以“法院”结尾，如 北京互联网法院）：请照传票写全称")


CHECKS = (id_number, credit_code, case_number, court_name)
