"""The worker processes of a batch: each with a pipe of its own, drafting one chunk at a time.

``multiprocessing.Pool`` shares two queues among its workers, each behind a lock. A worker that dies while
it holds one (killed by the OOM killer, or stopped with the batch while it sends a result) leaves the
batch waiting forever, and a chunk whose worker died is never answered. Here nothing is shared. A worker
that dies is seen on its process's sentinel: the cases of the chunk it was drafting are reported failed (a
rerun drafts them), a chunk it had not started goes to the new worker that takes its place. Stopping kills
the workers and waits for nothing that could hang.

A worker that sends its results finds its next chunk already in its pipe, when that chunk is small
(``QUEUED`` bytes, as a folder's case files are): it starts on it at once instead of waiting for the batch
to read the results and answer (a millisecond a chunk, a few per cent of a short batch). A larger chunk
(spreadsheet rows, a resumed batch's earlier results) is sent only to a worker that has nothing left to
draft, which is then reading: the batch is never blocked sending a chunk while the worker is blocked sending
results, whatever their sizes. The next chunk is read ahead, so an idle worker is answered at once.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, suppress
from multiprocessing import connection, get_context
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from typing import Any, NamedTuple

from toolkit.batch.jobs import CaseResult, Job
from toolkit.batch.stopping import worker_started
from toolkit.batch.worker import Settings, draft_chunk, failed
from toolkit.privacy import mask

DIED = "起草该案件的进程意外终止（可能是内存不足）：重新运行同一条命令即可，只会重做未完成的案件"
QUEUED = 4096  # bytes: a chunk this small may wait in a busy worker's pipe (far below any system's buffer)


class Chunk(NamedTuple):
    number: int  # in the batch
    jobs: list[Job]
    data: memoryview  # the jobs pickled, as the worker receives them


def numbered(chunks: Iterable[list[Job]]) -> Iterator[Chunk]:
    return (Chunk(number, jobs, ForkingPickler.dumps(jobs)) for number, jobs in enumerate(chunks))


class Worker:
    """A process drafting the chunks it is given, and those it has not answered yet (the oldest first)."""

    def __init__(self, settings: Settings, inherited_fd: int | None) -> None:
        context = get_context()
        self.connection, theirs = context.Pipe()
        inherited = inherited_fd if context.get_start_method() == "fork" else None
        self.process: BaseProcess = context.Process(target=_serve, args=(theirs, settings, inherited), daemon=True)
        self.process.start()
        theirs.close()
        self.chunks: deque[Chunk] = deque()

    def takes(self, chunk: Chunk) -> bool:
        """Any chunk when it has nothing to draft; a second one only when it is small (see the module)."""
        return not self.chunks or (len(self.chunks) == 1 and len(chunk.data) <= QUEUED)

    def give(self, chunk: Chunk) -> None:
        with suppress(OSError):  # it died since its last result: seen on its sentinel, and its chunk reported
            self.connection.send_bytes(chunk.data)
        self.chunks.append(chunk)

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


def _serve(pipe: Connection, settings: Settings, inherited_fd: int | None) -> None:
    worker_started(inherited_fd)
    while True:
        try:
            chunk = pipe.recv()
        except (EOFError, OSError):  # the batch is gone
            return
        try:
            pipe.send(draft_chunk(settings, chunk))
        except Exception:  # draft_chunk reports each case's own failure: this is the process failing
            os._exit(1)  # the batch reports the chunk's cases as failed


class Workers(AbstractContextManager["Workers"]):
    """``count`` workers, replaced when one dies, all killed when the block ends."""

    def __init__(self, count: int, settings: Settings, inherited_fd: int | None) -> None:
        self._settings, self._inherited_fd = settings, inherited_fd
        self.all = [Worker(settings, inherited_fd) for _ in range(count)]

    def __exit__(self, *exc: object) -> None:
        for worker in self.all:
            worker.process.kill()  # all at once: each gives its memory back while the others are waited for
        for worker in self.all:
            worker.stop()

    def replace(self, dead: Worker) -> Worker:
        dead.stop()
        new = Worker(self._settings, self._inherited_fd)
        self.all[self.all.index(dead)] = new
        return new

    def finished(self, timeout: float | None = None) -> Iterator[tuple[Worker, int, list[CaseResult]]]:
        """Wait for the busy workers (at most ``timeout`` seconds); for each that answered a chunk: (it, the
        chunk's number, its results). One that died answers the chunk it was drafting with its cases failed,
        and a new worker takes its place, and the chunk it had not started."""
        busy: dict[Any, Worker] = {w.connection: w for w in self.all if w.chunks}
        busy |= {w.process.sentinel: w for w in self.all if w.chunks}
        done: dict[Worker, None] = dict.fromkeys(busy[ready] for ready in connection.wait(list(busy), timeout))
        for worker in done:
            try:
                results = worker.connection.recv() if worker.connection.poll() else None
            except (EOFError, OSError):
                results = None
            chunk = worker.chunks.popleft()  # results come in the order the chunks were given
            if results is None:  # it died
                unstarted = list(worker.chunks)
                worker = self.replace(worker)
                for waiting in unstarted:
                    worker.give(waiting)
                results = [failed(job, mask(DIED)) for job in chunk.jobs]
            yield worker, chunk.number, results


def run_on(workers: Workers, chunks: Iterator[list[Job]], report: Callable[[list[CaseResult]], None]) -> None:
    """Draft every chunk on ``workers``; ``report`` gets each chunk's results in input order.

    A worker that answers is given its next chunks before anything is reported, also while earlier
    chunks are being reported: between two chunks' reports, so that it never waits for the report."""
    unread = numbered(chunks)
    ahead: Chunk | None = None  # read, and given to the first worker that takes it
    waiting: dict[int, list[CaseResult]] = {}  # done, until every earlier chunk is reported
    reported = 0

    def feed(worker: Worker) -> None:
        nonlocal ahead
        while (ahead := ahead if ahead is not None else next(unread, None)) is not None and worker.takes(ahead):
            worker.give(ahead)
            ahead = None

    def serve(timeout: float | None) -> None:
        for worker, number, results in workers.finished(timeout):
            feed(worker)
            waiting[number] = results

    for worker in workers.all:
        feed(worker)
    while any(worker.chunks for worker in workers.all):
        serve(None)
        while reported in waiting:
            report(waiting.pop(reported))
            reported += 1
            serve(0)
