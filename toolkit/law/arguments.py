"""Which provisions each argument rests on, from ``data/arguments.yaml``: chosen in one place.

The answer's reasoning, the checks that warn of the same point and ``draft explain`` cite an argument by
its name (``assignment_notice``), never the provisions themselves, so changing the provision of an argument
is one edit of the data and every document, finding and explanation follows. Each provision is a key of
``citations.yaml``; an unknown key or argument is an error, never an empty citation.
"""

import functools
from typing import Annotated

from pydantic import Field, model_validator

from toolkit.case.datafiles import DataModel, IsoDate, Text, load_table
from toolkit.errors import LegalDataError
from toolkit.law.citations import cite_all, unknown_keys


class Argument(DataModel):
    title: Text  # what the argument says, in Chinese
    provisions: Annotated[list[Text], Field(min_length=1)]  # keys of citations.yaml


class ArgumentTable(DataModel):
    description: Text
    last_reviewed: IsoDate
    note: Text | None = None
    arguments: dict[str, Argument]

    @model_validator(mode="after")
    def _provisions_exist(self) -> "ArgumentTable":
        if problem := unknown_keys(key for argument in self.arguments.values() for key in argument.provisions):
            raise ValueError(f"provisions 中{problem}")
        return self


@functools.cache
def argument_table() -> ArgumentTable:
    """The arguments, loaded once per process (built-in data merged with ``DRAFT_LAW_DIR``)."""
    return load_table("arguments.yaml", ArgumentTable)


def provisions(*names: str) -> tuple[str, ...]:
    """The citation keys of the arguments ``names``, in order, each once."""
    table = argument_table().arguments
    keys: list[str] = []
    for name in names:
        if name not in table:
            raise LegalDataError(f"答辩理由 {name} 不在 arguments.yaml 中", "请检查理由的名称，或在该文件中补上")
        keys += [key for key in table[name].provisions if key not in keys]
    return tuple(keys)


def cite_argument(*names: str) -> str:
    """The provisions of the arguments ``names`` as printed, articles of one instrument sharing its title."""
    return cite_all(provisions(*names))
