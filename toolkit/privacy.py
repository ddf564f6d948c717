"""Personal data never leaves in full: ID numbers are masked in every message and log line."""

from __future__ import annotations

import re

_ID_LIKE = re.compile(r"(?<![0-9])([0-9]{4})[0-9]{9,12}([0-9]{1}[0-9Xx])(?![0-9A-Za-z])")


def mask(text: str) -> str:
    """Replace every run of 15–18 ID-like characters by its first four and last two, e.g. 4101************19."""
    return _ID_LIKE.sub(lambda m: m.group(1) + "*" * (len(m.group(0)) - 6) + m.group(2), text)


def mask_id(id_number: str) -> str:
    """An ID number as it may be shown: first four and last two characters."""
    if len(id_number) <= 6:
        return "*" * len(id_number)
    return id_number[:4] + "*" * (len(id_number) - 6) + id_number[-2:]
