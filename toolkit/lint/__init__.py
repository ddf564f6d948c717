"""The template linter behind ``draft templates check``: find what will go wrong before a lawyer relies on it.

It drafts through the same pipeline as ``draft answer`` (:func:`toolkit.drafting.render_checked`), so it
sits above it, not in ``render/``. Rules (registered in :mod:`.rules`, listed in the authors' guide,
templates/README.md): the package (:mod:`toolkit.render.package`),
single tags as Word leaves them (:mod:`.tagrules`), blocks and docxtpl's paragraph/row tags
(:mod:`.blocks`), variables and filters against the real context (:mod:`.names`), and a render of a
complete sample case with the document checks (:mod:`.rendered`).
"""

from toolkit.lint.findings import Finding, Location
from toolkit.lint.run import Report, identify, lint_path, lint_template

__all__ = ["Finding", "Location", "Report", "identify", "lint_path", "lint_template"]
