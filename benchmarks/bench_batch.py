"""How fast ``draft batch`` drafts, against the naive docxtpl loop, on this machine, in one run.

    python benchmarks/bench_batch.py [--cases 1000 5000] [--repeat 3] [--naive 300] [--stages 300]
                                     [--case FILE] [--keep DIR]

For each size N it writes a spreadsheet export of N clients (``clients.csv`` and its list files, the way
a legal-aid office keeps its cases), and a folder of N case files: the bundled sample case with each
client's name and claimed fees varied (the claimed total follows, so every case passes the checks and is
drafted). It then times:

- naive: docxtpl's own loop per document (``DocxTemplate(path)``, ``render``, ``save`` to a file) on
  templates/answer.docx, with the contexts built beforehand and not timed; its rate per document does
  not depend on N, so it is measured on the first ``--naive`` cases only (docxtpl needs ~40 ms a
  document here: 5,000 would take over three minutes), once before each pair of batch runs (the median
  is shown: its rate moved by a fifth from one minute to the next here);
- ``draft batch clients.csv --docs answer --jobs 1``: everything included (reading the spreadsheet,
  validation, figures, every fact and document check, rendering, writing atomically, the report);
- the same with ``--jobs`` = all cores;
- both again on the folder of case files (``draft batch cases/``), which a lawyer's own cases are;
- both again on a folder of N identical copies of one case file (``--case``, by default
  samples/bank-expired.yaml, which the other inputs do not use), with the naive loop timed on that case;
- each batch ``--repeat`` times, one job and all cores in turn: a virtual machine's cores slow down for
  seconds at a time when other guests take them, so a single pair of runs may measure the neighbours.
  The table shows the median run; the ratio of all cores to one job is the median of the pairs, each
  pair's shown beside it;
- what the machine itself gives, just before each pair: a loop of pure arithmetic (next to no memory,
  no I/O, no toolkit) run as many times as there are cores in one process, against once in each of
  that many processes at once, printed beside the pairs. A batch, which also shares the caches and the
  disk, seldom gains more from the cores than this loop; a figure above the number of cores means the
  machine's speed changed within the second of the measurement (here it ranged from 1.15× to 2.6×);
- the stages of one document (``--stages`` cases drafted in this process with one job, each stage's
  functions wrapped in a CPU-time counter): ms of CPU per document, measured;
- the start-up: ``draft answer`` on the sample case, wall and CPU seconds of the whole command, as an
  installed toolkit starts (see ``installed_env``), the template prepared by an earlier run (the
  per-user cache, here a folder of the run's own); the first run is shown too.

Nothing is deleted until the end (the work folder with everything in it): on ext4, creating folders
just after thousands of files and folders were deleted costs several times the system time, for as long
as the file system remembers them as recently deleted, and the measured runs would take on that cost.

Every command runs as an installed toolkit does: bytecode compiled (``PYTHONDONTWRITEBYTECODE`` unset;
otherwise each run would compile the toolkit's sources again) and templates prepared once per user.

Each batch runs as a child process, and its peak memory is the peak resident set of the largest process
of its tree (``ru_maxrss`` of the children, read in a wrapper process of its own so runs do not mix).
Rates are given per second of wall time and per second of CPU time (user + system of every process of
the run): on a shared machine the wall time depends on what else runs, the CPU time much less.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.batch.sheet_template import write_sheet_template  # noqa: E402

_PEAK = (  # the command's own wall time: the wrapper's start-up is not the toolkit's
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "seconds = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, code)\n"
)


def _template_rows(folder: Path) -> dict[str, list[list[Any]]]:
    import openpyxl

    path = folder / "template.xlsx"
    write_sheet_template(path)
    book = openpyxl.load_workbook(path)
    rows = {sheet.title: sheet.iter_rows(min_row=2, values_only=True) for sheet in book.worksheets}
    return {  # without row 1, the Chinese titles: row 2, the dotted paths, is the header
        title: [list(row) for row in sheet if any(v is not None for v in row)]
        for title, sheet in rows.items()
        if title != "说明"
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def write_cases(folder: Path, count: int) -> Path:
    """``clients.csv`` with ``count`` varied copies of the sample, and its list files."""
    sheets = _template_rows(folder)
    header = [str(name) for name in sheets["cases"][0]]
    sample = sheets["cases"][1]
    at = {name: header.index(name) for name in ("case_id", "client.name", "claims.fees", "claims.total")}
    fees, total = Decimal(str(sample[at["claims.fees"]])), Decimal(str(sample[at["claims.total"]]))
    path = folder / "clients.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for number in range(count):
            row = list(sample)
            extra = Decimal(number % 500) / 100
            row[at["case_id"]] = f"B{number:05d}"
            row[at["client.name"]] = f"当事人{number:05d}"
            row[at["claims.fees"]] = fees + extra
            row[at["claims.total"]] = total + extra
            writer.writerow([_cell(value) for value in row])
    for name, rows in sheets.items():
        if name == "cases" or len(rows) < 2:
            continue
        with path.with_name(f"clients.{name}.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(rows[0])
            for number in range(count):
                writer.writerows([f"B{number:05d}", *map(_cell, row[1:])] for row in rows[1:])
    return path


def write_case_files(folder: Path, count: int) -> Path:
    """``cases/`` with ``count`` case files: the sample, each client's name and claimed fees varied as in
    :func:`write_cases`."""
    sample = (ROOT / "samples" / "case.yaml").read_text(encoding="utf-8")
    lines = {"name": "  name: 李明\n", "fees": "  fees: 1387.23 ", "total": "  total: 23000.00 "}
    assert all(sample.count(line) == 1 for line in lines.values()), "the sample's lines have changed"
    fees, total = Decimal("1387.23"), Decimal("23000.00")
    cases = folder / "cases"
    cases.mkdir()
    for number in range(count):
        extra = Decimal(number % 500) / 100
        text = sample.replace(lines["name"], f"  name: 当事人{number:05d}\n")
        text = text.replace(lines["fees"], f"  fees: {fees + extra} ")
        text = text.replace(lines["total"], f"  total: {total + extra} ")
        (cases / f"B{number:05d}.yaml").write_text(text, encoding="utf-8")
    return cases


def csv_contexts(cases_csv: Path, count: int) -> list[Mapping[str, Any]]:
    """The answer's contexts of the first ``count`` cases of the export, built beforehand (not timed)."""
    from toolkit.batch.inputs import jobs
    from toolkit.case.load import case_from_data
    from toolkit.documents import kind
    from toolkit.law.compute import compute_figures

    contexts: list[Mapping[str, Any]] = []
    for job in jobs([cases_csv]):
        if len(contexts) == count:
            break
        assert job.data is not None
        case = case_from_data(job.data, job.source)
        contexts.append(kind("answer").context(case, compute_figures(case)))
    return contexts


