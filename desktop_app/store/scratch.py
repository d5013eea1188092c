"""A private scratch database for work bigger than memory should hold: the keys seen earlier in an imported
file, the outcome of every row with the cells of the refused ones, the shared strings of a large workbook.

It is SQLite's temporary database (an empty file name): a file in the temporary folder that no other
connection can open, deleted when the connection closes and never left behind by a killed process. Its page
cache is small, so memory stays flat however much it holds; nothing in it is ever made durable.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

CACHE_KIB = 2048


class Scratch:
    """One private temporary database. Calls may come from several threads, one at a time (a check runs on
    a worker, its results are listed on the GUI thread): a lock keeps them apart."""

    def __init__(self, schema: str = ""):
        self._conn = sqlite3.connect("", check_same_thread=False, isolation_level=None)
        self._lock = threading.RLock()
        self._conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self._conn.execute("PRAGMA journal_mode=OFF")
        self._conn.execute("PRAGMA synchronous=OFF")
        if schema:
            self._conn.executescript(schema)
        self._conn.execute("BEGIN")  # one transaction for its whole life: nothing here needs committing
        self._closer = weakref.finalize(self, self._conn.close)

    def execute(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, tuple(params)).fetchall()

    def one(self, sql: str, params: Iterable[Any] = ()) -> tuple | None:
        with self._lock:
            return self._conn.execute(sql, tuple(params)).fetchone()

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._lock:
            self._conn.executemany(sql, rows)

    def iterate(self, select: str, key: str, where: str = "", params: Iterable[Any] = (),
                batch: int = 500) -> Iterator[tuple]:
        """The rows of ``{select} WHERE {key} > … [AND {where}] ORDER BY {key}`` a batch at a time, *key*
        being the first column selected: never the whole result in memory, no cursor left open between
        batches (the caller may write in between)."""
        after = -(2**63)
        condition = f"{key} > ?" + (f" AND ({where})" if where else "")
        sql = f"{select} WHERE {condition} ORDER BY {key} LIMIT {int(batch)}"
        while True:
            rows = self.execute(sql, (after, *params))
            yield from rows
            if len(rows) < batch:
                return
            after = rows[-1][0]

    def close(self) -> None:
        self._closer()

    @property
    def closed(self) -> bool:
        return not self._closer.alive
