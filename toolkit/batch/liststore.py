"""The list sheets, kept on disk and looked up by ``case_id``, so memory does not grow with the batch.

The ``cases`` sheet is streamed row by row, but the repayments (events, evidence …) of a case may be
anywhere in their own sheets. They are read once into a temporary SQLite file indexed by ``case_id``
and fetched when their case's row comes. Cells are stored as JSON (a date as ``{"date": "2026-04-10"}``),
so they reach the converters exactly as the spreadsheet gave them.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from toolkit.batch.layout import CASE_ID
from toolkit.batch.tables import Sheet
from toolkit.errors import CaseFileError

StoredRow = tuple[str, int, tuple[Any, ...]]  # sheet name, row number, cells (without case_id)


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, dt.time):
        return {"time": value.isoformat()}
    raise TypeError(type(value).__name__)


def _decode(value: dict[str, str]) -> Any:
    if "datetime" in value:
        return dt.datetime.fromisoformat(value["datetime"])
    if "date" in value:
        return dt.date.fromisoformat(value["date"])
    return dt.time.fromisoformat(value["time"])


# one encoder and one decoder for every row (``json.dumps`` with options builds a new encoder per call)
_ENCODER = json.JSONEncoder(default=_encode, ensure_ascii=False)
_DECODER = json.JSONDecoder(object_hook=_decode)


class ListStore:
    """Rows of every list sheet by case id, in sheet order."""

    def __init__(self, connection: sqlite3.Connection, headers: dict[str, tuple[str, ...]]) -> None:
        self._db = connection
        self.headers = headers  # sheet name → header without the case_id column

    def rows(self, case_id: str) -> Iterator[StoredRow]:
        query = "SELECT sheet, row, cells FROM items WHERE case_id = ? ORDER BY sheet, row"
        for sheet, row, cells in self._db.execute(query, (case_id,)):
            yield sheet, row, tuple(_DECODER.decode(cells))

    def case_ids(self) -> set[str]:
        return {case_id for (case_id,) in self._db.execute("SELECT DISTINCT case_id FROM items")}


@contextmanager
def list_store(sheets: dict[str, Sheet]) -> Iterator[ListStore]:
    """Read ``sheets`` into a temporary indexed file; removed when the block ends."""
    with tempfile.TemporaryDirectory(prefix="draft-lists-") as folder:
        connection = sqlite3.connect(Path(folder) / "lists.sqlite")
        connection.execute("PRAGMA cache_size = -256")  # its pages in at most 256 KiB: memory stays flat
        # the file is this batch's alone, and read again from the spreadsheet if the batch is cut short: its lock
        # is taken once (not again, with a look for its journal, at every query) and it is never flushed to disk
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("PRAGMA synchronous = OFF")
        try:
            connection.execute("CREATE TABLE items (case_id TEXT, sheet TEXT, row INTEGER, cells TEXT)")
            headers = {name: _load(connection, name, sheet) for name, sheet in sheets.items()}
            connection.execute("CREATE INDEX by_case ON items (case_id)")
            connection.commit()
            yield ListStore(connection, headers)
        finally:
            connection.close()


def _load(connection: sqlite3.Connection, name: str, sheet: Sheet) -> tuple[str, ...]:
    if CASE_ID not in sheet.header:
        raise CaseFileError(sheet.label, [f"{sheet.label}!R1: 缺少 {CASE_ID} 列：每一行须写明属于哪个案件"])
    key = sheet.header.index(CASE_ID)
    batch: list[tuple[str, str, int, str]] = []
    for number, cells in sheet.rows:
        case_id = cells[key]
        if isinstance(case_id, int | float) and not isinstance(case_id, bool):
            case_id = str(case_id)  # reported at the case's own row; kept here so the rows are not lost
        rest = cells[:key] + cells[key + 1 :]
        batch.append((str(case_id or "").strip(), name, number, _ENCODER.encode(rest)))
        if len(batch) >= 1000:
            connection.executemany("INSERT INTO items VALUES (?, ?, ?, ?)", batch)
            batch.clear()
    connection.executemany("INSERT INTO items VALUES (?, ?, ?, ?)", batch)
    return sheet.header[:key] + sheet.header[key + 1 :]