def case_contexts(path: Path, count: int) -> list[Mapping[str, Any]]:
    """The answer's context of the case file ``path``, ``count`` times."""
    from toolkit.case.load import load_case
    from toolkit.documents import kind
    from toolkit.law.compute import compute_figures

    case = load_case(path)
    return [kind("answer").context(case, compute_figures(case))] * count


def naive_rate(contexts: list[Mapping[str, Any]], folder: Path) -> tuple[float, float]:
    """Documents per second of docxtpl's loop (load, render, save a file) with our contexts: per second
    of wall time, and per second of CPU time."""
    from docxtpl import DocxTemplate

    from toolkit.render.environment import environment

    template = ROOT / "templates" / "answer.docx"
    env = environment()
    start, cpu = time.perf_counter(), time.process_time()
    for number, context in enumerate(contexts):
        document = DocxTemplate(str(template))
        document.render(context, jinja_env=env, autoescape=True)
        document.save(str(folder / f"{number}.docx"))
    return len(contexts) / (time.perf_counter() - start), len(contexts) / (time.process_time() - cpu)


def write_copies(folder: Path, count: int, case: Path) -> Path:
    """``copies/`` with ``count`` copies of the case file ``case``, named C00000.yaml, C00001.yaml …"""
    copies = folder / "copies"
    copies.mkdir()
    text = case.read_bytes()
    for number in range(count):
        (copies / f"C{number:05d}.yaml").write_bytes(text)
    return copies


def installed_env(work: Path) -> dict[str, str]:
    """The environment of the measured commands: as an installed toolkit runs, its bytecode compiled
    (``PYTHONDONTWRITEBYTECODE`` unset) and its prepared templates in a cache folder of the run's own."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFT_CACHE_DIR": str(work / "cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


_SPIN = "import sys\nn = 0\nfor i in range(int(sys.argv[1]) * 6_000_000):\n    n += i * i\n"


def arithmetic_ratio(cores: int) -> float:
    """How many times as fast ``cores`` processes run a loop of pure arithmetic as one process, now."""

    def seconds(*units: int) -> float:
        start = time.perf_counter()
        for process in [subprocess.Popen([sys.executable, "-c", _SPIN, str(unit)]) for unit in units]:
            process.wait()
        return time.perf_counter() - start

    return seconds(cores) / seconds(*[1] * cores)


def _measured(command: list[str], env: dict[str, str]) -> tuple[float, list[str]]:
    """(wall seconds, [peak RSS KiB, CPU seconds, exit code]) of one run of ``python -m toolkit …``."""
    result = subprocess.run(
        [sys.executable, "-c", _PEAK, sys.executable, "-m", "toolkit", *command],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    seconds, *measured = result.stdout.split()
    return float(seconds), measured


def batch_run(cases: Path, out: Path, jobs: int, env: dict[str, str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of all its processes, peak RSS in KiB) of ``draft batch``."""
    seconds, (peak, cpu, code) = _measured(
        ["batch", str(cases), "--docs", "answer", "--out", str(out), "--jobs", str(jobs)], env
    )
    if code != "0":
        raise SystemExit(f"draft batch failed (exit {code}); see {out}/report.csv")
    return seconds, float(cpu), int(peak)


