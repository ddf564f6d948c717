"""``python -m toolkit`` and the ``draft`` script: one command, the whole life of the process.

Starting a command (the imports, the case models, the legal tables, the template's code) makes a few
hundred thousand objects that live until the process ends; the cyclic garbage collector would walk them
over and over, and once more at exit. So a process runs its command without it: reference counting still
frees at once almost everything a command drops (every file is closed by a ``with``), and the few cycles a
one-case command leaves, well under a megabyte, go with the process. ``draft batch``, which runs for
thousands of documents, turns the collector back on before its first case. Commands run in-process (the
tests) keep the caller's setting. About 6 % of ``draft answer``'s instructions (docs/batch.md).
"""

import gc
import signal


def run() -> object:
    """The command named by the process's arguments; its result is the exit status."""
    gc.disable()
    from toolkit.cli import main

    try:
        return main()
    finally:
        gc.freeze()  # the process ends: no last walk over every object it made
        # the command is done (its own Ctrl+C handling is over): a Ctrl+C or SIGTERM from here on, while
        # the interpreter exits, would only print a traceback from its exit handlers
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, signal.SIG_IGN)


if __name__ == "__main__":
    raise SystemExit(run())
