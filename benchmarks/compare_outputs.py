"""Are this checkout's documents byte for byte those of another commit? (Speed work must not change them.)

    python benchmarks/compare_outputs.py [--ref main] [--cases 100] [--jobs 2]

The commit ``--ref`` is exported (``git archive``) to a temporary folder; both codes then draft, each with
a template cache of its own: ``draft batch`` on the benchmark's spreadsheet of ``--cases`` clients, and
every single-document command (and the element-form answer) on the sample case. Every file of the two
output folders is compared; the differing ones are listed and the exit code is 1. It also
prints the SHA-256 of the sample's documents, as tests/documents/golden/docx.sha256 holds them.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_batch import write_cases  # noqa: E402

_SINGLE = (
    ("answer", "narrative"),
    ("answer", "elements"),
    ("hardship", None),
    ("settlement", None),
    ("evidence", None),
)


def _export(ref: str, folder: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True).stdout
    folder.mkdir()
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def _draft(code: Path, cases_csv: Path, out: Path, jobs: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(code), "DRAFT_CACHE_DIR": str(out.with_name(out.name + ".cache"))}
    run = [sys.executable, "-m", "toolkit"]
    batch = [*run, "batch", str(cases_csv), "--docs", "answer", "--out", str(out / "batch"), "--jobs", str(jobs)]
    subprocess.run(batch, env=env, check=False, stdout=subprocess.DEVNULL)
    for name, style in _SINGLE:
        target = out / f"{name}-{style or 'default'}"
        options = ["--style", style] if style else []
        command = [*run, name, "--case", str(ROOT / "samples" / "case.yaml"), "--out", str(target), *options]
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []
    comparison = filecmp.dircmp(left, right)
    pending = [(comparison, Path())]
    while pending:
        here, at = pending.pop()
        found += [str(at / name) for name in here.left_only + here.right_only + here.funny_files]
        _, mismatch, errors = filecmp.cmpfiles(here.left, here.right, here.common_files, shallow=False)
        found += [str(at / name) for name in mismatch + errors]
        pending += [(sub, at / name) for name, sub in here.subdirs.items()]
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ref", default="main", help="the commit whose documents are the reference")
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="draft-compare-") as temp:
        work = Path(temp)
        (work / "input").mkdir()
        cases_csv = write_cases(work / "input", args.cases)
        reference = _export(args.ref, work / "reference-code")
        _draft(reference, cases_csv, work / "reference", args.jobs)
        _draft(ROOT, cases_csv, work / "this", args.jobs)
        files = sum(1 for path in (work / "this").rglob("*") if path.is_file())
        for path in sorted((work / "this").glob("*-*/*.docx")):
            print(f"{path.parent.name}/{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()}")
        different = _differences(work / "reference", work / "this")
        if different:
            print(f"{len(different)} of {files} files differ from {args.ref}:", *different, sep="\n  ")
            raise SystemExit(1)
        print(f"all {files} files identical to {args.ref}'s (a batch of {args.cases} cases and the sample)")


if __name__ == "__main__":
    main()
