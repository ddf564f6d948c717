"""Instructions per drafted document, counted by valgrind: a figure that does not drift with the machine's load.

    python benchmarks/instructions_per_document.py [--small 20] [--large 60] [--case FILE]

Timings on a shared machine drift by a fifth from run to run; the number of instructions a run executes
does not. This runs ``draft batch --docs answer --jobs 1`` in-process on ``--small`` and on ``--large``
cases of the benchmark's spreadsheet (see ``bench_batch.py``) under ``valgrind --tool=callgrind``, and
prints the difference divided by the difference in cases: the instructions of one document, everything
included (its row read, validated, computed, checked, rendered, written and reported), the start-up left
out. With ``--case``, the cases are copies of that case file in a folder (``bench_batch.py``'s copies input)
instead. valgrind runs a program about fifty times slower, so the default sizes take about two minutes.
Compare two versions by running the script of each checkout.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _draft(count: int, case: Path | None) -> None:
    sys.path.insert(0, str(ROOT))
    from bench_batch import write_cases, write_copies  # the benchmark's own module, beside this one

    from toolkit.batch.batch import Request, draft_batch

    work = Path(tempfile.mkdtemp(prefix="draft-instructions-"))
    try:
        cases = write_cases(work, count) if case is None else write_copies(work, count, case)
        draft_batch(Request((cases,), work / "out", documents=("answer",), jobs=1))
    finally:
        shutil.rmtree(work)


def _instructions(count: int, case: Path | None) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__]
    command += ["--case", str(case)] if case is not None else []
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same hashes, so the same dict and set layouts, every run
    result = subprocess.run([*command, "--child", str(count)], capture_output=True, text=True, check=True, env=env)
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"valgrind did not report a count:\n{result.stderr[-2000:]}")
    return int(found[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=20)
    parser.add_argument("--large", type=int, default=60)
    parser.add_argument("--case", type=Path, help="count copies of this case file instead of the spreadsheet")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    case = args.case.resolve() if args.case is not None else None
    if args.child is not None:
        _draft(args.child, case)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed (apt-get install valgrind)")
    _draft(3, case)  # bytecode compiled and the template prepared before anything is counted
    small, large = _instructions(args.small, case), _instructions(args.large, case)
    per_document = (large - small) / (args.large - args.small)
    print(f"{args.small} cases: {small:,} instructions; {args.large} cases: {large:,}")
    print(f"one document: {per_document / 1e6:.2f} million instructions")


if __name__ == "__main__":
    main()
