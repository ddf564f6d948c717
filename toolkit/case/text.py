"""Characters a case file's text may not hold, and the words that tell the lawyer which one and where.

A document is XML: a control character (U+0000–U+001F but tab and line breaks, U+007F–U+009F), a
surrogate or a non-character (U+FFFE, U+FFFF, U+FDD0–U+FDEF, and the last two of every plane) cannot be
written into it, and Word refuses the file. Invisible formatting characters (zero-width spaces and
joiners, direction marks and overrides, the byte-order mark) can be written, but they make a name differ
from the same name typed by hand and can reorder what a reader sees: they arrive by copying from a web
page, a chat or a PDF. Both kinds are refused when the case is loaded, naming the field, the position and
the character, so that nothing of the kind ever reaches a template.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE_CHARACTERS = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"  # a class's ranges
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")
_NONCHARACTERS = "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
_BMP_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
RAW_CONTROL = re.compile(f"[{_BMP_CONTROL}{_NONCHARACTERS}]")  # also refused when written raw in a file
# The same, searched fast: a class that lists the 32 non-characters beyond U+FFFF makes the regex engine test
# every character against each of them (a case file's text then takes over ten times longer to search), so
# the search is for the forbidden characters of the first plane and for any character beyond it.
_SUSPECT = re.compile(f"[{_BMP_CONTROL}\U00010000-\U0010ffff]")
# Either kind, or any character beyond U+FFFF: text without one (nearly every value) is passed by one search.
_FLAGGED = re.compile(f"[{_BMP_CONTROL}\U00010000-\U0010ffff{_INVISIBLE_CHARACTERS}]")


def control_character(text: str) -> re.Match[str] | None:
    """The first control character, surrogate or non-character of ``text`` (what ``RAW_CONTROL`` finds)."""
    for found in _SUSPECT.finditer(text):
        code = ord(found.group())
        if code <= 0xFFFF or code & 0xFFFE == 0xFFFE:  # beyond U+FFFF only U+nFFFE and U+nFFFF are refused
            return found
    return None


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot go into a document (in words for the lawyer), or ``None`` when it can."""
    if _FLAGGED.search(value) is None:
        return None
    for search, kind in ((control_character, "控制字符或非字符"), (_INVISIBLE.search, "不可见的格式字符")):
        if found := search(value):
            char = found.group()
            name = unicodedata.name(char, "")
            label = f"U+{ord(char):04X}{f' {name}' if name else ''}"
            return (
                f"第 {found.start() + 1} 个字符是{kind}（{label}），不能写入文书：常见于从网页、微信或 PDF "
                "复制的文字；请在编辑器中删除该字符（可删掉该处前后的字再重新输入）"
            )
    return None
