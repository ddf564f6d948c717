"""The packages of toolkit/ import one way: each layer only from the layers below it (docs/layers.md).

Every ``import`` and ``from … import`` of every module is read with ``ast`` — at the top, inside a function
(a lazy import) or under ``TYPE_CHECKING`` alike — and the module it names is mapped to its layer. An import
of a package in the same layer, or above, fails the test, with the file and line; so does a module of
toolkit/ that no layer names (a new package is placed in the table first). The model is import-linter's
"layers" contract: siblings in one layer (``documents`` and ``render``; ``writing``, ``explain`` and
``lint``) import neither each other nor anything above them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.documents import kinds

TOOLKIT = Path(__file__).resolve().parents[1] / "toolkit"

# Lowest first. A package imports from its own package and from any layer strictly below its own.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors",),  # the one root error, imported by everything
    ("toolkit", "bounded", "privacy", "files", "bundled"),  # small helpers: version, size budget, masking, files
    ("case",),  # the case file: models, loading, labels and identifier formats, the interview
    ("law",),  # dated legal data and the computations over it
    ("documents", "render"),  # siblings: what each document says | how a template becomes a .docx
    ("checks",),  # the check registry: facts before drafting, the document after rendering
    ("drafting",),  # one document: figures, checks, render, check again
    ("writing", "explain", "lint"),  # siblings: write the files | explain a figure | lint a template
    ("batch",),  # many cases
    ("cli",),  # the commands
    ("__main__",),  # python -m toolkit
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def unit(module: str) -> str:
    """The layer name of a dotted module of toolkit: ``toolkit.law.money`` → ``law``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "toolkit"


def module_name(path: Path) -> str:
    parts = path.relative_to(TOOLKIT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, dotted module) of every toolkit import in ``source``, wherever it stands."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                base = ".".join(package[: len(package) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            # ``from toolkit import files``: the names may be modules of their own
            names = [f"{target}.{alias.name}" for alias in node.names] if target == "toolkit" else [target]
            found += [(node.lineno, name) for name in names]
    return [(line, name) for line, name in found if name == "toolkit" or name.startswith("toolkit.")]


def target_unit(name: str) -> str:
    """The layer of an imported name; a name of the root package (``toolkit.__version__``) is the root's."""
    head = unit(name)
    return "toolkit" if head not in RANK and name.count(".") == 1 else head


def violations(source: str, module: str, is_package: bool = False) -> list[str]:
    own = unit(module)
    if own not in RANK:
        return [f"{module}: not in any layer of tests/test_layers.py (add it to LAYERS)"]
    problems = []
    for line, name in imported(source, module, is_package):
        other = target_unit(name)
        if other == own:
            continue
        if other not in RANK:
            problems.append(f"{module}:{line}: imports {name}, which is in no layer")
        elif RANK[other] >= RANK[own]:
            problems.append(f"{module}:{line}: {own} imports {name} ({other} is not below {own})")
    return problems


def test_every_import_of_toolkit_flows_down_the_layers() -> None:
    problems = []
    for path in sorted(TOOLKIT.rglob("*.py")):
        module = module_name(path)
        problems += violations(path.read_text(encoding="utf-8"), module, path.name == "__init__.py")
    assert not problems, "\n".join(problems)


def test_every_package_of_toolkit_is_in_a_layer() -> None:
    units = {unit(module_name(path)) for path in TOOLKIT.rglob("*.py")}
    assert units <= set(RANK), sorted(units - set(RANK))


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        # a back-flowing import at the top of a module
        ("toolkit.case.models", "from toolkit.documents.labels import X", "case imports toolkit.documents.labels"),
        # a lazy one inside a function counts as much
        ("toolkit.law.caps", "def f():\n    import toolkit.checks.rates\n", "law imports toolkit.checks.rates"),
        # siblings do not import each other
        ("toolkit.documents.base", "from toolkit.render.xmltext import PartText", "documents imports"),
        ("toolkit.render.filters", "from ..documents import labels", "render imports toolkit.documents"),
        ("toolkit.explain.rates", "from toolkit.writing import draft_and_write", "explain imports toolkit.writing"),
        ("toolkit.lint.run", "from toolkit.batch import run", "lint imports toolkit.batch"),
        ("toolkit.render.templates", "from toolkit.lint import lint_path", "render imports toolkit.lint"),
        # the helpers sit below case
        ("toolkit.files", "from toolkit.case.models import Case", "files imports toolkit.case.models"),
        ("toolkit.errors", "from toolkit import privacy", "errors imports toolkit.privacy"),
        # a module no layer names
        ("toolkit.newpackage.thing", "import os", "not in any layer"),
    ],
)
def test_a_back_flowing_import_is_named_with_its_line(module: str, source: str, expected: str) -> None:
    (problem,) = violations(source, module)
    assert expected in problem


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("toolkit.checks.rates", "from toolkit.documents import kinds\nfrom toolkit.render.document import X"),
        ("toolkit.render.filters", "from toolkit.case.labels import CLAIM_ITEMS\nfrom toolkit.law.money import money"),
        ("toolkit.cli.batch", "from toolkit import __version__\nfrom toolkit.batch.batch import run"),
        ("toolkit.lint.run", "from toolkit.drafting import draft\nfrom toolkit.render import compiled"),
        ("toolkit.case.load", "from . import yamlsource\nfrom .interview import ask"),
    ],
)
def test_imports_down_the_layers_and_within_a_package_pass(module: str, source: str) -> None:
    assert violations(source, module) == []


def test_loading_the_checks_does_not_load_the_document_kinds() -> None:
    """A check names the documents it applies to through a function (``documents.acknowledging``) asked when
    it runs: importing the registry builds no document kind, so no kind's module can import a check back."""
    code = "import sys, toolkit.checks; print(sorted(m for m in sys.modules if m.startswith('toolkit.documents.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    modules = {kind.context.__module__ for kind in kinds().values()}  # each kind's own module
    assert "toolkit.documents.answer" in modules
    for module in modules:
        assert f"'{module}'" not in loaded
