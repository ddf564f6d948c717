"""The worker processes of a batch: each with a pipe of its own, drafting one chunk at a time.

``multiprocessing.Pool`` shares two queues among its workers, each behind a lock. A worker that dies while
it holds one (killed by the OOM killer, or stopped with the batch while it sends a result) leaves the
batch waiting forever, and a chunk whose worker died is never answered. Here nothing is shared. A worker
that dies is seen on its process's sentinel: its chunk's cases are reported failed (a rerun drafts them)
and a new worker takes its place. Stopping kills the workers and waits for nothing that could hang.

One chunk at a time keeps both pipes from filling at once (a worker blocked sending results while the
batch is blocked sending it a chunk); the next chunk is read ahead, so a worker's result is answered at
once with its next chunk, before the result is reported.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, suppress
from multiprocessing import connection, get_context
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from toolkit.batch.jobs import CaseResult, Job
from toolkit.batch.stopping import worker_started
from toolkit.batch.worker import Settings, draft_chunk, failed
from toolkit.privacy import mask

DIED = "起草该案件的进程意外终止（可能是内存不足）：重新运行同一条命令即可，只会重做未完成的案件"


class Worker:
    """A process drafting the chunks it is given, and the chunk it drafts now."""

    def __init__(self, settings: Settings, inherited_fd: int | None) -> None:
        context = get_context()
        self.connection, theirs = context.Pipe()
        inherited = inherited_fd if context.get_start_method() == "fork" else None
        self.process: BaseProcess = context.Process(target=_serve, args=(theirs, settings, inherited), daemon=True)
        self.process.start()
        theirs.close()
        self.chunk: tuple[int, list[Job]] | None = None  # (its number in the batch, its jobs)

    def give(self, number: int, chunk: list[Job]) -> None:
        with suppress(OSError):  # it died since its last result: seen on its sentinel, and its chunk reported
            self.connection.send(chunk)
        self.chunk = (number, chunk)

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
        """Wait for the busy workers (at most ``timeout`` seconds); each that is done: (it, its chunk's
        number, the chunk's results)."""
        busy: dict[Any, Worker] = {w.connection: w for w in self.all if w.chunk}
        busy |= {w.process.sentinel: w for w in self.all if w.chunk}
        done: dict[Worker, None] = dict.fromkeys(busy[ready] for ready in connection.wait(list(busy), timeout))
        for worker in done:
            assert worker.chunk is not None
            number, chunk = worker.chunk
            worker.chunk = None
            try:
                results = worker.connection.recv() if worker.connection.poll() else None
            except (EOFError, OSError):
                results = None
            if results is None:  # it died: its cases are reported, and a new worker takes its place
                worker = self.replace(worker)
                results = [failed(job, mask(DIED)) for job in chunk]
            yield worker, number, results


def run_on(workers: Workers, chunks: Iterator[list[Job]], report: Callable[[list[CaseResult]], None]) -> None:
    """Draft every chunk on ``workers``; ``report`` gets each chunk's results in input order.

    A worker that finishes is given its next chunk before anything is reported, also while earlier
    chunks are being reported: between two chunks' reports, so that it never waits for the report."""
    numbered = enumerate(chunks)
    for worker in workers.all:
        if (item := next(numbered, None)) is not None:
            worker.give(*item)
    ahead = next(numbered, None)  # read while the workers draft: a worker that finishes gets its next at once
    waiting: dict[int, list[CaseResult]] = {}  # done, until every earlier chunk is reported
    reported = 0

    def serve(timeout: float | None) -> None:
        nonlocal ahead
        for worker, number, results in workers.finished(timeout):
            item, ahead = (ahead if ahead is not None else next(numbered, None)), None
            if item is not None:
                worker.give(*item)
            waiting[number] = results

    while any(worker.chunk for worker in workers.all):
        serve(None)
        while reported in waiting:
            report(waiting.pop(reported))
            reported += 1
            serve(0)
        if ahead is None:
            ahead = next(numbered, None)
