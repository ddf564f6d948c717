"""Running a batch: jobs in chunks over worker processes, results in input order, a bounded queue.

``multiprocessing.Pool.imap`` would read the whole input ahead into its task queue; here at most
``jobs × WINDOW`` chunks are in flight, so memory stays flat however many cases the spreadsheet holds.
Results are taken in submission order, so the report lists cases in input order whatever the timing.
With one job everything runs in this process (no pickling, no second interpreter).

Before the first case, the templates are compiled and every object then alive is frozen out of the
garbage collector's reach (``gc.freeze``): forked workers inherit both, and collections stay cheap.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext, suppress
from itertools import islice
from multiprocessing.pool import AsyncResult

from toolkit.batch.jobs import CaseResult, Job
from toolkit.batch.stopping import Stopper, worker_started
from toolkit.batch.worker import Settings, draft_chunk
from toolkit.errors import DraftError
from toolkit.render.templates import builtin_manifest, load

CHUNK = 8  # cases per task: small enough to keep both cores busy at the end, large enough to amortize
PDF_CHUNK = 32  # with --pdf, a LibreOffice start-up is shared by a chunk's documents
WINDOW = 3  # chunks in flight per worker


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
    results with workers (whose pool is then terminated); ``on_result`` is never cut short by one."""
    size = PDF_CHUNK if settings.pdf else CHUNK
    guard = stopper.deferred if stopper is not None else nullcontext
    warm_up(settings)
    gc.freeze()
    if workers <= 1:
        for chunk in chunks(jobs, size):
            with guard():
                for result in draft_chunk(settings, chunk):
                    on_result(result)
        return
    context = multiprocessing.get_context()
    inherited = lock_fd if context.get_start_method() == "fork" else None
    with context.Pool(workers, initializer=worker_started, initargs=(inherited,)) as pool:
        pending: deque[AsyncResult[list[CaseResult]]] = deque()

        def take() -> None:
            results = pending.popleft().get()
            with guard():
                for result in results:
                    on_result(result)

        for chunk in chunks(jobs, size):
            pending.append(pool.apply_async(draft_chunk, (settings, chunk)))
            if len(pending) >= workers * WINDOW:
                take()
        while pending:
            take()


def warm_up(settings: Settings) -> frozenset[str]:
    """Compile the templates the batch may use, once, before any worker starts; their sha256."""
    found: set[str] = set()
    for key, entry in builtin_manifest().templates.items():
        if settings.documents is None or entry.document in settings.documents:
            with suppress(DraftError):  # a broken template is reported case by case
                found.add(load(key, settings.options.templates)[1].sha256)
    return frozenset(found)
