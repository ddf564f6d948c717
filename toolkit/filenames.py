"""File names made from case data (a client's name), safe on Windows, macOS and Linux.

A name is one path component: no separator, control or invisible character, nor a character Windows
forbids (``<>:"/\\|?*``); no leading or trailing dot or space (Windows drops them); never a Windows device
name (CON, PRN, AUX, NUL, COM0–9, LPT0–9 and their superscript forms, CONIN$, CONOUT$), whatever the
extension or the case, since ``NUL.docx`` opens the device, not a file; and at most :data:`MAX_NAME_BYTES`
bytes in UTF-8 (file systems allow 255), shortened in the part that came from the data so that the fixed
``tail`` — the document's title and suffix — is never cut away, and two documents of one client never
share a name.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_BYTES = 200
FALLBACK = "文书"

_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]')
_DIGITS = "0123456789¹²³"
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{device}{digit}" for device in ("COM", "LPT") for digit in _DIGITS}
)


def safe_file_name(name: str, tail: str = "") -> str:
    """``name`` + ``tail`` as one safe file name; ``name`` (from the data) is what gets shortened or replaced.

    ``tail`` is the fixed end, such as ``"-民事答辩状.docx"``; a name that is empty once cleaned becomes
    :data:`FALLBACK`. Without a tail, the last suffix of ``name`` (``.docx``) is kept whole instead."""
    if not tail:
        stem, dot, suffix = _clean(name).rpartition(".")
        name, tail = (stem, f".{suffix}") if dot and stem and _is_suffix(suffix) else (name, "")
    tail = _UNSAFE.sub("_", unicodedata.normalize("NFC", tail)).rstrip(". ")
    room = MAX_NAME_BYTES - len(tail.encode("utf-8"))
    head = _clean(name)
    while len(head.encode("utf-8")) > room:
        head = head[:-1].rstrip("._ ")
    if not head:
        head = FALLBACK
    result = f"{head}{tail}"
    first, dot, rest = result.partition(".")
    if first.rstrip(" ").upper() in _RESERVED:  # Windows reads the part before the first dot
        result = f"{first.rstrip(' ')}_{dot}{rest}"
    return result


def same_name_key(name: str) -> str:
    """What two names share when a case-insensitive file system (Windows, macOS) would take them as one."""
    return unicodedata.normalize("NFC", name).casefold()


def _clean(text: str) -> str:
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", text))
    cleaned = re.sub(r"_+", "_", re.sub(r"\.{2,}", "_", cleaned))
    return cleaned.strip("._ ")


def _is_suffix(suffix: str) -> bool:
    return 0 < len(suffix) <= 5 and suffix.isascii() and suffix.isalnum()
