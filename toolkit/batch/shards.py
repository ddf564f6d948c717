"""Splitting a batch for a cluster: ``--shard K/N`` keeps the cases whose id hashes to slice K of N.

The slice is chosen by a stable hash of the case id (the first 8 bytes of its SHA-256, modulo N), not by
position, so it does not depend on the order of the inputs or on other cases being added or removed, and
two rows with the same id always fall in the same shard (where the repeat is reported). Every shard reads
all inputs and drafts only its own cases; the N reports merge into one (``draft batch merge-reports``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from toolkit.errors import UsageError

_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


@dataclass(frozen=True)
class Shard:
    k: int  # 1-based
    n: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        match = _SPEC.fullmatch(text)
        if not match or not 1 <= int(match.group(1)) <= int(match.group(2)):
            raise UsageError(f"--shard {text} 的格式不对", "写成 K/N，1 ≤ K ≤ N，例如 --shard 3/8 表示八份中的第三份")
        return cls(int(match.group(1)), int(match.group(2)))

    def selects(self, key: str) -> bool:
        return shard_of(key, self.n) == self.k

    def __str__(self) -> str:
        return f"{self.k}/{self.n}"


def shard_of(key: str, n: int) -> int:
    """The 1-based shard of ``key`` among ``n``."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n + 1
