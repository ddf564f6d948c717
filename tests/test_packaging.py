"""What the wheel holds: every package of the checkout, and the bundled files found through importlib.resources.

pyproject.toml lists the packages by name (the bundled folders are mapped from the top level, which rules
out automatic discovery), so a package added to toolkit/ but not to the list would be missing from the
wheel without any other test noticing; tests/test_wheel.py installs the wheel itself.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from toolkit.bundled import bundled_sample, case_schema, sample_case_file, templates_folder

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_of_the_checkout_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    inside = [p for p in (ROOT / "toolkit").rglob("*") if p.is_dir() and "__pycache__" not in p.parts]
    folders = {"toolkit", *(".".join(p.relative_to(ROOT).parts) for p in inside)}
    mapped = set(config["package-dir"])
    assert folders <= set(config["packages"]), sorted(folders - set(config["packages"]))
    assert set(config["packages"]) - folders == mapped  # the rest are the folders mapped from the top level
    assert config["package-dir"] == {
        "toolkit.bundled.samples": "samples",
        "toolkit.bundled.schema": "schema",
        "toolkit.bundled.templates": "templates",
    }


def test_bundled_files_are_the_checkout_folders_in_an_editable_install() -> None:
    assert templates_folder() == ROOT / "templates"
    assert sample_case_file() == ROOT / "samples" / "case.yaml"
    assert case_schema() == ROOT / "schema" / "case.schema.json"
    assert bundled_sample("bank-expired.yaml") == ROOT / "samples" / "bank-expired.yaml"
    assert bundled_sample("no-such.yaml") is None and bundled_sample("__init__.py") is None
