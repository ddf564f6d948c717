"""Stopping a batch on Ctrl+C (SIGINT) or a scheduler's SIGTERM: quietly, between two cases.

While a batch runs, both signals raise :class:`Stopped` in the main process, except inside a
:meth:`Stopper.deferred` block (the report being published), where the stop waits until the block
ends. Workers ignore SIGINT (the terminal sends it to them too) and die at once on SIGTERM, which is
how the pool ends them; they also die with the batch if it is killed outright (Linux).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNAL_NAMES = {signal.SIGINT: "Ctrl+C", signal.SIGTERM: "SIGTERM"}
_PR_SET_PDEATHSIG = 1


class Stopped(BaseException):
    """The batch was asked to stop; ``signum`` says by which signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Stopper:
    def __init__(self) -> None:
        self._deferring = 0
        self._pending: int | None = None

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if self._deferring:
            self._pending = signum
            return
        raise Stopped(signum)

    def ignore_more(self) -> None:
        """From now on a signal changes nothing: the batch is already stopping, or has drafted every case."""
        self._deferring += 1
        self._pending = None

    @contextmanager
    def deferred(self) -> Iterator[None]:
        self._deferring += 1
        try:
            yield
        finally:
            self._deferring -= 1
        if not self._deferring and self._pending is not None:  # a stop that came while publishing
            signum, self._pending = self._pending, None
            raise Stopped(signum)


@contextmanager
def stop_on_signals() -> Iterator[Stopper]:
    """Turn SIGINT and SIGTERM into :class:`Stopped` for the block (in the main thread only)."""
    stopper = Stopper()
    if threading.current_thread() is not threading.main_thread():
        yield stopper
        return
    previous = {signum: signal.signal(signum, stopper.handle) for signum in SIGNAL_NAMES}
    try:
        yield stopper
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def worker_started(inherited_fd: int | None) -> None:
    """In a new worker: ignore Ctrl+C, die on SIGTERM, die with the batch, let go of the batch's lock."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if inherited_fd is not None:
        os.close(inherited_fd)  # the lock stays with the batch alone, not with a worker that outlives it
    if sys.platform.startswith("linux"):
        import ctypes  # in the worker, where it is needed

        parent = os.getppid()
        # the process's own symbols include the C library's: no ldconfig run to find it (as files.sync_file_system)
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the batch died before the request took effect
            os._exit(1)
