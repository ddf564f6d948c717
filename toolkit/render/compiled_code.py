"""The Python code Jinja generates for a template's text, kept in the per-user cache.

Compiling the answer's text (Jinja's parse, the sandbox's checks of the source, code generation, Python's
compile) cost every process about 30 ms, a tenth of a one-case command. The result depends
only on the text and on the code that compiles it, so it is kept in the per-user cache
(:mod:`toolkit.render.compile_cache`) as a marshalled code object, under the SHA-256 of the text, the
Python bytecode version, Jinja's version, the environment's class and its filter and test names, and the
source of every toolkit module that shapes the generated code.

This is the one entry of the cache that holds code: it is the same code the sandbox generates from the
same text (the sandbox's checks are calls inside it, made at every render), and it is run only under the
cache's own conditions: a file of the current user, in a folder no one else may write to, within its size
budget, its SHA-256 checking. Whoever can write there can already change the user's own programs; a file
that fails a check is compiled again, as if there were no cache. See docs/batch.md.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
from collections.abc import Callable
from pathlib import Path
from types import CodeType

import jinja2

from toolkit import __version__
from toolkit.render import compile_cache, environment, filters, limits
from toolkit.render.environment import DraftEnvironment

_KIND = "jinja-code 1"
# The toolkit's modules whose code shapes what is generated (the guard, the generator, the filter names,
# the passes over the text before it is compiled): a change to any of them is another key.
_SHAPING = (environment.__file__, filters.__file__, limits.__file__, __file__)


def cached_code(env: DraftEnvironment, text: str, compile_text: Callable[[str], CodeType], shaping: str) -> CodeType:
    """The code of ``text`` from the per-user cache, or ``compile_text(text)``, then stored. ``shaping`` is
    the file of the caller, whose passes over the text are part of what is compiled."""
    key = _key(env, text, shaping)
    found = compile_cache.read(key)
    if found is not None and found[0].get("kind") == _KIND:
        try:
            code = marshal.loads(found[1])
        except (EOFError, ValueError, TypeError):
            code = None
        if isinstance(code, CodeType):
            return code
    code = compile_text(text)
    compile_cache.write(key, {"kind": _KIND}, marshal.dumps(code))
    return code


def _key(env: DraftEnvironment, text: str, shaping: str) -> str:
    kind = type(env)
    pieces = [
        f"{_KIND} draft {__version__} jinja2 {jinja2.__version__} python {importlib.util.MAGIC_NUMBER.hex()}".encode(),
        f"{kind.__module__}.{kind.__qualname__}".encode(),
        " ".join(sorted(env.filters)).encode(),
        " ".join(sorted(env.tests)).encode(),
        *(Path(module).read_bytes() for module in (*_SHAPING, shaping)),
        text.encode("utf-8"),
    ]
    recipe = hashlib.sha256()
    for piece in pieces:  # each piece by its own digest: no two recipes run together into the same bytes
        recipe.update(hashlib.sha256(piece).digest())
    return recipe.hexdigest()
