"""Opening and closing the database: a SQLite file, or a database on a PostgreSQL server.

Every model is bound to the ``database`` proxy; the app, the command line and the tests
initialise it with a real file or server. On a file: WAL, foreign keys, a busy timeout and IMMEDIATE
transactions (a writer takes the lock at BEGIN, so two writers never deadlock half-way).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from desktop_app.store import opening, writes
from desktop_app.store.opening import NotADatabaseError

database = writes.WatchedDatabase()  # notes the table of every write (store.writes)
__all__ = ["NotADatabaseError", "PRAGMAS", "close", "connect", "current_location", "current_path", "database",
           "is_server", "refuse_writes"]

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 5000,
    "cache_size": -32000,
}


def connect(path: str | Path | opening.ServerAddress, *, create: bool = True) -> SqliteDatabase:
    """Open *path* (creating it when *create*), bind the models to it and return it. How it opens
    (a server, a plain or encrypted file, or refused) is decided by ``opening.examine``."""
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
    if is_server():
        real.close()
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
    if is_server():  # the server's own read-only transactions, for the rest of this connection
        real.execute_sql("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    elif isinstance(real, SqliteDatabase):  # a cipher database is one too
        real.execute_sql("PRAGMA query_only = 1")


def current_location() -> Path | opening.ServerAddress | None:
    """The file or server the models are bound to (None before any)."""
    real = database.obj
    if real is None:
        return None
    address = getattr(real, "server_address", None)
    return address if address is not None else Path(real.database)


def current_path() -> Path | None:
    """The file the models are bound to; None for none, and for a server."""
    location = current_location()
    return location if isinstance(location, Path) else None


def is_server() -> bool:
    """True when the models are bound to a server database."""
    return getattr(database.obj, "server_address", None) is not None
