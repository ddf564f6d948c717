"""Mutation testing of the legal core: would the tests notice a wrong figure?

    nice -n 19 python tools/mutation.py [MODULE ...] [--jobs N] [--survivors] [--report-only]

mutmut (configured in pyproject.toml, ``[tool.mutmut]``) copies the code to ``mutants/`` and, for each
small change it makes to a function of ``toolkit/law/`` or ``toolkit/case/identity.py`` (``<`` for ``<=``, a
constant changed, a line dropped …), runs the law, explain, documents, checks and case tests that reach that
function. A change that no test notices ("survived") is a figure that could go wrong unseen, unless the change
cannot alter what the function does: such *equivalent* mutants are listed in docs/mutation.md, each with why.

- ``MODULE``: run only these modules of toolkit/law (``ledger caps``), or another mutated module by its path
  under toolkit (``case/identity``): every mutant of a module named is run again. Without names, mutmut keeps
  the results of earlier runs in ``mutants/`` and runs only what is new or changed.
- ``--survivors``: run again the mutants that survived last time and are not listed as equivalent (after
  adding tests; a listed one only changes when its function does, and mutmut then runs it anew itself).
- ``--report-only``: run nothing, only report the results kept in ``mutants/``.

The report: killed (a test failed, or the mutant ran out of time), survivors matched to docs/mutation.md
(equivalent), survivors not listed there (printed with their diff), and the score = killed / (killed +
unlisted survivors). The exit status is 1 below 95 %. This is not part of CI (like benchmarks/): a full
run takes about an hour of CPU on one core. Needs ``pip install mutmut==3.8.1`` (the report reads its results
through mutmut's own modules, so another version may need this script adapted).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "mutation.md"
THRESHOLD = 95.0
KILLED = {"killed", "timeout", "caught by type check", "segfault"}
SURVIVED = {"survived", "no tests", "suspicious"}
# A row of the equivalents table in docs/mutation.md: | `function` | `mutated line` | why |
_ROW = re.compile(r"^\|\s*`(?P<function>toolkit\.[^`]+)`\s*\|\s*`(?P<line>(?:[^`]|``)*)`\s*\|(?P<why>.+)\|\s*$")


@dataclass(frozen=True)
class Mutant:
    name: str  # toolkit.law.ledger.x_capped_ledger__mutmut_12
    status: str

    @property
    def function(self) -> str:
        return self.name.rsplit("__mutmut_", 1)[0]

    @property
    def module(self) -> str:
        """The file mutated, as docs/mutation.md names it: law/money.py."""
        return self.function.rsplit(".", 1)[0].removeprefix("toolkit.").replace(".", "/") + ".py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("modules", nargs="*", help="modules, e.g. ledger caps case/identity (default: all)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (default 1)")
    parser.add_argument("--survivors", action="store_true", help="run again the unlisted survivors")
    parser.add_argument("--report-only", action="store_true", help="only report the results kept in mutants/")
    args = parser.parse_args()
    os.chdir(ROOT)  # mutmut reads pyproject.toml and mutants/ from the current folder
    patterns = [f"{_prefix(m)}*" for m in args.modules]
    if args.survivors:
        known = equivalents()
        survivors = [m for m in results() if m.status in SURVIVED and _in(m, args.modules)]
        patterns = [m.name for m in survivors if not _listed(m, known)]
    if not args.report_only and (patterns or not args.survivors):
        _refresh_copies()
        _forget_unmapped()
        _mutmut_run(args.jobs, patterns)
        if _forget_unmapped():
            _mutmut_run(args.jobs, patterns)
    return report([m for m in results() if _in(m, args.modules)])


def _mutmut_run(jobs: int, patterns: list[str]) -> None:
    subprocess.run([sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs), *patterns], cwd=ROOT)


def _forget_unmapped() -> bool:
    """Forget the verdicts "no tests" and the map of which tests reach which function; True if there were any.

    mutmut maps tests to functions in full once, then only for new tests: a function added or moved since (a
    merge) is reached by no test it knows of, so its mutants are "no tests" however well tested. Without that
    map, the next run maps every test anew (a minute or two); a mutant still "no tests" after it is real."""
    from mutmut.__main__ import SourceFileMutationData, status_by_exit_code, walk_mutatable_files

    forgotten = False
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        unmapped = [key for key, code in data.exit_code_by_key.items() if status_by_exit_code[code] == "no tests"]
        for key in unmapped:
            data.exit_code_by_key[key] = None
        if unmapped:
            data.save()
            forgotten = True
    if forgotten:
        (ROOT / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    return forgotten


def _refresh_copies() -> None:
    """mutmut copies each file to ``mutants/`` once and keeps its copy: bring the data files (LPR, caps,
    citations, holidays), templates, samples and tests up to date, or a run would test against old data, and
    remove the copies of modules and tests since moved or deleted (a stale module shadows its new place)."""
    if not (ROOT / "mutants").is_dir():
        return
    for folder in ("toolkit", "tests"):
        for copy in (ROOT / "mutants" / folder).rglob("*.py"):
            if not (ROOT / copy.relative_to(ROOT / "mutants")).exists():
                for stale in (copy, copy.with_name(copy.name + ".meta"), copy.with_name(copy.name + ".spans")):
                    stale.unlink(missing_ok=True)
    for folder in ("toolkit", "templates", "samples", "schema", "tests"):
        for source in (ROOT / folder).rglob("*"):
            mutated = folder == "toolkit" and source.suffix == ".py"  # mutmut writes these itself
            if source.is_file() and "__pycache__" not in source.parts and not mutated:
                target = ROOT / "mutants" / source.relative_to(ROOT)
                if not target.exists() or target.read_bytes() != source.read_bytes():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, target)


def _prefix(module: str) -> str:
    """The start of the mutants' names of a module: ``ledger`` → toolkit.law.ledger., ``case/identity`` →
    toolkit.case.identity."""
    name = module.removesuffix(".py").replace("/", ".")
    return f"toolkit.{name}." if "." in name else f"toolkit.law.{name}."


def _in(mutant: Mutant, modules: list[str]) -> bool:
    return not modules or any(mutant.name.startswith(_prefix(m)) for m in modules)


def results() -> list[Mutant]:
    """Every mutant of the mutated modules and its status, as mutmut keeps them in ``mutants/``."""
    from mutmut.__main__ import SourceFileMutationData, status_by_exit_code, walk_mutatable_files

    found = []
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        found += [Mutant(name, status_by_exit_code[code]) for name, code in data.exit_code_by_key.items()]
    return found


def mutated_lines(name: str) -> list[str]:
    """The lines the mutant has instead of the original ones (its diff's ``+`` lines, stripped)."""
    from mutmut.__main__ import get_diff_for_mutant

    diff = get_diff_for_mutant(name)
    return [line[1:].strip() for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]


def equivalents() -> dict[tuple[str, str], str]:
    """(function, mutated line) → why the mutant is equivalent, from the table in docs/mutation.md."""
    table = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if row := _ROW.match(line):
            table[(row["function"], row["line"].replace("``", "`").replace("\\|", "|"))] = row["why"].strip()
    return table


def _listed(mutant: Mutant, known: dict[tuple[str, str], str]) -> bool:
    """Whether the table of equivalents lists the mutant: its function and one of its mutated lines."""
    lines = mutated_lines(mutant.name)
    return any((mutant.function, line) in known for line in lines) or (not lines and (mutant.function, "") in known)


def _module_table(mutants: list[Mutant], listed: set[str]) -> str:
    """The score table of docs/mutation.md, a row per module: mutants, killed, equivalent, score."""
    rows = ["| 模块 | 变异 | 杀死（含超时） | 等价（存活，见下表） | 未运行 | 得分 |", "|---|---|---|---|---|---|"]
    for module in sorted({m.module for m in mutants}):
        group = [m for m in mutants if m.module == module]
        killed = sum(m.status in KILLED for m in group)
        equivalent = sum(m.name in listed for m in group)
        unchecked = sum(m.status == "not checked" for m in group)
        judged = len(group) - equivalent - unchecked
        score = f"{killed} / {judged} = {100.0 * killed / judged:.1f} %" if judged else "—"
        rows.append(f"| {module} | {len(group)} | {killed} | {equivalent} | {unchecked} | {score} |")
    return "\n".join(rows)


def report(mutants: list[Mutant]) -> int:
    counts = Counter(m.status for m in mutants)
    known = equivalents()
    equivalent, unlisted = [], []
    for mutant in (m for m in mutants if m.status in SURVIVED):
        if _listed(mutant, known):
            equivalent.append(mutant)
        else:
            unlisted.append((mutant, mutated_lines(mutant.name)))
    killed = sum(counts[s] for s in KILLED)
    unchecked = counts["not checked"]
    for mutant, lines in unlisted:
        print(f"survived: {mutant.name} ({mutant.status})")
        for line in lines or ["(the mutant removes lines)"]:
            print(f"    + {line}")
    print(_module_table(mutants, {m.name for m in equivalent}))
    print(f"mutants: {len(mutants)}  " + "  ".join(f"{s}: {n}" for s, n in sorted(counts.items())))
    judged = killed + len(unlisted)
    score = 100.0 * killed / judged if judged else 0.0
    print(
        f"killed {killed} of {judged} non-equivalent mutants: {score:.1f} % "
        f"({len(equivalent)} equivalent, listed in docs/mutation.md; {unchecked} not run yet)"
    )
    return 0 if score >= THRESHOLD and not unchecked else 1


if __name__ == "__main__":
    sys.exit(main())
