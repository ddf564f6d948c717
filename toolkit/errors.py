"""The toolkit's exceptions.

Domain code raises a subclass of :class:`DraftError`; only the CLI turns it into text and an exit code.
Every message is written for the lawyer who will read it: what is wrong, where, and what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class DraftError(Exception):
    """Root of every error the toolkit reports to its user."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  → {self.hint}" if self.hint else self.message


class UsageError(DraftError):
    """The command line asked for something impossible (exit code 2)."""

    exit_code = 2


class CaseFileError(DraftError):
    """A case file cannot be read or does not follow the case format."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__("\n".join(problems))


class TemplateError(DraftError):
    """A template cannot be used: broken, hostile, or asking for what the context does not hold."""


class RenderedXmlError(TemplateError):
    """A template rendered into XML that Word cannot open (a tag split across a hyperlink or a field)."""


class RenderLimitError(TemplateError):
    """Rendering a template ran past its time or size budget."""


class OutputError(DraftError):
    """A document cannot be written where it was asked to go."""


class ChecksFailed(DraftError):
    """Checks found errors (or warnings under --strict) and the document was not written."""

    def __init__(self, message: str, hint: str = "", findings: tuple[Any, ...] = ()) -> None:
        super().__init__(message, hint)
        self.findings = findings  # the blocking findings (toolkit.checks.Finding)


class LegalDataError(DraftError):
    """A legal data file (LPR, caps, citations) is malformed or has no value for a date."""
