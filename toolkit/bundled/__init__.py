"""The files that ship inside the package: the built-in templates and their manifest, the sample case, the schema.

In the checkout they stay at the top level (``templates/``, ``samples/``, ``schema/``), where a lawyer opens
them; the build maps them into ``toolkit.bundled.templates``, ``.samples`` and ``.schema`` (see
pyproject.toml), so :mod:`importlib.resources` finds them the same way in a wheel, a ``pip install`` of the
checkout and an editable install. No path here is computed from the source tree.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from toolkit.errors import DraftError

TEMPLATES = "toolkit.bundled.templates"
SAMPLES = "toolkit.bundled.samples"
SCHEMA = "toolkit.bundled.schema"


class BundledFileMissing(DraftError):
    """A file that ships with draft is not where the package says (a broken installation)."""


def _on_disk(package: str, name: str) -> Path | None:
    try:
        path = resources.files(package) / name
    except ModuleNotFoundError:  # the package itself was left out of the installation
        return None
    return path if isinstance(path, Path) and path.is_file() else None


def bundled_file(package: str, name: str) -> Path:
    """The file ``name`` of the bundled ``package``, as a path on disk."""
    path = _on_disk(package, name)
    if path is None:
        raise BundledFileMissing(
            f"draft 的安装不完整：缺少内置文件 {name}（{package}）",
            "请重新安装 draft：pip install --force-reinstall draft 的安装包（.whl）或源代码文件夹",
        )
    return path


@functools.cache
def templates_folder() -> Path:
    """The folder of the built-in templates, found through their manifest."""
    return bundled_file(TEMPLATES, "manifest.yaml").parent


def sample_case_file() -> Path:
    """The bundled sample case (``samples/case.yaml`` in the checkout)."""
    return bundled_file(SAMPLES, "case.yaml")


def bundled_sample(name: str) -> Path | None:
    """The bundled sample case called ``name`` (``case.yaml``, ``bank-expired.yaml``…), if there is one."""
    return _on_disk(SAMPLES, name) if name.endswith(".yaml") else None


def case_schema() -> Path:
    """The committed JSON Schema of the case file (``schema/case.schema.json`` in the checkout)."""
    return bundled_file(SCHEMA, "case.schema.json")
