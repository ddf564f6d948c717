"""Running a batch: jobs in chunks over worker processes, results in input order, a bounded queue.

The jobs are read as the workers need them: at most two chunks per worker (the second only when small,
see :mod:`toolkit.batch.processes`) and one ahead are in flight, and a finished chunk waits only for the
earlier ones still in flight, so memory stays flat however many cases the spreadsheet holds. Results are
reported in input order whatever the timing. With one job everything runs in this process (no pickling,
no second interpreter); with more, see :mod:`toolkit.batch.processes`.

Before the first case, the templates are compiled and every object then alive is frozen out of the
garbage collector's reach (``gc.freeze``): forked workers inherit both, and collections stay cheap.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext, suppress
from itertools import islice

from toolkit.batch.jobs import CaseResult, Job
from toolkit.batch.processes import Workers, run_on
from toolkit.batch.stopping import Stopper
from toolkit.batch.worker import Settings, draft_chunk
from toolkit.errors import DraftError
from toolkit.render.templates import builtin_manifest, load

CHUNK = 8  # cases per task: small enough to keep both cores busy at the end, large enough to amortize
PDF_CHUNK = 32  # with --pdf, a LibreOffice start-up is shared by a chunk's documents


def chunks(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    iterator = iter(jobs)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run(
    jobs: Iterable[Job],
    settings: Settings,
    workers: int,
    on_result: Callable[[CaseResult], None],
    stopper: Stopper | None = None,
    lock_fd: int | None = None,
) -> None:
    """Draft every job, calling ``on_result`` for each case in input order as soon as it is known.

    A stop (:class:`~toolkit.batch.stopping.Stopped`) is taken between chunks in this process and between
    results with workers (who are then killed); ``on_result`` is never cut short by one."""
    size = PDF_CHUNK if settings.pdf else CHUNK
    guard = stopper.deferred if stopper is not None else nullcontext

    def report(results: list[CaseResult]) -> None:
        with guard():
            for result in results:
                on_result(result)

    warm_up(settings)
    gc.freeze()
    if workers <= 1:
        for chunk in chunks(jobs, size):
            with guard():
                report(draft_chunk(settings, chunk))
        return
    with Workers(workers, settings, lock_fd) as pool:
        run_on(pool, chunks(jobs, size), report)


def warm_up(settings: Settings) -> frozenset[str]:
    """Compile the templates the batch may use, once, before any worker starts; their sha256."""
    found: set[str] = set()
    for key, entry in builtin_manifest().templates.items():
        if settings.documents is None or entry.document in settings.documents:
            with suppress(DraftError):  # a broken template is reported case by case
                found.add(load(key, settings.options.templates)[1].sha256)
    return frozenset(found)
