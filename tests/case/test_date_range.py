"""Every date a case file holds is range-checked where it is written: no field of any section is a bare
``dt.date``, each is a ``Date`` (1990–2100) or the ``BirthDate`` (1900–2100) of toolkit.case.models. A new
date field typed ``dt.date`` would escape the check; this test names it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, get_args, get_origin

from pydantic import AfterValidator, BaseModel

from toolkit.case import models
from toolkit.case.models import Case


def _bare_dates(annotation: Any, metadata: list[Any]) -> bool:
    """Whether ``annotation`` holds a ``dt.date`` without a validator (pydantic keeps a field's own
    ``Annotated`` metadata apart, in ``metadata``)."""
    if annotation is dt.date:
        return not any(isinstance(item, AfterValidator) for item in metadata)
    if get_origin(annotation) is Annotated:
        inner, *extra = get_args(annotation)
        return _bare_dates(inner, extra)
    return any(_bare_dates(arg, []) for arg in get_args(annotation))


def _sections(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    seen.add(model)
    for field in model.model_fields.values():
        for found in _models_in(field.annotation):
            if found not in seen:
                _sections(found, seen)
    return seen


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]


def test_no_section_has_a_date_without_its_range() -> None:
    sections = _sections(Case, set())
    assert models.Loan in sections and models.Repayment in sections  # nested sections are reached
    bare = [
        f"{section.__name__}.{name}"
        for section in sections
        for name, field in section.model_fields.items()
        if _bare_dates(field.annotation, field.metadata)
    ]
    assert bare == []


def test_a_bare_date_is_found() -> None:
    class Probe(BaseModel):
        day: dt.date | None = None
        checked: models.Date | None = None
        days: list[dt.date] = []

    found = [name for name, field in Probe.model_fields.items() if _bare_dates(field.annotation, field.metadata)]
    assert found == ["day", "days"]