def start_up(folder: Path) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds) of ``draft answer`` on the sample case, imports and compile included:
    the first run (template cache cold), then the best of three."""
    env = installed_env(folder)
    command = ["answer", "--case", str(ROOT / "samples" / "case.yaml"), "--out", str(folder), "--force"]
    runs = []
    for _ in range(4):
        seconds, (_, cpu, _) = _measured(command, env)
        runs.append((seconds, float(cpu)))
    return [runs[0], min(runs[1:], key=lambda run: run[1])]


_STAGES = (  # (label, module, attribute): the functions a stage spends its time in
    ("spreadsheet row: cells read, list rows joined", "toolkit.batch.spreadsheet.Rows", "job"),
    ("read the case, validate (pydantic)", "toolkit.batch.worker", "_load"),
    ("figures", "toolkit.batch.worker", "compute_figures"),
    ("fact checks", "toolkit.drafting", "run_fact_checks"),
    ("render: skeleton proof, text for the checks", "toolkit.render.skeleton.Proofs", "text"),
    ("render: compress and zip", "toolkit.render.compiled.CompiledTemplate", "_entry"),
    ("render: Jinja, dates joined", "toolkit.render.compiled.CompiledTemplate", "render"),
    ("document checks", "toolkit.drafting", "check_document"),
    ("the template's context (positions, wording)", "toolkit.drafting", "render_checked"),
    ("atomic write", "toolkit.batch.worker", "write_atomic"),
    ("report (and syncfs before each publication)", "toolkit.batch.report.ReportWriter", "add"),
)


def stage_table(cases_csv: Path, out: Path, count: int) -> list[tuple[str, float]]:
    """ms of CPU per document in each stage, over the first ``count`` cases drafted in this process."""
    import functools
    import importlib

    from toolkit.batch.batch import Request, draft_batch

    spent = {label: 0.0 for label, _, _ in _STAGES}
    originals = []
    for label, module_name, attribute in _STAGES:
        module_path, _, owner_name = module_name.rpartition(".")
        owner: Any = importlib.import_module(module_name) if owner_name.islower() else None
        if owner is None:
            owner = getattr(importlib.import_module(module_path), owner_name)
        original = getattr(owner, attribute)

        def timed(*args: Any, _f: Any = original, _label: str = label, **kwargs: Any) -> Any:
            begin = time.process_time()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_label] += time.process_time() - begin

        originals.append((owner, attribute, original))
        setattr(owner, attribute, functools.wraps(original)(timed))
    subset = cases_csv.with_name("stages.csv")
    with cases_csv.open(encoding="utf-8") as source, subset.open("w", encoding="utf-8") as target:
        target.writelines(line for number, line in enumerate(source) if number <= count)
    kept = {f"B{number:05d}" for number in range(count)}  # the list rows of these cases only (see write_cases)
    for part in cases_csv.parent.glob("clients.*.csv"):
        with (
            part.open(encoding="utf-8") as source,
            subset.with_name("stages" + part.name.removeprefix("clients")).open("w", encoding="utf-8") as target,
        ):
            target.writelines(line for number, line in enumerate(source) if number == 0 or line[:6] in kept)
    begin = time.process_time()
    try:
        draft_batch(Request((subset,), out, documents=("answer",), jobs=1))
    finally:
        for owner, attribute, original in originals:
            setattr(owner, attribute, original)
    total = time.process_time() - begin
    inner = spent["render: skeleton proof, text for the checks"] + spent["render: compress and zip"]
    spent["render: Jinja, dates joined"] -= inner
    # render_checked is the context, the render and the document checks: the context is what is left
    rendered = spent["render: Jinja, dates joined"] + inner + spent["document checks"]
    spent["the template's context (positions, wording)"] -= rendered
    rows = [(label, seconds * 1000 / count) for label, seconds in spent.items()]
    rows.append(
        ("everything else (the case's folder, resume, results, …)", (total - sum(spent.values())) * 1000 / count)
    )
    rows.append(("total", total * 1000 / count))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--naive", type=int, default=300, help="documents the naive loop is timed on")
    parser.add_argument("--stages", type=int, default=300, help="documents the stage table is measured on")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each batch, interleaved (the median is shown)")
    parser.add_argument("--keep", type=Path, help="keep inputs and outputs in this folder")
    parser.add_argument(
        "--case", type=Path, default=ROOT / "samples" / "bank-expired.yaml", help="the case of the copies input"
    )
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    work = Path(args.keep or tempfile.mkdtemp(prefix="draft-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        _measure(args, work, cores)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _measure(args: argparse.Namespace, work: Path, cores: int) -> None:
    print(f"machine: {cores} cores, Python {sys.version.split()[0]}; inputs: a CSV export with list files, a folder")
    print(f"of varied case files, a folder of identical copies of {args.case.name}")
    header = f"{'cases':>6} {'run':<22} {'seconds':>8} {'docs/s':>8} {'docs/CPU-s':>10} {'peak MiB':>9}"
    print(header)
    print("-" * len(header))
    peaks: dict[int, int] = {}
    env = installed_env(work)
    warm = ["answer", "--case", str(ROOT / "samples" / "case.yaml"), "--out", str(work / "warm-up"), "--force"]
    _measured(warm, env)  # bytecode compiled and the template prepared once, before anything is timed
    for count in args.cases:
        folder = work / f"n{count}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        cases_csv = write_cases(folder, count)
        case_files = write_case_files(folder, count)
        copies = write_copies(folder, count, args.case)
        naive_folder = folder / "naive"
        naive_folder.mkdir()
        contexts = {
            "csv": csv_contexts(cases_csv, min(count, args.naive)),
            "copies": case_contexts(args.case, min(count, args.naive)),
        }
        contexts["folder"] = contexts["csv"]  # the same cases as the export's
        for kind, cases in (("csv", cases_csv), ("folder", case_files), ("copies", copies)):
            naives: list[tuple[float, float]] = []
            runs: dict[int, list[tuple[float, float, int]]] = {1: [], cores: []}
            arithmetic: list[float] = []
            for repeat in range(args.repeat):  # interleaved, so that a slow minute weighs on all alike
                naives.append(naive_rate(contexts[kind], naive_folder))
                arithmetic.append(arithmetic_ratio(cores))
                for jobs in runs:
                    runs[jobs].append(batch_run(cases, folder / f"{kind}-jobs{jobs}-{repeat}", jobs, env))
            naive, naive_cpu = (statistics.median(rate[i] for rate in naives) for i in (0, 1))
            label = f"{kind} naive docxtpl loop"
            print(f"{count:>6} {label:<22} {'':>8} {naive:>8.1f} {naive_cpu:>10.1f} {'':>9}")
            median_cpu = {}
            for jobs, measured in runs.items():
                seconds, cpu = (statistics.median(run[i] for run in measured) for i in (0, 1))
                median_cpu[jobs] = cpu
                peak = max(run[2] for run in measured)
                peaks[count] = max(peaks.get(count, 0), peak)
                label = f"{kind} batch --jobs {jobs}"
                rates = f"{count / seconds:>8.1f} {count / cpu:>10.1f}"
                print(f"{count:>6} {label:<22} {seconds:>8.1f} {rates} {peak / 1024:>9.1f}")
            pairs = [alone[0] / together[0] for alone, together in zip(runs[1], runs[cores], strict=True)]
            print(
                f"{count:>6} {kind} ratios: jobs=1 / naive per CPU-second = {count / median_cpu[1] / naive_cpu:.1f}×;"
                f"  jobs={cores} / jobs=1 = {statistics.median(pairs):.2f}×"
                f" (each pair: {' '.join(f'{pair:.2f}×' for pair in pairs)};"
                f" arithmetic alone, before each: {' '.join(f'{ratio:.2f}×' for ratio in arithmetic)})"
            )
        if count == args.cases[0]:
            print(f"stages of one document (ms of CPU, {min(count, args.stages)} cases, one job, in this process):")
            for label, ms in stage_table(cases_csv, folder / "stages", min(count, args.stages)):
                print(f"    {label:<58} {ms:>6.2f}")
    (cold_wall, cold_cpu), (wall, cpu) = start_up(work / "start-up")
    print(
        f"start-up: draft answer on the sample case: {wall:.2f} s wall, {cpu:.2f} s CPU"
        f" (first run, caches cold: {cold_wall:.2f} s wall, {cold_cpu:.2f} s CPU)"
    )
    if len(peaks) > 1:
        low, high = min(peaks), max(peaks)
        growth = (peaks[high] - peaks[low]) / peaks[low] * 100
        print(f"peak memory at {high} cases vs {low}: {growth:+.1f} %")


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    main()
