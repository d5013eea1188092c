"""Opening and closing the SQLite database.

Every model is bound to the ``database`` proxy; the app, the command line and the tests
initialise it with a real file. WAL, foreign keys, a busy timeout and IMMEDIATE transactions
(a writer takes the lock at BEGIN, so two writers never deadlock half-way).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from desktop_app.store import opening, writes
from desktop_app.store.opening import NotADatabaseError

database = writes.WatchedDatabase()  # notes the table of every write (store.writes)
__all__ = ["NotADatabaseError", "PRAGMAS", "close", "connect", "current_path", "database", "refuse_writes"]

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 5000,
    "cache_size": -32000,
}


def connect(path: str | Path, *, create: bool = True) -> SqliteDatabase:
    """Open *path* (creating it when *create*), bind the models to it and return it. How the file opens
    (plain or encrypted, or refused) is decided by ``opening.examine``."""
    real = opening.peewee_database(opening.examine(path, create=create), PRAGMAS)
    database.initialize(real)
    writes.forget()
    return real


def close() -> None:
    """Checkpoint the WAL into the main file and close."""
    real = database.obj
    writes.forget()
    if real is None or real.is_closed():
        return
    try:
        real.execute_sql("PRAGMA optimize")
        real.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass
    real.close()


def refuse_writes() -> None:
    """From now on this thread's connection refuses to write (work that promised only to read)."""
    real = database.obj
    if isinstance(real, SqliteDatabase):  # a cipher database is one too
        real.execute_sql("PRAGMA query_only = 1")


def current_path() -> Path | None:
    real = database.obj
    return Path(real.database) if real is not None else None
