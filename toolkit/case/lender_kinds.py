"""The lender kinds a case file may name: one row each of ``lender_kinds`` in ``caps.yaml`` (law.md §2, §9.4).

A row is everything the toolkit knows of a kind, so a new kind is one row and no code:

    microfinance:
      description: 小额贷款公司                 # what ``draft explain`` calls it
      name: 小额贷款公司                        # what the documents print (原告系小额贷款公司)
      choice: 小额贷款公司                      # the option ``draft init`` offers
      licensed: true                           # a financial institution: outside the private-lending rules
      basis: financial24                       # its cap (lpr4x or financial24)
      scope: private_lending_scope_reply       # the provision that puts it inside or outside those rules
      references: [private_lending_scope_reply, financial_trial_opinions_2]   # the cap's provisions
      show_lpr4x_too: true                     # optional: give the 4 × LPR figure as well

The model of the case file accepts exactly the kinds of the table (built-in data merged with
``DRAFT_LAW_DIR``); ``draft schema`` lists them. Whether the provisions exist is checked with the cap table
(toolkit.law.caps), where the citations are known.
"""

import functools
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, model_validator

from toolkit.case.datafiles import DataModel, Text, load_table

CapBasis = Literal["lpr4x", "financial24"]
References = Annotated[list[Text], Field(min_length=1)]
KindName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


class LenderKindRow(DataModel):
    description: Text
    name: Text
    choice: Text
    licensed: bool
    basis: CapBasis
    scope: Text | None = None  # a citation key; None: no provision in the data says it
    references: References
    show_lpr4x_too: bool = False

    @model_validator(mode="after")
    def _scope_of_licensed(self) -> "LenderKindRow":
        if self.licensed and self.scope is None:
            raise ValueError("licensed: true 的出借人类型须写 scope：排除民间借贷规定的条文（citations.yaml 中的键）")
        return self


class LenderKindTable(DataModel):
    """Only the ``lender_kinds`` rows of ``caps.yaml``; the rest of the file is the cap table's."""

    model_config = ConfigDict(extra="ignore", frozen=True, str_strip_whitespace=True)

    lender_kinds: Annotated[dict[KindName, LenderKindRow], Field(min_length=1)]


@functools.cache
def lender_kinds() -> dict[str, LenderKindRow]:
    """Every lender kind by its code, in the table's order (read once per process)."""
    return dict(load_table("caps.yaml", LenderKindTable).lender_kinds)


def lender_kind(code: str) -> LenderKindRow:
    """The row of a kind the case model has accepted."""
    return lender_kinds()[code]


def licensed(code: str) -> bool:
    """A financial institution (law.md §9.4): the private-lending rules are not cited as binding on it."""
    return lender_kind(code).licensed


def known_lender_kind(code: str) -> str:
    """The case model's validator: ``code`` is a kind of the table, or the message lists the kinds there are."""
    if code not in lender_kinds():
        raise ValueError(f"取值不在可选范围内：可选 {'、'.join(lender_kinds())}")
    return code


def kind_schema(schema: dict[str, Any]) -> None:
    """The JSON schema of ``lender.kind``: the kinds of the table, each with its Chinese name."""
    schema["enum"] = list(lender_kinds())
    listed = " | ".join(f"{code} {row.choice}" for code, row in lender_kinds().items())
    schema["description"] = f"出借人类型：{listed}"
